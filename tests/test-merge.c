#include "config.h"

#include <locale.h>

#include "captioner-merge.h"
#include "captioner-person.h"

/* Three-way merges of a photo's metadata: what only one side changed is taken, what both
 * changed is a conflict, people are matched across readings. */

#define BOX(x) (&(CaptionerRect) { (x), 0.2, 0.1, 0.3 })

static CaptionerMetadata *
base_metadata (void)
{
  CaptionerMetadata *md = captioner_metadata_new ();
  const char * const keywords[] = { "politics", "Tehran", NULL };

  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "meet.");
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, "From left, A and B meet.");
  captioner_metadata_set (md, CAPTIONER_FIELD_COMPOSED, "From left, A and B meet.");
  captioner_metadata_set (md, CAPTIONER_FIELD_HEADLINE, "Summit");
  captioner_metadata_set_keywords (md, keywords);
  g_ptr_array_add (md->people, captioner_person_new ("A", BOX (0.1)));
  g_ptr_array_add (md->people, captioner_person_new ("B", BOX (0.5)));
  captioner_people_assign_ids (md->people);
  return md;
}

static void
test_disjoint (void)
{
  g_autoptr(CaptionerMetadata) base = base_metadata ();
  g_autoptr(CaptionerMetadata) mine = captioner_metadata_copy (base);
  g_autoptr(CaptionerMetadata) theirs = captioner_metadata_copy (base);
  g_autoptr(CaptionerMerge) merge = NULL;
  g_autoptr(CaptionerMetadata) result = NULL;
  const char * const mine_kw[] = { "politics", "Tehran", "diplomacy", NULL };
  const char * const theirs_kw[] = { "Tehran", "Iran", NULL };

  captioner_metadata_set (mine, CAPTIONER_FIELD_CREDIT, "Reuters");
  captioner_metadata_set_keywords (mine, mine_kw);
  captioner_metadata_set (theirs, CAPTIONER_FIELD_CITY, "Tehran");
  captioner_metadata_set_keywords (theirs, theirs_kw);
  /* The other program's reading lists the people the other way round, with other ids. */
  g_ptr_array_set_size (theirs->people, 0);
  g_ptr_array_add (theirs->people, captioner_person_new ("B", BOX (0.55)));
  g_ptr_array_add (theirs->people, captioner_person_new ("A", BOX (0.1)));
  captioner_people_assign_ids (theirs->people);

  merge = captioner_merge_new (base, mine, theirs);
  g_assert_false (captioner_merge_has_conflicts (merge));
  result = captioner_merge_result (merge, NULL);
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_CREDIT], ==, "Reuters");
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_CITY], ==, "Tehran");
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_HEADLINE], ==, "Summit");
  {
    const char * const expected[] = { "Tehran", "diplomacy", "Iran", NULL };
    g_assert_true (g_strv_equal ((const char * const *) result->keywords, expected));
  }
  /* B moved on their side: moved; the ids are theirs (what the next save writes over). */
  g_assert_cmpuint (result->people->len, ==, 2);
  {
    const CaptionerPerson *b = captioner_people_find (result->people, 1);

    g_assert_cmpstr (b->name, ==, "B");
    g_assert_cmpfloat_with_epsilon (b->region.x, 0.55, 1e-9);
  }
}

static void
test_conflicts (void)
{
  g_autoptr(CaptionerMetadata) base = base_metadata ();
  g_autoptr(CaptionerMetadata) mine = captioner_metadata_copy (base);
  g_autoptr(CaptionerMetadata) theirs = captioner_metadata_copy (base);
  g_autoptr(CaptionerMerge) merge = NULL;
  g_autoptr(CaptionerMetadata) result = NULL;
  g_autofree char *described = NULL;
  CaptionerMergeSide sides[3];

  captioner_metadata_set (mine, CAPTIONER_FIELD_HEADLINE, "Summit in Tehran");
  captioner_metadata_set (theirs, CAPTIONER_FIELD_HEADLINE, "3+3 summit");
  captioner_metadata_set (mine, CAPTIONER_FIELD_CAPTION_BODY, "meet in Tehran.");
  captioner_metadata_set (mine, CAPTIONER_FIELD_CAPTION, "From left, A and B meet in Tehran.");
  captioner_metadata_set (theirs, CAPTIONER_FIELD_CAPTION, "Two ministers meet.");
  ((CaptionerPerson *) g_ptr_array_index (mine->people, 0))->region = *BOX (0.2);
  g_free (((CaptionerPerson *) g_ptr_array_index (theirs->people, 0))->name);
  ((CaptionerPerson *) g_ptr_array_index (theirs->people, 0))->name = g_strdup ("Ararat Mirzoyan");

  merge = captioner_merge_new (base, mine, theirs);
  g_assert_true (captioner_merge_has_conflicts (merge));
  described = captioner_merge_describe (merge);
  g_assert_cmpstr (described, ==, "Headline, Caption, A");

  result = captioner_merge_result (merge, NULL);
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_HEADLINE], ==, "Summit in Tehran");
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_CAPTION], ==, "From left, A and B meet in Tehran.");
  g_clear_pointer (&result, captioner_metadata_free);

  sides[0] = CAPTIONER_MERGE_THEIRS;
  sides[1] = CAPTIONER_MERGE_THEIRS;
  sides[2] = CAPTIONER_MERGE_THEIRS;
  result = captioner_merge_result (merge, sides);
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_HEADLINE], ==, "3+3 summit");
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_CAPTION], ==, "Two ministers meet.");
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_CAPTION_BODY], ==, "meet.");
  g_assert_cmpstr (((CaptionerPerson *) g_ptr_array_index (result->people, 0))->name, ==,
                   "Ararat Mirzoyan");
}

/* A caption recomposed because the editor changed a credit gives way to one another program
 * wrote; the editor's credit stays. */
static void
test_recomposed_caption_gives_way (void)
{
  g_autoptr(CaptionerMetadata) base = base_metadata ();
  g_autoptr(CaptionerMetadata) mine = captioner_metadata_copy (base);
  g_autoptr(CaptionerMetadata) theirs = captioner_metadata_copy (base);
  g_autoptr(CaptionerMerge) merge = NULL;
  g_autoptr(CaptionerMetadata) result = NULL;

  captioner_metadata_set (mine, CAPTIONER_FIELD_CREDIT, "AP");
  captioner_metadata_set (mine, CAPTIONER_FIELD_CAPTION, "From left, A and B meet. (AP photo)");
  captioner_metadata_set (theirs, CAPTIONER_FIELD_CAPTION, "Edited on the wire desk.");
  merge = captioner_merge_new (base, mine, theirs);
  g_assert_false (captioner_merge_has_conflicts (merge));
  result = captioner_merge_result (merge, NULL);
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_CAPTION], ==, "Edited on the wire desk.");
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_CREDIT], ==, "AP");
}

/* People added on either side are both there; one removed on one side and untouched on the
 * other goes. */
static void
test_people_added_and_removed (void)
{
  g_autoptr(CaptionerMetadata) base = base_metadata ();
  g_autoptr(CaptionerMetadata) mine = captioner_metadata_copy (base);
  g_autoptr(CaptionerMetadata) theirs = captioner_metadata_copy (base);
  g_autoptr(CaptionerMerge) merge = NULL;
  g_autoptr(CaptionerMetadata) result = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (mine->people, captioner_person_new ("C", BOX (0.8)));
  g_ptr_array_remove_index (theirs->people, 0);
  g_ptr_array_add (theirs->people, captioner_person_new ("D", BOX (0.3)));
  merge = captioner_merge_new (base, mine, theirs);
  g_assert_false (captioner_merge_has_conflicts (merge));
  result = captioner_merge_result (merge, NULL);
  for (guint i = 0; i < result->people->len; i++)
    g_ptr_array_add (names, ((CaptionerPerson *) g_ptr_array_index (result->people, i))->name);
  g_ptr_array_add (names, NULL);
  {
    const char * const expected[] = { "B", "C", "D", NULL };
    g_assert_true (g_strv_equal ((const char * const *) names->pdata, expected));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/merge/disjoint", test_disjoint);
  g_test_add_func ("/captioner/merge/conflicts", test_conflicts);
  g_test_add_func ("/captioner/merge/recomposed-caption-gives-way",
                   test_recomposed_caption_gives_way);
  g_test_add_func ("/captioner/merge/people-added-and-removed", test_people_added_and_removed);
  return g_test_run ();
}
