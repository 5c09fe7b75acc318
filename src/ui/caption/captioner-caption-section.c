#define G_LOG_DOMAIN "captioner-caption-section"

#include "config.h"

#include "captioner-caption-section.h"

typedef struct
{
  CaptionerDraft *draft;     /* owned */
  GSignalGroup   *signals;   /* the draft's "changed" */
  gboolean        updating;
} CaptionerCaptionSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CaptionerCaptionSection, captioner_caption_section,
                            ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CaptionerCaptionSection *self,
        CaptionerDraftChanged    what)
{
  CaptionerCaptionSectionPrivate *priv = captioner_caption_section_get_instance_private (self);
  CaptionerCaptionSectionClass *klass = CAPTIONER_CAPTION_SECTION_GET_CLASS (self);

  if (klass->update == NULL)
    return;
  priv->updating = TRUE;
  klass->update (self, priv->draft, what);
  priv->updating = FALSE;
}

static void
on_draft_changed_cb (CaptionerDraft          *draft,
                     guint                    what,
                     CaptionerCaptionSection *self)
{
  update (self, what);
}

static void
captioner_caption_section_dispose (GObject *object)
{
  CaptionerCaptionSection *self = CAPTIONER_CAPTION_SECTION (object);
  CaptionerCaptionSectionPrivate *priv = captioner_caption_section_get_instance_private (self);

  if (priv->signals != NULL)
    g_signal_group_set_target (priv->signals, NULL);
  g_clear_object (&priv->signals);
  g_clear_object (&priv->draft);
  G_OBJECT_CLASS (captioner_caption_section_parent_class)->dispose (object);
}

static void
captioner_caption_section_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CaptionerCaptionSection *self = CAPTIONER_CAPTION_SECTION (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, captioner_caption_section_get_draft (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_caption_section_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CaptionerCaptionSection *self = CAPTIONER_CAPTION_SECTION (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      captioner_caption_section_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_caption_section_class_init (CaptionerCaptionSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_caption_section_dispose;
  object_class->get_property = captioner_caption_section_get_property;
  object_class->set_property = captioner_caption_section_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CAPTIONER_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_caption_section_init (CaptionerCaptionSection *self)
{
  CaptionerCaptionSectionPrivate *priv = captioner_caption_section_get_instance_private (self);

  priv->signals = g_signal_group_new (CAPTIONER_TYPE_DRAFT);
  g_signal_group_connect_object (priv->signals, "changed", G_CALLBACK (on_draft_changed_cb),
                                 self, 0);
}

CaptionerDraft *
captioner_caption_section_get_draft (CaptionerCaptionSection *self)
{
  CaptionerCaptionSectionPrivate *priv;

  g_return_val_if_fail (CAPTIONER_IS_CAPTION_SECTION (self), NULL);
  priv = captioner_caption_section_get_instance_private (self);
  return priv->draft;
}

void
captioner_caption_section_set_draft (CaptionerCaptionSection *self,
                                     CaptionerDraft          *draft)
{
  CaptionerCaptionSectionPrivate *priv;

  g_return_if_fail (CAPTIONER_IS_CAPTION_SECTION (self));
  g_return_if_fail (draft == NULL || CAPTIONER_IS_DRAFT (draft));

  priv = captioner_caption_section_get_instance_private (self);
  if (priv->draft == draft)
    return;
  g_set_object (&priv->draft, draft);
  g_signal_group_set_target (priv->signals, draft);
  update (self, CAPTIONER_DRAFT_CHANGED_ALL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

gboolean
captioner_caption_section_is_updating (CaptionerCaptionSection *self)
{
  CaptionerCaptionSectionPrivate *priv;

  g_return_val_if_fail (CAPTIONER_IS_CAPTION_SECTION (self), FALSE);
  priv = captioner_caption_section_get_instance_private (self);
  return priv->updating;
}

/* Text that differs only in the spaces around it is left alone too: a name typed with a space
 * at its end, "Sergei ", is stored trimmed and must not lose the space while being typed. */
void
captioner_caption_section_show_text (GtkEditable *editable,
                                     const char  *text)
{
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autofree char *wanted = g_strstrip (g_strdup (text ? text : ""));

  if (g_strcmp0 (shown, wanted) != 0)
    gtk_editable_set_text (editable, text ? text : "");
}
