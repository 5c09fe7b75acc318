#pragma once

#include <exempi/xmp.h>
#include <glib.h>

G_BEGIN_DECLS

/* The packet as text, on its way into exempi 2.6.3 and out of it, so that a parse and a
 * serialise lose nothing another program wrote:
 * - exempi overwrites the second item of a two-item language alternative with the x-default
 *   text when it parses and again when it serialises: such alternatives get a third
 *   placeholder item before either, removed from the tree after parsing and from the text
 *   after serialising;
 * - exempi folds aliases (tiff:ImageDescription into dc:description, exif:DateTimeDigitized
 *   into xmp:CreateDate, ...) and drops the alias when both are there: alias properties are
 *   parsed under shadow namespaces and written back under their own;
 * - a UTF-16 packet is turned into UTF-8;
 * - the toolkit (x:xmptk) stays the one the packet named. */

/* UTF-8 text of a packet that is UTF-16 (with a byte order mark or starting with '<' in
 * either byte order), or NULL when it is not. */
char       *captioner_xmp_packet_from_utf16     (const char *data,
                                                 gsize       length,
                                                 gsize      *out_length);
/* The text to hand to exempi's parser. */
char       *captioner_xmp_packet_protect        (const char *data,
                                                 gsize       length,
                                                 gsize      *out_length);
/* After exempi parsed protected text: removes the placeholder items. */
void        captioner_xmp_packet_unpad          (XmpPtr      xmp);
/* Before exempi serialises xmp (a copy: it changes the tree): pads the two-item
 * alternatives, which captioner_xmp_packet_restore takes out of the text again. */
void        captioner_xmp_packet_pad            (XmpPtr      xmp);
/* x:xmptk of a packet, or NULL when it names none. */
char       *captioner_xmp_packet_get_toolkit    (const char *data,
                                                 gsize       length);
/* Serialised text as other programs should read it: no placeholders, alias properties under
 * their own namespaces, and the toolkit set to toolkit ("" drops it, NULL keeps exempi's). */
char       *captioner_xmp_packet_restore        (const char *serialised,
                                                 const char *toolkit);
/* Registers the shadow namespaces with exempi (from captioner_xmp_init). */
void        captioner_xmp_packet_register       (void);
/* The shadow namespace an alias property of ns is parsed under, or NULL when ns has none. */
const char *captioner_xmp_packet_shadow_ns      (const char *ns);

G_END_DECLS
