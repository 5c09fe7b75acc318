#include "config.h"

#include <adwaita.h>

#include "captioner-caption-style.h"
#include "captioner-draft.h"
#include "captioner-language-section.h"
#include "captioner-person.h"

/* The caption in the desk's second language, in the panel: the Armenian style's words and the
 * people's Armenian names, the editor's own words after them, stored beside the main caption
 * and undone with it. */

static char *
armenian_name (const char *name,
               const char *language,
               gpointer    user_data)
{
  g_assert_cmpstr (language, ==, "hy");
  return g_str_equal (name, "Ararat Mirzoyan") ? g_strdup ("Արարատ Միրզոյան") : NULL;
}

static void
test_armenian_caption (void)
{
  g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
  CaptionerRect left = { 0.1, 0.3, 0.15, 0.2 };
  CaptionerRect right = { 0.6, 0.3, 0.15, 0.2 };
  g_autoptr(CaptionerDraft) draft = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = captioner_language_section_new ();
  CaptionerLanguageSection *section = CAPTIONER_LANGUAGE_SECTION (widget);
  g_autofree char *main_caption = NULL;

  g_ptr_array_add (md->people, captioner_person_new_displayed ("Ararat Mirzoyan", &left, 1));
  g_ptr_array_add (md->people, captioner_person_new_displayed ("Hakan Fidan", &right, 1));
  captioner_people_assign_ids (md->people);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "meet.");
  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
  draft = captioner_draft_new (md, 1, FALSE);
  captioner_draft_set_name_translator (draft, armenian_name, NULL, NULL);
  main_caption = captioner_draft_compose (draft);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  captioner_caption_section_set_draft (CAPTIONER_CAPTION_SECTION (widget), draft);

  /* Armenian is offered (a bundled style writes it); nothing written in it yet. */
  g_assert_cmpstr (captioner_language_section_get_language (section), ==, "hy");
  g_assert_cmpstr (captioner_language_section_get_caption (section), ==,
                   "Ձախից աջ՝ Արարատ Միրզոյան և Hakan Fidan (Լուսանկարը՝ Reuters)");
  g_assert_null (captioner_draft_get_language (draft, "hy", CAPTIONER_LANGUAGE_CAPTION));

  gtk_editable_set_text (captioner_language_section_get_body (section), "հանդիպում են։");
  g_assert_cmpstr (captioner_draft_get_language (draft, "hy", CAPTIONER_LANGUAGE_CAPTION), ==,
                   "Ձախից աջ՝ Արարատ Միրզոյան և Hakan Fidan հանդիպում են։ (Լուսանկարը՝ Reuters)");
  g_assert_cmpstr (captioner_language_section_get_caption (section), ==,
                   "Ձախից աջ՝ Արարատ Միրզոյան և Hakan Fidan հանդիպում են։ (Լուսանկարը՝ Reuters)");
  /* The main caption is not touched. */
  {
    g_autofree char *now = captioner_draft_compose (draft);

    g_assert_cmpstr (now, ==, main_caption);
  }

  /* Ctrl+Z: the Armenian words go, the row follows. */
  captioner_draft_undo (draft);
  g_assert_null (captioner_draft_get_language (draft, "hy", CAPTIONER_LANGUAGE_BODY));
  g_assert_cmpstr (gtk_editable_get_text (captioner_language_section_get_body (section)), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/captioner/language-section/armenian-caption", test_armenian_caption);
  return g_test_run ();
}
