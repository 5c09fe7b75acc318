#define G_LOG_DOMAIN "captioner-xmp-util"

#include "config.h"

#include <string.h>

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
