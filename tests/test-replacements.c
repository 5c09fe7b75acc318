#include "config.h"

#include <locale.h>
#include <string.h>

#include "captioner-replacements.h"
#include "test-util.h"

/* Code replacements as a Photo Mechanic user has them: their files load unchanged, "=lav="
 * expands when the closing "=" is typed (in the body, a name entry or a CLI option), "#2"
 * picks the second column, and a code nobody knows stays as typed for the editor to see. */

/* A file as a desk keeps it: a byte order mark, comments, CRLF line ends, extra columns, an
 * empty column, a line without a TAB, Armenian text. */
static const char desk_codes[] =
  "\xEF\xBB\xBF"
  "// 3+3 summit, Tehran\r\n"
  "//\tcode\treplacement\tsecond\r\n"
  "lav\tRussian Foreign Minister Sergei Lavrov\tSergei Lavrov\tLavrov\r\n"
  "LAV\tLAVROV IN CAPITALS\r\n"
  "mir\tArmenian Foreign Minister Ararat Mirzoyan\tՀՀ ԱԳ նախարար Արարատ Միրզոյան\r\n"
  "teh\tTehran\t\tthe Iranian capital\r\n"
  "a notes line without a tab\r\n"
  "\r\n"
  "   \r\n"
  "ереван\tԵրևան\r\n"
  "3+3\t3+3 Regional platform\t\t\r\n";

static CaptionerReplacements *
desk_replacements (void)
{
  CaptionerReplacements *codes = captioner_replacements_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (captioner_replacements_load_data (codes, desk_codes, strlen (desk_codes),
                                                   "desk.txt", &error));
  g_assert_no_error (error);
  return codes;
}

static void
assert_resolves (CaptionerReplacements *codes,
                 const char            *code,
                 const char            *expected)
{
  g_autofree char *got = captioner_replacements_resolve (codes, code);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_photo_mechanic_file (void)
{
  g_autoptr(CaptionerReplacements) codes = desk_replacements ();

  g_assert_cmpuint (captioner_replacements_get_n_codes (codes), ==, 6);
  assert_resolves (codes, "lav", "Russian Foreign Minister Sergei Lavrov");
  assert_resolves (codes, "lav#1", "Russian Foreign Minister Sergei Lavrov");
  assert_resolves (codes, "lav#2", "Sergei Lavrov");
  assert_resolves (codes, "lav#3", "Lavrov");
  assert_resolves (codes, "lav#4", NULL);
  /* Case-sensitive. */
  assert_resolves (codes, "LAV", "LAVROV IN CAPITALS");
  assert_resolves (codes, "Lav", NULL);
  assert_resolves (codes, "mir#2", "ՀՀ ԱԳ նախարար Արարատ Միրզոյան");
  assert_resolves (codes, "ереван", "Երևան");
  /* An empty column is no replacement; the one after it is still the third. */
  assert_resolves (codes, "teh#2", NULL);
  assert_resolves (codes, "teh#3", "the Iranian capital");
  assert_resolves (codes, "3+3", "3+3 Regional platform");
  /* Comments are not codes. */
  assert_resolves (codes, "//", NULL);
}

static void
test_expand_text (void)
{
  g_autoptr(CaptionerReplacements) codes = desk_replacements ();
  g_autoptr(GArray) unknown = NULL;
  g_auto(GStrv) typed = NULL;
  g_autofree char *text = NULL;

  text = captioner_replacements_expand (codes,
                                        "From left, =mir= and =lav= pose during the =3+3= "
                                        "summit in =teh=. =xyz= 2+2=4, a = b, ==, =lav",
                                        &unknown);
  g_assert_cmpstr (text, ==,
                   "From left, Armenian Foreign Minister Ararat Mirzoyan and Russian Foreign "
                   "Minister Sergei Lavrov pose during the 3+3 Regional platform summit in "
                   "Tehran. =xyz= 2+2=4, a = b, ==, =lav");
  /* "=xyz=" stays and is marked; "2+2=4, a = b" and "==" hold no code (a code has no
   * space in it and is not empty), nor does "=lav" without its closing "=". */
  typed = captioner_code_spans_dup_text (text, unknown);
  g_assert_cmpuint (g_strv_length (typed), ==, 1);
  g_assert_cmpstr (typed[0], ==, "=xyz=");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&unknown, g_array_unref);
  g_clear_pointer (&typed, g_strfreev);

  /* Alternates, Armenian around and in codes; spans count characters. */
  text = captioner_replacements_expand (codes, "Հանդիպում =mir#2= հետ, =ереван=, =նոր=",
                                        &unknown);
  g_assert_cmpstr (text, ==, "Հանդիպում ՀՀ ԱԳ նախարար Արարատ Միրզոյան հետ, Երևան, =նոր=");
  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_cmpint (g_array_index (unknown, CaptionerCodeSpan, 0).start, ==,
                   g_utf8_strlen ("Հանդիպում ՀՀ ԱԳ նախարար Արարատ Միրզոյան հետ, Երևան, ", -1));
  g_assert_cmpint (g_array_index (unknown, CaptionerCodeSpan, 0).end, ==,
                   g_utf8_strlen (text, -1));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&unknown, g_array_unref);

  /* An unknown code's closing "=" opens the next one, as typing it would. */
  text = captioner_replacements_expand (codes, "=foo=lav=", &unknown);
  g_assert_cmpstr (text, ==, "=fooRussian Foreign Minister Sergei Lavrov");
  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_cmpint (g_array_index (unknown, CaptionerCodeSpan, 0).end, ==, 4);
}

static void
assert_at (CaptionerReplacements  *codes,
           const char             *text,
           int                     cursor,
           CaptionerExpansionKind  kind,
           const char             *new_text,
           int                     new_cursor)
{
  CaptionerExpansion expansion;

  g_assert_cmpint (captioner_replacements_expand_at (codes, text, cursor, &expansion), ==, kind);
  g_assert_cmpint (expansion.kind, ==, kind);
  g_assert_cmpstr (expansion.text, ==, new_text);
  if (kind == CAPTIONER_EXPANSION_EXPANDED)
    g_assert_cmpint (expansion.cursor, ==, new_cursor);
  captioner_expansion_clear (&expansion);
}

static void
test_expand_at_cursor (void)
{
  g_autoptr(CaptionerReplacements) codes = desk_replacements ();
  CaptionerExpansion expansion;
  const char *body = "Հայ =mir#2= բ";

  /* At the end, as the closing "=" is typed in a name entry. */
  assert_at (codes, "=lav=", 5, CAPTIONER_EXPANSION_EXPANDED,
             "Russian Foreign Minister Sergei Lavrov", 38);
  /* In the middle of the body; offsets are characters. */
  assert_at (codes, "From left, =lav= and", 16, CAPTIONER_EXPANSION_EXPANDED,
             "From left, Russian Foreign Minister Sergei Lavrov and", 49);
  assert_at (codes, body, 11, CAPTIONER_EXPANSION_EXPANDED,
             "Հայ ՀՀ ԱԳ նախարար Արարատ Միրզոյան բ", 33);
  /* The opening "=" typed, or the code half typed: nothing yet. */
  assert_at (codes, "From left, =", 12, CAPTIONER_EXPANSION_NONE, NULL, 0);
  assert_at (codes, "From left, =la", 14, CAPTIONER_EXPANSION_NONE, NULL, 0);
  /* Not codes: "=" with a space, "==", an equation. */
  assert_at (codes, "a = b =", 7, CAPTIONER_EXPANSION_NONE, NULL, 0);
  assert_at (codes, "==", 2, CAPTIONER_EXPANSION_NONE, NULL, 0);
  assert_at (codes, "x=", 2, CAPTIONER_EXPANSION_NONE, NULL, 0);
  /* Cursor out of range. */
  assert_at (codes, "=lav=", 9, CAPTIONER_EXPANSION_NONE, NULL, 0);

  /* Unknown: stays, and the span says where to mark it. */
  g_assert_cmpint (captioner_replacements_expand_at (codes, "Մենք =xyz= ", 10, &expansion), ==,
                   CAPTIONER_EXPANSION_UNKNOWN);
  g_assert_cmpint (expansion.span.start, ==, 5);
  g_assert_cmpint (expansion.span.end, ==, 10);
  g_assert_null (expansion.text);
  captioner_expansion_clear (&expansion);

  g_assert_cmpint (captioner_replacements_expand_at (codes, "ab =lav=cd", 8, &expansion), ==,
                   CAPTIONER_EXPANSION_EXPANDED);
  g_assert_cmpint (expansion.span.start, ==, 3);
  g_assert_cmpint (expansion.span.end, ==, 8);
  g_assert_cmpstr (expansion.replacement, ==, "Russian Foreign Minister Sergei Lavrov");
  captioner_expansion_clear (&expansion);
}

static char *
write_codes (const char *dir,
             const char *name,
             const char *text,
             gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_last_file_wins (void)
{
  g_autofree char *dir = g_dir_make_tmp ("captioner-codes-XXXXXX", NULL);
  g_autofree char *a = write_codes (dir, "a.txt", "lav\tfrom a\nmir\tMirzoyan\n", -1);
  g_autofree char *b = write_codes (dir, "b.txt", "// b\nlav\tfrom b\n", -1);
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  GFile *ab[] = { fa, fb };
  GFile *ba[] = { fb, fa };
  g_autoptr(CaptionerReplacements) first = NULL;
  g_autoptr(CaptionerReplacements) second = NULL;
  g_autoptr(GError) error = NULL;

  first = captioner_replacements_new_for_files (ab, 2, NULL, &error);
  g_assert_no_error (error);
  assert_resolves (first, "lav", "from b");
  assert_resolves (first, "mir", "Mirzoyan");
  second = captioner_replacements_new_for_files (ba, 2, NULL, &error);
  g_assert_no_error (error);
  assert_resolves (second, "lav", "from a");
  test_remove_tree (dir);
}

static void
test_encodings_and_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("captioner-codes-XXXXXX", NULL);
  /* "lav\tLavrov\n" in UTF-16LE with its byte order mark, as Windows Notepad saves. */
  static const char utf16[] = "\xFF\xFE" "l\0a\0v\0\t\0L\0a\0v\0r\0o\0v\0\n\0";
  g_autofree char *wide = write_codes (dir, "wide.txt", utf16, sizeof utf16 - 1);
  g_autofree char *latin1 = write_codes (dir, "latin1.txt", "ok\tfine\ncav\tCavu\xFEoglu\n", -1);
  g_autoptr(GFile) fwide = g_file_new_for_path (wide);
  g_autoptr(GFile) flatin1 = g_file_new_for_path (latin1);
  g_autoptr(GFile) missing = g_file_new_build_filename (dir, "missing.txt", NULL);
  g_autoptr(CaptionerReplacements) codes = captioner_replacements_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: line 2 is not UTF-8 text", latin1);

  g_assert_true (captioner_replacements_load_file (codes, fwide, NULL, &error));
  g_assert_no_error (error);
  assert_resolves (codes, "lav", "Lavrov");

  g_assert_false (captioner_replacements_load_file (codes, flatin1, NULL, &error));
  g_assert_error (error, CAPTIONER_REPLACEMENTS_ERROR, CAPTIONER_REPLACEMENTS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_false (captioner_replacements_load_file (codes, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.txt"));
  test_remove_tree (dir);
}

static char *
lookup_person (const char *code,
               guint       alternate,
               gpointer    user_data)
{
  (*(guint *) user_data)++;
  if (g_str_equal (code, "fid"))
    return g_strdup (alternate == 1 ? "Turkish Foreign Minister Hakan Fidan" :
                     alternate == 2 ? "Hakan Fidan" : NULL);
  if (g_str_equal (code, "lav"))
    return g_strdup ("the directory's Lavrov");
  return NULL;
}

static void
test_delimiter_and_lookup (void)
{
  g_autoptr(CaptionerReplacements) codes = desk_replacements ();
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;
  guint asked = 0;

  captioner_replacements_set_lookup (codes, lookup_person, &asked, NULL);
  /* The files first, then the directory. */
  text = captioner_replacements_expand (codes, "=lav= and =fid= (=fid#2=, =fid#3=)", NULL);
  g_assert_cmpstr (text, ==, "Russian Foreign Minister Sergei Lavrov and Turkish Foreign "
                             "Minister Hakan Fidan (Hakan Fidan, =fid#3=)");
  g_assert_cmpuint (asked, >, 0);

  captioner_replacements_set_delimiter (codes, "§");
  g_assert_cmpstr (captioner_replacements_get_delimiter (codes), ==, "§");
  other = captioner_replacements_expand (codes, "§lav§ =lav=", NULL);
  g_assert_cmpstr (other, ==, "Russian Foreign Minister Sergei Lavrov =lav=");
  captioner_replacements_set_lookup (codes, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/captioner/replacements/photo-mechanic-file", test_photo_mechanic_file);
  g_test_add_func ("/captioner/replacements/expand-text", test_expand_text);
  g_test_add_func ("/captioner/replacements/expand-at-cursor", test_expand_at_cursor);
  g_test_add_func ("/captioner/replacements/last-file-wins", test_last_file_wins);
  g_test_add_func ("/captioner/replacements/encodings-and-errors", test_encodings_and_errors);
  g_test_add_func ("/captioner/replacements/delimiter-and-lookup", test_delimiter_and_lookup);
  return g_test_run ();
}
