#define G_LOG_DOMAIN "captioner-window-save"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-error.h"
#include "captioner-window-private.h"

/* What the window says about saves: the desk saves and keeps the outcome as the item's state;
 * the window tells of merges, asks what to do with a conflict (captioner-window-conflict.c),
 * and whether to save before leaving a photo or closing when autosave is off. */

static void
close_if_done (CaptionerWindow *self)
{
  if (self->closing && captioner_desk_get_saves_in_flight (self->desk) == 0 &&
      !captioner_desk_has_unsaved (self->desk))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_failed_cb (CaptionerDesk     *desk,
                   CaptionerDeskItem *item,
                   const GError      *error,
                   CaptionerWindow   *self)
{
  const char *name = captioner_desk_item_get_name (item);

  self->closing = FALSE;
  if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT) ||
      g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CAPTION_CHANGED))
    captioner_window_ask_about_conflict (self, item);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save “%s”: %s"), name, error->message);

      captioner_window_toast (self, message);
    }
}

static void
on_merged_cb (CaptionerDesk     *desk,
              CaptionerDeskItem *item,
              CaptionerWindow   *self)
{
  g_autofree char *message = g_strdup_printf (_("“%s” was saved elsewhere meanwhile: both "
                                                "changes are kept"),
                                              captioner_desk_item_get_name (item));

  captioner_window_toast (self, message);
}

static void
on_changed_on_disk_cb (CaptionerDesk     *desk,
                       CaptionerDeskItem *item,
                       CaptionerWindow   *self)
{
  g_autofree char *message = g_strdup_printf (_("“%s” was changed elsewhere and is shown as "
                                                "saved there"),
                                              captioner_desk_item_get_name (item));

  captioner_window_toast (self, message);
}

static void
on_saved_cb (CaptionerDesk     *desk,
             CaptionerDeskItem *item,
             CaptionerWindow   *self)
{
  close_if_done (self);
}

void
captioner_window_save_item (CaptionerWindow    *self,
                            CaptionerPhotoItem *item,
                            CaptionerSaveFlags  flags)
{
  captioner_desk_save (self->desk, captioner_photo_item_get_desk_item (item), flags);
}

/* Save, discard or cancel: the responses "save", "discard", "cancel" (Escape). */
AdwMessageDialog *
captioner_window_ask_to_save (CaptionerWindow *self,
                              const char      *heading,
                              const char      *body,
                              const char      *discard_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", discard_label,
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
on_leave_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (user_data);
  guint target = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "target"));
  CaptionerDraft *draft = captioner_window_get_current_draft (self);

  if (g_str_equal (response, "save"))
    captioner_window_save_item (self, self->current, CAPTIONER_SAVE_NONE);
  else if (g_str_equal (response, "discard") && draft != NULL)
    captioner_draft_revert (draft);
  else
    return;
  captioner_window_select (self, target);
}

/* Autosave is off and the editor leaves a photo with changes: ask. */
void
captioner_window_ask_before_leaving (CaptionerWindow *self,
                                     guint            target)
{
  g_autofree char *body = g_strdup_printf (_("“%s” has changes that are not saved."),
                                           captioner_photo_item_get_name (self->current));
  AdwMessageDialog *dialog = captioner_window_ask_to_save (self, _("Save Changes?"), body, _("_Discard"));

  g_object_set_data (G_OBJECT (dialog), "target", GUINT_TO_POINTER (target));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (user_data);

  if (g_str_equal (response, "discard"))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_str_equal (response, "save"))
    {
      self->closing = TRUE;
      captioner_desk_save_all (self->desk);
      close_if_done (self);
    }
}

static void
remember_size (CaptionerWindow *self)
{
  int width, height;

  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    g_settings_set_boolean (self->settings, "window-maximized", TRUE);
  else
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", FALSE);
    }
}

/* Returns TRUE to keep the window open while edits are saved or the editor is asked. */
gboolean
captioner_window_close_request (CaptionerWindow *self)
{
  AdwMessageDialog *dialog;

  remember_size (self);
  if (!captioner_desk_has_unsaved (self->desk) && captioner_desk_get_saves_in_flight (self->desk) == 0)
    return FALSE;
  if (captioner_desk_get_autosave (self->desk))
    {
      self->closing = TRUE;
      captioner_desk_save_all (self->desk);
      return TRUE;
    }

  dialog = captioner_window_ask_to_save (self, _("Save Changes Before Closing?"),
                                         _("Some photos have captions that are not saved."),
                                         _("Close _Without Saving"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
captioner_window_save_init (CaptionerWindow *self)
{
  g_signal_connect (self->desk, "save-failed", G_CALLBACK (on_save_failed_cb), self);
  g_signal_connect (self->desk, "saved", G_CALLBACK (on_saved_cb), self);
  g_signal_connect (self->desk, "merged", G_CALLBACK (on_merged_cb), self);
  g_signal_connect (self->desk, "changed-on-disk", G_CALLBACK (on_changed_on_disk_cb), self);
}
