#include "config.h"

#include <locale.h>
#include <string.h>

#include "captioner-caption-check.h"
#include "captioner-contact.h"
#include "captioner-metadata.h"
#include "captioner-people-directory.h"
#include "captioner-person.h"
#include "captioner-spell.h"

/* Spelling as the editor sees it: a misspelled word is flagged with a suggestion, while the
 * people's names, codes, wire slugs and numbers never are, in English and in Armenian. The
 * dictionaries are the Debian packages hunspell-en-us and myspell-hy. */

static CaptionerSpeller *
speller (const char *language)
{
  g_autoptr(GError) error = NULL;
  CaptionerSpeller *speller = captioner_speller_new (language, &error);

  g_assert_no_error (error);
  return speller;
}

/* The misspelled words of @text, "word@start-end" in characters, joined by spaces. */
static char *
flagged (CaptionerSpeller   *self,
         const char         *text,
         const char * const *names)
{
  g_autoptr(GPtrArray) misspellings = captioner_speller_check (self, text, names);
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < misspellings->len; i++)
    {
      CaptionerMisspelling *m = g_ptr_array_index (misspellings, i);

      g_assert_cmpint (g_utf8_strlen (m->word, -1), ==, m->end - m->start);
      g_assert_cmpint (strncmp (text + m->start_byte, m->word, m->end_byte - m->start_byte), ==, 0);
      g_string_append_printf (words, "%s%s@%d-%d", i ? " " : "", m->word, m->start, m->end);
    }
  return g_string_free (words, FALSE);
}

static void
test_english (void)
{
  g_autoptr(CaptionerSpeller) self = speller ("en");
  g_autofree char *plain = NULL;
  g_autofree char *skipped = NULL;
  g_auto(GStrv) suggestions = NULL;

  g_assert_cmpstr (captioner_speller_get_language (self), ==, "en_US");
  plain = flagged (self, "Ministers pose for a photo during the secnd summit in Tehran.", NULL);
  g_assert_cmpstr (plain, ==, "secnd@38-43");
  suggestions = captioner_speller_suggest (self, "secnd", 3);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "second"));

  /* Capitals, numbers, codes and addresses are not words to check. */
  skipped = flagged (self, "IRAN-CAUCASUS/MEETING the 3+3 platform, 24MP =lav= xq@example.org "
                           "www.qwzx.org REUTERS.", NULL);
  g_assert_cmpstr (skipped, ==, "");
}

static void
test_names (void)
{
  g_autoptr(CaptionerSpeller) self = speller ("en");
  const char *text = "Jeyhun Bayramov, Hossein Amir-Abdollahian and Lavrov’s host pose.";
  const char *people[] = { "Hossein Amir-Abdollahian", NULL };
  g_autofree char *unknown = flagged (self, text, NULL);
  g_autofree char *tagged = NULL;
  g_autofree char *known = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/people.txt");
  g_autoptr(CaptionerPeopleDirectory) directory = NULL;
  g_autoptr(CaptionerContact) contact = captioner_contact_new ("Jeyhun Bayramov");
  g_autoptr(CaptionerContact) lavrov = captioner_contact_new ("Sergei Lavrov");

  g_assert_cmpstr (unknown, ==, "Jeyhun@0-6 Bayramov@7-15 Hossein@17-24 Amir-Abdollahian@25-41 "
                              "Lavrov’s@46-54");
  /* The photo's people... */
  tagged = flagged (self, text, people);
  g_assert_cmpstr (tagged, ==, "Jeyhun@0-6 Bayramov@7-15 Lavrov’s@46-54");
  /* ... and the directory's, with a possessive. */
  directory = captioner_people_directory_new (file, NULL);
  captioner_people_directory_add (directory, contact);
  captioner_people_directory_add (directory, lavrov);
  captioner_people_directory_teach_speller (directory, self);
  known = flagged (self, text, people);
  g_assert_cmpstr (known, ==, "");
}

static void
test_add_word (void)
{
  g_autoptr(CaptionerSpeller) self = speller ("en");
  g_autoptr(CaptionerSpeller) later = NULL;
  g_autofree char *before = flagged (self, "the zhqwx meets", NULL);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpstr (before, ==, "zhqwx@4-9");
  captioner_speller_add_word (self, "zhqwx");
  after = flagged (self, "the zhqwx meets", NULL);
  g_assert_cmpstr (after, ==, "");
  /* Kept in the user's word list, for the next session too. */
  later = speller ("en");
  again = flagged (later, "the zhqwx meets", NULL);
  g_assert_cmpstr (again, ==, "");
}

static void
test_armenian (void)
{
  g_autoptr(CaptionerSpeller) self = speller ("hy");
  const char *text = "Ռուսաստանի արտաքին գործերի նախարար Սերգեյ Լավրովը և Թուրքիայի ագտաքին "
                     "գործերի նախարարը Tehran summitt.";
  const char *people[] = { "Սերգեյ Լավրով", NULL };
  g_autofree char *words = NULL;

  g_assert_cmpstr (captioner_speller_get_language (self), ==, "hy_AM");
  /* "և" is right; Lavrov with the article is a name; an English word goes to English. */
  words = flagged (self, text, people);
  g_assert_cmpstr (words, ==, "ագտաքին@62-69 summitt@94-101");
}

static void
test_findings (void)
{
  g_autoptr(CaptionerSpeller) self = speller (NULL);
  g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
  CaptionerRect box = { 0.1, 0.3, 0.15, 0.2 };
  g_autoptr(GPtrArray) findings = NULL;
  CaptionerFinding *finding;

  g_ptr_array_add (md->people, captioner_person_new_displayed ("Hakan Fidan", &box, 1));
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION_BODY, "Fidan arives in Ankara.");
  captioner_metadata_set (md, CAPTIONER_FIELD_HEADLINE, "Fidan in Ankara");
  findings = captioner_speller_check_metadata (self, md);
  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (finding->kind, ==, CAPTIONER_CHECK_SPELLING);
  g_assert_cmpint (finding->field, ==, CAPTIONER_FIELD_CAPTION_BODY);
  g_assert_cmpstr (finding->message, ==, "Caption: “arives” may be misspelled (arrives?)");
}

static void
test_no_dictionary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerSpeller) self = captioner_speller_new ("qx", &error);

  g_assert_null (self);
  g_assert_error (error, CAPTIONER_SPELL_ERROR, CAPTIONER_SPELL_ERROR_NO_DICTIONARY);
  g_assert_cmpstr (error->message, ==, "No spelling dictionary for “qx” is installed");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/spell/english", test_english);
  g_test_add_func ("/spell/names", test_names);
  g_test_add_func ("/spell/add-word", test_add_word);
  g_test_add_func ("/spell/armenian", test_armenian);
  g_test_add_func ("/spell/findings", test_findings);
  g_test_add_func ("/spell/no-dictionary", test_no_dictionary);
  return g_test_run ();
}
