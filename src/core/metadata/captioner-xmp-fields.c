#define G_LOG_DOMAIN "captioner-xmp-fields"

#include "config.h"

#include <string.h>

#include "captioner-exif.h"
#include "captioner-xmp-fields.h"
#include "captioner-xmp-packet.h"
#include "captioner-xmp-util.h"

/* The caption fields and keywords in XMP: which property holds each, read and written. */

typedef struct
{
  CaptionerField  field;
  const char     *ns;
  const char     *name;
  /* JOINED_BAG: an unordered array whose items the field holds joined with "; ". */
  enum { SIMPLE, LANG_ALT, FIRST_OF_SEQ, JOINED_BAG } kind;
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
  { CAPTIONER_FIELD_TITLE,        NS_DC,          "title",                 LANG_ALT },
  /* IPTC Core's own property; Iptc4xmpExt:CountryCode is only a field of a location
   * structure (LocationShown, LocationCreated). */
  { CAPTIONER_FIELD_COUNTRY_CODE, NS_IPTC4XMP,    "CountryCode",           SIMPLE },
  { CAPTIONER_FIELD_SUB_LOCATION, NS_IPTC4XMP,    "Location",              SIMPLE },
  { CAPTIONER_FIELD_CAPTION_WRITER, NS_PHOTOSHOP, "CaptionWriter",         SIMPLE },
  { CAPTIONER_FIELD_URGENCY,      NS_PHOTOSHOP,   "Urgency",               SIMPLE },
  { CAPTIONER_FIELD_CATEGORY,     NS_PHOTOSHOP,   "Category",              SIMPLE },
  { CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES, NS_PHOTOSHOP, "SupplementalCategories", JOINED_BAG },
};

/* Where exempi would have folded an alias into the property it stands for, the alias is
 * parsed under a shadow namespace (captioner-xmp-packet.c): its value still counts when the
 * property itself is missing. */
static char *
get_alias (XmpPtr      xmp,
           const char *ns,
           const char *name)
{
  const char *shadow = captioner_xmp_packet_shadow_ns (ns);
  g_autoptr(GPtrArray) items = NULL;

  if (shadow == NULL || !xmp_has_property (xmp, shadow, name))
    return NULL;
  items = captioner_xmp_get_array (xmp, shadow, name);
  if (items->len > 0)
    return g_strdup (g_ptr_array_index (items, 0));
  return captioner_xmp_get_lang_alt (xmp, shadow, name);
}

static char *
read_alias_fallback (XmpPtr         xmp,
                     CaptionerField field)
{
  char *value = NULL;

  switch (field)
    {
    case CAPTIONER_FIELD_CAPTION:
      value = get_alias (xmp, NS_TIFF, "ImageDescription");
      if (value != NULL && captioner_exif_is_boilerplate_description (value))
        g_clear_pointer (&value, g_free);
      if (value == NULL)
        value = get_alias (xmp, NS_PHOTOSHOP, "Caption");
      break;
    case CAPTIONER_FIELD_BYLINE:
      value = get_alias (xmp, NS_TIFF, "Artist");
      break;
    case CAPTIONER_FIELD_COPYRIGHT:
      value = get_alias (xmp, NS_TIFF, "Copyright");
      if (value == NULL)
        value = get_alias (xmp, NS_PHOTOSHOP, "Copyright");
      break;
    default:
      break;
    }
  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

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
        value = read_alias_fallback (xmp, m->field);
      else if (m->kind == LANG_ALT)
        value = captioner_xmp_get_lang_alt (xmp, m->ns, m->name);
      else if (m->kind == FIRST_OF_SEQ || m->kind == JOINED_BAG)
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

/* dc:creator as read is its items joined with "; ": a changed byline is one item, never split
 * at "; " (an agency writes "Smith; Jones Photo Pool" as one creator). */
static void
write_creator (XmpPtr          xmp,
               const FieldMap *m,
               const char     *value)
{
  uint32_t bits = 0;
  XmpStringPtr text = xmp_string_new ();
  gboolean is_array = xmp_get_property (xmp, m->ns, m->name, text, &bits) &&
                      XMP_IS_PROP_ARRAY (bits);

  xmp_string_free (text);
  if (is_array && xmp_has_property (xmp, m->ns, "creator[1]") &&
      !xmp_has_property (xmp, m->ns, "creator[2]"))
    {
      /* One creator: its value changes, its qualifiers stay. */
      xmp_set_property (xmp, m->ns, "creator[1]", value, 0);
      return;
    }
  xmp_delete_property (xmp, m->ns, m->name);
  xmp_append_array_item (xmp, m->ns, m->name, XMP_PROP_ARRAY_IS_ORDERED, value, 0);
}

/* A bag (the keywords, the supplemental categories): the items removed go, the new ones are
 * appended, the others stay where they were, with their qualifiers. */
static void
write_bag (XmpPtr              xmp,
           const char         *ns,
           const char         *name,
           const char * const *now)
{
  g_autoptr(GPtrArray) old = captioner_xmp_get_array (xmp, ns, name);
  g_autofree char *first = g_strdup_printf ("%s[1]", name);

  if (old->len == 0)
    xmp_delete_property (xmp, ns, name);   /* not an array: it starts again */
  for (guint i = old->len; i > 0; i--)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (g_ptr_array_index (old, i - 1)));

      if (!g_strv_contains (now, trimmed))
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", name, i);
          xmp_delete_property (xmp, ns, item);
        }
    }
  for (guint i = 0; now[i] != NULL; i++)
    {
      gboolean present = FALSE;

      for (guint j = 0; j < old->len && !present; j++)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (g_ptr_array_index (old, j)));
          present = strcmp (trimmed, now[i]) == 0;
        }
      if (!present)
        xmp_append_array_item (xmp, ns, name, XMP_PROP_VALUE_IS_ARRAY, now[i], 0);
    }
  if (!xmp_has_property (xmp, ns, first))
    xmp_delete_property (xmp, ns, name);
}

/* "A; B;; C" as the items A, B and C. */
static GStrv
split_joined (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
write_field (XmpPtr          xmp,
             const FieldMap *m,
             const char     *value)
{
  if (value == NULL)
    {
      xmp_delete_property (xmp, m->ns, m->name);
      return;
    }
  switch (m->kind)
    {
    case LANG_ALT:
      captioner_xmp_set_lang_alt (xmp, m->ns, m->name, value);
      break;
    case FIRST_OF_SEQ:
      write_creator (xmp, m, value);
      break;
    case JOINED_BAG:
      {
        g_auto(GStrv) items = split_joined (value);
        write_bag (xmp, m->ns, m->name, (const char * const *) items);
      }
      break;
    case SIMPLE:
    default:
      captioner_xmp_set_text (xmp, m->ns, m->name, value);
      break;
    }
}

void
captioner_xmp_apply_fields (XmpPtr                   xmp,
                            const CaptionerMetadata *after,
                            const CaptionerChanges  *changes)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_map); i++)
    if (captioner_changes_has_field (changes, field_map[i].field))
      write_field (xmp, &field_map[i], after->fields[field_map[i].field]);
  if (changes->keywords)
    write_bag (xmp, NS_DC, "subject", (const char * const *) after->keywords);
}
