#define G_LOG_DOMAIN "captioner-window-folder"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-window-private.h"

#define MAX_RECENT 10
#define MAX_LOAD_TOASTS 3

/* Opening folders: the desk lists and reads them; the window mirrors the desk's photos in the
 * grid's model (each with its thumbnail), remembers recent folders and takes drops. */

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

/* The desk has another folder's photos: the grid shows them, their thumbnails are made. */
static void
on_desk_items_changed_cb (GListModel      *desk,
                          guint            position,
                          guint            removed,
                          guint            added,
                          CaptionerWindow *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  captioner_thumbnail_feeder_stop (self->thumbnails);
  captioner_profiler_folder_shown (self->profiler);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, captioner_photo_item_new_for_desk_item (
                              captioner_desk_get_item (CAPTIONER_DESK (desk), position + i)));
  self->shown_position = GTK_INVALID_LIST_POSITION;
  captioner_window_show_item (self, NULL);
  g_list_store_splice (self->photos, position, removed, items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, "desk");
  captioner_thumbnail_feeder_start (self->thumbnails);
}

/* Back to the welcome page when the folder asked for could not be shown and none was before. */
static void
show_desk_if_photos (CaptionerWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->photos)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_opened_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CaptionerWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) named = NULL;
  g_autofree char *title = NULL;
  guint position = 0;

  if (!captioner_desk_open_finish (CAPTIONER_DESK (object), result, &position, &named, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->desk != NULL)
        {
          captioner_window_toast (self, error->message);
          show_desk_if_photos (self);
        }
      return;
    }
  if (self->desk == NULL)
    return;  /* the window was closed meanwhile */
  title = g_file_get_basename (captioner_desk_get_folder (self->desk));
  adw_window_title_set_title (self->title_widget, title);
  if (named != NULL)
    remember_folder (self, named);
  captioner_window_select (self, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}

static void open_now (CaptionerWindow  *self,
                      GFile           **files,
                      guint             n_files);

static void
on_leave_folder_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (user_data);
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "files");

  if (g_str_equal (response, "discard"))
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->desk)); i++)
      {
        CaptionerDraft *draft = captioner_desk_item_peek_draft (captioner_desk_get_item (self->desk, i));

        if (draft != NULL)
          captioner_draft_revert (draft);
      }
  else if (!g_str_equal (response, "save"))
    return;
  /* Saved or not, the desk saves what is left unsaved as it opens the other folder. */
  open_now (self, (GFile **) files->pdata, files->len);
}

void
captioner_window_open (CaptionerWindow  *self,
                       GFile           **files,
                       guint             n_files)
{
  g_return_if_fail (CAPTIONER_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;
  /* Autosave is off: edits in the folder being left are the editor's to save or not. */
  if (!captioner_desk_get_autosave (self->desk) && captioner_desk_has_unsaved (self->desk))
    {
      AdwMessageDialog *dialog =
        captioner_window_ask_to_save (self, _("Save Changes Before Opening Another Folder?"),
                                      _("Some photos have captions that are not saved."),
                                      _("_Discard"));
      GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (copy, g_object_ref (files[i]));
      g_object_set_data_full (G_OBJECT (dialog), "files", copy, (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_folder_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  open_now (self, files, n_files);
}

static void
open_now (CaptionerWindow  *self,
          GFile           **files,
          guint             n_files)
{

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  captioner_profiler_open (self->profiler);
  /* The desk is laid out and painted while the folder is listed, so that the frame which
   * brings the folder's first screen only draws the grid. */
  gtk_stack_set_visible_child_name (self->stack, "desk");
  captioner_desk_open_async (self->desk, files, n_files, self->open_cancellable, on_opened_cb,
                             g_object_ref (self));
}

void
captioner_window_open_uri (CaptionerWindow *self,
                           const char      *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  captioner_window_open (self, &file, 1);
}

static void
on_load_failed_cb (CaptionerDesk     *desk,
                   CaptionerDeskItem *item,
                   const char        *message,
                   CaptionerWindow   *self)
{
  gboolean current = self->current != NULL &&
                     captioner_photo_item_get_desk_item (self->current) == item;

  if (captioner_desk_get_n_load_errors (desk) <= MAX_LOAD_TOASTS || current)
    captioner_window_toast (self, message);
  if (current)
    captioner_profiler_switch_done (self->profiler);
}

/* Past a few, the photos that could not be read are counted once everything is read. */
static void
on_n_loaded_cb (CaptionerDesk   *desk,
                GParamSpec      *pspec,
                CaptionerWindow *self)
{
  guint errors = captioner_desk_get_n_load_errors (desk);
  g_autofree char *message = NULL;

  if (captioner_desk_get_n_loaded (desk) != g_list_model_get_n_items (G_LIST_MODEL (desk)) ||
      errors <= MAX_LOAD_TOASTS)
    return;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u photo could not be read",
                                          "%u photos could not be read", errors),
                             errors);
  captioner_window_toast (self, message);
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
  GFile *folder = captioner_desk_get_folder (self->desk);

  chooser = gtk_file_chooser_native_new (_("Open Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
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

  self->open_cancellable = g_cancellable_new ();
  g_signal_connect (self->desk, "items-changed", G_CALLBACK (on_desk_items_changed_cb), self);
  g_signal_connect (self->desk, "load-failed", G_CALLBACK (on_load_failed_cb), self);
  g_signal_connect (self->desk, "notify::n-loaded", G_CALLBACK (on_n_loaded_cb), self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
captioner_window_folder_dispose (CaptionerWindow *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->desk != NULL)
    g_signal_handlers_disconnect_by_data (self->desk, self);
}
