#define G_LOG_DOMAIN "captioner-people-file"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "captioner-contact.h"
#include "captioner-people-directory.h"
#include "captioner-people-file.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_TITLE,
  COLUMN_SHORT,
  COLUMN_ALIASES,
  COLUMN_CODE,
  COLUMN_IDENTIFIERS,
  COLUMN_NAMES,
  COLUMN_TITLES,
  N_COLUMNS,
  COLUMN_SKIPPED = N_COLUMNS,
} Column;

static const char * const column_names[N_COLUMNS] = {
  "name", "title", "short", "aliases", "code", "identifiers", "names", "titles",
};

#define HEADER \
  "# Captioner people directory: one person a line, columns separated by a TAB: name, title\n" \
  "# or role, short form for later mentions, aliases and transliterations, code for code\n"   \
  "# replacements, identifiers (a Wikidata URI), names and titles in other languages. Lists\n" \
  "# separate their items with \"|\", and a name or title in another language is written\n"   \
  "# LANGUAGE=TEXT (hy=...). A line with a name alone is a person with nothing else known.\n"

static Column
column_from_name (const char *name)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_ascii_strcasecmp (name, column_names[i]) == 0)
      return i;
  return COLUMN_SKIPPED;
}

static GArray *
default_columns (void)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (Column));

  for (Column c = 0; c < N_COLUMNS; c++)
    g_array_append_val (columns, c);
  return columns;
}

static GStrv
split_list (const char *cell)
{
  g_auto(GStrv) items = g_strsplit (cell, "|", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] != '\0')
        g_strv_builder_add (builder, items[i]);
    }
  return g_strv_builder_end (builder);
}

static void
set_localized_list (CaptionerContact *contact,
                    const char       *cell,
                    gboolean          titles)
{
  g_auto(GStrv) items = split_list (cell);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *equals = strchr (items[i], '=');

      if (equals == NULL || equals == items[i])
        continue;
      *equals = '\0';
      g_strstrip (items[i]);
      if (titles)
        captioner_contact_set_localized_title (contact, items[i], equals + 1);
      else
        captioner_contact_set_localized_name (contact, items[i], equals + 1);
    }
}

static void
set_cell (CaptionerContact *contact,
          Column            column,
          const char       *cell)
{
  g_auto(GStrv) list = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      captioner_contact_set_name (contact, cell);
      break;
    case COLUMN_TITLE:
      captioner_contact_set_title (contact, cell);
      break;
    case COLUMN_SHORT:
      captioner_contact_set_short_name (contact, cell);
      break;
    case COLUMN_ALIASES:
      list = split_list (cell);
      captioner_contact_set_aliases (contact, (const char * const *) list);
      break;
    case COLUMN_CODE:
      captioner_contact_set_code (contact, cell);
      break;
    case COLUMN_IDENTIFIERS:
      list = split_list (cell);
      captioner_contact_set_identifiers (contact, (const char * const *) list);
      break;
    case COLUMN_NAMES:
      set_localized_list (contact, cell, FALSE);
      break;
    case COLUMN_TITLES:
      set_localized_list (contact, cell, TRUE);
      break;
    case COLUMN_SKIPPED:
    default:
      break;
    }
}

static void
add_contact (GPtrArray        *contacts,
             GHashTable       *index,
             CaptionerContact *contact)
{
  const char *key = captioner_contact_get_key (contact);
  gpointer at;

  /* The same person twice: the later line wins, in the earlier one's place. */
  if (g_hash_table_lookup_extended (index, key, NULL, &at))
    {
      g_object_unref (g_ptr_array_index (contacts, GPOINTER_TO_UINT (at)));
      g_ptr_array_index (contacts, GPOINTER_TO_UINT (at)) = contact;
      return;
    }
  g_hash_table_insert (index, g_strdup (key), GUINT_TO_POINTER (contacts->len));
  g_ptr_array_add (contacts, contact);
}

GPtrArray *
captioner_people_file_parse (const char  *contents,
                             gsize        length,
                             const char  *origin,
                             GError     **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) columns = default_columns ();
  g_autofree char *text = g_strndup (contents, length);
  const char *end = NULL;
  char *line, *next;
  guint line_number = 0;

  g_return_val_if_fail (contents != NULL || length == 0, NULL);

  if (strlen (text) != length || !g_utf8_validate (text, -1, &end))
    {
      guint bad_line = 1;

      if (end == NULL)
        end = text + strlen (text);
      for (const char *p = text; p < end; p++)
        bad_line += *p == '\n';
      g_set_error (error, CAPTIONER_PEOPLE_DIRECTORY_ERROR,
                   CAPTIONER_PEOPLE_DIRECTORY_ERROR_INVALID,
                   _("%s: line %u is not UTF-8 text"), origin, bad_line);
      return NULL;
    }

  line = text;
  if (g_str_has_prefix (line, "\xEF\xBB\xBF"))
    line += 3;
  for (; line != NULL; line = next)
    {
      g_auto(GStrv) cells = NULL;
      CaptionerContact *contact;

      line_number++;
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      g_strchomp (line);
      if (g_str_has_prefix (line, "#columns\t"))
        {
          g_auto(GStrv) names = g_strsplit (line + strlen ("#columns\t"), "\t", -1);

          g_array_set_size (columns, 0);
          for (guint i = 0; names[i] != NULL; i++)
            {
              Column column = column_from_name (g_strstrip (names[i]));

              g_array_append_val (columns, column);
            }
          continue;
        }
      if (line[0] == '#' || *g_strchug (line) == '\0')
        continue;

      contact = captioner_contact_new (NULL);
      if (strchr (line, '\t') == NULL)
        captioner_contact_set_name (contact, line);
      else
        {
          cells = g_strsplit (line, "\t", -1);
          for (guint i = 0; cells[i] != NULL && i < columns->len; i++)
            set_cell (contact, g_array_index (columns, Column, i), g_strstrip (cells[i]));
        }
      if (captioner_contact_get_name (contact) == NULL)
        {
          g_debug ("%s:%u: no name, skipped", origin, line_number);
          g_object_unref (contact);
          continue;
        }
      add_contact (contacts, index, contact);
    }
  return g_steal_pointer (&contacts);
}

static void
append_list (GString            *out,
             const char * const *items)
{
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, " | ");
      g_string_append (out, items[i]);
    }
}

static void
append_localized (GString          *out,
                  CaptionerContact *contact,
                  const char * const *languages,
                  gboolean          titles)
{
  gboolean first = TRUE;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *text = titles
        ? captioner_contact_get_localized_title (contact, languages[i])
        : captioner_contact_get_localized_name (contact, languages[i]);

      if (text == NULL)
        continue;
      if (!first)
        g_string_append (out, " | ");
      g_string_append_printf (out, "%s=%s", languages[i], text);
      first = FALSE;
    }
}

static void
append_contact (GString          *out,
                CaptionerContact *contact)
{
  g_auto(GStrv) languages = captioner_contact_dup_languages (contact);
  gsize line_start = out->len;
  gsize content_end;

  g_string_append (out, captioner_contact_get_name (contact));
  g_string_append_c (out, '\t');
  if (captioner_contact_get_title (contact) != NULL)
    g_string_append (out, captioner_contact_get_title (contact));
  g_string_append_c (out, '\t');
  if (captioner_contact_get_short_name (contact) != NULL)
    g_string_append (out, captioner_contact_get_short_name (contact));
  g_string_append_c (out, '\t');
  append_list (out, captioner_contact_get_aliases (contact));
  g_string_append_c (out, '\t');
  if (captioner_contact_get_code (contact) != NULL)
    g_string_append (out, captioner_contact_get_code (contact));
  g_string_append_c (out, '\t');
  append_list (out, captioner_contact_get_identifiers (contact));
  g_string_append_c (out, '\t');
  append_localized (out, contact, (const char * const *) languages, FALSE);
  g_string_append_c (out, '\t');
  append_localized (out, contact, (const char * const *) languages, TRUE);

  /* Empty columns at the end are left out: a name alone is a line with the name. */
  content_end = out->len;
  while (content_end > line_start && out->str[content_end - 1] == '\t')
    content_end--;
  g_string_truncate (out, content_end);
  g_string_append_c (out, '\n');
}

char *
captioner_people_file_format (GPtrArray *contacts)
{
  GString *out = g_string_new (HEADER);

  g_return_val_if_fail (contacts != NULL, NULL);

  g_string_append (out, "#columns");
  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_append_printf (out, "\t%s", column_names[i]);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < contacts->len; i++)
    append_contact (out, g_ptr_array_index (contacts, i));
  return g_string_free (out, FALSE);
}

GHashTable *
captioner_people_recent_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GHashTable *
captioner_people_recent_parse (const char *contents,
                               gsize       length)
{
  GHashTable *recent = captioner_people_recent_new ();
  g_autofree char *text = g_strndup (contents, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      char *end = NULL;
      gint64 seconds;

      if (tab == NULL)
        continue;
      *tab = '\0';
      seconds = g_ascii_strtoll (lines[i], &end, 10);
      g_strchomp (tab + 1);
      if (end == lines[i] || *end != '\0' || seconds <= 0 || tab[1] == '\0' ||
          !g_utf8_validate (tab + 1, -1, NULL))
        continue;
      g_hash_table_replace (recent, g_strdup (tab + 1), g_memdup2 (&seconds, sizeof seconds));
    }
  return recent;
}

static int
compare_recent (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *recent = user_data;
  gint64 ta = *(gint64 *) g_hash_table_lookup (recent, *(const char * const *) a);
  gint64 tb = *(gint64 *) g_hash_table_lookup (recent, *(const char * const *) b);

  if (ta != tb)
    return ta > tb ? -1 : 1;
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
captioner_people_recent_format (GHashTable *recent)
{
  g_autofree const char **names = NULL;
  GString *out = g_string_new (NULL);
  guint n;

  names = (const char **) g_hash_table_get_keys_as_array (recent, &n);
  g_qsort_with_data (names, n, sizeof (char *), compare_recent, recent);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\n",
                            *(gint64 *) g_hash_table_lookup (recent, names[i]), names[i]);
  return g_string_free (out, FALSE);
}
