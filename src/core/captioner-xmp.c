#define G_LOG_DOMAIN "captioner-xmp"

#include "config.h"

#include <exempi/xmpconsts.h>
#include <exempi/xmperrors.h>
#include <glib/gi18n.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-person.h"
#include "captioner-xmp.h"

#define NS_IPTC_EXT "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
#define NS_MWG_RS   "http://www.metadataworkinggroup.com/schemas/regions/"
#define NS_ST_DIM   "http://ns.adobe.com/xap/1.0/sType/Dimensions#"
#define NS_ST_AREA  "http://ns.adobe.com/xmp/sType/Area#"
#define NS_MP       "http://ns.microsoft.com/photo/1.2/"
#define NS_MP_RI    "http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
#define NS_MP_REG   "http://ns.microsoft.com/photo/1.2/t/Region#"

/* Prefixes as registered with exempi: paths below the first step must use them. */
static char *prefix_iptc_ext, *prefix_mwg_rs, *prefix_st_dim, *prefix_st_area, *prefix_mp,
            *prefix_mp_ri, *prefix_mp_reg;

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
      prefix_iptc_ext = register_namespace (NS_IPTC_EXT, "Iptc4xmpExt");
      prefix_mwg_rs = register_namespace (NS_MWG_RS, "mwg-rs");
      prefix_st_dim = register_namespace (NS_ST_DIM, "stDim");
      prefix_st_area = register_namespace (NS_ST_AREA, "stArea");
      prefix_mp = register_namespace (NS_MP, "MP");
      prefix_mp_ri = register_namespace (NS_MP_RI, "MPRI");
      prefix_mp_reg = register_namespace (NS_MP_REG, "MPReg");
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

XmpPtr
captioner_xmp_parse (const char  *data,
                     gsize        length,
                     GError     **error)
{
  XmpPtr xmp;

  captioner_xmp_init ();

  if (has_dtd (data, length))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                           _("the XMP declares a document type, which is not allowed (it could "
                             "expand entities without end)"));
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                           _("the XMP is not UTF-8 text"));
      return NULL;
    }

  /* Check well-formedness with GMarkup first: exempi reports a broken document on stderr
   * itself, and GMarkup's message says where the problem is. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
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
        return NULL;
      }
  }

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

static char *
get_lang_alt (XmpPtr      xmp,
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

static GPtrArray *
get_array (XmpPtr      xmp,
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

static gboolean
get_double (XmpPtr      xmp,
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

static void
add_person (GPtrArray           *people,
            const char          *name,
            const CaptionerRect *region)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (*trimmed == '\0')
    return;
  g_ptr_array_add (people, captioner_person_new (trimmed, region));
}

static gboolean
rect_is_sane (const CaptionerRect *r)
{
  return r->w > 0 && r->h > 0 && r->x > -0.5 && r->y > -0.5 && r->x < 1.5 && r->y < 1.5 &&
         r->w <= 1.5 && r->h <= 1.5;
}

/* MWG 2.0 regions: Area x/y is the centre, normalised to the image as stored. */
static void
read_mwg_regions (XmpPtr     xmp,
                  GPtrArray *people)
{
  for (int i = 1; i < 10000; i++)
    {
      g_autofree char *item = g_strdup_printf ("Regions/%s:RegionList[%d]", prefix_mwg_rs, i);
      g_autofree char *type_path = g_strdup_printf ("%s/%s:Type", item, prefix_mwg_rs);
      g_autofree char *name_path = g_strdup_printf ("%s/%s:Name", item, prefix_mwg_rs);
      g_autofree char *type = NULL;
      g_autofree char *name = NULL;
      CaptionerRect r;
      double cx, cy;
      gboolean has_area;

      if (!xmp_has_property (xmp, NS_MWG_RS, item))
        break;
      type = captioner_xmp_get_text (xmp, NS_MWG_RS, type_path);
      if (type != NULL && g_ascii_strcasecmp (type, "Face") != 0)
        continue;
      name = captioner_xmp_get_text (xmp, NS_MWG_RS, name_path);
      if (name == NULL)
        continue;
#define AREA(field, out) \
      ({ g_autofree char *p_ = g_strdup_printf ("%s/%s:Area/%s:" field, item, prefix_mwg_rs, \
                                                prefix_st_area); \
         get_double (xmp, NS_MWG_RS, p_, out); })
      has_area = AREA ("x", &cx) && AREA ("y", &cy) && AREA ("w", &r.w) && AREA ("h", &r.h);
#undef AREA
      r.x = cx - r.w / 2;
      r.y = cy - r.h / 2;
      add_person (people, name, has_area && rect_is_sane (&r) ? &r : NULL);
    }
}

/* IPTC Extension ImageRegion: a rectangle, top-left rbX/rbY, relative (or pixels). */
static void
read_iptc_regions (XmpPtr     xmp,
                   GPtrArray *people,
                   int        stored_width,
                   int        stored_height)
{
  const char *p = prefix_iptc_ext;

  for (int i = 1; i < 10000; i++)
    {
      g_autofree char *item = g_strdup_printf ("ImageRegion[%d]", i);
      g_autofree char *person_path = g_strdup_printf ("%s/%s:PersonInImage[1]", item, p);
      g_autofree char *shape_path = g_strdup_printf ("%s/%s:RegionBoundary/%s:rbShape", item, p, p);
      g_autofree char *unit_path = g_strdup_printf ("%s/%s:RegionBoundary/%s:rbUnit", item, p, p);
      g_autofree char *name_path = g_strdup_printf ("%s/%s:Name", item, p);
      g_autofree char *name = NULL;
      g_autofree char *shape = NULL;
      g_autofree char *unit = NULL;
      XmpStringPtr value;
      CaptionerRect r;
      gboolean has_area;

      if (!xmp_has_property (xmp, NS_IPTC_EXT, item))
        break;

      value = xmp_string_new ();
      if (xmp_get_property (xmp, NS_IPTC_EXT, person_path, value, NULL))
        name = g_strdup (xmp_string_cstr (value));
      xmp_string_free (value);
      if (name == NULL)
        {
          g_autofree char *people_path = g_strdup_printf ("%s/%s:PersonInImage", item, p);
          name = captioner_xmp_get_text (xmp, NS_IPTC_EXT, people_path);
        }
      if (name == NULL)
        name = get_lang_alt (xmp, NS_IPTC_EXT, name_path);
      if (name == NULL)
        continue;

      shape = captioner_xmp_get_text (xmp, NS_IPTC_EXT, shape_path);
      unit = captioner_xmp_get_text (xmp, NS_IPTC_EXT, unit_path);
#define BOUND(field, out) \
      ({ g_autofree char *p_ = g_strdup_printf ("%s/%s:RegionBoundary/%s:" field, item, p, p); \
         get_double (xmp, NS_IPTC_EXT, p_, out); })
      has_area = (shape == NULL || g_strcmp0 (shape, "rectangle") == 0) &&
                 BOUND ("rbX", &r.x) && BOUND ("rbY", &r.y) && BOUND ("rbW", &r.w) &&
                 BOUND ("rbH", &r.h);
#undef BOUND
      if (has_area && g_strcmp0 (unit, "pixel") == 0)
        {
          if (stored_width > 0 && stored_height > 0)
            {
              r.x /= stored_width;
              r.w /= stored_width;
              r.y /= stored_height;
              r.h /= stored_height;
            }
          else
            has_area = FALSE;
        }
      add_person (people, name, has_area && rect_is_sane (&r) ? &r : NULL);
    }
}

/* Microsoft Photo regions: "x, y, w, h" normalised, top-left. */
static void
read_mp_regions (XmpPtr     xmp,
                 GPtrArray *people)
{
  for (int i = 1; i < 10000; i++)
    {
      g_autofree char *item = g_strdup_printf ("RegionInfo/%s:Regions[%d]", prefix_mp_ri, i);
      g_autofree char *name_path = g_strdup_printf ("%s/%s:PersonDisplayName", item, prefix_mp_reg);
      g_autofree char *rect_path = g_strdup_printf ("%s/%s:Rectangle", item, prefix_mp_reg);
      g_autofree char *name = NULL;
      g_autofree char *rect = NULL;
      CaptionerRect r;
      gboolean has_area = FALSE;

      if (!xmp_has_property (xmp, NS_MP, item))
        break;
      name = captioner_xmp_get_text (xmp, NS_MP, name_path);
      if (name == NULL)
        continue;
      rect = captioner_xmp_get_text (xmp, NS_MP, rect_path);
      if (rect != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (rect, ",", -1);
          if (g_strv_length (parts) == 4)
            {
              r.x = g_ascii_strtod (parts[0], NULL);
              r.y = g_ascii_strtod (parts[1], NULL);
              r.w = g_ascii_strtod (parts[2], NULL);
              r.h = g_ascii_strtod (parts[3], NULL);
              has_area = rect_is_sane (&r);
            }
        }
      add_person (people, name, has_area ? &r : NULL);
    }
}

static gboolean
has_person_named (GPtrArray  *people,
                  const char *name)
{
  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (((CaptionerPerson *) g_ptr_array_index (people, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

static GPtrArray *
read_people (XmpPtr xmp,
             int    stored_width,
             int    stored_height)
{
  GPtrArray *people = captioner_people_new ();
  g_autoptr(GPtrArray) names = NULL;

  read_mwg_regions (xmp, people);
  if (people->len == 0)
    read_iptc_regions (xmp, people, stored_width, stored_height);
  if (people->len == 0)
    read_mp_regions (xmp, people);

  /* Names without regions: those PersonInImage lists that no region carries. */
  names = get_array (xmp, NS_IPTC_EXT, "PersonInImage");
  for (guint i = 0; i < names->len; i++)
    if (!has_person_named (people, g_ptr_array_index (names, i)))
      add_person (people, g_ptr_array_index (names, i), NULL);
  return people;
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
        value = get_lang_alt (xmp, m->ns, m->name);
      else if (m->kind == FIRST_OF_SEQ)
        {
          g_autoptr(GPtrArray) items = get_array (xmp, m->ns, m->name);
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
      keywords = get_array (xmp, NS_DC, "subject");
      g_ptr_array_add (keywords, NULL);
      captioner_metadata_set_keywords (metadata, (const char * const *) keywords->pdata);
    }

  people = read_people (xmp, stored_width, stored_height);
  if (people->len > 0)
    {
      g_ptr_array_unref (metadata->people);
      metadata->people = g_steal_pointer (&people);
      return TRUE;
    }
  return FALSE;
}

static void
set_text (XmpPtr      xmp,
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
      set_text (xmp, m->ns, m->name, value);
      break;
    }
}

static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Six decimals: a thousandth of a pixel on a 6000-pixel side, and no float noise. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}

/* Removes the regions Captioner manages (named faces / people), keeping focus points, pets and
 * any region another program put there for its own reasons. */
static void
delete_people_regions (XmpPtr xmp)
{
  int count = 0;

  while (count < 10000)
    {
      g_autofree char *item = g_strdup_printf ("Regions/%s:RegionList[%d]", prefix_mwg_rs, count + 1);
      if (!xmp_has_property (xmp, NS_MWG_RS, item))
        break;
      count++;
    }
  for (int i = count; i >= 1; i--)
    {
      g_autofree char *item = g_strdup_printf ("Regions/%s:RegionList[%d]", prefix_mwg_rs, i);
      g_autofree char *type_path = g_strdup_printf ("%s/%s:Type", item, prefix_mwg_rs);
      g_autofree char *type = captioner_xmp_get_text (xmp, NS_MWG_RS, type_path);

      if (type == NULL || g_ascii_strcasecmp (type, "Face") == 0)
        xmp_delete_property (xmp, NS_MWG_RS, item);
    }
  if (count > 0)
    {
      g_autofree char *first = g_strdup_printf ("Regions/%s:RegionList[1]", prefix_mwg_rs);
      if (!xmp_has_property (xmp, NS_MWG_RS, first))
        xmp_delete_property (xmp, NS_MWG_RS, "Regions");
    }

  count = 0;
  while (count < 10000)
    {
      g_autofree char *item = g_strdup_printf ("ImageRegion[%d]", count + 1);
      if (!xmp_has_property (xmp, NS_IPTC_EXT, item))
        break;
      count++;
    }
  for (int i = count; i >= 1; i--)
    {
      g_autofree char *person = g_strdup_printf ("ImageRegion[%d]/%s:PersonInImage",
                                                 i, prefix_iptc_ext);
      g_autofree char *item = g_strdup_printf ("ImageRegion[%d]", i);
      if (xmp_has_property (xmp, NS_IPTC_EXT, person))
        xmp_delete_property (xmp, NS_IPTC_EXT, item);
    }
  if (!xmp_has_property (xmp, NS_IPTC_EXT, "ImageRegion[1]"))
    xmp_delete_property (xmp, NS_IPTC_EXT, "ImageRegion");

  xmp_delete_property (xmp, NS_IPTC_EXT, "PersonInImage");
  /* Microsoft's regions say the same as ours: stale copies would bring removed people back. */
  xmp_delete_property (xmp, NS_MP, "RegionInfo");
}

static void
write_mwg_region (XmpPtr                 xmp,
                  const CaptionerPerson *person)
{
  const char *p = prefix_mwg_rs;
  const char *a = prefix_st_area;
  g_autofree char *list = g_strdup_printf ("Regions/%s:RegionList", p);
  g_autofree char *item = g_strdup_printf ("%s[last()]", list);
  struct { const char *field; double value; } area[] = {
    { "x", person->region.x + person->region.w / 2 },
    { "y", person->region.y + person->region.h / 2 },
    { "w", person->region.w },
    { "h", person->region.h },
  };

  xmp_append_array_item (xmp, NS_MWG_RS, list, XMP_PROP_VALUE_IS_ARRAY, NULL,
                         XMP_PROP_VALUE_IS_STRUCT);
  for (guint i = 0; i < G_N_ELEMENTS (area); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s:Area/%s:%s", item, p, a, area[i].field);
      g_autofree char *value = format_double (area[i].value);
      set_text (xmp, NS_MWG_RS, path, value);
    }
  {
    g_autofree char *unit = g_strdup_printf ("%s/%s:Area/%s:unit", item, p, a);
    g_autofree char *type = g_strdup_printf ("%s/%s:Type", item, p);
    g_autofree char *name = g_strdup_printf ("%s/%s:Name", item, p);
    set_text (xmp, NS_MWG_RS, unit, "normalized");
    set_text (xmp, NS_MWG_RS, type, "Face");
    set_text (xmp, NS_MWG_RS, name, person->name);
  }
}

static void
write_iptc_region (XmpPtr                 xmp,
                   const CaptionerPerson *person)
{
  const char *p = prefix_iptc_ext;
  const char *item = "ImageRegion[last()]";
  g_autofree char *boundary = g_strdup_printf ("%s/%s:RegionBoundary", item, p);
  g_autofree char *people = g_strdup_printf ("%s/%s:PersonInImage", item, p);
  g_autofree char *name = g_strdup_printf ("%s/%s:Name", item, p);
  struct { const char *field; double value; } bounds[] = {
    { "rbX", person->region.x }, { "rbY", person->region.y },
    { "rbW", person->region.w }, { "rbH", person->region.h },
  };

  xmp_append_array_item (xmp, NS_IPTC_EXT, "ImageRegion", XMP_PROP_VALUE_IS_ARRAY, NULL,
                         XMP_PROP_VALUE_IS_STRUCT);
  {
    g_autofree char *shape = g_strdup_printf ("%s/%s:rbShape", boundary, p);
    g_autofree char *unit = g_strdup_printf ("%s/%s:rbUnit", boundary, p);
    set_text (xmp, NS_IPTC_EXT, shape, "rectangle");
    set_text (xmp, NS_IPTC_EXT, unit, "relative");
  }
  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s:%s", boundary, p, bounds[i].field);
      g_autofree char *value = format_double (bounds[i].value);
      set_text (xmp, NS_IPTC_EXT, path, value);
    }
  xmp_set_localized_text (xmp, NS_IPTC_EXT, name, "", "x-default", person->name, 0);
  xmp_append_array_item (xmp, NS_IPTC_EXT, people, XMP_PROP_VALUE_IS_ARRAY, person->name, 0);
}

void
captioner_xmp_write_metadata (XmpPtr                   xmp,
                              const CaptionerMetadata *metadata,
                              int                      stored_width,
                              int                      stored_height,
                              int                      orientation)
{
  g_autoptr(GArray) order = NULL;
  int region_index = 0;

  g_return_if_fail (xmp != NULL);
  g_return_if_fail (metadata != NULL);

  captioner_xmp_init ();

  for (guint i = 0; i < G_N_ELEMENTS (field_map); i++)
    write_field (xmp, &field_map[i], metadata->fields[field_map[i].field]);

  xmp_delete_property (xmp, NS_DC, "subject");
  for (guint i = 0; metadata->keywords[i] != NULL; i++)
    xmp_append_array_item (xmp, NS_DC, "subject", XMP_PROP_VALUE_IS_ARRAY,
                           metadata->keywords[i], 0);

  delete_people_regions (xmp);
  if (metadata->people->len == 0)
    return;

  /* People are written left to right as displayed, so that every program lists them in the
   * order of the caption. Regions stay in stored coordinates, as MWG and IPTC define them. */
  order = captioner_people_order_displayed (metadata->people, orientation);
  for (guint i = 0; i < order->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (metadata->people,
                                                         g_array_index (order, guint, i));
      xmp_append_array_item (xmp, NS_IPTC_EXT, "PersonInImage", XMP_PROP_VALUE_IS_ARRAY,
                             person->name, 0);
      if (!person->has_region)
        continue;
      region_index++;
      write_mwg_region (xmp, person);
      write_iptc_region (xmp, person);
    }

  if (region_index > 0 && stored_width > 0 && stored_height > 0)
    {
      g_autofree char *dims = g_strdup_printf ("Regions/%s:AppliedToDimensions", prefix_mwg_rs);
      g_autofree char *w_path = g_strdup_printf ("%s/%s:w", dims, prefix_st_dim);
      g_autofree char *h_path = g_strdup_printf ("%s/%s:h", dims, prefix_st_dim);
      g_autofree char *unit_path = g_strdup_printf ("%s/%s:unit", dims, prefix_st_dim);
      g_autofree char *w = g_strdup_printf ("%d", stored_width);
      g_autofree char *h = g_strdup_printf ("%d", stored_height);

      set_text (xmp, NS_MWG_RS, w_path, w);
      set_text (xmp, NS_MWG_RS, h_path, h);
      set_text (xmp, NS_MWG_RS, unit_path, "pixel");
    }
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
