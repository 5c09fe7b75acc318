#define G_LOG_DOMAIN "captioner-person"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "captioner-error.h"
#include "captioner-person.h"

G_DEFINE_BOXED_TYPE (CaptionerPerson, captioner_person, captioner_person_copy, captioner_person_free)

CaptionerPerson *
captioner_person_new (const char          *name,
                      const CaptionerRect *stored_region)
{
  CaptionerPerson *person = g_new0 (CaptionerPerson, 1);

  person->name = g_strdup (name ? name : "");
  if (stored_region != NULL)
    {
      person->has_region = TRUE;
      person->region = *stored_region;
      captioner_rect_clamp (&person->region);
    }
  return person;
}

CaptionerPerson *
captioner_person_new_displayed (const char          *name,
                                const CaptionerRect *displayed_region,
                                int                  orientation)
{
  CaptionerRect stored;

  if (displayed_region == NULL)
    return captioner_person_new (name, NULL);

  captioner_orientation_to_stored (orientation, displayed_region, &stored);
  return captioner_person_new (name, &stored);
}

CaptionerPerson *
captioner_person_copy (const CaptionerPerson *person)
{
  CaptionerPerson *copy;

  g_return_val_if_fail (person != NULL, NULL);

  copy = captioner_person_new (person->name, NULL);
  copy->has_region = person->has_region;
  copy->region = person->region;
  copy->id = person->id;
  copy->shape = person->shape;
  copy->row = person->row;
  if (person->points != NULL)
    {
      copy->points = g_array_sized_new (FALSE, FALSE, sizeof (CaptionerPoint), person->points->len);
      g_array_append_vals (copy->points, person->points->data, person->points->len);
    }
  return copy;
}

void
captioner_person_free (CaptionerPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_clear_pointer (&person->points, g_array_unref);
  g_free (person);
}

gboolean
captioner_person_get_displayed_region (const CaptionerPerson *person,
                                       int                    orientation,
                                       CaptionerRect         *displayed)
{
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (displayed != NULL, FALSE);

  if (!person->has_region)
    return FALSE;
  captioner_orientation_to_displayed (orientation, &person->region, displayed);
  return TRUE;
}

GArray *
captioner_person_dup_displayed_points (const CaptionerPerson *person,
                                       int                    orientation)
{
  GArray *points;

  g_return_val_if_fail (person != NULL, NULL);

  if (!person->has_region || person->shape != CAPTIONER_SHAPE_POLYGON || person->points == NULL)
    return NULL;
  points = g_array_sized_new (FALSE, FALSE, sizeof (CaptionerPoint), person->points->len);
  for (guint i = 0; i < person->points->len; i++)
    {
      const CaptionerPoint *p = &g_array_index (person->points, CaptionerPoint, i);
      CaptionerRect stored = { person->region.x + p->x * person->region.w,
                               person->region.y + p->y * person->region.h, 0, 0 };
      CaptionerRect displayed;
      CaptionerPoint out;

      captioner_orientation_to_displayed (orientation, &stored, &displayed);
      out.x = displayed.x;
      out.y = displayed.y;
      g_array_append_val (points, out);
    }
  return points;
}

void
captioner_person_set_polygon (CaptionerPerson      *person,
                              const CaptionerPoint *stored_points,
                              guint                 n_points)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_if_fail (person != NULL);
  g_return_if_fail (stored_points != NULL || n_points == 0);

  g_clear_pointer (&person->points, g_array_unref);
  if (n_points < 3)
    return;
  for (guint i = 0; i < n_points; i++)
    {
      x0 = MIN (x0, stored_points[i].x);
      y0 = MIN (y0, stored_points[i].y);
      x1 = MAX (x1, stored_points[i].x);
      y1 = MAX (y1, stored_points[i].y);
    }
  if (!(x1 > x0 && y1 > y0))
    return;
  person->has_region = TRUE;
  person->region = (CaptionerRect) { x0, y0, x1 - x0, y1 - y0 };
  person->shape = CAPTIONER_SHAPE_POLYGON;
  person->points = g_array_sized_new (FALSE, FALSE, sizeof (CaptionerPoint), n_points);
  for (guint i = 0; i < n_points; i++)
    {
      CaptionerPoint p = { (stored_points[i].x - x0) / (x1 - x0),
                           (stored_points[i].y - y0) / (y1 - y0) };
      g_array_append_val (person->points, p);
    }
}

static gboolean
parse_fraction (const char *text,
                double     *value)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (v) || v < 0.0 || v > 1.0)
    return FALSE;
  *value = v;
  return TRUE;
}

/* "NAME@X,Y,W,H" with the box in the displayed photo, normalised, X,Y the top-left corner;
 * a plain "NAME" is a person without a region. The last '@' separates, so names may hold one. */
gboolean
captioner_person_parse_spec (const char     *spec,
                             char          **name,
                             CaptionerRect  *displayed_region,
                             gboolean       *has_region,
                             GError        **error)
{
  const char *at;
  g_auto(GStrv) parts = NULL;
  g_autofree char *trimmed = NULL;
  CaptionerRect rect;

  g_return_val_if_fail (spec != NULL, FALSE);

  at = strrchr (spec, '@');
  if (at == NULL)
    {
      trimmed = g_strstrip (g_strdup (spec));
      if (*trimmed == '\0')
        goto bad;
      *name = g_steal_pointer (&trimmed);
      *has_region = FALSE;
      return TRUE;
    }

  trimmed = g_strstrip (g_strndup (spec, at - spec));
  parts = g_strsplit (at + 1, ",", -1);
  if (*trimmed == '\0' || g_strv_length (parts) != 4 ||
      !parse_fraction (g_strstrip (parts[0]), &rect.x) ||
      !parse_fraction (g_strstrip (parts[1]), &rect.y) ||
      !parse_fraction (g_strstrip (parts[2]), &rect.w) ||
      !parse_fraction (g_strstrip (parts[3]), &rect.h) ||
      rect.w <= 0.0 || rect.h <= 0.0 ||
      rect.x + rect.w > 1.0 + 1e-9 || rect.y + rect.h > 1.0 + 1e-9)
    goto bad;

  captioner_rect_clamp (&rect);
  *name = g_steal_pointer (&trimmed);
  *displayed_region = rect;
  *has_region = TRUE;
  return TRUE;

bad:
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a person: expected NAME or NAME@X,Y,W,H with numbers from 0 to 1"),
               spec);
  return FALSE;
}

GPtrArray *
captioner_people_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_person_free);
}

GPtrArray *
captioner_people_copy (GPtrArray *people)
{
  GPtrArray *copy = captioner_people_new ();

  for (guint i = 0; people != NULL && i < people->len; i++)
    g_ptr_array_add (copy, captioner_person_copy (g_ptr_array_index (people, i)));
  return copy;
}

typedef struct
{
  const CaptionerPerson *person;
  guint                  index;
  gboolean               has_region;
  double                 cx;
  double                 cy;
} SortKey;

static int
compare_keys (const void *a,
              const void *b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;

  /* People with a region come first, left to right by centre, ties top first; people without
   * one follow in the editor's order. The index keeps the sort stable. */
  if (ka->has_region != kb->has_region)
    return ka->has_region ? -1 : 1;
  if (ka->has_region)
    {
      if (ka->cx != kb->cx)
        return ka->cx < kb->cx ? -1 : 1;
      if (ka->cy != kb->cy)
        return ka->cy < kb->cy ? -1 : 1;
    }
  return (ka->index > kb->index) - (ka->index < kb->index);
}

GArray *
captioner_people_order_displayed (GPtrArray *people,
                                  int        orientation)
{
  g_autofree SortKey *keys = NULL;
  guint n = people ? people->len : 0;
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  keys = g_new0 (SortKey, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);
      CaptionerRect d;

      keys[i].person = person;
      keys[i].index = i;
      keys[i].has_region = captioner_person_get_displayed_region (person, orientation, &d);
      if (keys[i].has_region)
        {
          keys[i].cx = d.x + d.w / 2;
          keys[i].cy = d.y + d.h / 2;
        }
    }
  qsort (keys, n, sizeof *keys, compare_keys);
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, keys[i].index);
  return order;
}

/* Returns a new array (copies) in left-to-right order as displayed. */
GPtrArray *
captioner_people_sort_displayed (GPtrArray *people,
                                 int        orientation)
{
  g_autoptr(GArray) order = captioner_people_order_displayed (people, orientation);
  GPtrArray *sorted = captioner_people_new ();

  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (sorted, captioner_person_copy (g_ptr_array_index (people,
                                                                       g_array_index (order, guint, i))));
  return sorted;
}

gboolean
captioner_people_equal (GPtrArray *a,
                        GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const CaptionerPerson *pa = g_ptr_array_index (a, i);
      const CaptionerPerson *pb = g_ptr_array_index (b, i);

      if (g_strcmp0 (pa->name, pb->name) != 0 || pa->has_region != pb->has_region ||
          pa->row != pb->row)
        return FALSE;
      if (pa->has_region &&
          (fabs (pa->region.x - pb->region.x) > 1e-6 || fabs (pa->region.y - pb->region.y) > 1e-6 ||
           fabs (pa->region.w - pb->region.w) > 1e-6 || fabs (pa->region.h - pb->region.h) > 1e-6))
        return FALSE;
    }
  return TRUE;
}

void
captioner_people_assign_ids (GPtrArray *people)
{
  guint next = 1;

  g_return_if_fail (people != NULL);

  for (guint i = 0; i < people->len; i++)
    next = MAX (next, ((CaptionerPerson *) g_ptr_array_index (people, i))->id + 1);
  for (guint i = 0; i < people->len; i++)
    {
      CaptionerPerson *person = g_ptr_array_index (people, i);

      if (person->id == 0)
        person->id = next++;
    }
}

CaptionerPerson *
captioner_people_find (GPtrArray *people,
                       guint      id)
{
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      CaptionerPerson *person = g_ptr_array_index (people, i);

      if (person->id == id)
        return person;
    }
  return NULL;
}
