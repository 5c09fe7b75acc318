#define G_LOG_DOMAIN "captioner-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "captioner-desk-private.h"
#include "captioner-folder.h"
#include "captioner-person.h"
#include "captioner-thumbnail.h"

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
/* The folder's headers come back below the window's redraws (GTask returns a result at its
 * priority): a burst of results never holds back a frame. What the editor waits for is
 * asked for at G_PRIORITY_HIGH. */
#define BACKGROUND_PRIORITY G_PRIORITY_DEFAULT_IDLE

static void captioner_desk_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaptionerDesk, captioner_desk, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      captioner_desk_list_model_init))

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_N_LOADED,
  PROP_N_LOAD_ERRORS,
  PROP_BUSY,
  PROP_AUTOSAVE,
  PROP_DEFAULT_STYLE,
  PROP_WANT_PREVIEWS,
  PROP_KNOWN_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint signals[CAPTIONER_DESK_N_SIGNALS];

/* A job's hold on the desk and the item; results of a folder left behind are dropped. */
typedef struct
{
  CaptionerDesk     *desk;
  CaptionerDeskItem *item;
  guint              generation;
} ItemJob;

static ItemJob *
item_job_new (CaptionerDesk     *self,
              CaptionerDeskItem *item)
{
  ItemJob *job = g_new0 (ItemJob, 1);

  job->desk = g_object_ref (self);
  job->item = g_object_ref (item);
  job->generation = self->generation;
  return job;
}

static void
item_job_free (ItemJob *job)
{
  g_object_unref (job->desk);
  g_object_unref (job->item);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ItemJob, item_job_free)

/* A photo's header, read with the thumbnail embedded in its EXIF decoded: the first picture
 * the grid can show, decoded beside the header so that the main thread only hands it on. */
typedef struct
{
  GFile     *file;
  gboolean   want_preview;
  GdkPixbuf *preview;
} HeaderLoad;

static void
header_load_free (HeaderLoad *load)
{
  g_clear_object (&load->file);
  g_clear_object (&load->preview);
  g_free (load);
}

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

static void pump_loads (CaptionerDesk *self);

static gboolean
update_known_names_cb (gpointer user_data)
{
  CaptionerDesk *self = user_data;

  self->known_names_idle = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN_NAMES]);
  return G_SOURCE_REMOVE;
}

void
captioner_desk_add_known_names (CaptionerDesk           *self,
                                const CaptionerMetadata *metadata)
{
  for (guint i = 0; i < metadata->people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (metadata->people, i);

      if (person->name == NULL || *person->name == '\0' ||
          g_hash_table_contains (self->known_names, person->name))
        continue;
      g_hash_table_add (self->known_names, g_strdup (person->name));
      if (self->known_names_idle == 0)
        self->known_names_idle = g_idle_add (update_known_names_cb, self);
    }
}

static void
on_people_list_changed_cb (CaptionerPeopleList *people,
                           CaptionerDesk       *self)
{
  g_auto(GStrv) names = captioner_people_list_dup_names (people);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_hash_table_add (self->known_names, g_strdup (names[i])) && self->known_names_idle == 0)
      self->known_names_idle = g_idle_add (update_known_names_cb, self);
}

guint
captioner_desk_signal_id (guint signal)
{
  return signals[signal];
}

void
captioner_desk_notify_busy (CaptionerDesk *self)
{
  gboolean busy = captioner_desk_get_busy (self);

  if (busy != self->was_busy)
    {
      self->was_busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
on_photo_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ItemJob) job = user_data;
  CaptionerDesk *self = job->desk;
  HeaderLoad *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  photo = g_task_propagate_pointer (G_TASK (result), &error);
  captioner_desk_item_set_loading (job->item, FALSE);
  if (job->generation != self->generation)
    return;
  self->loads_in_flight--;
  self->n_loaded++;

  if (photo != NULL)
    {
      /* The preview first: whoever follows "photo" finds it there. */
      if (load->preview != NULL)
        captioner_desk_item_set_preview (job->item, load->preview);
      captioner_desk_item_set_photo (job->item, photo);
      captioner_desk_add_known_names (self, captioner_photo_get_metadata (photo));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->n_load_errors++;
      captioner_desk_item_set_error (job->item, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOAD_ERRORS]);
      g_signal_emit (self, signals[CAPTIONER_DESK_LOAD_FAILED], 0, job->item, error->message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOADED]);
  captioner_desk_notify_busy (self);
  pump_loads (self);
}

static void
start_load (CaptionerDesk     *self,
            CaptionerDeskItem *item,
            int                io_priority)
{
  g_autoptr(GTask) task = NULL;
  HeaderLoad *load = g_new0 (HeaderLoad, 1);

  load->file = g_object_ref (captioner_desk_item_get_file (item));
  load->want_preview = self->want_previews;
  captioner_desk_item_set_loading (item, TRUE);
  self->loads_in_flight++;
  task = g_task_new (NULL, self->cancellable, on_photo_loaded_cb, item_job_new (self, item));
  g_task_set_source_tag (task, start_load);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, load, (GDestroyNotify) header_load_free);
  captioner_worker_run (self->header_worker, task, header_thread, g_object_unref);
}

static void
pump_loads (CaptionerDesk *self)
{
  while (self->loads_in_flight < MAX_LOADS && self->next_load < self->items->len)
    {
      CaptionerDeskItem *item = g_ptr_array_index (self->items, self->next_load++);

      if (captioner_desk_item_get_photo (item) == NULL && !captioner_desk_item_get_loading (item))
        start_load (self, item, BACKGROUND_PRIORITY);
    }
}

void
captioner_desk_load_now (CaptionerDesk     *self,
                         CaptionerDeskItem *item)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (item));

  if (captioner_desk_item_get_photo (item) == NULL && !captioner_desk_item_get_loading (item) &&
      captioner_desk_item_get_error (item) == NULL)
    start_load (self, item, G_PRIORITY_HIGH);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  GError *error = NULL;
  CaptionerFolderListing *listing;

  listing = captioner_folder_listing_new ((GFile **) files->pdata, files->len, cancellable,
                                          &error);
  if (listing == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, listing, (GDestroyNotify) captioner_folder_listing_free);
}

static void
replace_items (CaptionerDesk          *self,
               CaptionerFolderListing *listing)
{
  g_autoptr(GPtrArray) old = self->items;
  guint removed = old->len;

  /* Edits in the folder being left are saved, never dropped: the save queue holds its
   * items. */
  captioner_desk_save_all (self);

  self->generation++;
  self->next_load = 0;
  self->loads_in_flight = 0;
  self->n_loaded = 0;
  self->n_load_errors = 0;
  captioner_worker_set_threads (self->header_worker,
                                listing->remote ? HEADER_THREADS_REMOTE : HEADER_THREADS_LOCAL);
  g_clear_object (&self->folder);
  self->folder = listing->folder ? g_object_ref (listing->folder)
                                 : g_file_get_parent (g_ptr_array_index (listing->photos, 0));

  self->items = g_ptr_array_new_full (listing->photos->len, g_object_unref);
  for (guint i = 0; i < listing->photos->len; i++)
    {
      CaptionerDeskItem *item = captioner_desk_item_new (g_ptr_array_index (listing->photos, i));

      captioner_desk_item_set_default_style (item, self->default_style);
      g_ptr_array_add (self->items, item);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOADED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOAD_ERRORS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CaptionerDesk *self = g_task_get_source_object (task);
  g_autoptr(CaptionerFolderListing) listing = NULL;
  GError *error = NULL;
  guint position = 0;

  listing = g_task_propagate_pointer (G_TASK (result), &error);
  if (listing == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (listing->photos->len == 0)
    {
      GFile *asked = listing->folder ? listing->folder : g_task_get_task_data (task);
      g_autofree char *name = g_file_get_basename (asked);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No photos in “%s”"),
                               name);
      return;
    }

  replace_items (self, listing);
  for (guint i = 0; listing->select != NULL && i < listing->photos->len; i++)
    if (g_file_equal (g_ptr_array_index (listing->photos, i), listing->select))
      position = i;
  /* The photo to show first is read before the others. */
  if (position > 0)
    captioner_desk_load_now (self, g_ptr_array_index (self->items, position));
  pump_loads (self);
  captioner_desk_notify_busy (self);
  /* What open_finish tells of the folder named. */
  if (listing->folder != NULL)
    g_task_set_task_data (task, g_object_ref (listing->folder), g_object_unref);
  else
    g_task_set_task_data (task, NULL, NULL);
  g_task_return_pointer (task, GUINT_TO_POINTER (position + 1), NULL);
}

void
captioner_desk_open_async (CaptionerDesk        *self,
                           GFile               **files,
                           guint                 n_files,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  GTask *task;
  g_autoptr(GTask) list = NULL;
  GPtrArray *copy;

  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (files != NULL && n_files > 0);

  /* A folder still loading is left: its headers are not waited for. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_desk_open_async);
  g_task_set_task_data (task, g_object_ref (files[0]), g_object_unref);

  copy = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (copy, g_object_ref (files[i]));
  list = g_task_new (self, cancellable, on_listed_cb, task);
  g_task_set_source_tag (list, list_thread);
  g_task_set_task_data (list, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (list, list_thread);
}

gboolean
captioner_desk_open_finish (CaptionerDesk  *self,
                            GAsyncResult   *result,
                            guint          *position,
                            GFile         **folder_named,
                            GError        **error)
{
  gpointer value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;
  if (position != NULL)
    *position = GPOINTER_TO_UINT (value) - 1;
  if (folder_named != NULL)
    *folder_named = g_task_get_task_data (G_TASK (result))
                      ? g_object_ref (g_task_get_task_data (G_TASK (result))) : NULL;
  return TRUE;
}

static GType
captioner_desk_get_item_type (GListModel *model)
{
  return CAPTIONER_TYPE_DESK_ITEM;
}

static guint
captioner_desk_get_n_items (GListModel *model)
{
  return CAPTIONER_DESK (model)->items->len;
}

static gpointer
captioner_desk_list_get_item (GListModel *model,
                              guint       position)
{
  CaptionerDesk *self = CAPTIONER_DESK (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
captioner_desk_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = captioner_desk_get_item_type;
  iface->get_n_items = captioner_desk_get_n_items;
  iface->get_item = captioner_desk_list_get_item;
}

static void
captioner_desk_dispose (GObject *object)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  /* Loads still on their way find a desk that moved on. */
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->known_names_idle, g_source_remove);
  if (self->people != NULL)
    g_signal_handlers_disconnect_by_func (self->people, on_people_list_changed_cb, self);
  g_clear_object (&self->people);
  g_clear_object (&self->header_worker);
  G_OBJECT_CLASS (captioner_desk_parent_class)->dispose (object);
}

static void
captioner_desk_finalize (GObject *object)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->known_names, g_hash_table_unref);
  g_clear_pointer (&self->default_style, g_free);
  G_OBJECT_CLASS (captioner_desk_parent_class)->finalize (object);
}

static void
captioner_desk_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    case PROP_N_LOADED:
      g_value_set_uint (value, self->n_loaded);
      break;
    case PROP_N_LOAD_ERRORS:
      g_value_set_uint (value, self->n_load_errors);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, captioner_desk_get_busy (self));
      break;
    case PROP_AUTOSAVE:
      g_value_set_boolean (value, self->autosave);
      break;
    case PROP_DEFAULT_STYLE:
      g_value_set_string (value, self->default_style);
      break;
    case PROP_WANT_PREVIEWS:
      g_value_set_boolean (value, self->want_previews);
      break;
    case PROP_KNOWN_NAMES:
      g_value_take_boxed (value, captioner_desk_dup_known_names (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_desk_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      captioner_desk_set_autosave (self, g_value_get_boolean (value));
      break;
    case PROP_DEFAULT_STYLE:
      captioner_desk_set_default_style (self, g_value_get_string (value));
      break;
    case PROP_WANT_PREVIEWS:
      captioner_desk_set_want_previews (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_desk_class_init (CaptionerDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_desk_dispose;
  object_class->finalize = captioner_desk_finalize;
  object_class->get_property = captioner_desk_get_property;
  object_class->set_property = captioner_desk_set_property;

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define WRITABLE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
  properties[PROP_FOLDER] = g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE, READABLE);
  properties[PROP_N_LOADED] = g_param_spec_uint ("n-loaded", NULL, NULL, 0, G_MAXUINT, 0,
                                                 READABLE);
  properties[PROP_N_LOAD_ERRORS] = g_param_spec_uint ("n-load-errors", NULL, NULL, 0,
                                                      G_MAXUINT, 0, READABLE);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, READABLE);
  properties[PROP_AUTOSAVE] = g_param_spec_boolean ("autosave", NULL, NULL, TRUE, WRITABLE);
  properties[PROP_DEFAULT_STYLE] = g_param_spec_string ("default-style", NULL, NULL, NULL,
                                                        WRITABLE);
  properties[PROP_WANT_PREVIEWS] = g_param_spec_boolean ("want-previews", NULL, NULL, FALSE,
                                                         WRITABLE);
  properties[PROP_KNOWN_NAMES] = g_param_spec_boxed ("known-names", NULL, NULL, G_TYPE_STRV,
                                                     READABLE);
#undef READABLE
#undef WRITABLE
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CAPTIONER_DESK_LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, CAPTIONER_TYPE_DESK_ITEM,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[CAPTIONER_DESK_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CAPTIONER_TYPE_DESK_ITEM);
  signals[CAPTIONER_DESK_SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, CAPTIONER_TYPE_DESK_ITEM,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
captioner_desk_init (CaptionerDesk *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->known_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->header_worker = captioner_worker_new (HEADER_THREADS_LOCAL, HEADER_NICENESS);
  self->cancellable = g_cancellable_new ();
  self->autosave = TRUE;
}

/* people: the list whose names are offered and which remembers the names saved; NULL for
 * none (the CLI). */
CaptionerDesk *
captioner_desk_new (CaptionerPeopleList *people)
{
  CaptionerDesk *self = g_object_new (CAPTIONER_TYPE_DESK, NULL);

  if (people != NULL)
    {
      self->people = g_object_ref (people);
      g_signal_connect (people, "changed", G_CALLBACK (on_people_list_changed_cb), self);
      on_people_list_changed_cb (people, self);
    }
  return self;
}

GFile *
captioner_desk_get_folder (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);
  return self->folder;
}

CaptionerDeskItem *
captioner_desk_get_item (CaptionerDesk *self,
                         guint          position)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);
  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

guint
captioner_desk_find (CaptionerDesk *self,
                     GFile         *file)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (g_file_equal (captioner_desk_item_get_file (g_ptr_array_index (self->items, i)), file))
      return i;
  return G_MAXUINT;
}

guint
captioner_desk_get_n_loaded (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), 0);
  return self->n_loaded;
}

guint
captioner_desk_get_n_load_errors (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), 0);
  return self->n_load_errors;
}

gboolean
captioner_desk_get_busy (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), FALSE);
  return self->loads_in_flight > 0 || self->saves_in_flight > 0 ||
         self->n_loaded < self->items->len;
}

gboolean
captioner_desk_get_autosave (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), TRUE);
  return self->autosave;
}

/* Whether leaving a photo saves it (the window asks otherwise). */
void
captioner_desk_set_autosave (CaptionerDesk *self,
                             gboolean       autosave)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));

  autosave = !!autosave;
  if (self->autosave == autosave)
    return;
  self->autosave = autosave;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE]);
}

const char *
captioner_desk_get_default_style (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);
  return self->default_style;
}

void
captioner_desk_set_default_style (CaptionerDesk *self,
                                  const char    *style)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));

  if (g_strcmp0 (self->default_style, style) == 0)
    return;
  g_free (self->default_style);
  self->default_style = g_strdup (style);
  for (guint i = 0; i < self->items->len; i++)
    captioner_desk_item_set_default_style (g_ptr_array_index (self->items, i), style);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_STYLE]);
}

gboolean
captioner_desk_get_want_previews (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), FALSE);
  return self->want_previews;
}

/* Whether headers come with their EXIF thumbnail decoded (for a grid to show at once). */
void
captioner_desk_set_want_previews (CaptionerDesk *self,
                                  gboolean       want_previews)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));

  want_previews = !!want_previews;
  if (self->want_previews == want_previews)
    return;
  self->want_previews = want_previews;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WANT_PREVIEWS]);
}

static int
compare_names (const void *a,
               const void *b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

char **
captioner_desk_dup_known_names (CaptionerDesk *self)
{
  g_autofree const char **names = NULL;
  guint n;

  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);

  names = (const char **) g_hash_table_get_keys_as_array (self->known_names, &n);
  qsort (names, n, sizeof (char *), compare_names);
  return g_strdupv ((char **) names);
}

void
captioner_desk_wait (CaptionerDesk *self)
{
  GMainContext *context = g_main_context_ref_thread_default ();

  g_return_if_fail (CAPTIONER_IS_DESK (self));

  while (captioner_desk_get_busy (self))
    g_main_context_iteration (context, TRUE);
  g_main_context_unref (context);
}
