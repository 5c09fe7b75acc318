#include "config.h"

#include <locale.h>

#include "captioner-draft.h"
#include "captioner-person.h"

/* The draft as the window and the CLI drive it: what it tells its listeners, what is dirty,
 * what undo takes back, who owns the caption, and what changed since the baseline. */

#define BOX(x, y) (&(CaptionerRect) { (x), (y), 0.1, 0.2 })

typedef struct
{
  guint changed;
  guint what;
  guint dirty;
  guint caption;
} Counts;

static void
on_changed_cb (CaptionerDraft *draft,
               guint           what,
               Counts         *counts)
{
  counts->changed++;
  counts->what |= what;
}

static void
on_notify_cb (CaptionerDraft *draft,
              GParamSpec     *pspec,
              Counts         *counts)
{
  if (g_str_equal (pspec->name, "dirty"))
    counts->dirty++;
  else if (g_str_equal (pspec->name, "caption"))
    counts->caption++;
}

static CaptionerDraft *
new_draft (const CaptionerMetadata *stored)
{
  g_autoptr(CaptionerMetadata) empty = captioner_metadata_new ();

  return captioner_draft_new (stored ? stored : empty, 1, FALSE);
}

static void
test_notification (void)
{
  g_autoptr(CaptionerDraft) draft = new_draft (NULL);
  Counts counts = { 0 };

  g_signal_connect (draft, "changed", G_CALLBACK (on_changed_cb), &counts);
  g_signal_connect (draft, "notify", G_CALLBACK (on_notify_cb), &counts);

  captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, "waves.");
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.what, ==, CAPTIONER_DRAFT_CHANGED_FIELDS | CAPTIONER_DRAFT_CHANGED_CAPTION);
  g_assert_cmpuint (counts.dirty, ==, 1);
  g_assert_cmpuint (counts.caption, ==, 1);
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "waves.");

  /* The same value again is no change: nothing is said. */
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, "waves.");
  g_assert_cmpuint (counts.changed, ==, 1);

  counts.what = 0;
  captioner_draft_add_person (draft, "Nikol Pashinyan", BOX (0.4, 0.1));
  g_assert_cmpuint (counts.what, ==, CAPTIONER_DRAFT_CHANGED_PEOPLE | CAPTIONER_DRAFT_CHANGED_CAPTION);
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Nikol Pashinyan waves.");
  /* Still dirty: not said again. */
  g_assert_cmpuint (counts.dirty, ==, 1);

  /* A group of edits is one change and one undo step. */
  counts.changed = 0;
  captioner_draft_begin_group (draft, "batch");
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CITY, "Yerevan");
  captioner_draft_set_field (draft, CAPTIONER_FIELD_COUNTRY, "Armenia");
  g_assert_cmpuint (counts.changed, ==, 0);
  captioner_draft_end_group (draft);
  g_assert_cmpuint (counts.changed, ==, 1);
  captioner_draft_undo (draft);
  g_assert_null (captioner_draft_get_field (draft, CAPTIONER_FIELD_CITY));
  g_assert_null (captioner_draft_get_field (draft, CAPTIONER_FIELD_COUNTRY));
}

static void
test_dirty_and_baseline (void)
{
  g_autoptr(CaptionerMetadata) stored = captioner_metadata_new ();
  g_autoptr(CaptionerDraft) draft = NULL;
  g_autoptr(CaptionerMetadata) saved = NULL;

  captioner_metadata_set (stored, CAPTIONER_FIELD_CREDIT, "AP");
  draft = new_draft (stored);
  g_assert_false (captioner_draft_get_dirty (draft));

  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "Reuters");
  g_assert_true (captioner_draft_get_dirty (draft));
  /* Back to what is saved by hand: clean again. */
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AP");
  g_assert_false (captioner_draft_get_dirty (draft));

  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "Reuters");
  saved = captioner_metadata_copy (captioner_draft_get_metadata (draft));
  /* An edit made while the save was on its way stays. */
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CITY, "Tehran");
  captioner_draft_rebase (draft, saved, FALSE);
  g_assert_true (captioner_draft_get_dirty (draft));
  g_assert_cmpstr (captioner_draft_get_baseline (draft)->fields[CAPTIONER_FIELD_CREDIT], ==, "Reuters");
  captioner_draft_revert (draft);
  g_assert_false (captioner_draft_get_dirty (draft));
  g_assert_null (captioner_draft_get_field (draft, CAPTIONER_FIELD_CITY));
  g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_CREDIT), ==, "Reuters");
}

static void
test_undo_fields_and_people (void)
{
  g_autoptr(CaptionerDraft) draft = new_draft (NULL);
  guint mirzoyan, fidan;

  mirzoyan = captioner_draft_add_person (draft, "Ararat Mirzoyan", BOX (0.1, 0.1));
  fidan = captioner_draft_add_person (draft, "Hakan Fida", BOX (0.7, 0.1));
  g_assert_cmpuint (mirzoyan, !=, fidan);
  /* Typing a name letter by letter is one step. */
  captioner_draft_rename_person (draft, fidan, "Hakan Fidan");
  captioner_draft_rename_person (draft, fidan, "Hakan Fidan ");
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "R");
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "Reuters");
  captioner_draft_move_person (draft, mirzoyan, BOX (0.8, 0.1));
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "From left, Hakan Fidan and Ararat Mirzoyan (Reuters photo)");

  captioner_draft_undo (draft);  /* the move */
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "From left, Ararat Mirzoyan and Hakan Fidan (Reuters photo)");
  captioner_draft_undo (draft);  /* the credit, typed at once */
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "From left, Ararat Mirzoyan and Hakan Fidan");
  captioner_draft_undo (draft);  /* the rename, typed at once */
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "From left, Ararat Mirzoyan and Hakan Fida");
  captioner_draft_undo (draft);  /* the second box */
  g_assert_cmpuint (captioner_draft_get_metadata (draft)->people->len, ==, 1);
  captioner_draft_redo (draft);
  captioner_draft_redo (draft);
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "From left, Ararat Mirzoyan and Hakan Fidan");
  captioner_draft_remove_person (draft, mirzoyan);
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Hakan Fidan");
  g_assert_false (captioner_draft_get_can_redo (draft));
  captioner_draft_undo (draft);
  /* Undone, the person is back with their id. */
  g_assert_nonnull (captioner_people_find (captioner_draft_get_metadata (draft)->people, mirzoyan));
}

/* A credit alone is no caption. */
static void
test_credit_alone (void)
{
  g_autoptr(CaptionerDraft) draft = new_draft (NULL);

  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "Reuters");
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "");
  g_assert_null (captioner_draft_get_field (draft, CAPTIONER_FIELD_CAPTION));
  captioner_draft_add_person (draft, "Hakan Fidan", NULL);
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Hakan Fidan (Reuters photo)");
}

static CaptionerMetadata *
stored_with_caption (const char *caption,
                     const char *composed,
                     gboolean    with_people)
{
  CaptionerMetadata *md = captioner_metadata_new ();

  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, caption);
  captioner_metadata_set (md, CAPTIONER_FIELD_COMPOSED, composed);
  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "Reuters");
  if (with_people)
    g_ptr_array_add (md->people, captioner_person_new ("Jeyhun Bayramov", BOX (0.3, 0.1)));
  captioner_people_assign_ids (md->people);
  return md;
}

static void
test_ownership (void)
{
  /* A wire photo's caption (embedded, no people): adopted as the body; the first edit of any
   * field composes it in house style. */
  {
    g_autoptr(CaptionerMetadata) md = stored_with_caption ("A speaker talks.", NULL, FALSE);
    g_autoptr(CaptionerDraft) draft = captioner_draft_new (md, 1, FALSE);

    g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_CAPTION_BODY), ==,
                     "A speaker talks.");
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "A speaker talks.");
    g_assert_false (captioner_draft_get_dirty (draft));
    captioner_draft_set_field (draft, CAPTIONER_FIELD_CITY, "Tehran");
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "A speaker talks. (Reuters photo)");
  }
  /* Another program's caption in the sidecar: kept through a credit edit, composed once the
   * editor edits the words. */
  {
    g_autoptr(CaptionerMetadata) md = stored_with_caption ("Typed in Lightroom.", NULL, FALSE);
    g_autoptr(CaptionerDraft) draft = captioner_draft_new (md, 1, TRUE);

    g_assert_true (captioner_draft_get_caption_kept (draft));
    captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AFP");
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Typed in Lightroom.");
    g_assert_true (captioner_draft_get_caption_kept (draft));
    captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, "Typed again.");
    g_assert_false (captioner_draft_get_caption_kept (draft));
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Typed again. (AFP photo)");
    /* Undone, it is theirs again. */
    captioner_draft_undo (draft);
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Typed in Lightroom.");
    g_assert_true (captioner_draft_get_caption_kept (draft));
  }
  /* Saving the credit alone writes the credit alone: the adopted body stays out of the save,
   * and the draft is clean once the save is back. Once the editor writes their own words,
   * they are saved. */
  {
    g_autoptr(CaptionerMetadata) md = stored_with_caption ("Typed in Lightroom.", NULL, FALSE);
    g_autoptr(CaptionerDraft) draft = captioner_draft_new (md, 1, TRUE);
    g_autoptr(CaptionerMetadata) saved = NULL;
    g_autoptr(CaptionerMetadata) saved_body = NULL;

    captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AFP");
    saved = captioner_draft_dup_to_save (draft);
    g_assert_null (saved->fields[CAPTIONER_FIELD_CAPTION_BODY]);
    g_assert_null (saved->fields[CAPTIONER_FIELD_COMPOSED]);
    g_assert_cmpstr (saved->fields[CAPTIONER_FIELD_CAPTION], ==, "Typed in Lightroom.");
    g_assert_cmpstr (saved->fields[CAPTIONER_FIELD_CREDIT], ==, "AFP");
    captioner_draft_rebase (draft, saved, TRUE);
    g_assert_false (captioner_draft_get_dirty (draft));
    g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_CAPTION_BODY), ==,
                     "Typed in Lightroom.");
    g_assert_true (captioner_draft_get_caption_kept (draft));

    captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, "Typed again.");
    saved_body = captioner_draft_dup_to_save (draft);
    g_assert_cmpstr (saved_body->fields[CAPTIONER_FIELD_CAPTION_BODY], ==, "Typed again.");
    g_assert_cmpstr (saved_body->fields[CAPTIONER_FIELD_CAPTION], ==, "Typed again. (AFP photo)");
    captioner_draft_rebase (draft, saved_body, FALSE);
    g_assert_false (captioner_draft_get_dirty (draft));
  }
  /* A body another program's caption was stored with stays as stored. */
  {
    g_autoptr(CaptionerMetadata) md = stored_with_caption ("Typed in Lightroom.", NULL, FALSE);
    g_autoptr(CaptionerDraft) draft = NULL;
    g_autoptr(CaptionerMetadata) saved = NULL;

    captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "Typed in Lightroom.");
    draft = captioner_draft_new (md, 1, TRUE);
    captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AFP");
    saved = captioner_draft_dup_to_save (draft);
    g_assert_cmpstr (saved->fields[CAPTIONER_FIELD_CAPTION_BODY], ==, "Typed in Lightroom.");
  }
  /* Another program's caption beside named people: a list of names never replaces it. */
  {
    g_autoptr(CaptionerMetadata) md = stored_with_caption ("Ministers meet.", NULL, TRUE);
    g_autoptr(CaptionerDraft) draft = captioner_draft_new (md, 1, FALSE);

    g_assert_null (captioner_draft_get_field (draft, CAPTIONER_FIELD_CAPTION_BODY));
    captioner_draft_add_person (draft, "Sergei Lavrov", BOX (0.6, 0.1));
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Ministers meet.");
    captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, "meet in Tehran.");
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                     "From left, Jeyhun Bayramov and Sergei Lavrov meet in Tehran. (Reuters photo)");
  }
  /* Captioner's own caption follows its parts. */
  {
    g_autoptr(CaptionerMetadata) md = stored_with_caption ("Jeyhun Bayramov (Reuters photo)",
                                                           "Jeyhun Bayramov (Reuters photo)", TRUE);
    g_autoptr(CaptionerDraft) draft = captioner_draft_new (md, 1, TRUE);

    g_assert_false (captioner_draft_get_caption_kept (draft));
    captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AP");
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Jeyhun Bayramov (AP photo)");
    /* What the draft composes, it records as its own. */
    g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_COMPOSED), ==,
                     "Jeyhun Bayramov (AP photo)");
  }
  /* A caption set verbatim stays through other fields' edits, until one of its parts changes. */
  {
    g_autoptr(CaptionerDraft) draft = new_draft (NULL);

    captioner_draft_add_person (draft, "Hakan Fidan", NULL);
    captioner_draft_set_caption (draft, "Verbatim.");
    captioner_draft_set_field (draft, CAPTIONER_FIELD_CITY, "Ankara");
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Verbatim.");
    captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AA");
    g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Hakan Fidan (AA photo)");
  }
}

static void
test_changes (void)
{
  g_autoptr(CaptionerMetadata) stored = captioner_metadata_new ();
  g_autoptr(CaptionerDraft) draft = NULL;
  g_autoptr(CaptionerChanges) changes = NULL;
  guint added;

  g_ptr_array_add (stored->people, captioner_person_new ("Ararat Mirzoyan", BOX (0.1, 0.1)));
  g_ptr_array_add (stored->people, captioner_person_new ("Jeyhun Bayramov", BOX (0.3, 0.1)));
  g_ptr_array_add (stored->people, captioner_person_new ("Sergei Lavrov", BOX (0.5, 0.1)));
  captioner_people_assign_ids (stored->people);
  draft = new_draft (stored);

  captioner_draft_rename_person (draft, 2, "Jeyhun Bayramow");
  captioner_draft_move_person (draft, 3, BOX (0.55, 0.1));
  captioner_draft_remove_person (draft, 1);
  added = captioner_draft_add_person (draft, "Hakan Fidan", BOX (0.7, 0.1));
  captioner_draft_set_field (draft, CAPTIONER_FIELD_HEADLINE, "3+3");

  changes = captioner_draft_dup_changes (draft);
  g_assert_true (captioner_changes_has_field (changes, CAPTIONER_FIELD_HEADLINE));
  g_assert_false (captioner_changes_has_field (changes, CAPTIONER_FIELD_CREDIT));
  g_assert_false (changes->keywords);
  g_assert_cmpint (captioner_changes_get_person (changes, 1), ==, CAPTIONER_PERSON_CHANGE_REMOVED);
  g_assert_cmpint (captioner_changes_get_person (changes, 2), ==, CAPTIONER_PERSON_CHANGE_RENAMED);
  g_assert_cmpint (captioner_changes_get_person (changes, 3), ==, CAPTIONER_PERSON_CHANGE_MOVED);
  g_assert_cmpint (captioner_changes_get_person (changes, added), ==, CAPTIONER_PERSON_CHANGE_ADDED);
  g_assert_cmpuint (changes->people->len, ==, 4);
  g_clear_pointer (&changes, captioner_changes_free);

  captioner_draft_revert (draft);
  changes = captioner_draft_dup_changes (draft);
  g_assert_true (captioner_changes_is_empty (changes));
}

/* The second frame of a line-up: the faces found, named with the previous photo's people in
 * their order left to right, with its words and fields; one undo step; refused on a count
 * mismatch. */
static void
test_lineup (void)
{
  g_autoptr(CaptionerMetadata) previous = captioner_metadata_new ();
  g_autoptr(CaptionerDraft) draft = new_draft (NULL);
  /* This frame's faces, found in no particular order, a little to the right. */
  const CaptionerRect faces[] = { { 0.72, 0.3, 0.1, 0.2 }, { 0.12, 0.32, 0.1, 0.2 },
                                  { 0.42, 0.28, 0.1, 0.2 } };
  g_autofree char *caption = NULL;
  guint n_people = 0;

  g_ptr_array_add (previous->people, captioner_person_new_displayed ("Hakan Fidan", BOX (0.4, 0.3), 1));
  g_ptr_array_add (previous->people, captioner_person_new_displayed ("Ararat Mirzoyan", BOX (0.1, 0.3), 1));
  g_ptr_array_add (previous->people, captioner_person_new_displayed ("Sergei Lavrov", BOX (0.7, 0.3), 1));
  captioner_people_assign_ids (previous->people);
  captioner_metadata_set (previous, CAPTIONER_FIELD_CAPTION_BODY, "pose for a photo in Tehran.");
  captioner_metadata_set (previous, CAPTIONER_FIELD_CREDIT, "Reuters");
  captioner_metadata_set (previous, CAPTIONER_FIELD_CITY, "Tehran");

  /* Two faces for three people: nothing happens, and the caller can say why. */
  g_assert_false (captioner_draft_apply_lineup (draft, previous, 1, faces, 2, &n_people));
  g_assert_cmpuint (n_people, ==, 3);
  g_assert_false (captioner_draft_get_dirty (draft));

  g_assert_true (captioner_draft_apply_lineup (draft, previous, 1, faces, 3, &n_people));
  caption = captioner_draft_compose (draft);
  g_assert_cmpstr (caption, ==, "From left, Ararat Mirzoyan, Hakan Fidan and Sergei Lavrov pose for "
                                "a photo in Tehran. (Reuters photo)");
  g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_CITY), ==, "Tehran");

  /* One step back to the empty frame. */
  captioner_draft_undo (draft);
  g_assert_cmpuint (captioner_draft_get_metadata (draft)->people->len, ==, 0);
  g_assert_null (captioner_draft_get_field (draft, CAPTIONER_FIELD_CREDIT));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/draft/notification", test_notification);
  g_test_add_func ("/captioner/draft/dirty-and-baseline", test_dirty_and_baseline);
  g_test_add_func ("/captioner/draft/undo-fields-and-people", test_undo_fields_and_people);
  g_test_add_func ("/captioner/draft/credit-alone", test_credit_alone);
  g_test_add_func ("/captioner/draft/ownership", test_ownership);
  g_test_add_func ("/captioner/draft/changes", test_changes);
  g_test_add_func ("/captioner/draft/lineup", test_lineup);
  return g_test_run ();
}
