#define G_LOG_DOMAIN "captioner-xmp-regions-mp"

#include "config.h"

#include "captioner-xmp-regions-private.h"
#include "captioner-xmp-util.h"

/* Microsoft Photo 1.2 regions (Windows Live Photo Gallery): Rectangle is "x, y, w, h",
 * normalised, top-left. Their other properties (PersonEmailDigest, PersonLiveIdCID, and
 * RegionInfo's DateRegionsValid) are left as they are. */

#define LIST "RegionInfo/" PREFIX_MP_RI ":Regions"

static char *
item_path (int         index,
           const char *field)
{
  if (field == NULL)
    return g_strdup_printf (LIST "[%d]", index);
  return g_strdup_printf (LIST "[%d]/%s:%s", index, PREFIX_MP_REG, field);
}

GPtrArray *
captioner_mp_read (XmpPtr xmp)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_region_ref_free);
  int n = captioner_region_count_items (xmp, NS_MP, LIST);

  for (int i = 1; i <= n; i++)
    {
      g_autofree char *name_path = item_path (i, "PersonDisplayName");
      g_autofree char *rect_path = item_path (i, "Rectangle");
      g_autofree char *name = captioner_xmp_get_text (xmp, NS_MP, name_path);
      g_autofree char *rect = NULL;
      CaptionerRegionRef *ref;

      if (name == NULL || *g_strstrip (name) == '\0')
        continue;
      ref = g_new0 (CaptionerRegionRef, 1);
      ref->name = g_steal_pointer (&name);
      ref->index = i;
      rect = captioner_xmp_get_text (xmp, NS_MP, rect_path);
      if (rect != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (rect, ",", -1);

          if (g_strv_length (parts) == 4)
            {
              ref->rect.x = g_ascii_strtod (parts[0], NULL);
              ref->rect.y = g_ascii_strtod (parts[1], NULL);
              ref->rect.w = g_ascii_strtod (parts[2], NULL);
              ref->rect.h = g_ascii_strtod (parts[3], NULL);
              ref->has_area = captioner_region_rect_is_sane (&ref->rect);
            }
        }
      g_ptr_array_add (refs, ref);
    }
  return refs;
}

void
captioner_mp_rename (XmpPtr      xmp,
                     int         index,
                     const char *name)
{
  g_autofree char *path = item_path (index, "PersonDisplayName");

  captioner_xmp_set_text (xmp, NS_MP, path, name);
}

void
captioner_mp_move (XmpPtr                 xmp,
                   int                    index,
                   const CaptionerPerson *person)
{
  g_autofree char *path = item_path (index, "Rectangle");
  g_autofree char *x = captioner_region_format_double (person->region.x);
  g_autofree char *y = captioner_region_format_double (person->region.y);
  g_autofree char *w = captioner_region_format_double (person->region.w);
  g_autofree char *h = captioner_region_format_double (person->region.h);
  g_autofree char *value = g_strdup_printf ("%s, %s, %s, %s", x, y, w, h);

  captioner_xmp_set_text (xmp, NS_MP, path, value);
}

void
captioner_mp_delete (XmpPtr xmp,
                     int    index)
{
  g_autofree char *item = item_path (index, NULL);

  xmp_delete_property (xmp, NS_MP, item);
}

void
captioner_mp_append (XmpPtr                 xmp,
                     const CaptionerPerson *person)
{
  int index;

  if (!xmp_has_property (xmp, NS_MP, LIST))
    return;
  xmp_append_array_item (xmp, NS_MP, LIST, XMP_PROP_VALUE_IS_ARRAY, NULL,
                         XMP_PROP_VALUE_IS_STRUCT);
  index = captioner_region_count_items (xmp, NS_MP, LIST);
  if (person->has_region)
    captioner_mp_move (xmp, index, person);
  captioner_mp_rename (xmp, index, person->name);
}

void
captioner_mp_tidy (XmpPtr xmp)
{
  if (xmp_has_property (xmp, NS_MP, "RegionInfo") &&
      captioner_region_count_items (xmp, NS_MP, LIST) == 0)
    xmp_delete_property (xmp, NS_MP, "RegionInfo");
}
