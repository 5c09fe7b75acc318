#define G_LOG_DOMAIN "captioner-caption-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "captioner-body-section.h"
#include "captioner-checks-section.h"
#include "captioner-caption-panel.h"
#include "captioner-fields-section.h"
#include "captioner-language-section.h"
#include "captioner-people-section.h"
#include "captioner-preview-section.h"

struct _CaptionerCaptionPanel
{
  GtkWidget                parent_instance;

  /* Template widgets */
  GtkWidget               *scroller;
  GtkWidget               *sections_box;
  CaptionerPeopleSection  *people_section;
  CaptionerBodySection    *body_section;
  CaptionerPreviewSection *preview_section;
  CaptionerLanguageSection *language_section;
  CaptionerChecksSection  *checks_section;
  CaptionerFieldsSection  *fields_section;
  GtkLabel                *exif_label;
  GtkWidget               *selection_group;  /* "3 photos selected", made in init */

  /* Owned references */
  CaptionerDraft          *draft;
};

G_DEFINE_FINAL_TYPE (CaptionerCaptionPanel, captioner_caption_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_exif (const CaptionerExif *exif)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) exposure = g_ptr_array_new_with_free_func (g_free);

  if (exif->make != NULL || exif->model != NULL)
    g_string_append_printf (text, _("Camera: %s %s\n"), exif->make ? exif->make : "",
                            exif->model ? exif->model : "");
  if (exif->lens != NULL)
    g_string_append_printf (text, _("Lens: %s\n"), exif->lens);
  if (exif->exposure_time != NULL)
    g_ptr_array_add (exposure, g_strdup_printf (_("%s s"), exif->exposure_time));
  if (exif->f_number > 0)
    g_ptr_array_add (exposure, g_strdup_printf ("f/%.1f", exif->f_number));
  if (exif->iso > 0)
    g_ptr_array_add (exposure, g_strdup_printf ("ISO %d", exif->iso));
  if (exif->focal_length > 0)
    g_ptr_array_add (exposure, g_strdup_printf (_("%.0f mm"), exif->focal_length));
  if (exposure->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (exposure, NULL);
      joined = g_strjoinv (", ", (char **) exposure->pdata);
      g_string_append_printf (text, _("Exposure: %s\n"), joined);
    }
  if (exif->datetime_original != NULL)
    g_string_append_printf (text, _("Taken: %s\n"), exif->datetime_original);
  if (exif->has_gps)
    g_string_append_printf (text, _("Location: %.5f, %.5f\n"), exif->gps_latitude,
                            exif->gps_longitude);
  if (exif->artist != NULL)
    g_string_append_printf (text, _("Artist: %s\n"), exif->artist);
  if (exif->copyright != NULL)
    g_string_append_printf (text, _("Copyright: %s\n"), exif->copyright);
  if (text->len == 0)
    g_string_append (text, _("No camera details in this photo"));
  else
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

static void
captioner_caption_panel_dispose (GObject *object)
{
  CaptionerCaptionPanel *self = CAPTIONER_CAPTION_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_CAPTION_PANEL);
  g_clear_object (&self->draft);
  G_OBJECT_CLASS (captioner_caption_panel_parent_class)->dispose (object);
}

static void
captioner_caption_panel_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CaptionerCaptionPanel *self = CAPTIONER_CAPTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_caption_panel_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CaptionerCaptionPanel *self = CAPTIONER_CAPTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      captioner_caption_panel_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_caption_panel_class_init (CaptionerCaptionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = captioner_caption_panel_dispose;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  object_class->get_property = captioner_caption_panel_get_property;
  object_class->set_property = captioner_caption_panel_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CAPTIONER_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CAPTIONER_TYPE_PEOPLE_SECTION);
  g_type_ensure (CAPTIONER_TYPE_BODY_SECTION);
  g_type_ensure (CAPTIONER_TYPE_PREVIEW_SECTION);
  g_type_ensure (CAPTIONER_TYPE_CHECKS_SECTION);
  g_type_ensure (CAPTIONER_TYPE_LANGUAGE_SECTION);
  g_type_ensure (CAPTIONER_TYPE_FIELDS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-caption-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, sections_box);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, people_section);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, body_section);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, preview_section);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, language_section);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, checks_section);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, fields_section);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, exif_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "captioner-caption-panel");
}

static void
captioner_caption_panel_init (CaptionerCaptionPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Caption and Fields"), -1);
  self->selection_group = adw_preferences_group_new ();
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self->selection_group),
    _("The fields below are set on every selected photo. People, boxes and the caption’s words "
      "are the shown photo’s alone."));
  gtk_widget_set_visible (self->selection_group, FALSE);
  gtk_box_prepend (GTK_BOX (self->sections_box), self->selection_group);
  captioner_caption_panel_set_exif (self, NULL);
  gtk_widget_set_sensitive (self->scroller, FALSE);
}

GtkWidget *
captioner_caption_panel_new (void)
{
  return g_object_new (CAPTIONER_TYPE_CAPTION_PANEL, NULL);
}

CaptionerDraft *
captioner_caption_panel_get_draft (CaptionerCaptionPanel *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return self->draft;
}

/* Every section shows and edits draft from now on. */
void
captioner_caption_panel_set_draft (CaptionerCaptionPanel *self,
                                   CaptionerDraft        *draft)
{
  g_return_if_fail (CAPTIONER_IS_CAPTION_PANEL (self));
  g_return_if_fail (draft == NULL || CAPTIONER_IS_DRAFT (draft));

  if (!g_set_object (&self->draft, draft))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (self->sections_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CAPTIONER_IS_CAPTION_SECTION (child))
      captioner_caption_section_set_draft (CAPTIONER_CAPTION_SECTION (child), draft);
  gtk_widget_set_sensitive (self->scroller, draft != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

void
captioner_caption_panel_set_exif (CaptionerCaptionPanel *self,
                                  const CaptionerExif   *exif)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CAPTIONER_IS_CAPTION_PANEL (self));

  text = exif ? format_exif (exif) : g_strdup (_("No photo"));
  gtk_label_set_text (self->exif_label, text);
}

GtkEditable *
captioner_caption_panel_get_field_editable (CaptionerCaptionPanel *self,
                                            CaptionerField         field)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return captioner_fields_section_get_editable (self->fields_section, field);
}

CaptionerChecksSection *
captioner_caption_panel_get_checks_section (CaptionerCaptionPanel *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return self->checks_section;
}

GtkTextView *
captioner_caption_panel_get_body_view (CaptionerCaptionPanel *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return captioner_body_section_get_view (self->body_section);
}

GtkEditable *
captioner_caption_panel_get_language_body (CaptionerCaptionPanel *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return captioner_language_section_get_body (self->language_section);
}

GtkEditable *
captioner_caption_panel_get_person_editable (CaptionerCaptionPanel *self,
                                             guint                  position)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return captioner_people_section_get_editable (self->people_section, position);
}

const char *
captioner_caption_panel_get_composed (CaptionerCaptionPanel *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return captioner_preview_section_get_composed (self->preview_section);
}

void
captioner_caption_panel_focus_person (CaptionerCaptionPanel *self,
                                      guint                  id)
{
  g_return_if_fail (CAPTIONER_IS_CAPTION_PANEL (self));
  captioner_people_section_focus_person (self->people_section, id);
}

void
captioner_caption_panel_set_selection (CaptionerCaptionPanel *self,
                                       CaptionerDesk         *desk,
                                       CaptionerBatchHistory *history,
                                       GPtrArray             *items)
{
  guint n = items != NULL ? items->len : 0;

  g_return_if_fail (CAPTIONER_IS_CAPTION_PANEL (self));

  if (n > 1)
    {
      /* TRANSLATORS: how many photos of the grid are selected */
      g_autofree char *title = g_strdup_printf (ngettext ("%u photo selected",
                                                          "%u photos selected", n), n);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->selection_group), title);
    }
  gtk_widget_set_visible (self->selection_group, n > 1);
  captioner_fields_section_set_selection (self->fields_section, desk, history,
                                          n > 1 ? items : NULL);
}
