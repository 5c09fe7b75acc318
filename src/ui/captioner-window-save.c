#define G_LOG_DOMAIN "captioner-window-save"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-error.h"
#include "captioner-window-private.h"

typedef struct
{
  CaptionerWindow    *window;
  CaptionerPhotoItem *item;
  CaptionerMetadata  *saved;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->item);
  captioner_metadata_free (job->saved);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
save_job_closure_free (gpointer  data,
                       GClosure *closure)
{
  save_job_free (data);
}

static gboolean
has_unsaved_items (CaptionerWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->photos);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaptionerPhotoItem) item = g_list_model_get_item (model, i);

      if (captioner_photo_item_get_draft (item) != NULL)
        return TRUE;
    }
  return FALSE;
}

static guint
save_all (CaptionerWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->photos);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaptionerPhotoItem) item = g_list_model_get_item (model, i);

      if (captioner_photo_item_get_draft (item) != NULL)
        {
          captioner_window_save_item (self, item, CAPTIONER_SAVE_NONE);
          n++;
        }
    }
  return n;
}

static void
close_if_done (CaptionerWindow *self)
{
  if (self->closing && self->saves_in_flight == 0 && !has_unsaved_items (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* A fresh read of the photo replaces the editor's draft: "reload theirs". */
static void
on_reloaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  CaptionerWindow *self = job->window;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  photo = captioner_photo_load_finish (result, &error);
  if (photo == NULL)
    {
      captioner_window_toast (self, error->message);
      return;
    }
  captioner_photo_item_set_draft (job->item, NULL);
  captioner_photo_item_set_error (job->item, NULL);
  captioner_photo_item_set_photo (job->item, photo);
  captioner_photo_item_reset_state (job->item);
  if (job->item == self->current)
    captioner_window_show_item (self, job->item);
}

static void show_both (SaveJob *job);

static SaveJob *
copy_job (SaveJob *job)
{
  SaveJob *copy = g_new0 (SaveJob, 1);

  copy->window = g_object_ref (job->window);
  copy->item = g_object_ref (job->item);
  copy->saved = captioner_metadata_copy (job->saved);
  return copy;
}

/* job belongs to the dialog (freed with it): the dialog may answer more than once. */
static void
on_conflict_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  SaveJob *job = user_data;

  if (g_object_get_data (G_OBJECT (dialog), "captioner-answered") != NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "captioner-answered", GINT_TO_POINTER (TRUE));

  if (g_str_equal (response, "theirs"))
    captioner_window_reload_item (job->window, job->item, on_reloaded_cb, copy_job (job));
  else if (g_str_equal (response, "mine"))
    captioner_window_save_item (job->window, job->item, CAPTIONER_SAVE_IGNORE_CONFLICT);
  else if (g_str_equal (response, "replace"))
    captioner_window_save_item (job->window, job->item, CAPTIONER_SAVE_FORCE_CAPTION);
  else if (g_str_equal (response, "both"))
    show_both (copy_job (job));
}

static void
present_dialog (SaveJob    *job,
                const char *heading,
                const char *body,
                gboolean    with_both,
                gboolean    caption_only)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (job->window), heading, body);
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
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_conflict_response_cb), job,
                         save_job_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The caption as stored: what another program wrote may not match the parts. */
static char *
describe (const CaptionerMetadata *metadata,
          int                      orientation)
{
  const char *caption = captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION);

  if (caption != NULL && *caption != '\0')
    return g_strdup (caption);
  return g_strdup (_("(no caption)"));
}

static void
on_both_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(CaptionerPhoto) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *their_text = NULL;
  g_autofree char *my_text = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  int orientation;

  theirs = captioner_photo_load_finish (result, &error);
  if (theirs == NULL)
    {
      captioner_window_toast (job->window, error->message);
      return;
    }
  orientation = captioner_photo_get_orientation (theirs);
  their_text = describe (captioner_photo_get_metadata (theirs), orientation);
  my_text = describe (job->saved, orientation);
  heading = g_strdup_printf (_("Two Versions of “%s”"),
                             captioner_photo_item_get_name (job->item));
  body = g_strdup_printf (_("On disk now:\n%s\n\nYours:\n%s"), their_text, my_text);
  present_dialog (g_steal_pointer (&job), heading, body, FALSE, FALSE);
}

static void
show_both (SaveJob *job)
{
  captioner_window_reload_item (job->window, job->item, on_both_loaded_cb, job);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  CaptionerWindow *self = job->window;
  CaptionerPhotoItem *item = job->item;
  g_autoptr(GError) error = NULL;
  gboolean again;

  self->saves_in_flight--;
  again = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "captioner-save-again"));
  g_object_set_data (G_OBJECT (item), "captioner-saving", NULL);
  g_object_set_data (G_OBJECT (item), "captioner-save-again", NULL);

  if (captioner_photo_save_finish (CAPTIONER_PHOTO (object), result, &error))
    {
      const CaptionerMetadata *draft = captioner_photo_item_get_draft (item);

      captioner_photo_item_set_error (item, NULL);
      captioner_window_add_known_names (self, job->saved, TRUE);
      if (item == self->current)
        captioner_window_set_baseline (self, job->saved);
      else if (draft == NULL || captioner_metadata_equal (draft, job->saved))
        {
          captioner_photo_item_set_draft (item, NULL);
          captioner_photo_item_reset_state (item);
        }
      if (again && captioner_photo_item_get_draft (item) != NULL)
        captioner_window_save_item (self, item, CAPTIONER_SAVE_NONE);
      close_if_done (self);
      return;
    }

  self->closing = FALSE;
  /* The words that did not reach the disk stay in the item. */
  if (captioner_photo_item_get_draft (item) == NULL)
    captioner_photo_item_set_draft (item, job->saved);
  if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT))
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Changed on Disk"),
                                                  captioner_photo_item_get_name (item));

      captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CONFLICT);
      present_dialog (g_steal_pointer (&job), heading,
                      _("Someone else saved this photo’s sidecar since you opened it. Your "
                        "changes are kept until you choose."),
                      TRUE, FALSE);
    }
  else if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CAPTION_CHANGED))
    {
      g_autofree char *heading = g_strdup_printf (_("Another Program Changed the Caption of “%s”"),
                                                  captioner_photo_item_get_name (item));

      captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CONFLICT);
      present_dialog (g_steal_pointer (&job), heading,
                      _("Its caption was edited outside Captioner after Captioner composed it."),
                      FALSE, TRUE);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save “%s”: %s"),
                                                  captioner_photo_item_get_name (item),
                                                  error->message);

      captioner_photo_item_set_error (item, error->message);
      captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_ERROR);
      captioner_window_toast (self, message);
    }
}

/* Writes the item's draft (the shown photo's draft is kept in its item) through the core. */
void
captioner_window_save_item (CaptionerWindow    *self,
                            CaptionerPhotoItem *item,
                            CaptionerSaveFlags  flags)
{
  CaptionerPhoto *photo = captioner_photo_item_get_photo (item);
  const CaptionerMetadata *draft = captioner_photo_item_get_draft (item);
  SaveJob *job;

  if (photo == NULL || draft == NULL)
    return;
  if (g_object_get_data (G_OBJECT (item), "captioner-saving") != NULL)
    {
      g_object_set_data (G_OBJECT (item), "captioner-save-again", GINT_TO_POINTER (TRUE));
      return;
    }
  g_object_set_data (G_OBJECT (item), "captioner-saving", GINT_TO_POINTER (TRUE));

  job = g_new0 (SaveJob, 1);
  job->window = g_object_ref (self);
  job->item = g_object_ref (item);
  job->saved = captioner_metadata_copy (draft);
  self->saves_in_flight++;
  captioner_photo_save_async (photo, job->saved, flags, NULL, on_saved_cb, job);
}

static void
on_leave_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (user_data);
  guint target = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "target"));

  if (g_str_equal (response, "save"))
    {
      captioner_window_save_item (self, self->current, CAPTIONER_SAVE_NONE);
      captioner_window_set_baseline (self, self->draft);
    }
  else if (g_str_equal (response, "discard"))
    {
      captioner_photo_item_set_draft (self->current, NULL);
      captioner_photo_item_reset_state (self->current);
      g_clear_pointer (&self->draft, captioner_metadata_free);
      self->draft = captioner_metadata_copy (self->baseline);
    }
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
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
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
      save_all (self);
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
  GtkWidget *dialog;

  remember_size (self);
  if (!has_unsaved_items (self) && self->saves_in_flight == 0)
    return FALSE;
  if (g_settings_get_boolean (self->settings, "autosave"))
    {
      self->closing = TRUE;
      save_all (self);
      return TRUE;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes Before Closing?"),
                                   _("Some photos have captions that are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("Close _Without Saving"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
