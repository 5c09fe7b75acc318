#define G_LOG_DOMAIN "captioner-fields-section"

#include "config.h"

#include "captioner-fields-section.h"

struct _CaptionerFieldsSection
{
  CaptionerCaptionSection  parent_instance;

  /* Template widgets */
  GtkWidget               *credit_row;
  GtkWidget               *byline_row;
  GtkWidget               *headline_row;
  GtkWidget               *event_row;
  GtkWidget               *city_row;
  GtkWidget               *country_row;
  GtkWidget               *keywords_row;
  GtkWidget               *wire_row;
  GtkWidget               *title_row;
  GtkWidget               *sub_location_row;
  GtkWidget               *country_code_row;
  GtkWidget               *caption_writer_row;
  GtkWidget               *urgency_row;
  GtkWidget               *category_row;
  GtkWidget               *supplemental_categories_row;
};

G_DEFINE_FINAL_TYPE (CaptionerFieldsSection, captioner_fields_section,
                     CAPTIONER_TYPE_CAPTION_SECTION)

typedef struct
{
  CaptionerField field;
  gsize          offset;
} FieldRow;

static const FieldRow field_rows[] = {
  { CAPTIONER_FIELD_CREDIT, G_STRUCT_OFFSET (CaptionerFieldsSection, credit_row) },
  { CAPTIONER_FIELD_BYLINE, G_STRUCT_OFFSET (CaptionerFieldsSection, byline_row) },
  { CAPTIONER_FIELD_HEADLINE, G_STRUCT_OFFSET (CaptionerFieldsSection, headline_row) },
  { CAPTIONER_FIELD_EVENT, G_STRUCT_OFFSET (CaptionerFieldsSection, event_row) },
  { CAPTIONER_FIELD_CITY, G_STRUCT_OFFSET (CaptionerFieldsSection, city_row) },
  { CAPTIONER_FIELD_COUNTRY, G_STRUCT_OFFSET (CaptionerFieldsSection, country_row) },
  { CAPTIONER_FIELD_TITLE,
    G_STRUCT_OFFSET (CaptionerFieldsSection, title_row) },
  { CAPTIONER_FIELD_SUB_LOCATION,
    G_STRUCT_OFFSET (CaptionerFieldsSection, sub_location_row) },
  { CAPTIONER_FIELD_COUNTRY_CODE,
    G_STRUCT_OFFSET (CaptionerFieldsSection, country_code_row) },
  { CAPTIONER_FIELD_CAPTION_WRITER,
    G_STRUCT_OFFSET (CaptionerFieldsSection, caption_writer_row) },
  { CAPTIONER_FIELD_URGENCY,
    G_STRUCT_OFFSET (CaptionerFieldsSection, urgency_row) },
  { CAPTIONER_FIELD_CATEGORY,
    G_STRUCT_OFFSET (CaptionerFieldsSection, category_row) },
  { CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES,
    G_STRUCT_OFFSET (CaptionerFieldsSection, supplemental_categories_row) },
};

#define ROW_AT(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))

static GStrv
split_keywords (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
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
on_row_changed_cb (GtkEditable            *editable,
                   CaptionerFieldsSection *self)
{
  CaptionerCaptionSection *section = CAPTIONER_CAPTION_SECTION (self);
  CaptionerDraft *draft = captioner_caption_section_get_draft (section);
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "field"));

  if (draft != NULL && !captioner_caption_section_is_updating (section))
    captioner_draft_set_field (draft, field, gtk_editable_get_text (editable));
}

static void
on_keywords_changed_cb (GtkEditable            *editable,
                        CaptionerFieldsSection *self)
{
  CaptionerCaptionSection *section = CAPTIONER_CAPTION_SECTION (self);
  CaptionerDraft *draft = captioner_caption_section_get_draft (section);
  g_auto(GStrv) keywords = NULL;

  if (draft == NULL || captioner_caption_section_is_updating (section))
    return;
  keywords = split_keywords (gtk_editable_get_text (editable));
  captioner_draft_set_keywords (draft, (const char * const *) keywords);
}

static void
captioner_fields_section_update (CaptionerCaptionSection *section,
                                 CaptionerDraft          *draft,
                                 CaptionerDraftChanged    what)
{
  CaptionerFieldsSection *self = CAPTIONER_FIELDS_SECTION (section);
  const CaptionerMetadata *md = draft ? captioner_draft_get_metadata (draft) : NULL;

  if (what & CAPTIONER_DRAFT_CHANGED_FIELDS)
    for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
      captioner_caption_section_show_text (GTK_EDITABLE (ROW_AT (self, field_rows[i].offset)),
                                           md ? md->fields[field_rows[i].field] : NULL);
  /* The wire's Object Name ("IRAN-CAUCASUS/MEETING") shows while the wire fields are folded. */
  if (what & CAPTIONER_DRAFT_CHANGED_FIELDS)
    {
      const char *title = md ? md->fields[CAPTIONER_FIELD_TITLE] : NULL;

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->wire_row), title ? title : "");
    }

  /* Keywords are compared as a list so that typing "a, " is not rewritten to "a". */
  if (what & CAPTIONER_DRAFT_CHANGED_KEYWORDS)
    {
      g_auto(GStrv) typed = split_keywords (gtk_editable_get_text (GTK_EDITABLE (self->keywords_row)));
      const char * const empty[] = { NULL };
      const char * const *wanted = md ? (const char * const *) md->keywords : empty;

      if (!g_strv_equal ((const char * const *) typed, wanted))
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) wanted);
          gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), joined);
        }
    }
}

static void
captioner_fields_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CAPTIONER_TYPE_FIELDS_SECTION);
  G_OBJECT_CLASS (captioner_fields_section_parent_class)->dispose (object);
}

static void
captioner_fields_section_class_init (CaptionerFieldsSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_fields_section_dispose;
  CAPTIONER_CAPTION_SECTION_CLASS (klass)->update = captioner_fields_section_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-fields-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, credit_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, byline_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, headline_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, event_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, city_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, country_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, wire_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, title_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, sub_location_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, country_code_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, caption_writer_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, category_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, supplemental_categories_row);
}

static void
captioner_fields_section_init (CaptionerFieldsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The draft keeps one undo history for boxes, names and fields: Ctrl+Z goes there. */
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = ROW_AT (self, field_rows[i].offset);

      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field_rows[i].field));
      g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), self);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->wire_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->keywords_row), FALSE);
  g_signal_connect (self->keywords_row, "changed", G_CALLBACK (on_keywords_changed_cb), self);
}

GtkWidget *
captioner_fields_section_new (void)
{
  return g_object_new (CAPTIONER_TYPE_FIELDS_SECTION, NULL);
}

GtkEditable *
captioner_fields_section_get_editable (CaptionerFieldsSection *self,
                                       CaptionerField          field)
{
  g_return_val_if_fail (CAPTIONER_IS_FIELDS_SECTION (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if (field_rows[i].field == field)
      return GTK_EDITABLE (ROW_AT (self, field_rows[i].offset));
  return NULL;
}
