#define G_LOG_DOMAIN "captioner-export-csv"

#include "config.h"

#include <string.h>

#include "captioner-caption.h"
#include "captioner-export-private.h"
#include "captioner-photo.h"

/* RFC 4180: fields separated by commas, records by CRLF, a field holding a comma, a quote or a
 * line break is quoted with its quotes doubled. UTF-8 without a byte order mark. */

const char * const captioner_csv_columns[] = {
  "file", "caption", "headline", "credit", "byline", "source", "copyright", "event", "city",
  "state", "country", "date_created", "keywords", "people", "width", "height", NULL,
};

/* A spreadsheet runs a cell starting with one of these as a formula (CSV injection), also
 * after spaces or line breaks (which it trims), and in their fullwidth forms (which some
 * spreadsheets fold to ASCII: ＝＋－＠). */
static gboolean
starts_formula (const char *value)
{
  const char *p = value;

  if (*p == '\t' || *p == '\r')
    return TRUE;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  switch (g_utf8_get_char (p))
    {
    case '=': case '+': case '-': case '@':
    case 0xFF1D: case 0xFF0B: case 0xFF0D: case 0xFF20:
      return TRUE;
    default:
      return FALSE;
    }
}

void
captioner_csv_append_cell (GString    *out,
                           const char *value)
{
  g_autofree char *valid = NULL;
  gboolean neutralise;

  if (value == NULL)
    value = "";
  /* The document is UTF-8 whatever a file name or a tag held. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  /* OWASP: prefix a single quote and quote the cell; the text is otherwise kept. */
  neutralise = starts_formula (value);
  if (!neutralise && strpbrk (value, ",\"\r\n") == NULL)
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

void
captioner_csv_append_row (GString            *out,
                          const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      captioner_csv_append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

void
captioner_csv_append_header (GString *out)
{
  captioner_csv_append_row (out, captioner_csv_columns);
}

/* The wire's columns, after the others, in a file where some photo has one of them: a desk
 * that does not use them gets the columns it always had. */
const char * const captioner_csv_wire_columns[] = {
  "title", "country_code", "sub_location", "caption_writer", "urgency", "category",
  "supplemental_categories", NULL,
};

static const CaptionerField wire_fields[] = {
  CAPTIONER_FIELD_TITLE, CAPTIONER_FIELD_COUNTRY_CODE, CAPTIONER_FIELD_SUB_LOCATION,
  CAPTIONER_FIELD_CAPTION_WRITER, CAPTIONER_FIELD_URGENCY, CAPTIONER_FIELD_CATEGORY,
  CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES,
};

G_STATIC_ASSERT (G_N_ELEMENTS (wire_fields) == G_N_ELEMENTS (captioner_csv_wire_columns) - 1);

static const char *
cell (const char *value)
{
  return value != NULL ? value : "";
}

GStrv
captioner_csv_photo_cells (CaptionerPhoto *photo)
{
  const CaptionerMetadata *metadata = captioner_photo_get_metadata (photo);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *people = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  g_autofree char *file = NULL;
  static const CaptionerField text_fields[] = {
    CAPTIONER_FIELD_CAPTION, CAPTIONER_FIELD_HEADLINE, CAPTIONER_FIELD_CREDIT,
    CAPTIONER_FIELD_BYLINE, CAPTIONER_FIELD_SOURCE, CAPTIONER_FIELD_COPYRIGHT,
    CAPTIONER_FIELD_EVENT, CAPTIONER_FIELD_CITY, CAPTIONER_FIELD_STATE, CAPTIONER_FIELD_COUNTRY,
    CAPTIONER_FIELD_DATE_CREATED,
  };
  GStrv cells;

  names = captioner_caption_dup_names (metadata,
                                       captioner_photo_get_orientation (photo));
  keywords = g_strjoinv ("; ", metadata->keywords);
  people = g_strjoinv ("; ", names);
  width = g_strdup_printf ("%d", captioner_photo_get_width (photo));
  height = g_strdup_printf ("%d", captioner_photo_get_height (photo));
  {
    /* A file name is bytes: one that is not UTF-8 is shown as the file manager shows it. */
    g_autofree char *basename = g_file_get_basename (captioner_photo_get_file (photo));
    file = g_filename_display_name (basename);
  }

  g_strv_builder_add (builder, file);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_strv_builder_add (builder, cell (captioner_metadata_get (metadata, text_fields[i])));
  g_strv_builder_add (builder, keywords);
  g_strv_builder_add (builder, people);
  g_strv_builder_add (builder, width);
  g_strv_builder_add (builder, height);
  for (guint i = 0; i < G_N_ELEMENTS (wire_fields); i++)
    g_strv_builder_add (builder, cell (captioner_metadata_get (metadata, wire_fields[i])));
  cells = g_strv_builder_end (builder);
  g_assert (g_strv_length (cells) == g_strv_length ((GStrv) captioner_csv_columns) +
                                     G_N_ELEMENTS (wire_fields));
  return cells;
}

gboolean
captioner_csv_cells_have_wire (const char * const *cells)
{
  guint first = g_strv_length ((GStrv) captioner_csv_columns);

  for (guint i = 0; i < G_N_ELEMENTS (wire_fields); i++)
    if (*cells[first + i] != '\0')
      return TRUE;
  return FALSE;
}

void
captioner_csv_append_cells (GString            *out,
                            const char * const *cells,
                            gboolean            wire)
{
  guint n = g_strv_length ((GStrv) captioner_csv_columns);

  if (wire)
    n += G_N_ELEMENTS (wire_fields);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      captioner_csv_append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

void
captioner_csv_append_wire_header (GString *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) header = NULL;

  g_strv_builder_addv (builder, (const char **) captioner_csv_columns);
  g_strv_builder_addv (builder, (const char **) captioner_csv_wire_columns);
  header = g_strv_builder_end (builder);
  captioner_csv_append_row (out, (const char * const *) header);
}

void
captioner_csv_append_photo (GString        *out,
                            CaptionerPhoto *photo)
{
  g_auto(GStrv) cells = captioner_csv_photo_cells (photo);

  captioner_csv_append_cells (out, (const char * const *) cells, FALSE);
}

GBytes *
captioner_csv_document (GPtrArray *rows,
                        gboolean   wire)
{
  GString *out = g_string_new (NULL);

  if (wire)
    captioner_csv_append_wire_header (out);
  else
    captioner_csv_append_header (out);
  for (guint i = 0; i < rows->len; i++)
    captioner_csv_append_cells (out, g_ptr_array_index (rows, i), wire);
  return g_string_free_to_bytes (out);
}
