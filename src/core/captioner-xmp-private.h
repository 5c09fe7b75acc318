#pragma once

#include "captioner-xmp.h"
#include "captioner-person.h"

G_BEGIN_DECLS

/* Shared by captioner-xmp.c (fields) and captioner-xmp-people.c (people and regions). */
#define NS_IPTC_EXT "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
#define NS_MWG_RS   "http://www.metadataworkinggroup.com/schemas/regions/"
#define NS_ST_DIM   "http://ns.adobe.com/xap/1.0/sType/Dimensions#"
#define NS_ST_AREA  "http://ns.adobe.com/xmp/sType/Area#"
#define NS_MP       "http://ns.microsoft.com/photo/1.2/"
#define NS_MP_RI    "http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
#define NS_MP_REG   "http://ns.microsoft.com/photo/1.2/t/Region#"

/* Prefixes as registered with exempi: paths below the first step must use them. */
extern char *captioner_xmp_prefix_iptc_ext, *captioner_xmp_prefix_mwg_rs,
            *captioner_xmp_prefix_st_dim, *captioner_xmp_prefix_st_area, *captioner_xmp_prefix_mp,
            *captioner_xmp_prefix_mp_ri, *captioner_xmp_prefix_mp_reg;

char      *captioner_xmp_get_lang_alt (XmpPtr      xmp,
                                       const char *ns,
                                       const char *name);
GPtrArray *captioner_xmp_get_array    (XmpPtr      xmp,
                                       const char *ns,
                                       const char *name);
gboolean   captioner_xmp_get_double   (XmpPtr      xmp,
                                       const char *ns,
                                       const char *path,
                                       double     *out);
void       captioner_xmp_set_text     (XmpPtr      xmp,
                                       const char *ns,
                                       const char *path,
                                       const char *value);
GPtrArray *captioner_xmp_read_people  (XmpPtr      xmp,
                                       int         stored_width,
                                       int         stored_height);
void       captioner_xmp_write_people (XmpPtr                   xmp,
                                       const CaptionerMetadata *metadata,
                                       int                      stored_width,
                                       int                      stored_height,
                                       int                      orientation);

G_END_DECLS
