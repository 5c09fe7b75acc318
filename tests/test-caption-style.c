#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "captioner-caption.h"
#include "captioner-caption-partial.h"
#include "captioner-caption-style.h"
#include "captioner-metadata.h"
#include "captioner-person.h"

/* House styles: every bundled style's words in a caption, the credit forms, and named styles
 * in files (a round trip, the user's overriding a bundled one, a broken one skipped). */

typedef struct
{
  const char *id;
  const char *one;
  const char *two;
  const char *three;
  const char *rows;      /* two rows: A, B and C in front, D and E behind */
  const char *partial;   /* three boxes, the middle one unnamed */
} Expected;

static const Expected expected[] = {
  { "default", "A pose.", "From left, A and B pose.", "From left, A, B and C pose.",
    "Front row, from left: A, B and C; back row, from left: D and E. pose.",
    "A, left, and C, right, pose." },
  { "serial-comma", "A pose.", "From left, A and B pose.", "From left, A, B, and C pose.",
    "Front row, from left: A, B, and C; back row, from left: D and E. pose.",
    "A, left, and C, right, pose." },
  { "from-left-colon", "A pose.", "From left: A and B pose.", "From left: A, B and C pose.",
    "Front row, from left: A, B and C; back row, from left: D and E. pose.",
    "A, left, and C, right, pose." },
  { "l-r", "A pose.", "L-R: A and B pose.", "L-R: A, B and C pose.",
    "Front row, from left: A, B and C; back row, from left: D and E. pose.",
    "A, left, and C, right, pose." },
  { "l-r-parens", "A pose.", "A and B (L-R) pose.", "A, B and C (L-R) pose.",
    "Front row, from left: A, B and C; back row, from left: D and E. pose.",
    "A, left, and C, right, pose." },
  { "reuters", "A pose.", "From left, A and B pose.", "From left, A, B and C pose.",
    "Front row, from left: A, B and C; back row, from left: D and E. pose.",
    "A, left, and C, right, pose." },
  { "ap", "A pose.", "From left, A and B pose.", "From left, A, B and C pose.",
    "Front row, from left: A, B and C; back row, from left: D and E. pose.",
    "A, left, and C, right, pose." },
  { "hy", "A pose.", "Ձախից աջ՝ A և B pose.", "Ձախից աջ՝ A, B և C pose.",
    "Առաջին շարքում, ձախից: A, B և C; վերջին շարքում, ձախից: D և E. pose.",
    "A, ձախում, և C, աջում, pose." },
};

static void
add_box (CaptionerMetadata *md,
         const char        *name,
         double             cx,
         double             cy)
{
  CaptionerRect d = { cx - 0.05, cy - 0.06, 0.10, 0.12 };

  g_ptr_array_add (md->people, captioner_person_new_displayed (name, &d, 1));
}

static char *
compose_boxes (const char *style,
               gboolean    rows)
{
  g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();

  if (rows)
    {
      add_box (md, "D", 0.30, 0.30);
      add_box (md, "A", 0.20, 0.60);
      add_box (md, "E", 0.50, 0.31);
      add_box (md, "B", 0.40, 0.61);
      add_box (md, "C", 0.60, 0.60);
    }
  else
    {
      add_box (md, "A", 0.20, 0.50);
      add_box (md, "", 0.45, 0.50);
      add_box (md, "C", 0.70, 0.50);
    }
  captioner_people_assign_ids (md->people);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "pose.");
  captioner_metadata_set (md, CAPTIONER_FIELD_STYLE, style);
  return captioner_caption_compose_metadata (md, 1);
}

static void
test_bundled (void)
{
  const char *one[] = { "A", NULL };
  const char *two[] = { "A", "B", NULL };
  const char *three[] = { "A", "B", "C", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CaptionerCaptionStyle *style = captioner_caption_style_lookup (expected[i].id);
      g_autofree char *c1 = captioner_caption_compose (style, one, "pose.", NULL);
      g_autofree char *c2 = captioner_caption_compose (style, two, "pose.", NULL);
      g_autofree char *c3 = captioner_caption_compose (style, three, "pose.", NULL);
      g_autofree char *rows = compose_boxes (expected[i].id, TRUE);
      g_autofree char *partial = compose_boxes (expected[i].id, FALSE);

      g_test_message ("style %s", expected[i].id);
      g_assert_cmpstr (style->id, ==, expected[i].id);
      g_assert_cmpstr (c1, ==, expected[i].one);
      g_assert_cmpstr (c2, ==, expected[i].two);
      g_assert_cmpstr (c3, ==, expected[i].three);
      g_assert_cmpstr (rows, ==, expected[i].rows);
      g_assert_cmpstr (partial, ==, expected[i].partial);
    }
  /* An unknown id composes in the default style. */
  g_assert_true (captioner_caption_style_lookup ("no-such-style") ==
                 captioner_caption_style_lookup ("default"));
  g_assert_cmpstr (captioner_caption_style_lookup (NULL)->id, ==, "default");
  g_assert_cmpstr (captioner_caption_style_lookup ("hy")->language, ==, "hy");
}

static void
test_list (void)
{
  g_autoptr(GPtrArray) styles = captioner_caption_style_list ();

  g_assert_cmpuint (styles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 1; i < styles->len; i++)
    {
      const CaptionerCaptionStyle *a = g_ptr_array_index (styles, i - 1);
      const CaptionerCaptionStyle *b = g_ptr_array_index (styles, i);

      g_assert_cmpint (g_utf8_collate (a->name, b->name), <=, 0);
    }
}

/* Positions past the second and rows past the third in the style's words. */
static void
test_far_positions (void)
{
  const CaptionerCaptionStyle *hy = captioner_caption_style_lookup ("hy");
  g_autofree char *third = captioner_caption_style_position_word (hy, 2, 7);
  g_autofree char *centre = captioner_caption_style_position_word (hy, 3, 7);
  g_autofree char *english = captioner_caption_style_position_word (NULL, 4, 7);

  g_assert_cmpstr (third, ==, "ձախից երրորդը");
  g_assert_cmpstr (centre, ==, "կենտրոնում");
  g_assert_cmpstr (english, ==, "third from right");
}

typedef struct
{
  const char *id;
  const char *with_byline;
  const char *without;
} CreditCase;

static void
test_credit_styles (void)
{
  const CreditCase cases[] = {
    { "default", "(Reuters photo)", "(Reuters photo)" },
    { "reuters", "REUTERS/Jane Doe", "REUTERS" },
    { "ap", "(Reuters Photo/Jane Doe)", "(Reuters Photo)" },
    { "hy", "(Լուսանկարը՝ Reuters)", "(Լուսանկարը՝ Reuters)" },
  };
  g_autoptr(CaptionerCaptionStyle) prefix = captioner_caption_style_copy (
    captioner_caption_style_default ());

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CaptionerCaptionStyle *style = captioner_caption_style_lookup (cases[i].id);
      g_autofree char *with = captioner_caption_format_credit (style, " Reuters ", "Jane Doe");
      g_autofree char *without = captioner_caption_format_credit (style, "Reuters", "  ");

      g_assert_cmpstr (with, ==, cases[i].with_byline);
      g_assert_cmpstr (without, ==, cases[i].without);
    }
  g_free (prefix->credit_format);
  prefix->credit_format = g_strdup ("Photo: %s");
  prefix->credit_style = CAPTIONER_CREDIT_PREFIX;
  {
    const char *names[] = { "A", "B", NULL };
    g_autofree char *caption = captioner_caption_compose (prefix, names, "pose.", "Reuters");

    g_assert_cmpstr (caption, ==, "From left, A and B pose. Photo: Reuters");
  }
  /* The caption composed from a photo's fields takes its byline. */
  {
    g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
    g_autofree char *ap = NULL;
    g_autofree char *reuters = NULL;

    captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "Fans celebrate.");
    captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "AP");
    captioner_metadata_set (md, CAPTIONER_FIELD_BYLINE, "Jane Doe");
    captioner_metadata_set (md, CAPTIONER_FIELD_STYLE, "ap");
    ap = captioner_caption_compose_metadata (md, 1);
    captioner_metadata_set (md, CAPTIONER_FIELD_STYLE, "reuters");
    captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
    reuters = captioner_caption_compose_metadata (md, 1);
    g_assert_cmpstr (ap, ==, "Fans celebrate. (AP Photo/Jane Doe)");
    g_assert_cmpstr (reuters, ==, "Fans celebrate. REUTERS/Jane Doe");
  }
}

static void
assert_same_style (const CaptionerCaptionStyle *a,
                   const CaptionerCaptionStyle *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->language, ==, b->language);
  g_assert_cmpstr (a->from_left, ==, b->from_left);
  g_assert_cmpstr (a->separator, ==, b->separator);
  g_assert_cmpstr (a->conjunction, ==, b->conjunction);
  g_assert_cmpint (a->serial_comma, ==, b->serial_comma);
  for (guint i = 0; i < G_N_ELEMENTS (a->rows); i++)
    g_assert_cmpstr (a->rows[i], ==, b->rows[i]);
  g_assert_cmpstr (a->row_from_left, ==, b->row_from_left);
  for (guint i = 0; i < G_N_ELEMENTS (a->positions); i++)
    g_assert_cmpstr (a->positions[i], ==, b->positions[i]);
  g_assert_cmpint (a->credit_style, ==, b->credit_style);
  g_assert_cmpstr (a->credit_format, ==, b->credit_format);
  g_assert_true (g_strv_equal ((const char * const *) a->ordinals,
                               (const char * const *) b->ordinals));
  g_assert_cmpstr (a->nth_from_left, ==, b->nth_from_left);
  g_assert_cmpstr (a->nth_from_right, ==, b->nth_from_right);
  g_assert_cmpstr (a->nth_row, ==, b->nth_row);
}

static void
test_file_round_trip (void)
{
  g_autoptr(GFile) file = captioner_caption_style_dup_user_file ("desk-hy");
  g_autoptr(CaptionerCaptionStyle) style = captioner_caption_style_copy (
    captioner_caption_style_lookup ("hy"));
  g_autoptr(CaptionerCaptionStyle) read = NULL;
  g_autoptr(GError) error = NULL;

  style->serial_comma = TRUE;
  style->credit_style = CAPTIONER_CREDIT_AGENCY_BYLINE;
  g_free (style->separator);
  style->separator = g_strdup (" ; ");   /* spaces at both ends survive */
  g_assert_true (captioner_caption_style_save (style, file, &error));
  g_assert_no_error (error);
  read = captioner_caption_style_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->id, ==, "desk-hy");
  assert_same_style (read, style);
  g_assert_true (g_file_delete (file, NULL, NULL));
}

static void
write_text (GFile      *file,
            const char *text)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (parent, NULL, NULL);
  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                           NULL, &error);
  g_assert_no_error (error);
}

/* The user's reuters.captioner-style replaces the bundled one; a desk folder's wins over the
 * user's; deleting the user's brings the bundled one back. */
static void
test_user_overrides_bundled (void)
{
  g_autoptr(GFile) user = captioner_caption_style_dup_user_file ("reuters");
  g_autofree char *desk_path = g_build_filename (g_get_tmp_dir (), "desk", NULL);
  g_autoptr(GFile) desk = g_file_new_for_path (desk_path);
  g_autoptr(GFile) desk_style = g_file_resolve_relative_path (desk, "styles/ap.captioner-style");
  g_autoptr(CaptionerCaptionStyle) mine = captioner_caption_style_copy (
    captioner_caption_style_lookup ("reuters"));
  g_autoptr(CaptionerCaptionStyle) desks = captioner_caption_style_copy (
    captioner_caption_style_lookup ("ap"));
  g_autoptr(GError) error = NULL;
  const CaptionerCaptionStyle *before = captioner_caption_style_lookup ("reuters");
  const char *names[] = { "A", "B", NULL };

  g_free (mine->from_left);
  mine->from_left = g_strdup ("L-R:");
  g_assert_true (captioner_caption_style_save (mine, user, &error));
  g_free (desks->conjunction);
  desks->conjunction = g_strdup ("&");
  g_assert_true (captioner_caption_style_save (desks, desk_style, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CaptionerCaptionStyle) user_ap = captioner_caption_style_copy (desks);
    g_autoptr(GFile) user_ap_file = captioner_caption_style_dup_user_file ("ap");

    g_free (user_ap->conjunction);
    user_ap->conjunction = g_strdup ("plus");
    g_assert_true (captioner_caption_style_save (user_ap, user_ap_file, &error));
    captioner_caption_styles_load (&desk, 1);
    g_assert_true (g_file_delete (user_ap_file, NULL, NULL));
  }
  {
    g_autofree char *reuters = captioner_caption_compose (captioner_caption_style_lookup ("reuters"),
                                                          names, "pose.", "Reuters");
    g_autofree char *ap = captioner_caption_compose (captioner_caption_style_lookup ("ap"),
                                                     names, "pose.", NULL);

    g_assert_cmpstr (reuters, ==, "L-R: A and B pose. REUTERS");
    g_assert_cmpstr (ap, ==, "From left, A & B pose.");
    /* What an earlier lookup returned stays valid. */
    g_assert_cmpstr (before->from_left, ==, "From left,");
  }
  g_assert_true (g_file_delete (user, NULL, NULL));
  captioner_caption_styles_load (NULL, 0);
  g_assert_cmpstr (captioner_caption_style_lookup ("reuters")->from_left, ==, "From left,");
  g_assert_cmpstr (captioner_caption_style_lookup ("ap")->conjunction, ==, "and");
  g_file_delete (desk_style, NULL, NULL);
}

/* A broken file is warned about by name and skipped; the good one beside it loads. */
static void
test_broken_file (void)
{
  g_autoptr(GFile) broken = captioner_caption_style_dup_user_file ("broken");
  g_autoptr(GFile) bad_credit = captioner_caption_style_dup_user_file ("bad-credit");
  g_autoptr(GFile) good = captioner_caption_style_dup_user_file ("house");
  g_autoptr(GFile) not_keys = captioner_caption_style_dup_user_file ("garbage");
  g_autoptr(CaptionerCaptionStyle) house = captioner_caption_style_copy (
    captioner_caption_style_default ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_free (house->name);
  house->name = g_strdup ("House");
  g_assert_true (captioner_caption_style_save (house, good, &error));
  g_assert_no_error (error);
  write_text (broken, "[Style]\nName=Broken\nLanguage=en\n");
  write_text (not_keys, "this is not a key file\n");
  {
    g_autoptr(GKeyFile) keys = g_key_file_new ();
    g_autofree char *data = NULL;
    g_autofree char *path = g_file_get_path (good);

    g_assert_true (g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL));
    g_key_file_set_string (keys, "Style", "Credit", "sideways");
    data = g_key_file_to_data (keys, NULL, NULL);
    write_text (bad_credit, data);
  }

  g_test_expect_message ("captioner-caption-style", G_LOG_LEVEL_WARNING,
                         "*bad-credit.captioner-style: Credit must be*");
  g_test_expect_message ("captioner-caption-style", G_LOG_LEVEL_WARNING,
                         "*broken.captioner-style: the key “FromLeft” is missing*");
  g_test_expect_message ("captioner-caption-style", G_LOG_LEVEL_WARNING,
                         "*garbage.captioner-style: *");
  captioner_caption_styles_load (NULL, 0);
  g_test_assert_expected_messages ();

  g_assert_true (captioner_caption_style_exists ("house"));
  g_assert_cmpstr (captioner_caption_style_lookup ("house")->name, ==, "House");
  g_assert_false (captioner_caption_style_exists ("broken"));
  g_assert_false (captioner_caption_style_exists ("bad-credit"));
  list = captioner_caption_style_list ();
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected) + 1);

  g_file_delete (broken, NULL, NULL);
  g_file_delete (bad_credit, NULL, NULL);
  g_file_delete (good, NULL, NULL);
  g_file_delete (not_keys, NULL, NULL);
  captioner_caption_styles_load (NULL, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/caption-style/bundled", test_bundled);
  g_test_add_func ("/captioner/caption-style/list", test_list);
  g_test_add_func ("/captioner/caption-style/far-positions", test_far_positions);
  g_test_add_func ("/captioner/caption-style/credit-styles", test_credit_styles);
  g_test_add_func ("/captioner/caption-style/file-round-trip", test_file_round_trip);
  g_test_add_func ("/captioner/caption-style/user-overrides-bundled",
                   test_user_overrides_bundled);
  g_test_add_func ("/captioner/caption-style/broken-file", test_broken_file);
  return g_test_run ();
}
