#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include "captioner-photo-view-private.h"

/* Where things are on the widget, what a press hits, and what a drag does: one code path for
 * the mouse (the drag gesture) and for captioner_photo_view_drag_box(). */

gboolean
captioner_photo_view_get_image_bounds (CaptionerPhotoView *self,
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
  /* A photo decoded for the view's size (or nearly) is drawn pixel for pixel, on whole
   * pixels: the cheap way to draw it, and the sharp one. */
  if (ABS (scale - 1.0) < 0.02)
    scale = 1.0;

  graphene_rect_init (bounds,
                      MAX (0.0, floor ((width - texture_width * scale) / 2)),
                      MAX (0.0, floor ((height - texture_height * scale) / 2)),
                      texture_width * scale,
                      texture_height * scale);
  return TRUE;
}

void
captioner_photo_view_rect_to_widget (const graphene_rect_t *image,
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
const CaptionerRect *
captioner_photo_view_get_shown_rect (CaptionerPhotoView *self,
                                     guint               index)
{
  if ((self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_RESIZE) &&
      self->drag_index == index && self->drag_moved)
    return &self->drag_rect;
  return &captioner_photo_view_get_box (self, index)->rect;
}

void
captioner_photo_view_get_corner (const graphene_rect_t *rect,
                                 Corner                 corner,
                                 graphene_point_t      *point)
{
  point->x = rect->origin.x + ((corner == CORNER_TOP_RIGHT || corner == CORNER_BOTTOM_RIGHT)
                               ? rect->size.width : 0);
  point->y = rect->origin.y + ((corner == CORNER_BOTTOM_LEFT || corner == CORNER_BOTTOM_RIGHT)
                               ? rect->size.height : 0);
}

gboolean
captioner_photo_view_hit_handle (CaptionerPhotoView *self,
                                 double              x,
                                 double              y,
                                 Corner             *corner)
{
  graphene_rect_t image;
  graphene_rect_t rect;
  Box *box;

  if (self->selected < 0 || !captioner_photo_view_get_image_bounds (self, &image))
    return FALSE;
  box = captioner_photo_view_get_box (self, self->selected);
  if (!box->has_region)
    return FALSE;

  captioner_photo_view_rect_to_widget (&image, &box->rect, &rect);
  for (Corner c = CORNER_TOP_LEFT; c <= CORNER_BOTTOM_RIGHT; c++)
    {
      graphene_point_t point;

      captioner_photo_view_get_corner (&rect, c, &point);
      if (ABS (x - point.x) <= HANDLE_REACH && ABS (y - point.y) <= HANDLE_REACH)
        {
          *corner = c;
          return TRUE;
        }
    }
  return FALSE;
}

/* The box under a point; of boxes inside one another, the smallest, so that each can be hit. */
int
captioner_photo_view_hit_box (CaptionerPhotoView *self,
                              double              x,
         double              y)
{
  graphene_rect_t image;
  int found = -1;
  double found_area = G_MAXDOUBLE;

  if (!captioner_photo_view_get_image_bounds (self, &image))
    return -1;

  for (guint i = 0; i < self->boxes->len; i++)
    {
      Box *box = captioner_photo_view_get_box (self, i);
      graphene_rect_t rect;
      double area;

      if (!box->has_region)
        continue;
      captioner_photo_view_rect_to_widget (&image, &box->rect, &rect);
      area = rect.size.width * rect.size.height;
      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)) && area < found_area)
        {
          found = i;
          found_area = area;
        }
    }
  return found;
}

void
captioner_photo_view_drag_begin (CaptionerPhotoView *self,
                                 double              x,
                                 double              y)
{
  graphene_rect_t image;
  Corner corner;
  int index;
  double u, v;

  if (self->naming != NAMING_NONE)
    captioner_photo_view_close_naming (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  self->drag_x0 = x;
  self->drag_y0 = y;
  if (!captioner_photo_view_get_image_bounds (self, &image))
    return;

  if (captioner_photo_view_hit_handle (self, x, y, &corner))
    {
      self->drag_mode = DRAG_RESIZE;
      self->drag_index = self->selected;
      self->drag_corner = corner;
    }
  else if ((index = captioner_photo_view_hit_box (self, x, y)) >= 0)
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
    self->drag_start = captioner_photo_view_get_box (self, self->drag_index)->rect;
  self->drag_rect = self->drag_start;
}

void
captioner_photo_view_drag_update (CaptionerPhotoView *self,
                                  double              dx,
                                  double              dy)
{
  graphene_rect_t image;
  const CaptionerRect *start = &self->drag_start;
  CaptionerRect *rect = &self->drag_rect;
  double u, v;

  if (self->drag_mode == DRAG_NONE || !captioner_photo_view_get_image_bounds (self, &image))
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

void
captioner_photo_view_drag_end (CaptionerPhotoView *self,
                               double              dx,
                               double              dy)
{
  graphene_rect_t image;
  DragMode mode = self->drag_mode;
  CaptionerRect rect;
  gboolean big_enough;

  captioner_photo_view_drag_update (self, dx, dy);
  self->drag_mode = DRAG_NONE;
  rect = self->drag_rect;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (mode == DRAG_NONE || !captioner_photo_view_get_image_bounds (self, &image))
    return;

  big_enough = self->drag_moved &&
               rect.w * image.size.width >= MIN_DRAG &&
               rect.h * image.size.height >= MIN_DRAG;

  switch (mode)
    {
    case DRAG_CREATE:
      if (big_enough)
        captioner_photo_view_open_naming (self, NAMING_NEW, 0, &rect, self->suggested_name);
      else if (!captioner_photo_view_click_suggestion (self, self->drag_x0, self->drag_y0))
        captioner_photo_view_set_selected (self, -1);
      break;

    case DRAG_MOVE:
    case DRAG_RESIZE:
      if (big_enough && memcmp (&rect, &self->drag_start, sizeof rect) != 0)
        captioner_photo_view_emit_person_changed (self, self->drag_index, &rect);
      break;

    case DRAG_NONE:
    default:
      g_assert_not_reached ();
    }
}
