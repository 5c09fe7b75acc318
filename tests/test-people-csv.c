#include "config.h"

#include <locale.h>
#include <string.h>

#include "captioner-people-csv.h"
#include "captioner-people-directory.h"

/* People to and from spreadsheets (RFC 4180): what goes out comes back the same, quotes,
 * commas, semicolons and other scripts included; a cell a spreadsheet would run as a formula
 * goes out defused and comes back as it was. */

static GListModel *
as_model (GPtrArray *contacts)
{
  GListStore *store = g_list_store_new (CAPTIONER_TYPE_CONTACT);

  g_list_store_splice (store, 0, 0, contacts->pdata, contacts->len);
  return G_LIST_MODEL (store);
}

static void
assert_same_contact (CaptionerContact *a,
                     CaptionerContact *b)
{
  g_auto(GStrv) la = captioner_contact_dup_languages (a);
  g_auto(GStrv) lb = captioner_contact_dup_languages (b);

  g_assert_cmpstr (captioner_contact_get_name (a), ==, captioner_contact_get_name (b));
  g_assert_cmpstr (captioner_contact_get_title (a), ==, captioner_contact_get_title (b));
  g_assert_cmpstr (captioner_contact_get_short_name (a), ==, captioner_contact_get_short_name (b));
  g_assert_cmpstr (captioner_contact_get_code (a), ==, captioner_contact_get_code (b));
  g_assert_true (g_strv_equal (captioner_contact_get_aliases (a),
                               captioner_contact_get_aliases (b)));
  g_assert_true (g_strv_equal (captioner_contact_get_identifiers (a),
                               captioner_contact_get_identifiers (b)));
  g_assert_true (g_strv_equal ((const char * const *) la, (const char * const *) lb));
  for (guint i = 0; la[i] != NULL; i++)
    {
      g_assert_cmpstr (captioner_contact_get_localized_name (a, la[i]), ==,
                       captioner_contact_get_localized_name (b, la[i]));
      g_assert_cmpstr (captioner_contact_get_localized_title (a, la[i]), ==,
                       captioner_contact_get_localized_title (b, la[i]));
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  CaptionerContact *lavrov = captioner_contact_new ("Sergei Lavrov");
  CaptionerContact *quoted = captioner_contact_new ("Dwayne \"The Rock\" Johnson");
  CaptionerContact *formula = captioner_contact_new ("Hakan Fidan");
  const char *aliases[] = { "Sergey Lavrov", "Lavrov, Sergei", NULL };
  const char *ids[] = { "http://www.wikidata.org/entity/Q182575", NULL };

  captioner_contact_set_title (lavrov, "Minister of Foreign Affairs; Russia");
  captioner_contact_set_short_name (lavrov, "Lavrov");
  captioner_contact_set_aliases (lavrov, aliases);
  captioner_contact_set_identifiers (lavrov, ids);
  captioner_contact_set_code (lavrov, "lav");
  captioner_contact_set_localized_name (lavrov, "hy", "Սերգեյ Լավրով");
  captioner_contact_set_localized_title (lavrov, "hy", "ՌԴ ԱԳ նախարար");
  captioner_contact_set_localized_name (lavrov, "ru", "Сергей Лавров");
  captioner_contact_set_title (quoted, "Actor, \"wrestler\"");
  captioner_contact_set_code (formula, "=fid");
  captioner_contact_set_short_name (formula, "+Fidan");
  g_ptr_array_add (contacts, lavrov);
  g_ptr_array_add (contacts, quoted);
  g_ptr_array_add (contacts, formula);

  model = as_model (contacts);
  csv = captioner_people_csv_format (model);
  g_assert_true (g_str_has_prefix (csv, "name,title,short,aliases,code,identifiers,name:hy,"
                                        "title:hy,name:ru,title:ru\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n\"Dwayne \"\"The Rock\"\" Johnson\",\"Actor, "
                                 "\"\"wrestler\"\"\","));
  g_assert_nonnull (strstr (csv, "\"Sergey Lavrov | Lavrov, Sergei\""));
  /* Defused for spreadsheets. */
  g_assert_nonnull (strstr (csv, "\"'+Fidan\",,\"'=fid\""));

  again = captioner_people_csv_parse (csv, strlen (csv), "people.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_same_contact (g_ptr_array_index (contacts, i), g_ptr_array_index (again, i));
}

static void
test_spreadsheet_files (void)
{
  /* As a spreadsheet saves it: a byte order mark, columns in its own order, a line break
   * inside a cell (a person's fields are one line: it becomes a space), LF line ends, an
   * empty row, a column we do not know. */
  static const char sheet[] =
    "\xEF\xBB\xBF" "Code,Name,Phone,Title\n"
    "lav,Sergei Lavrov,+7 495,\"Russian Foreign\nMinister\"\n"
    "\n"
    ",,,\n"
    "fid,\"Hakan Fidan\",,Turkish Foreign Minister\n";
  /* Semicolons, as spreadsheets in many locales write CSV, and no header: the columns in the
   * documented order. */
  static const char semicolons[] = "Ararat Mirzoyan;Armenian Foreign Minister;Mirzoyan\r\n";
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  contacts = captioner_people_csv_parse (sheet, strlen (sheet), "sheet.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (captioner_contact_get_name (g_ptr_array_index (contacts, 0)), ==,
                   "Sergei Lavrov");
  g_assert_cmpstr (captioner_contact_get_title (g_ptr_array_index (contacts, 0)), ==,
                   "Russian Foreign Minister");
  g_assert_cmpstr (captioner_contact_get_code (g_ptr_array_index (contacts, 1)), ==, "fid");

  g_clear_pointer (&contacts, g_ptr_array_unref);
  contacts = captioner_people_csv_parse (semicolons, strlen (semicolons), "eu.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (captioner_contact_get_title (g_ptr_array_index (contacts, 0)), ==,
                   "Armenian Foreign Minister");
  g_assert_cmpstr (captioner_contact_get_short_name (g_ptr_array_index (contacts, 0)), ==,
                   "Mirzoyan");
}

static void
test_bad_csv (void)
{
  static const char unclosed[] = "name,title\nSergei Lavrov,\"Russian\nForeign Minister\n";
  static const char latin1[] = "name\nMevl\xFCt\n";
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  contacts = captioner_people_csv_parse (unclosed, strlen (unclosed), "/tmp/people.csv", &error);
  g_assert_null (contacts);
  g_assert_error (error, CAPTIONER_PEOPLE_DIRECTORY_ERROR,
                  CAPTIONER_PEOPLE_DIRECTORY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "/tmp/people.csv: line 2: a quoted cell is not closed");
  g_clear_error (&error);

  contacts = captioner_people_csv_parse (latin1, strlen (latin1), "/tmp/latin1.csv", &error);
  g_assert_null (contacts);
  g_assert_cmpstr (error->message, ==, "/tmp/latin1.csv: line 2 is not UTF-8 text");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/people-csv/round-trip", test_round_trip);
  g_test_add_func ("/captioner/people-csv/spreadsheet-files", test_spreadsheet_files);
  g_test_add_func ("/captioner/people-csv/bad", test_bad_csv);
  return g_test_run ();
}
