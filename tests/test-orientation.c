#include "config.h"

#include "captioner-orientation.h"

/* A box in the top-left quarter of the stored image, and where each orientation shows it. */
static void
test_stored_to_displayed (void)
{
  const CaptionerRect stored = { 0.1, 0.2, 0.3, 0.1 };
  const struct { int o; CaptionerRect d; } cases[] = {
    { 1, { 0.1, 0.2, 0.3, 0.1 } },
    { 2, { 0.6, 0.2, 0.3, 0.1 } },
    { 3, { 0.6, 0.7, 0.3, 0.1 } },
    { 4, { 0.1, 0.7, 0.3, 0.1 } },
    { 5, { 0.2, 0.1, 0.1, 0.3 } },
    { 6, { 0.7, 0.1, 0.1, 0.3 } },
    { 7, { 0.7, 0.6, 0.1, 0.3 } },
    { 8, { 0.2, 0.6, 0.1, 0.3 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CaptionerRect d, back;

      captioner_orientation_to_displayed (cases[i].o, &stored, &d);
      g_assert_cmpfloat_with_epsilon (d.x, cases[i].d.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (d.y, cases[i].d.y, 1e-9);
      g_assert_cmpfloat_with_epsilon (d.w, cases[i].d.w, 1e-9);
      g_assert_cmpfloat_with_epsilon (d.h, cases[i].d.h, 1e-9);

      captioner_orientation_to_stored (cases[i].o, &d, &back);
      g_assert_cmpfloat_with_epsilon (back.x, stored.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (back.y, stored.y, 1e-9);
      g_assert_cmpfloat_with_epsilon (back.w, stored.w, 1e-9);
      g_assert_cmpfloat_with_epsilon (back.h, stored.h, 1e-9);
    }
}

static void
test_displayed_size (void)
{
  int w, h;

  captioner_orientation_displayed_size (1, 6000, 4000, &w, &h);
  g_assert_cmpint (w, ==, 6000);
  g_assert_cmpint (h, ==, 4000);
  captioner_orientation_displayed_size (6, 6000, 4000, &w, &h);
  g_assert_cmpint (w, ==, 4000);
  g_assert_cmpint (h, ==, 6000);
  captioner_orientation_displayed_size (8, 6000, 4000, &w, &h);
  g_assert_cmpint (w, ==, 4000);
  g_assert_false (captioner_orientation_is_valid (0));
  g_assert_false (captioner_orientation_is_valid (9));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/captioner/orientation/stored-to-displayed", test_stored_to_displayed);
  g_test_add_func ("/captioner/orientation/displayed-size", test_displayed_size);
  return g_test_run ();
}
