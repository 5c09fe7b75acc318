#define G_LOG_DOMAIN "test-draft-language"

#include "config.h"

#include "captioner-draft.h"
#include "captioner-merge.h"
#include "captioner-metadata-language.h"

/* A draft's captions in other languages: one undo step per edit, CaptionerChanges naming the
 * languages changed, names from the translator, and two editors' different languages of one
 * photo both kept by the merge. */

static char *
to_armenian (const char *name,
             const char *language,
             gpointer    user_data)
{
  if (g_strcmp0 (language, "hy") == 0 && g_strcmp0 (name, "Sergei Lavrov") == 0)
    return g_strdup ("Սերգեյ Լավրով");
  return NULL;
}

static CaptionerDraft *
new_draft (void)
{
  g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
  CaptionerDraft *draft = captioner_draft_new (md, 1, FALSE);

  captioner_draft_set_name_translator (draft, to_armenian, NULL, NULL);
  captioner_draft_add_person (draft, "Sergei Lavrov", NULL);
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, "speaks.");
  return draft;
}

static void
test_undo (void)
{
  g_autoptr(CaptionerDraft) draft = new_draft ();
  g_autofree char *main_caption = g_strdup (captioner_draft_get_caption (draft));
  g_autoptr(CaptionerChanges) changes = NULL;
  g_auto(GStrv) languages = NULL;

  captioner_draft_set_language_body (draft, "hy", "խոսում է։");
  g_assert_cmpstr (captioner_draft_get_language (draft, "hy", CAPTIONER_LANGUAGE_CAPTION), ==,
                   "Սերգեյ Լավրով խոսում է։");
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, main_caption);
  changes = captioner_draft_dup_changes (draft);
  languages = captioner_changes_dup_languages (changes);
  g_assert_cmpstrv (languages, ((const char *[]) { "hy", NULL }));
  g_assert_true (captioner_changes_get_language (changes, "hy") &
                 (1u << CAPTIONER_LANGUAGE_BODY));

  captioner_draft_undo (draft);
  g_assert_null (captioner_draft_get_language (draft, "hy", CAPTIONER_LANGUAGE_CAPTION));
  g_assert_null (captioner_draft_get_language (draft, "hy", CAPTIONER_LANGUAGE_BODY));
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, main_caption);
  captioner_draft_redo (draft);
  g_assert_cmpstr (captioner_draft_get_language (draft, "hy", CAPTIONER_LANGUAGE_BODY), ==,
                   "խոսում է։");

  /* Renaming the person recomposes both captions, each in its names. */
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "Reuters");
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==,
                   "Sergei Lavrov speaks. (Reuters photo)");
  g_assert_true (g_str_has_prefix (captioner_draft_get_language (draft, "hy",
                                                                 CAPTIONER_LANGUAGE_CAPTION),
                                   "Սերգեյ Լավրով խոսում է։"));
}

/* Another program's German caption: kept as it is while the people change. */
static void
test_foreign_language_kept (void)
{
  g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
  g_autoptr(CaptionerDraft) draft = NULL;
  g_autoptr(CaptionerChanges) changes = NULL;

  captioner_metadata_set_language (md, "de", CAPTIONER_LANGUAGE_CAPTION, "Minister in Moskau.");
  draft = captioner_draft_new (md, 1, FALSE);
  captioner_draft_set_name_translator (draft, to_armenian, NULL, NULL);
  captioner_draft_add_person (draft, "Sergei Lavrov", NULL);
  g_assert_cmpstr (captioner_draft_get_language (draft, "de", CAPTIONER_LANGUAGE_CAPTION), ==,
                   "Minister in Moskau.");
  changes = captioner_draft_dup_changes (draft);
  g_assert_cmpuint (captioner_changes_get_language (changes, "de"), ==, 0);
}

static void
test_merge_languages (void)
{
  g_autoptr(CaptionerMetadata) base = captioner_metadata_new ();
  g_autoptr(CaptionerMetadata) mine = NULL;
  g_autoptr(CaptionerMetadata) theirs = NULL;
  g_autoptr(CaptionerMerge) merge = NULL;
  g_autoptr(CaptionerMetadata) result = NULL;

  captioner_metadata_set (base, CAPTIONER_FIELD_CAPTION, "Main.");
  mine = captioner_metadata_copy (base);
  theirs = captioner_metadata_copy (base);
  captioner_metadata_set_language (mine, "hy", CAPTIONER_LANGUAGE_BODY, "Հայերեն։");
  captioner_metadata_set_language (mine, "hy", CAPTIONER_LANGUAGE_CAPTION, "Հայերեն։");
  captioner_metadata_set_language (theirs, "de", CAPTIONER_LANGUAGE_CAPTION, "Deutsch.");
  merge = captioner_merge_new (base, mine, theirs);
  g_assert_false (captioner_merge_has_conflicts (merge));
  result = captioner_merge_result (merge, NULL);
  g_assert_cmpstr (captioner_metadata_get_language (result, "hy", CAPTIONER_LANGUAGE_CAPTION), ==,
                   "Հայերեն։");
  g_assert_cmpstr (captioner_metadata_get_language (result, "de", CAPTIONER_LANGUAGE_CAPTION), ==,
                   "Deutsch.");
  g_assert_cmpstr (result->fields[CAPTIONER_FIELD_CAPTION], ==, "Main.");

  /* Both wrote hy, differently: a conflict the editor chooses. */
  {
    g_autoptr(CaptionerMetadata) other = captioner_metadata_copy (base);
    g_autoptr(CaptionerMerge) both = NULL;

    captioner_metadata_set_language (other, "hy", CAPTIONER_LANGUAGE_CAPTION, "Այլ։");
    both = captioner_merge_new (base, mine, other);
    g_assert_true (captioner_merge_has_conflicts (both));
  }
}

static void
test_valid_tags (void)
{
  g_assert_true (captioner_language_is_valid ("hy"));
  g_assert_true (captioner_language_is_valid ("pt-BR"));
  g_assert_false (captioner_language_is_valid ("x-default"));
  g_assert_false (captioner_language_is_valid (""));
  g_assert_false (captioner_language_is_valid ("not a tag"));
  g_assert_false (captioner_language_is_valid ("hy-"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/draft/language/undo", test_undo);
  g_test_add_func ("/draft/language/foreign-kept", test_foreign_language_kept);
  g_test_add_func ("/draft/language/merge", test_merge_languages);
  g_test_add_func ("/draft/language/valid-tags", test_valid_tags);
  return g_test_run ();
}
