#define G_LOG_DOMAIN "captioner-xmp-util"

#include "config.h"

#include <string.h>

#include "captioner-xmp-packet.h"
#include "captioner-xmp-util.h"

static void
register_namespace (const char *uri,
                    const char *prefix)
{
  XmpStringPtr registered = xmp_string_new ();
  g_autofree char *expected = g_strconcat (prefix, ":", NULL);

  xmp_register_namespace (uri, prefix, registered);
  /* A namespace exempi already knew keeps its prefix: the paths built with ours would then
   * name nothing. exempi 2.6 knows none of these under another prefix. */
  if (g_strcmp0 (xmp_string_cstr (registered), expected) != 0)
    g_error ("exempi registers %s as “%s”, not “%s”", uri, xmp_string_cstr (registered),
             expected);
  xmp_string_free (registered);
}

void
captioner_xmp_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      if (!xmp_init ())
        g_error ("exempi failed to initialise");
      register_namespace (NS_IPTC_EXT, PREFIX_IPTC_EXT);
      register_namespace (NS_MWG_RS, PREFIX_MWG_RS);
      register_namespace (NS_ST_DIM, PREFIX_ST_DIM);
      register_namespace (NS_ST_AREA, PREFIX_ST_AREA);
      register_namespace (NS_MP, PREFIX_MP);
      register_namespace (NS_MP_RI, PREFIX_MP_RI);
      register_namespace (NS_MP_REG, PREFIX_MP_REG);
      register_namespace (CAPTIONER_NS_CAPTIONER, "captioner");
      captioner_xmp_packet_register ();
      g_once_init_leave (&initialized, 1);
    }
}

char *
captioner_xmp_get_text (XmpPtr      xmp,
                        const char *ns,
                        const char *path)
{
  XmpStringPtr value = xmp_string_new ();
  uint32_t bits = 0;
  char *result = NULL;

  if (xmp_get_property (xmp, ns, path, value, &bits) && XMP_IS_PROP_SIMPLE (bits))
    result = g_strdup (xmp_string_cstr (value));
  xmp_string_free (value);
  return result;
}

char *
captioner_xmp_get_lang_alt (XmpPtr      xmp,
                            const char *ns,
                            const char *name)
{
  XmpStringPtr value = xmp_string_new ();
  XmpStringPtr lang = xmp_string_new ();
  char *result = NULL;

  if (xmp_get_localized_text (xmp, ns, name, NULL, "x-default", lang, value, NULL))
    result = g_strdup (xmp_string_cstr (value));
  else
    result = captioner_xmp_get_text (xmp, ns, name);  /* a plain text where lang-alt belongs */
  xmp_string_free (value);
  xmp_string_free (lang);
  return result;
}

GPtrArray *
captioner_xmp_get_array (XmpPtr      xmp,
                         const char *ns,
                         const char *name)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  XmpStringPtr value = xmp_string_new ();

  for (int i = 1; i < 100000 && xmp_get_array_item (xmp, ns, name, i, value, NULL); i++)
    g_ptr_array_add (items, g_strdup (xmp_string_cstr (value)));
  xmp_string_free (value);
  return items;
}

gboolean
captioner_xmp_get_double (XmpPtr      xmp,
                          const char *ns,
                          const char *path,
                          double     *out)
{
  g_autofree char *text = captioner_xmp_get_text (xmp, ns, path);
  char *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || !(v >= -1e9 && v <= 1e9))
    return FALSE;
  *out = v;
  return TRUE;
}

void
captioner_xmp_set_text (XmpPtr      xmp,
                        const char *ns,
                        const char *path,
                        const char *value)
{
  xmp_set_property (xmp, ns, path, value, 0);
}

void
captioner_xmp_set_lang_alt (XmpPtr      xmp,
                            const char *ns,
                            const char *path,
                            const char *value)
{
  XmpStringPtr text = xmp_string_new ();
  uint32_t bits = 0;

  if (xmp_get_property (xmp, ns, path, text, &bits) && !XMP_IS_PROP_ARRAY (bits))
    xmp_delete_property (xmp, ns, path);   /* a plain text where an alternative belongs */
  else if (XMP_IS_PROP_ARRAY (bits))
    {
      /* Only the x-default item changes. exempi's own setter would also change every other
       * language that happened to hold the old text. */
      for (int i = 1; i < 10000; i++)
        {
          g_autofree char *item = g_strdup_printf ("%s[%d]", path, i);
          g_autofree char *lang_path = g_strdup_printf ("%s/?xml:lang", item);
          g_autofree char *lang = NULL;

          if (!xmp_has_property (xmp, ns, item))
            break;
          lang = captioner_xmp_get_text (xmp, ns, lang_path);
          if (g_strcmp0 (lang, "x-default") == 0)
            {
              xmp_set_property (xmp, ns, item, value, 0);
              xmp_string_free (text);
              return;
            }
        }
    }
  xmp_string_free (text);
  xmp_set_localized_text (xmp, ns, path, "", "x-default", value, 0);
}

void
captioner_xmp_copy_property (XmpPtr      to,
                             XmpPtr      from,
                             const char *ns,
                             const char *name)
{
  XmpIteratorPtr iter;
  XmpStringPtr schema, path, value;
  uint32_t options;

  if (!xmp_has_property (from, ns, name))
    return;
  xmp_delete_property (to, ns, name);
  iter = xmp_iterator_new (from, ns, name, XMP_ITER_PROPERTIES);
  schema = xmp_string_new ();
  path = xmp_string_new ();
  value = xmp_string_new ();
  while (xmp_iterator_next (iter, schema, path, value, &options))
    {
      const char *p = xmp_string_cstr (path);

      if (*p == '\0')
        continue;
      /* exempi crashes on a NULL value: "" asks for an empty composite. */
      if (options & XMP_PROP_COMPOSITE_MASK)
        xmp_set_property (to, ns, p, "", options & XMP_PROP_COMPOSITE_MASK);
      else
        xmp_set_property (to, ns, p, xmp_string_cstr (value), options & XMP_PROP_VALUE_IS_URI);
    }
  xmp_iterator_free (iter);
  xmp_string_free (schema);
  xmp_string_free (path);
  xmp_string_free (value);
}
