#define G_LOG_DOMAIN "captioner-window-conflict"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-error.h"
#include "captioner-window-private.h"

/* What the editor is asked when a save meets another program's: the desk merged what only one
 * side changed; what both changed is shown side by side, field by field (people and boxes
 * included), to choose. Or another program's caption would be replaced: keep it or replace it. */

typedef struct
{
  CaptionerWindow   *window;
  CaptionerDeskItem *item;
  GPtrArray         *theirs_buttons;  /* GtkToggleButton per conflict: "on disk" chosen */
} Question;

static Question *
question_new (CaptionerWindow   *window,
              CaptionerDeskItem *item)
{
  Question *question = g_new0 (Question, 1);

  question->window = g_object_ref (window);
  question->item = g_object_ref (item);
  question->theirs_buttons = g_ptr_array_new ();
  return question;
}

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_object_unref (question->window);
  g_object_unref (question->item);
  g_ptr_array_unref (question->theirs_buttons);
  g_free (question);
}

static void ask_side_by_side (CaptionerWindow *self, CaptionerDeskItem *item);

static void
resolve (Question         *question,
         CaptionerMergeSide all)
{
  const CaptionerMerge *merge = captioner_desk_item_get_merge (question->item);
  g_autofree CaptionerMergeSide *sides = NULL;

  if (merge == NULL)
    {
      /* No merge to resolve (the caption case): the editor's version, as it is. */
      captioner_desk_save (question->window->desk, question->item, CAPTIONER_SAVE_IGNORE_CONFLICT);
      return;
    }
  sides = g_new0 (CaptionerMergeSide, merge->conflicts->len + 1);
  for (guint i = 0; i < merge->conflicts->len; i++)
    sides[i] = all;
  /* The choices made row by row, when there are rows. */
  for (guint i = 0; all == (CaptionerMergeSide) -1 && i < question->theirs_buttons->len; i++)
    sides[i] = gtk_toggle_button_get_active (g_ptr_array_index (question->theirs_buttons, i))
               ? CAPTIONER_MERGE_THEIRS : CAPTIONER_MERGE_MINE;
  captioner_desk_resolve (question->window->desk, question->item, sides);
}

/* The question belongs to the dialog (freed with it): the dialog may answer more than once. */
static void
on_response_cb (AdwMessageDialog *dialog,
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
    resolve (question, CAPTIONER_MERGE_MINE);
  else if (g_str_equal (response, "merge"))
    resolve (question, (CaptionerMergeSide) -1);
  else if (g_str_equal (response, "replace"))
    captioner_desk_save (desk, question->item, CAPTIONER_SAVE_FORCE_CAPTION);
  else if (g_str_equal (response, "both"))
    ask_side_by_side (question->window, question->item);
}

static AdwMessageDialog *
new_dialog (Question   *question,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (question->window), heading, body));

  /* Escape leaves the photo marked as a conflict, with the editor's words kept. */
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), question,
                         question_free, 0);
  return dialog;
}

/* One row a conflict: what it is, and which version to keep. */
static GtkWidget *
conflict_row (Question                     *question,
              const CaptionerMergeConflict *conflict)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choice = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine = gtk_toggle_button_new_with_mnemonic (_("_Yours"));
  GtkWidget *theirs = gtk_toggle_button_new_with_mnemonic (_("_On Disk"));
  g_autofree char *subtitle = g_strdup_printf (_("On disk: %s\nYours: %s"),
                                               *conflict->theirs ? conflict->theirs : _("(empty)"),
                                               *conflict->mine ? conflict->mine : _("(empty)"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine), TRUE);
  gtk_widget_add_css_class (choice, "linked");
  gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (choice), mine);
  gtk_box_append (GTK_BOX (choice), theirs);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
  g_ptr_array_add (question->theirs_buttons, theirs);
  return row;
}

/* Every field both changed, side by side, to choose. */
static void
ask_side_by_side (CaptionerWindow   *self,
                  CaptionerDeskItem *item)
{
  const CaptionerMerge *merge = captioner_desk_item_get_merge (item);
  Question *question = question_new (self, item);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < merge->conflicts->len; i++)
    {
      const CaptionerMergeConflict *conflict = g_ptr_array_index (merge->conflicts, i);

      gtk_list_box_append (GTK_LIST_BOX (list), conflict_row (question, conflict));
    }
  heading = g_strdup_printf (_("Two Versions of “%s”"), captioner_desk_item_get_name (item));
  dialog = new_dialog (question, heading,
                       _("You and someone else changed these. Choose which version to keep; "
                         "what only one of you changed is kept either way."));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "theirs", _("_Reload Theirs"),
                                    "mine", _("_Keep Mine"),
                                    "merge", _("_Use These"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
captioner_window_ask_about_conflict (CaptionerWindow   *self,
                                     CaptionerDeskItem *item)
{
  const char *name = captioner_desk_item_get_name (item);
  Question *question = question_new (self, item);
  const CaptionerMerge *merge = captioner_desk_item_get_merge (item);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (captioner_desk_item_get_conflict_code (item) == CAPTIONER_ERROR_CAPTION_CHANGED)
    {
      heading = g_strdup_printf (_("Another Program Changed the Caption of “%s”"), name);
      dialog = new_dialog (question, heading,
                           _("Its caption was edited outside Captioner after Captioner composed "
                             "it."));
      adw_message_dialog_add_responses (dialog,
                                        "theirs", _("_Keep Theirs"),
                                        "replace", _("_Replace with Mine"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  if (merge != NULL)
    {
      g_autofree char *fields = captioner_merge_describe (merge);

      body = g_strdup_printf (_("Someone else saved this photo’s sidecar since you opened it, "
                                "and changed what you changed: %s. Your changes are kept until "
                                "you choose."), fields);
    }
  else
    body = g_strdup (_("Someone else saved this photo’s sidecar since you opened it. Your "
                       "changes are kept until you choose."));
  dialog = new_dialog (question, heading, body);
  adw_message_dialog_add_response (dialog, "theirs", _("_Reload Theirs"));
  if (merge != NULL)
    adw_message_dialog_add_response (dialog, "both", _("See _Both"));
  adw_message_dialog_add_response (dialog, "mine", _("_Keep Mine"));
  adw_message_dialog_set_response_appearance (dialog, "mine", ADW_RESPONSE_SUGGESTED);
  gtk_window_present (GTK_WINDOW (dialog));
}
