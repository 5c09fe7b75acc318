#define G_LOG_DOMAIN "captioner-xmp"

#include "config.h"

#include <exempi/xmpconsts.h>
#include <exempi/xmperrors.h>
#include <glib/gi18n.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-person.h"
#include "captioner-xmp-private.h"

/* Prefixes as registered with exempi: paths below the first step must use them. */
char *captioner_xmp_prefix_iptc_ext, *captioner_xmp_prefix_mwg_rs, *captioner_xmp_prefix_st_dim, *captioner_xmp_prefix_st_area, *captioner_xmp_prefix_mp,
     *captioner_xmp_prefix_mp_ri, *captioner_xmp_prefix_mp_reg;

typedef struct
{
  CaptionerField  field;
  const char     *ns;
  const char     *name;
  enum { SIMPLE, LANG_ALT, FIRST_OF_SEQ } kind;
} FieldMap;

static const FieldMap field_map[] = {
  { CAPTIONER_FIELD_CAPTION,      NS_DC,          "description",           LANG_ALT },
  { CAPTIONER_FIELD_CAPTION_BODY, CAPTIONER_NS_CAPTIONER, "CaptionBody",   SIMPLE },
  { CAPTIONER_FIELD_HEADLINE,     NS_PHOTOSHOP,   "Headline",              SIMPLE },
  { CAPTIONER_FIELD_CREDIT,       NS_PHOTOSHOP,   "Credit",                SIMPLE },
  { CAPTIONER_FIELD_BYLINE,       NS_DC,          "creator",               FIRST_OF_SEQ },
  { CAPTIONER_FIELD_SOURCE,       NS_PHOTOSHOP,   "Source",                SIMPLE },
  { CAPTIONER_FIELD_COPYRIGHT,    NS_DC,          "rights",                LANG_ALT },
  { CAPTIONER_FIELD_EVENT,        NS_IPTC_EXT,    "Event",                 LANG_ALT },
  { CAPTIONER_FIELD_CITY,         NS_PHOTOSHOP,   "City",                  SIMPLE },
  { CAPTIONER_FIELD_STATE,        NS_PHOTOSHOP,   "State",                 SIMPLE },
  { CAPTIONER_FIELD_COUNTRY,      NS_PHOTOSHOP,   "Country",               SIMPLE },
  { CAPTIONER_FIELD_INSTRUCTIONS, NS_PHOTOSHOP,   "Instructions",          SIMPLE },
  { CAPTIONER_FIELD_JOB_ID,       NS_PHOTOSHOP,   "TransmissionReference", SIMPLE },
  { CAPTIONER_FIELD_DATE_CREATED, NS_PHOTOSHOP,   "DateCreated",           SIMPLE },
  { CAPTIONER_FIELD_STYLE,        CAPTIONER_NS_CAPTIONER, "CaptionStyle",  SIMPLE },
  { CAPTIONER_FIELD_COMPOSED,     CAPTIONER_NS_CAPTIONER, "ComposedCaption", SIMPLE },
};

static char *
register_namespace (const char *uri,
                    const char *suggested)
{
  XmpStringPtr registered = xmp_string_new ();
  g_autofree char *with_colon = NULL;
  char *prefix;

  xmp_register_namespace (uri, suggested, registered);
  with_colon = g_strdup (xmp_string_cstr (registered));
  xmp_string_free (registered);
  /* exempi returns "prefix:"; keep the bare prefix. */
  if (g_str_has_suffix (with_colon, ":"))
    with_colon[strlen (with_colon) - 1] = '\0';
  prefix = *with_colon ? g_strdup (with_colon) : g_strdup (suggested);
  return prefix;
}

void
captioner_xmp_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      if (!xmp_init ())
        g_error ("exempi failed to initialise");
      captioner_xmp_prefix_iptc_ext = register_namespace (NS_IPTC_EXT, "Iptc4xmpExt");
      captioner_xmp_prefix_mwg_rs = register_namespace (NS_MWG_RS, "mwg-rs");
      captioner_xmp_prefix_st_dim = register_namespace (NS_ST_DIM, "stDim");
      captioner_xmp_prefix_st_area = register_namespace (NS_ST_AREA, "stArea");
      captioner_xmp_prefix_mp = register_namespace (NS_MP, "MP");
      captioner_xmp_prefix_mp_ri = register_namespace (NS_MP_RI, "MPRI");
      captioner_xmp_prefix_mp_reg = register_namespace (NS_MP_REG, "MPReg");
      g_free (register_namespace (CAPTIONER_NS_CAPTIONER, "captioner"));
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
has_dtd (const char *data,
         gsize       length)
{
  static const char * const needles[] = { "<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity" };

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (memmem (data, length, needles[i], strlen (needles[i])) != NULL)
      return TRUE;
  return FALSE;
}

static void
skip_bom (const char **data,
          gsize       *length)
{
  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
}

gboolean
captioner_xmp_check (const char  *data,
                     gsize        length,
                     GError     **error)
{
  if (has_dtd (data, length))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                           _("the XMP declares a document type, which is not allowed (it could "
                             "expand entities without end)"));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                           _("the XMP is not UTF-8 text"));
      return FALSE;
    }

  /* Check well-formedness with GMarkup first: exempi reports a broken document on stderr
   * itself, and GMarkup's message says where the problem is. */
  skip_bom (&data, &length);
  {
    static const GMarkupParser no_callbacks = { NULL, NULL, NULL, NULL, NULL };
    g_autoptr(GMarkupParseContext) context = NULL;
    g_autoptr(GError) markup_error = NULL;

    context = g_markup_parse_context_new (&no_callbacks, G_MARKUP_PREFIX_ERROR_POSITION, NULL, NULL);
    if (!g_markup_parse_context_parse (context, data, length, &markup_error) ||
        !g_markup_parse_context_end_parse (context, &markup_error))
      {
        g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                     _("the XMP is not well-formed XML (%s)"), markup_error->message);
        return FALSE;
      }
  }
  return TRUE;
}

XmpPtr
captioner_xmp_parse (const char  *data,
                     gsize        length,
                     GError     **error)
{
  XmpPtr xmp;

  captioner_xmp_init ();

  if (!captioner_xmp_check (data, length, error))
    return NULL;
  skip_bom (&data, &length);

  xmp = xmp_new_empty ();
  if (!xmp_parse (xmp, data, length))
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                   _("the XMP is not well-formed (exempi error %d)"), xmp_get_error ());
      xmp_free (xmp);
      return NULL;
    }
  return xmp;
}

XmpPtr
captioner_xmp_read_embedded (const char  *path,
                             GError     **error)
{
  XmpFilePtr file;
  XmpPtr xmp;

  captioner_xmp_init ();

  file = xmp_files_open_new (path, XMP_OPEN_READ | XMP_OPEN_ONLYXMP | XMP_OPEN_USESMARTHANDLER);
  if (file == NULL)
    {
      int code = xmp_get_error ();

      /* No smart handler for this kind of file is not an error: there is just no XMP. */
      if (code == XMPErr_NoFileHandler || code == XMPErr_Unknown)
        return NULL;
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                   _("its embedded metadata could not be read (exempi error %d)"), code);
      return NULL;
    }
  xmp = xmp_files_get_new_xmp (file);
  xmp_files_close (file, XMP_CLOSE_NOOPTION);
  xmp_files_free (file);
  return xmp;
}

char *
captioner_xmp_get_text (XmpPtr      xmp,
                        const char *ns,
                        const char *path)
{
  XmpStringPtr value = xmp_string_new ();
  uint32_t bits = 0;
  char *result = NULL;

  if (xmp_get_property (xmp, ns, path, value, &bits) && XMP_IS_PROP_SIMPLE (bits))
    result = g_strdup (xmp_string_cstr (value));
  xmp_string_free (value);
  return result;
}

char *
captioner_xmp_get_lang_alt (XmpPtr      xmp,
                            const char *ns,
                            const char *name)
{
  XmpStringPtr value = xmp_string_new ();
  XmpStringPtr lang = xmp_string_new ();
  char *result = NULL;

  if (xmp_get_localized_text (xmp, ns, name, NULL, "x-default", lang, value, NULL))
    result = g_strdup (xmp_string_cstr (value));
  else
    result = captioner_xmp_get_text (xmp, ns, name);  /* a plain text where lang-alt belongs */
  xmp_string_free (value);
  xmp_string_free (lang);
  return result;
}

GPtrArray *
captioner_xmp_get_array (XmpPtr      xmp,
                         const char *ns,
                         const char *name)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  XmpStringPtr value = xmp_string_new ();

  for (int i = 1; i < 100000 && xmp_get_array_item (xmp, ns, name, i, value, NULL); i++)
    g_ptr_array_add (items, g_strdup (xmp_string_cstr (value)));
  xmp_string_free (value);
  return items;
}

gboolean
captioner_xmp_get_double (XmpPtr      xmp,
                          const char *ns,
                          const char *path,
                          double     *out)
{
  g_autofree char *text = captioner_xmp_get_text (xmp, ns, path);
  char *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || !(v >= -1e9 && v <= 1e9))
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean
captioner_xmp_read_metadata (XmpPtr             xmp,
                             int                stored_width,
                             int                stored_height,
                             CaptionerMetadata *metadata)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) keywords = NULL;

  g_return_val_if_fail (xmp != NULL, FALSE);
  g_return_val_if_fail (metadata != NULL, FALSE);

  captioner_xmp_init ();

  for (guint i = 0; i < G_N_ELEMENTS (field_map); i++)
    {
      const FieldMap *m = &field_map[i];
      char *value = NULL;

      if (!xmp_has_property (xmp, m->ns, m->name))
        continue;
      if (m->kind == LANG_ALT)
        value = captioner_xmp_get_lang_alt (xmp, m->ns, m->name);
      else if (m->kind == FIRST_OF_SEQ)
        {
          g_autoptr(GPtrArray) items = captioner_xmp_get_array (xmp, m->ns, m->name);
          if (items->len > 0)
            {
              g_ptr_array_add (items, NULL);
              value = g_strjoinv ("; ", (char **) items->pdata);
            }
          else
            value = captioner_xmp_get_text (xmp, m->ns, m->name);
        }
      else
        value = captioner_xmp_get_text (xmp, m->ns, m->name);
      if (value != NULL)
        {
          g_free (metadata->fields[m->field]);
          metadata->fields[m->field] = value;
        }
    }

  if (xmp_has_property (xmp, NS_DC, "subject"))
    {
      keywords = captioner_xmp_get_array (xmp, NS_DC, "subject");
      g_ptr_array_add (keywords, NULL);
      captioner_metadata_set_keywords (metadata, (const char * const *) keywords->pdata);
    }

  people = captioner_xmp_read_people (xmp, stored_width, stored_height);
  if (people->len > 0)
    {
      g_ptr_array_unref (metadata->people);
      metadata->people = g_steal_pointer (&people);
      return TRUE;
    }
  return FALSE;
}

void
captioner_xmp_set_text (XmpPtr      xmp,
                        const char *ns,
                        const char *path,
                        const char *value)
{
  xmp_set_property (xmp, ns, path, value, 0);
}

static void
write_field (XmpPtr          xmp,
             const FieldMap *m,
             const char     *value)
{
  xmp_delete_property (xmp, m->ns, m->name);
  if (value == NULL)
    return;
  switch (m->kind)
    {
    case LANG_ALT:
      xmp_set_localized_text (xmp, m->ns, m->name, "", "x-default", value, 0);
      break;
    case FIRST_OF_SEQ:
      {
        g_auto(GStrv) items = g_strsplit (value, "; ", -1);
        for (guint i = 0; items[i] != NULL; i++)
          xmp_append_array_item (xmp, m->ns, m->name, XMP_PROP_ARRAY_IS_ORDERED, items[i], 0);
        if (items[0] == NULL)
          xmp_append_array_item (xmp, m->ns, m->name, XMP_PROP_ARRAY_IS_ORDERED, "", 0);
      }
      break;
    case SIMPLE:
    default:
      captioner_xmp_set_text (xmp, m->ns, m->name, value);
      break;
    }
}

void
captioner_xmp_write_metadata (XmpPtr                   xmp,
                              const CaptionerMetadata *metadata,
                              int                      stored_width,
                              int                      stored_height,
                              int                      orientation)
{
  g_return_if_fail (xmp != NULL);
  g_return_if_fail (metadata != NULL);

  captioner_xmp_init ();

  for (guint i = 0; i < G_N_ELEMENTS (field_map); i++)
    write_field (xmp, &field_map[i], metadata->fields[field_map[i].field]);

  xmp_delete_property (xmp, NS_DC, "subject");
  for (guint i = 0; metadata->keywords[i] != NULL; i++)
    xmp_append_array_item (xmp, NS_DC, "subject", XMP_PROP_VALUE_IS_ARRAY,
                           metadata->keywords[i], 0);

  captioner_xmp_write_people (xmp, metadata, stored_width, stored_height, orientation);
}

char *
captioner_xmp_serialize (XmpPtr    xmp,
                         gsize    *length,
                         GError  **error)
{
  XmpStringPtr buffer = xmp_string_new ();
  char *text;

  /* A sidecar has no packet wrapper to pad: other programs write it the same way. */
  if (!xmp_serialize_and_format (xmp, buffer, XMP_SERIAL_OMITPACKETWRAPPER, 0, "\n", " ", 0))
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_FAILED,
                   _("the XMP could not be serialised (exempi error %d)"), xmp_get_error ());
      xmp_string_free (buffer);
      return NULL;
    }
  text = g_strdup (xmp_string_cstr (buffer));
  xmp_string_free (buffer);
  if (length)
    *length = strlen (text);
  return text;
}
