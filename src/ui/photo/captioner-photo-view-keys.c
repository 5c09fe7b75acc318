#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include "captioner-photo-view-private.h"

/* Everything the mouse does to a box, from the keyboard: Insert boxes a person in the middle
 * of the photo (then named as a drawn box is), [ and ] select the box before or after by
 * number, the arrows move the selected box and Shift with the arrows resizes it (Ctrl: in
 * larger steps), F2 renames and Delete removes it (captioner-photo-view.c). */

#define STEP 0.01       /* of the photo's width or height */
#define MIN_SIZE 0.02

static void
person_new_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);
  CaptionerRect rect = { 0.4, 0.3, 0.2, 0.3 };

  if (self->texture == NULL || self->naming != NAMING_NONE || self->drag_mode != DRAG_NONE)
    return;
  captioner_photo_view_open_naming (self, NAMING_NEW, 0, &rect, self->suggested_name);
}

static void
person_select_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);
  int step = g_variant_get_int32 (parameter);
  guint n = self->boxes->len;
  guint number;

  if (n == 0 || self->naming != NAMING_NONE)
    return;
  if (self->selected < 0)
    number = step > 0 ? 1 : n;
  else
    number = (captioner_photo_view_get_box (self, self->selected)->number + n + step - 1) % n + 1;
  for (guint i = 0; i < n; i++)
    if (captioner_photo_view_get_box (self, i)->number == number)
      captioner_photo_view_set_selected (self, (int) i);
}

static void
person_nudge_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);
  int dx, dy, dw, dh;
  CaptionerRect rect;
  Box *box;

  if (self->selected < 0 || self->naming != NAMING_NONE || self->drag_mode != DRAG_NONE)
    return;
  box = captioner_photo_view_get_box (self, self->selected);
  if (!box->has_region)
    return;
  g_variant_get (parameter, "(iiii)", &dx, &dy, &dw, &dh);
  rect = box->rect;
  rect.w = CLAMP (rect.w + dw * STEP, MIN_SIZE, 1.0);
  rect.h = CLAMP (rect.h + dh * STEP, MIN_SIZE, 1.0);
  rect.x = CLAMP (rect.x + dx * STEP, 0.0, 1.0 - rect.w);
  rect.y = CLAMP (rect.y + dy * STEP, 0.0, 1.0 - rect.h);
  box->rect = rect;
  gtk_widget_queue_draw (widget);
  captioner_photo_view_emit_person_changed (self, (guint) self->selected, &rect);
}

static void
bind_arrows (GtkWidgetClass  *widget_class,
             GdkModifierType  modifiers,
             int              step,
             gboolean         resize)
{
  const struct
  {
    guint keyval;
    int   x;
    int   y;
  } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding_action (widget_class, arrows[i].keyval, modifiers,
                                         "person.nudge", "(iiii)",
                                         resize ? 0 : arrows[i].x * step,
                                         resize ? 0 : arrows[i].y * step,
                                         resize ? arrows[i].x * step : 0,
                                         resize ? arrows[i].y * step : 0);
}

void
captioner_photo_view_class_init_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "person.new", NULL, person_new_action);
  gtk_widget_class_install_action (widget_class, "person.select", "i", person_select_action);
  gtk_widget_class_install_action (widget_class, "person.nudge", "(iiii)", person_nudge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "person.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "person.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, 0, "person.select",
                                       "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, 0, "person.select",
                                       "i", -1);
  bind_arrows (widget_class, 0, 1, FALSE);
  bind_arrows (widget_class, GDK_CONTROL_MASK, 5, FALSE);
  bind_arrows (widget_class, GDK_SHIFT_MASK, 1, TRUE);
  bind_arrows (widget_class, GDK_SHIFT_MASK | GDK_CONTROL_MASK, 5, TRUE);
}
