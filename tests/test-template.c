#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "captioner-desk-files.h"
#include "captioner-template.h"
#include "test-util.h"

/* Templates ("stationery") as a desk uses them: the same credit, byline, event and place on a
 * whole take, Replace or Append per field, variables from the photo, and "only where empty"
 * to fill a folder without touching what an editor wrote. */

static CaptionerMetadata *
photo_metadata (void)
{
  CaptionerMetadata *md = captioner_metadata_new ();
  const char *keywords[] = { "diplomacy", NULL };

  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, "AP");
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "pose for a photo.");
  captioner_metadata_set (md, CAPTIONER_FIELD_DATE_CREATED, "2023-10-23T10:15:00+03:30");
  captioner_metadata_set_keywords (md, keywords);
  return md;
}

static const char *
field (const CaptionerMetadata *md,
       CaptionerField           f)
{
  return captioner_metadata_get (md, f);
}

static void
test_replace_and_append (void)
{
  g_autoptr(CaptionerTemplate) template = captioner_template_new ("Summit");
  g_autoptr(CaptionerMetadata) md = photo_metadata ();
  g_autoptr(CaptionerChanges) changes = NULL;
  g_autoptr(CaptionerChanges) again = NULL;

  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_CREDIT, "Reuters");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_BODY, "(Pool photo)");
  captioner_template_set_mode (template, CAPTIONER_TEMPLATE_FIELD_BODY,
                               CAPTIONER_TEMPLATE_MODE_APPEND);
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_KEYWORDS,
                                "Diplomacy, 3+3; Tehran");
  captioner_template_set_mode (template, CAPTIONER_TEMPLATE_FIELD_KEYWORDS,
                               CAPTIONER_TEMPLATE_MODE_APPEND);
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_EVENT, "Not applied");
  captioner_template_set_apply (template, CAPTIONER_TEMPLATE_FIELD_EVENT, FALSE);
  /* On, and empty: Replace clears the field. */
  captioner_template_set_apply (template, CAPTIONER_TEMPLATE_FIELD_INSTRUCTIONS, TRUE);
  captioner_metadata_set (md, CAPTIONER_FIELD_INSTRUCTIONS, "Embargoed");

  changes = captioner_template_apply (template, md, NULL, CAPTIONER_TEMPLATE_APPLY_DEFAULT);
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_CREDIT), ==, "Reuters");
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_CAPTION_BODY), ==, "pose for a photo. (Pool photo)");
  g_assert_cmpstr (md->keywords[0], ==, "diplomacy");
  g_assert_cmpstr (md->keywords[1], ==, "3+3");
  g_assert_cmpstr (md->keywords[2], ==, "Tehran");
  g_assert_null (md->keywords[3]);
  g_assert_null (field (md, CAPTIONER_FIELD_EVENT));
  g_assert_null (field (md, CAPTIONER_FIELD_INSTRUCTIONS));
  g_assert_true (captioner_changes_has_field (changes, CAPTIONER_FIELD_CREDIT));
  g_assert_true (captioner_changes_has_field (changes, CAPTIONER_FIELD_CAPTION_BODY));
  g_assert_true (captioner_changes_has_field (changes, CAPTIONER_FIELD_INSTRUCTIONS));
  g_assert_false (captioner_changes_has_field (changes, CAPTIONER_FIELD_EVENT));
  g_assert_true (changes->keywords);

  /* Applied twice, nothing is added twice. */
  again = captioner_template_apply (template, md, NULL, CAPTIONER_TEMPLATE_APPLY_DEFAULT);
  g_assert_true (captioner_changes_is_empty (again));
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_CAPTION_BODY), ==, "pose for a photo. (Pool photo)");

  /* Replace for keywords: the list becomes the template's. */
  captioner_template_set_mode (template, CAPTIONER_TEMPLATE_FIELD_KEYWORDS,
                               CAPTIONER_TEMPLATE_MODE_REPLACE);
  g_clear_pointer (&changes, captioner_changes_free);
  changes = captioner_template_apply (template, md, NULL, CAPTIONER_TEMPLATE_APPLY_DEFAULT);
  g_assert_cmpstr (md->keywords[0], ==, "Diplomacy");
  g_assert_cmpuint (g_strv_length (md->keywords), ==, 3);
}

static void
test_variables (void)
{
  g_autoptr(CaptionerTemplate) template = captioner_template_new ("Variables");
  g_autoptr(CaptionerMetadata) md = photo_metadata ();
  g_autoptr(GFile) file = g_file_new_for_path ("/photos/summit/DSC_0042.JPG");
  g_autoptr(CaptionerChanges) changes = NULL;
  g_autofree char *plain = NULL;

  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_CITY, "Tehran");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_COUNTRY, "Iran");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_BYLINE, "Staff");
  /* Variables in the credit are the photo's before the template. */
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_CREDIT, "Reuters/{credit}");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_INSTRUCTIONS,
                                "{filename} / {filenamebase} / {date} / {date:%d.%m.%Y %H:%M}");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_BODY,
                                "{city}, {country}, {date:%B %-d}: {credit} by {byline}. "
                                "{unknown} {city");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_KEYWORDS, "{city}, {country}");
  captioner_template_set_mode (template, CAPTIONER_TEMPLATE_FIELD_KEYWORDS,
                               CAPTIONER_TEMPLATE_MODE_APPEND);

  changes = captioner_template_apply (template, md, file, CAPTIONER_TEMPLATE_APPLY_DEFAULT);
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_CREDIT), ==, "Reuters/AP");
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_INSTRUCTIONS), ==,
                   "DSC_0042.JPG / DSC_0042 / 2023-10-23 / 23.10.2023 10:15");
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_CAPTION_BODY), ==,
                   "Tehran, Iran, October 23: Reuters/AP by Staff. {unknown} {city");
  g_assert_cmpstr (md->keywords[1], ==, "Tehran");
  g_assert_cmpstr (md->keywords[2], ==, "Iran");

  /* Without a photo file or date, those variables are empty. */
  plain = captioner_template_expand_variables ("[{filename}|{filenamebase}|{date}]", NULL, NULL);
  g_assert_cmpstr (plain, ==, "[||]");
}

static void
test_only_where_empty (void)
{
  g_autoptr(CaptionerTemplate) template = captioner_template_new ("Folder defaults");
  g_autoptr(CaptionerMetadata) md = photo_metadata ();
  g_autoptr(CaptionerMetadata) bare = captioner_metadata_new ();
  g_autoptr(CaptionerChanges) changes = NULL;
  g_autoptr(CaptionerChanges) bare_changes = NULL;

  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_CREDIT, "Reuters");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_CITY, "Tehran");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_KEYWORDS, "summit");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_BODY, "{city} summit.");

  changes = captioner_template_apply (template, md, NULL, CAPTIONER_TEMPLATE_APPLY_ONLY_EMPTY);
  /* What the editor wrote stays. */
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_CREDIT), ==, "AP");
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_CAPTION_BODY), ==, "pose for a photo.");
  g_assert_cmpstr (md->keywords[0], ==, "diplomacy");
  g_assert_null (md->keywords[1]);
  g_assert_cmpstr (field (md, CAPTIONER_FIELD_CITY), ==, "Tehran");
  g_assert_true (captioner_changes_has_field (changes, CAPTIONER_FIELD_CITY));
  g_assert_false (captioner_changes_has_field (changes, CAPTIONER_FIELD_CREDIT));
  g_assert_false (changes->keywords);

  bare_changes = captioner_template_apply (template, bare, NULL,
                                           CAPTIONER_TEMPLATE_APPLY_ONLY_EMPTY);
  g_assert_cmpstr (field (bare, CAPTIONER_FIELD_CREDIT), ==, "Reuters");
  g_assert_cmpstr (field (bare, CAPTIONER_FIELD_CAPTION_BODY), ==, "Tehran summit.");
  g_assert_cmpstr (bare->keywords[0], ==, "summit");
}

static char *
user_templates_path (void)
{
  g_autoptr(GFile) folder = captioner_template_user_folder ();

  return g_file_get_path (folder);
}

static void
test_files (void)
{
  g_autoptr(CaptionerTemplate) template = captioner_template_new ("Summit: pool");
  g_autoptr(CaptionerTemplate) other = captioner_template_new ("Summit/pool");
  g_autoptr(CaptionerTemplate) loaded = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user = user_templates_path ();
  g_autofree char *tmp = g_dir_make_tmp ("captioner-desk-XXXXXX", NULL);
  g_autofree char *desk_templates = g_build_filename (tmp, "templates", NULL);
  g_autofree char *desk_file = g_build_filename (desk_templates, "summit.captioner-template",
                                                 NULL);
  g_autofree char *broken = g_build_filename (desk_templates, "broken.captioner-template", NULL);
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *desk_only = g_build_filename (desk_templates, "desk.captioner-template", NULL);
  g_autoptr(GFile) desk = g_file_new_for_path (tmp);
  CaptionerTemplate *found;
  const GError *problem;

  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_CREDIT, "Reuters");
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_BODY, "Ի՞նչ (Pool)");
  captioner_template_set_mode (template, CAPTIONER_TEMPLATE_FIELD_BODY,
                               CAPTIONER_TEMPLATE_MODE_APPEND);
  captioner_template_set_value (template, CAPTIONER_TEMPLATE_FIELD_EVENT, "kept but off");
  captioner_template_set_apply (template, CAPTIONER_TEMPLATE_FIELD_EVENT, FALSE);
  g_assert_true (captioner_template_save (template, NULL, NULL, &error));
  g_assert_no_error (error);
  first_path = g_file_get_path (captioner_template_get_file (template));
  g_assert_true (g_str_has_prefix (first_path, user));
  g_assert_true (g_str_has_suffix (first_path, "/Summit- pool.captioner-template"));

  /* Saved again: the same file. Another template whose name makes the same file name: its
   * own file. */
  g_assert_true (captioner_template_save (template, NULL, NULL, &error));
  g_assert_cmpstr (g_file_peek_path (captioner_template_get_file (template)), ==, first_path);
  g_assert_true (captioner_template_save (other, NULL, NULL, &error));
  second_path = g_file_get_path (captioner_template_get_file (other));
  g_assert_true (g_str_has_suffix (second_path, "/Summit-pool.captioner-template"));

  loaded = captioner_template_load (captioner_template_get_file (template), FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_template_get_name (loaded), ==, "Summit: pool");
  g_assert_cmpstr (captioner_template_get_value (loaded, CAPTIONER_TEMPLATE_FIELD_BODY), ==,
                   "Ի՞նչ (Pool)");
  g_assert_cmpint (captioner_template_get_mode (loaded, CAPTIONER_TEMPLATE_FIELD_BODY), ==,
                   CAPTIONER_TEMPLATE_MODE_APPEND);
  g_assert_true (captioner_template_get_apply (loaded, CAPTIONER_TEMPLATE_FIELD_CREDIT));
  g_assert_false (captioner_template_get_apply (loaded, CAPTIONER_TEMPLATE_FIELD_EVENT));
  g_assert_cmpstr (captioner_template_get_value (loaded, CAPTIONER_TEMPLATE_FIELD_EVENT), ==,
                   "kept but off");
  g_assert_false (captioner_template_get_apply (loaded, CAPTIONER_TEMPLATE_FIELD_CITY));

  /* A desk shares templates: the user's own of the same name wins; a broken file is named. */
  g_assert_cmpint (g_mkdir_with_parents (desk_templates, 0755), ==, 0);
  g_assert_true (g_file_set_contents (desk_file,
                                      "[Template]\nName=SUMMIT: POOL\n[credit]\nValue=AFP\n"
                                      "[Template]\n", -1, NULL));
  g_assert_true (g_file_set_contents (desk_only,
                                      "[Template]\nName=Desk only\n[city]\nValue=Yerevan\n"
                                      "Mode=replace\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "not a key file", -1, NULL));
  folders = captioner_desk_template_folders (&desk, 1);
  templates = captioner_template_list ((GFile * const *) folders->pdata, folders->len, &problems,
                                       NULL);
  g_assert_cmpuint (templates->len, ==, 3);
  g_assert_cmpstr (captioner_template_get_name (g_ptr_array_index (templates, 0)), ==,
                   "Desk only");
  g_assert_true (captioner_template_get_read_only (g_ptr_array_index (templates, 0)));
  found = captioner_template_find (templates, "summit: POOL");
  g_assert_nonnull (found);
  g_assert_cmpstr (captioner_template_get_value (found, CAPTIONER_TEMPLATE_FIELD_CREDIT), ==,
                   "Reuters");
  g_assert_false (captioner_template_get_read_only (found));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_error (problem, CAPTIONER_TEMPLATE_ERROR, CAPTIONER_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (strstr (problem->message, broken));
  g_assert_null (captioner_template_find (templates, "Nothing"));
  test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/template/replace-and-append", test_replace_and_append);
  g_test_add_func ("/captioner/template/variables", test_variables);
  g_test_add_func ("/captioner/template/only-where-empty", test_only_where_empty);
  g_test_add_func ("/captioner/template/files", test_files);
  return g_test_run ();
}
