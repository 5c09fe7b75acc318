#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-photo-view-private.h"

G_DEFINE_FINAL_TYPE (CaptionerPhotoView, captioner_photo_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXTURE,
  PROP_ZOOM_FIT,
  PROP_SELECTED,
  N_PROPS
};

enum {
  PERSON_ADDED,
  PERSON_CHANGED,
  PERSON_REMOVED,
  PERSON_RENAMED,
  RESIZED,
  SUGGESTIONS_SHOWN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_box (Box *box)
{
  g_clear_pointer (&box->name, g_free);
  g_clear_pointer (&box->points, g_array_unref);
}

/* What a screen reader says of the photo: its boxes, by number and name as labelled. */
static void
update_accessible (CaptionerPhotoView *self)
{
  GString *people = g_string_new (NULL);

  for (guint number = 1; number <= self->boxes->len; number++)
    for (guint i = 0; i < self->boxes->len; i++)
      {
        Box *box = captioner_photo_view_get_box (self, i);

        if (box->number != number)
          continue;
        if (people->len > 0)
          g_string_append (people, "; ");
        /* TRANSLATORS: a person's box on the photo, for screen readers: "Box 2: Hakan Fidan" */
        g_string_append_printf (people, _("Box %u: %s"), number,
                                box->name != NULL && *box->name != '\0' ? box->name
                                                                          : _("no name"));
      }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Photo"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  people->len > 0 ? people->str
                                                  : _("No people boxed: drag on the photo, or "
                                                      "press Insert, to box a person"),
                                  -1);
  g_string_free (people, TRUE);
}

static void
update_actions (CaptionerPhotoView *self)
{
  gboolean has_selection = self->selected >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.rename", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.remove", has_selection);
}

void
captioner_photo_view_emit_person_changed (CaptionerPhotoView  *self,
                                          guint                index,
                                          const CaptionerRect *rect)
{
  g_signal_emit (self, signals[PERSON_CHANGED], 0, index, rect->x, rect->y, rect->w, rect->h);
}

static void
captioner_photo_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);
  int texture_width;
  int texture_height;
  int size;
  double scale;

  *minimum = *natural = 0;
  if (self->texture == NULL)
    return;

  texture_width = gdk_texture_get_width (self->texture);
  texture_height = gdk_texture_get_height (self->texture);
  size = orientation == GTK_ORIENTATION_HORIZONTAL ? texture_width : texture_height;
  if (!self->zoom_fit)
    {
      /* At 100% the picture needs all its pixels: a scrolled window scrolls them. */
      *minimum = *natural = size;
      return;
    }

  scale = MIN (1.0, MIN ((double) NATURAL_WIDTH / texture_width,
                         (double) NATURAL_HEIGHT / texture_height));
  *natural = (int) (size * scale);
}

static void
captioner_photo_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);

  gtk_popover_present (self->name_popover);
  if (width != self->allocated_width || height != self->allocated_height)
    {
      self->allocated_width = width;
      self->allocated_height = height;
      g_signal_emit (self, signals[RESIZED], 0);
    }
}

static void
on_drag_gesture_drag_begin_cb (GtkGestureDrag     *gesture,
                               double              x,
                               double              y,
                               CaptionerPhotoView *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));

  /* Presses in the name popover reach the view too, being its child: they are not drags. */
  if (event != NULL &&
      gdk_event_get_surface (event) == gtk_native_get_surface (GTK_NATIVE (self->name_popover)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  captioner_photo_view_drag_begin (self, x, y);
}

static void
on_drag_gesture_drag_update_cb (GtkGestureDrag     *gesture,
                                double              dx,
                                double              dy,
                                CaptionerPhotoView *self)
{
  captioner_photo_view_drag_update (self, dx, dy);
}

static void
on_drag_gesture_drag_end_cb (GtkGestureDrag     *gesture,
                             double              dx,
                             double              dy,
                             CaptionerPhotoView *self)
{
  captioner_photo_view_drag_end (self, dx, dy);
}

static void
on_motion_controller_motion_cb (GtkEventControllerMotion *controller,
                                double                    x,
                                double                    y,
                                CaptionerPhotoView       *self)
{
  const char *cursor = "crosshair";
  Corner corner;

  if (self->drag_mode != DRAG_NONE)
    return;
  if (captioner_photo_view_hit_handle (self, x, y, &corner))
    cursor = (corner == CORNER_TOP_LEFT || corner == CORNER_BOTTOM_RIGHT)
             ? "nwse-resize" : "nesw-resize";
  else if (captioner_photo_view_hit_box (self, x, y) >= 0)
    cursor = "move";
  if (g_strcmp0 (cursor, self->cursor_name) != 0)
    {
      self->cursor_name = cursor;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
    }
}

static void
on_name_entry_activate_cb (GtkEntry           *entry,
                           CaptionerPhotoView *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  NamingMode mode = self->naming;
  guint index = self->naming_index;
  CaptionerRect rect = self->naming_rect;

  if (mode == NAMING_NONE)
    return;
  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  captioner_photo_view_close_naming (self);
  captioner_photo_view_mark_named (self, name);
  if (mode == NAMING_NEW)
    g_signal_emit (self, signals[PERSON_ADDED], 0, name, rect.x, rect.y, rect.w, rect.h);
  else if (index < self->boxes->len)
    g_signal_emit (self, signals[PERSON_RENAMED], 0, index, name);
}

static void
on_name_popover_closed_cb (GtkPopover         *popover,
                           CaptionerPhotoView *self)
{
  /* Escape, or a click elsewhere: the new box or the new name is dropped. */
  if (self->naming != NAMING_NONE)
    captioner_photo_view_close_naming (self);
}

static void
person_rename_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  captioner_photo_view_rename_selected (CAPTIONER_PHOTO_VIEW (widget));
}

static void
person_remove_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);

  if (self->selected < 0 || self->naming != NAMING_NONE || self->drag_mode != DRAG_NONE)
    return;
  g_signal_emit (self, signals[PERSON_REMOVED], 0, (guint) self->selected);
}

static void
captioner_photo_view_dispose (GObject *object)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_PHOTO_VIEW);
  captioner_photo_view_draft_dispose (self);
  captioner_photo_view_suggest_dispose (self);
  captioner_photo_view_naming_dispose (self);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (captioner_photo_view_parent_class)->dispose (object);
}

static void
captioner_photo_view_finalize (GObject *object)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (object);

  g_clear_pointer (&self->boxes, g_array_unref);

  G_OBJECT_CLASS (captioner_photo_view_parent_class)->finalize (object);
}

static void
captioner_photo_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;
    case PROP_ZOOM_FIT:
      g_value_set_boolean (value, self->zoom_fit);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_photo_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      captioner_photo_view_set_texture (self, g_value_get_object (value));
      break;
    case PROP_ZOOM_FIT:
      captioner_photo_view_set_zoom_fit (self, g_value_get_boolean (value));
      break;
    case PROP_SELECTED:
      captioner_photo_view_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_photo_view_class_init (CaptionerPhotoViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = captioner_photo_view_dispose;
  object_class->finalize = captioner_photo_view_finalize;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  object_class->get_property = captioner_photo_view_get_property;
  object_class->set_property = captioner_photo_view_set_property;

  widget_class->snapshot = captioner_photo_view_snapshot;
  widget_class->measure = captioner_photo_view_measure;
  widget_class->size_allocate = captioner_photo_view_size_allocate;

  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_FIT] =
    g_param_spec_boolean ("zoom-fit", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PERSON_ADDED] =
    g_signal_new ("person-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 5,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[PERSON_CHANGED] =
    g_signal_new ("person-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 5,
                  G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[PERSON_REMOVED] =
    g_signal_new ("person-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[PERSON_RENAMED] =
    g_signal_new ("person-renamed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_UINT, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[RESIZED] =
    g_signal_new ("resized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The shown photo's face suggestions arrived (found now or known already): how many. */
  signals[SUGGESTIONS_SHOWN] =
    g_signal_new ("suggestions-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-photo-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoView, drag_gesture);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoView, name_popover);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoView, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoView, previous_list);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_gesture_drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_gesture_drag_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_gesture_drag_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_motion_controller_motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_popover_closed_cb);

  gtk_widget_class_install_action (widget_class, "person.rename", NULL, person_rename_action);
  gtk_widget_class_install_action (widget_class, "person.remove", NULL, person_remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "person.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "person.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "person.remove", NULL);
  captioner_photo_view_class_init_keys (widget_class);
  captioner_photo_view_suggest_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "photoview");
}

static void
captioner_photo_view_init (CaptionerPhotoView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  g_array_set_clear_func (self->boxes, (GDestroyNotify) clear_box);
  self->orientation = 1;
  self->selected = -1;
  self->zoom_fit = TRUE;
  self->cursor_name = "crosshair";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->cursor_name);

  captioner_photo_view_naming_init (self);

  captioner_photo_view_draft_init (self);
  captioner_photo_view_suggest_init (self);
  update_actions (self);
  update_accessible (self);
}

GtkWidget *
captioner_photo_view_new (void)
{
  return g_object_new (CAPTIONER_TYPE_PHOTO_VIEW, NULL);
}

GdkTexture *
captioner_photo_view_get_texture (CaptionerPhotoView *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), NULL);

  return self->texture;
}

void
captioner_photo_view_set_texture (CaptionerPhotoView *self,
                                  GdkTexture         *texture)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;
  /* Another photo: a box being drawn or named belonged to the previous one. */
  self->drag_mode = DRAG_NONE;
  if (self->naming != NAMING_NONE)
    captioner_photo_view_close_naming (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

void
captioner_photo_view_set_sharper_texture (CaptionerPhotoView *self,
                                          GdkTexture         *texture)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

gboolean
captioner_photo_view_get_zoom_fit (CaptionerPhotoView *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), FALSE);

  return self->zoom_fit;
}

void
captioner_photo_view_set_zoom_fit (CaptionerPhotoView *self,
                                   gboolean            zoom_fit)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  zoom_fit = !!zoom_fit;
  if (self->zoom_fit == zoom_fit)
    return;
  self->zoom_fit = zoom_fit;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_FIT]);
}

void
captioner_photo_view_set_people (CaptionerPhotoView *self,
                                 GPtrArray          *people,
                                 int                 orientation)
{
  g_autoptr(GArray) order = NULL;
  guint n = people != NULL ? people->len : 0;

  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  self->orientation = orientation;
  g_array_set_size (self->boxes, 0);
  g_array_set_size (self->boxes, n);
  for (guint i = 0; i < n; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);
      Box *box = captioner_photo_view_get_box (self, i);

      box->name = g_strdup (person->name);
      box->has_region = captioner_person_get_displayed_region (person, orientation, &box->rect);
      box->shape = person->shape;
      if (box->has_region && person->shape == CAPTIONER_SHAPE_POLYGON)
        {
          /* Relative to the box, so that the shape follows a drag of the box. */
          box->points = captioner_person_dup_displayed_points (person, orientation);
          for (guint k = 0; box->points != NULL && k < box->points->len; k++)
            {
              CaptionerPoint *point = &g_array_index (box->points, CaptionerPoint, k);

              point->x = box->rect.w > 0 ? (point->x - box->rect.x) / box->rect.w : 0;
              point->y = box->rect.h > 0 ? (point->y - box->rect.y) / box->rect.h : 0;
            }
        }
    }

  order = captioner_people_order_displayed (people, orientation);
  for (guint k = 0; k < order->len; k++)
    captioner_photo_view_get_box (self, g_array_index (order, guint, k))->number = k + 1;

  /* A drag or a rename of a person who is no longer there is dropped. */
  if ((self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_RESIZE) && self->drag_index >= n)
    self->drag_mode = DRAG_NONE;
  if (self->naming == NAMING_RENAME && self->naming_index >= n)
    captioner_photo_view_close_naming (self);
  if (self->selected >= (int) n)
    captioner_photo_view_set_selected (self, -1);

  update_actions (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
captioner_photo_view_get_selected (CaptionerPhotoView *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), -1);

  return self->selected;
}

void
captioner_photo_view_set_selected (CaptionerPhotoView *self,
                                   int                 selected)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  if (selected < 0 || selected >= (int) self->boxes->len)
    selected = -1;
  if (self->selected == selected)
    return;
  self->selected = selected;
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

guint
captioner_photo_view_get_person_number (CaptionerPhotoView *self,
                                        guint               index)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), 0);

  if (index >= self->boxes->len)
    return 0;
  return captioner_photo_view_get_box (self, index)->number;
}

gboolean
captioner_photo_view_get_person_bounds (CaptionerPhotoView *self,
                                        guint               index,
                                        graphene_rect_t    *bounds)
{
  graphene_rect_t image;
  Box *box;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (index >= self->boxes->len || !captioner_photo_view_get_image_bounds (self, &image))
    return FALSE;
  box = captioner_photo_view_get_box (self, index);
  if (!box->has_region)
    return FALSE;
  captioner_photo_view_rect_to_widget (&image, &box->rect, bounds);
  return TRUE;
}

void
captioner_photo_view_drag_box (CaptionerPhotoView *self,
                               double              x0,
                               double              y0,
                               double              x1,
                               double              y1)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  captioner_photo_view_drag_begin (self, x0, y0);
  captioner_photo_view_drag_update (self, (x1 - x0) / 2, (y1 - y0) / 2);
  captioner_photo_view_drag_end (self, x1 - x0, y1 - y0);
}
