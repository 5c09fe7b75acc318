#define G_LOG_DOMAIN "captioner-journal"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-journal.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"
#include "captioner-user-data.h"

/* A journal is a key file: a [desk] group naming the folder, and a [photo N] group for each
 * photo with edits, holding its URI and two versions of its metadata (base.*, mine.*): each
 * field by name, the keywords as a list, each person as a list of id, name, box and row. */

#define JOURNAL_DIR "journal"

void
captioner_journal_photo_free (CaptionerJournalPhoto *photo)
{
  if (photo == NULL)
    return;
  g_clear_object (&photo->file);
  g_clear_pointer (&photo->base, captioner_metadata_free);
  g_clear_pointer (&photo->mine, captioner_metadata_free);
  g_free (photo);
}

void
captioner_journal_entry_free (CaptionerJournalEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->folder);
  g_clear_object (&entry->journal);
  g_clear_pointer (&entry->photos, g_ptr_array_unref);
  g_free (entry);
}

GFile *
captioner_journal_file_for (GFile *folder)
{
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);
  g_autofree char *name = g_strconcat (JOURNAL_DIR, G_DIR_SEPARATOR_S, hash, ".journal", NULL);

  return captioner_user_state_file (name);
}

static void
put_metadata (GKeyFile                *keys,
              const char              *group,
              const char              *side,
              const CaptionerMetadata *md)
{
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    if (md->fields[i] != NULL)
      {
        g_autofree char *key = g_strconcat (side, ".", captioner_field_get_name (i), NULL);
        g_key_file_set_string (keys, group, key, md->fields[i]);
      }
  {
    g_autofree char *key = g_strconcat (side, ".keywords", NULL);
    g_key_file_set_string_list (keys, group, key, (const char * const *) md->keywords,
                                g_strv_length (md->keywords));
  }
  {
    g_auto(GStrv) languages = captioner_metadata_dup_languages (md);

    /* "mine.lang.hy.body": a caption language's parts. */
    for (guint l = 0; languages[l] != NULL; l++)
      for (guint f = 0; f < CAPTIONER_N_LANGUAGE_FIELDS; f++)
        {
          const char *value = captioner_metadata_get_language (md, languages[l], f);
          g_autofree char *key = NULL;

          if (value == NULL)
            continue;
          key = g_strdup_printf ("%s.lang.%s.%s", side, languages[l],
                                 captioner_language_field_get_name (f));
          g_key_file_set_string (keys, group, key, value);
        }
  }
  for (guint i = 0; i < md->people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (md->people, i);
      g_autofree char *key = g_strdup_printf ("%s.person%u", side, i);
      char numbers[6][G_ASCII_DTOSTR_BUF_SIZE];
      const char *values[8];

      g_snprintf (numbers[0], sizeof numbers[0], "%u", person->id);
      g_ascii_dtostr (numbers[1], sizeof numbers[1], person->region.x);
      g_ascii_dtostr (numbers[2], sizeof numbers[2], person->region.y);
      g_ascii_dtostr (numbers[3], sizeof numbers[3], person->region.w);
      g_ascii_dtostr (numbers[4], sizeof numbers[4], person->region.h);
      values[0] = numbers[0];
      values[1] = person->name;
      values[2] = person->has_region ? numbers[1] : "";
      values[3] = numbers[2];
      values[4] = numbers[3];
      values[5] = numbers[4];
      /* The row the editor put them in: a seventh item, which older journals lack. */
      g_snprintf (numbers[5], sizeof numbers[5], "%u", person->row);
      values[6] = numbers[5];
      values[7] = NULL;
      g_key_file_set_string_list (keys, group, key, values, 7);
    }
}

static void
get_languages (GKeyFile          *keys,
               const char        *group,
               const char        *side,
               CaptionerMetadata *md)
{
  g_autofree char *prefix = g_strconcat (side, ".lang.", NULL);
  g_auto(GStrv) names = g_key_file_get_keys (keys, group, NULL, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const char *rest = names[i] + strlen (prefix);
      const char *dot;
      g_autofree char *language = NULL;
      g_autofree char *value = NULL;

      if (!g_str_has_prefix (names[i], prefix) || (dot = strrchr (rest, '.')) == NULL)
        continue;
      language = g_strndup (rest, dot - rest);
      value = g_key_file_get_string (keys, group, names[i], NULL);
      if (!captioner_language_is_valid (language) || value == NULL ||
          !g_utf8_validate (value, -1, NULL))
        continue;
      for (guint f = 0; f < CAPTIONER_N_LANGUAGE_FIELDS; f++)
        if (g_str_equal (dot + 1, captioner_language_field_get_name (f)))
          captioner_metadata_set_language (md, language, f, value);
    }
}

static CaptionerMetadata *
get_metadata (GKeyFile   *keys,
              const char *group,
              const char *side)
{
  CaptionerMetadata *md = captioner_metadata_new ();
  g_autofree char *keywords_key = g_strconcat (side, ".keywords", NULL);
  g_auto(GStrv) keywords = NULL;

  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    {
      g_autofree char *key = g_strconcat (side, ".", captioner_field_get_name (i), NULL);
      g_autofree char *value = g_key_file_get_string (keys, group, key, NULL);

      if (value != NULL && g_utf8_validate (value, -1, NULL))
        captioner_metadata_set (md, i, value);
    }
  keywords = g_key_file_get_string_list (keys, group, keywords_key, NULL, NULL);
  captioner_metadata_set_keywords (md, (const char * const *) keywords);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s.person%u", side, i);
      g_auto(GStrv) values = g_key_file_get_string_list (keys, group, key, NULL, NULL);
      CaptionerRect region;
      CaptionerPerson *person;

      if (values == NULL)
        break;
      if ((g_strv_length (values) != 6 && g_strv_length (values) != 7) ||
          !g_utf8_validate (values[1], -1, NULL))
        continue;
      region.x = g_ascii_strtod (values[2], NULL);
      region.y = g_ascii_strtod (values[3], NULL);
      region.w = g_ascii_strtod (values[4], NULL);
      region.h = g_ascii_strtod (values[5], NULL);
      person = captioner_person_new (values[1], *values[2] != '\0' ? &region : NULL);
      person->id = (guint) g_ascii_strtoull (values[0], NULL, 10);
      if (values[6] != NULL)
        person->row = (guint) MIN (g_ascii_strtoull (values[6], NULL, 10), 3);
      g_ptr_array_add (md->people, person);
    }
  captioner_people_assign_ids (md->people);
  get_languages (keys, group, side, md);
  return md;
}

char *
captioner_journal_serialize (GFile     *folder,
                             GPtrArray *photos)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *folder_uri = g_file_get_uri (folder);

  g_key_file_set_string (keys, "desk", "folder", folder_uri);
  for (guint i = 0; i < photos->len; i++)
    {
      const CaptionerJournalPhoto *photo = g_ptr_array_index (photos, i);
      g_autofree char *group = g_strdup_printf ("photo %u", i);
      g_autofree char *uri = g_file_get_uri (photo->file);

      g_key_file_set_string (keys, group, "file", uri);
      put_metadata (keys, group, "base", photo->base);
      put_metadata (keys, group, "mine", photo->mine);
    }
  return g_key_file_to_data (keys, NULL, NULL);
}

CaptionerJournalEntry *
captioner_journal_read (GFile   *journal,
                        GError **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = g_file_get_path (journal);
  g_autofree char *folder = NULL;
  g_auto(GStrv) groups = NULL;
  CaptionerJournalEntry *entry;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  folder = g_key_file_get_string (keys, "desk", "folder", NULL);
  if (folder == NULL)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                   _("%s: not a journal of unsaved edits"), path);
      return NULL;
    }
  entry = g_new0 (CaptionerJournalEntry, 1);
  entry->folder = g_file_new_for_uri (folder);
  entry->journal = g_object_ref (journal);
  entry->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_journal_photo_free);
  groups = g_key_file_get_groups (keys, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *uri = g_key_file_get_string (keys, groups[i], "file", NULL);
      CaptionerJournalPhoto *photo;

      if (!g_str_has_prefix (groups[i], "photo ") || uri == NULL)
        continue;
      photo = g_new0 (CaptionerJournalPhoto, 1);
      photo->file = g_file_new_for_uri (uri);
      photo->base = get_metadata (keys, groups[i], "base");
      photo->mine = get_metadata (keys, groups[i], "mine");
      g_ptr_array_add (entry->photos, photo);
    }
  return entry;
}

GPtrArray *
captioner_journal_list (GCancellable *cancellable)
{
  g_autoptr(GFile) dir = captioner_user_state_file (JOURNAL_DIR);
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_journal_entry_free);

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      g_autoptr(GError) error = NULL;
      CaptionerJournalEntry *entry;

      if (children == NULL || !g_file_enumerator_iterate (children, &info, &child, cancellable,
                                                           NULL) || info == NULL)
        break;
      if (!g_str_has_suffix (g_file_info_get_name (info), ".journal"))
        continue;
      entry = captioner_journal_read (child, &error);
      if (entry == NULL)
        g_warning ("%s", error->message);
      else if (entry->photos->len == 0)
        captioner_journal_entry_free (entry);
      else
        g_ptr_array_add (entries, entry);
    }
  return entries;
}
