#include "config.h"

#include <locale.h>

#include "captioner-caption.h"
#include "captioner-caption-partial.h"
#include "captioner-caption-rows.h"
#include "captioner-changes.h"
#include "captioner-draft.h"
#include "captioner-metadata.h"
#include "captioner-person.h"
#include "captioner-xmp.h"
#include "captioner-xmp-util.h"

/* Group photos in rows, and partial naming, through the caption every reader composes. */

typedef struct
{
  const char *name;
  double      cx;   /* centre of the box as displayed */
  double      cy;
  double      w;
  double      h;
} Face;

static CaptionerMetadata *
group_photo (const Face *faces,
             guint       n,
             int         orientation,
             const char *body)
{
  CaptionerMetadata *md = captioner_metadata_new ();

  for (guint i = 0; i < n; i++)
    {
      CaptionerRect d = { faces[i].cx - faces[i].w / 2, faces[i].cy - faces[i].h / 2,
                          faces[i].w, faces[i].h };
      g_ptr_array_add (md->people, captioner_person_new_displayed (faces[i].name, &d, orientation));
    }
  captioner_people_assign_ids (md->people);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, body);
  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
  return md;
}

/* Three standing behind four, the back row's faces between the front row's, a little smaller;
 * drawn in no particular order. */
static const Face team[] = {
  { "Back Middle",   0.50, 0.34, 0.09, 0.11 },
  { "Front Left",    0.20, 0.55, 0.10, 0.12 },
  { "Front Right",   0.80, 0.56, 0.10, 0.12 },
  { "Back Left",     0.30, 0.33, 0.09, 0.11 },
  { "Front Second",  0.40, 0.54, 0.10, 0.12 },
  { "Back Right",    0.70, 0.35, 0.09, 0.11 },
  { "Front Third",   0.60, 0.55, 0.10, 0.12 },
};

static const char *team_caption =
  "Front row, from left: Front Left, Front Second, Front Third and Front Right; back row, "
  "from left: Back Left, Back Middle and Back Right. The team poses before the final. "
  "(Reuters photo)";

static void
test_two_rows (void)
{
  g_autoptr(CaptionerMetadata) md = group_photo (team, G_N_ELEMENTS (team), 1,
                                                 "The team poses before the final.");
  g_autofree char *caption = captioner_caption_compose_metadata (md, 1);

  g_assert_cmpstr (caption, ==, team_caption);
}

static void
test_three_rows (void)
{
  static const Face faces[] = {
    { "C2", 0.55, 0.20, 0.08, 0.09 },
    { "A1", 0.25, 0.70, 0.10, 0.12 },
    { "B2", 0.45, 0.46, 0.09, 0.10 },
    { "A3", 0.75, 0.71, 0.10, 0.12 },
    { "C1", 0.35, 0.21, 0.08, 0.09 },
    { "B1", 0.25, 0.45, 0.09, 0.10 },
    { "A2", 0.50, 0.69, 0.10, 0.12 },
    { "B3", 0.65, 0.47, 0.09, 0.10 },
  };
  g_autoptr(CaptionerMetadata) md = group_photo (faces, G_N_ELEMENTS (faces), 1,
                                                 "The choir sings in Yerevan.");
  g_autofree char *caption = captioner_caption_compose_metadata (md, 1);

  g_assert_cmpstr (caption, ==,
                   "Front row, from left: A1, A2 and A3; middle row, from left: B1, B2 and B3; "
                   "back row, from left: C1 and C2. The choir sings in Yerevan. (Reuters photo)");
}

/* A line-up that slants down to the right, a tall man in the middle: one row. */
static const Face slanted[] = {
  { "Ararat Mirzoyan",  0.10, 0.30, 0.10, 0.10 },
  { "Jeyhun Bayramov",  0.28, 0.34, 0.10, 0.09 },
  { "Sergei Lavrov",    0.46, 0.22, 0.10, 0.11 },
  { "Hakan Fidan",      0.64, 0.44, 0.10, 0.10 },
  { "Hossein Amir-Abdollahian", 0.82, 0.50, 0.10, 0.10 },
};

static void
test_slanted_row (void)
{
  g_autoptr(CaptionerMetadata) md = group_photo (slanted, G_N_ELEMENTS (slanted), 1, "pose.");
  g_autofree char *caption = captioner_caption_compose_metadata (md, 1);
  g_autoptr(GPtrArray) rows = captioner_caption_rows_find (md->people, 1);

  g_assert_null (rows);
  g_assert_cmpstr (caption, ==,
                   "From left, Ararat Mirzoyan, Jeyhun Bayramov, Sergei Lavrov, Hakan Fidan and "
                   "Hossein Amir-Abdollahian pose. (Reuters photo)");
}

/* The boxes as stored are turned a quarter: the rows are rows as displayed. */
static void
test_rows_orientation_6 (void)
{
  g_autoptr(CaptionerMetadata) md = group_photo (team, G_N_ELEMENTS (team), 6,
                                                 "The team poses before the final.");
  g_autofree char *caption = captioner_caption_compose_metadata (md, 6);
  g_autofree char *unturned = captioner_caption_compose_metadata (md, 1);

  g_assert_cmpstr (caption, ==, team_caption);
  /* Read as if upright, the same boxes stand in columns, not in a front and a back row. */
  g_test_message ("%s", unturned);
  g_assert_false (g_str_has_prefix (unturned, "Front row"));
}

/* The editor's row wins: the tall man goes to a row of his own, behind. */
static void
test_editor_row (void)
{
  g_autoptr(CaptionerMetadata) md = group_photo (slanted, G_N_ELEMENTS (slanted), 1, "pose.");
  g_autofree char *caption = NULL;
  g_autofree char *front = NULL;

  ((CaptionerPerson *) g_ptr_array_index (md->people, 2))->row = 2;
  caption = captioner_caption_compose_metadata (md, 1);
  g_assert_cmpstr (caption, ==,
                   "Front row, from left: Ararat Mirzoyan, Jeyhun Bayramov, Hakan Fidan and "
                   "Hossein Amir-Abdollahian; back row: Sergei Lavrov. pose. (Reuters photo)");

  /* In the team, moving a back-row man to the front. */
  {
    g_autoptr(CaptionerMetadata) t = group_photo (team, G_N_ELEMENTS (team), 1, NULL);

    ((CaptionerPerson *) g_ptr_array_index (t->people, 0))->row = 1;
    front = captioner_caption_compose_metadata (t, 1);
    g_assert_cmpstr (front, ==,
                     "Front row, from left: Front Left, Front Second, Back Middle, Front Third "
                     "and Front Right; back row, from left: Back Left and Back Right. "
                     "(Reuters photo)");
  }
}

/* A row the editor set is stored in Captioner's namespace and read back by name. */
static void
test_row_stored (void)
{
  g_autoptr(CaptionerMetadata) md = group_photo (slanted, G_N_ELEMENTS (slanted), 1, "pose.");
  g_autoptr(CaptionerMetadata) back = captioner_metadata_new ();
  g_autoptr(CaptionerXmp) xmp = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  captioner_xmp_init ();
  xmp = xmp_new_empty ();
  ((CaptionerPerson *) g_ptr_array_index (md->people, 2))->row = 2;
  captioner_xmp_write_metadata (xmp, md, 6000, 4000, 1);
  captioner_xmp_read_metadata (xmp, 6000, 4000, back);
  g_assert_cmpuint (back->people->len, ==, 5);
  for (guint i = 0; i < back->people->len; i++)
    {
      const CaptionerPerson *p = g_ptr_array_index (back->people, i);
      g_assert_cmpuint (p->row, ==, g_strcmp0 (p->name, "Sergei Lavrov") == 0 ? 2 : 0);
    }
  a = captioner_caption_compose_metadata (md, 1);
  b = captioner_caption_compose_metadata (back, 1);
  g_assert_cmpstr (a, ==, b);

  /* Back to the boxes: the property goes. */
  for (guint i = 0; i < back->people->len; i++)
    ((CaptionerPerson *) g_ptr_array_index (back->people, i))->row = 0;
  captioner_xmp_write_metadata (xmp, back, 6000, 4000, 1);
  g_assert_false (xmp_has_property (xmp, CAPTIONER_NS_CAPTIONER, "PersonRows"));
}

/* The editor's row through the draft the window and the CLI edit: one undo step, a change of
 * that person only, and the caption follows. */
static void
test_draft_row (void)
{
  g_autoptr(CaptionerMetadata) md = group_photo (slanted, G_N_ELEMENTS (slanted), 1, "pose.");
  g_autoptr(CaptionerDraft) draft = captioner_draft_new (md, 1, FALSE);
  guint id = ((CaptionerPerson *) g_ptr_array_index (md->people, 2))->id;
  g_autoptr(CaptionerChanges) changes = NULL;

  captioner_draft_set_person_row (draft, id, 2);
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "Front row, from left: Ararat Mirzoyan, Jeyhun Bayramov, Hakan Fidan and "
                   "Hossein Amir-Abdollahian; back row: Sergei Lavrov. pose. (Reuters photo)");
  changes = captioner_draft_dup_changes (draft);
  g_assert_cmpuint (changes->people->len, ==, 1);
  g_assert_cmpint (captioner_changes_get_person (changes, id), ==, CAPTIONER_PERSON_CHANGE_ROW);
  g_assert_true (captioner_draft_get_dirty (draft));

  captioner_draft_undo (draft);
  g_assert_false (captioner_draft_get_dirty (draft));
  g_assert_cmpuint (((CaptionerPerson *) g_ptr_array_index (
                       captioner_draft_get_metadata (draft)->people, 2))->row, ==, 0);
}

static void
test_position_words (void)
{
  static const struct { guint index, n; const char *word; } cases[] = {
    { 0, 2, "left" }, { 1, 2, "right" },
    { 0, 3, "left" }, { 1, 3, "centre" }, { 2, 3, "right" },
    { 1, 4, "second from left" }, { 2, 4, "second from right" },
    { 1, 5, "second from left" }, { 2, 5, "centre" }, { 3, 5, "second from right" },
    { 2, 7, "third from left" }, { 4, 7, "third from right" },
    { 3, 8, "fourth from left" }, { 4, 8, "fourth from right" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *word = captioner_caption_position_word (cases[i].index, cases[i].n);
      g_assert_cmpstr (word, ==, cases[i].word);
    }
}

static void
test_partial_naming (void)
{
  static const Face meeting[] = {
    { "",                                       0.15, 0.4, 0.1, 0.12 },
    { "Russian Foreign Minister Sergei Lavrov", 0.38, 0.4, 0.1, 0.12 },
    { "",                                       0.61, 0.4, 0.1, 0.12 },
    { "Turkish Foreign Minister Hakan Fidan",   0.84, 0.4, 0.1, 0.12 },
  };
  static const Face five[] = {
    { "A", 0.1, 0.4, 0.1, 0.1 },
    { "B", 0.3, 0.4, 0.1, 0.1 },
    { "C", 0.5, 0.4, 0.1, 0.1 },
    { "D", 0.7, 0.4, 0.1, 0.1 },
    { " ", 0.9, 0.4, 0.1, 0.1 },
  };
  g_autoptr(CaptionerMetadata) md = group_photo (meeting, G_N_ELEMENTS (meeting), 1,
                                                 "attend a meeting in Antalya.");
  g_autoptr(CaptionerMetadata) md5 = group_photo (five, G_N_ELEMENTS (five), 1, "talk.");
  g_autoptr(CaptionerMetadata) bare = group_photo (meeting, G_N_ELEMENTS (meeting), 1, NULL);
  g_autofree char *caption = captioner_caption_compose_metadata (md, 1);
  g_autofree char *caption5 = captioner_caption_compose_metadata (md5, 1);
  g_autofree char *bare_caption = captioner_caption_compose_metadata (bare, 1);

  g_assert_cmpstr (caption, ==,
                   "Russian Foreign Minister Sergei Lavrov, second from left, and Turkish "
                   "Foreign Minister Hakan Fidan, right, attend a meeting in Antalya. "
                   "(Reuters photo)");
  g_assert_cmpstr (caption5, ==,
                   "A, left, B, second from left, C, centre, and D, second from right, talk. "
                   "(Reuters photo)");
  g_assert_cmpstr (bare_caption, ==,
                   "Russian Foreign Minister Sergei Lavrov, second from left, and Turkish "
                   "Foreign Minister Hakan Fidan, right (Reuters photo)");
}

/* Unnamed boxes in rows: positions, not rows (the rows would name nobody in their place). */
static void
test_partial_in_rows (void)
{
  g_autoptr(CaptionerMetadata) md = group_photo (team, G_N_ELEMENTS (team), 1, "pose.");
  g_autofree char *caption = NULL;

  g_free (((CaptionerPerson *) g_ptr_array_index (md->people, 1))->name);
  ((CaptionerPerson *) g_ptr_array_index (md->people, 1))->name = g_strdup ("");
  g_assert_null (captioner_caption_rows_find (md->people, 1));
  caption = captioner_caption_compose_metadata (md, 1);
  g_assert_true (g_str_has_prefix (caption, "Back Left, second from left, "));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/caption-rows/two-rows", test_two_rows);
  g_test_add_func ("/captioner/caption-rows/three-rows", test_three_rows);
  g_test_add_func ("/captioner/caption-rows/slanted-row", test_slanted_row);
  g_test_add_func ("/captioner/caption-rows/orientation-6", test_rows_orientation_6);
  g_test_add_func ("/captioner/caption-rows/editor-row", test_editor_row);
  g_test_add_func ("/captioner/caption-rows/row-stored", test_row_stored);
  g_test_add_func ("/captioner/caption-rows/draft-row", test_draft_row);
  g_test_add_func ("/captioner/caption-rows/position-words", test_position_words);
  g_test_add_func ("/captioner/caption-rows/partial-naming", test_partial_naming);
  g_test_add_func ("/captioner/caption-rows/partial-in-rows", test_partial_in_rows);
  return g_test_run ();
}
