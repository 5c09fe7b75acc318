#define G_LOG_DOMAIN "captioner-xmp-aliases"

#include "config.h"

#include <string.h>

#include "captioner-xmp-aliases.h"
#include "captioner-xmp-packet.h"

/* Aliases, around exempi: it moves every alias property to the property it stands for, and
 * drops the alias when both are there, so tiff:ImageDescription, pdf:Author or
 * exif:DateTimeDigitized would not come back out as the file had them. On the way in their
 * names go under shadow namespaces exempi has no aliases for; on the way out the shadow
 * namespaces' URIs become the real ones again (under Captioner's prefixes, which readers go by
 * the URI of). */

#define SHADOW_BASE "http://ns.example.org/captioner/alias/1.0/"

/* exempi 2.6.3's aliases, found by parsing each property alone: every one of them is moved to
 * the property it stands for. */
static const struct
{
  const char *uri;
  const char *shadow_uri;
  const char *shadow_prefix;
  const char *names[8];
} aliases[] = {
  { "http://ns.adobe.com/xap/1.0/", SHADOW_BASE "xmp/", "captionerAliasXmp",
    { "Author", "Authors", "Description", "Format", "Keywords", "Locale", "Title", NULL } },
  { "http://ns.adobe.com/xap/1.0/rights/", SHADOW_BASE "xmpRights/", "captionerAliasXmpRights",
    { "Copyright", NULL } },
  { "http://ns.adobe.com/pdf/1.3/", SHADOW_BASE "pdf/", "captionerAliasPdf",
    { "Author", "BaseURL", "CreationDate", "Creator", "ModDate", "Subject", "Title", NULL } },
  { "http://ns.adobe.com/photoshop/1.0/", SHADOW_BASE "photoshop/", "captionerAliasPhotoshop",
    { "Author", "Caption", "Copyright", "Keywords", "Marked", "Title", "WebStatement", NULL } },
  { "http://ns.adobe.com/tiff/1.0/", SHADOW_BASE "tiff/", "captionerAliasTiff",
    { "Artist", "Copyright", "DateTime", "ImageDescription", "Software", NULL } },
  { "http://ns.adobe.com/exif/1.0/", SHADOW_BASE "exif/", "captionerAliasExif",
    { "DateTimeDigitized", NULL } },
  { "http://ns.adobe.com/png/1.0/", SHADOW_BASE "png/", "captionerAliasPng",
    { "Author", "Copyright", "CreationTime", "Description", "ModificationTime", "Software",
      "Title", NULL } },
};

static void
clear_declaration (gpointer data)
{
  Declaration *d = data;

  g_free (d->prefix);
  g_free (d->uri);
}

GArray *
captioner_xmp_find_declarations (const char *text,
                                 gsize       length)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Declaration));
  const char *end = text + length;
  const char *p = text;

  g_array_set_clear_func (found, clear_declaration);
  while ((p = memmem (p, end - p, "xmlns:", 6)) != NULL)
    {
      const char *name = p + 6;
      const char *q = name;
      const char *uri;
      char quote;
      Declaration d;

      while (q < end && (g_ascii_isalnum (*q) || *q == '_' || *q == '-' || *q == '.'))
        q++;
      if (q == name || q + 2 >= end || q[0] != '=' || (q[1] != '"' && q[1] != '\''))
        {
          p = name;
          continue;
        }
      quote = q[1];
      uri = q + 2;
      d.prefix = g_strndup (name, q - name);
      q = memchr (uri, quote, end - uri);
      if (q == NULL)
        {
          g_free (d.prefix);
          break;
        }
      d.name_start = p - text;
      d.end = (q + 1) - text;
      d.uri = g_strndup (uri, q - uri);
      g_array_append_val (found, d);
      p = q + 1;
    }
  return found;
}

/* The alias (index + 1 in aliases[]) that qname, an element or attribute name, stands for
 * under the prefixes of declarations; 0 when it is none. */
static guint
alias_of (const char  *qname,
          gsize        length,
          GArray      *declarations,
          const char **local)
{
  const char *colon = memchr (qname, ':', length);
  gsize prefix_length, local_length;

  if (colon == NULL)
    return 0;
  prefix_length = colon - qname;
  local_length = length - prefix_length - 1;
  for (guint i = 0; i < declarations->len; i++)
    {
      const Declaration *d = &g_array_index (declarations, Declaration, i);

      if (strlen (d->prefix) != prefix_length || strncmp (d->prefix, qname, prefix_length) != 0)
        continue;
      for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
        {
          if (strcmp (d->uri, aliases[a].uri) != 0 ||
              strcmp (d->prefix, aliases[a].shadow_prefix) == 0)
            continue;
          for (guint n = 0; aliases[a].names[n] != NULL; n++)
            if (strlen (aliases[a].names[n]) == local_length &&
                strncmp (aliases[a].names[n], colon + 1, local_length) == 0)
              {
                *local = colon + 1;
                return a + 1;
              }
        }
      return 0;
    }
  return 0;
}

static void
append_name (GString    *out,
             const char *name,
             gsize       length,
             GArray     *declarations)
{
  const char *local = NULL;
  guint alias = alias_of (name, length, declarations, &local);

  if (alias == 0)
    g_string_append_len (out, name, length);
  else
    {
      g_string_append (out, aliases[alias - 1].shadow_prefix);
      g_string_append_c (out, ':');
      g_string_append_len (out, local, name + length - local);
    }
}

static const char *
copy_through (GString    *out,
              const char *p,
              const char *end,
              const char *until)
{
  const char *stop = memmem (p, end - p, until, strlen (until));
  const char *next = stop ? stop + strlen (until) : end;

  g_string_append_len (out, p, next - p);
  return next;
}

static gboolean
is_name_char (char c)
{
  return c != '\0' && !g_ascii_isspace (c) && c != '/' && c != '>' && c != '=' && c != '<' &&
         c != '"' && c != '\'';
}

/* Renames alias elements and attributes (PREFIX:NAME to SHADOW:NAME) in tags only: text,
 * attribute values, comments and CDATA are copied as they are. */
static void
rename_aliases (GString *text,
                GArray  *declarations)
{
  GString *out = g_string_sized_new (text->len + 64);
  const char *p = text->str;
  const char *end = text->str + text->len;

  while (p < end)
    {
      const char *name;

      if (*p != '<')
        {
          const char *next = memchr (p, '<', end - p);

          g_string_append_len (out, p, (next ? next : end) - p);
          p = next ? next : end;
        }
      else if (g_str_has_prefix (p, "<!--"))
        p = copy_through (out, p, end, "-->");
      else if (g_str_has_prefix (p, "<![CDATA["))
        p = copy_through (out, p, end, "]]>");
      else if (g_str_has_prefix (p, "<?"))
        p = copy_through (out, p, end, "?>");
      else if (g_str_has_prefix (p, "<!"))
        p = copy_through (out, p, end, ">");
      else
        {
          /* A start or end tag: its name, then attribute names and quoted values. */
          g_string_append_c (out, *p++);
          if (p < end && *p == '/')
            g_string_append_c (out, *p++);
          for (name = p; p < end && is_name_char (*p); p++)
            ;
          append_name (out, name, p - name, declarations);
          while (p < end && *p != '>')
            {
              if (*p == '"' || *p == '\'')
                {
                  const char *close = memchr (p + 1, *p, end - p - 1);
                  const char *next = close ? close + 1 : end;

                  g_string_append_len (out, p, next - p);
                  p = next;
                }
              else if (is_name_char (*p))
                {
                  for (name = p; p < end && is_name_char (*p); p++)
                    ;
                  append_name (out, name, p - name, declarations);
                }
              else
                g_string_append_c (out, *p++);
            }
          if (p < end)
            g_string_append_c (out, *p++);
        }
    }
  g_string_assign (text, out->str);
  g_string_free (out, TRUE);
}

/* Whether the tag holding offset pos declares prefix already. */
static gboolean
tag_declares (const GString *text,
              gsize          pos,
              const char    *prefix)
{
  g_autofree char *attribute = g_strdup_printf ("xmlns:%s=", prefix);
  gsize start = pos, stop = pos;

  while (start > 0 && text->str[start] != '<')
    start--;
  while (stop < text->len && text->str[stop] != '>')
    stop++;
  return memmem (text->str + start, stop - start, attribute, strlen (attribute)) != NULL;
}

void
captioner_xmp_aliases_shadow (GString *text)
{
  g_autoptr(GArray) declarations = captioner_xmp_find_declarations (text->str, text->len);
  gboolean any = FALSE;

  /* Each declaration of an alias namespace gets its shadow beside it, in the same tag, so
   * that the shadow is in scope wherever the alias is. From the last declaration, so that
   * earlier offsets stay right. */
  for (guint i = declarations->len; i > 0; i--)
    {
      const Declaration *d = &g_array_index (declarations, Declaration, i - 1);

      for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
        {
          g_autofree char *extra = NULL;

          if (strcmp (d->uri, aliases[a].uri) != 0)
            continue;
          any = TRUE;
          if (strcmp (d->prefix, aliases[a].shadow_prefix) == 0)
            {
              /* Captioner wrote this packet: the prefix is bound back to its shadow. */
              gsize uri_start = d->end - 1 - strlen (d->uri);

              g_string_erase (text, uri_start, strlen (d->uri));
              g_string_insert (text, uri_start, aliases[a].shadow_uri);
              continue;
            }
          if (tag_declares (text, d->name_start, aliases[a].shadow_prefix))
            continue;
          extra = g_strdup_printf (" xmlns:%s=\"%s\"", aliases[a].shadow_prefix,
                                   aliases[a].shadow_uri);
          g_string_insert (text, d->end, extra);
        }
    }
  if (any)
    rename_aliases (text, declarations);
}

void
captioner_xmp_aliases_restore (GString *text)
{
  for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
    if (strstr (text->str, aliases[a].shadow_uri) != NULL)
      g_string_replace (text, aliases[a].shadow_uri, aliases[a].uri, 0);
}

void
captioner_xmp_packet_register (void)
{
  for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
    {
      XmpStringPtr registered = xmp_string_new ();

      xmp_register_namespace (aliases[a].shadow_uri, aliases[a].shadow_prefix, registered);
      xmp_string_free (registered);
    }
}

const char *
captioner_xmp_packet_shadow_ns (const char *ns)
{
  for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
    if (strcmp (ns, aliases[a].uri) == 0)
      return aliases[a].shadow_uri;
  return NULL;
}
