#define G_LOG_DOMAIN "captioner-caption-language"

#include "config.h"

#include "captioner-caption-language.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"

const char *
captioner_caption_language_style_id (const CaptionerMetadata *metadata,
                                     const char              *language)
{
  const char *stored;
  const CaptionerCaptionStyle *bundled;

  g_return_val_if_fail (metadata != NULL && language != NULL, NULL);

  stored = captioner_metadata_get_language (metadata, language, CAPTIONER_LANGUAGE_STYLE);
  if (stored != NULL)
    return stored;
  /* The lookup gives the default style for an id it does not know. */
  bundled = captioner_caption_style_lookup (language);
  if (g_strcmp0 (bundled->id, language) == 0)
    return bundled->id;
  return metadata->fields[CAPTIONER_FIELD_STYLE];
}

CaptionerMetadata *
captioner_caption_language_view (const CaptionerMetadata   *metadata,
                                 const char                *language,
                                 CaptionerNameTranslateFunc translate,
                                 gpointer                   user_data)
{
  CaptionerMetadata *view;

  g_return_val_if_fail (metadata != NULL && language != NULL, NULL);

  view = captioner_metadata_copy (metadata);
  captioner_metadata_set (view, CAPTIONER_FIELD_CAPTION_BODY,
                          captioner_metadata_get_language (metadata, language,
                                                           CAPTIONER_LANGUAGE_BODY));
  captioner_metadata_set (view, CAPTIONER_FIELD_STYLE,
                          captioner_caption_language_style_id (metadata, language));
  captioner_metadata_set (view, CAPTIONER_FIELD_CAPTION,
                          captioner_metadata_get_language (metadata, language,
                                                           CAPTIONER_LANGUAGE_CAPTION));
  captioner_metadata_set (view, CAPTIONER_FIELD_COMPOSED,
                          captioner_metadata_get_language (metadata, language,
                                                           CAPTIONER_LANGUAGE_COMPOSED));
  g_clear_pointer (&view->languages, g_hash_table_unref);
  for (guint i = 0; translate != NULL && i < view->people->len; i++)
    {
      CaptionerPerson *person = g_ptr_array_index (view->people, i);
      char *name = person->name != NULL ? translate (person->name, language, user_data) : NULL;

      if (name != NULL)
        {
          g_free (person->name);
          person->name = name;
        }
    }
  return view;
}

char *
captioner_caption_compose_language (const CaptionerMetadata   *metadata,
                                    int                        orientation,
                                    const char                *language,
                                    CaptionerNameTranslateFunc translate,
                                    gpointer                   user_data)
{
  g_autoptr(CaptionerMetadata) view = NULL;

  g_return_val_if_fail (metadata != NULL && language != NULL, NULL);

  view = captioner_caption_language_view (metadata, language, translate, user_data);
  return captioner_caption_compose_metadata (view, orientation);
}
