#define G_LOG_DOMAIN "captioner-checks-section"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-caption-check.h"
#include "captioner-checks-section.h"

struct _CaptionerChecksSection
{
  CaptionerCaptionSection  parent_instance;

  /* Template widgets */
  GtkWidget               *findings_box;

  /* Owned references */
  char                    *text;   /* the messages shown, one a line */
  GStrv                    disabled_checks;   /* check ids (captioner_check_kind_to_id) */
};

G_DEFINE_FINAL_TYPE (CaptionerChecksSection, captioner_checks_section,
                     CAPTIONER_TYPE_CAPTION_SECTION)

enum {
  PROP_0,
  PROP_DISABLED_CHECKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
finding_row (const CaptionerFinding *finding)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (finding->message);

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
captioner_checks_section_update (CaptionerCaptionSection *section,
                                 CaptionerDraft          *draft,
                                 CaptionerDraftChanged    what)
{
  CaptionerChecksSection *self = CAPTIONER_CHECKS_SECTION (section);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CaptionerMetadata) metadata = NULL;
  g_autofree char *caption = NULL;
  GString *text = g_string_new (NULL);
  GtkWidget *child;

  if (draft != NULL)
    {
      /* The caption the preview shows: what is stored, or what a first edit would store. */
      metadata = captioner_metadata_copy (captioner_draft_get_metadata (draft));
      caption = *captioner_draft_get_caption (draft) != '\0'
                ? g_strdup (captioner_draft_get_caption (draft))
                : captioner_draft_compose (draft);
      captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION, caption);
      CaptionerCheckOptions options = { 0 };

      options.skip = captioner_check_mask_from_ids ((const char * const *) self->disabled_checks);
      findings = captioner_caption_check_full (metadata, captioner_draft_get_orientation (draft),
                                               &options);
      for (guint i = 0; i < findings->len; i++)
        g_string_append_printf (text, "%s\n",
                                ((CaptionerFinding *) g_ptr_array_index (findings, i))->message);
    }
  if (g_strcmp0 (text->str, self->text) == 0)
    {
      g_string_free (text, TRUE);
      return;
    }
  g_free (self->text);
  self->text = g_string_free (text, FALSE);

  while ((child = gtk_widget_get_first_child (self->findings_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->findings_box), child);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    gtk_box_append (GTK_BOX (self->findings_box), finding_row (g_ptr_array_index (findings, i)));
  gtk_widget_set_visible (GTK_WIDGET (self), *self->text != '\0');
}

static void
captioner_checks_section_dispose (GObject *object)
{
  CaptionerChecksSection *self = CAPTIONER_CHECKS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_CHECKS_SECTION);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->disabled_checks, g_strfreev);
  G_OBJECT_CLASS (captioner_checks_section_parent_class)->dispose (object);
}

static void
captioner_checks_section_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CaptionerChecksSection *self = CAPTIONER_CHECKS_SECTION (object);

  switch (prop_id)
    {
    case PROP_DISABLED_CHECKS:
      g_value_set_boxed (value, self->disabled_checks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_checks_section_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CaptionerChecksSection *self = CAPTIONER_CHECKS_SECTION (object);

  switch (prop_id)
    {
    case PROP_DISABLED_CHECKS:
      captioner_checks_section_set_disabled_checks (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_checks_section_class_init (CaptionerChecksSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_checks_section_dispose;
  object_class->get_property = captioner_checks_section_get_property;
  object_class->set_property = captioner_checks_section_set_property;
  /* The checks not shown (GSettings disabled-checks, bound by the window). */
  properties[PROP_DISABLED_CHECKS] =
    g_param_spec_boxed ("disabled-checks", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  CAPTIONER_CAPTION_SECTION_CLASS (klass)->update = captioner_checks_section_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-checks-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerChecksSection, findings_box);
}

static void
captioner_checks_section_init (CaptionerChecksSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->text = g_strdup ("");
}

GtkWidget *
captioner_checks_section_new (void)
{
  return g_object_new (CAPTIONER_TYPE_CHECKS_SECTION, NULL);
}

const char *
captioner_checks_section_get_text (CaptionerChecksSection *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CHECKS_SECTION (self), "");
  return self->text;
}

void
captioner_checks_section_set_disabled_checks (CaptionerChecksSection *self,
                                              const char * const     *ids)
{
  CaptionerCaptionSection *section;

  g_return_if_fail (CAPTIONER_IS_CHECKS_SECTION (self));

  if ((self->disabled_checks == NULL && (ids == NULL || ids[0] == NULL)) ||
      (self->disabled_checks != NULL && ids != NULL &&
       g_strv_equal ((const char * const *) self->disabled_checks, ids)))
    return;
  g_strfreev (self->disabled_checks);
  self->disabled_checks = g_strdupv ((char **) ids);
  section = CAPTIONER_CAPTION_SECTION (self);
  captioner_checks_section_update (section, captioner_caption_section_get_draft (section),
                                   CAPTIONER_DRAFT_CHANGED_ALL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISABLED_CHECKS]);
}
