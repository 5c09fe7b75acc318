#define G_LOG_DOMAIN "captioner-metadata-language"

#include "config.h"

#include <string.h>

#include "captioner-metadata-language.h"

/* CaptionerMetadata.languages: language → char *[CAPTIONER_N_LANGUAGE_FIELDS]. */

static const char * const field_names[] = { "caption", "body", "style", "composed" };
G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == CAPTIONER_N_LANGUAGE_FIELDS);

static void
parts_free (gpointer data)
{
  char **parts = data;

  for (guint i = 0; i < CAPTIONER_N_LANGUAGE_FIELDS; i++)
    g_free (parts[i]);
  g_free (parts);
}

static GHashTable *
languages_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, parts_free);
}

static gboolean
parts_empty (char **parts)
{
  for (guint i = 0; i < CAPTIONER_N_LANGUAGE_FIELDS; i++)
    if (parts[i] != NULL)
      return FALSE;
  return TRUE;
}

gboolean
captioner_language_is_valid (const char *code)
{
  gsize run = 0;

  if (code == NULL || *code == '\0' || g_ascii_strcasecmp (code, "x-default") == 0)
    return FALSE;
  for (const char *p = code; *p; p++)
    {
      if (*p == '-')
        {
          if (run == 0)
            return FALSE;
          run = 0;
          continue;
        }
      if (!g_ascii_isalnum (*p) || ++run > 8)
        return FALSE;
    }
  /* The primary tag is letters, two or three of them (or eight, registered ones). */
  for (const char *p = code; *p && *p != '-'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return run > 0 && strcspn (code, "-") >= 2;
}

const char *
captioner_language_field_get_name (CaptionerLanguageField field)
{
  g_return_val_if_fail (field < CAPTIONER_N_LANGUAGE_FIELDS, NULL);
  return field_names[field];
}

const char *
captioner_metadata_get_language (const CaptionerMetadata *metadata,
                                 const char              *language,
                                 CaptionerLanguageField   field)
{
  char **parts;

  g_return_val_if_fail (metadata != NULL, NULL);
  g_return_val_if_fail (field < CAPTIONER_N_LANGUAGE_FIELDS, NULL);

  if (metadata->languages == NULL || language == NULL)
    return NULL;
  parts = g_hash_table_lookup (metadata->languages, language);
  return parts != NULL ? parts[field] : NULL;
}

void
captioner_metadata_set_language (CaptionerMetadata      *metadata,
                                 const char             *language,
                                 CaptionerLanguageField  field,
                                 const char             *value)
{
  char **parts;

  g_return_if_fail (metadata != NULL);
  g_return_if_fail (language != NULL);
  g_return_if_fail (field < CAPTIONER_N_LANGUAGE_FIELDS);

  if (metadata->languages == NULL)
    {
      if (value == NULL)
        return;
      metadata->languages = languages_new ();
    }
  parts = g_hash_table_lookup (metadata->languages, language);
  if (parts == NULL)
    {
      if (value == NULL)
        return;
      parts = g_new0 (char *, CAPTIONER_N_LANGUAGE_FIELDS);
      g_hash_table_insert (metadata->languages, g_strdup (language), parts);
    }
  if (parts[field] == value)
    return;
  g_free (parts[field]);
  parts[field] = g_strdup (value);
  if (parts_empty (parts))
    g_hash_table_remove (metadata->languages, language);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
captioner_metadata_dup_languages (const CaptionerMetadata *metadata)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (metadata != NULL, NULL);

  if (metadata->languages != NULL)
    {
      g_hash_table_iter_init (&iter, metadata->languages);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (codes, g_strdup (key));
    }
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_steal (codes, NULL);
}

gboolean
captioner_metadata_language_is_foreign (const CaptionerMetadata *metadata,
                                        const char              *language)
{
  return captioner_caption_is_foreign (
    captioner_metadata_get_language (metadata, language, CAPTIONER_LANGUAGE_CAPTION),
    captioner_metadata_get_language (metadata, language, CAPTIONER_LANGUAGE_COMPOSED));
}

GHashTable *
captioner_languages_copy (GHashTable *languages)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key, value;

  if (languages == NULL)
    return NULL;
  copy = languages_new ();
  g_hash_table_iter_init (&iter, languages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char **parts = value;
      char **dup = g_new0 (char *, CAPTIONER_N_LANGUAGE_FIELDS);

      for (guint i = 0; i < CAPTIONER_N_LANGUAGE_FIELDS; i++)
        dup[i] = g_strdup (parts[i]);
      g_hash_table_insert (copy, g_strdup (key), dup);
    }
  return copy;
}

static gboolean
contained (GHashTable *a,
           GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char **parts = value;
      char **other = b != NULL ? g_hash_table_lookup (b, key) : NULL;

      for (guint i = 0; i < CAPTIONER_N_LANGUAGE_FIELDS; i++)
        if (g_strcmp0 (parts[i], other != NULL ? other[i] : NULL) != 0)
          return FALSE;
    }
  return TRUE;
}

gboolean
captioner_languages_equal (GHashTable *a,
                           GHashTable *b)
{
  return contained (a, b) && contained (b, a);
}

guint
captioner_languages_diff (const CaptionerMetadata *a,
                          const CaptionerMetadata *b,
                          const char              *language)
{
  guint mask = 0;

  for (guint i = 0; i < CAPTIONER_N_LANGUAGE_FIELDS; i++)
    if (g_strcmp0 (captioner_metadata_get_language (a, language, i),
                   captioner_metadata_get_language (b, language, i)) != 0)
      mask |= 1u << i;
  return mask;
}

GStrv
captioner_languages_union (const CaptionerMetadata *a,
                           const CaptionerMetadata *b)
{
  g_auto(GStrv) in_a = captioner_metadata_dup_languages (a);
  g_auto(GStrv) in_b = captioner_metadata_dup_languages (b);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; in_a[i] != NULL; i++)
    g_ptr_array_add (codes, g_strdup (in_a[i]));
  for (guint i = 0; in_b[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) in_a, in_b[i]))
      g_ptr_array_add (codes, g_strdup (in_b[i]));
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_steal (codes, NULL);
}
