#define G_LOG_DOMAIN "captioner-code-expander"

#include "config.h"

#include "captioner-code-expander.h"

struct _CaptionerCodeExpander
{
  GObject                parent_instance;

  /* Owned references */
  CaptionerReplacements *codes;
  GPtrArray             *pending;   /* GtkEditable or GtkTextBuffer changed since the idle */

  guint                  idle;
};

G_DEFINE_FINAL_TYPE (CaptionerCodeExpander, captioner_code_expander, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_REPLACEMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
expand_editable (CaptionerCodeExpander *self,
                 GtkEditable           *editable)
{
  g_auto(CaptionerExpansion) expansion = { 0 };
  CaptionerExpansionKind kind;
  int position;

  if (!gtk_widget_get_mapped (GTK_WIDGET (editable)))
    return;
  kind = captioner_replacements_expand_at (self->codes, gtk_editable_get_text (editable),
                                           gtk_editable_get_position (editable), &expansion);
  if (kind == CAPTIONER_EXPANSION_UNKNOWN)
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "warning");
      return;
    }
  if (kind != CAPTIONER_EXPANSION_EXPANDED)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "warning");
  gtk_editable_delete_text (editable, expansion.span.start, expansion.span.end);
  position = expansion.span.start;
  gtk_editable_insert_text (editable, expansion.replacement, -1, &position);
  gtk_editable_set_position (editable, expansion.cursor);
}

static void
expand_buffer (CaptionerCodeExpander *self,
               GtkTextBuffer         *buffer)
{
  g_auto(CaptionerExpansion) expansion = { 0 };
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, gtk_text_buffer_get_insert (buffer));
  if (captioner_replacements_expand_at (self->codes, text, gtk_text_iter_get_offset (&end),
                                        &expansion) != CAPTIONER_EXPANSION_EXPANDED)
    return;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, expansion.span.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, expansion.span.end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, expansion.replacement, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, expansion.cursor);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_end_user_action (buffer);
}

void
captioner_code_expander_flush (CaptionerCodeExpander *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (CAPTIONER_IS_CODE_EXPANDER (self));

  g_clear_handle_id (&self->idle, g_source_remove);
  pending = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->codes == NULL)
    return;
  for (guint i = 0; i < pending->len; i++)
    {
      gpointer object = g_ptr_array_index (pending, i);

      if (GTK_IS_EDITABLE (object))
        expand_editable (self, object);
      else
        expand_buffer (self, object);
    }
}

static gboolean
expand_cb (gpointer user_data)
{
  CaptionerCodeExpander *self = user_data;

  self->idle = 0;
  captioner_code_expander_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (GObject               *object,
               CaptionerCodeExpander *self)
{
  if (self->codes == NULL || g_ptr_array_find (self->pending, object, NULL))
    return;
  g_ptr_array_add (self->pending, g_object_ref (object));
  if (self->idle == 0)
    self->idle = g_idle_add (expand_cb, self);
}

void
captioner_code_expander_attach_editable (CaptionerCodeExpander *self,
                                         GtkEditable           *editable)
{
  g_return_if_fail (CAPTIONER_IS_CODE_EXPANDER (self));
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  g_signal_connect_object (editable, "changed", G_CALLBACK (on_changed_cb), self, 0);
}

void
captioner_code_expander_attach_buffer (CaptionerCodeExpander *self,
                                       GtkTextBuffer         *buffer)
{
  g_return_if_fail (CAPTIONER_IS_CODE_EXPANDER (self));
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_changed_cb), self, 0);
}

CaptionerReplacements *
captioner_code_expander_get_replacements (CaptionerCodeExpander *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CODE_EXPANDER (self), NULL);

  return self->codes;
}

void
captioner_code_expander_set_replacements (CaptionerCodeExpander *self,
                                          CaptionerReplacements *codes)
{
  g_return_if_fail (CAPTIONER_IS_CODE_EXPANDER (self));

  if (g_set_object (&self->codes, codes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLACEMENTS]);
}

static void
captioner_code_expander_dispose (GObject *object)
{
  CaptionerCodeExpander *self = CAPTIONER_CODE_EXPANDER (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->codes);

  G_OBJECT_CLASS (captioner_code_expander_parent_class)->dispose (object);
}

static void
captioner_code_expander_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CaptionerCodeExpander *self = CAPTIONER_CODE_EXPANDER (object);

  switch (prop_id)
    {
    case PROP_REPLACEMENTS:
      g_value_set_object (value, self->codes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_code_expander_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CaptionerCodeExpander *self = CAPTIONER_CODE_EXPANDER (object);

  switch (prop_id)
    {
    case PROP_REPLACEMENTS:
      captioner_code_expander_set_replacements (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_code_expander_class_init (CaptionerCodeExpanderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_code_expander_dispose;
  object_class->get_property = captioner_code_expander_get_property;
  object_class->set_property = captioner_code_expander_set_property;

  properties[PROP_REPLACEMENTS] =
    g_param_spec_object ("replacements", NULL, NULL, CAPTIONER_TYPE_REPLACEMENTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_code_expander_init (CaptionerCodeExpander *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

CaptionerCodeExpander *
captioner_code_expander_new (void)
{
  return g_object_new (CAPTIONER_TYPE_CODE_EXPANDER, NULL);
}
