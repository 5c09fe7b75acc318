#define G_LOG_DOMAIN "captioner-window-restore"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-journal.h"
#include "captioner-window-private.h"

/* After a crash: the journals of unsaved edits left behind are offered back, photo by photo. */

typedef struct
{
  CaptionerWindow *window;
  GPtrArray       *entries;   /* CaptionerJournalEntry */
  GPtrArray       *checks;    /* GtkCheckButton per photo, entries' photos in order */
} Offer;

static void
offer_free (gpointer  data,
            GClosure *closure)
{
  Offer *offer = data;

  g_object_unref (offer->window);
  g_ptr_array_unref (offer->entries);
  g_ptr_array_unref (offer->checks);
  g_free (offer);
}

static void
forget (CaptionerJournalEntry *entry)
{
  /* Local, small: the state folder. */
  g_file_delete (entry->journal, NULL, NULL);
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  Offer *offer = user_data;
  CaptionerWindow *self = offer->window;
  CaptionerJournalEntry *chosen_entry = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint check = 0;

  if (self->desk == NULL || g_str_equal (response, "later"))
    return;
  if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < offer->entries->len; i++)
        forget (g_ptr_array_index (offer->entries, i));
      return;
    }
  /* The first folder with photos ticked: those photos' edits. */
  for (guint i = 0; i < offer->entries->len && chosen_entry == NULL; i++)
    {
      CaptionerJournalEntry *entry = g_ptr_array_index (offer->entries, i);

      for (guint j = 0; j < entry->photos->len; j++, check++)
        if (gtk_check_button_get_active (g_ptr_array_index (offer->checks, check)))
          g_ptr_array_add (chosen, g_ptr_array_index (entry->photos, j));
      if (chosen->len > 0)
        chosen_entry = entry;
      else
        forget (entry);
    }
  if (chosen_entry == NULL)
    return;
  /* The folder of the edits, with them back in its drafts as its photos are read; other
   * folders' edits are offered again next time. */
  captioner_desk_restore (self->desk, chosen);
  captioner_window_open (self, &chosen_entry->folder, 1);
}

static void
present_offer (CaptionerWindow *self,
               GPtrArray       *entries)
{
  Offer *offer = g_new0 (Offer, 1);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n = 0;

  offer->window = g_object_ref (self);
  offer->entries = g_ptr_array_ref (entries);
  offer->checks = g_ptr_array_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < entries->len; i++)
    {
      CaptionerJournalEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *folder = g_file_get_parse_name (entry->folder);

      for (guint j = 0; j < entry->photos->len; j++, n++)
        {
          CaptionerJournalPhoto *photo = g_ptr_array_index (entry->photos, j);
          g_autofree char *name = g_file_get_basename (photo->file);
          const char *caption = captioner_metadata_get (photo->mine, CAPTIONER_FIELD_CAPTION);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       caption && *caption ? caption : folder);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          g_ptr_array_add (offer->checks, check);
        }
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Captioner stopped before %u photo’s caption was saved. "
                                       "Restore the edits?",
                                       "Captioner stopped before the captions of %u photos were "
                                       "saved. Restore the edits?", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore Unsaved Captions?"), body));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_restore_response_cb), offer,
                         offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, captioner_journal_list (cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (object);
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), NULL);

  if (entries != NULL && entries->len > 0 && self->desk != NULL)
    present_offer (self, entries);
}

/* Looks for journals left by a crash, off the main thread, and offers them. */
void
captioner_window_offer_restore (CaptionerWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_listed_cb, NULL);

  g_task_set_source_tag (task, captioner_window_offer_restore);
  g_task_run_in_thread (task, list_thread);
}
