#include "config.h"

#include <adwaita.h>

#include "captioner-people-section.h"
#include "captioner-draft.h"
#include "captioner-person.h"
#include "widget-test-util.h"

/* The People list: each person's row menu moves them to another row of a group photo, and
 * the caption's rows follow; Ctrl+Z takes it back. */

static CaptionerDraft *
lineup_draft (void)
{
  /* A line-up that slants down to the right, a tall man in the middle: one row. */
  static const struct { const char *name; double cx, cy, w, h; } faces[] = {
    { "Ararat Mirzoyan",  0.10, 0.30, 0.10, 0.10 },
    { "Jeyhun Bayramov",  0.28, 0.34, 0.10, 0.09 },
    { "Sergei Lavrov",    0.46, 0.22, 0.10, 0.11 },
    { "Hakan Fidan",      0.64, 0.44, 0.10, 0.10 },
    { "Hossein Amir-Abdollahian", 0.82, 0.50, 0.10, 0.10 },
  };
  g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();

  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    {
      CaptionerRect d = { faces[i].cx - faces[i].w / 2, faces[i].cy - faces[i].h / 2,
                          faces[i].w, faces[i].h };

      g_ptr_array_add (md->people, captioner_person_new_displayed (faces[i].name, &d, 1));
    }
  captioner_people_assign_ids (md->people);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "pose.");
  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
  return captioner_draft_new (md, 1, FALSE);
}

static guint
row_of (CaptionerDraft *draft,
        const char     *name)
{
  GPtrArray *people = captioner_draft_get_metadata (draft)->people;

  for (guint i = 0; i < people->len; i++)
    {
      CaptionerPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (person->name, name) == 0)
        return person->row;
    }
  g_assert_not_reached ();
}

/* What the row button says on hover. */
static const char *
row_tooltip (GtkWidget *entry)
{
  GtkWidget *button = widget_find_type (entry, GTK_TYPE_MENU_BUTTON, NULL);

  g_assert_nonnull (button);
  return gtk_widget_get_tooltip_text (button);
}

static void
test_move_to_row (void)
{
  g_autoptr(CaptionerDraft) draft = lineup_draft ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *section = captioner_people_section_new ();
  CaptionerPeopleSection *people = CAPTIONER_PEOPLE_SECTION (section);
  GtkWidget *lavrov;
  g_autofree char *composed = NULL;

  gtk_window_set_child (GTK_WINDOW (window), section);
  gtk_window_present (GTK_WINDOW (window));
  captioner_caption_section_set_draft (CAPTIONER_CAPTION_SECTION (section), draft);
  composed = captioner_draft_compose (draft);
  g_assert_cmpstr (composed, ==,
                   "From left, Ararat Mirzoyan, Jeyhun Bayramov, Sergei Lavrov, Hakan Fidan and "
                   "Hossein Amir-Abdollahian pose. (Reuters photo)");

  /* Third from the left: Lavrov, put behind the others from his row's menu. */
  lavrov = GTK_WIDGET (captioner_people_section_get_editable (people, 2));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lavrov)), ==, "Sergei Lavrov");
  g_assert_cmpstr (row_tooltip (lavrov), ==, "Row: as the boxes say");
  g_assert_true (gtk_widget_activate_action (lavrov, "person.row", "u", 2));
  g_assert_cmpuint (row_of (draft, "Sergei Lavrov"), ==, 2);
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "Front row, from left: Ararat Mirzoyan, Jeyhun Bayramov, Hakan Fidan and "
                   "Hossein Amir-Abdollahian; back row: Sergei Lavrov. pose. (Reuters photo)");
  g_assert_cmpstr (row_tooltip (GTK_WIDGET (captioner_people_section_get_editable (people, 2))),
                   ==, "Row: second");

  /* One Ctrl+Z: one row again, the menu showing it. */
  captioner_draft_undo (draft);
  g_assert_cmpuint (row_of (draft, "Sergei Lavrov"), ==, 0);
  g_free (composed);
  composed = captioner_draft_compose (draft);
  g_assert_true (g_str_has_prefix (composed, "From left, "));
  g_assert_cmpstr (row_tooltip (GTK_WIDGET (captioner_people_section_get_editable (people, 2))),
                   ==, "Row: as the boxes say");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two people are no group photo: no row menu to get in the way. */
static void
test_no_rows_for_two (void)
{
  g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
  CaptionerRect left = { 0.1, 0.3, 0.15, 0.2 };
  CaptionerRect right = { 0.6, 0.3, 0.15, 0.2 };
  g_autoptr(CaptionerDraft) draft = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *section = captioner_people_section_new ();

  g_ptr_array_add (md->people, captioner_person_new_displayed ("Sergei Lavrov", &left, 1));
  g_ptr_array_add (md->people, captioner_person_new_displayed ("Hakan Fidan", &right, 1));
  captioner_people_assign_ids (md->people);
  draft = captioner_draft_new (md, 1, FALSE);
  gtk_window_set_child (GTK_WINDOW (window), section);
  captioner_caption_section_set_draft (CAPTIONER_CAPTION_SECTION (section), draft);
  g_assert_null (widget_find_type (section, GTK_TYPE_MENU_BUTTON, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/captioner/people-section/move-to-row", test_move_to_row);
  g_test_add_func ("/captioner/people-section/no-rows-for-two", test_no_rows_for_two);
  return g_test_run ();
}
