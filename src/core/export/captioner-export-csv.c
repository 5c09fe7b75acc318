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

void
captioner_csv_append_photo (GString        *out,
                            CaptionerPhoto *photo)
{
  const CaptionerMetadata *metadata = captioner_photo_get_metadata (photo);
  g_auto(GStrv) names = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *people = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  g_autofree char *file = NULL;
  const char *cells[G_N_ELEMENTS (captioner_csv_columns)];
  guint n = 0;

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

  cells[n++] = file;
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_HEADLINE);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_CREDIT);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_BYLINE);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_SOURCE);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_COPYRIGHT);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_EVENT);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_CITY);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_STATE);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_COUNTRY);
  cells[n++] = captioner_metadata_get (metadata, CAPTIONER_FIELD_DATE_CREATED);
  cells[n++] = keywords;
  cells[n++] = people;
  cells[n++] = width;
  cells[n++] = height;
  cells[n] = NULL;
  g_assert (n == G_N_ELEMENTS (captioner_csv_columns) - 1);

  /* NULL fields are empty cells: terminate on the real count, not the first NULL. */
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      captioner_csv_append_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}
