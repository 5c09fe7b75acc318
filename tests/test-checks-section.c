#include "config.h"

#include <adwaita.h>

#include "captioner-checks-section.h"
#include "captioner-draft.h"
#include "captioner-person.h"

/* The checks beside the caption follow the draft as the editor edits it. */

static CaptionerDraft *
meeting_draft (void)
{
  g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
  CaptionerRect left = { 0.1, 0.3, 0.15, 0.2 };
  CaptionerRect middle = { 0.35, 0.3, 0.15, 0.2 };
  CaptionerRect right = { 0.6, 0.3, 0.15, 0.2 };

  g_ptr_array_add (md->people, captioner_person_new_displayed ("Sergei Lavrov", &left, 1));
  g_ptr_array_add (md->people, captioner_person_new_displayed ("", &middle, 1));
  g_ptr_array_add (md->people, captioner_person_new_displayed ("Hakan Fidan", &right, 1));
  captioner_people_assign_ids (md->people);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "meet in Antalya.");
  return captioner_draft_new (md, 1, FALSE);
}

static void
test_follows_draft (void)
{
  g_autoptr(CaptionerDraft) draft = meeting_draft ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *section = captioner_checks_section_new ();
  CaptionerChecksSection *checks = CAPTIONER_CHECKS_SECTION (section);

  gtk_window_set_child (GTK_WINDOW (window), section);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (section));

  captioner_caption_section_set_draft (CAPTIONER_CAPTION_SECTION (section), draft);
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==,
                   "Box 2 from the left has no name\n"
                   "No credit\n");
  g_assert_true (gtk_widget_get_visible (section));

  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "Reuters");
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==,
                   "Box 2 from the left has no name\n");
  captioner_draft_rename_person (draft,
                                 ((CaptionerPerson *) g_ptr_array_index (
                                   captioner_draft_get_metadata (draft)->people, 1))->id,
                                 "Ararat Mirzoyan");
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "From left, Sergei Lavrov, Ararat Mirzoyan and Hakan Fidan meet in Antalya. "
                   "(Reuters photo)");
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==, "");
  g_assert_false (gtk_widget_get_visible (section));

  /* The caption typed over names someone else. */
  captioner_draft_set_caption (draft, "Sergei Lavrov and Hakan Fidan meet. (Reuters photo)");
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==,
                   "Ararat Mirzoyan is tagged but not named in the caption\n");

  captioner_caption_section_set_draft (CAPTIONER_CAPTION_SECTION (section), NULL);
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Checks turned off in preferences (disabled-checks, which the window binds to GSettings)
 * are not shown, and a change shows them again at once. */
static void
test_disabled_checks (void)
{
  g_autoptr(CaptionerDraft) draft = meeting_draft ();
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Captioner");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *section = captioner_checks_section_new ();
  CaptionerChecksSection *checks = CAPTIONER_CHECKS_SECTION (section);
  const char *no_credit[] = { "no-credit", NULL };
  const char *both[] = { "no-credit", "unnamed-box", NULL };
  const char *none[] = { NULL };

  gtk_window_set_child (GTK_WINDOW (window), section);
  gtk_window_present (GTK_WINDOW (window));
  g_settings_bind (settings, "disabled-checks", section, "disabled-checks",
                   G_SETTINGS_BIND_GET);
  captioner_caption_section_set_draft (CAPTIONER_CAPTION_SECTION (section), draft);
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==,
                   "Box 2 from the left has no name\n"
                   "No credit\n");

  g_settings_set_strv (settings, "disabled-checks", no_credit);
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==,
                   "Box 2 from the left has no name\n");
  g_settings_set_strv (settings, "disabled-checks", both);
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==, "");
  g_assert_false (gtk_widget_get_visible (section));
  g_settings_set_strv (settings, "disabled-checks", none);
  g_assert_cmpstr (captioner_checks_section_get_text (checks), ==,
                   "Box 2 from the left has no name\n"
                   "No credit\n");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/captioner/checks-section/follows-draft", test_follows_draft);
  g_test_add_func ("/captioner/checks-section/disabled-checks", test_disabled_checks);
  return g_test_run ();
}
