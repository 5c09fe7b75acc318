#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-person.h"
#include "captioner-photo-view.h"

#define MIN_DRAG       5.0   /* px: a shorter drag is a click */
#define HANDLE_SIZE    9.0   /* px: the corner handles of the selected box */
#define HANDLE_REACH  10.0   /* px: how near a corner a press grabs it */
#define LABEL_PADDING  3.0
#define NATURAL_WIDTH  800   /* when fitting, the size the view would like */
#define NATURAL_HEIGHT 600

typedef enum
{
  DRAG_NONE,
  DRAG_CREATE,
  DRAG_MOVE,
  DRAG_RESIZE,
} DragMode;

typedef enum
{
  NAMING_NONE,
  NAMING_NEW,
  NAMING_RENAME,
} NamingMode;

typedef enum
{
  CORNER_TOP_LEFT,
  CORNER_TOP_RIGHT,
  CORNER_BOTTOM_LEFT,
  CORNER_BOTTOM_RIGHT,
} Corner;

typedef struct
{
  char          *name;
  gboolean       has_region;
  CaptionerRect  rect;      /* normalised, as displayed */
  guint          number;    /* 1..N left to right */
} Box;

struct _CaptionerPhotoView
{
  GtkWidget           parent_instance;

  GtkGesture         *drag_gesture;  /* template */
  GtkPopover         *name_popover;  /* template */
  GtkEntry           *name_entry;    /* template */

  GtkEntryCompletion *completion;
  GtkListStore       *known_names;
  GdkTexture         *texture;
  GArray             *boxes;         /* Box, one per person given */
  int                 orientation;
  int                 selected;
  gboolean            zoom_fit;

  DragMode            drag_mode;
  guint               drag_index;
  Corner              drag_corner;
  gboolean            drag_moved;
  double              drag_x0;
  double              drag_y0;
  CaptionerRect       drag_start;    /* normalised, the box as the drag began */
  CaptionerRect       drag_rect;     /* normalised, the box as dragged so far */

  NamingMode          naming;
  guint               naming_index;
  CaptionerRect       naming_rect;
};

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
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const GdkRGBA box_color = { 1.0, 1.0, 1.0, 1.0 };
static const GdkRGBA selected_color = { 0.208, 0.518, 0.894, 1.0 };   /* Adwaita blue 3 */
static const GdkRGBA pending_color = { 0.965, 0.827, 0.176, 1.0 };    /* Adwaita yellow 3 */
static const GdkRGBA shadow_color = { 0.0, 0.0, 0.0, 0.6 };
static const GdkRGBA label_background = { 0.0, 0.0, 0.0, 0.7 };
static const GdkRGBA label_color = { 1.0, 1.0, 1.0, 1.0 };

static void
clear_box (Box *box)
{
  g_clear_pointer (&box->name, g_free);
}

static Box *
get_box (CaptionerPhotoView *self,
         guint               index)
{
  g_assert (index < self->boxes->len);
  return &g_array_index (self->boxes, Box, index);
}

/* Where the texture is drawn, in widget coordinates. */
static gboolean
get_image_bounds (CaptionerPhotoView *self,
                  graphene_rect_t    *bounds)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double texture_width;
  double texture_height;
  double scale = 1.0;

  if (self->texture == NULL || width <= 0 || height <= 0)
    return FALSE;

  texture_width = gdk_texture_get_width (self->texture);
  texture_height = gdk_texture_get_height (self->texture);
  if (self->zoom_fit)
    scale = MIN (width / texture_width, height / texture_height);

  graphene_rect_init (bounds,
                      MAX (0.0, (width - texture_width * scale) / 2),
                      MAX (0.0, (height - texture_height * scale) / 2),
                      texture_width * scale,
                      texture_height * scale);
  return TRUE;
}

static void
rect_to_widget (const graphene_rect_t *image,
                const CaptionerRect   *rect,
                graphene_rect_t       *out)
{
  graphene_rect_init (out,
                      image->origin.x + rect->x * image->size.width,
                      image->origin.y + rect->y * image->size.height,
                      rect->w * image->size.width,
                      rect->h * image->size.height);
}

static void
point_to_image (const graphene_rect_t *image,
                double                 x,
                double                 y,
                double                *u,
                double                *v)
{
  *u = CLAMP ((x - image->origin.x) / image->size.width, 0.0, 1.0);
  *v = CLAMP ((y - image->origin.y) / image->size.height, 0.0, 1.0);
}

static void
rect_from_points (double         u0,
                  double         v0,
                  double         u1,
                  double         v1,
                  CaptionerRect *rect)
{
  rect->x = MIN (u0, u1);
  rect->y = MIN (v0, v1);
  rect->w = ABS (u1 - u0);
  rect->h = ABS (v1 - v0);
}

/* The box of a person as drawn now: where the drag has it while it is being dragged. */
static const CaptionerRect *
get_shown_rect (CaptionerPhotoView *self,
                guint               index)
{
  if ((self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_RESIZE) &&
      self->drag_index == index && self->drag_moved)
    return &self->drag_rect;
  return &get_box (self, index)->rect;
}

static void
get_corner (const graphene_rect_t *rect,
            Corner                 corner,
            graphene_point_t      *point)
{
  point->x = rect->origin.x + ((corner == CORNER_TOP_RIGHT || corner == CORNER_BOTTOM_RIGHT)
                               ? rect->size.width : 0);
  point->y = rect->origin.y + ((corner == CORNER_BOTTOM_LEFT || corner == CORNER_BOTTOM_RIGHT)
                               ? rect->size.height : 0);
}

static gboolean
hit_handle (CaptionerPhotoView *self,
            double              x,
            double              y,
            Corner             *corner)
{
  graphene_rect_t image;
  graphene_rect_t rect;
  Box *box;

  if (self->selected < 0 || !get_image_bounds (self, &image))
    return FALSE;
  box = get_box (self, self->selected);
  if (!box->has_region)
    return FALSE;

  rect_to_widget (&image, &box->rect, &rect);
  for (Corner c = CORNER_TOP_LEFT; c <= CORNER_BOTTOM_RIGHT; c++)
    {
      graphene_point_t point;

      get_corner (&rect, c, &point);
      if (ABS (x - point.x) <= HANDLE_REACH && ABS (y - point.y) <= HANDLE_REACH)
        {
          *corner = c;
          return TRUE;
        }
    }
  return FALSE;
}

/* The box under a point; of boxes inside one another, the smallest, so that each can be hit. */
static int
hit_box (CaptionerPhotoView *self,
         double              x,
         double              y)
{
  graphene_rect_t image;
  int found = -1;
  double found_area = G_MAXDOUBLE;

  if (!get_image_bounds (self, &image))
    return -1;

  for (guint i = 0; i < self->boxes->len; i++)
    {
      Box *box = get_box (self, i);
      graphene_rect_t rect;
      double area;

      if (!box->has_region)
        continue;
      rect_to_widget (&image, &box->rect, &rect);
      area = rect.size.width * rect.size.height;
      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)) && area < found_area)
        {
          found = i;
          found_area = area;
        }
    }
  return found;
}

static void
update_actions (CaptionerPhotoView *self)
{
  gboolean has_selection = self->selected >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.rename", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.remove", has_selection);
}

static void
open_naming (CaptionerPhotoView  *self,
             NamingMode           mode,
             guint                index,
             const CaptionerRect *rect,
             const char          *text)
{
  graphene_rect_t image;
  graphene_rect_t bounds;
  GdkRectangle pointing;

  self->naming = mode;
  self->naming_index = index;
  self->naming_rect = *rect;

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");
  if (get_image_bounds (self, &image))
    {
      rect_to_widget (&image, rect, &bounds);
      pointing.x = (int) bounds.origin.x;
      pointing.y = (int) bounds.origin.y;
      pointing.width = MAX (1, (int) bounds.size.width);
      pointing.height = MAX (1, (int) bounds.size.height);
      gtk_popover_set_pointing_to (self->name_popover, &pointing);
    }
  gtk_popover_popup (self->name_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->name_entry), 0, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Closes the name entry; the name is dropped unless the caller took it before. */
static void
close_naming (CaptionerPhotoView *self)
{
  self->naming = NAMING_NONE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->name_popover)))
    gtk_popover_popdown (self->name_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin (CaptionerPhotoView *self,
            double              x,
            double              y)
{
  graphene_rect_t image;
  Corner corner;
  int index;
  double u, v;

  if (self->naming != NAMING_NONE)
    close_naming (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  self->drag_x0 = x;
  self->drag_y0 = y;
  if (!get_image_bounds (self, &image))
    return;

  if (hit_handle (self, x, y, &corner))
    {
      self->drag_mode = DRAG_RESIZE;
      self->drag_index = self->selected;
      self->drag_corner = corner;
    }
  else if ((index = hit_box (self, x, y)) >= 0)
    {
      captioner_photo_view_set_selected (self, index);
      self->drag_mode = DRAG_MOVE;
      self->drag_index = index;
    }
  else
    {
      self->drag_mode = DRAG_CREATE;
      point_to_image (&image, x, y, &u, &v);
      rect_from_points (u, v, u, v, &self->drag_start);
    }

  if (self->drag_mode != DRAG_CREATE)
    self->drag_start = get_box (self, self->drag_index)->rect;
  self->drag_rect = self->drag_start;
}

static void
drag_update (CaptionerPhotoView *self,
             double              dx,
             double              dy)
{
  graphene_rect_t image;
  const CaptionerRect *start = &self->drag_start;
  CaptionerRect *rect = &self->drag_rect;
  double u, v;

  if (self->drag_mode == DRAG_NONE || !get_image_bounds (self, &image))
    return;
  if (ABS (dx) >= MIN_DRAG || ABS (dy) >= MIN_DRAG)
    self->drag_moved = TRUE;
  if (!self->drag_moved)
    return;

  point_to_image (&image, self->drag_x0 + dx, self->drag_y0 + dy, &u, &v);
  switch (self->drag_mode)
    {
    case DRAG_CREATE:
      rect_from_points (start->x, start->y, u, v, rect);
      break;

    case DRAG_MOVE:
      *rect = *start;
      rect->x = CLAMP (start->x + dx / image.size.width, 0.0, 1.0 - start->w);
      rect->y = CLAMP (start->y + dy / image.size.height, 0.0, 1.0 - start->h);
      break;

    case DRAG_RESIZE:
      {
        /* The opposite corner stays where it is. */
        gboolean left = self->drag_corner == CORNER_TOP_LEFT ||
                        self->drag_corner == CORNER_BOTTOM_LEFT;
        gboolean top = self->drag_corner == CORNER_TOP_LEFT ||
                       self->drag_corner == CORNER_TOP_RIGHT;
        double fixed_u = left ? start->x + start->w : start->x;
        double fixed_v = top ? start->y + start->h : start->y;

        rect_from_points (fixed_u, fixed_v, u, v, rect);
      }
      break;

    case DRAG_NONE:
    default:
      g_assert_not_reached ();
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end (CaptionerPhotoView *self,
          double              dx,
          double              dy)
{
  graphene_rect_t image;
  DragMode mode = self->drag_mode;
  CaptionerRect rect;
  gboolean big_enough;

  drag_update (self, dx, dy);
  self->drag_mode = DRAG_NONE;
  rect = self->drag_rect;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (mode == DRAG_NONE || !get_image_bounds (self, &image))
    return;

  big_enough = self->drag_moved &&
               rect.w * image.size.width >= MIN_DRAG &&
               rect.h * image.size.height >= MIN_DRAG;

  switch (mode)
    {
    case DRAG_CREATE:
      if (big_enough)
        open_naming (self, NAMING_NEW, 0, &rect, NULL);
      else
        captioner_photo_view_set_selected (self, -1);
      break;

    case DRAG_MOVE:
    case DRAG_RESIZE:
      if (big_enough && memcmp (&rect, &self->drag_start, sizeof rect) != 0)
        g_signal_emit (self, signals[PERSON_CHANGED], 0, self->drag_index,
                       rect.x, rect.y, rect.w, rect.h);
      break;

    case DRAG_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
match_any_word (GtkEntryCompletion *completion,
                const char         *key,
                GtkTreeIter        *iter,
                gpointer            user_data)
{
  CaptionerPhotoView *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;

  /* Typing a surname finds the person too. The completion gives the key normalised and
   * case-folded; do the same to the name. */
  gtk_tree_model_get (GTK_TREE_MODEL (self->known_names), iter, 0, &name, -1);
  if (name == NULL || *key == '\0')
    return FALSE;
  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  if (normalized == NULL)
    return FALSE;
  folded = g_utf8_casefold (normalized, -1);
  for (const char *word = folded; word != NULL && *word != '\0'; )
    {
      if (g_str_has_prefix (word, key))
        return TRUE;
      word = strchr (word, ' ');
      if (word != NULL)
        word++;
    }
  return FALSE;
}

static void
append_box_border (GtkSnapshot           *snapshot,
                   const graphene_rect_t *rect,
                   const GdkRGBA         *color,
                   float                  width)
{
  GskRoundedRect outline;
  const float shadow_widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA shadow_colors[4] = { shadow_color, shadow_color, shadow_color, shadow_color };
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };
  graphene_rect_t outer;
  graphene_rect_t inner;

  /* A dark line either side keeps the box visible on light and dark pictures alike. */
  graphene_rect_inset_r (rect, -1, -1, &outer);
  gsk_rounded_rect_init_from_rect (&outline, &outer, 0);
  gtk_snapshot_append_border (snapshot, &outline, shadow_widths, shadow_colors);
  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  if (rect->size.width > 2 * width + 2 && rect->size.height > 2 * width + 2)
    {
      graphene_rect_inset_r (rect, width, width, &inner);
      gsk_rounded_rect_init_from_rect (&outline, &inner, 0);
      gtk_snapshot_append_border (snapshot, &outline, shadow_widths, shadow_colors);
    }
}

static void
append_handles (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color)
{
  for (Corner c = CORNER_TOP_LEFT; c <= CORNER_BOTTOM_RIGHT; c++)
    {
      graphene_point_t point;
      graphene_rect_t handle;

      get_corner (rect, c, &point);
      graphene_rect_init (&handle, point.x - HANDLE_SIZE / 2, point.y - HANDLE_SIZE / 2,
                          HANDLE_SIZE, HANDLE_SIZE);
      gtk_snapshot_append_color (snapshot, color, &handle);
      append_box_border (snapshot, &handle, &shadow_color, 1);
    }
}

static void
append_label (CaptionerPhotoView    *self,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *image,
              const graphene_rect_t *rect,
              const char            *text,
              const GdkRGBA         *background)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attributes = pango_attr_list_new ();
  GskRoundedRect pill;
  graphene_rect_t bounds;
  int width, height;
  double x, y;

  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_get_pixel_size (layout, &width, &height);

  /* Above the box when there is room on the picture, else inside its top edge. */
  x = rect->origin.x;
  y = rect->origin.y - height - 2 * LABEL_PADDING - 2;
  if (y < image->origin.y)
    y = rect->origin.y + 3;
  graphene_rect_init (&bounds, x, y, width + 2 * LABEL_PADDING, height + 2 * LABEL_PADDING);
  gsk_rounded_rect_init_from_rect (&pill, &bounds, 4);

  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, background, &bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + LABEL_PADDING, y + LABEL_PADDING));
  gtk_snapshot_append_layout (snapshot, layout, &label_color);
  gtk_snapshot_restore (snapshot);
}

static void
captioner_photo_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);
  graphene_rect_t image;
  graphene_rect_t rect;

  if (!get_image_bounds (self, &image))
    return;

  gtk_snapshot_append_texture (snapshot, self->texture, &image);

  /* The selected box last, so that it is on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->boxes->len; i++)
      {
        Box *box = get_box (self, i);
        gboolean selected = (int) i == self->selected;
        g_autofree char *text = NULL;

        if (!box->has_region || selected != (pass == 1))
          continue;
        rect_to_widget (&image, get_shown_rect (self, i), &rect);
        append_box_border (snapshot, &rect, selected ? &selected_color : &box_color,
                           selected ? 3 : 2);
        if (box->name != NULL && *box->name != '\0')
          text = g_strdup_printf ("%u  %s", box->number, box->name);
        else
          text = g_strdup_printf ("%u", box->number);
        append_label (self, snapshot, &image, &rect, text,
                      selected ? &selected_color : &label_background);
        if (selected)
          append_handles (snapshot, &rect, &selected_color);
      }

  if ((self->drag_mode == DRAG_CREATE && self->drag_moved) || self->naming == NAMING_NEW)
    {
      rect_to_widget (&image,
                      self->naming == NAMING_NEW ? &self->naming_rect : &self->drag_rect,
                      &rect);
      append_box_border (snapshot, &rect, &pending_color, 2);
    }
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
  drag_begin (self, x, y);
}

static void
on_drag_gesture_drag_update_cb (GtkGestureDrag     *gesture,
                                double              dx,
                                double              dy,
                                CaptionerPhotoView *self)
{
  drag_update (self, dx, dy);
}

static void
on_drag_gesture_drag_end_cb (GtkGestureDrag     *gesture,
                             double              dx,
                             double              dy,
                             CaptionerPhotoView *self)
{
  drag_end (self, dx, dy);
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
  if (hit_handle (self, x, y, &corner))
    cursor = (corner == CORNER_TOP_LEFT || corner == CORNER_BOTTOM_RIGHT)
             ? "nwse-resize" : "nesw-resize";
  else if (hit_box (self, x, y) >= 0)
    cursor = "move";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
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

  close_naming (self);
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
    close_naming (self);
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
  g_clear_object (&self->completion);
  g_clear_object (&self->known_names);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-photo-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoView, drag_gesture);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoView, name_popover);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoView, name_entry);
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
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");

  self->known_names = gtk_list_store_new (1, G_TYPE_STRING);
  self->completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (self->completion, GTK_TREE_MODEL (self->known_names));
  gtk_entry_completion_set_text_column (self->completion, 0);
  gtk_entry_completion_set_match_func (self->completion, match_any_word, self, NULL);
  gtk_entry_completion_set_minimum_key_length (self->completion, 1);
  gtk_entry_set_completion (self->name_entry, self->completion);

  update_actions (self);
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
    close_naming (self);
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
      Box *box = get_box (self, i);

      box->name = g_strdup (person->name);
      box->has_region = captioner_person_get_displayed_region (person, orientation, &box->rect);
    }

  order = captioner_people_order_displayed (people, orientation);
  for (guint k = 0; k < order->len; k++)
    get_box (self, g_array_index (order, guint, k))->number = k + 1;

  /* A drag or a rename of a person who is no longer there is dropped. */
  if ((self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_RESIZE) && self->drag_index >= n)
    self->drag_mode = DRAG_NONE;
  if (self->naming == NAMING_RENAME && self->naming_index >= n)
    close_naming (self);
  if (self->selected >= (int) n)
    captioner_photo_view_set_selected (self, -1);

  update_actions (self);
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

void
captioner_photo_view_set_known_names (CaptionerPhotoView *self,
                                      const char * const *names)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  gtk_list_store_clear (self->known_names);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->known_names, NULL, -1, 0, names[i], -1);
}

void
captioner_photo_view_rename_selected (CaptionerPhotoView *self)
{
  Box *box;
  CaptionerRect whole = { 0.0, 0.0, 1.0, 1.0 };

  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  if (self->selected < 0 || self->naming != NAMING_NONE || self->drag_mode != DRAG_NONE)
    return;
  box = get_box (self, self->selected);
  open_naming (self, NAMING_RENAME, self->selected, box->has_region ? &box->rect : &whole,
               box->name);
}

guint
captioner_photo_view_get_person_number (CaptionerPhotoView *self,
                                        guint               index)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), 0);

  if (index >= self->boxes->len)
    return 0;
  return get_box (self, index)->number;
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

  if (index >= self->boxes->len || !get_image_bounds (self, &image))
    return FALSE;
  box = get_box (self, index);
  if (!box->has_region)
    return FALSE;
  rect_to_widget (&image, &box->rect, bounds);
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

  drag_begin (self, x0, y0);
  drag_update (self, (x1 - x0) / 2, (y1 - y0) / 2);
  drag_end (self, x1 - x0, y1 - y0);
}

GtkEditable *
captioner_photo_view_get_name_entry (CaptionerPhotoView *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), NULL);

  return GTK_EDITABLE (self->name_entry);
}

gboolean
captioner_photo_view_is_naming (CaptionerPhotoView *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), FALSE);

  return self->naming != NAMING_NONE;
}
