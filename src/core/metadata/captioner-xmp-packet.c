#define G_LOG_DOMAIN "captioner-xmp-packet"

#include "config.h"

#include <exempi/xmpconsts.h>
#include <string.h>

#include "captioner-xmp-aliases.h"
#include "captioner-xmp-packet.h"

#define RDF_URI "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define PAD_LANG "x-captioner-pad"

static gboolean
is_name_end (char c)
{
  return c == '=' || c == '>' || c == '/' || g_ascii_isspace (c);
}

/* Finds "<PREFIX:LOCAL" as a whole element name from pos; returns its offset or -1. */
static gssize
find_element (const GString *text,
              gsize          pos,
              const char    *open)
{
  gsize olen = strlen (open);

  while (pos < text->len)
    {
      const char *hit = memmem (text->str + pos, text->len - pos, open, olen);
      gsize at;

      if (hit == NULL)
        return -1;
      at = hit - text->str;
      if (at + olen < text->len && is_name_end (text->str[at + olen]))
        return at;
      pos = at + olen;
    }
  return -1;
}

static guint
count_elements (const GString *text,
                gsize          from,
                gsize          to,
                const char    *open)
{
  guint count = 0;
  gssize at = from;

  while ((at = find_element (text, at, open)) >= 0 && (gsize) at < to)
    {
      count++;
      at += strlen (open);
    }
  return count;
}

/* Gives every language alternative of exactly two items a third, placeholder, item. */
static void
pad_alternatives (GString    *text,
                  const char *rdf)
{
  g_autofree char *alt_open = g_strconcat ("<", rdf, ":Alt", NULL);
  g_autofree char *alt_close = g_strconcat ("</", rdf, ":Alt>", NULL);
  g_autofree char *li_open = g_strconcat ("<", rdf, ":li", NULL);
  g_autofree char *pad = g_strdup_printf ("<%s:li xml:lang=\"" PAD_LANG "\">-</%s:li>", rdf, rdf);
  gssize at = 0;

  while ((at = find_element (text, at, alt_open)) >= 0)
    {
      const char *close = memmem (text->str + at, text->len - at, alt_close, strlen (alt_close));
      gsize end;

      if (close == NULL)
        break;
      end = close - text->str;
      /* A nested alternative is no language alternative; leave it to exempi. */
      if (count_elements (text, at + strlen (alt_open), end, alt_open) == 0 &&
          count_elements (text, at, end, li_open) == 2 &&
          memmem (text->str + at, end - at, "xml:lang", 8) != NULL)
        {
          g_string_insert (text, end, pad);
          end += strlen (pad);
        }
      at = end;
    }
}

char *
captioner_xmp_packet_protect (const char *data,
                              gsize       length,
                              gsize      *out_length)
{
  GString *text = g_string_new_len (data, length);
  g_autoptr(GArray) declarations = captioner_xmp_find_declarations (data, length);
  g_autoptr(GPtrArray) rdf_prefixes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < declarations->len; i++)
    {
      const Declaration *d = &g_array_index (declarations, Declaration, i);

      if (strcmp (d->uri, RDF_URI) == 0 &&
          !g_ptr_array_find_with_equal_func (rdf_prefixes, d->prefix, g_str_equal, NULL))
        g_ptr_array_add (rdf_prefixes, g_strdup (d->prefix));
    }
  captioner_xmp_aliases_shadow (text);
  for (guint i = 0; i < rdf_prefixes->len; i++)
    pad_alternatives (text, g_ptr_array_index (rdf_prefixes, i));
  if (out_length != NULL)
    *out_length = text->len;
  return g_string_free (text, FALSE);
}

typedef struct _XmpString PacketString;
typedef struct _XmpIterator PacketIterator;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacketString, xmp_string_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacketIterator, xmp_iterator_free)

void
captioner_xmp_packet_unpad (XmpPtr xmp)
{
  g_autoptr(PacketIterator) iter = xmp_iterator_new (xmp, NULL, NULL, XMP_ITER_PROPERTIES);
  g_autoptr(PacketString) schema = xmp_string_new ();
  g_autoptr(PacketString) path = xmp_string_new ();
  g_autoptr(PacketString) value = xmp_string_new ();
  g_autoptr(GPtrArray) pads = g_ptr_array_new_with_free_func (g_free);
  uint32_t options;

  while (xmp_iterator_next (iter, schema, path, value, &options))
    {
      const char *p = xmp_string_cstr (path);

      if (g_str_has_suffix (p, "/?xml:lang") && strcmp (xmp_string_cstr (value), PAD_LANG) == 0)
        {
          g_ptr_array_add (pads, g_strdup (xmp_string_cstr (schema)));
          g_ptr_array_add (pads, g_strndup (p, strlen (p) - strlen ("/?xml:lang")));
        }
    }
  /* From the last: an alternative inside an array item keeps the indices of the others. */
  for (guint i = pads->len; i >= 2; i -= 2)
    xmp_delete_property (xmp, g_ptr_array_index (pads, i - 2), g_ptr_array_index (pads, i - 1));
}

void
captioner_xmp_packet_pad (XmpPtr xmp)
{
  g_autoptr(PacketIterator) iter = xmp_iterator_new (xmp, NULL, NULL, XMP_ITER_PROPERTIES);
  g_autoptr(PacketString) schema = xmp_string_new ();
  g_autoptr(PacketString) path = xmp_string_new ();
  g_autoptr(PacketString) value = xmp_string_new ();
  g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);
  uint32_t options;

  while (xmp_iterator_next (iter, schema, path, value, &options))
    if (options & XMP_PROP_ARRAY_IS_ALTTEXT)
      {
        g_ptr_array_add (alternatives, g_strdup (xmp_string_cstr (schema)));
        g_ptr_array_add (alternatives, g_strdup (xmp_string_cstr (path)));
      }
  for (guint i = 0; i + 1 < alternatives->len; i += 2)
    {
      const char *ns = g_ptr_array_index (alternatives, i);
      const char *array = g_ptr_array_index (alternatives, i + 1);
      g_autofree char *second = g_strdup_printf ("%s[2]", array);
      g_autofree char *third = g_strdup_printf ("%s[3]", array);
      g_autofree char *lang = g_strdup_printf ("%s[3]/?xml:lang", array);

      if (!xmp_has_property (xmp, ns, second) || xmp_has_property (xmp, ns, third))
        continue;
      xmp_append_array_item (xmp, ns, array, XMP_PROP_ARRAY_IS_ALTTEXT, "-", 0);
      xmp_set_property (xmp, ns, lang, PAD_LANG, 0);
    }
}

static void
strip_pads (GString *text)
{
  static const char pad[] = "<rdf:li xml:lang=\"" PAD_LANG "\">-</rdf:li>";
  const char *hit;

  while ((hit = strstr (text->str, pad)) != NULL)
    {
      gsize at = hit - text->str;
      gsize from = at;

      while (from > 0 && g_ascii_isspace (text->str[from - 1]))
        from--;
      g_string_erase (text, from, at + strlen (pad) - from);
    }
}

char *
captioner_xmp_packet_from_utf16 (const char *data,
                                 gsize       length,
                                 gsize      *out_length)
{
  const guint8 *b = (const guint8 *) data;
  const char *charset = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;

  if (length < 4 || length % 2 != 0)
    return NULL;
  if ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == '<' && b[1] == 0))
    charset = "UTF-16LE";
  else if ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0 && b[1] == '<'))
    charset = "UTF-16BE";
  else
    return NULL;
  if (b[0] == 0xFF || b[0] == 0xFE)
    {
      data += 2;
      length -= 2;
    }
  text = g_convert (data, length, "UTF-8", charset, NULL, &text_length, NULL);
  /* Only what reads as XML is taken for UTF-16: anything else stays "not UTF-8". */
  if (text == NULL || strchr (text, '<') == NULL || memchr (text, '\0', text_length) != NULL)
    return NULL;
  while (text_length > 0 && text[0] != '<' && g_ascii_isspace (text[0]))
    memmove (text, text + 1, text_length--);
  if (text_length == 0 || text[0] != '<')
    return NULL;
  if (out_length != NULL)
    *out_length = text_length;
  return g_steal_pointer (&text);
}

/* The value of the first attribute called xmptk (whatever its prefix), and where it is. */
static gboolean
find_toolkit (const char *text,
              gsize       length,
              gsize      *attr_start,
              gsize      *value_start,
              gsize      *value_end)
{
  const char *end = text + length;
  const char *p = text;

  while ((p = memmem (p, end - p, ":xmptk=", 7)) != NULL)
    {
      const char *q = p + 7;
      const char *name = p;
      const char *close;

      if (q >= end || (*q != '"' && *q != '\''))
        {
          p = q;
          continue;
        }
      close = memchr (q + 1, *q, end - q - 1);
      if (close == NULL)
        return FALSE;
      while (name > text && !g_ascii_isspace (name[-1]))
        name--;
      while (name > text && g_ascii_isspace (name[-1]))
        name--;
      *attr_start = name - text;
      *value_start = (q + 1) - text;
      *value_end = close - text;
      return TRUE;
    }
  return FALSE;
}

char *
captioner_xmp_packet_get_toolkit (const char *data,
                                  gsize       length)
{
  gsize attr, start, end;

  if (data == NULL || !find_toolkit (data, length, &attr, &start, &end))
    return NULL;
  return g_strndup (data + start, end - start);
}

char *
captioner_xmp_packet_restore (const char *serialised,
                              const char *toolkit)
{
  GString *text = g_string_new (serialised);
  gsize attr, start, end;

  strip_pads (text);
  captioner_xmp_aliases_restore (text);

  if (toolkit != NULL && find_toolkit (text->str, text->len, &attr, &start, &end))
    {
      if (*toolkit == '\0')
        g_string_erase (text, attr, end + 1 - attr);
      else
        {
          g_string_erase (text, start, end - start);
          g_string_insert (text, start, toolkit);
        }
    }
  return g_string_free (text, FALSE);
}
