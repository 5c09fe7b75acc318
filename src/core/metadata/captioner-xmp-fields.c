#define G_LOG_DOMAIN "captioner-xmp-fields"

#include "config.h"

#include "captioner-xmp-fields.h"
#include "captioner-xmp-util.h"

/* The caption fields and keywords in XMP: which property holds each, read and written. */

typedef struct
{
  CaptionerField  field;
  const char     *ns;
  const char     *name;
  enum { SIMPLE, LANG_ALT, FIRST_OF_SEQ } kind;
} FieldMap;

static const FieldMap field_map[] = {
  { CAPTIONER_FIELD_CAPTION,      NS_DC,          "description",           LANG_ALT },
  { CAPTIONER_FIELD_CAPTION_BODY, CAPTIONER_NS_CAPTIONER, "CaptionBody",   SIMPLE },
  { CAPTIONER_FIELD_HEADLINE,     NS_PHOTOSHOP,   "Headline",              SIMPLE },
  { CAPTIONER_FIELD_CREDIT,       NS_PHOTOSHOP,   "Credit",                SIMPLE },
  { CAPTIONER_FIELD_BYLINE,       NS_DC,          "creator",               FIRST_OF_SEQ },
  { CAPTIONER_FIELD_SOURCE,       NS_PHOTOSHOP,   "Source",                SIMPLE },
  { CAPTIONER_FIELD_COPYRIGHT,    NS_DC,          "rights",                LANG_ALT },
  { CAPTIONER_FIELD_EVENT,        NS_IPTC_EXT,    "Event",                 LANG_ALT },
  { CAPTIONER_FIELD_CITY,         NS_PHOTOSHOP,   "City",                  SIMPLE },
  { CAPTIONER_FIELD_STATE,        NS_PHOTOSHOP,   "State",                 SIMPLE },
  { CAPTIONER_FIELD_COUNTRY,      NS_PHOTOSHOP,   "Country",               SIMPLE },
  { CAPTIONER_FIELD_INSTRUCTIONS, NS_PHOTOSHOP,   "Instructions",          SIMPLE },
  { CAPTIONER_FIELD_JOB_ID,       NS_PHOTOSHOP,   "TransmissionReference", SIMPLE },
  { CAPTIONER_FIELD_DATE_CREATED, NS_PHOTOSHOP,   "DateCreated",           SIMPLE },
  { CAPTIONER_FIELD_STYLE,        CAPTIONER_NS_CAPTIONER, "CaptionStyle",  SIMPLE },
  { CAPTIONER_FIELD_COMPOSED,     CAPTIONER_NS_CAPTIONER, "ComposedCaption", SIMPLE },
};

void
captioner_xmp_read_fields (XmpPtr             xmp,
                           CaptionerMetadata *metadata)
{
  g_autoptr(GPtrArray) keywords = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_map); i++)
    {
      const FieldMap *m = &field_map[i];
      char *value = NULL;

      if (!xmp_has_property (xmp, m->ns, m->name))
        continue;
      if (m->kind == LANG_ALT)
        value = captioner_xmp_get_lang_alt (xmp, m->ns, m->name);
      else if (m->kind == FIRST_OF_SEQ)
        {
          g_autoptr(GPtrArray) items = captioner_xmp_get_array (xmp, m->ns, m->name);
          if (items->len > 0)
            {
              g_ptr_array_add (items, NULL);
              value = g_strjoinv ("; ", (char **) items->pdata);
            }
          else
            value = captioner_xmp_get_text (xmp, m->ns, m->name);
        }
      else
        value = captioner_xmp_get_text (xmp, m->ns, m->name);
      if (value != NULL)
        {
          g_free (metadata->fields[m->field]);
          metadata->fields[m->field] = value;
        }
    }

  if (xmp_has_property (xmp, NS_DC, "subject"))
    {
      keywords = captioner_xmp_get_array (xmp, NS_DC, "subject");
      g_ptr_array_add (keywords, NULL);
      captioner_metadata_set_keywords (metadata, (const char * const *) keywords->pdata);
    }
}

static void
write_field (XmpPtr          xmp,
             const FieldMap *m,
             const char     *value)
{
  xmp_delete_property (xmp, m->ns, m->name);
  if (value == NULL)
    return;
  switch (m->kind)
    {
    case LANG_ALT:
      xmp_set_localized_text (xmp, m->ns, m->name, "", "x-default", value, 0);
      break;
    case FIRST_OF_SEQ:
      {
        g_auto(GStrv) items = g_strsplit (value, "; ", -1);
        for (guint i = 0; items[i] != NULL; i++)
          xmp_append_array_item (xmp, m->ns, m->name, XMP_PROP_ARRAY_IS_ORDERED, items[i], 0);
        if (items[0] == NULL)
          xmp_append_array_item (xmp, m->ns, m->name, XMP_PROP_ARRAY_IS_ORDERED, "", 0);
      }
      break;
    case SIMPLE:
    default:
      captioner_xmp_set_text (xmp, m->ns, m->name, value);
      break;
    }
}

void
captioner_xmp_write_fields (XmpPtr                   xmp,
                            const CaptionerMetadata *metadata)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_map); i++)
    write_field (xmp, &field_map[i], metadata->fields[field_map[i].field]);

  xmp_delete_property (xmp, NS_DC, "subject");
  for (guint i = 0; metadata->keywords[i] != NULL; i++)
    xmp_append_array_item (xmp, NS_DC, "subject", XMP_PROP_VALUE_IS_ARRAY,
                           metadata->keywords[i], 0);
}

