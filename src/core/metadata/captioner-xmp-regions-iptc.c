#define G_LOG_DOMAIN "captioner-xmp-regions-iptc"

#include "config.h"

#include <string.h>

#include "captioner-xmp-regions-private.h"
#include "captioner-xmp-util.h"

/* IPTC Extension ImageRegion. The boundary is a rectangle (rbX/rbY top-left, rbW/rbH), a
 * circle (rbX/rbY centre, rbRx radius in widths) or a polygon (rbVertices), relative to the
 * image or in pixels. A region is a person's when it names one (PersonInImage, or a
 * PersonInImageWDetails PersonName); any other region (a logo, a product, a pet) is no one. */

#define P PREFIX_IPTC_EXT

static char *
region_path (int         index,
             const char *rest)
{
  if (rest == NULL)
    return g_strdup_printf ("ImageRegion[%d]", index);
  return g_strdup_printf ("ImageRegion[%d]/%s", index, rest);
}

static char *
get_region_text (XmpPtr      xmp,
                 int         index,
                 const char *rest)
{
  g_autofree char *path = region_path (index, rest);

  return captioner_xmp_get_text (xmp, NS_IPTC_EXT, path);
}

static gboolean
get_bound (XmpPtr      xmp,
           int         index,
           const char *field,
           double     *out)
{
  g_autofree char *path = g_strdup_printf ("ImageRegion[%d]/%s:RegionBoundary/%s",
                                           index, P, field);
  return captioner_xmp_get_double (xmp, NS_IPTC_EXT, path, out);
}

static void
set_bound (XmpPtr      xmp,
           int         index,
           const char *field,
           double      value)
{
  g_autofree char *path = g_strdup_printf ("ImageRegion[%d]/%s:RegionBoundary/%s",
                                           index, P, field);
  g_autofree char *text = captioner_region_format_double (value);

  captioner_xmp_set_text (xmp, NS_IPTC_EXT, path, text);
}

static gboolean
get_vertex (XmpPtr  xmp,
            int     index,
            int     vertex,
            double *x,
            double *y)
{
  g_autofree char *vx = g_strdup_printf ("%s:rbVertices[%d]/%s:rbX", P, vertex, P);
  g_autofree char *vy = g_strdup_printf ("%s:rbVertices[%d]/%s:rbY", P, vertex, P);

  return get_bound (xmp, index, vx, x) && get_bound (xmp, index, vy, y);
}

/* The boundary in normalised stored coordinates: its bounding box, and a polygon's vertices.
 * scale_x/scale_y turn the file's numbers into fractions of the image. */
static gboolean
read_boundary (XmpPtr              xmp,
               int                 index,
               int                 stored_width,
               int                 stored_height,
               CaptionerRegionRef *ref)
{
  g_autofree char *shape = get_region_text (xmp, index, P ":RegionBoundary/" P ":rbShape");
  g_autofree char *unit = get_region_text (xmp, index, P ":RegionBoundary/" P ":rbUnit");
  gboolean pixels = g_strcmp0 (unit, "pixel") == 0;
  double sx = 1, sy = 1, aspect = 1;
  CaptionerRect *r = &ref->rect;

  if (stored_width > 0 && stored_height > 0)
    aspect = (double) stored_width / stored_height;
  if (pixels)
    {
      if (stored_width <= 0 || stored_height <= 0)
        return FALSE;
      sx = 1.0 / stored_width;
      sy = 1.0 / stored_height;
    }

  if (shape == NULL || strcmp (shape, "rectangle") == 0)
    {
      ref->shape = CAPTIONER_SHAPE_RECTANGLE;
      if (!get_bound (xmp, index, P ":rbX", &r->x) || !get_bound (xmp, index, P ":rbY", &r->y) ||
          !get_bound (xmp, index, P ":rbW", &r->w) || !get_bound (xmp, index, P ":rbH", &r->h))
        return FALSE;
      r->x *= sx;
      r->w *= sx;
      r->y *= sy;
      r->h *= sy;
    }
  else if (strcmp (shape, "circle") == 0)
    {
      double cx, cy, rx;

      ref->shape = CAPTIONER_SHAPE_CIRCLE;
      if (!get_bound (xmp, index, P ":rbX", &cx) || !get_bound (xmp, index, P ":rbY", &cy) ||
          !get_bound (xmp, index, P ":rbRx", &rx))
        return FALSE;
      /* In pixels the radius is the same both ways; relative, it is a fraction of the width. */
      r->w = 2 * rx * sx;
      r->h = pixels ? 2 * rx * sy : 2 * rx * aspect;
      r->x = cx * sx - r->w / 2;
      r->y = cy * sy - r->h / 2;
    }
  else if (strcmp (shape, "polygon") == 0)
    {
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      double x, y;

      ref->shape = CAPTIONER_SHAPE_POLYGON;
      ref->points = g_array_new (FALSE, FALSE, sizeof (CaptionerPoint));
      for (int v = 1; v < 10000 && get_vertex (xmp, index, v, &x, &y); v++)
        {
          CaptionerPoint point = { x * sx, y * sy };

          g_array_append_val (ref->points, point);
          x0 = MIN (x0, point.x);
          y0 = MIN (y0, point.y);
          x1 = MAX (x1, point.x);
          y1 = MAX (y1, point.y);
        }
      if (ref->points->len < 3)
        return FALSE;
      *r = (CaptionerRect) { x0, y0, x1 - x0, y1 - y0 };
    }
  else
    return FALSE;
  return captioner_region_rect_is_sane (r);
}

static CaptionerRegionRef *
new_ref (const char *name,
         int         index,
         int         sub)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  CaptionerRegionRef *ref;

  if (*trimmed == '\0')
    return NULL;
  ref = g_new0 (CaptionerRegionRef, 1);
  ref->name = g_steal_pointer (&trimmed);
  ref->index = index;
  ref->sub = sub;
  return ref;
}

GPtrArray *
captioner_iptc_regions_read (XmpPtr xmp,
                             int    stored_width,
                             int    stored_height)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_region_ref_free);
  int n = captioner_region_count_items (xmp, NS_IPTC_EXT, "ImageRegion");

  for (int i = 1; i <= n; i++)
    {
      g_autofree char *people_path = region_path (i, P ":PersonInImage");
      g_autofree char *details_path = region_path (i, P ":PersonInImageWDetails");
      g_autoptr(GPtrArray) names = captioner_xmp_get_array (xmp, NS_IPTC_EXT, people_path);
      int n_details = captioner_region_count_items (xmp, NS_IPTC_EXT, details_path);
      CaptionerRegionRef template = { 0 };
      gboolean has_area;
      guint first = refs->len;

      for (guint j = 0; j < names->len; j++)
        {
          CaptionerRegionRef *ref = new_ref (g_ptr_array_index (names, j), i, j + 1);
          if (ref != NULL)
            g_ptr_array_add (refs, ref);
        }
      for (int j = 1; j <= n_details; j++)
        {
          g_autofree char *name_path = g_strdup_printf ("%s[%d]/%s:PersonName", details_path, j, P);
          g_autofree char *name = captioner_xmp_get_lang_alt (xmp, NS_IPTC_EXT, name_path);
          CaptionerRegionRef *ref = new_ref (name, i, -j);

          if (ref != NULL)
            g_ptr_array_add (refs, ref);
        }
      if (refs->len == first)
        continue;   /* nobody in this region */

      has_area = read_boundary (xmp, i, stored_width, stored_height, &template);
      for (guint k = first; k < refs->len; k++)
        {
          CaptionerRegionRef *ref = g_ptr_array_index (refs, k);

          ref->has_area = has_area;
          ref->rect = template.rect;
          ref->shape = template.shape;
          if (template.points != NULL)
            {
              ref->points = g_array_sized_new (FALSE, FALSE, sizeof (CaptionerPoint),
                                               template.points->len);
              g_array_append_vals (ref->points, template.points->data, template.points->len);
            }
        }
      g_clear_pointer (&template.points, g_array_unref);
    }
  return refs;
}

void
captioner_iptc_regions_rename (XmpPtr                    xmp,
                               const CaptionerRegionRef *ref,
                               const char               *name)
{
  g_autofree char *region_name_path = region_path (ref->index, P ":Name");
  g_autofree char *region_name = captioner_xmp_get_lang_alt (xmp, NS_IPTC_EXT, region_name_path);

  if (ref->sub > 0)
    {
      g_autofree char *path = g_strdup_printf ("ImageRegion[%d]/%s:PersonInImage[%d]",
                                               ref->index, P, ref->sub);
      xmp_set_property (xmp, NS_IPTC_EXT, path, name, 0);
    }
  else if (ref->sub < 0)
    {
      g_autofree char *path = g_strdup_printf ("ImageRegion[%d]/%s:PersonInImageWDetails[%d]/"
                                               "%s:PersonName", ref->index, P, -ref->sub, P);
      captioner_xmp_set_lang_alt (xmp, NS_IPTC_EXT, path, name);
    }
  /* The region's own name follows when it was the person's. */
  if (region_name != NULL && g_strcmp0 (g_strstrip (region_name), ref->name) == 0)
    captioner_xmp_set_lang_alt (xmp, NS_IPTC_EXT, region_name_path, name);
}

/* The boundary keeps its shape and unit: a rectangle gets the new box, a circle the new
 * centre and radius, a polygon's vertices go from their old bounding box to the new one. */
void
captioner_iptc_regions_move (XmpPtr                 xmp,
                             int                    index,
                             const CaptionerPerson *person,
                             int                    stored_width,
                             int                    stored_height)
{
  g_autofree char *shape = get_region_text (xmp, index, P ":RegionBoundary/" P ":rbShape");
  g_autofree char *unit = get_region_text (xmp, index, P ":RegionBoundary/" P ":rbUnit");
  const CaptionerRect *r = &person->region;
  double sx = 1, sy = 1;

  if (g_strcmp0 (unit, "pixel") == 0)
    {
      if (stored_width <= 0 || stored_height <= 0)
        return;
      sx = stored_width;
      sy = stored_height;
    }

  if (g_strcmp0 (shape, "circle") == 0)
    {
      set_bound (xmp, index, P ":rbX", (r->x + r->w / 2) * sx);
      set_bound (xmp, index, P ":rbY", (r->y + r->h / 2) * sy);
      set_bound (xmp, index, P ":rbRx", r->w / 2 * sx);
    }
  else if (g_strcmp0 (shape, "polygon") == 0)
    {
      CaptionerRegionRef old = { 0 };
      double x, y;

      if (!read_boundary (xmp, index, stored_width, stored_height, &old))
        {
          g_clear_pointer (&old.points, g_array_unref);
          return;
        }
      for (guint v = 0; v < old.points->len && get_vertex (xmp, index, v + 1, &x, &y); v++)
        {
          const CaptionerPoint *p = &g_array_index (old.points, CaptionerPoint, v);
          double u = old.rect.w > 0 ? (p->x - old.rect.x) / old.rect.w : 0;
          double t = old.rect.h > 0 ? (p->y - old.rect.y) / old.rect.h : 0;
          g_autofree char *vx = g_strdup_printf ("%s:rbVertices[%u]/%s:rbX", P, v + 1, P);
          g_autofree char *vy = g_strdup_printf ("%s:rbVertices[%u]/%s:rbY", P, v + 1, P);

          set_bound (xmp, index, vx, (r->x + u * r->w) * sx);
          set_bound (xmp, index, vy, (r->y + t * r->h) * sy);
        }
      g_array_unref (old.points);
    }
  else
    {
      if (shape == NULL)
        {
          g_autofree char *path = region_path (index, P ":RegionBoundary/" P ":rbShape");
          captioner_xmp_set_text (xmp, NS_IPTC_EXT, path, "rectangle");
        }
      if (unit == NULL)
        {
          g_autofree char *path = region_path (index, P ":RegionBoundary/" P ":rbUnit");
          captioner_xmp_set_text (xmp, NS_IPTC_EXT, path, "relative");
        }
      set_bound (xmp, index, P ":rbX", r->x * sx);
      set_bound (xmp, index, P ":rbY", r->y * sy);
      set_bound (xmp, index, P ":rbW", r->w * sx);
      set_bound (xmp, index, P ":rbH", r->h * sy);
    }
}

void
captioner_iptc_regions_delete (XmpPtr                    xmp,
                               const CaptionerRegionRef *ref)
{
  g_autofree char *people_path = region_path (ref->index, P ":PersonInImage");
  g_autofree char *details_path = region_path (ref->index, P ":PersonInImageWDetails");
  int named = captioner_region_count_items (xmp, NS_IPTC_EXT, people_path) +
              captioner_region_count_items (xmp, NS_IPTC_EXT, details_path);

  if (named > 1 && ref->sub != 0)
    {
      g_autofree char *item = ref->sub > 0 ? g_strdup_printf ("%s[%d]", people_path, ref->sub)
                                           : g_strdup_printf ("%s[%d]", details_path, -ref->sub);
      xmp_delete_property (xmp, NS_IPTC_EXT, item);
      if (captioner_region_count_items (xmp, NS_IPTC_EXT, people_path) == 0)
        xmp_delete_property (xmp, NS_IPTC_EXT, people_path);
      if (captioner_region_count_items (xmp, NS_IPTC_EXT, details_path) == 0)
        xmp_delete_property (xmp, NS_IPTC_EXT, details_path);
      return;
    }
  {
    g_autofree char *item = region_path (ref->index, NULL);
    xmp_delete_property (xmp, NS_IPTC_EXT, item);
  }
}

static void
append_polygon (XmpPtr                 xmp,
                int                    index,
                const CaptionerPerson *person)
{
  g_autofree char *vertices = region_path (index, P ":RegionBoundary/" P ":rbVertices");

  for (guint v = 0; v < person->points->len; v++)
    {
      const CaptionerPoint *p = &g_array_index (person->points, CaptionerPoint, v);
      g_autofree char *vx = g_strdup_printf ("%s:rbVertices[%u]/%s:rbX", P, v + 1, P);
      g_autofree char *vy = g_strdup_printf ("%s:rbVertices[%u]/%s:rbY", P, v + 1, P);

      xmp_append_array_item (xmp, NS_IPTC_EXT, vertices, XMP_PROP_ARRAY_IS_ORDERED, NULL,
                             XMP_PROP_VALUE_IS_STRUCT);
      set_bound (xmp, index, vx, person->region.x + p->x * person->region.w);
      set_bound (xmp, index, vy, person->region.y + p->y * person->region.h);
    }
}

void
captioner_iptc_regions_append (XmpPtr                 xmp,
                               const CaptionerPerson *person)
{
  g_autofree char *shape_path = NULL;
  g_autofree char *unit_path = NULL;
  g_autofree char *name_path = NULL;
  g_autofree char *people_path = NULL;
  const char *shape = "rectangle";
  int index;

  xmp_append_array_item (xmp, NS_IPTC_EXT, "ImageRegion", XMP_PROP_VALUE_IS_ARRAY, NULL,
                         XMP_PROP_VALUE_IS_STRUCT);
  index = captioner_region_count_items (xmp, NS_IPTC_EXT, "ImageRegion");
  shape_path = region_path (index, P ":RegionBoundary/" P ":rbShape");
  unit_path = region_path (index, P ":RegionBoundary/" P ":rbUnit");
  if (person->shape == CAPTIONER_SHAPE_CIRCLE)
    shape = "circle";
  else if (person->shape == CAPTIONER_SHAPE_POLYGON && person->points != NULL &&
           person->points->len >= 3)
    shape = "polygon";
  captioner_xmp_set_text (xmp, NS_IPTC_EXT, shape_path, shape);
  captioner_xmp_set_text (xmp, NS_IPTC_EXT, unit_path, "relative");
  if (strcmp (shape, "polygon") == 0)
    append_polygon (xmp, index, person);
  else
    captioner_iptc_regions_move (xmp, index, person, 0, 0);

  name_path = region_path (index, P ":Name");
  people_path = region_path (index, P ":PersonInImage");
  xmp_set_localized_text (xmp, NS_IPTC_EXT, name_path, "", "x-default", person->name, 0);
  xmp_append_array_item (xmp, NS_IPTC_EXT, people_path, XMP_PROP_VALUE_IS_ARRAY, person->name, 0);
}

void
captioner_iptc_regions_tidy (XmpPtr xmp)
{
  if (xmp_has_property (xmp, NS_IPTC_EXT, "ImageRegion") &&
      captioner_region_count_items (xmp, NS_IPTC_EXT, "ImageRegion") == 0)
    xmp_delete_property (xmp, NS_IPTC_EXT, "ImageRegion");
}
