#pragma once

#include <exempi/xmp.h>

#include "captioner-person.h"

G_BEGIN_DECLS

/* What the three region schemes share (captioner-xmp-regions-{mwg,iptc,mp}.c), and what
 * captioner-xmp-regions.c merges into people and edits in place. Indices are exempi's array
 * indices, from 1. */

/* A region that holds a person, as one scheme stores it. */
typedef struct
{
  char           *name;
  int             index;       /* the region's item in its list */
  int             sub;         /* IPTC: their PersonInImage item, or minus their
                                * PersonInImageWDetails item */
  gboolean        has_area;
  CaptionerRect   rect;        /* stored, normalised, top-left; the bounding box */
  CaptionerShape  shape;
  GArray         *points;      /* CaptionerPoint, stored and normalised (absolute): polygons */
} CaptionerRegionRef;

void       captioner_region_ref_free       (CaptionerRegionRef *ref);
gboolean   captioner_region_rect_is_sane   (const CaptionerRect *rect);
char      *captioner_region_format_double  (double               value);
/* The number of items of an array property (path below ns), 0 when it is not there. */
int        captioner_region_count_items    (XmpPtr               xmp,
                                            const char          *ns,
                                            const char          *array_path);

/* MWG 2.0 (mwg-rs:Regions/mwg-rs:RegionList): Type Face with a Name. */
GPtrArray *captioner_mwg_read              (XmpPtr               xmp,
                                            int                  stored_width,
                                            int                  stored_height);
void       captioner_mwg_rename            (XmpPtr               xmp,
                                            int                  index,
                                            const char          *name);
void       captioner_mwg_move              (XmpPtr               xmp,
                                            int                  index,
                                            const CaptionerPerson *person);
void       captioner_mwg_delete            (XmpPtr               xmp,
                                            int                  index);
void       captioner_mwg_append            (XmpPtr               xmp,
                                            const CaptionerPerson *person,
                                            int                  stored_width,
                                            int                  stored_height);
/* Removes the region container when its list is empty. */
void       captioner_mwg_tidy              (XmpPtr               xmp);

/* IPTC Extension 2019.1 Iptc4xmpExt:ImageRegion: regions holding a PersonInImage (or
 * PersonInImageWDetails) name; rectangles, circles and polygons, relative or in pixels. */
GPtrArray *captioner_iptc_regions_read     (XmpPtr               xmp,
                                            int                  stored_width,
                                            int                  stored_height);
void       captioner_iptc_regions_rename   (XmpPtr               xmp,
                                            const CaptionerRegionRef *ref,
                                            const char          *name);
void       captioner_iptc_regions_move     (XmpPtr               xmp,
                                            int                  index,
                                            const CaptionerPerson *person,
                                            int                  stored_width,
                                            int                  stored_height);
/* Removes the person's name from the region, and the region when it names nobody else. */
void       captioner_iptc_regions_delete   (XmpPtr               xmp,
                                            const CaptionerRegionRef *ref);
void       captioner_iptc_regions_append   (XmpPtr               xmp,
                                            const CaptionerPerson *person);
void       captioner_iptc_regions_tidy     (XmpPtr               xmp);

/* Microsoft Photo 1.2 (MP:RegionInfo/MPRI:Regions): PersonDisplayName and Rectangle. */
GPtrArray *captioner_mp_read               (XmpPtr               xmp);
void       captioner_mp_rename             (XmpPtr               xmp,
                                            int                  index,
                                            const char          *name);
void       captioner_mp_move               (XmpPtr               xmp,
                                            int                  index,
                                            const CaptionerPerson *person);
void       captioner_mp_delete             (XmpPtr               xmp,
                                            int                  index);
/* Appends only when the packet has Microsoft regions already. */
void       captioner_mp_append             (XmpPtr               xmp,
                                            const CaptionerPerson *person);
void       captioner_mp_tidy               (XmpPtr               xmp);

G_END_DECLS
