#define G_LOG_DOMAIN "test-window-assists"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "captioner-assists.h"
#include "captioner-editable.h"
#include "captioner-field-completer.h"
#include "captioner-photo-view.h"
#include "window-test-util.h"

/* The second frame of a line-up, as an editor captions it: names completed from the people
 * directory, codes expanded as they are typed, a template from the menu, a photo's caption
 * and people pasted onto the next, and the previous photo's next person offered for a box. */

/* The editor's files are there before the window opens, as on a desk. */
static void
set_up (Desk          *desk,
        gconstpointer  data)
{
  desk_write_user_file ("people.txt",
                   "#columns\tname\ttitle\tshort\taliases\tcode\n"
                   "Sergei Lavrov\tRussian Foreign Minister\tLavrov\tSergey Lavrov\tlav\n"
                   "Hakan Fidan\tTurkish Foreign Minister\tFidan\t\tfid\n");
  desk_write_user_file ("replacements/desk.txt",
                   "// the desk's codes\nteh\tTehran\tTehran, Iran\n");
  desk_write_user_file ("templates/summit.captioner-template",
                   "[Template]\nName=Summit pool\n"
                   "[credit]\nValue=Reuters\nApply=true\n"
                   "[city]\nValue=Tehran\nApply=true\n"
                   "[body]\nValue=pose for a photo in {city}.\nApply=true\n");
  desk_set_up (desk, data);
  DESK_WAIT_UNTIL (captioner_assists_get_directory (
                     CAPTIONER_ASSISTS (captioner_window_get_assists (desk->window))) != NULL);
  desk_open_folder (desk);
}

static const char *
first_offered (GtkEditable *entry)
{
  GtkEntryCompletion *completion = gtk_entry_get_completion (GTK_ENTRY (entry));
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  static char *name;
  GtkTreeIter iter;

  g_clear_pointer (&name, g_free);
  if (gtk_tree_model_get_iter_first (model, &iter))
    gtk_tree_model_get (model, &iter, 0, &name, -1);
  return name;
}

static void
drag_box (Desk   *desk,
          double  x0,
          double  x1)
{
  CaptionerPhotoView *view = desk_view (desk);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  /* The photo fills the view's middle: these are well inside it. */
  captioner_photo_view_drag_box (view, width * x0, height * 0.45, width * x1, height * 0.55);
  g_assert_true (captioner_photo_view_is_naming (view));
  DESK_WAIT_UNTIL (gtk_widget_get_mapped (
                     GTK_WIDGET (captioner_photo_view_get_name_entry (view))));
}

static void
test_completion_and_codes (Desk          *desk,
                           gconstpointer  data)
{
  GtkEditable *entry = captioner_photo_view_get_name_entry (desk_view (desk));
  GtkEditable *city = captioner_caption_panel_get_field_editable (desk_panel (desk),
                                                                 CAPTIONER_FIELD_CITY);
  GtkTextBuffer *body = gtk_text_view_get_buffer (
    captioner_caption_panel_get_body_view (desk_panel (desk)));
  int position;

  /* A surname, an alias, a code: each finds the person, offered as the caption names them. */
  drag_box (desk, 0.55, 0.7);
  gtk_editable_set_text (entry, "lavr");
  g_assert_cmpstr (first_offered (entry), ==, "Russian Foreign Minister Sergei Lavrov");
  gtk_editable_set_text (entry, "sergey");
  g_assert_cmpstr (first_offered (entry), ==, "Russian Foreign Minister Sergei Lavrov");
  gtk_editable_set_text (entry, "turkish");
  g_assert_cmpstr (first_offered (entry), ==, "Turkish Foreign Minister Hakan Fidan");

  /* A person's code in the name entry: their display form, as soon as "=" closes it. */
  gtk_editable_set_text (entry, "=lav");
  position = -1;
  gtk_editable_insert_text (entry, "=", 1, &position);
  gtk_editable_set_position (entry, -1);
  DESK_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (entry),
                                "Russian Foreign Minister Sergei Lavrov"));
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");

  /* In the body and a field, as typed; the second replacement with #2. */
  gtk_text_buffer_set_text (body, "poses in =teh=", -1);
  DESK_WAIT_UNTIL (g_strcmp0 (captioner_metadata_get (captioner_window_get_draft (desk->window),
                                                      CAPTIONER_FIELD_CAPTION_BODY),
                              "poses in Tehran") == 0);
  gtk_widget_grab_focus (GTK_WIDGET (city));
  gtk_editable_set_text (city, "=teh#2=");
  gtk_editable_set_position (city, -1);
  DESK_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (city), "Tehran, Iran"));
  desk_assert_caption (desk, "Russian Foreign Minister Sergei Lavrov poses in Tehran");

  /* Ctrl+1 and Ctrl+2 reach the caption's words and the credit from anywhere. */
  desk_activate (desk, "win.focus-caption");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (
                   captioner_caption_panel_get_body_view (desk_panel (desk)))));
  desk_activate (desk, "win.focus-credit");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (
                   captioner_caption_panel_get_field_editable (desk_panel (desk),
                                                               CAPTIONER_FIELD_CREDIT)))) ||
                 gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (
                   captioner_caption_panel_get_field_editable (desk_panel (desk),
                                                               CAPTIONER_FIELD_CREDIT)))));

  /* An unknown code stays as typed, marked. */
  gtk_editable_set_text (city, "=xyz=");
  gtk_editable_set_position (city, -1);
  DESK_WAIT_UNTIL (gtk_widget_has_css_class (GTK_WIDGET (city), "warning"));
  g_assert_cmpstr (gtk_editable_get_text (city), ==, "=xyz=");
}

static void
test_template_paste_and_next_person (Desk          *desk,
                                     gconstpointer  data)
{
  GtkEditable *entry = captioner_photo_view_get_name_entry (desk_view (desk));
  const char *expected = "From left, Turkish Foreign Minister Hakan Fidan and Russian Foreign "
                         "Minister Sergei Lavrov pose for a photo in Tehran. (Reuters photo)";

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->window), "win.apply-template",
                                             "s", "Summit pool"));
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_CREDIT), ==, "Reuters");
  desk_tag (desk, 0.1, 0.2, 0.3, 0.6, "Turkish Foreign Minister Hakan Fidan");
  desk_tag (desk, 0.6, 0.2, 0.8, 0.6, "Russian Foreign Minister Sergei Lavrov");
  desk_assert_caption (desk, expected);

  /* The next frame: a box is offered the previous photo's leftmost person, then the next. */
  desk_activate (desk, "win.copy-caption");
  desk_activate (desk, "win.next");
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk) && captioner_window_get_selected (desk->window) == 1);
  drag_box (desk, 0.15, 0.3);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Turkish Foreign Minister Hakan Fidan");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  drag_box (desk, 0.6, 0.75);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Russian Foreign Minister Sergei Lavrov");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  desk_assert_caption (desk, "From left, Turkish Foreign Minister Hakan Fidan and Russian "
                             "Foreign Minister Sergei Lavrov");

  /* Paste: the first photo's fields and people, one undo step. */
  desk_activate (desk, "win.paste-caption");
  desk_assert_caption (desk, expected);
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_CITY), ==, "Tehran");
  desk_activate (desk, "win.undo");
  desk_assert_caption (desk, "From left, Turkish Foreign Minister Hakan Fidan and Russian "
                             "Foreign Minister Sergei Lavrov");
  /* Saving names people the directory knows: its file keeps every column and gains no line. */
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "captioner", "people.txt",
                                              NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Sergei Lavrov\tRussian Foreign Minister\tLavrov"));
    g_assert_null (strstr (contents, "\nRussian Foreign Minister Sergei Lavrov"));
    g_assert_null (strstr (contents, "\nTurkish Foreign Minister Hakan Fidan"));
  }
}

static GtkWidget *
headline_text (Desk *desk)
{
  return GTK_WIDGET (captioner_editable_get_text (captioner_caption_panel_get_field_editable (
                                                   desk_panel (desk), CAPTIONER_FIELD_HEADLINE)));
}

static char *
flagged (Desk      *desk,
         GtkWidget *widget)
{
  CaptionerSpellChecker *checker = captioner_assists_get_spell_checker (
    CAPTIONER_ASSISTS (captioner_window_get_assists (desk->window)));
  static char *words;

  g_clear_pointer (&words, g_free);
  words = captioner_spell_checker_dup_flagged (checker, widget);
  return words;
}

static void
place_cursor (GtkTextBuffer *buffer,
              int            offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* Misspellings underlined in the body and the headline, in English and Armenian; a
 * directory name never; a suggestion replaces the word in the draft; a word added to the
 * dictionary is no longer flagged. */
static void
test_spelling (Desk          *desk,
               gconstpointer  data)
{
  CaptionerSpellChecker *checker = captioner_assists_get_spell_checker (
    CAPTIONER_ASSISTS (captioner_window_get_assists (desk->window)));
  GtkWidget *view = GTK_WIDGET (captioner_caption_panel_get_body_view (desk_panel (desk)));
  GtkTextBuffer *body = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *headline = headline_text (desk);
  g_auto(GStrv) suggestions = NULL;

  DESK_WAIT_UNTIL (captioner_spell_checker_get_speller (checker) != NULL);
  gtk_text_buffer_set_text (body, "Lavrov arives in Tehran for the summitt.", -1);
  DESK_WAIT_UNTIL (g_str_equal (flagged (desk, view), "arives summitt"));
  suggestions = captioner_spell_checker_dup_suggestions (checker, view, 9);
  g_assert_nonnull (suggestions);
  g_assert_cmpstr (suggestions[0], ==, "arrives");

  /* The context menu's suggestion, for the word at the cursor. */
  place_cursor (body, 9);
  gtk_widget_activate_action (view, "spell.replace", "s", "arrives");
  DESK_WAIT_UNTIL (g_strcmp0 (captioner_metadata_get (captioner_window_get_draft (desk->window),
                                                      CAPTIONER_FIELD_CAPTION_BODY),
                              "Lavrov arrives in Tehran for the summitt.") == 0);
  DESK_WAIT_UNTIL (g_str_equal (flagged (desk, view), "summitt"));
  place_cursor (body, 36);
  gtk_widget_activate_action (view, "spell.add", NULL);
  DESK_WAIT_UNTIL (g_str_equal (flagged (desk, view), ""));

  gtk_editable_set_text (GTK_EDITABLE (headline), "Ministers meet in Tehrn");
  DESK_WAIT_UNTIL (g_str_equal (flagged (desk, headline), "Tehrn"));

  /* Armenian words go to the Armenian dictionary ("և" is right); names the directory has
   * only in English are not known in Armenian. */
  gtk_text_buffer_set_text (body, "Սերգեյ Լավրովը և Հաքան Ֆիդանը ագտաքին գործերի նախարարներ են։",
                            -1);
  DESK_WAIT_UNTIL (g_str_equal (flagged (desk, view), "Լավրովը Հաքան Ֆիդանը ագտաքին"));

  /* The caption's words in the other language (the Other Language section) too. */
  {
    GtkEditable *other = captioner_caption_panel_get_language_body (desk_panel (desk));
    GtkWidget *other_text = GTK_WIDGET (captioner_editable_get_text (other));

    gtk_editable_set_text (other, "արտաքին գործերի ագտաքին նախարարներ են։");
    DESK_WAIT_UNTIL (g_str_equal (flagged (desk, other_text), "ագտաքին"));
  }
}

/* A desk folder (preferences: desk-folders) adds its people and codes, read-only, and the
 * codes' delimiter is a preference too. */
static void
test_desk_folder_and_delimiter (Desk          *desk,
                                gconstpointer  data)
{
  CaptionerAssists *assists = CAPTIONER_ASSISTS (captioner_window_get_assists (desk->window));
  g_autofree char *shared = g_build_filename (desk->dir, "desk", NULL);
  g_autofree char *people = g_build_filename (shared, "people.txt", NULL);
  g_autofree char *codes_dir = g_build_filename (shared, "replacements", NULL);
  g_autofree char *codes = g_build_filename (codes_dir, "desk.txt", NULL);
  const char *folders[] = { shared, NULL };
  GtkEditable *city = captioner_caption_panel_get_field_editable (desk_panel (desk),
                                                                 CAPTIONER_FIELD_CITY);

  g_assert_cmpint (g_mkdir_with_parents (codes_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (people, "Ararat Mirzoyan\n", -1, NULL));
  g_assert_true (g_file_set_contents (codes, "yer\tYerevan\n", -1, NULL));
  g_settings_set_strv (desk->settings, "desk-folders", folders);
  DESK_WAIT_UNTIL (captioner_people_directory_find (captioner_assists_get_directory (assists),
                                                    "Ararat Mirzoyan") != NULL);
  /* The user's people are still there. */
  g_assert_nonnull (captioner_people_directory_find (captioner_assists_get_directory (assists),
                                                     "Sergei Lavrov"));
  gtk_widget_grab_focus (GTK_WIDGET (city));
  gtk_editable_set_text (city, "=yer=");
  gtk_editable_set_position (city, -1);
  DESK_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (city), "Yerevan"));

  /* Another delimiter: "=" stays as typed, ";" expands. */
  g_settings_set_string (desk->settings, "code-delimiter", ";");
  DESK_WAIT_UNTIL (g_strcmp0 (captioner_replacements_get_delimiter (
                     captioner_code_expander_get_replacements (
                       captioner_assists_get_expander (assists))), ";") == 0);
  gtk_editable_set_text (city, ";teh;");
  gtk_editable_set_position (city, -1);
  DESK_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (city), "Tehran"));

  /* A colleague adds a person and a code to the shared files: they reach this window within
   * seconds, nobody touching a preference. */
  g_assert_true (g_file_set_contents (people, "Ararat Mirzoyan\nJeyhun Bayramov\n", -1, NULL));
  g_assert_true (g_file_set_contents (codes, "yer\tYerevan\ngyu\tGyumri\n", -1, NULL));
  DESK_WAIT_UNTIL (captioner_people_directory_find (captioner_assists_get_directory (assists),
                                                    "Jeyhun Bayramov") != NULL);
  gtk_editable_set_text (city, ";gyu;");
  gtk_editable_set_position (city, -1);
  DESK_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (city), "Gyumri"));
}

/* Credit, city and the other fields complete from the folder's values as typed, on any
 * word, the value typed whole not offered again. */
static void
test_field_completion (Desk          *desk,
                       gconstpointer  data)
{
  GtkEditable *credit = captioner_caption_panel_get_field_editable (desk_panel (desk),
                                                                   CAPTIONER_FIELD_CREDIT);
  CaptionerFieldCompleter *completer = captioner_field_completer_get (credit);
  GtkText *text = captioner_editable_get_text (credit);
  g_auto(GStrv) offered = NULL;
  g_auto(GStrv) none = NULL;

  g_assert_nonnull (completer);
  /* The photo's credit, as shown; the list is the folder's when the field gets the focus. */
  gtk_editable_set_text (credit, "Thomson Reuters");
  DESK_WAIT_UNTIL (g_strcmp0 (captioner_metadata_get (captioner_window_get_draft (desk->window),
                                                      CAPTIONER_FIELD_CREDIT),
                              "Thomson Reuters") == 0);
  gtk_widget_grab_focus (GTK_WIDGET (text));
  DESK_WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (text)));
  gtk_editable_set_text (credit, "reu");
  offered = captioner_field_completer_dup_offered (completer);
  g_assert_cmpstrv (offered, ((const char *[]) { "Thomson Reuters", NULL }));
  gtk_editable_set_text (credit, "Thomson Reuters");
  none = captioner_field_completer_dup_offered (completer);
  g_assert_cmpstrv (none, ((const char *[]) { NULL }));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = desk_init (&argc, &argv);
  int status;

  g_test_add ("/captioner/window-assists/completion-and-codes", Desk, NULL, set_up,
              test_completion_and_codes, desk_tear_down);
  g_test_add ("/captioner/window-assists/template-paste-and-next-person", Desk, NULL, set_up,
              test_template_paste_and_next_person, desk_tear_down);
  g_test_add ("/captioner/window-assists/spelling", Desk, NULL, set_up, test_spelling,
              desk_tear_down);
  g_test_add ("/captioner/window-assists/field-completion", Desk, NULL, set_up,
              test_field_completion, desk_tear_down);
  g_test_add ("/captioner/window-assists/desk-folder-and-delimiter", Desk, NULL, set_up,
              test_desk_folder_and_delimiter, desk_tear_down);
  status = g_test_run ();
  desk_finish (home);
  return status;
}
