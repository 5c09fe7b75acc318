#define G_LOG_DOMAIN "captioner-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-export-dialog.h"
#include "captioner-preferences-window.h"
#include "captioner-print.h"
#include "captioner-window-private.h"

static void
select_relative (CaptionerWindow *self,
                 int              delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));
  guint position = self->shown_position;

  if (n == 0 || position == GTK_INVALID_LIST_POSITION)
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  captioner_window_select (self, position + delta);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  captioner_window_open_folder_dialog (CAPTIONER_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  captioner_window_open_uri (CAPTIONER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);

  if (self->current != NULL && captioner_window_is_dirty (self))
    captioner_window_save_item (self, self->current, CAPTIONER_SAVE_NONE);
}

static void
save_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));
  guint position = self->shown_position;

  if (self->current != NULL && captioner_window_is_dirty (self))
    captioner_window_save_item (self, self->current, CAPTIONER_SAVE_NONE);
  for (guint i = 1; i < n; i++)
    {
      guint candidate = (position + i) % n;
      g_autoptr(CaptionerPhotoItem) item = g_list_model_get_item (G_LIST_MODEL (self->photos),
                                                                  candidate);

      if (captioner_photo_item_get_state (item) == CAPTIONER_PHOTO_STATE_NOT_CAPTIONED)
        {
          captioner_window_select (self, candidate);
          return;
        }
    }
  captioner_window_toast (self, _("Every photo in the folder is captioned"));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  select_relative (CAPTIONER_WINDOW (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  select_relative (CAPTIONER_WINDOW (widget), -1);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaptionerDraft *draft = captioner_window_get_current_draft (CAPTIONER_WINDOW (widget));

  if (captioner_window_batch_undo (CAPTIONER_WINDOW (widget)))
    return;
  if (draft != NULL)
    captioner_draft_undo (draft);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CaptionerDraft *draft = captioner_window_get_current_draft (CAPTIONER_WINDOW (widget));

  if (captioner_window_batch_redo (CAPTIONER_WINDOW (widget)))
    return;
  if (draft != NULL)
    captioner_draft_redo (draft);
}

static void
rename_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);
  int selected = captioner_photo_view_get_selected (self->photo_view);

  if (selected < 0)
    {
      captioner_window_toast (self, _("Select a person on the photo first"));
      return;
    }
  captioner_photo_view_rename_selected (self->photo_view);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  GtkShortcutTrigger *parsed = gtk_shortcut_trigger_parse_string (trigger);

  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (parsed, gtk_named_action_new (action)));
}

/* The folder's photos, in the grid's order. */
static GPtrArray *
dup_folder_files (CaptionerWindow *self)
{
  GListModel *items = G_LIST_MODEL (self->photos);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CaptionerPhotoItem) item = g_list_model_get_item (items, i);
      g_ptr_array_add (files, g_object_ref (captioner_photo_item_get_file (item)));
    }
  return files;
}

/* The photos selected in the grid, in its order; the shown one when none is. */
static GPtrArray *
dup_selected_files (CaptionerWindow *self)
{
  g_autoptr(GPtrArray) photos = captioner_window_dup_selected_photos (self);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < photos->len; i++)
    g_ptr_array_add (files, g_object_ref (captioner_photo_item_get_file (
                                            g_ptr_array_index (photos, i))));
  if (files->len == 0 && self->current != NULL)
    g_ptr_array_add (files, g_object_ref (captioner_photo_item_get_file (self->current)));
  return files;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);
  g_autoptr(GPtrArray) files = dup_folder_files (self);
  g_autoptr(GPtrArray) selected = NULL;
  GtkWidget *dialog;

  if (files->len == 0)
    return;
  /* Export reads the sidecars: what the editor typed goes there first. */
  captioner_desk_save_all (self->desk);
  selected = dup_selected_files (self);
  dialog = captioner_export_dialog_new (GTK_WINDOW (self), files);
  /* The folder, or the photos picked out in the grid (the shown one when it is alone). */
  captioner_export_dialog_set_selection (CAPTIONER_EXPORT_DIALOG (dialog), selected);
  captioner_export_dialog_set_settings (CAPTIONER_EXPORT_DIALOG (dialog), self->settings);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_printed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CaptionerWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!captioner_print_finish (result, &error) &&
      error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not print the contact sheet: %s"),
                                                  error->message);
      captioner_window_toast (self, message);
    }
}

/* A contact sheet through GTK's print dialog (and its preview): of the photos selected in the
 * grid when there are several, else of the folder; laid out as the last sheet was. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);
  g_autoptr(GPtrArray) files = dup_selected_files (self);

  if (files->len < 2)
    {
      g_ptr_array_unref (files);
      files = dup_folder_files (self);
    }
  if (files->len == 0)
    return;
  /* The sheet reads the sidecars: what the editor typed goes there first. */
  captioner_desk_save_all (self->desk);
  captioner_print_contact_sheet_async (GTK_WINDOW (self), files, self->settings, NULL, NULL,
                                       on_printed_cb, g_object_ref (self));
}

/* One preferences window, showing the shown photo's caption in the style being chosen. */
static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);

  if (self->preferences == NULL)
    {
      self->preferences = captioner_preferences_window_new (GTK_WINDOW (self), self->settings);
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
    }
  captioner_preferences_window_set_draft (CAPTIONER_PREFERENCES_WINDOW (self->preferences),
                                          captioner_window_get_current_draft (self));
  gtk_window_present (GTK_WINDOW (self->preferences));
}

void
captioner_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.save-next", NULL, save_next_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.rename-person", NULL, rename_person_action);
}

void
captioner_window_init_shortcuts (CaptionerWindow *self)
{
  GtkEventController *shortcuts;

  /* In the capture phase, so that they work while typing in a caption field. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>o", "win.open");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>s", "win.save");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>e", "win.export");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>comma", "win.preferences");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>p", "win.print");
  /* One shortcut with both keys, so that the menu shows "Ctrl+Return", not the keypad's. */
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>Return|<Control>KP_Enter",
                "win.save-next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Page_Down", "win.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Page_Up", "win.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Right", "win.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Left", "win.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "win.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>z", "win.redo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "F2", "win.rename-person");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>c", "win.copy-caption");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>1", "win.focus-caption");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>2", "win.focus-credit");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>v", "win.paste-caption");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Alt>v", "win.paste-fields");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>l", "win.same-people");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
