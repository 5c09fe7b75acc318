#pragma once

#include <exempi/xmp.h>
#include <exempi/xmpconsts.h>
#include <glib.h>

G_BEGIN_DECLS

/* What every reader and writer of XMP shares: the namespaces Captioner uses beside exempi's
 * own, their prefixes, and typed accessors. No state: the prefixes are the ones exempi 2.6
 * registers these namespaces under (checked once in captioner_xmp_init). */

#define CAPTIONER_NS_CAPTIONER "http://ns.example.org/captioner/1.0/"
#define NS_IPTC_EXT "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
#define NS_MWG_RS   "http://www.metadataworkinggroup.com/schemas/regions/"
#define NS_ST_DIM   "http://ns.adobe.com/xap/1.0/sType/Dimensions#"
#define NS_ST_AREA  "http://ns.adobe.com/xmp/sType/Area#"
#define NS_MP       "http://ns.microsoft.com/photo/1.2/"
#define NS_MP_RI    "http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
#define NS_MP_REG   "http://ns.microsoft.com/photo/1.2/t/Region#"

/* Paths below a property's first step must name their namespace by prefix. */
#define PREFIX_IPTC_EXT "Iptc4xmpExt"
#define PREFIX_MWG_RS   "mwg-rs"
#define PREFIX_ST_DIM   "stDim"
#define PREFIX_ST_AREA  "stArea"
#define PREFIX_MP       "MP"
#define PREFIX_MP_RI    "MPRI"
#define PREFIX_MP_REG   "MPReg"

typedef struct _Xmp CaptionerXmp;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerXmp, xmp_free)

/* Initialises exempi and registers the namespaces, once; safe from any thread. */
void       captioner_xmp_init         (void);
char      *captioner_xmp_get_text     (XmpPtr      xmp,
                                       const char *ns,
                                       const char *path);
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
/* Sets the x-default item of a language alternative, creating it when needed; every other
 * language is left as it is. */
void       captioner_xmp_set_lang_alt (XmpPtr      xmp,
                                       const char *ns,
                                       const char *path,
                                       const char *value);
/* Replaces the top-level property ns:name of to (and everything under it, qualifiers
 * included) by from's. */
void       captioner_xmp_copy_property (XmpPtr      to,
                                        XmpPtr      from,
                                        const char *ns,
                                        const char *name);

G_END_DECLS
