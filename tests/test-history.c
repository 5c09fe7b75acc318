#include "config.h"

#include "captioner-history.h"
#include "captioner-person.h"

static CaptionerMetadata *
metadata_with_body (const char *body)
{
  CaptionerMetadata *m = captioner_metadata_new ();

  captioner_metadata_set (m, CAPTIONER_FIELD_CAPTION_BODY, body);
  return m;
}

static void
assert_body (const CaptionerMetadata *m,
             const char              *body)
{
  g_assert_nonnull (m);
  g_assert_cmpstr (captioner_metadata_get (m, CAPTIONER_FIELD_CAPTION_BODY), ==, body);
}

static void
test_undo_redo (void)
{
  g_autoptr(CaptionerHistory) history = captioner_history_new (0);
  g_autoptr(CaptionerMetadata) empty = captioner_metadata_new ();
  g_autoptr(CaptionerMetadata) a = metadata_with_body ("pose");
  g_autoptr(CaptionerMetadata) b = captioner_metadata_copy (a);
  g_autoptr(CaptionerMetadata) c = metadata_with_body ("speak");

  captioner_history_reset (history, empty);
  g_assert_false (captioner_history_can_undo (history));
  g_assert_null (captioner_history_undo (history));

  g_assert_true (captioner_history_push (history, a, NULL));
  g_ptr_array_add (b->people, captioner_person_new ("Ararat Mirzoyan",
                                                    &(CaptionerRect) { 0.1, 0.1, 0.2, 0.3 }));
  g_assert_true (captioner_history_push (history, b, NULL));
  /* The same state again records nothing. */
  g_assert_false (captioner_history_push (history, b, NULL));

  g_assert_true (captioner_history_can_undo (history));
  g_assert_false (captioner_history_can_redo (history));

  g_assert_true (captioner_metadata_equal (captioner_history_undo (history), a));
  g_assert_cmpuint (captioner_history_get_current (history)->people->len, ==, 0);
  assert_body (captioner_history_undo (history), NULL);
  g_assert_false (captioner_history_can_undo (history));

  g_assert_true (captioner_metadata_equal (captioner_history_redo (history), a));
  g_assert_true (captioner_metadata_equal (captioner_history_redo (history), b));
  g_assert_null (captioner_history_redo (history));

  /* A new edit after undo drops the redo branch. */
  captioner_history_undo (history);
  g_assert_true (captioner_history_push (history, c, NULL));
  g_assert_false (captioner_history_can_redo (history));
  assert_body (captioner_history_undo (history), "pose");
}

static void
test_groups (void)
{
  g_autoptr(CaptionerHistory) history = captioner_history_new (0);
  g_autoptr(CaptionerMetadata) empty = captioner_metadata_new ();
  const char *typed[] = { "p", "po", "pos", "pose" };

  captioner_history_reset (history, empty);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(CaptionerMetadata) m = metadata_with_body (typed[i]);
      captioner_history_push (history, m, "caption_body");
    }
  /* Typing a word is one step. */
  assert_body (captioner_history_get_current (history), "pose");
  assert_body (captioner_history_undo (history), NULL);
  g_assert_false (captioner_history_can_undo (history));
  assert_body (captioner_history_redo (history), "pose");

  /* Leaving the field starts a new step. */
  captioner_history_break_group (history);
  {
    g_autoptr(CaptionerMetadata) m = metadata_with_body ("pose for");
    captioner_history_push (history, m, "caption_body");
  }
  assert_body (captioner_history_undo (history), "pose");
}

static void
test_limit_and_reset (void)
{
  g_autoptr(CaptionerHistory) history = captioner_history_new (3);
  g_autoptr(CaptionerMetadata) empty = captioner_metadata_new ();
  guint undos = 0;

  captioner_history_reset (history, empty);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *body = g_strdup_printf ("edit %u", i);
      g_autoptr(CaptionerMetadata) m = metadata_with_body (body);
      captioner_history_push (history, m, NULL);
    }
  while (captioner_history_undo (history) != NULL)
    undos++;
  g_assert_cmpuint (undos, ==, 2);
  assert_body (captioner_history_get_current (history), "edit 7");

  captioner_history_reset (history, empty);
  g_assert_false (captioner_history_can_undo (history));
  g_assert_false (captioner_history_can_redo (history));
  assert_body (captioner_history_get_current (history), NULL);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_notify (void)
{
  g_autoptr(CaptionerHistory) history = captioner_history_new (0);
  g_autoptr(CaptionerMetadata) a = metadata_with_body ("a");
  guint can_undo_changes = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (on_notify_cb), &can_undo_changes);
  captioner_history_push (history, a, NULL);
  g_assert_cmpuint (can_undo_changes, ==, 1);
  captioner_history_undo (history);
  g_assert_cmpuint (can_undo_changes, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/captioner/history/undo-redo", test_undo_redo);
  g_test_add_func ("/captioner/history/groups", test_groups);
  g_test_add_func ("/captioner/history/limit-and-reset", test_limit_and_reset);
  g_test_add_func ("/captioner/history/notify", test_notify);
  return g_test_run ();
}
