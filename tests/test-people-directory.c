#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "captioner-desk-files.h"
#include "captioner-people-directory.h"
#include "captioner-people-file.h"
#include "captioner-text-fold.h"
#include "test-util.h"

/* The people directory as an editor meets it: the names they typed before (people.txt of
 * earlier versions, one a line), the desk's shared file, completion that forgives accents,
 * case, hyphens and transliterations and puts the people they picked last first. */

static char *
data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "captioner", name, NULL);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The display names of a list model of contacts, joined with "|". */
static char *
names_of (GListModel *model)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaptionerContact) contact = g_list_model_get_item (model, i);

      g_ptr_array_add (names, g_strdup (captioner_contact_get_name (contact)));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static char *
search (CaptionerPeopleDirectory *directory,
        const char               *query)
{
  g_autoptr(GListModel) found = captioner_people_directory_search (directory, query, 0);

  return names_of (found);
}

#define assert_search(directory, query, expected) G_STMT_START { \
    g_autofree char *_got = search ((directory), (query));        \
    g_assert_cmpstr (_got, ==, (expected));                       \
  } G_STMT_END

static void
wait_until_saved (CaptionerPeopleDirectory *directory)
{
  while (captioner_people_directory_has_unsaved_changes (directory))
    g_main_context_iteration (NULL, TRUE);
}

static const char summit_file[] =
  "// not a comment here: a name\n"
  "#columns\tname\ttitle\tshort\taliases\tcode\tidentifiers\tnames\ttitles\n"
  "# The 3+3 ministers\n"
  "Ararat Mirzoyan\tArmenian Foreign Minister\tMirzoyan\tMirzojan\tmir\t"
  "http://www.wikidata.org/entity/Q4425064\thy=Արարատ Միրզոյան\thy=ՀՀ ԱԳ նախարար\n"
  "Jeyhun Bayramov\tAzerbaijani Foreign Minister\tBayramov\tBayramow | Jeyhun Bayramow\tbay\n"
  "Hossein Amir-Abdollahian\tIranian Foreign Minister\tAmir-Abdollahian\tAmirabdollahian\tami\n"
  "Sergei Lavrov\tRussian Foreign Minister\tLavrov\tSergey Lavrov\tlav\n"
  "Hakan Fidan\tTurkish Foreign Minister\tFidan\t\tfid\n"
  "Mevlüt Çavuşoğlu\tFormer Turkish Foreign Minister\tÇavuşoğlu\n";

static const char hand_written[] =
  "#columns\tcode\tname\tphone\ttitle\n"
  "lav\tSergei Lavrov\t+7\tRussian Foreign Minister\n";

static void
test_fold (void)
{
  const struct { const char *text, *folded; } cases[] = {
    { "Mevlüt Çavuşoğlu", "mevlut cavusoglu" },
    { "  Amir-Abdollahian\t", "amirabdollahian" },
    { "Ø. Łukasz STRAẞE", "o lukasz strasse" },
    { "ԱՐԱՐԱՏ Միրզոյան", "արարատ միրզոյան" },
    { "Երևան", "երեւան" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = captioner_text_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_old_file_unchanged (void)
{
  g_autofree char *path = data_path ("people.txt");
  g_autoptr(CaptionerPeopleDirectory) directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;
  const char *remembered[] = { "Hakan Fidan", "Jeyhun Bayramov", NULL };

  /* As the window wrote it: sorted names, one a line. */
  write_text (path, "Ararat Mirzoyan\nJeyhun Bayramov\n\n  Sergei Lavrov  \nԱրարատ Միրզոյան\n");
  g_assert_true (captioner_people_directory_load (directory, NULL, &error));
  g_assert_no_error (error);
  names = names_of (G_LIST_MODEL (directory));
  g_assert_cmpstr (names, ==, "Ararat Mirzoyan|Jeyhun Bayramov|Sergei Lavrov|Արարատ Միրզոյան");

  /* A save adds the new name and keeps the old lines as they were. */
  g_assert_true (captioner_people_directory_remember (directory, remembered));
  g_assert_true (captioner_people_directory_save (directory, NULL, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_true (g_str_has_prefix (text, "# Captioner people directory"));
  g_assert_nonnull (strstr (text, "\nArarat Mirzoyan\nJeyhun Bayramov\nSergei Lavrov\n"
                                  "Արարատ Միրզոյան\nHakan Fidan\n"));
  g_assert_false (captioner_people_directory_remember (directory, remembered));
}

static void
test_file_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display = NULL;
  g_autofree char *display_hy = NULL;
  g_auto(GStrv) languages = NULL;
  CaptionerContact *mirzoyan, *bayramov;

  contacts = captioner_people_file_parse (summit_file, strlen (summit_file), "summit", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 7);
  g_assert_cmpstr (captioner_contact_get_name (g_ptr_array_index (contacts, 0)), ==,
                   "// not a comment here: a name");

  text = captioner_people_file_format (contacts);
  again = captioner_people_file_parse (text, strlen (text), "again", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 7);
  mirzoyan = g_ptr_array_index (again, 1);
  g_assert_cmpstr (captioner_contact_get_title (mirzoyan), ==, "Armenian Foreign Minister");
  g_assert_cmpstr (captioner_contact_get_short_name (mirzoyan), ==, "Mirzoyan");
  g_assert_cmpstr (captioner_contact_get_code (mirzoyan), ==, "mir");
  g_assert_cmpstr (captioner_contact_get_aliases (mirzoyan)[0], ==, "Mirzojan");
  g_assert_cmpstr (captioner_contact_get_wikidata (mirzoyan), ==,
                   "http://www.wikidata.org/entity/Q4425064");
  g_assert_cmpstr (captioner_contact_get_localized_name (mirzoyan, "hy"), ==,
                   "Արարատ Միրզոյան");
  languages = captioner_contact_dup_languages (mirzoyan);
  g_assert_cmpstr (languages[0], ==, "hy");
  g_assert_null (languages[1]);
  display = captioner_contact_dup_display_name (mirzoyan, NULL);
  g_assert_cmpstr (display, ==, "Armenian Foreign Minister Ararat Mirzoyan");
  display_hy = captioner_contact_dup_display_name (mirzoyan, "hy");
  g_assert_cmpstr (display_hy, ==, "ՀՀ ԱԳ նախարար Արարատ Միրզոյան");
  bayramov = g_ptr_array_index (again, 2);
  g_assert_cmpstr (captioner_contact_get_aliases (bayramov)[1], ==, "Jeyhun Bayramow");
  g_assert_null (captioner_contact_get_aliases (bayramov)[2]);

  /* Columns in another order, as a desk wrote them by hand; unknown ones are skipped. */
  g_clear_pointer (&contacts, g_ptr_array_unref);
  contacts = captioner_people_file_parse (hand_written, strlen (hand_written), "desk", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_contact_get_code (g_ptr_array_index (contacts, 0)), ==, "lav");
  g_assert_cmpstr (captioner_contact_get_title (g_ptr_array_index (contacts, 0)), ==,
                   "Russian Foreign Minister");

  g_clear_pointer (&contacts, g_ptr_array_unref);
  contacts = captioner_people_file_parse ("Ararat\nMirz\xC3\n", 13, "/desk/people.txt", &error);
  g_assert_null (contacts);
  g_assert_error (error, CAPTIONER_PEOPLE_DIRECTORY_ERROR,
                  CAPTIONER_PEOPLE_DIRECTORY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "/desk/people.txt"));
  g_assert_nonnull (strstr (error->message, "2"));
}

static CaptionerPeopleDirectory *
summit_directory (void)
{
  g_autofree char *path = data_path ("people.txt");
  CaptionerPeopleDirectory *directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GError) error = NULL;

  write_text (path, summit_file);
  g_assert_true (captioner_people_directory_load (directory, NULL, &error));
  g_assert_no_error (error);
  return directory;
}

static void
test_search_ranking (void)
{
  g_autoptr(CaptionerPeopleDirectory) directory = summit_directory ();
  g_autoptr(CaptionerPeopleDirectory) reopened = NULL;
  g_autoptr(GListModel) limited = NULL;
  g_autoptr(GError) error = NULL;

  /* Any part of the name, title, alias or code; case, accents and hyphens do not matter. */
  assert_search (directory, "cavus", "Mevlüt Çavuşoğlu");
  assert_search (directory, "ÇAVUŞ", "Mevlüt Çavuşoğlu");
  assert_search (directory, "bayramow", "Jeyhun Bayramov");
  assert_search (directory, "amirabdol", "Hossein Amir-Abdollahian");
  assert_search (directory, "amir-abd", "Hossein Amir-Abdollahian");
  assert_search (directory, "sergey", "Sergei Lavrov");
  assert_search (directory, "russian min", "Sergei Lavrov");
  assert_search (directory, "lavrov sergei", "Sergei Lavrov");
  /* Armenian matches itself, in either case. */
  assert_search (directory, "Միրզոյան", "Ararat Mirzoyan");
  assert_search (directory, "ԱՐԱՐԱՏ", "Ararat Mirzoyan");
  assert_search (directory, "nobody", "");

  /* Nobody picked yet: alphabetical. */
  assert_search (directory, "turkish", "Hakan Fidan|Mevlüt Çavuşoğlu");
  assert_search (directory, "foreign minister",
                 "Ararat Mirzoyan|Hakan Fidan|Hossein Amir-Abdollahian|Jeyhun Bayramov|"
                 "Mevlüt Çavuşoğlu|Sergei Lavrov");
  /* The person whose code it is comes first. */
  assert_search (directory, "fid", "Hakan Fidan");
  assert_search (directory, "mir", "Ararat Mirzoyan|Hossein Amir-Abdollahian");
  assert_search (directory, "ami", "Hossein Amir-Abdollahian");

  /* Picked last, first. */
  captioner_people_directory_mark_used (directory,
                                        captioner_people_directory_find_by_code (directory, "lav"));
  captioner_people_directory_mark_used (directory,
                                        captioner_people_directory_find_by_code (directory, "bay"));
  assert_search (directory, "foreign minister",
                 "Jeyhun Bayramov|Sergei Lavrov|Ararat Mirzoyan|Hakan Fidan|"
                 "Hossein Amir-Abdollahian|Mevlüt Çavuşoğlu");
  assert_search (directory, "", "Jeyhun Bayramov|Sergei Lavrov|// not a comment here: a name|"
                 "Ararat Mirzoyan|Hakan Fidan|Hossein Amir-Abdollahian|Mevlüt Çavuşoğlu");
  limited = captioner_people_directory_search (directory, "minister", 2);
  g_assert_cmpuint (g_list_model_get_n_items (limited), ==, 2);

  /* Recency is kept for the next session. */
  wait_until_saved (directory);
  reopened = captioner_people_directory_new (NULL, NULL);
  g_assert_true (captioner_people_directory_load (reopened, NULL, &error));
  g_assert_no_error (error);
  assert_search (reopened, "minister",
                 "Jeyhun Bayramov|Sergei Lavrov|Ararat Mirzoyan|Hakan Fidan|"
                 "Hossein Amir-Abdollahian|Mevlüt Çavuşoğlu");
}

static void
test_find_and_codes (void)
{
  g_autoptr(CaptionerPeopleDirectory) directory = summit_directory ();
  g_autoptr(CaptionerReplacements) codes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autofree char *expanded = NULL;
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpstr (captioner_contact_get_name (captioner_people_directory_find_by_code (directory,
                                                                                       "lav")),
                   ==, "Sergei Lavrov");
  /* Codes are case-sensitive. */
  g_assert_null (captioner_people_directory_find_by_code (directory, "LAV"));
  g_assert_cmpstr (captioner_contact_get_name (captioner_people_directory_find (directory,
                                                                               "sergey lavrov")),
                   ==, "Sergei Lavrov");
  g_assert_cmpstr (captioner_contact_get_name (
                     captioner_people_directory_find (directory,
                                                      "Russian Foreign Minister Sergei Lavrov")),
                   ==, "Sergei Lavrov");
  g_assert_null (captioner_people_directory_find (directory, "Lavrov Sergei"));

  display = captioner_people_directory_expand_code ("lav", 1, directory);
  g_assert_cmpstr (display, ==, "Russian Foreign Minister Sergei Lavrov");
  name = captioner_people_directory_expand_code ("lav", 2, directory);
  g_assert_cmpstr (name, ==, "Sergei Lavrov");

  /* What `captioner-cli set` runs on every text option. */
  codes = captioner_desk_load_codes (NULL, 0, directory, NULL, NULL, &error);
  g_assert_no_error (error);
  expanded = captioner_desk_expand_codes (codes, "=lav=@0.1,0.2,0.1,0.3", &unknown);
  g_assert_cmpstr (expanded, ==, "Russian Foreign Minister Sergei Lavrov@0.1,0.2,0.1,0.3");
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
  g_clear_pointer (&expanded, g_free);
  g_clear_pointer (&unknown, g_strfreev);
  expanded = captioner_desk_expand_codes (codes, "=bay#2= and =lav#3= with =xyz=", &unknown);
  g_assert_cmpstr (expanded, ==, "Jeyhun Bayramov and Lavrov with =xyz=");
  g_assert_cmpstr (unknown[0], ==, "=xyz=");
  g_assert_null (unknown[1]);
}

static void
test_user_wins_over_desk (void)
{
  g_autofree char *user = data_path ("people.txt");
  g_autofree char *tmp = g_dir_make_tmp ("captioner-desk-XXXXXX", NULL);
  g_autofree char *desk1 = g_build_filename (tmp, "one", "people.txt", NULL);
  g_autofree char *desk2 = g_build_filename (tmp, "two", "people.txt", NULL);
  g_autoptr(CaptionerPeopleDirectory) directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GFile) file1 = g_file_new_for_path (desk1);
  g_autoptr(GFile) file2 = g_file_new_for_path (desk2);
  GFile *desks[] = { file1, file2 };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autoptr(CaptionerContact) edit = NULL;
  g_autofree char *desk_text = NULL;
  CaptionerContact *lavrov, *fidan, *added;

  write_text (user, "Sergei Lavrov\tRussian Foreign Minister\n");
  write_text (desk1, "Sergei Lavrov\tRussian FM\t\t\tlav\n"
                     "Hakan Fidan\tTurkish spy chief\t\t\tfid\n");
  write_text (desk2, "Hakan Fidan\tTurkish Foreign Minister\t\t\tfid\n");
  captioner_people_directory_set_desk_files (directory, desks, 2);
  g_assert_true (captioner_people_directory_load (directory, NULL, &error));
  g_assert_no_error (error);

  names = names_of (G_LIST_MODEL (directory));
  g_assert_cmpstr (names, ==, "Hakan Fidan|Sergei Lavrov");
  lavrov = captioner_people_directory_find (directory, "Sergei Lavrov");
  g_assert_cmpstr (captioner_contact_get_title (lavrov), ==, "Russian Foreign Minister");
  g_assert_false (captioner_contact_get_read_only (lavrov));
  /* The loser's code does not pick the winner's entry. */
  g_assert_null (captioner_people_directory_find_by_code (directory, "lav"));
  /* Of two desks, the later. */
  fidan = captioner_people_directory_find_by_code (directory, "fid");
  g_assert_cmpstr (captioner_contact_get_title (fidan), ==, "Turkish Foreign Minister");
  g_assert_true (captioner_contact_get_read_only (fidan));

  /* Editing a desk entry makes the user's own copy; the desk's file is not touched. */
  edit = captioner_contact_copy (fidan);
  captioner_contact_set_short_name (edit, "Fidan");
  added = captioner_people_directory_add (directory, edit);
  g_assert_false (captioner_contact_get_read_only (added));
  g_assert_true (captioner_people_directory_save (directory, NULL, &error));
  g_assert_no_error (error);
  desk_text = read_text (desk2);
  g_assert_cmpstr (desk_text, ==, "Hakan Fidan\tTurkish Foreign Minister\t\t\tfid\n");
  g_assert_cmpstr (captioner_contact_get_short_name (
                     captioner_people_directory_find_by_code (directory, "fid")), ==, "Fidan");

  test_remove_tree (tmp);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Moves the file's time on, as a later write would (not all file systems see two writes in
 * one tick as two). */
static void
touch_later (const char *path,
             guint64     seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_reload_when_changed (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("captioner-desk-XXXXXX", NULL);
  g_autofree char *desk = g_build_filename (tmp, "people.txt", NULL);
  g_autoptr(GFile) desk_file = g_file_new_for_path (desk);
  g_autoptr(CaptionerPeopleDirectory) directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  guint changes = 0;

  write_text (desk, "Sergei Lavrov\n");
  touch_later (desk, 1700000000);
  captioner_people_directory_set_desk_files (directory, &desk_file, 1);
  g_assert_true (captioner_people_directory_load (directory, NULL, &error));
  g_signal_connect (directory, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  /* Nothing changed on disk: nothing is read, the model stays. */
  g_assert_true (captioner_people_directory_load (directory, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 0);

  write_text (desk, "Sergei Lavrov\nHakan Fidan\n");
  touch_later (desk, 1700000100);
  g_assert_true (captioner_people_directory_load (directory, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  names = names_of (G_LIST_MODEL (directory));
  g_assert_cmpstr (names, ==, "Hakan Fidan|Sergei Lavrov");

  /* The share is gone: so are its people. */
  g_assert_cmpint (g_unlink (desk), ==, 0);
  g_assert_true (captioner_people_directory_load (directory, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (directory)), ==, 0);
  test_remove_tree (tmp);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_watch_desk_file (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("captioner-desk-XXXXXX", NULL);
  g_autofree char *desk = g_build_filename (tmp, "people.txt", NULL);
  g_autoptr(GFile) desk_file = g_file_new_for_path (desk);
  g_autoptr(CaptionerPeopleDirectory) directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  gboolean gave_up = FALSE;
  guint timeout;

  write_text (desk, "Sergei Lavrov\n");
  captioner_people_directory_set_desk_files (directory, &desk_file, 1);
  captioner_people_directory_set_watch_files (directory, TRUE);
  g_assert_true (captioner_people_directory_load (directory, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (directory)), ==, 1);

  /* Another editor replaces the desk's file (atomically, as editors save). */
  write_text (desk, "Sergei Lavrov\nHakan Fidan\n");
  touch_later (desk, 1700000200);
  timeout = g_timeout_add_seconds (20, on_timeout_cb, &gave_up);
  while (g_list_model_get_n_items (G_LIST_MODEL (directory)) != 2 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (timeout);
  g_assert_nonnull (captioner_people_directory_find (directory, "Hakan Fidan"));
  test_remove_tree (tmp);
}

static void
test_two_programs_merge (void)
{
  g_autofree char *path = data_path ("people.txt");
  g_autoptr(CaptionerPeopleDirectory) window = captioner_people_directory_new (NULL, NULL);
  g_autoptr(CaptionerPeopleDirectory) cli = captioner_people_directory_new (NULL, NULL);
  g_autoptr(CaptionerPeopleDirectory) after = captioner_people_directory_new (NULL, NULL);
  g_autoptr(CaptionerContact) lavrov = captioner_contact_new ("Sergei Lavrov");
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const char *saved[] = { "Ararat Mirzoyan", NULL };

  write_text (path, "Hakan Fidan\n");
  g_assert_true (captioner_people_directory_load (window, NULL, &error));
  g_assert_true (captioner_people_directory_load (cli, NULL, &error));
  g_assert_no_error (error);

  captioner_contact_set_code (lavrov, "lav");
  captioner_people_directory_add (cli, lavrov);
  g_assert_true (captioner_people_directory_save (cli, NULL, &error));
  g_assert_no_error (error);

  /* The window had not seen the CLI's addition: its save keeps it. */
  captioner_people_directory_remember (window, saved);
  g_assert_true (captioner_people_directory_save (window, NULL, &error));
  g_assert_no_error (error);
  names = names_of (G_LIST_MODEL (window));
  g_assert_cmpstr (names, ==, "Ararat Mirzoyan|Hakan Fidan|Sergei Lavrov");

  g_assert_true (captioner_people_directory_load (after, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (captioner_people_directory_find_by_code (after, "lav"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 3);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_async_and_session (void)
{
  g_autofree char *path = data_path ("people.txt");
  g_autoptr(CaptionerPeopleDirectory) directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(CaptionerPeopleDirectory) reopened = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const char *folder_names[] = { "Hakan Fidan", "Sergei Lavrov", NULL };
  const char *confirmed[] = { "Hakan Fidan", NULL };

  write_text (path, "Sergei Lavrov\n");
  captioner_people_directory_load_async (directory, NULL, on_done_cb, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (captioner_people_directory_load_finish (directory, loaded, &error));
  g_assert_no_error (error);

  /* Names of the folder's photos complete, but are not kept until a save confirms them. */
  captioner_people_directory_add_session_names (directory, folder_names);
  assert_search (directory, "fidan", "Hakan Fidan");
  g_assert_false (captioner_people_directory_has_unsaved_changes (directory));
  captioner_people_directory_remember_async (directory, confirmed, NULL, on_done_cb, &saved);
  while (saved == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (captioner_people_directory_remember_finish (directory, saved, &error));
  g_assert_no_error (error);

  g_assert_true (captioner_people_directory_load (reopened, NULL, &error));
  g_assert_no_error (error);
  names = names_of (G_LIST_MODEL (reopened));
  g_assert_cmpstr (names, ==, "Hakan Fidan|Sergei Lavrov");
}

static void
test_bad_desk_file (void)
{
  g_autofree char *user = data_path ("people.txt");
  g_autofree char *tmp = g_dir_make_tmp ("captioner-desk-XXXXXX", NULL);
  g_autofree char *desk = g_build_filename (tmp, "people.txt", NULL);
  g_autoptr(GFile) desk_file = g_file_new_for_path (desk);
  g_autoptr(CaptionerPeopleDirectory) directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GError) error = NULL;

  write_text (user, "Sergei Lavrov\n");
  write_text (desk, "Hakan Fidan\nBad \xFF name\n");
  captioner_people_directory_set_desk_files (directory, &desk_file, 1);
  g_assert_false (captioner_people_directory_load (directory, NULL, &error));
  g_assert_error (error, CAPTIONER_PEOPLE_DIRECTORY_ERROR,
                  CAPTIONER_PEOPLE_DIRECTORY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, desk));
  g_assert_nonnull (strstr (error->message, "line 2"));
  /* The others load. */
  g_assert_nonnull (captioner_people_directory_find (directory, "Sergei Lavrov"));
  test_remove_tree (tmp);
}

/* A user's file that cannot be read is not replaced by a save. */
static void
test_save_keeps_unreadable_file (void)
{
  g_autofree char *path = data_path ("people.txt");
  g_autoptr(CaptionerPeopleDirectory) directory = captioner_people_directory_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *names[] = { "Hakan Fidan", NULL };

  write_text (path, "Sergei \xFF Lavrov\n");
  g_assert_false (captioner_people_directory_load (directory, NULL, &error));
  g_clear_error (&error);
  g_assert_true (captioner_people_directory_remember (directory, names));
  g_assert_false (captioner_people_directory_save (directory, NULL, &error));
  g_assert_nonnull (strstr (error->message, path));
  text = read_text (path);
  g_assert_cmpstr (text, ==, "Sergei \xFF Lavrov\n");
  /* Still to save, once the file is fixed. */
  g_assert_true (captioner_people_directory_has_unsaved_changes (directory));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/people/fold", test_fold);
  g_test_add_func ("/captioner/people/old-file-unchanged", test_old_file_unchanged);
  g_test_add_func ("/captioner/people/file-round-trip", test_file_round_trip);
  g_test_add_func ("/captioner/people/search-ranking", test_search_ranking);
  g_test_add_func ("/captioner/people/find-and-codes", test_find_and_codes);
  g_test_add_func ("/captioner/people/user-wins-over-desk", test_user_wins_over_desk);
  g_test_add_func ("/captioner/people/reload-when-changed", test_reload_when_changed);
  g_test_add_func ("/captioner/people/watch-desk-file", test_watch_desk_file);
  g_test_add_func ("/captioner/people/two-programs-merge", test_two_programs_merge);
  g_test_add_func ("/captioner/people/async-and-session", test_async_and_session);
  g_test_add_func ("/captioner/people/bad-desk-file", test_bad_desk_file);
  g_test_add_func ("/captioner/people/save-keeps-unreadable-file", test_save_keeps_unreadable_file);
  return g_test_run ();
}
