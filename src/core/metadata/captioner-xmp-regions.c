#define G_LOG_DOMAIN "captioner-xmp-regions"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "captioner-person.h"
#include "captioner-xmp-regions.h"
#include "captioner-xmp-regions-private.h"
#include "captioner-xmp-util.h"

/* People in XMP: MWG regions, IPTC Extension ImageRegions and Microsoft Photo regions, and
 * the names of Iptc4xmpExt:PersonInImage. A person named in several of them is one person.
 * A save edits the packet in place: a person nobody touched keeps every byte of their regions,
 * and regions that hold no person are never touched. Regions are in stored coordinates. */

typedef struct
{
  CaptionerPerson    *person;
  CaptionerRegionRef *mwg;    /* borrowed from the scheme's array, or NULL */
  CaptionerRegionRef *iptc;
  CaptionerRegionRef *mp;
  int                 pii;    /* the top-level PersonInImage item naming them, or 0 */
} PacketPerson;

typedef struct
{
  GPtrArray *mwg;
  GPtrArray *iptc;
  GPtrArray *mp;
  GArray    *people;          /* PacketPerson, in read order */
} Packet;

void
captioner_region_ref_free (CaptionerRegionRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->name);
  g_clear_pointer (&ref->points, g_array_unref);
  g_free (ref);
}

gboolean
captioner_region_rect_is_sane (const CaptionerRect *r)
{
  return r->w > 0 && r->h > 0 && r->x > -0.5 && r->y > -0.5 && r->x < 1.5 && r->y < 1.5 &&
         r->w <= 1.5 && r->h <= 1.5;
}

char *
captioner_region_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Six decimals: a thousandth of a pixel on a 6000-pixel side, and no float noise. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}

int
captioner_region_count_items (XmpPtr      xmp,
                              const char *ns,
                              const char *array_path)
{
  int count = 0;

  while (count < 100000)
    {
      g_autofree char *item = g_strdup_printf ("%s[%d]", array_path, count + 1);
      if (!xmp_has_property (xmp, ns, item))
        break;
      count++;
    }
  return count;
}

static void
clear_packet_person (gpointer data)
{
  captioner_person_free (((PacketPerson *) data)->person);
}

static void
packet_clear (Packet *packet)
{
  g_clear_pointer (&packet->people, g_array_unref);
  g_clear_pointer (&packet->mwg, g_ptr_array_unref);
  g_clear_pointer (&packet->iptc, g_ptr_array_unref);
  g_clear_pointer (&packet->mp, g_ptr_array_unref);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return strcmp (fa, fb) == 0;
}

static double
overlap (const CaptionerRect *a,
         const CaptionerRect *b)
{
  double w = MIN (a->x + a->w, b->x + b->w) - MAX (a->x, b->x);
  double h = MIN (a->y + a->h, b->y + b->h) - MAX (a->y, b->y);
  double inter = w > 0 && h > 0 ? w * h : 0;
  double uni = a->w * a->h + b->w * b->h - inter;

  return uni > 0 ? inter / uni : 0;
}

static CaptionerRegionRef **
slot (PacketPerson *pp,
      int           scheme)
{
  return scheme == 0 ? &pp->mwg : scheme == 1 ? &pp->iptc : &pp->mp;
}

static void
take_area (CaptionerPerson          *person,
           const CaptionerRegionRef *ref)
{
  if (ref->shape == CAPTIONER_SHAPE_POLYGON && ref->points != NULL)
    captioner_person_set_polygon (person, (const CaptionerPoint *) ref->points->data,
                                  ref->points->len);
  if (person->shape != CAPTIONER_SHAPE_POLYGON)
    {
      person->has_region = TRUE;
      person->region = ref->rect;
      person->shape = ref->shape;
      if (person->shape == CAPTIONER_SHAPE_RECTANGLE)
        captioner_rect_clamp (&person->region);
    }
}

/* The same person in another scheme: the same name, or else a box that mostly overlaps. */
static void
merge_refs (GArray    *people,
            GPtrArray *refs,
            int        scheme)
{
  for (guint r = 0; r < refs->len; r++)
    {
      CaptionerRegionRef *ref = g_ptr_array_index (refs, r);
      PacketPerson *match = NULL;

      for (guint i = 0; i < people->len && match == NULL; i++)
        {
          PacketPerson *pp = &g_array_index (people, PacketPerson, i);
          if (*slot (pp, scheme) == NULL && same_name (pp->person->name, ref->name))
            match = pp;
        }
      for (guint i = 0; i < people->len && match == NULL && ref->has_area; i++)
        {
          PacketPerson *pp = &g_array_index (people, PacketPerson, i);
          if (*slot (pp, scheme) == NULL && pp->person->has_region &&
              overlap (&pp->person->region, &ref->rect) >= 0.5)
            match = pp;
        }
      if (match == NULL)
        {
          PacketPerson pp = { captioner_person_new (ref->name, NULL), NULL, NULL, NULL, 0 };
          g_array_append_val (people, pp);
          match = &g_array_index (people, PacketPerson, people->len - 1);
        }
      *slot (match, scheme) = ref;
      if (!match->person->has_region && ref->has_area)
        take_area (match->person, ref);
    }
}

static void
packet_read (Packet *packet,
             XmpPtr  xmp,
             int     stored_width,
             int     stored_height)
{
  g_autoptr(GPtrArray) names = NULL;

  packet->mwg = captioner_mwg_read (xmp, stored_width, stored_height);
  packet->iptc = captioner_iptc_regions_read (xmp, stored_width, stored_height);
  packet->mp = captioner_mp_read (xmp);
  packet->people = g_array_new (FALSE, TRUE, sizeof (PacketPerson));
  g_array_set_clear_func (packet->people, clear_packet_person);

  merge_refs (packet->people, packet->mwg, 0);
  merge_refs (packet->people, packet->iptc, 1);
  merge_refs (packet->people, packet->mp, 2);

  /* Names without regions: those PersonInImage lists that no region carries. */
  names = captioner_xmp_get_array (xmp, NS_IPTC_EXT, "PersonInImage");
  for (guint j = 0; j < names->len; j++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (names, j)));
      PacketPerson *match = NULL;

      if (*name == '\0')
        continue;
      for (guint i = 0; i < packet->people->len && match == NULL; i++)
        {
          PacketPerson *pp = &g_array_index (packet->people, PacketPerson, i);
          if (pp->pii == 0 && same_name (pp->person->name, name))
            match = pp;
        }
      if (match == NULL)
        {
          PacketPerson pp = { captioner_person_new (name, NULL), NULL, NULL, NULL, 0 };
          g_array_append_val (packet->people, pp);
          match = &g_array_index (packet->people, PacketPerson, packet->people->len - 1);
        }
      match->pii = j + 1;
    }
}

GPtrArray *
captioner_xmp_read_people (XmpPtr xmp,
                           int    stored_width,
                           int    stored_height)
{
  Packet packet = { 0 };
  GPtrArray *people = captioner_people_new ();

  packet_read (&packet, xmp, stored_width, stored_height);
  for (guint i = 0; i < packet.people->len; i++)
    g_ptr_array_add (people,
                     captioner_person_copy (g_array_index (packet.people, PacketPerson, i).person));
  packet_clear (&packet);
  captioner_people_assign_ids (people);
  return people;
}

static gboolean
same_region (const CaptionerPerson *a,
             const CaptionerPerson *b,
             double                 tolerance)
{
  if (a->has_region != b->has_region)
    return FALSE;
  return !a->has_region ||
         (fabs (a->region.x - b->region.x) <= tolerance &&
          fabs (a->region.y - b->region.y) <= tolerance &&
          fabs (a->region.w - b->region.w) <= tolerance &&
          fabs (a->region.h - b->region.h) <= tolerance);
}

/* The ids of the packet's people: each is the editor's person with the same name and region
 * (the packet as read, or as Captioner wrote it); 0 for a person the editor never saw. */
static guint *
match_ids (Packet    *packet,
           GPtrArray *before)
{
  guint *ids = g_new0 (guint, MAX (packet->people->len, 1));
  g_autofree gboolean *used = g_new0 (gboolean, MAX (before->len, 1));

  for (guint i = 0; i < packet->people->len; i++)
    {
      const CaptionerPerson *p = g_array_index (packet->people, PacketPerson, i).person;

      for (guint b = 0; b < before->len && ids[i] == 0; b++)
        {
          const CaptionerPerson *known = g_ptr_array_index (before, b);

          if (!used[b] && known->id != 0 && g_strcmp0 (p->name, known->name) == 0 &&
              same_region (p, known, 1e-5))
            {
              ids[i] = known->id;
              used[b] = TRUE;
            }
        }
    }
  return ids;
}

typedef struct
{
  int index;
  int sub;
  const CaptionerRegionRef *ref;
} Deletion;

static int
compare_deletions (const void *a,
                   const void *b)
{
  const Deletion *da = a;
  const Deletion *db = b;

  /* From the last item, so that the indices still to come stay right. */
  if (da->index != db->index)
    return db->index - da->index;
  return abs (db->sub) - abs (da->sub);
}

static void
add_deletion (GArray                   *list,
              int                       index,
              const CaptionerRegionRef *ref)
{
  Deletion d = { index, ref ? ref->sub : 0, ref };

  g_array_append_val (list, d);
}

static void
rename_person (XmpPtr              xmp,
               const PacketPerson *pp,
               const char         *name)
{
  if (pp->mwg != NULL)
    captioner_mwg_rename (xmp, pp->mwg->index, name);
  if (pp->iptc != NULL)
    captioner_iptc_regions_rename (xmp, pp->iptc, name);
  if (pp->mp != NULL)
    captioner_mp_rename (xmp, pp->mp->index, name);
  if (pp->pii > 0)
    {
      g_autofree char *item = g_strdup_printf ("PersonInImage[%d]", pp->pii);
      xmp_set_property (xmp, NS_IPTC_EXT, item, name, 0);
    }
}

static void
append_regions (XmpPtr                 xmp,
                const CaptionerPerson *person,
                int                    stored_width,
                int                    stored_height)
{
  captioner_mwg_append (xmp, person, stored_width, stored_height);
  captioner_iptc_regions_append (xmp, person);
  captioner_mp_append (xmp, person);
}

void
captioner_xmp_apply_people (XmpPtr                  xmp,
                            GPtrArray              *before,
                            GPtrArray              *after,
                            const CaptionerChanges *changes,
                            int                     stored_width,
                            int                     stored_height,
                            int                     orientation)
{
  Packet packet = { 0 };
  g_autofree guint *ids = NULL;
  g_autoptr(GArray) mwg_gone = g_array_new (FALSE, FALSE, sizeof (Deletion));
  g_autoptr(GArray) iptc_gone = g_array_new (FALSE, FALSE, sizeof (Deletion));
  g_autoptr(GArray) mp_gone = g_array_new (FALSE, FALSE, sizeof (Deletion));
  g_autoptr(GArray) pii_gone = g_array_new (FALSE, FALSE, sizeof (Deletion));
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) order = NULL;

  g_return_if_fail (xmp != NULL && before != NULL && after != NULL && changes != NULL);

  if (!captioner_changes_has_people (changes))
    return;

  packet_read (&packet, xmp, stored_width, stored_height);
  ids = match_ids (&packet, before);

  /* Renames and moves first, in place; then deletions from the last item; then additions. */
  for (guint i = 0; i < packet.people->len; i++)
    {
      const PacketPerson *pp = &g_array_index (packet.people, PacketPerson, i);
      const CaptionerPerson *now = ids[i] ? captioner_people_find (after, ids[i]) : NULL;

      if (ids[i] == 0)
        continue;   /* someone another program added meanwhile: theirs to keep */
      if (now == NULL)
        {
          if (pp->mwg)
            add_deletion (mwg_gone, pp->mwg->index, pp->mwg);
          if (pp->iptc)
            add_deletion (iptc_gone, pp->iptc->index, pp->iptc);
          if (pp->mp)
            add_deletion (mp_gone, pp->mp->index, pp->mp);
          if (pp->pii)
            add_deletion (pii_gone, pp->pii, NULL);
          continue;
        }
      g_hash_table_add (present, GUINT_TO_POINTER (now->id));
      if (g_strcmp0 (pp->person->name, now->name) != 0)
        rename_person (xmp, pp, now->name);
      if (same_region (pp->person, now, 1e-6))
        continue;
      if (!now->has_region)
        {
          /* The box is gone, the person stays: in PersonInImage only. */
          if (pp->mwg)
            add_deletion (mwg_gone, pp->mwg->index, pp->mwg);
          if (pp->iptc)
            add_deletion (iptc_gone, pp->iptc->index, pp->iptc);
          if (pp->mp)
            add_deletion (mp_gone, pp->mp->index, pp->mp);
          if (pp->pii == 0)
            xmp_append_array_item (xmp, NS_IPTC_EXT, "PersonInImage", XMP_PROP_VALUE_IS_ARRAY,
                                   now->name, 0);
        }
      else if (pp->mwg == NULL && pp->iptc == NULL && pp->mp == NULL)
        append_regions (xmp, now, stored_width, stored_height);
      else
        {
          if (pp->mwg)
            captioner_mwg_move (xmp, pp->mwg->index, now);
          if (pp->iptc)
            captioner_iptc_regions_move (xmp, pp->iptc->index, now, stored_width, stored_height);
          if (pp->mp)
            captioner_mp_move (xmp, pp->mp->index, now);
        }
    }

  g_array_sort (mwg_gone, compare_deletions);
  for (guint i = 0; i < mwg_gone->len; i++)
    captioner_mwg_delete (xmp, g_array_index (mwg_gone, Deletion, i).index);
  g_array_sort (iptc_gone, compare_deletions);
  for (guint i = 0; i < iptc_gone->len; i++)
    captioner_iptc_regions_delete (xmp, g_array_index (iptc_gone, Deletion, i).ref);
  g_array_sort (mp_gone, compare_deletions);
  for (guint i = 0; i < mp_gone->len; i++)
    captioner_mp_delete (xmp, g_array_index (mp_gone, Deletion, i).index);
  g_array_sort (pii_gone, compare_deletions);
  for (guint i = 0; i < pii_gone->len; i++)
    {
      g_autofree char *item = g_strdup_printf ("PersonInImage[%d]",
                                               g_array_index (pii_gone, Deletion, i).index);
      xmp_delete_property (xmp, NS_IPTC_EXT, item);
    }
  if (mwg_gone->len > 0)
    captioner_mwg_tidy (xmp);
  if (iptc_gone->len > 0)
    captioner_iptc_regions_tidy (xmp);
  if (mp_gone->len > 0)
    captioner_mp_tidy (xmp);
  if (pii_gone->len > 0 && captioner_region_count_items (xmp, NS_IPTC_EXT, "PersonInImage") == 0)
    xmp_delete_property (xmp, NS_IPTC_EXT, "PersonInImage");

  /* New people go after the others, left to right as displayed, so that every program lists
   * them in the order of the caption. */
  order = captioner_people_order_displayed (after, orientation);
  for (guint i = 0; i < order->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (after, g_array_index (order, guint, i));

      if (person->id != 0 && g_hash_table_contains (present, GUINT_TO_POINTER (person->id)))
        continue;
      xmp_append_array_item (xmp, NS_IPTC_EXT, "PersonInImage", XMP_PROP_VALUE_IS_ARRAY,
                             person->name, 0);
      if (person->has_region)
        append_regions (xmp, person, stored_width, stored_height);
    }
  packet_clear (&packet);
}
