#define G_LOG_DOMAIN "captioner-window-folder"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "captioner-folder.h"
#include "captioner-person.h"
#include "captioner-window-private.h"

/* Photo headers queued at once. Each completion waits for the main loop, which may be busy
 * drawing: enough must be queued that the header threads never wait for it. The photo the
 * editor asks for goes ahead of the queue (a higher priority). */
#define MAX_LOADS 32
/* Headers are read by threads of their own, below the window's priority: reading a folder
 * keeps both cores busy for a second or more, and the window must still draw. On a local
 * disk a header read computes, so one thread a core (2): with four, a thread preempted
 * while holding one of GObject's global locks waited behind the others for a core, and the
 * window waited for the lock (perf sched, cold openings at nice 10: 32-44 lock waits a run,
 * up to 15 ms; 8-14 with two, up to 6 ms). On a network share a read mostly waits: four.
 * Nice 10: at 15 a preempted holder waited 60 ms for a core; at 5 the threads took enough
 * of the cores from the window to make its frames longer than 50 ms. */
#define HEADER_THREADS_LOCAL  2
#define HEADER_THREADS_REMOTE 4
#define HEADER_NICENESS       10
#define MAX_RECENT 10
#define MAX_LOAD_TOASTS 3

typedef struct
{
  CaptionerWindow    *window;
  CaptionerPhotoItem *item;
  guint               generation;
} ItemJob;

static ItemJob *
item_job_new (CaptionerWindow    *self,
              CaptionerPhotoItem *item)
{
  ItemJob *job = g_new0 (ItemJob, 1);

  job->window = g_object_ref (self);
  job->item = g_object_ref (item);
  job->generation = self->generation;
  return job;
}

static void
item_job_free (ItemJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->item);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ItemJob, item_job_free)

/* A photo's header, read with the thumbnail embedded in its EXIF decoded: the first picture
 * the grid can show, decoded beside the header so that the window's thread only hands it on. */
typedef struct
{
  GFile          *file;
  gboolean        want_preview;
  GdkPixbuf      *preview;
} HeaderLoad;

static void
header_load_free (HeaderLoad *load)
{
  g_clear_object (&load->file);
  g_clear_object (&load->preview);
  g_free (load);
}

/* The photo read; its preview, if any, is left in the task's data. */
static gpointer
header_thread (gpointer       task_data,
               GCancellable  *cancellable,
               GError       **error)
{
  HeaderLoad *load = task_data;
  g_autoptr(CaptionerPhoto) photo = captioner_photo_load (load->file, cancellable, error);
  GBytes *jpeg;

  if (photo == NULL)
    return NULL;
  jpeg = captioner_photo_get_thumbnail (photo);
  if (load->want_preview && jpeg != NULL)
    {
      /* A folder opened before has its thumbnails in the cache, on their way: no preview
       * to decode and keep meanwhile. */
      g_autofree char *uri = g_file_get_uri (load->file);
      g_autofree char *cached = captioner_thumbnail_path_for_uri (uri, CAPTIONER_THUMBNAIL_NORMAL);

      load->want_preview = !g_file_test (cached, G_FILE_TEST_EXISTS);
    }
  if (load->want_preview && jpeg != NULL)
    /* A damaged EXIF thumbnail is no loss: the decoded thumbnail follows. */
    load->preview = captioner_thumbnail_decode_embedded (
      jpeg, captioner_photo_get_orientation (photo), CAPTIONER_THUMBNAIL_NORMAL, NULL);
  return g_steal_pointer (&photo);
}

static void pump_loads (CaptionerWindow *self);

static gboolean
show_current_cb (gpointer user_data)
{
  CaptionerWindow *self = user_data;

  self->show_source = 0;
  if (self->current != NULL && captioner_photo_item_get_photo (self->current) != NULL)
    captioner_window_show_item (self, self->current);
  return G_SOURCE_REMOVE;
}

/* The photo the editor waits for has its header: it is shown after the frame already due (the
 * folder's first screen, when the folder has just opened), in a turn of the main loop of its
 * own, so that the caption panel's first layout and the grid's are not drawn in one. */
static void
show_current_soon (CaptionerWindow *self)
{
  if (self->show_source == 0)
    self->show_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, show_current_cb, self, NULL);
}

static void
on_photo_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ItemJob) job = user_data;
  CaptionerWindow *self = job->window;
  HeaderLoad *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  photo = g_task_propagate_pointer (G_TASK (result), &error);
  captioner_photo_item_set_loading (job->item, FALSE);
  if (job->generation != self->generation)
    return;
  self->loads_in_flight--;
  self->n_loaded++;

  if (photo != NULL)
    {
      gboolean awaited = job->item == self->current &&
                         captioner_photo_item_get_photo (job->item) == NULL;

      captioner_photo_item_set_photo (job->item, photo);
      if (load->preview != NULL)
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (load->preview);

          captioner_photo_item_set_thumbnail (job->item, texture, FALSE);
        }
      captioner_window_add_known_names (self, captioner_photo_get_metadata (photo), FALSE);
      if (awaited)
        captioner_window_after_paint (self, show_current_soon);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      captioner_photo_item_set_error (job->item, error->message);
      captioner_photo_item_set_state (job->item, CAPTIONER_PHOTO_STATE_ERROR);
      if (self->n_load_errors++ < MAX_LOAD_TOASTS || job->item == self->current)
        captioner_window_toast (self, error->message);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));
  if (self->n_loaded == n)
    {
      if (self->n_load_errors > MAX_LOAD_TOASTS)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u photo could not be read",
                                          "%u photos could not be read", self->n_load_errors),
                             self->n_load_errors);
          captioner_window_toast (self, message);
        }
    }
  captioner_window_profile_progress (self);
  pump_loads (self);
}

static void
start_load (CaptionerWindow    *self,
            CaptionerPhotoItem *item,
            int                 io_priority)
{
  g_autoptr(GTask) task = NULL;
  HeaderLoad *load = g_new0 (HeaderLoad, 1);

  load->file = g_object_ref (captioner_photo_item_get_file (item));
  load->want_preview = !captioner_photo_item_has_decoded_thumbnail (item);
  captioner_photo_item_set_loading (item, TRUE);
  self->loads_in_flight++;
  task = g_task_new (NULL, self->folder_cancellable, on_photo_loaded_cb,
                     item_job_new (self, item));
  g_task_set_source_tag (task, start_load);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, load, (GDestroyNotify) header_load_free);
  captioner_worker_run (self->header_worker, task, header_thread, g_object_unref);
}

static void
pump_loads (CaptionerWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->photos);

  while (self->loads_in_flight < MAX_LOADS && self->next_load < g_list_model_get_n_items (model))
    {
      g_autoptr(CaptionerPhotoItem) item = g_list_model_get_item (model, self->next_load++);

      if (captioner_photo_item_get_photo (item) == NULL &&
          !captioner_photo_item_get_loading (item))
        start_load (self, item, CAPTIONER_WINDOW_BACKGROUND_PRIORITY);
    }
}

/* The photo the editor is waiting for goes before the queue. */
void
captioner_window_load_item_now (CaptionerWindow    *self,
                                CaptionerPhotoItem *item)
{
  if (captioner_photo_item_get_photo (item) == NULL && !captioner_photo_item_get_loading (item))
    start_load (self, item, G_PRIORITY_HIGH);
}

/* Reads the photo and its sidecar again (after a conflict); callback gets the new photo. */
void
captioner_window_reload_item (CaptionerWindow     *self,
                              CaptionerPhotoItem  *item,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  captioner_photo_load_async (captioner_photo_item_get_file (item), G_PRIORITY_HIGH, NULL,
                              callback, user_data);
}

static void
remember_folder (CaptionerWindow *self,
                 GFile           *folder)
{
  g_autofree char *uri = g_file_get_uri (folder);
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-folders");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && kept < MAX_RECENT; i++)
    if (g_strcmp0 (recent[i], uri) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        kept++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-folders", (const char * const *) updated);
  g_settings_set_string (self->settings, "last-folder", uri);
}

typedef struct
{
  GPtrArray *files;   /* GFile: what was asked for */
  GPtrArray *photos;  /* GFile: the photos found */
  GFile     *folder;  /* the folder to name the window after */
  GFile     *select;  /* a photo named beside its folder: shown first */
  gboolean   remote;  /* the photos are on a network share */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_pointer (&data->photos, g_ptr_array_unref);
  g_clear_object (&data->folder);
  g_clear_object (&data->select);
  g_free (data);
}

static void
expand_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;

  g_autoptr(GPtrArray) expanded = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_file_hash, (GEqualFunc) g_file_equal);
  GFile *first_file = NULL;

  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          if (data->folder == NULL)
            data->folder = g_object_ref (file);
        }
      else if (first_file == NULL)
        first_file = file;
    }
  if (data->folder != NULL && first_file != NULL)
    data->select = g_object_ref (first_file);

  expanded = captioner_folder_expand ((GFile **) data->files->pdata, data->files->len,
                                      cancellable, &error);
  if (expanded == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* `captioner FOLDER FOLDER/photo.jpg` lists the photo once, in the folder's order. */
  data->photos = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < expanded->len; i++)
    if (g_hash_table_add (seen, g_ptr_array_index (expanded, i)))
      g_ptr_array_add (data->photos, g_object_ref (g_ptr_array_index (expanded, i)));
  if (data->select != NULL && data->folder != NULL)
    {
      /* The folder's photos first, in the folder's order, whatever the order of the arguments
       * (`captioner FOLDER/photo.jpg FOLDER` must not list photo.jpg ahead of the others). */
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) listing = captioner_folder_list_photos (data->folder, cancellable,
                                                                   NULL);

      for (guint i = 0; listing != NULL && i < listing->len; i++)
        if (g_hash_table_remove (seen, g_ptr_array_index (listing, i)))
          g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (listing, i)));
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < data->photos->len; i++)
          {
            GFile *photo = g_ptr_array_index (data->photos, i);
            g_autoptr(GFile) parent = g_file_get_parent (photo);
            gboolean in_folder = parent != NULL && g_file_equal (parent, data->folder);

            /* What the listing did not give: files named on the command line that are not
             * photos by name, kept so that loading reports them. */
            if (in_folder == (pass == 0) && g_hash_table_contains (seen, photo))
              g_ptr_array_add (sorted, g_object_ref (photo));
          }
      g_ptr_array_unref (data->photos);
      data->photos = g_steal_pointer (&sorted);
    }
  if (data->photos->len > 0)
    {
      g_autoptr(GFile) parent = g_file_get_parent (g_ptr_array_index (data->photos, 0));
      g_autoptr(GFileInfo) info = NULL;

      if (parent != NULL)
        info = g_file_query_filesystem_info (parent, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE,
                                             cancellable, NULL);
      data->remote = info != NULL &&
                     g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
    }
  g_task_return_boolean (task, TRUE);
}

/* Back to the welcome page when the folder asked for could not be shown and none was before. */
static void
show_desk_if_photos (CaptionerWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->photos)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_expanded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (object);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          captioner_window_toast (self, error->message);
          show_desk_if_photos (self);
        }
      return;
    }
  if (data->photos->len == 0)
    {
      GFile *asked = data->folder ? data->folder : g_ptr_array_index (data->files, 0);
      g_autofree char *name = g_file_get_basename (asked);
      g_autofree char *message = g_strdup_printf (_("No photos in “%s”"), name);

      captioner_window_toast (self, message);
      show_desk_if_photos (self);
      return;
    }

  /* Edits in the folder being left are saved, never dropped. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->photos)); i++)
    {
      g_autoptr(CaptionerPhotoItem) item = g_list_model_get_item (G_LIST_MODEL (self->photos), i);

      if (captioner_photo_item_get_draft (item) != NULL)
        captioner_window_save_item (self, item, CAPTIONER_SAVE_NONE);
    }

  captioner_window_thumbnails_stop (self);
  captioner_worker_set_threads (self->header_worker,
                                data->remote ? HEADER_THREADS_REMOTE : HEADER_THREADS_LOCAL);
  self->generation++;
  self->next_load = 0;
  self->loads_in_flight = 0;
  self->n_loaded = 0;
  self->n_load_errors = 0;
  captioner_window_profile_folder_shown (self);
  g_clear_object (&self->folder);
  self->folder = data->folder ? g_object_ref (data->folder)
                              : g_file_get_parent (g_ptr_array_index (data->photos, 0));
  if (data->folder != NULL)
    remember_folder (self, data->folder);
  title = g_file_get_basename (self->folder);
  adw_window_title_set_title (self->title_widget, title);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < data->photos->len; i++)
    g_ptr_array_add (items, captioner_photo_item_new (g_ptr_array_index (data->photos, i)));

  self->shown_position = GTK_INVALID_LIST_POSITION;
  captioner_window_show_item (self, NULL);
  g_list_store_splice (self->photos, 0, g_list_model_get_n_items (G_LIST_MODEL (self->photos)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, "desk");

  captioner_window_thumbnails_start (self);
  pump_loads (self);
  {
    guint position = 0;

    for (guint i = 0; data->select != NULL && i < data->photos->len; i++)
      if (g_file_equal (g_ptr_array_index (data->photos, i), data->select))
        position = i;
    if (position > 0)
      captioner_window_load_item_now (self, g_ptr_array_index (items, position));
    gtk_single_selection_set_selected (self->selection, position);
  }
  gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}

void
captioner_window_open (CaptionerWindow  *self,
                       GFile           **files,
                       guint             n_files)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (CAPTIONER_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  g_cancellable_cancel (self->folder_cancellable);
  g_clear_object (&self->folder_cancellable);
  self->folder_cancellable = g_cancellable_new ();
  captioner_window_profile_open (self);
  /* The desk is laid out and painted while the folder is listed, so that the frame which
   * brings the folder's first screen only draws the grid. */
  gtk_stack_set_visible_child_name (self->stack, "desk");

  data = g_new0 (OpenData, 1);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));

  task = g_task_new (self, self->folder_cancellable, on_expanded_cb, NULL);
  g_task_set_source_tag (task, captioner_window_open);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, expand_thread);
}

void
captioner_window_open_uri (CaptionerWindow *self,
                           const char      *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  captioner_window_open (self, &file, 1);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CaptionerWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        captioner_window_open (self, &folder, 1);
    }
  g_object_unref (chooser);
}

void
captioner_window_open_folder_dialog (CaptionerWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
captioner_window_rebuild_recent (CaptionerWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-folders");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *label = g_file_get_parse_name (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
  if (recent[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Folders"), "win.no-recent");
      g_menu_append_item (self->recent_section, item);
    }
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            CaptionerWindow *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  captioner_window_open (self, (GFile **) files->pdata, files->len);
  g_slist_free (list);
  return files->len > 0;
}

void
captioner_window_folder_init (CaptionerWindow *self)
{
  GtkDropTarget *target;

  self->header_worker = captioner_worker_new (HEADER_THREADS_LOCAL, HEADER_NICENESS);
  captioner_window_thumbnails_init (self);
  self->folder_cancellable = g_cancellable_new ();
  captioner_window_profile_init (self);

  captioner_window_names_init (self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
captioner_window_folder_dispose (CaptionerWindow *self)
{
  /* Loads and thumbnails still on their way find a window that moved on. */
  captioner_window_thumbnails_stop (self);
  self->generation++;
  g_clear_handle_id (&self->show_source, g_source_remove);
  captioner_window_profile_dispose (self);
  captioner_window_thumbnails_dispose (self);
  g_cancellable_cancel (self->folder_cancellable);
  g_clear_object (&self->folder_cancellable);
  g_clear_object (&self->header_worker);
  g_clear_object (&self->folder);
  captioner_window_names_dispose (self);
}
