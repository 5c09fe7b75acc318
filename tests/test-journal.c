#include "config.h"

#include <locale.h>

#include "captioner-journal.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"
#include "captioner-user-data.h"

/* The journal of unsaved edits keeps every field, keyword, person and caption language exactly, whatever they
 * hold (separators, Armenian, line breaks), and is found again. */
static void
test_round_trip (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path ("/tmp/desk folder");
  g_autoptr(GFile) journal = captioner_journal_file_for (folder);
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_journal_photo_free);
  CaptionerJournalPhoto *photo = g_new0 (CaptionerJournalPhoto, 1);
  g_autoptr(CaptionerJournalEntry) entry = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char * const keywords[] = { "politics; diplomacy", "Հայաստան", NULL };
  CaptionerRect box = { 0.25, 0.125, 0.1, 0.2 };
  const CaptionerPerson *person;

  photo->file = g_file_new_for_path ("/tmp/desk folder/a b.jpg");
  photo->base = captioner_metadata_new ();
  photo->mine = captioner_metadata_new ();
  captioner_metadata_set (photo->mine, CAPTIONER_FIELD_CAPTION_BODY, "line one\nline two; [x]=y");
  captioner_metadata_set_keywords (photo->mine, keywords);
  g_ptr_array_add (photo->mine->people, captioner_person_new ("Smith; Jones Photo Pool", &box));
  g_ptr_array_add (photo->mine->people, captioner_person_new ("Արարատ Միրզոյան", NULL));
  captioner_people_assign_ids (photo->mine->people);
  ((CaptionerPerson *) g_ptr_array_index (photo->mine->people, 1))->row = 2;
  /* The Armenian caption's words too: a crash must not lose them either. */
  captioner_metadata_set_language (photo->mine, "hy", CAPTIONER_LANGUAGE_BODY,
                                   "լուսանկարվում են։\nերկրորդ տող");
  captioner_metadata_set_language (photo->mine, "pt-BR", CAPTIONER_LANGUAGE_CAPTION,
                                   "Da esquerda; posam.");
  g_ptr_array_add (photos, photo);

  text = captioner_journal_serialize (folder, photos);
  g_assert_true (captioner_user_file_write (journal, text, strlen (text), &error));
  g_assert_no_error (error);
  entry = captioner_journal_read (journal, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (entry->folder, folder));
  g_assert_cmpuint (entry->photos->len, ==, 1);
  photo = g_ptr_array_index (entry->photos, 0);
  g_assert_true (g_file_equal (photo->file, ((CaptionerJournalPhoto *) g_ptr_array_index (photos, 0))->file));
  g_assert_true (captioner_metadata_equal (photo->mine,
                                           ((CaptionerJournalPhoto *) g_ptr_array_index (photos, 0))->mine));
  g_assert_cmpstr (captioner_metadata_get_language (photo->mine, "hy", CAPTIONER_LANGUAGE_BODY),
                   ==, "լուսանկարվում են։\nերկրորդ տող");
  g_assert_cmpstr (captioner_metadata_get_language (photo->mine, "pt-BR",
                                                    CAPTIONER_LANGUAGE_CAPTION),
                   ==, "Da esquerda; posam.");
  person = g_ptr_array_index (photo->mine->people, 0);
  g_assert_cmpstr (person->name, ==, "Smith; Jones Photo Pool");
  g_assert_true (person->has_region);
  g_assert_false (((CaptionerPerson *) g_ptr_array_index (photo->mine->people, 1))->has_region);
  g_assert_cmpuint (((CaptionerPerson *) g_ptr_array_index (photo->mine->people, 1))->row, ==, 2);

  all = captioner_journal_list (NULL);
  g_assert_cmpuint (all->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/captioner/journal/round-trip", test_round_trip);
  return g_test_run ();
}
