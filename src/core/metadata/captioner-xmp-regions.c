#define G_LOG_DOMAIN "captioner-xmp-regions"

#include "config.h"

#include <string.h>

#include "captioner-person.h"
#include "captioner-xmp-regions.h"
#include "captioner-xmp-util.h"

/* People in XMP: MWG regions, IPTC Extension ImageRegion and Microsoft Photo regions on read;
 * MWG and IPTC regions plus PersonInImage on write. Regions are in stored coordinates. */

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
      g_autofree char *item = g_strdup_printf ("Regions/%s:RegionList[%d]", PREFIX_MWG_RS, i);
      g_autofree char *type_path = g_strdup_printf ("%s/%s:Type", item, PREFIX_MWG_RS);
      g_autofree char *name_path = g_strdup_printf ("%s/%s:Name", item, PREFIX_MWG_RS);
      g_autofree char *type = NULL;
      g_autofree char *name = NULL;
      CaptionerRect r = { 0 };
      double cx = 0, cy = 0;
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
      ({ g_autofree char *p_ = g_strdup_printf ("%s/%s:Area/%s:" field, item, PREFIX_MWG_RS, \
                                                PREFIX_ST_AREA); \
         captioner_xmp_get_double (xmp, NS_MWG_RS, p_, out); })
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
  const char *p = PREFIX_IPTC_EXT;

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
        name = captioner_xmp_get_lang_alt (xmp, NS_IPTC_EXT, name_path);
      if (name == NULL)
        continue;

      shape = captioner_xmp_get_text (xmp, NS_IPTC_EXT, shape_path);
      unit = captioner_xmp_get_text (xmp, NS_IPTC_EXT, unit_path);
#define BOUND(field, out) \
      ({ g_autofree char *p_ = g_strdup_printf ("%s/%s:RegionBoundary/%s:" field, item, p, p); \
         captioner_xmp_get_double (xmp, NS_IPTC_EXT, p_, out); })
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
      g_autofree char *item = g_strdup_printf ("RegionInfo/%s:Regions[%d]", PREFIX_MP_RI, i);
      g_autofree char *name_path = g_strdup_printf ("%s/%s:PersonDisplayName", item, PREFIX_MP_REG);
      g_autofree char *rect_path = g_strdup_printf ("%s/%s:Rectangle", item, PREFIX_MP_REG);
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

GPtrArray *
captioner_xmp_read_people (XmpPtr xmp,
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
  names = captioner_xmp_get_array (xmp, NS_IPTC_EXT, "PersonInImage");
  for (guint i = 0; i < names->len; i++)
    if (!has_person_named (people, g_ptr_array_index (names, i)))
      add_person (people, g_ptr_array_index (names, i), NULL);
  captioner_people_assign_ids (people);
  return people;
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
      g_autofree char *item = g_strdup_printf ("Regions/%s:RegionList[%d]", PREFIX_MWG_RS, count + 1);
      if (!xmp_has_property (xmp, NS_MWG_RS, item))
        break;
      count++;
    }
  for (int i = count; i >= 1; i--)
    {
      g_autofree char *item = g_strdup_printf ("Regions/%s:RegionList[%d]", PREFIX_MWG_RS, i);
      g_autofree char *type_path = g_strdup_printf ("%s/%s:Type", item, PREFIX_MWG_RS);
      g_autofree char *type = captioner_xmp_get_text (xmp, NS_MWG_RS, type_path);

      if (type == NULL || g_ascii_strcasecmp (type, "Face") == 0)
        xmp_delete_property (xmp, NS_MWG_RS, item);
    }
  if (count > 0)
    {
      g_autofree char *first = g_strdup_printf ("Regions/%s:RegionList[1]", PREFIX_MWG_RS);
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
                                                 i, PREFIX_IPTC_EXT);
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
  const char *p = PREFIX_MWG_RS;
  const char *a = PREFIX_ST_AREA;
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
      captioner_xmp_set_text (xmp, NS_MWG_RS, path, value);
    }
  {
    g_autofree char *unit = g_strdup_printf ("%s/%s:Area/%s:unit", item, p, a);
    g_autofree char *type = g_strdup_printf ("%s/%s:Type", item, p);
    g_autofree char *name = g_strdup_printf ("%s/%s:Name", item, p);
    captioner_xmp_set_text (xmp, NS_MWG_RS, unit, "normalized");
    captioner_xmp_set_text (xmp, NS_MWG_RS, type, "Face");
    captioner_xmp_set_text (xmp, NS_MWG_RS, name, person->name);
  }
}

static void
write_iptc_region (XmpPtr                 xmp,
                   const CaptionerPerson *person)
{
  const char *p = PREFIX_IPTC_EXT;
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
    captioner_xmp_set_text (xmp, NS_IPTC_EXT, shape, "rectangle");
    captioner_xmp_set_text (xmp, NS_IPTC_EXT, unit, "relative");
  }
  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s:%s", boundary, p, bounds[i].field);
      g_autofree char *value = format_double (bounds[i].value);
      captioner_xmp_set_text (xmp, NS_IPTC_EXT, path, value);
    }
  xmp_set_localized_text (xmp, NS_IPTC_EXT, name, "", "x-default", person->name, 0);
  xmp_append_array_item (xmp, NS_IPTC_EXT, people, XMP_PROP_VALUE_IS_ARRAY, person->name, 0);
}

void
captioner_xmp_write_people (XmpPtr                   xmp,
                            const CaptionerMetadata *metadata,
                            int                      stored_width,
                            int                      stored_height,
                            int                      orientation)
{
  g_autoptr(GArray) order = NULL;
  int region_index = 0;

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
      g_autofree char *dims = g_strdup_printf ("Regions/%s:AppliedToDimensions", PREFIX_MWG_RS);
      g_autofree char *w_path = g_strdup_printf ("%s/%s:w", dims, PREFIX_ST_DIM);
      g_autofree char *h_path = g_strdup_printf ("%s/%s:h", dims, PREFIX_ST_DIM);
      g_autofree char *unit_path = g_strdup_printf ("%s/%s:unit", dims, PREFIX_ST_DIM);
      g_autofree char *w = g_strdup_printf ("%d", stored_width);
      g_autofree char *h = g_strdup_printf ("%d", stored_height);

      captioner_xmp_set_text (xmp, NS_MWG_RS, w_path, w);
      captioner_xmp_set_text (xmp, NS_MWG_RS, h_path, h);
      captioner_xmp_set_text (xmp, NS_MWG_RS, unit_path, "pixel");
    }
}
