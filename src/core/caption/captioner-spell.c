#define G_LOG_DOMAIN "captioner-spell"

#include "config.h"

#include <enchant.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "captioner-caption-check.h"
#include "captioner-person.h"
#include "captioner-spell.h"

/* A word in the text: where it is and whether it may be checked at all. */
typedef struct
{
  const char *start;
  const char *end;
} Word;

/* The dictionary a script's words go to when the caption's language is another script's. */
static const struct
{
  GUnicodeScript  script;
  const char     *tag;
} script_dictionaries[] = {
  { G_UNICODE_SCRIPT_LATIN,    "en_US" },
  { G_UNICODE_SCRIPT_ARMENIAN, "hy_AM" },
  { G_UNICODE_SCRIPT_CYRILLIC, "ru_RU" },
};

struct _CaptionerSpeller
{
  GObject         parent_instance;

  EnchantBroker  *broker;
  char           *language;     /* the main dictionary's tag */
  GUnicodeScript  script;       /* the main dictionary's script */
  GHashTable     *dictionaries; /* GUnicodeScript → EnchantDict*, owned by the broker */
  GHashTable     *known;        /* normalised words that are never flagged */
};

G_DEFINE_FINAL_TYPE (CaptionerSpeller, captioner_speller, G_TYPE_OBJECT)

G_DEFINE_QUARK (captioner-spell-error-quark, captioner_spell_error)

void
captioner_misspelling_free (CaptionerMisspelling *misspelling)
{
  if (misspelling == NULL)
    return;
  g_free (misspelling->word);
  g_free (misspelling);
}

static gboolean
is_letter (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2011;
}

/* The spelling enchant checks: typographic apostrophes as ASCII ones, the Armenian ligature
 * "և" as the two letters "եւ". */
static char *
normalise (const char *start,
           const char *end)
{
  GString *word = g_string_sized_new (end - start);

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019)
        g_string_append_c (word, '\'');
      else if (c == 0x0587)
        g_string_append (word, "եւ");
      else
        g_string_append_unichar (word, c);
    }
  return g_string_free (word, FALSE);
}

/* A white-space separated chunk that is not prose: a code, an e-mail or web address. */
static gboolean
is_not_prose (const char *start,
              const char *end)
{
  g_autofree char *chunk = g_strndup (start, end - start);
  const char *first_delimiter = strchr (chunk, '=');

  return strchr (chunk, '@') != NULL || strstr (chunk, "://") != NULL ||
         strstr (chunk, "www.") != NULL ||
         (first_delimiter != NULL && strchr (first_delimiter + 1, '=') != NULL);
}

static gboolean
is_capitals (const char *start,
             const char *end)
{
  guint letters = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters += g_unichar_isupper (c);
    }
  return letters >= 2;
}

/* The words of @text that a speller may check, in order. */
static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  while (*p != '\0')
    {
      const char *chunk = p;
      const char *chunk_end;

      while (*chunk != '\0' && g_unichar_isspace (g_utf8_get_char (chunk)))
        chunk = g_utf8_next_char (chunk);
      for (chunk_end = chunk;
           *chunk_end != '\0' && !g_unichar_isspace (g_utf8_get_char (chunk_end));
           chunk_end = g_utf8_next_char (chunk_end))
        ;
      p = chunk_end;
      if (chunk == chunk_end || is_not_prose (chunk, chunk_end))
        continue;

      for (const char *q = chunk; q < chunk_end;)
        {
          Word word = { q, q };
          gboolean by_digit = FALSE;
          const char *next;

          if (!is_letter (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              continue;
            }
          if (q > chunk && g_unichar_isdigit (g_utf8_get_char (g_utf8_prev_char (q))))
            by_digit = TRUE;
          while (word.end < chunk_end)
            {
              gunichar c = g_utf8_get_char (word.end);

              next = g_utf8_next_char (word.end);
              if (is_letter (c))
                word.end = next;
              else if (is_joiner (c) && next < chunk_end && is_letter (g_utf8_get_char (next)))
                word.end = next;
              else
                break;
            }
          if (word.end < chunk_end && g_unichar_isdigit (g_utf8_get_char (word.end)))
            by_digit = TRUE;
          q = word.end;
          if (!by_digit && !is_capitals (word.start, word.end))
            g_array_append_val (words, word);
        }
    }
  return words;
}

static GUnicodeScript
word_script (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
        return script;
    }
  return G_UNICODE_SCRIPT_COMMON;
}

static void
add_known_words (GHashTable *known,
                 const char *text)
{
  g_autoptr(GArray) words = NULL;

  if (text == NULL)
    return;
  words = split_words (text);
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = &g_array_index (words, Word, i);
      char *normal = normalise (word->start, word->end);

      g_hash_table_add (known, normal);
      /* "Amir-Abdollahian" is also "Amir" and "Abdollahian" in a caption. */
      if (strchr (normal, '-') != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (normal, "-", -1);

          for (guint p = 0; parts[p] != NULL; p++)
            g_hash_table_add (known, g_strdup (parts[p]));
        }
    }
}

/* A known name as it stands in a sentence: "Lavrov's", "Լավրովը", "Լավրովի", "Լավրովից". */
static gboolean
is_known (GHashTable *known,
          const char *word)
{
  gsize length = strlen (word);

  if (g_hash_table_contains (known, word))
    return TRUE;
  if (length > 2 && g_str_has_suffix (word, "'s"))
    {
      g_autofree char *stem = g_strndup (word, length - 2);

      return g_hash_table_contains (known, stem);
    }
  if (word_script (word) == G_UNICODE_SCRIPT_ARMENIAN)
    {
      const char *end = word + length;

      /* Up to three letters of case ending and article. */
      for (guint cut = 1; cut <= 3 && end > word; cut++)
        {
          g_autofree char *stem = NULL;

          end = g_utf8_prev_char (end);
          stem = g_strndup (word, end - word);
          if (g_hash_table_contains (known, stem))
            return TRUE;
        }
    }
  return FALSE;
}

static EnchantDict *
dictionary_for (CaptionerSpeller *self,
                const char       *word)
{
  GUnicodeScript script = word_script (word);

  return g_hash_table_lookup (self->dictionaries, GINT_TO_POINTER (script));
}

static gboolean
word_is_right (CaptionerSpeller *self,
               EnchantDict      *dictionary,
               const char       *word)
{
  if (enchant_dict_check (dictionary, word, -1) == 0)
    return TRUE;
  /* Compounds the dictionary lacks whole, with every part right ("pre-summit"). */
  if (strchr (word, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (word, "-", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        if (*parts[p] != '\0' && !is_known (self->known, parts[p]) &&
            enchant_dict_check (dictionary, parts[p], -1) != 0)
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* The dictionary tags to try for a language: "hy" → hy_AM, hy; "en-GB" → en_GB, en. */
static GStrv
tags_for (const char *language)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *tag = g_strdelimit (g_strdup (language), "-", '_');
  g_autofree char *base = g_strndup (tag, strcspn (tag, "_"));

  if (strchr (tag, '_') != NULL)
    g_strv_builder_add (builder, tag);
  for (guint i = 0; i < G_N_ELEMENTS (script_dictionaries); i++)
    if (strncmp (script_dictionaries[i].tag, base, strlen (base)) == 0 &&
        script_dictionaries[i].tag[strlen (base)] == '_')
      g_strv_builder_add (builder, script_dictionaries[i].tag);
  g_strv_builder_add (builder, base);
  return g_strv_builder_end (builder);
}

/* Enchant's aspell provider keeps process-wide lists it does not lock: two brokers opening
 * or freeing dictionaries at once (the window's assists read again in a thread while the
 * first read still runs) crash it. Every broker call goes under this lock. */
static GRecMutex broker_lock;   /* recursive: a speller that fails is freed inside */

static EnchantDict *
request (EnchantBroker *broker,
         const char    *tag)
{
  if (!enchant_broker_dict_exists (broker, tag))
    return NULL;
  return enchant_broker_request_dict (broker, tag);
}

static void
captioner_speller_finalize (GObject *object)
{
  CaptionerSpeller *self = CAPTIONER_SPELLER (object);
  GHashTableIter iter;
  gpointer dictionary;

  g_rec_mutex_lock (&broker_lock);
  g_hash_table_iter_init (&iter, self->dictionaries);
  while (g_hash_table_iter_next (&iter, NULL, &dictionary))
    enchant_broker_free_dict (self->broker, dictionary);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);
  g_rec_mutex_unlock (&broker_lock);
  g_hash_table_unref (self->dictionaries);
  g_hash_table_unref (self->known);
  g_free (self->language);
  G_OBJECT_CLASS (captioner_speller_parent_class)->finalize (object);
}

static void
captioner_speller_class_init (CaptionerSpellerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = captioner_speller_finalize;
}

static void
captioner_speller_init (CaptionerSpeller *self)
{
  self->dictionaries = g_hash_table_new (NULL, NULL);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static CaptionerSpeller *
speller_new_locked (const char  *language,
                    GError     **error)
{
  g_autoptr(CaptionerSpeller) self = g_object_new (CAPTIONER_TYPE_SPELLER, NULL);
  g_auto(GStrv) tags = NULL;
  EnchantDict *main_dictionary = NULL;

  if (language == NULL || *language == '\0' || g_strcmp0 (language, "x-default") == 0)
    language = "en";
  self->broker = enchant_broker_init ();
  /* The dictionaries the issue names are hunspell's; aspell's English is there too. */
  enchant_broker_set_ordering (self->broker, "*", "hunspell,nuspell,aspell");
  tags = tags_for (language);
  for (guint i = 0; tags[i] != NULL && main_dictionary == NULL; i++)
    if ((main_dictionary = request (self->broker, tags[i])) != NULL)
      self->language = g_strdup (tags[i]);
  if (main_dictionary == NULL)
    {
      g_set_error (error, CAPTIONER_SPELL_ERROR, CAPTIONER_SPELL_ERROR_NO_DICTIONARY,
                   /* TRANSLATORS: %s is a language code such as "en" or "hy" */
                   _("No spelling dictionary for “%s” is installed"), language);
      return NULL;
    }
  self->script = G_UNICODE_SCRIPT_LATIN;
  for (guint i = 0; i < G_N_ELEMENTS (script_dictionaries); i++)
    if (strncmp (script_dictionaries[i].tag, self->language, 2) == 0)
      self->script = script_dictionaries[i].script;
  g_hash_table_insert (self->dictionaries, GINT_TO_POINTER (self->script), main_dictionary);
  for (guint i = 0; i < G_N_ELEMENTS (script_dictionaries); i++)
    {
      EnchantDict *other;

      if (script_dictionaries[i].script == self->script ||
          (other = request (self->broker, script_dictionaries[i].tag)) == NULL)
        continue;
      g_hash_table_insert (self->dictionaries, GINT_TO_POINTER (script_dictionaries[i].script),
                           other);
    }
  return g_steal_pointer (&self);
}

CaptionerSpeller *
captioner_speller_new (const char  *language,
                       GError     **error)
{
  CaptionerSpeller *speller;

  g_rec_mutex_lock (&broker_lock);
  speller = speller_new_locked (language, error);
  g_rec_mutex_unlock (&broker_lock);
  return speller;
}

const char *
captioner_speller_get_language (CaptionerSpeller *self)
{
  g_return_val_if_fail (CAPTIONER_IS_SPELLER (self), NULL);
  return self->language;
}

void
captioner_speller_add_known (CaptionerSpeller *self,
                             const char       *text)
{
  g_return_if_fail (CAPTIONER_IS_SPELLER (self));
  add_known_words (self->known, text);
}

GPtrArray *
captioner_speller_check (CaptionerSpeller   *self,
                         const char         *text,
                         const char * const *names)
{
  GPtrArray *misspellings = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_misspelling_free);
  g_autoptr(GHashTable) named = NULL;
  g_autoptr(GArray) words = NULL;

  g_return_val_if_fail (CAPTIONER_IS_SPELLER (self), misspellings);
  if (text == NULL)
    return misspellings;
  named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    add_known_words (named, names[i]);

  words = split_words (text);
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = &g_array_index (words, Word, i);
      g_autofree char *normal = normalise (word->start, word->end);
      EnchantDict *dictionary = dictionary_for (self, normal);
      CaptionerMisspelling *misspelling;

      if (dictionary == NULL || is_known (self->known, normal) || is_known (named, normal) ||
          word_is_right (self, dictionary, normal))
        continue;
      misspelling = g_new0 (CaptionerMisspelling, 1);
      misspelling->start_byte = word->start - text;
      misspelling->end_byte = word->end - text;
      misspelling->start = g_utf8_pointer_to_offset (text, word->start);
      misspelling->end = misspelling->start + g_utf8_pointer_to_offset (word->start, word->end);
      misspelling->word = g_strndup (word->start, word->end - word->start);
      g_ptr_array_add (misspellings, misspelling);
    }
  return misspellings;
}

/* How far a suggestion is from what was typed, in letters (case aside): an insertion, a
 * deletion or a substitution is 1, two neighbours swapped ("teh") 0.5, as a typist makes it. */
static double
typing_distance (const char *typed,
                 const char *suggestion)
{
  g_autofree gunichar *a = g_utf8_to_ucs4_fast (typed, -1, NULL);
  g_autofree gunichar *b = g_utf8_to_ucs4_fast (suggestion, -1, NULL);
  glong n = 0, m = 0;
  g_autofree double *d = NULL;

  while (a[n] != 0)
    a[n] = g_unichar_tolower (a[n]), n++;
  while (b[m] != 0)
    b[m] = g_unichar_tolower (b[m]), m++;
  d = g_new (double, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
  for (glong i = 0; i <= n; i++)
    D (i, 0) = i;
  for (glong j = 0; j <= m; j++)
    D (0, j) = j;
  for (glong i = 1; i <= n; i++)
    for (glong j = 1; j <= m; j++)
      {
        double best = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);

        best = MIN (best, D (i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, D (i - 2, j - 2) + 0.5);
        D (i, j) = best;
      }
  return D (n, m);
#undef D
}

typedef struct
{
  const char *word;
  double      distance;
  gboolean    other_start;   /* starts with another letter than what was typed */
  guint       index;         /* the dictionary's own order */
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->other_start != y->other_start)
    return x->other_start ? 1 : -1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

GStrv
captioner_speller_suggest (CaptionerSpeller *self,
                           const char       *word,
                           guint             max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *normal = NULL;
  EnchantDict *dictionary;
  size_t n = 0;
  char **suggestions;

  g_return_val_if_fail (CAPTIONER_IS_SPELLER (self), NULL);
  normal = normalise (word, word + strlen (word));
  dictionary = dictionary_for (self, normal);
  suggestions = dictionary ? enchant_dict_suggest (dictionary, normal, -1, &n) : NULL;
  /* Hunspell's order depends on how much of its search its time limit lets it do, which
   * differs from one machine to the next ("arives": "rives" first on one, "arrives" on
   * another). Its suggestions are ordered here: the fewest typing slips first, then those that
   * keep the first letter typed, then the dictionary's order. */
  if (n > 0)
    {
      g_autofree Ranked *ranked = g_new (Ranked, n);
      gunichar first = g_unichar_tolower (g_utf8_get_char (normal));

      for (size_t i = 0; i < n; i++)
        {
          ranked[i].word = suggestions[i];
          ranked[i].distance = typing_distance (normal, suggestions[i]);
          ranked[i].other_start = g_unichar_tolower (g_utf8_get_char (suggestions[i])) != first;
          ranked[i].index = i;
        }
      qsort (ranked, n, sizeof (Ranked), compare_ranked);
      for (size_t i = 0; i < n && i < max; i++)
        g_strv_builder_add (builder, ranked[i].word);
    }
  if (suggestions != NULL)
    enchant_dict_free_string_list (dictionary, suggestions);
  return g_strv_builder_end (builder);
}

void
captioner_speller_add_word (CaptionerSpeller *self,
                            const char       *word)
{
  g_autofree char *normal = NULL;
  EnchantDict *dictionary;

  g_return_if_fail (CAPTIONER_IS_SPELLER (self));
  normal = normalise (word, word + strlen (word));
  dictionary = dictionary_for (self, normal);
  if (dictionary != NULL)
    enchant_dict_add (dictionary, normal, -1);
  g_hash_table_add (self->known, g_steal_pointer (&normal));
}

/* Fields whose words a caption uses as names. */
static const CaptionerField named_fields[] = {
  CAPTIONER_FIELD_CITY, CAPTIONER_FIELD_STATE, CAPTIONER_FIELD_COUNTRY,
  CAPTIONER_FIELD_SUB_LOCATION, CAPTIONER_FIELD_EVENT, CAPTIONER_FIELD_CREDIT,
  CAPTIONER_FIELD_BYLINE, CAPTIONER_FIELD_SOURCE,
};

GStrv
captioner_speller_dup_names (const CaptionerMetadata *metadata)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < metadata->people->len; i++)
    g_strv_builder_add (builder, ((CaptionerPerson *) g_ptr_array_index (metadata->people, i))->name);
  /* The places and names the editor gave in the fields ("in Antalya", "Reuters"). */
  for (guint i = 0; i < G_N_ELEMENTS (named_fields); i++)
    {
      const char *value = captioner_metadata_get (metadata, named_fields[i]);

      if (value != NULL && *value != '\0')
        g_strv_builder_add (builder, value);
    }
  return g_strv_builder_end (builder);
}

static void
add_findings (GPtrArray          *findings,
              CaptionerSpeller   *self,
              CaptionerField      field,
              const char         *label,
              const char         *text,
              const char * const *names)
{
  g_autoptr(GPtrArray) misspellings = captioner_speller_check (self, text, names);

  for (guint i = 0; i < misspellings->len; i++)
    {
      CaptionerMisspelling *misspelling = g_ptr_array_index (misspellings, i);
      g_auto(GStrv) suggestions = captioner_speller_suggest (self, misspelling->word, 1);
      CaptionerFinding *finding = g_new0 (CaptionerFinding, 1);

      finding->kind = CAPTIONER_CHECK_SPELLING;
      finding->field = field;
      finding->message = suggestions[0] != NULL
        /* TRANSLATORS: "Caption: “recieve” may be misspelled (receive?)" */
        ? g_strdup_printf (_("%s: “%s” may be misspelled (%s?)"), label, misspelling->word,
                           suggestions[0])
        : g_strdup_printf (_("%s: “%s” may be misspelled"), label, misspelling->word);
      g_ptr_array_add (findings, finding);
    }
}

GPtrArray *
captioner_speller_check_metadata (CaptionerSpeller        *self,
                                  const CaptionerMetadata *metadata)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_finding_free);
  g_auto(GStrv) names = captioner_speller_dup_names (metadata);
  const char *body;

  g_return_val_if_fail (CAPTIONER_IS_SPELLER (self), findings);

  body = captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION_BODY);
  if (body != NULL && *body != '\0')
    add_findings (findings, self, CAPTIONER_FIELD_CAPTION_BODY, _("Caption"), body,
                  (const char * const *) names);
  else
    add_findings (findings, self, CAPTIONER_FIELD_CAPTION, _("Caption"),
                  captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION),
                  (const char * const *) names);
  add_findings (findings, self, CAPTIONER_FIELD_HEADLINE, _("Headline"),
                captioner_metadata_get (metadata, CAPTIONER_FIELD_HEADLINE),
                (const char * const *) names);
  return findings;
}
