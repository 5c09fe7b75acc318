#include "config.h"

#include <locale.h>

#include "captioner-batch-history.h"
#include "test-util.h"

/* One edit given to several photos at once: one undo step over all of them, each photo's
 * history going on alone after it, saved through the desk's queue, cancelled midway. */

typedef struct
{
  char          *dir;
  CaptionerDesk *desk;
  GPtrArray     *items;   /* CaptionerDeskItem, every photo of the desk */
} Fixture;

#define WAIT_UNTIL(condition)                                                   \
  G_STMT_START {                                                                \
    gint64 end_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;                \
    while (!(condition))                                                        \
      {                                                                         \
        g_assert_cmpint (g_get_monotonic_time (), <, end_);                     \
        g_main_context_iteration (NULL, TRUE);                                  \
      }                                                                         \
  } G_STMT_END

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
open_photos (Fixture *f,
             guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) folder = NULL;

  f->dir = g_dir_make_tmp ("captioner-batch-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo %03u.jpg", i);

      g_free (test_write_jpeg (f->dir, name, 64, 48, 0x336699ff));
    }
  folder = g_file_new_for_path (f->dir);
  f->desk = captioner_desk_new (NULL);
  captioner_desk_open_async (f->desk, &folder, 1, NULL, on_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_true (captioner_desk_open_finish (f->desk, result, NULL, NULL, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));
  f->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (f->items, g_object_ref (captioner_desk_get_item (f->desk, i)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->desk != NULL)
    captioner_desk_wait (f->desk);
  g_clear_pointer (&f->items, g_ptr_array_unref);
  g_clear_object (&f->desk);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static CaptionerDraft *
draft_at (Fixture *f,
          guint    i)
{
  return captioner_desk_item_get_draft (g_ptr_array_index (f->items, i));
}

static GPtrArray *
drafts_of (Fixture *f)
{
  GPtrArray *drafts = g_ptr_array_new ();

  for (guint i = 0; i < f->items->len; i++)
    g_ptr_array_add (drafts, draft_at (f, i));
  return drafts;
}

/* The photo's credit in its sidecar as exiftool reads it ("" when there is none). */
static char *
sidecar_credit (Fixture *f,
                guint    i)
{
  GFile *photo = captioner_desk_item_get_file (g_ptr_array_index (f->items, i));
  g_autofree char *path = g_file_get_path (photo);
  g_autofree char *sidecar = g_strconcat (path, ".xmp", NULL);
  const char *argv[] = { "exiftool", "-s3", "-XMP-photoshop:Credit", sidecar, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_strchomp (out);
}

static char *
photo_checksum (Fixture *f,
                guint    i)
{
  GFile *photo = captioner_desk_item_get_file (g_ptr_array_index (f->items, i));
  g_autoptr(GBytes) bytes = g_file_load_bytes (photo, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static const char *
credit_at (Fixture *f,
           guint    i)
{
  return captioner_draft_get_field (draft_at (f, i), CAPTIONER_FIELD_CREDIT);
}

static void
assert_sidecar_credits (Fixture            *f,
                        const char * const *credits)
{
  captioner_desk_wait (f->desk);
  for (guint i = 0; credits[i] != NULL; i++)
    {
      g_autofree char *credit = sidecar_credit (f, i);

      g_assert_cmpstr (credit, ==, credits[i]);
    }
}

static void
test_mixed_undo_redo (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const before[] = { "Alpha", "Beta", "Gamma", NULL };
  static const char * const pool[] = { "Pool", "Pool", "Pool", NULL };
  g_autoptr(CaptionerBatch) batch = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_auto(GStrv) sums = g_new0 (char *, 4);   /* a NULL-terminated array: every item freed */
  const char *common = "not set";

  open_photos (f, 3);
  for (guint i = 0; i < 3; i++)
    {
      sums[i] = photo_checksum (f, i);
      captioner_draft_set_field (draft_at (f, i), CAPTIONER_FIELD_CAPTION_BODY, "Waves.");
      captioner_draft_set_field (draft_at (f, i), CAPTIONER_FIELD_CREDIT, before[i]);
      captioner_desk_save (f->desk, g_ptr_array_index (f->items, i), CAPTIONER_SAVE_NONE);
    }
  assert_sidecar_credits (f, before);
  drafts = drafts_of (f);
  g_assert_false (captioner_drafts_get_common_field (drafts, CAPTIONER_FIELD_CREDIT, &common));
  g_assert_null (common);
  g_assert_true (captioner_drafts_get_common_field (drafts, CAPTIONER_FIELD_CITY, &common));
  g_assert_null (common);

  batch = captioner_batch_new_set_field (f->desk, f->items, CAPTIONER_FIELD_CREDIT, "Pool");
  captioner_batch_run (batch, CAPTIONER_BATCH_SAVE);
  g_assert_cmpuint (captioner_batch_get_n_done (batch), ==, 3);
  g_assert_cmpuint (captioner_batch_get_n_changed (batch), ==, 3);
  g_assert_true (captioner_drafts_get_common_field (drafts, CAPTIONER_FIELD_CREDIT, &common));
  g_assert_cmpstr (common, ==, "Pool");
  /* The caption follows its credit on every photo. */
  g_assert_nonnull (strstr (captioner_draft_get_caption (draft_at (f, 1)), "Pool"));
  assert_sidecar_credits (f, pool);

  /* One undo takes it back on all three, on disk too. */
  g_assert_true (captioner_batch_get_can_undo (batch));
  g_assert_cmpuint (captioner_batch_undo (batch), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (credit_at (f, i), ==, before[i]);
  assert_sidecar_credits (f, before);
  g_assert_false (captioner_batch_get_can_undo (batch));

  g_assert_cmpuint (captioner_batch_redo (batch), ==, 3);
  assert_sidecar_credits (f, pool);

  /* Each photo's own history goes on: its undo after the batch is the batch's step. */
  captioner_draft_undo (draft_at (f, 2));
  g_assert_cmpstr (credit_at (f, 2), ==, "Gamma");
  captioner_draft_undo (draft_at (f, 2));
  g_assert_null (credit_at (f, 2));
  captioner_draft_redo (draft_at (f, 2));
  captioner_draft_redo (draft_at (f, 2));
  g_assert_cmpstr (credit_at (f, 2), ==, "Pool");
  captioner_desk_save (f->desk, g_ptr_array_index (f->items, 2), CAPTIONER_SAVE_NONE);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sum = photo_checksum (f, i);

      g_assert_cmpstr (sum, ==, sums[i]);
    }
}

static void
test_later_edits (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CaptionerBatch) batch = NULL;

  open_photos (f, 3);
  batch = captioner_batch_new_set_field (f->desk, f->items, CAPTIONER_FIELD_CITY, "Tehran");
  captioner_batch_run (batch, CAPTIONER_BATCH_NONE);
  g_assert_true (captioner_batch_is_latest_on (batch, draft_at (f, 0)));
  /* Photo 0 edited on its own since: the batch's undo leaves it, later edit and all. */
  captioner_draft_set_field (draft_at (f, 0), CAPTIONER_FIELD_EVENT, "Talks");
  g_assert_false (captioner_batch_is_latest_on (batch, draft_at (f, 0)));
  g_assert_cmpuint (captioner_batch_undo (batch), ==, 2);
  g_assert_cmpstr (captioner_draft_get_field (draft_at (f, 0), CAPTIONER_FIELD_CITY), ==,
                   "Tehran");
  g_assert_cmpstr (captioner_draft_get_field (draft_at (f, 0), CAPTIONER_FIELD_EVENT), ==,
                   "Talks");
  g_assert_null (captioner_draft_get_field (draft_at (f, 1), CAPTIONER_FIELD_CITY));
  g_assert_true (captioner_batch_is_undone_on (batch, draft_at (f, 1)));
  /* Its own undo goes on from where it is. */
  captioner_draft_undo (draft_at (f, 0));
  g_assert_null (captioner_draft_get_field (draft_at (f, 0), CAPTIONER_FIELD_EVENT));

  /* A photo already holding the value is not touched: its undo stays its own. */
  g_clear_object (&batch);
  batch = captioner_batch_new_set_field (f->desk, f->items, CAPTIONER_FIELD_CITY, "Tehran");
  captioner_batch_run (batch, CAPTIONER_BATCH_NONE);
  g_assert_cmpuint (captioner_batch_get_n_changed (batch), ==, 2);
  g_assert_false (captioner_batch_is_latest_on (batch, draft_at (f, 0)));
}

static void
on_n_done_cb (CaptionerBatch *batch,
              GParamSpec     *pspec,
              GCancellable   *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CaptionerBatch) batch = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const keywords[] = { "summit", NULL };
  guint done;

  open_photos (f, 150);
  batch = captioner_batch_new_add_keywords (f->desk, f->items, keywords);
  g_signal_connect (batch, "notify::n-done", G_CALLBACK (on_n_done_cb), cancellable);
  captioner_batch_run_async (batch, CAPTIONER_BATCH_SAVE, cancellable, on_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_false (captioner_batch_run_finish (batch, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Stopped after its first chunk: those photos have it, the others not. */
  done = captioner_batch_get_n_done (batch);
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (done, <, 150);
  g_assert_cmpuint (captioner_batch_get_n_changed (batch), ==, done);
  for (guint i = 0; i < 150; i++)
    {
      CaptionerDraft *draft = captioner_desk_item_peek_draft (g_ptr_array_index (f->items, i));

      if (i < done)
        g_assert_cmpstr (captioner_draft_get_metadata (draft)->keywords[0], ==, "summit");
      else
        g_assert_true (draft == NULL || captioner_draft_get_metadata (draft)->keywords[0] == NULL);
    }

  /* What was done undoes as one step. */
  g_assert_cmpuint (captioner_batch_undo (batch), ==, done);
  for (guint i = 0; i < done; i++)
    g_assert_null (captioner_draft_get_metadata (draft_at (f, i))->keywords[0]);
  captioner_desk_wait (f->desk);
  g_assert_false (captioner_desk_has_unsaved (f->desk));
}

static void
test_template (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CaptionerTemplate) template = captioner_template_new ("Summit");
  g_autoptr(CaptionerBatch) batch = NULL;
  static const char * const first[] = { "talks", NULL };
  static const char * const second[] = { "vote", NULL };
  const CaptionerMetadata *md;

  open_photos (f, 2);
  captioner_draft_set_field (draft_at (f, 0), CAPTIONER_FIELD_CREDIT, "Alpha");
  captioner_draft_set_field (draft_at (f, 0), CAPTIONER_FIELD_EVENT, "Summit");
  captioner_draft_set_keywords (draft_at (f, 0), first);
  captioner_draft_set_field (draft_at (f, 1), CAPTIONER_FIELD_CREDIT, "Beta");
  captioner_draft_set_keywords (draft_at (f, 1), second);

  /* Credit replaced, event and keywords appended, city from a variable. */
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_CREDIT, "Reuters");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_EVENT, "day 2");
  captioner_template_set_mode (template, CAPTIONER_TEMPLATE_FIELD_EVENT,
                               CAPTIONER_TEMPLATE_MODE_APPEND);
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_KEYWORDS, "summit");
  captioner_template_set_mode (template, CAPTIONER_TEMPLATE_FIELD_KEYWORDS,
                               CAPTIONER_TEMPLATE_MODE_APPEND);
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_INSTRUCTIONS,
                                "{filenamebase}");
  batch = captioner_batch_new_template (f->desk, f->items, template,
                                        CAPTIONER_TEMPLATE_APPLY_DEFAULT);
  captioner_batch_run (batch, CAPTIONER_BATCH_NONE);
  g_assert_cmpuint (captioner_batch_get_n_changed (batch), ==, 2);

  md = captioner_draft_get_metadata (draft_at (f, 0));
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CREDIT], ==, "Reuters");
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_EVENT], ==, "Summit day 2");
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_INSTRUCTIONS], ==, "photo 000");
  g_assert_cmpstr (md->keywords[0], ==, "talks");
  g_assert_cmpstr (md->keywords[1], ==, "summit");
  md = captioner_draft_get_metadata (draft_at (f, 1));
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CREDIT], ==, "Reuters");
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_EVENT], ==, "day 2");
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_INSTRUCTIONS], ==, "photo 001");
  g_assert_cmpstr (md->keywords[0], ==, "vote");
  g_assert_cmpstr (md->keywords[1], ==, "summit");

  /* One undo: both as they were, whatever the template did to each. */
  captioner_batch_undo (batch);
  md = captioner_draft_get_metadata (draft_at (f, 0));
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CREDIT], ==, "Alpha");
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_EVENT], ==, "Summit");
  g_assert_null (md->fields[CAPTIONER_FIELD_INSTRUCTIONS]);
  g_assert_null (md->keywords[1]);
  md = captioner_draft_get_metadata (draft_at (f, 1));
  g_assert_cmpstr (md->fields[CAPTIONER_FIELD_CREDIT], ==, "Beta");
  g_assert_null (md->fields[CAPTIONER_FIELD_EVENT]);
  g_assert_cmpstr (md->keywords[0], ==, "vote");
  g_assert_null (md->keywords[1]);
}

static void
test_paste_and_keywords (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CaptionerBatch) batch = NULL;
  g_autoptr(CaptionerMetadata) from = captioner_metadata_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  static const char * const some[] = { "a", NULL };
  const char * const *common = NULL;

  open_photos (f, 3);
  drafts = drafts_of (f);
  g_assert_true (captioner_drafts_get_common_keywords (drafts, &common));
  g_assert_null (common[0]);
  captioner_draft_set_keywords (draft_at (f, 1), some);
  g_assert_false (captioner_drafts_get_common_keywords (drafts, &common));

  captioner_metadata_set (from, CAPTIONER_FIELD_BYLINE, "Jane Doe");
  captioner_metadata_set (from, CAPTIONER_FIELD_COUNTRY, "Iran");
  batch = captioner_batch_new_paste (f->desk, f->items, from, 1, CAPTIONER_PASTE_FIELDS);
  captioner_batch_run (batch, CAPTIONER_BATCH_NONE);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (captioner_draft_get_field (draft_at (f, i), CAPTIONER_FIELD_BYLINE), ==,
                     "Jane Doe");
  g_clear_object (&batch);

  batch = captioner_batch_new_set_keywords (f->desk, f->items, some);
  captioner_batch_run (batch, CAPTIONER_BATCH_NONE);
  g_assert_cmpuint (captioner_batch_get_n_changed (batch), ==, 2);
  g_assert_true (captioner_drafts_get_common_keywords (drafts, &common));
  g_assert_cmpstr (common[0], ==, "a");
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CaptionerBatchHistory) history = captioner_batch_history_new ();
  g_autoptr(CaptionerBatch) city = NULL;
  g_autoptr(CaptionerBatch) event = NULL;
  CaptionerDraft *first;

  open_photos (f, 3);
  first = draft_at (f, 0);
  city = captioner_batch_new_set_field (f->desk, f->items, CAPTIONER_FIELD_CITY, "Tehran");
  event = captioner_batch_new_set_field (f->desk, f->items, CAPTIONER_FIELD_EVENT, "Summit");
  /* The second waits for the first; nothing undoes while they run. */
  captioner_batch_history_run (history, city, CAPTIONER_BATCH_SAVE);
  captioner_batch_history_run (history, event, CAPTIONER_BATCH_SAVE);
  g_assert_true (captioner_batch_history_get_running (history) == city);
  g_assert_null (captioner_batch_history_get_undo (history, NULL));
  WAIT_UNTIL (captioner_batch_history_get_running (history) == NULL);
  g_assert_cmpstr (captioner_draft_get_field (draft_at (f, 2), CAPTIONER_FIELD_EVENT), ==,
                   "Summit");

  /* Latest first, for the selection or for a draft where it is the latest step. */
  g_assert_true (captioner_batch_history_get_undo (history, first) == event);
  g_assert_true (captioner_batch_history_undo (history, NULL));
  g_assert_null (captioner_draft_get_field (draft_at (f, 1), CAPTIONER_FIELD_EVENT));
  g_assert_true (captioner_batch_history_get_redo (history, first) == event);
  g_assert_true (captioner_batch_history_get_undo (history, first) == city);

  /* The draft edited alone since: its undo is its own. */
  captioner_draft_set_field (first, CAPTIONER_FIELD_HEADLINE, "Talks");
  g_assert_null (captioner_batch_history_get_undo (history, first));
  g_assert_null (captioner_batch_history_get_redo (history, first));
  g_assert_true (captioner_batch_history_get_undo (history, draft_at (f, 1)) == city);
  g_assert_true (captioner_batch_history_undo (history, NULL));
  g_assert_null (captioner_draft_get_field (draft_at (f, 1), CAPTIONER_FIELD_CITY));
  g_assert_cmpstr (captioner_draft_get_field (first, CAPTIONER_FIELD_CITY), ==, "Tehran");
  g_assert_false (captioner_batch_history_undo (history, NULL));

  /* A new batch drops what could be redone. */
  g_clear_object (&city);
  city = captioner_batch_new_set_field (f->desk, f->items, CAPTIONER_FIELD_CITY, "Baku");
  captioner_batch_history_run (history, city, CAPTIONER_BATCH_SAVE);
  WAIT_UNTIL (captioner_batch_history_get_running (history) == NULL);
  g_assert_null (captioner_batch_history_get_redo (history, NULL));
  g_assert_true (captioner_batch_history_get_undo (history, NULL) == city);
  captioner_desk_wait (f->desk);
  g_assert_false (captioner_desk_has_unsaved (f->desk));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/captioner/batch/" path, Fixture, NULL, NULL, func, fixture_tear_down)
  ADD ("mixed-undo-redo", test_mixed_undo_redo);
  ADD ("later-edits", test_later_edits);
  ADD ("cancel", test_cancel);
  ADD ("template", test_template);
  ADD ("paste-and-keywords", test_paste_and_keywords);
  ADD ("history", test_history);
#undef ADD
  return g_test_run ();
}
