#include "config.h"

#include <locale.h>

#include "captioner-caption.h"
#include "captioner-caption-check.h"
#include "captioner-metadata.h"
#include "captioner-person.h"

/* Each check fires on the caption that calls for it, names what it is about, and stays quiet
 * on a good caption. */

static CaptionerMetadata *
meeting (void)
{
  CaptionerMetadata *md = captioner_metadata_new ();
  CaptionerRect left = { 0.1, 0.3, 0.15, 0.2 };
  CaptionerRect right = { 0.6, 0.3, 0.15, 0.2 };
  g_autofree char *caption = NULL;

  g_ptr_array_add (md->people, captioner_person_new_displayed ("Sergei Lavrov", &left, 1));
  g_ptr_array_add (md->people, captioner_person_new_displayed ("Hakan Fidan", &right, 1));
  captioner_people_assign_ids (md->people);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "meet in Antalya.");
  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
  caption = captioner_caption_compose_metadata (md, 1);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, caption);
  return md;
}

/* The findings as "KIND message" lines, one string. */
static char *
check (const CaptionerMetadata *md,
       CaptionerShortNameFunc   short_name)
{
  g_autoptr(GPtrArray) findings = captioner_caption_check (md, 1, short_name, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const CaptionerFinding *f = g_ptr_array_index (findings, i);
      g_string_append_printf (text, "%d %s\n", f->kind, f->message);
    }
  return g_string_free (text, FALSE);
}

static void
test_good_caption (void)
{
  g_autoptr(CaptionerMetadata) md = meeting ();
  g_autofree char *found = check (md, NULL);

  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CAPTION], ==,
                   "From left, Sergei Lavrov and Hakan Fidan meet in Antalya. (Reuters photo)");
  g_assert_cmpstr (found, ==, "");
}

static char *
short_names (const char *name,
             gpointer    user_data)
{
  return g_strcmp0 (name, "Sergei Lavrov") == 0 ? g_strdup ("Lavrov") : NULL;
}

static void
test_name_missing (void)
{
  g_autoptr(CaptionerMetadata) md = meeting ();
  g_autofree char *found = NULL;
  g_autofree char *with_short = NULL;

  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, "Lavrov meets his guest. (Reuters photo)");
  found = check (md, NULL);
  g_assert_cmpstr (found, ==,
                   "0 Sergei Lavrov is tagged but not named in the caption\n"
                   "0 Hakan Fidan is tagged but not named in the caption\n");
  /* The short form from the people directory counts. */
  with_short = check (md, short_names);
  g_assert_cmpstr (with_short, ==, "0 Hakan Fidan is tagged but not named in the caption\n");
}

static void
test_name_order (void)
{
  g_autoptr(CaptionerMetadata) md = meeting ();
  g_autofree char *found = NULL;

  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION,
                          "From left, Hakan Fidan and Sergei Lavrov meet. (Reuters photo)");
  found = check (md, NULL);
  g_assert_cmpstr (found, ==,
                   "1 The caption names Hakan Fidan before Sergei Lavrov, against the order of "
                   "the boxes\n");
}

static void
test_unnamed_box (void)
{
  g_autoptr(CaptionerMetadata) md = meeting ();
  CaptionerRect middle = { 0.35, 0.3, 0.15, 0.2 };
  g_autofree char *caption = NULL;
  g_autofree char *found = NULL;

  g_ptr_array_add (md->people, captioner_person_new_displayed ("", &middle, 1));
  captioner_people_assign_ids (md->people);
  caption = captioner_caption_compose_metadata (md, 1);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, caption);
  found = check (md, NULL);
  g_assert_cmpstr (caption, ==,
                   "Sergei Lavrov, left, and Hakan Fidan, right, meet in Antalya. (Reuters photo)");
  g_assert_cmpstr (found, ==, "2 Box 2 from the left has no name\n");
}

static void
test_unexpanded_code (void)
{
  g_autoptr(CaptionerMetadata) md = meeting ();
  g_autofree char *found = NULL;

  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION,
                          "From left, Sergei Lavrov and Hakan Fidan meet =ant=. (Reuters photo)");
  captioner_metadata_set (md, CAPTIONER_FIELD_HEADLINE, "=lav#2= in Antalya, x=1");
  found = check (md, NULL);
  g_assert_cmpstr (found, ==,
                   "4 Caption: the code “=ant=” is not expanded\n"
                   "4 Headline: the code “=lav#2=” is not expanded\n");
}

static void
test_too_long (void)
{
  g_autoptr(CaptionerMetadata) md = meeting ();
  g_autoptr(GString) caption = g_string_new (md->fields[CAPTIONER_FIELD_CAPTION]);
  g_autofree char *headline = g_strnfill (257, 'h');
  g_autofree char *found = NULL;
  g_autofree char *at_limits = NULL;

  while (caption->len < CAPTIONER_CAPTION_MAX_BYTES + 1)
    g_string_append_c (caption, 'x');
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, caption->str);
  captioner_metadata_set (md, CAPTIONER_FIELD_HEADLINE, headline);
  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters News Agency Photographers");
  captioner_metadata_set (md, CAPTIONER_FIELD_BYLINE, "Jane Doe of the Yerevan Photo Pool");
  captioner_metadata_set (md, CAPTIONER_FIELD_CITY, "Llanfairpwllgwyngyllgogerychwyrnd");
  found = check (md, NULL);
  g_assert_cmpstr (found, ==,
                   "5 Caption is over the IPTC IIM limit: 2001 bytes of 2000\n"
                   "5 Headline is over the IPTC IIM limit: 257 bytes of 256\n"
                   "5 Credit is over the IPTC IIM limit: 33 bytes of 32\n"
                   "5 Byline is over the IPTC IIM limit: 34 bytes of 32\n"
                   "5 City is over the IPTC IIM limit: 33 bytes of 32\n");

  /* At the limits: quiet. */
  g_string_truncate (caption, CAPTIONER_CAPTION_MAX_BYTES);
  headline[256] = '\0';
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, caption->str);
  captioner_metadata_set (md, CAPTIONER_FIELD_HEADLINE, headline);
  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters News Agency Photographer");
  captioner_metadata_set (md, CAPTIONER_FIELD_BYLINE, NULL);
  captioner_metadata_set (md, CAPTIONER_FIELD_CITY, "Yerevan");
  at_limits = check (md, NULL);
  g_assert_cmpstr (at_limits, ==, "");
}

static void
test_not_a_caption (void)
{
  static const struct { const char *caption; const char *credit; const char *finding; } cases[] = {
    { "(Reuters photo)", "Reuters",
      "6 The caption “(Reuters photo)” is only a credit: the photo is not captioned\n" },
    { "Photo: Reuters", "Reuters",
      "6 The caption “Photo: Reuters” is only a credit: the photo is not captioned\n" },
    { " (AP photo) ", "Reuters",
      "6 The caption “(AP photo)” is only a credit: the photo is not captioned\n" },
    { "OLYMPUS DIGITAL CAMERA", "Reuters",
      "6 The caption “OLYMPUS DIGITAL CAMERA” is what the camera writes, not a caption\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
      g_autofree char *found = NULL;

      captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, cases[i].caption);
      captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, cases[i].credit);
      found = check (md, NULL);
      g_assert_cmpstr (found, ==, cases[i].finding);
    }
}

static void
test_no_credit (void)
{
  g_autoptr(CaptionerMetadata) md = meeting ();
  g_autofree char *found = NULL;

  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, NULL);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION,
                          "From left, Sergei Lavrov and Hakan Fidan meet in Antalya.");
  found = check (md, NULL);
  g_assert_cmpstr (found, ==, "7 No credit\n");
}

static char **
known_names (gpointer user_data)
{
  static const char * const names[] = { "Sergei Lavrov", "Hakan Fidan", "Ararat Mirzoyan",
                                        "Ali", "Jeyhun Bayramov", NULL };

  return g_strdupv ((char **) names);
}

static char *
check_with (const CaptionerMetadata *md,
            guint                    skip)
{
  CaptionerCheckOptions options = { NULL, known_names, NULL, skip };
  g_autoptr(GPtrArray) findings = captioner_caption_check_full (md, 1, &options);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const CaptionerFinding *f = g_ptr_array_index (findings, i);
      g_string_append_printf (text, "%s %s\n", captioner_check_kind_to_id (f->kind), f->message);
    }
  return g_string_free (text, FALSE);
}

/* A name the directory knows, in the caption, of nobody tagged: whole words, case as written;
 * the tagged people's names (and names inside them) are not told. */
static void
test_not_tagged (void)
{
  g_autoptr(CaptionerMetadata) md = meeting ();
  g_autofree char *quiet = check_with (md, 0);
  g_autofree char *fires = NULL;
  g_autofree char *words = NULL;

  g_assert_cmpstr (quiet, ==, "");
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION,
                          "From left, Sergei Lavrov and Hakan Fidan meet Ararat Mirzoyan and "
                          "Ararat Mirzoyan's aide in Antalya. (Reuters photo)");
  fires = check_with (md, 0);
  g_assert_cmpstr (fires, ==,
                   "not-tagged Ararat Mirzoyan is named in the caption but not tagged\n");
  /* "Ali" is no word of "Alive", nor is "jeyhun bayramov" the name as written. */
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION,
                          "From left, Sergei Lavrov and Hakan Fidan, Alive, meet jeyhun bayramov. "
                          "(Reuters photo)");
  words = check_with (md, 0);
  g_assert_cmpstr (words, ==, "");
}

static void
test_ids_and_skip (void)
{
  static const char * const ids[] = { "name-missing", "name-order", "unnamed-box", "not-tagged",
                                      "unexpanded-code", "too-long", "not-a-caption",
                                      "no-credit", "spelling" };
  const char *off[] = { "no-credit", "not-tagged", "nonsense", NULL };
  g_autoptr(CaptionerMetadata) md = meeting ();
  g_autofree char *all = NULL;
  g_autofree char *some = NULL;
  guint mask;

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == CAPTIONER_CHECK_N_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CaptionerCheckKind kind;

      g_assert_cmpstr (captioner_check_kind_to_id (i), ==, ids[i]);
      g_assert_true (captioner_check_kind_from_id (ids[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (captioner_check_kind_from_id ("nonsense", NULL));
  mask = captioner_check_mask_from_ids (off);
  g_assert_cmpuint (mask, ==, CAPTIONER_CHECK_MASK (CAPTIONER_CHECK_NO_CREDIT) |
                              CAPTIONER_CHECK_MASK (CAPTIONER_CHECK_NOT_TAGGED));

  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, NULL);
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION,
                          "From left, Sergei Lavrov and Hakan Fidan meet Ali.");
  all = check_with (md, 0);
  some = check_with (md, mask);
  g_assert_cmpstr (all, ==, "not-tagged Ali is named in the caption but not tagged\n"
                            "no-credit No credit\n");
  g_assert_cmpstr (some, ==, "");
}

/* A photo whose caption is only a credit, in any credit style, or camera boilerplate is not
 * captioned: the grid (captioner-desk-item.c) and exports ask captioner_metadata_is_captioned. */
static void
test_credit_only_not_captioned (void)
{
  static const struct { const char *caption; gboolean captioned; } cases[] = {
    { "(Reuters photo)", FALSE },
    { "REUTERS/Jane Doe", FALSE },
    { "(Reuters Photo/Jane Doe)", FALSE },
    { "Photo: Reuters", FALSE },
    { "OLYMPUS DIGITAL CAMERA", FALSE },
    { "", FALSE },
    { "Fans celebrate in Yerevan. REUTERS/Jane Doe", TRUE },
    { "Jane Doe", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();

      captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
      if (i != 7)
        captioner_metadata_set (md, CAPTIONER_FIELD_BYLINE, "Jane Doe");
      captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, cases[i].caption);
      g_test_message ("%s", cases[i].caption);
      g_assert_cmpint (captioner_metadata_is_captioned (md), ==, cases[i].captioned);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/caption-check/good", test_good_caption);
  g_test_add_func ("/captioner/caption-check/name-missing", test_name_missing);
  g_test_add_func ("/captioner/caption-check/name-order", test_name_order);
  g_test_add_func ("/captioner/caption-check/unnamed-box", test_unnamed_box);
  g_test_add_func ("/captioner/caption-check/unexpanded-code", test_unexpanded_code);
  g_test_add_func ("/captioner/caption-check/too-long", test_too_long);
  g_test_add_func ("/captioner/caption-check/not-a-caption", test_not_a_caption);
  g_test_add_func ("/captioner/caption-check/no-credit", test_no_credit);
  g_test_add_func ("/captioner/caption-check/not-tagged", test_not_tagged);
  g_test_add_func ("/captioner/caption-check/ids-and-skip", test_ids_and_skip);
  g_test_add_func ("/captioner/caption-check/credit-only-not-captioned",
                   test_credit_only_not_captioned);
  return g_test_run ();
}
