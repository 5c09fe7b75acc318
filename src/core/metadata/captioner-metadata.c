#define G_LOG_DOMAIN "captioner-metadata"

#include "config.h"

#include "captioner-caption-check.h"
#include "captioner-metadata.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"

G_DEFINE_BOXED_TYPE (CaptionerMetadata, captioner_metadata,
                     captioner_metadata_copy, captioner_metadata_free)

static const char * const field_names[] = {
  "caption", "caption_body", "headline", "credit", "byline", "source", "copyright", "event",
  "city", "state", "country", "instructions", "job_id", "date_created", "style", "composed",
  "title", "country_code", "sub_location", "caption_writer", "urgency", "category",
  "supplemental_categories",
};
/* One name for every field: the journal and info --json go by these. */
G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == CAPTIONER_N_FIELDS);

const char *
captioner_field_get_name (CaptionerField field)
{
  g_return_val_if_fail (field < CAPTIONER_N_FIELDS, NULL);
  return field_names[field];
}

CaptionerMetadata *
captioner_metadata_new (void)
{
  CaptionerMetadata *metadata = g_new0 (CaptionerMetadata, 1);

  metadata->keywords = g_new0 (char *, 1);
  metadata->people = captioner_people_new ();
  return metadata;
}

CaptionerMetadata *
captioner_metadata_copy (const CaptionerMetadata *metadata)
{
  CaptionerMetadata *copy;

  g_return_val_if_fail (metadata != NULL, NULL);

  copy = g_new0 (CaptionerMetadata, 1);
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    copy->fields[i] = g_strdup (metadata->fields[i]);
  copy->keywords = g_strdupv (metadata->keywords);
  copy->people = captioner_people_copy (metadata->people);
  copy->languages = captioner_languages_copy (metadata->languages);
  return copy;
}

void
captioner_metadata_free (CaptionerMetadata *metadata)
{
  if (metadata == NULL)
    return;
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    g_free (metadata->fields[i]);
  g_strfreev (metadata->keywords);
  g_ptr_array_unref (metadata->people);
  g_clear_pointer (&metadata->languages, g_hash_table_unref);
  g_free (metadata);
}

gboolean
captioner_metadata_equal (const CaptionerMetadata *a,
                          const CaptionerMetadata *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    if (g_strcmp0 (a->fields[i], b->fields[i]) != 0)
      return FALSE;
  return g_strv_equal ((const char * const *) a->keywords, (const char * const *) b->keywords) &&
         captioner_people_equal (a->people, b->people) &&
         captioner_languages_equal (a->languages, b->languages);
}

const char *
captioner_metadata_get (const CaptionerMetadata *metadata,
                        CaptionerField           field)
{
  g_return_val_if_fail (metadata != NULL, NULL);
  g_return_val_if_fail (field < CAPTIONER_N_FIELDS, NULL);
  return metadata->fields[field];
}

void
captioner_metadata_set (CaptionerMetadata *metadata,
                        CaptionerField     field,
                        const char        *value)
{
  g_return_if_fail (metadata != NULL);
  g_return_if_fail (field < CAPTIONER_N_FIELDS);

  if (metadata->fields[field] == value)
    return;
  g_free (metadata->fields[field]);
  metadata->fields[field] = g_strdup (value);
}

void
captioner_metadata_set_keywords (CaptionerMetadata  *metadata,
                                 const char * const *keywords)
{
  GStrvBuilder *builder;

  g_return_if_fail (metadata != NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    {
      g_autofree char *k = g_strstrip (g_strdup (keywords[i]));
      if (*k != '\0')
        g_strv_builder_add (builder, k);
    }
  g_strfreev (metadata->keywords);
  metadata->keywords = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
}

gboolean
captioner_metadata_is_captioned (const CaptionerMetadata *metadata)
{
  const char *caption = metadata->fields[CAPTIONER_FIELD_CAPTION];

  /* "(Reuters photo)" alone, or "OLYMPUS DIGITAL CAMERA", is no caption. */
  return caption != NULL && *caption != '\0' &&
         !captioner_caption_is_not_a_caption (caption, metadata->fields[CAPTIONER_FIELD_CREDIT],
                                              metadata->fields[CAPTIONER_FIELD_BYLINE]);
}

gboolean
captioner_caption_is_foreign (const char *caption,
                              const char *composed)
{
  return caption != NULL && *caption != '\0' && g_strcmp0 (caption, composed) != 0;
}
