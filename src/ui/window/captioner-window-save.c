#define G_LOG_DOMAIN "captioner-window-save"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-error.h"
#include "captioner-window-private.h"

/* What the window says about saves: the desk saves and keeps the outcome as the item's state;
 * the window asks the editor what to do with a conflict, and whether to save before leaving
 * a photo or closing when autosave is off. */

typedef struct
{
  CaptionerWindow   *window;
  CaptionerDeskItem *item;
} Question;

static Question *
question_new (CaptionerWindow   *window,
              CaptionerDeskItem *item)
{
  Question *question = g_new0 (Question, 1);

  question->window = g_object_ref (window);
  question->item = g_object_ref (item);
  return question;
}

static void
question_free (Question *question)
{
  g_object_unref (question->window);
  g_object_unref (question->item);
  g_free (question);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Question, question_free)

static void
question_closure_free (gpointer  data,
                       GClosure *closure)
{
  question_free (data);
}

static void
close_if_done (CaptionerWindow *self)
{
  if (self->closing && captioner_desk_get_saves_in_flight (self->desk) == 0 &&
      !captioner_desk_has_unsaved (self->desk))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void show_both (Question *question);

/* The question belongs to the dialog (freed with it): the dialog may answer more than once. */
static void
on_conflict_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  Question *question = user_data;
  CaptionerDesk *desk = question->window->desk;

  if (g_object_get_data (G_OBJECT (dialog), "captioner-answered") != NULL || desk == NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "captioner-answered", GINT_TO_POINTER (TRUE));

  if (g_str_equal (response, "theirs"))
    captioner_desk_reload (desk, question->item);
  else if (g_str_equal (response, "mine"))
    captioner_desk_save (desk, question->item, CAPTIONER_SAVE_IGNORE_CONFLICT);
  else if (g_str_equal (response, "replace"))
    captioner_desk_save (desk, question->item, CAPTIONER_SAVE_FORCE_CAPTION);
  else if (g_str_equal (response, "both"))
    show_both (question_new (question->window, question->item));
}

static void
present_dialog (Question   *question,
                const char *heading,
                const char *body,
                gboolean    with_both,
                gboolean    caption_only)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (question->window), heading, body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  if (caption_only)
    {
      adw_message_dialog_add_responses (message,
                                        "theirs", _("_Keep Theirs"),
                                        "replace", _("_Replace with Mine"),
                                        NULL);
      adw_message_dialog_set_response_appearance (message, "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      adw_message_dialog_add_response (message, "theirs", _("_Reload Theirs"));
      if (with_both)
        adw_message_dialog_add_response (message, "both", _("See _Both"));
      adw_message_dialog_add_response (message, "mine", _("_Keep Mine"));
      adw_message_dialog_set_response_appearance (message, "mine", ADW_RESPONSE_SUGGESTED);
    }
  /* Escape leaves the photo marked as a conflict, with the editor's words kept. */
  adw_message_dialog_set_close_response (message, "later");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_conflict_response_cb), question,
                         question_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The caption as stored: what another program wrote may not match the parts. */
static char *
describe (const CaptionerMetadata *metadata)
{
  const char *caption = captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION);

  if (caption != NULL && *caption != '\0')
    return g_strdup (caption);
  return g_strdup (_("(no caption)"));
}

static void
on_both_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Question) question = user_data;
  g_autoptr(CaptionerPhoto) theirs = NULL;
  g_autoptr(GError) error = NULL;
  CaptionerDraft *draft = captioner_desk_item_peek_draft (question->item);
  g_autofree char *their_text = NULL;
  g_autofree char *my_text = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  theirs = captioner_desk_read_again_finish (CAPTIONER_DESK (object), result, &error);
  if (theirs == NULL)
    {
      captioner_window_toast (question->window, error->message);
      return;
    }
  their_text = describe (captioner_photo_get_metadata (theirs));
  my_text = draft ? describe (captioner_draft_get_metadata (draft)) : g_strdup (_("(no caption)"));
  heading = g_strdup_printf (_("Two Versions of “%s”"), captioner_desk_item_get_name (question->item));
  body = g_strdup_printf (_("On disk now:\n%s\n\nYours:\n%s"), their_text, my_text);
  present_dialog (g_steal_pointer (&question), heading, body, FALSE, FALSE);
}

static void
show_both (Question *question)
{
  captioner_desk_read_again_async (question->window->desk, question->item, NULL, on_both_read_cb,
                                   question);
}

static void
on_save_failed_cb (CaptionerDesk     *desk,
                   CaptionerDeskItem *item,
                   const GError      *error,
                   CaptionerWindow   *self)
{
  const char *name = captioner_desk_item_get_name (item);

  self->closing = FALSE;
  if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT))
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Changed on Disk"), name);

      present_dialog (question_new (self, item), heading,
                      _("Someone else saved this photo’s sidecar since you opened it. Your "
                        "changes are kept until you choose."),
                      TRUE, FALSE);
    }
  else if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CAPTION_CHANGED))
    {
      g_autofree char *heading = g_strdup_printf (_("Another Program Changed the Caption of “%s”"),
                                                  name);

      present_dialog (question_new (self, item), heading,
                      _("Its caption was edited outside Captioner after Captioner composed it."),
                      FALSE, TRUE);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save “%s”: %s"), name, error->message);

      captioner_window_toast (self, message);
    }
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
static AdwMessageDialog *
ask_to_save (CaptionerWindow *self,
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
  AdwMessageDialog *dialog = ask_to_save (self, _("Save Changes?"), body, _("_Discard"));

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

  dialog = ask_to_save (self, _("Save Changes Before Closing?"),
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
}
