#define G_LOG_DOMAIN "captioner-preview-section"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-caption.h"
#include "captioner-preview-section.h"

struct _CaptionerPreviewSection
{
  CaptionerCaptionSection  parent_instance;

  /* Template widgets */
  GtkLabel                *composed_label;
  GtkLabel                *length_label;
  GtkWidget               *kept_label;
  GtkWidget               *warning_label;

  /* Owned references */
  char                    *composed;   /* the caption as it will be stored */
};

G_DEFINE_FINAL_TYPE (CaptionerPreviewSection, captioner_preview_section,
                     CAPTIONER_TYPE_CAPTION_SECTION)

static void
captioner_preview_section_update (CaptionerCaptionSection *section,
                                  CaptionerDraft          *draft,
                                  CaptionerDraftChanged    what)
{
  CaptionerPreviewSection *self = CAPTIONER_PREVIEW_SECTION (section);
  g_autofree char *length = NULL;
  gsize bytes;

  g_free (self->composed);
  /* The caption the draft holds; a photo not edited yet that has none shows what its parts
   * compose, which the first edit stores. */
  if (draft == NULL)
    self->composed = g_strdup ("");
  else if (*captioner_draft_get_caption (draft) != '\0')
    self->composed = g_strdup (captioner_draft_get_caption (draft));
  else
    self->composed = captioner_draft_compose (draft);

  bytes = strlen (self->composed);
  gtk_label_set_text (self->composed_label, *self->composed ? self->composed : _("(empty)"));
  length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu byte of %d", "%zu bytes of %d",
                                         bytes),
                            bytes, CAPTIONER_CAPTION_MAX_BYTES);
  gtk_label_set_text (self->length_label, length);
  gtk_widget_set_visible (self->warning_label, bytes > CAPTIONER_CAPTION_MAX_BYTES);
  gtk_widget_set_visible (self->kept_label, draft != NULL && captioner_draft_get_caption_kept (draft));
}

static void
captioner_preview_section_dispose (GObject *object)
{
  CaptionerPreviewSection *self = CAPTIONER_PREVIEW_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_PREVIEW_SECTION);
  g_clear_pointer (&self->composed, g_free);
  G_OBJECT_CLASS (captioner_preview_section_parent_class)->dispose (object);
}

static void
captioner_preview_section_class_init (CaptionerPreviewSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_preview_section_dispose;
  CAPTIONER_CAPTION_SECTION_CLASS (klass)->update = captioner_preview_section_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-preview-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreviewSection, composed_label);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreviewSection, length_label);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreviewSection, kept_label);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreviewSection, warning_label);
}

static void
captioner_preview_section_init (CaptionerPreviewSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->composed = g_strdup ("");
}

GtkWidget *
captioner_preview_section_new (void)
{
  return g_object_new (CAPTIONER_TYPE_PREVIEW_SECTION, NULL);
}

const char *
captioner_preview_section_get_composed (CaptionerPreviewSection *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PREVIEW_SECTION (self), "");
  return self->composed;
}
