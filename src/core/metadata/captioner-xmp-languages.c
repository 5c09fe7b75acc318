#define G_LOG_DOMAIN "captioner-xmp-languages"

#include "config.h"

#include <exempi/xmpconsts.h>

#include "captioner-metadata-language.h"
#include "captioner-xmp-languages.h"
#include "captioner-xmp-util.h"

typedef struct
{
  const char *ns;
  const char *name;
} LanguageProperty;

static const LanguageProperty properties[] = {
  [CAPTIONER_LANGUAGE_CAPTION] = { NS_DC, "description" },
  [CAPTIONER_LANGUAGE_BODY] = { CAPTIONER_NS_CAPTIONER, "CaptionBodies" },
  [CAPTIONER_LANGUAGE_STYLE] = { CAPTIONER_NS_CAPTIONER, "CaptionStyles" },
  [CAPTIONER_LANGUAGE_COMPOSED] = { CAPTIONER_NS_CAPTIONER, "ComposedCaptions" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (properties) == CAPTIONER_N_LANGUAGE_FIELDS);

/* The xml:lang of item @index (1-based) of ns:name, NULL when the item has none; *exists
 * says whether there is such an item. */
static char *
item_language (XmpPtr      xmp,
               const char *ns,
               const char *name,
               int         index,
               gboolean   *exists)
{
  g_autofree char *item = g_strdup_printf ("%s[%d]", name, index);
  g_autofree char *lang_path = g_strdup_printf ("%s/?xml:lang", item);

  *exists = xmp_has_property (xmp, ns, item);
  if (!*exists)
    return NULL;
  return captioner_xmp_get_text (xmp, ns, lang_path);
}

static gboolean
is_array (XmpPtr      xmp,
          const char *ns,
          const char *name)
{
  XmpStringPtr text = xmp_string_new ();
  uint32_t bits = 0;
  gboolean array = xmp_get_property (xmp, ns, name, text, &bits) && XMP_IS_PROP_ARRAY (bits);

  xmp_string_free (text);
  return array;
}

void
captioner_xmp_read_languages (XmpPtr             xmp,
                              CaptionerMetadata *metadata)
{
  g_return_if_fail (xmp != NULL && metadata != NULL);

  for (guint f = 0; f < CAPTIONER_N_LANGUAGE_FIELDS; f++)
    {
      const LanguageProperty *p = &properties[f];

      if (!is_array (xmp, p->ns, p->name))
        continue;
      for (int i = 1; i < 10000; i++)
        {
          gboolean exists;
          g_autofree char *lang = item_language (xmp, p->ns, p->name, i, &exists);
          g_autofree char *item = NULL;
          g_autofree char *value = NULL;

          if (!exists)
            break;
          if (!captioner_language_is_valid (lang))
            continue;
          item = g_strdup_printf ("%s[%d]", p->name, i);
          value = captioner_xmp_get_text (xmp, p->ns, item);
          if (value != NULL &&
              captioner_metadata_get_language (metadata, lang, f) == NULL)
            captioner_metadata_set_language (metadata, lang, f, value);
        }
    }
}

/* The index of @language's item in ns:name (xml:lang compares without case), 0 when none. */
static int
find_item (XmpPtr      xmp,
           const char *ns,
           const char *name,
           const char *language)
{
  for (int i = 1; i < 10000; i++)
    {
      gboolean exists;
      g_autofree char *lang = item_language (xmp, ns, name, i, &exists);

      if (!exists)
        break;
      if (lang != NULL && g_ascii_strcasecmp (lang, language) == 0)
        return i;
    }
  return 0;
}

static void
write_item (XmpPtr                  xmp,
            const LanguageProperty *p,
            const char             *language,
            const char             *value)
{
  int index;

  if (xmp_has_property (xmp, p->ns, p->name) && !is_array (xmp, p->ns, p->name))
    {
      if (g_strcmp0 (p->ns, NS_DC) == 0)
        {
          /* A plain dc:description: it becomes the x-default item of an alternative. */
          g_autofree char *main = captioner_xmp_get_text (xmp, p->ns, p->name);

          xmp_delete_property (xmp, p->ns, p->name);
          if (main != NULL)
            captioner_xmp_set_lang_alt (xmp, p->ns, p->name, main);
        }
      else
        xmp_delete_property (xmp, p->ns, p->name);
    }
  index = find_item (xmp, p->ns, p->name, language);
  if (index > 0)
    {
      g_autofree char *item = g_strdup_printf ("%s[%d]", p->name, index);

      if (value != NULL)
        xmp_set_property (xmp, p->ns, item, value, 0);
      else
        {
          g_autofree char *first = g_strdup_printf ("%s[1]", p->name);

          xmp_delete_property (xmp, p->ns, item);
          if (!xmp_has_property (xmp, p->ns, first))
            xmp_delete_property (xmp, p->ns, p->name);
        }
      return;
    }
  if (value == NULL)
    return;
  {
    g_autofree char *lang_path = g_strdup_printf ("%s[last()]/?xml:lang", p->name);

    xmp_append_array_item (xmp, p->ns, p->name,
                           XMP_PROP_VALUE_IS_ARRAY | XMP_PROP_ARRAY_IS_ORDERED |
                           XMP_PROP_ARRAY_IS_ALT | XMP_PROP_ARRAY_IS_ALTTEXT, value, 0);
    xmp_set_property (xmp, p->ns, lang_path, language, 0);
  }
}

void
captioner_xmp_apply_languages (XmpPtr                   xmp,
                               const CaptionerMetadata *after,
                               const CaptionerChanges  *changes)
{
  g_auto(GStrv) codes = NULL;

  g_return_if_fail (xmp != NULL && after != NULL && changes != NULL);

  codes = captioner_changes_dup_languages (changes);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      guint mask = captioner_changes_get_language (changes, codes[i]);

      for (guint f = 0; f < CAPTIONER_N_LANGUAGE_FIELDS; f++)
        if (mask & (1u << f))
          write_item (xmp, &properties[f], codes[i],
                      captioner_metadata_get_language (after, codes[i], f));
    }
}
