#define G_LOG_DOMAIN "captioner-body-section"

#include "config.h"

#include "captioner-body-section.h"

struct _CaptionerBodySection
{
  CaptionerCaptionSection  parent_instance;

  /* Template widgets */
  GtkTextView             *body_view;
};

G_DEFINE_FINAL_TYPE (CaptionerBodySection, captioner_body_section, CAPTIONER_TYPE_CAPTION_SECTION)

static char *
get_body (CaptionerBodySection *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_buffer_changed_cb (GtkTextBuffer        *buffer,
                      CaptionerBodySection *self)
{
  CaptionerCaptionSection *section = CAPTIONER_CAPTION_SECTION (self);
  CaptionerDraft *draft = captioner_caption_section_get_draft (section);
  g_autofree char *body = NULL;

  if (draft == NULL || captioner_caption_section_is_updating (section))
    return;
  body = get_body (self);
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, body);
}

static void
captioner_body_section_update (CaptionerCaptionSection *section,
                               CaptionerDraft          *draft,
                               CaptionerDraftChanged    what)
{
  CaptionerBodySection *self = CAPTIONER_BODY_SECTION (section);
  const char *wanted = draft ? captioner_draft_get_field (draft, CAPTIONER_FIELD_CAPTION_BODY) : NULL;
  g_autofree char *body = NULL;

  if (!(what & CAPTIONER_DRAFT_CHANGED_FIELDS))
    return;
  body = get_body (self);
  if (g_strcmp0 (body, wanted ? wanted : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), wanted ? wanted : "", -1);
}

static void
captioner_body_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CAPTIONER_TYPE_BODY_SECTION);
  G_OBJECT_CLASS (captioner_body_section_parent_class)->dispose (object);
}

static void
captioner_body_section_class_init (CaptionerBodySectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_body_section_dispose;
  CAPTIONER_CAPTION_SECTION_CLASS (klass)->update = captioner_body_section_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-body-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerBodySection, body_view);
}

static void
captioner_body_section_init (CaptionerBodySection *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The draft keeps one undo history for boxes, names and fields: Ctrl+Z goes there. */
  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self);
}

GtkWidget *
captioner_body_section_new (void)
{
  return g_object_new (CAPTIONER_TYPE_BODY_SECTION, NULL);
}

GtkTextView *
captioner_body_section_get_view (CaptionerBodySection *self)
{
  g_return_val_if_fail (CAPTIONER_IS_BODY_SECTION (self), NULL);
  return self->body_view;
}
