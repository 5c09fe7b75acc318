#define G_LOG_DOMAIN "captioner-draft"

#include "config.h"

#include "captioner-caption-language.h"
#include "captioner-draft-private.h"
#include "captioner-metadata-language.h"

/* A draft's captions in other languages than the main one. The ownership rule for each is the
 * main caption's, per language: a caption another program wrote in it (the desk's Armenian
 * from another tool, a German one from an agency) stays as it is, byte for byte, until the
 * editor writes that language's body; the others follow their parts. */

static const char *
get_part (const CaptionerMetadata *md,
          const char              *language,
          CaptionerLanguageField   field)
{
  return captioner_metadata_get_language (md, language, field);
}

static gboolean
language_composing (CaptionerDraft *self,
                    const char     *language)
{
  const char *body = get_part (self->current, language, CAPTIONER_LANGUAGE_BODY);
  gboolean ours = !captioner_metadata_language_is_foreign (self->current, language);
  gboolean caption = get_part (self->current, language, CAPTIONER_LANGUAGE_CAPTION) != NULL;

  if (body == NULL && !(ours && caption))
    return FALSE;
  if (!captioner_metadata_language_is_foreign (self->opened, language))
    return TRUE;
  return g_strcmp0 (body, get_part (self->opened, language, CAPTIONER_LANGUAGE_BODY)) != 0;
}

static void
set_own_caption (CaptionerDraft *self,
                 const char     *language,
                 const char     *caption)
{
  if (caption != NULL && *caption == '\0')
    caption = NULL;
  captioner_metadata_set_language (self->current, language, CAPTIONER_LANGUAGE_CAPTION, caption);
  captioner_metadata_set_language (self->current, language, CAPTIONER_LANGUAGE_COMPOSED, caption);
}

static void
compose_into (CaptionerDraft *self,
              const char     *language)
{
  g_autofree char *caption = captioner_draft_compose_language (self, language);

  set_own_caption (self, language, caption);
}

void
captioner_draft_recompose_languages (CaptionerDraft *self)
{
  g_auto(GStrv) languages = NULL;

  /* Without the people's names in the languages (a draft nobody gave a translator), an edit
   * of the people or the credit would put the main names into them: they stay as they are. */
  if (self->translate == NULL)
    return;
  languages = captioner_metadata_dup_languages (self->current);
  for (guint i = 0; languages[i] != NULL; i++)
    if (language_composing (self, languages[i]))
      compose_into (self, languages[i]);
}

static void
commit_language (CaptionerDraft *self,
                 const char     *language,
                 const char     *what)
{
  g_autofree char *group = g_strdup_printf ("%s-%s", language, what);

  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_LANGUAGES, FALSE, group);
}

static gboolean
check_language (const char *language)
{
  if (captioner_language_is_valid (language))
    return TRUE;
  g_critical ("“%s” is no caption language", language ? language : "(null)");
  return FALSE;
}

void
captioner_draft_set_name_translator (CaptionerDraft             *self,
                                     CaptionerNameTranslateFunc  translate,
                                     gpointer                    user_data,
                                     GDestroyNotify              destroy)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  if (self->translate_destroy != NULL)
    g_clear_pointer (&self->translate_data, self->translate_destroy);
  self->translate = translate;
  self->translate_data = user_data;
  self->translate_destroy = destroy;
}

GStrv
captioner_draft_dup_languages (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return captioner_metadata_dup_languages (self->current);
}

const char *
captioner_draft_get_language (CaptionerDraft         *self,
                              const char             *language,
                              CaptionerLanguageField  field)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return get_part (self->current, language, field);
}

char *
captioner_draft_compose_language (CaptionerDraft *self,
                                  const char     *language)
{
  g_autoptr(CaptionerMetadata) md = NULL;

  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  md = captioner_metadata_copy (self->current);
  if (get_part (md, language, CAPTIONER_LANGUAGE_STYLE) == NULL &&
      md->fields[CAPTIONER_FIELD_STYLE] == NULL && self->default_style != NULL)
    captioner_metadata_set (md, CAPTIONER_FIELD_STYLE, self->default_style);
  return captioner_caption_compose_language (md, self->orientation, language, self->translate,
                                             self->translate_data);
}

void
captioner_draft_set_language_body (CaptionerDraft *self,
                                   const char     *language,
                                   const char     *body)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  if (!check_language (language))
    return;

  if (body != NULL && *body == '\0')
    body = NULL;
  if (g_strcmp0 (get_part (self->current, language, CAPTIONER_LANGUAGE_BODY), body) == 0)
    return;
  captioner_metadata_set_language (self->current, language, CAPTIONER_LANGUAGE_BODY, body);
  if (body != NULL && get_part (self->current, language, CAPTIONER_LANGUAGE_STYLE) == NULL)
    captioner_metadata_set_language (self->current, language, CAPTIONER_LANGUAGE_STYLE,
                                     captioner_caption_language_style_id (self->current,
                                                                          language));
  if (language_composing (self, language))
    compose_into (self, language);
  commit_language (self, language, "body");
}

void
captioner_draft_set_language_style (CaptionerDraft *self,
                                    const char     *language,
                                    const char     *style)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  if (!check_language (language))
    return;

  if (style != NULL && *style == '\0')
    style = NULL;
  if (g_strcmp0 (get_part (self->current, language, CAPTIONER_LANGUAGE_STYLE), style) == 0)
    return;
  captioner_metadata_set_language (self->current, language, CAPTIONER_LANGUAGE_STYLE, style);
  if (language_composing (self, language))
    compose_into (self, language);
  commit_language (self, language, "style");
}

void
captioner_draft_set_language_caption (CaptionerDraft *self,
                                      const char     *language,
                                      const char     *caption)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  if (!check_language (language))
    return;

  if (caption != NULL && *caption == '\0')
    caption = NULL;
  if (g_strcmp0 (get_part (self->current, language, CAPTIONER_LANGUAGE_CAPTION), caption) == 0)
    return;
  set_own_caption (self, language, caption);
  commit_language (self, language, "caption");
}

void
captioner_draft_recompose_language (CaptionerDraft *self,
                                    const char     *language)
{
  g_autofree char *caption = NULL;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  if (!check_language (language))
    return;

  caption = captioner_draft_compose_language (self, language);
  if (*caption == '\0')
    g_clear_pointer (&caption, g_free);
  if (g_strcmp0 (get_part (self->current, language, CAPTIONER_LANGUAGE_CAPTION), caption) == 0 &&
      g_strcmp0 (get_part (self->current, language, CAPTIONER_LANGUAGE_COMPOSED), caption) == 0)
    return;
  if (get_part (self->current, language, CAPTIONER_LANGUAGE_STYLE) == NULL && caption != NULL)
    captioner_metadata_set_language (self->current, language, CAPTIONER_LANGUAGE_STYLE,
                                     captioner_caption_language_style_id (self->current,
                                                                          language));
  set_own_caption (self, language, caption);
  commit_language (self, language, "caption");
}

void
captioner_draft_remove_language (CaptionerDraft *self,
                                 const char     *language)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  if (captioner_languages_diff (self->current, self->baseline, language) == 0 &&
      get_part (self->current, language, CAPTIONER_LANGUAGE_CAPTION) == NULL &&
      get_part (self->current, language, CAPTIONER_LANGUAGE_BODY) == NULL &&
      get_part (self->current, language, CAPTIONER_LANGUAGE_STYLE) == NULL &&
      get_part (self->current, language, CAPTIONER_LANGUAGE_COMPOSED) == NULL)
    return;
  for (guint f = 0; f < CAPTIONER_N_LANGUAGE_FIELDS; f++)
    captioner_metadata_set_language (self->current, language, f, NULL);
  commit_language (self, language, "remove");
}
