#define G_LOG_DOMAIN "captioner-field-completer"

#include "config.h"

#include <string.h>

#include "captioner-editable.h"
#include "captioner-field-completer.h"
#include "captioner-text-fold.h"

#define MAX_OFFERED 8
#define MAX_REMEMBERED 20

struct _CaptionerFieldCompleter
{
  GObject                   parent_instance;

  GtkEditable              *editable;   /* unowned: it owns the completer */
  GtkText                  *text;       /* the editable's GtkText, where the keys go */
  GtkPopover               *popover;    /* parented to the editable */
  GtkListBox               *list;
  CaptionerFieldValuesFunc  func;
  gpointer                  user_data;

  GPtrArray                *remembered; /* char*, the most recent first */
  GStrv                     values;     /* func's, asked at focus */
  GPtrArray                *offered;    /* char*, in the list now */
  gboolean                  accepting;
};

G_DEFINE_FINAL_TYPE (CaptionerFieldCompleter, captioner_field_completer, G_TYPE_OBJECT)

/* Whether a word of @folded_value starts with @folded_typed ("reu" matches "Thomson Reuters"). */
static gboolean
matches (const char *folded_value,
         const char *folded_typed)
{
  gsize length = strlen (folded_typed);

  for (const char *p = folded_value; p != NULL; p = strchr (p, ' '))
    {
      while (*p == ' ')
        p++;
      if (strncmp (p, folded_typed, length) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
offered_already (GPtrArray  *offered,
                 const char *value)
{
  for (guint i = 0; i < offered->len; i++)
    if (g_str_equal (g_ptr_array_index (offered, i), value))
      return TRUE;
  return FALSE;
}

static void
offer_from (CaptionerFieldCompleter *self,
            const char * const      *values,
            guint                    n_values,
            const char              *typed,
            const char              *folded_typed)
{
  for (guint i = 0; i < n_values && self->offered->len < MAX_OFFERED; i++)
    {
      g_autofree char *folded = captioner_text_fold (values[i]);

      if (g_str_equal (values[i], typed) || offered_already (self->offered, values[i]) ||
          !matches (folded, folded_typed))
        continue;
      g_ptr_array_add (self->offered, g_strdup (values[i]));
    }
}

static void
close_list (CaptionerFieldCompleter *self)
{
  g_ptr_array_set_size (self->offered, 0);
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
}

static void
refill (CaptionerFieldCompleter *self)
{
  const char *typed = gtk_editable_get_text (self->editable);
  g_autofree char *folded_typed = captioner_text_fold (typed);
  GtkWidget *child;

  g_ptr_array_set_size (self->offered, 0);
  if (*folded_typed != '\0')
    {
      offer_from (self, (const char * const *) self->remembered->pdata, self->remembered->len,
                  typed, folded_typed);
      if (self->values != NULL)
        offer_from (self, (const char * const *) self->values, g_strv_length (self->values),
                    typed, folded_typed);
    }
  if (self->offered->len == 0)
    {
      close_list (self);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->offered->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (self->offered, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_list_box_append (self->list, label);
    }
  /* Nothing picked until Down: Enter and Tab keep what was typed. */
  gtk_list_box_unselect_all (self->list);
  gtk_popover_popup (self->popover);
}

static void
accept (CaptionerFieldCompleter *self,
        GtkListBoxRow           *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  g_autofree char *value = NULL;

  if (index < 0 || (guint) index >= self->offered->len)
    return;
  value = g_strdup (g_ptr_array_index (self->offered, index));
  close_list (self);
  self->accepting = TRUE;
  gtk_editable_set_text (self->editable, value);
  gtk_editable_set_position (self->editable, -1);
  self->accepting = FALSE;
}

static void
on_changed_cb (GtkEditable             *editable,
               CaptionerFieldCompleter *self)
{
  /* Only what the editor types, not a photo's value shown. */
  if (self->accepting || !gtk_widget_has_focus (GTK_WIDGET (self->text)))
    return;
  refill (self);
}

static void
move (CaptionerFieldCompleter *self,
      int                      step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) + step : (step > 0 ? 0 : -1);

  index = CLAMP (index, 0, (int) self->offered->len - 1);
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey   *controller,
                   guint                    keyval,
                   guint                    keycode,
                   GdkModifierType          state,
                   CaptionerFieldCompleter *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)) || self->offered->len == 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (gtk_list_box_get_selected_row (self->list) == NULL)
        {
          close_list (self);
          return GDK_EVENT_PROPAGATE;
        }
      accept (self, gtk_list_box_get_selected_row (self->list));
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
      /* Takes the value picked, if any, and goes on to the next field. */
      accept (self, gtk_list_box_get_selected_row (self->list));
      close_list (self);
      return GDK_EVENT_PROPAGATE;
    case GDK_KEY_Escape:
      close_list (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   CaptionerFieldCompleter *self)
{
  g_strfreev (self->values);
  self->values = self->func != NULL ? self->func (self, self->user_data) : NULL;
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   CaptionerFieldCompleter *self)
{
  close_list (self);
}

static void
on_row_activated_cb (GtkListBox              *list,
                     GtkListBoxRow           *row,
                     CaptionerFieldCompleter *self)
{
  accept (self, row);
  gtk_widget_grab_focus (GTK_WIDGET (self->text));
}

/* The popover is a child of the editable: it goes before the editable does. */
static void
on_destroy_cb (GtkWidget               *editable,
               CaptionerFieldCompleter *self)
{
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
}

static void
captioner_field_completer_finalize (GObject *object)
{
  CaptionerFieldCompleter *self = CAPTIONER_FIELD_COMPLETER (object);

  g_ptr_array_unref (self->remembered);
  g_ptr_array_unref (self->offered);
  g_strfreev (self->values);
  G_OBJECT_CLASS (captioner_field_completer_parent_class)->finalize (object);
}

static void
captioner_field_completer_class_init (CaptionerFieldCompleterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = captioner_field_completer_finalize;
}

static void
captioner_field_completer_init (CaptionerFieldCompleter *self)
{
  self->remembered = g_ptr_array_new_with_free_func (g_free);
  self->offered = g_ptr_array_new_with_free_func (g_free);
}

CaptionerFieldCompleter *
captioner_field_completer_attach (GtkEditable             *editable,
                                  CaptionerFieldValuesFunc func,
                                  gpointer                 user_data)
{
  CaptionerFieldCompleter *self;
  GtkText *text;
  GtkEventController *keys;
  GtkEventController *focus;
  GtkWidget *scrolled;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = captioner_editable_get_text (editable);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (CAPTIONER_TYPE_FIELD_COMPLETER, NULL);
  self->editable = editable;
  self->text = text;
  self->func = func;
  self->user_data = user_data;
  g_object_set_data_full (G_OBJECT (editable), "captioner-field-completer", self,
                          g_object_unref);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  self->popover = GTK_POPOVER (gtk_popover_new ());
  /* The editor keeps typing in the field while the list is open. */
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_has_arrow (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_popover_set_child (self->popover, scrolled);
  gtk_widget_set_size_request (GTK_WIDGET (self->popover), 280, -1);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (editable));
  g_signal_connect_object (editable, "destroy", G_CALLBACK (on_destroy_cb), self, 0);

  g_signal_connect_object (editable, "changed", G_CALLBACK (on_changed_cb), self, 0);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text), keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text), focus);
  return self;
}

CaptionerFieldCompleter *
captioner_field_completer_get (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);
  return g_object_get_data (G_OBJECT (editable), "captioner-field-completer");
}

void
captioner_field_completer_remember (CaptionerFieldCompleter *self,
                                    const char              *value)
{
  g_return_if_fail (CAPTIONER_IS_FIELD_COMPLETER (self));

  if (value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < self->remembered->len; i++)
    if (g_str_equal (g_ptr_array_index (self->remembered, i), value))
      {
        g_ptr_array_remove_index (self->remembered, i);
        break;
      }
  g_ptr_array_insert (self->remembered, 0, g_strdup (value));
  if (self->remembered->len > MAX_REMEMBERED)
    g_ptr_array_set_size (self->remembered, MAX_REMEMBERED);
}

char **
captioner_field_completer_dup_offered (CaptionerFieldCompleter *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CAPTIONER_IS_FIELD_COMPLETER (self), NULL);
  for (guint i = 0; i < self->offered->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->offered, i));
  return g_strv_builder_end (builder);
}
