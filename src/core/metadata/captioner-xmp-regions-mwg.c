#define G_LOG_DOMAIN "captioner-xmp-regions-mwg"

#include "config.h"

#include "captioner-xmp-regions-private.h"
#include "captioner-xmp-util.h"

/* MWG 2.0 regions: Area x/y is the centre, normalised to the image as stored; w/h a
 * rectangle, d a circle's diameter (relative to the width), neither a point. */

#define LIST "Regions/" PREFIX_MWG_RS ":RegionList"

static char *
item_path (int         index,
           const char *field)
{
  if (field == NULL)
    return g_strdup_printf (LIST "[%d]", index);
  return g_strdup_printf (LIST "[%d]/%s", index, field);
}

static gboolean
get_area (XmpPtr      xmp,
          int         index,
          const char *field,
          double     *out)
{
  g_autofree char *path = g_strdup_printf (LIST "[%d]/%s:Area/%s:%s", index, PREFIX_MWG_RS,
                                           PREFIX_ST_AREA, field);
  return captioner_xmp_get_double (xmp, NS_MWG_RS, path, out);
}

static void
set_area (XmpPtr      xmp,
          int         index,
          const char *field,
          double      value)
{
  g_autofree char *path = g_strdup_printf (LIST "[%d]/%s:Area/%s:%s", index, PREFIX_MWG_RS,
                                           PREFIX_ST_AREA, field);
  g_autofree char *text = captioner_region_format_double (value);

  captioner_xmp_set_text (xmp, NS_MWG_RS, path, text);
}

GPtrArray *
captioner_mwg_read (XmpPtr xmp,
                    int    stored_width,
                    int    stored_height)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_region_ref_free);
  int n = captioner_region_count_items (xmp, NS_MWG_RS, LIST);

  for (int i = 1; i <= n; i++)
    {
      g_autofree char *type_path = item_path (i, PREFIX_MWG_RS ":Type");
      g_autofree char *name_path = item_path (i, PREFIX_MWG_RS ":Name");
      g_autofree char *type = captioner_xmp_get_text (xmp, NS_MWG_RS, type_path);
      g_autofree char *name = captioner_xmp_get_text (xmp, NS_MWG_RS, name_path);
      CaptionerRegionRef *ref;
      double cx = 0, cy = 0, d = 0;

      /* Pets, focus points and barcodes are not people; nor is a face nobody named. */
      if (type != NULL && g_ascii_strcasecmp (type, "Face") != 0)
        continue;
      if (name == NULL || *g_strstrip (name) == '\0')
        continue;

      ref = g_new0 (CaptionerRegionRef, 1);
      ref->name = g_steal_pointer (&name);
      ref->index = i;
      if (get_area (xmp, i, "x", &cx) && get_area (xmp, i, "y", &cy))
        {
          if (get_area (xmp, i, "w", &ref->rect.w) && get_area (xmp, i, "h", &ref->rect.h))
            ref->has_area = TRUE;
          else if (get_area (xmp, i, "d", &d) && d > 0)
            {
              ref->rect.w = d;
              ref->rect.h = stored_width > 0 && stored_height > 0
                            ? d * stored_width / stored_height : d;
              ref->shape = CAPTIONER_SHAPE_CIRCLE;
              ref->has_area = TRUE;
            }
          ref->rect.x = cx - ref->rect.w / 2;
          ref->rect.y = cy - ref->rect.h / 2;
          ref->has_area = ref->has_area && captioner_region_rect_is_sane (&ref->rect);
        }
      g_ptr_array_add (refs, ref);
    }
  return refs;
}

void
captioner_mwg_rename (XmpPtr      xmp,
                      int         index,
                      const char *name)
{
  g_autofree char *path = item_path (index, PREFIX_MWG_RS ":Name");

  captioner_xmp_set_text (xmp, NS_MWG_RS, path, name);
}

/* The area keeps its kind (and its unit): a rectangle gets the new box, a circle the new
 * centre and width, a point the new centre. */
void
captioner_mwg_move (XmpPtr                 xmp,
                    int                    index,
                    const CaptionerPerson *person)
{
  const CaptionerRect *r = &person->region;
  double old;

  set_area (xmp, index, "x", r->x + r->w / 2);
  set_area (xmp, index, "y", r->y + r->h / 2);
  if (get_area (xmp, index, "d", &old) && !get_area (xmp, index, "w", &old))
    set_area (xmp, index, "d", r->w);
  else
    {
      g_autofree char *unit = g_strdup_printf (LIST "[%d]/%s:Area/%s:unit", index,
                                               PREFIX_MWG_RS, PREFIX_ST_AREA);
      set_area (xmp, index, "w", r->w);
      set_area (xmp, index, "h", r->h);
      if (!xmp_has_property (xmp, NS_MWG_RS, unit))
        captioner_xmp_set_text (xmp, NS_MWG_RS, unit, "normalized");
    }
}

void
captioner_mwg_delete (XmpPtr xmp,
                      int    index)
{
  g_autofree char *item = item_path (index, NULL);

  xmp_delete_property (xmp, NS_MWG_RS, item);
}

void
captioner_mwg_append (XmpPtr                 xmp,
                      const CaptionerPerson *person,
                      int                    stored_width,
                      int                    stored_height)
{
  g_autofree char *dims = g_strdup_printf ("Regions/%s:AppliedToDimensions", PREFIX_MWG_RS);
  int index;

  xmp_append_array_item (xmp, NS_MWG_RS, LIST, XMP_PROP_VALUE_IS_ARRAY, NULL,
                         XMP_PROP_VALUE_IS_STRUCT);
  index = captioner_region_count_items (xmp, NS_MWG_RS, LIST);
  captioner_mwg_move (xmp, index, person);
  {
    g_autofree char *type = item_path (index, PREFIX_MWG_RS ":Type");
    captioner_xmp_set_text (xmp, NS_MWG_RS, type, "Face");
  }
  captioner_mwg_rename (xmp, index, person->name);

  if (!xmp_has_property (xmp, NS_MWG_RS, dims) && stored_width > 0 && stored_height > 0)
    {
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

void
captioner_mwg_tidy (XmpPtr xmp)
{
  if (xmp_has_property (xmp, NS_MWG_RS, "Regions") &&
      captioner_region_count_items (xmp, NS_MWG_RS, LIST) == 0)
    xmp_delete_property (xmp, NS_MWG_RS, "Regions");
}
