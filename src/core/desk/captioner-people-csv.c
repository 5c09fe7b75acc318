#define G_LOG_DOMAIN "captioner-people-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-contact.h"
#include "captioner-people-csv.h"
#include "captioner-people-directory.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_TITLE,
  COLUMN_SHORT,
  COLUMN_ALIASES,
  COLUMN_CODE,
  COLUMN_IDENTIFIERS,
  N_FIXED_COLUMNS,
  COLUMN_LOCALIZED_NAME = N_FIXED_COLUMNS,
  COLUMN_LOCALIZED_TITLE,
  COLUMN_SKIPPED,
} Column;

static const char * const column_names[N_FIXED_COLUMNS] = {
  "name", "title", "short", "aliases", "code", "identifiers",
};

typedef struct
{
  Column  column;
  char   *language;  /* localized columns */
} ColumnInfo;

static void
column_info_clear (ColumnInfo *info)
{
  g_clear_pointer (&info->language, g_free);
}

/* A spreadsheet runs a cell starting with one of these as a formula (CSV injection). */
static gboolean
starts_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/* Splits CSV into rows of cells. */
static GPtrArray *
split_records (const char  *text,
               char         separator,
               const char  *origin,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;
  guint line = 1, quote_line = 0;
  gboolean quoted = FALSE, any = FALSE;

  for (;; p++)
    {
      if (quoted)
        {
          if (*p == '\0')
            {
              g_set_error (error, CAPTIONER_PEOPLE_DIRECTORY_ERROR,
                           CAPTIONER_PEOPLE_DIRECTORY_ERROR_INVALID,
                           _("%s: line %u: a quoted cell is not closed"), origin, quote_line);
              return NULL;
            }
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            {
              line += *p == '\n';
              g_string_append_c (cell, *p);
            }
          continue;
        }
      if (*p == '"' && cell->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
          any = TRUE;
        }
      else if (*p == separator)
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
          any = TRUE;
        }
      else if (*p == '\r' && p[1] == '\n')
        continue;
      else if (*p == '\n' || *p == '\0')
        {
          if (any || cell->len > 0)
            {
              g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
              cell = g_string_new (NULL);
              g_ptr_array_add (row, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
            }
          any = FALSE;
          line++;
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (cell, *p);
    }
  return g_steal_pointer (&rows);
}

static ColumnInfo
column_from_header (const char *header)
{
  g_autofree char *name = g_ascii_strdown (header, -1);
  ColumnInfo info = { COLUMN_SKIPPED, NULL };
  const char *colon;

  g_strstrip (name);
  for (guint i = 0; i < N_FIXED_COLUMNS; i++)
    if (g_str_equal (name, column_names[i]))
      info.column = i;
  colon = strchr (name, ':');
  if (colon != NULL && colon[1] != '\0' &&
      (g_str_has_prefix (name, "name:") || g_str_has_prefix (name, "title:")))
    {
      info.column = name[0] == 'n' ? COLUMN_LOCALIZED_NAME : COLUMN_LOCALIZED_TITLE;
      info.language = g_strdup (colon + 1);
    }
  return info;
}

static GStrv
split_list (const char *cell)
{
  g_auto(GStrv) items = g_strsplit (cell, "|", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items[i] != NULL; i++)
    if (*g_strstrip (items[i]) != '\0')
      g_strv_builder_add (builder, items[i]);
  return g_strv_builder_end (builder);
}

static void
set_cell (CaptionerContact *contact,
          const ColumnInfo *info,
          const char       *cell)
{
  g_auto(GStrv) list = NULL;

  switch (info->column)
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
    case COLUMN_LOCALIZED_NAME:
      captioner_contact_set_localized_name (contact, info->language, cell);
      break;
    case COLUMN_LOCALIZED_TITLE:
      captioner_contact_set_localized_title (contact, info->language, cell);
      break;
    case COLUMN_SKIPPED:
    default:
      break;
    }
}

GPtrArray *
captioner_people_csv_parse (const char  *data,
                            gsize        length,
                            const char  *origin,
                            GError     **error)
{
  g_autofree char *text = g_strndup (data, length);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (ColumnInfo));
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *body = text, *end = NULL, *first_line_end;
  gboolean has_header = FALSE;
  char separator = ',';
  guint first = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  g_array_set_clear_func (columns, (GDestroyNotify) column_info_clear);
  if (strlen (text) != length || !g_utf8_validate (text, -1, &end))
    {
      guint line = 1;

      for (const char *p = text; end != NULL && p < end; p++)
        line += *p == '\n';
      g_set_error (error, CAPTIONER_PEOPLE_DIRECTORY_ERROR,
                   CAPTIONER_PEOPLE_DIRECTORY_ERROR_INVALID,
                   _("%s: line %u is not UTF-8 text"), origin, line);
      return NULL;
    }
  if (g_str_has_prefix (body, "\xEF\xBB\xBF"))
    body += 3;
  first_line_end = strchr (body, '\n');
  if (first_line_end == NULL)
    first_line_end = body + strlen (body);
  if (memchr (body, ',', first_line_end - body) == NULL &&
      memchr (body, ';', first_line_end - body) != NULL)
    separator = ';';

  rows = split_records (body, separator, origin, error);
  if (rows == NULL)
    return NULL;

  if (rows->len > 0)
    {
      char **cells = g_ptr_array_index (rows, 0);

      for (guint i = 0; cells[i] != NULL; i++)
        {
          ColumnInfo info = column_from_header (cells[i]);

          has_header |= info.column == COLUMN_NAME;
          g_array_append_val (columns, info);
        }
    }
  if (has_header)
    first = 1;
  else
    {
      g_array_set_size (columns, 0);
      for (Column c = 0; c < N_FIXED_COLUMNS; c++)
        {
          ColumnInfo info = { c, NULL };

          g_array_append_val (columns, info);
        }
    }

  for (guint r = first; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autoptr(CaptionerContact) contact = captioner_contact_new (NULL);
      const char *key;
      gpointer at;

      for (guint i = 0; cells[i] != NULL && i < columns->len; i++)
        {
          const char *cell = cells[i];

          if (cell[0] == '\'' && starts_formula (cell + 1))
            cell++;
          set_cell (contact, &g_array_index (columns, ColumnInfo, i), cell);
        }
      if (captioner_contact_get_name (contact) == NULL)
        continue;
      key = captioner_contact_get_key (contact);
      if (g_hash_table_lookup_extended (index, key, NULL, &at))
        {
          g_object_unref (g_ptr_array_index (contacts, GPOINTER_TO_UINT (at)));
          g_ptr_array_index (contacts, GPOINTER_TO_UINT (at)) = g_steal_pointer (&contact);
          continue;
        }
      g_hash_table_insert (index, g_strdup (key), GUINT_TO_POINTER (contacts->len));
      g_ptr_array_add (contacts, g_steal_pointer (&contact));
    }
  return g_steal_pointer (&contacts);
}

static void
append_cell (GString    *out,
             const char *value)
{
  gboolean neutralise;

  if (value == NULL)
    value = "";
  neutralise = starts_formula (value);
  if (!neutralise && strpbrk (value, ",;\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_list_cell (GString            *out,
                  const char * const *items)
{
  g_autofree char *joined = g_strjoinv (" | ", (char **) items);

  append_cell (out, joined);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
captioner_people_csv_format (GListModel *contacts)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), NULL);

  n = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaptionerContact) contact = g_list_model_get_item (contacts, i);
      g_auto(GStrv) langs = captioner_contact_dup_languages (contact);

      for (guint l = 0; langs[l] != NULL; l++)
        if (!g_hash_table_contains (seen, langs[l]))
          {
            char *language = g_strdup (langs[l]);

            g_hash_table_add (seen, language);
            g_ptr_array_add (languages, language);
          }
    }
  g_ptr_array_sort (languages, compare_strings);

  for (guint i = 0; i < N_FIXED_COLUMNS; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", column_names[i]);
  for (guint l = 0; l < languages->len; l++)
    g_string_append_printf (out, ",name:%s,title:%s", (char *) languages->pdata[l],
                            (char *) languages->pdata[l]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaptionerContact) contact = g_list_model_get_item (contacts, i);

      append_cell (out, captioner_contact_get_name (contact));
      g_string_append_c (out, ',');
      append_cell (out, captioner_contact_get_title (contact));
      g_string_append_c (out, ',');
      append_cell (out, captioner_contact_get_short_name (contact));
      g_string_append_c (out, ',');
      append_list_cell (out, captioner_contact_get_aliases (contact));
      g_string_append_c (out, ',');
      append_cell (out, captioner_contact_get_code (contact));
      g_string_append_c (out, ',');
      append_list_cell (out, captioner_contact_get_identifiers (contact));
      for (guint l = 0; l < languages->len; l++)
        {
          g_string_append_c (out, ',');
          append_cell (out, captioner_contact_get_localized_name (contact,
                                                                  languages->pdata[l]));
          g_string_append_c (out, ',');
          append_cell (out, captioner_contact_get_localized_title (contact,
                                                                   languages->pdata[l]));
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
