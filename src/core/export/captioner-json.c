#define G_LOG_DOMAIN "captioner-json"

#include "config.h"

#include <math.h>

#include "captioner-json.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"

void
captioner_json_append_string (GString    *out,
                              const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value,
               gboolean present)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!present || !isfinite (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

static void
append_key (GString    *out,
            const char *indent,
            const char *key,
            gboolean    first)
{
  g_string_append_printf (out, "%s\n%s  \"%s\": ", first ? "" : ",", indent, key);
}

/* {"hy": {"caption": ..., "body": ..., "style": ..., "composed": ...}} */
static void
append_languages (GString                 *out,
                  const CaptionerMetadata *metadata)
{
  g_auto(GStrv) languages = captioner_metadata_dup_languages (metadata);

  g_string_append_c (out, '{');
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      captioner_json_append_string (out, languages[i]);
      g_string_append (out, ": {");
      for (guint f = 0; f < CAPTIONER_N_LANGUAGE_FIELDS; f++)
        {
          g_string_append_printf (out, "%s\"%s\": ", f > 0 ? ", " : "",
                                  captioner_language_field_get_name (f));
          captioner_json_append_string (out, captioner_metadata_get_language (metadata,
                                                                              languages[i], f));
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

static void
append_exif (GString             *out,
             const CaptionerExif *exif,
             const char          *indent)
{
  g_autofree char *inner = g_strconcat (indent, "  ", NULL);

  g_string_append_c (out, '{');
  append_key (out, inner, "make", TRUE);
  captioner_json_append_string (out, exif->make);
  append_key (out, inner, "model", FALSE);
  captioner_json_append_string (out, exif->model);
  append_key (out, inner, "lens", FALSE);
  captioner_json_append_string (out, exif->lens);
  append_key (out, inner, "datetime_original", FALSE);
  captioner_json_append_string (out, exif->datetime_original);
  append_key (out, inner, "exposure_time", FALSE);
  captioner_json_append_string (out, exif->exposure_time);
  append_key (out, inner, "f_number", FALSE);
  append_number (out, exif->f_number, exif->f_number > 0);
  append_key (out, inner, "iso", FALSE);
  append_number (out, exif->iso, exif->iso > 0);
  append_key (out, inner, "focal_length", FALSE);
  append_number (out, exif->focal_length, exif->focal_length > 0);
  append_key (out, inner, "artist", FALSE);
  captioner_json_append_string (out, exif->artist);
  append_key (out, inner, "copyright", FALSE);
  captioner_json_append_string (out, exif->copyright);
  append_key (out, inner, "gps_latitude", FALSE);
  append_number (out, exif->gps_latitude, exif->has_gps);
  append_key (out, inner, "gps_longitude", FALSE);
  append_number (out, exif->gps_longitude, exif->has_gps);
  g_string_append_printf (out, "\n%s  }", indent);
}

static void
append_people (GString        *out,
               CaptionerPhoto *photo,
               const char     *indent)
{
  const CaptionerMetadata *metadata = captioner_photo_get_metadata (photo);
  int orientation = captioner_photo_get_orientation (photo);
  g_autoptr(GArray) order = captioner_people_order_displayed (metadata->people, orientation);

  g_string_append_c (out, '[');
  for (guint i = 0; i < order->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (metadata->people,
                                                         g_array_index (order, guint, i));
      CaptionerRect r;

      g_string_append_printf (out, "%s\n%s    {\"name\": ", i ? "," : "", indent);
      captioner_json_append_string (out, person->name);
      g_string_append (out, ", \"region\": ");
      if (captioner_person_get_displayed_region (person, orientation, &r))
        {
          g_string_append (out, "{\"x\": ");
          append_number (out, r.x, TRUE);
          g_string_append (out, ", \"y\": ");
          append_number (out, r.y, TRUE);
          g_string_append (out, ", \"w\": ");
          append_number (out, r.w, TRUE);
          g_string_append (out, ", \"h\": ");
          append_number (out, r.h, TRUE);
          g_string_append_c (out, '}');
        }
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }
  if (order->len > 0)
    g_string_append_printf (out, "\n%s  ", indent);
  g_string_append_c (out, ']');
}

/* A field of items joined with "; " as a JSON array of them. */
static void
append_joined (GString    *out,
               const char *joined)
{
  g_auto(GStrv) items = g_strsplit (joined != NULL ? joined : "", ";", -1);
  guint n = 0;

  g_string_append_c (out, '[');
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (*g_strstrip (items[i]) == '\0')
        continue;
      if (n++ > 0)
        g_string_append (out, ", ");
      captioner_json_append_string (out, items[i]);
    }
  g_string_append_c (out, ']');
}

void
captioner_json_append_photo (GString        *out,
                             CaptionerPhoto *photo,
                             const char     *indent)
{
  static const struct { const char *key; CaptionerField field; } text_fields[] = {
    { "caption", CAPTIONER_FIELD_CAPTION },
    { "caption_body", CAPTIONER_FIELD_CAPTION_BODY },
    { "headline", CAPTIONER_FIELD_HEADLINE },
    { "credit", CAPTIONER_FIELD_CREDIT },
    { "byline", CAPTIONER_FIELD_BYLINE },
    { "source", CAPTIONER_FIELD_SOURCE },
    { "copyright", CAPTIONER_FIELD_COPYRIGHT },
    { "event", CAPTIONER_FIELD_EVENT },
    { "city", CAPTIONER_FIELD_CITY },
    { "state", CAPTIONER_FIELD_STATE },
    { "country", CAPTIONER_FIELD_COUNTRY },
    { "instructions", CAPTIONER_FIELD_INSTRUCTIONS },
    { "job_id", CAPTIONER_FIELD_JOB_ID },
    { "date_created", CAPTIONER_FIELD_DATE_CREATED },
    { "title", CAPTIONER_FIELD_TITLE },
    { "country_code", CAPTIONER_FIELD_COUNTRY_CODE },
    { "sub_location", CAPTIONER_FIELD_SUB_LOCATION },
    { "caption_writer", CAPTIONER_FIELD_CAPTION_WRITER },
    { "urgency", CAPTIONER_FIELD_URGENCY },
    { "category", CAPTIONER_FIELD_CATEGORY },
  };
  const CaptionerMetadata *metadata;
  GFile *sidecar;
  g_autofree char *path = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (CAPTIONER_IS_PHOTO (photo));

  if (indent == NULL)
    indent = "";
  metadata = captioner_photo_get_metadata (photo);
  path = g_file_get_parse_name (captioner_photo_get_file (photo));

  g_string_append_c (out, '{');
  append_key (out, indent, "file", TRUE);
  captioner_json_append_string (out, path);
  append_key (out, indent, "width", FALSE);
  g_string_append_printf (out, "%d", captioner_photo_get_width (photo));
  append_key (out, indent, "height", FALSE);
  g_string_append_printf (out, "%d", captioner_photo_get_height (photo));
  append_key (out, indent, "orientation", FALSE);
  g_string_append_printf (out, "%d", captioner_photo_get_orientation (photo));
  append_key (out, indent, "exif", FALSE);
  append_exif (out, captioner_photo_get_exif (photo), indent);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      append_key (out, indent, text_fields[i].key, FALSE);
      captioner_json_append_string (out, metadata->fields[text_fields[i].field]);
    }
  append_key (out, indent, "keywords", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; metadata->keywords[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      captioner_json_append_string (out, metadata->keywords[i]);
    }
  g_string_append_c (out, ']');
  append_key (out, indent, "supplemental_categories", FALSE);
  append_joined (out, metadata->fields[CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES]);
  append_key (out, indent, "languages", FALSE);
  append_languages (out, metadata);
  append_key (out, indent, "people", FALSE);
  append_people (out, photo, indent);
  append_key (out, indent, "sidecar", FALSE);
  sidecar = captioner_photo_get_sidecar (photo);
  if (sidecar != NULL)
    {
      g_autofree char *sidecar_path = g_file_get_parse_name (sidecar);
      captioner_json_append_string (out, sidecar_path);
    }
  else
    g_string_append (out, "null");
  append_key (out, indent, "warning", FALSE);
  captioner_json_append_string (out, captioner_photo_get_warning (photo));
  g_string_append_printf (out, "\n%s}", indent);
}
