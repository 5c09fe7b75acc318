#include "config.h"

#include <locale.h>

#include "captioner-caption.h"
#include "captioner-metadata.h"
#include "captioner-person.h"

static const char *summit_body =
  "pose for a photo during the second 3+3 Regional platform summit in Tehran.";

static char *
compose (const char * const *names,
         const char         *body,
         const char         *credit)
{
  return captioner_caption_compose (NULL, names, body, credit);
}

static void
test_no_people (void)
{
  g_autofree char *caption = compose (NULL, "Fans celebrate in Yerevan.", "AP");
  g_autofree char *empty = compose (NULL, NULL, NULL);
  g_autofree char *credit_only = compose (NULL, "  ", "Reuters");

  g_assert_cmpstr (caption, ==, "Fans celebrate in Yerevan. (AP photo)");
  g_assert_cmpstr (empty, ==, "");
  /* Issue 12: a credit alone composes no caption. */
  g_assert_cmpstr (credit_only, ==, "");
}

static void
test_one_person (void)
{
  const char *names[] = { "Russian Foreign Minister Sergei Lavrov", NULL };
  g_autofree char *caption = compose (names, "speaks to reporters.", NULL);

  g_assert_cmpstr (caption, ==, "Russian Foreign Minister Sergei Lavrov speaks to reporters.");
}

static void
test_two_people (void)
{
  const char *names[] = { "Ararat Mirzoyan", "Jeyhun Bayramov", NULL };
  g_autofree char *caption = compose (names, "shake hands.", "AFP");

  g_assert_cmpstr (caption, ==, "From left, Ararat Mirzoyan and Jeyhun Bayramov shake hands. (AFP photo)");
}

static void
test_serial_comma_style (void)
{
  const char *names[] = { "A", "B", "C", NULL };
  g_autofree char *plain = captioner_caption_compose (captioner_caption_style_lookup ("default"),
                                                      names, NULL, NULL);
  g_autofree char *serial = captioner_caption_compose (captioner_caption_style_lookup ("serial-comma"),
                                                       names, NULL, NULL);

  g_assert_cmpstr (plain, ==, "From left, A, B and C");
  g_assert_cmpstr (serial, ==, "From left, A, B, and C");
}

static void
test_whitespace_folded (void)
{
  const char *names[] = { "  Hakan Fidan ", "", NULL };
  g_autofree char *caption = compose (names, "waves\n  to the\tpress. ", " Reuters ");

  g_assert_cmpstr (caption, ==, "Hakan Fidan waves to the press. (Reuters photo)");
}

/* The five ministers of the brief, boxes drawn in scrambled order. */
static GPtrArray *
summit_people (int orientation)
{
  static const struct { const char *name; double x; } row[] = {
    { "Russian Foreign Minister Sergei Lavrov", 0.62 },
    { "Armenian Foreign Minister Ararat Mirzoyan", 0.02 },
    { "Turkish Foreign Minister Hakan Fidan", 0.81 },
    { "Iranian Foreign Minister Hossein Amir-Abdollahian", 0.43 },
    { "Azerbaijani Foreign Minister Jeyhun Bayramov", 0.22 },
  };
  GPtrArray *people = captioner_people_new ();

  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    {
      CaptionerRect displayed = { row[i].x, 0.2 + 0.03 * i, 0.15, 0.5 };
      g_ptr_array_add (people, captioner_person_new_displayed (row[i].name, &displayed, orientation));
    }
  return people;
}

static const char *summit_caption =
  "From left, Armenian Foreign Minister Ararat Mirzoyan, Azerbaijani Foreign Minister Jeyhun "
  "Bayramov, Iranian Foreign Minister Hossein Amir-Abdollahian, Russian Foreign Minister Sergei "
  "Lavrov and Turkish Foreign Minister Hakan Fidan pose for a photo during the second 3+3 Regional "
  "platform summit in Tehran. (Reuters photo)";

static void
test_five_people_any_orientation (void)
{
  const int orientations[] = { 1, 2, 3, 4, 5, 6, 7, 8 };

  for (guint i = 0; i < G_N_ELEMENTS (orientations); i++)
    {
      g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
      g_autofree char *caption = NULL;

      g_ptr_array_unref (md->people);
      md->people = summit_people (orientations[i]);
      captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, summit_body);
      captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
      caption = captioner_caption_compose_metadata (md, orientations[i]);
      g_assert_cmpstr (caption, ==, summit_caption);
    }
}

static void
test_order_ties_and_unboxed (void)
{
  g_autoptr(GPtrArray) people = captioner_people_new ();
  g_autoptr(GPtrArray) sorted = NULL;
  CaptionerRect lower = { 0.4, 0.6, 0.2, 0.2 };
  CaptionerRect upper = { 0.4, 0.1, 0.2, 0.2 };
  CaptionerRect left = { 0.0, 0.5, 0.1, 0.1 };

  g_ptr_array_add (people, captioner_person_new ("No box first", NULL));
  g_ptr_array_add (people, captioner_person_new ("Lower", &lower));
  g_ptr_array_add (people, captioner_person_new ("No box second", NULL));
  g_ptr_array_add (people, captioner_person_new ("Upper", &upper));
  g_ptr_array_add (people, captioner_person_new ("Left", &left));

  sorted = captioner_people_sort_displayed (people, 1);
  g_assert_cmpstr (((CaptionerPerson *) sorted->pdata[0])->name, ==, "Left");
  g_assert_cmpstr (((CaptionerPerson *) sorted->pdata[1])->name, ==, "Upper");
  g_assert_cmpstr (((CaptionerPerson *) sorted->pdata[2])->name, ==, "Lower");
  g_assert_cmpstr (((CaptionerPerson *) sorted->pdata[3])->name, ==, "No box first");
  g_assert_cmpstr (((CaptionerPerson *) sorted->pdata[4])->name, ==, "No box second");
}

static void
test_armenian_and_diacritics (void)
{
  const char *names[] = { "Արարատ Միրզոյան", "Zoë Ørsted", "Jeyhun Bayramov", NULL };
  g_autofree char *caption = compose (names, "Երևանում, 2023թ.", "Photolure");

  g_assert_cmpstr (caption, ==,
                   "From left, Արարատ Միրզոյան, Zoë Ørsted and Jeyhun Bayramov Երևանում, 2023թ. "
                   "(Photolure photo)");
}

static void
test_person_spec (void)
{
  g_autofree char *name = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GError) error = NULL;
  CaptionerRect r;
  gboolean has_region;

  g_assert_true (captioner_person_parse_spec ("Hakan Fidan@0.8,0.2,0.1,0.3", &name, &r,
                                              &has_region, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Hakan Fidan");
  g_assert_true (has_region);
  g_assert_cmpfloat_with_epsilon (r.x, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.h, 0.3, 1e-9);

  g_assert_true (captioner_person_parse_spec ("Sergei Lavrov", &plain, &r, &has_region, &error));
  g_assert_false (has_region);
  g_assert_cmpstr (plain, ==, "Sergei Lavrov");

  g_assert_false (captioner_person_parse_spec ("X@0.9,0.1,0.5,0.1", &name, &r, &has_region, &error));
  g_assert_error (error, g_quark_from_static_string ("captioner-error-quark"), 0);
  g_clear_error (&error);
  g_assert_false (captioner_person_parse_spec ("X@a,b,c,d", &name, &r, &has_region, &error));
  g_clear_error (&error);
  g_assert_false (captioner_person_parse_spec ("@0.1,0.1,0.1,0.1", &name, &r, &has_region, &error));
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/caption/no-people", test_no_people);
  g_test_add_func ("/captioner/caption/one-person", test_one_person);
  g_test_add_func ("/captioner/caption/two-people", test_two_people);
  g_test_add_func ("/captioner/caption/serial-comma", test_serial_comma_style);
  g_test_add_func ("/captioner/caption/whitespace", test_whitespace_folded);
  g_test_add_func ("/captioner/caption/five-people-orientations", test_five_people_any_orientation);
  g_test_add_func ("/captioner/caption/order-ties-unboxed", test_order_ties_and_unboxed);
  g_test_add_func ("/captioner/caption/armenian", test_armenian_and_diacritics);
  g_test_add_func ("/captioner/caption/person-spec", test_person_spec);
  return g_test_run ();
}
