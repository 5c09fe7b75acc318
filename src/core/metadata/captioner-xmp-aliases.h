#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by captioner-xmp-packet.c and captioner-xmp-aliases.c: the namespace declarations of
 * a packet's text, and the alias shadows (see captioner-xmp-packet.h). */

typedef struct
{
  gsize  name_start;   /* of "xmlns:" */
  gsize  end;          /* after the closing quote */
  char  *prefix;
  char  *uri;
} Declaration;

/* Every xmlns:PREFIX="URI" in the text, in order (Declaration). */
GArray *captioner_xmp_find_declarations (const char *text,
                                         gsize       length);
/* Alias properties to their shadow namespaces, in a packet's text before exempi parses it. */
void    captioner_xmp_aliases_shadow    (GString    *text);
/* The shadow namespaces' URIs back to the real ones, in what exempi serialised. */
void    captioner_xmp_aliases_restore   (GString    *text);

G_END_DECLS
