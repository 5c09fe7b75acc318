#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include "captioner-photo-view-private.h"

static const GdkRGBA box_color = { 1.0, 1.0, 1.0, 1.0 };
static const GdkRGBA selected_color = { 0.208, 0.518, 0.894, 1.0 };   /* Adwaita blue 3 */
static const GdkRGBA pending_color = { 0.965, 0.827, 0.176, 1.0 };    /* Adwaita yellow 3 */
static const GdkRGBA shadow_color = { 0.0, 0.0, 0.0, 0.6 };
#define LABEL_MIN_HEIGHT 16

static const GdkRGBA label_background = { 0.0, 0.0, 0.0, 0.7 };
static const GdkRGBA label_color = { 1.0, 1.0, 1.0, 1.0 };

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

/* A circle or a polygon, drawn as the file has it, within its bounding box rect. */
static void
append_shape (GtkSnapshot           *snapshot,
              const Box             *box,
              const graphene_rect_t *rect,
              const GdkRGBA         *color,
              float                  width)
{
  graphene_rect_t area;
  cairo_t *cr;

  graphene_rect_inset_r (rect, -width - 2, -width - 2, &area);
  cr = gtk_snapshot_append_cairo (snapshot, &area);
  if (box->shape == CAPTIONER_SHAPE_CIRCLE)
    {
      cairo_save (cr);
      cairo_translate (cr, rect->origin.x + rect->size.width / 2,
                       rect->origin.y + rect->size.height / 2);
      cairo_scale (cr, MAX (rect->size.width / 2, 1), MAX (rect->size.height / 2, 1));
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
    }
  else
    for (guint k = 0; box->points != NULL && k < box->points->len; k++)
      {
        const CaptionerPoint *point = &g_array_index (box->points, CaptionerPoint, k);
        double x = rect->origin.x + point->x * rect->size.width;
        double y = rect->origin.y + point->y * rect->size.height;

        if (k == 0)
          cairo_move_to (cr, x, y);
        else
          cairo_line_to (cr, x, y);
      }
  cairo_close_path (cr);
  /* A dark line under it keeps the shape visible on light and dark pictures alike. */
  cairo_set_line_width (cr, width + 2);
  gdk_cairo_set_source_rgba (cr, &shadow_color);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);
  cairo_destroy (cr);
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

      captioner_photo_view_get_corner (rect, c, &point);
      graphene_rect_init (&handle, point.x - HANDLE_SIZE / 2, point.y - HANDLE_SIZE / 2,
                          HANDLE_SIZE, HANDLE_SIZE);
      gtk_snapshot_append_color (snapshot, color, &handle);
      append_box_border (snapshot, &handle, &shadow_color, 1);
    }
}

/* How wide a label may be before it runs into the next box to its right: names are long
 * ("Armenian Foreign Minister Ararat Mirzoyan") and people stand close together. The selected
 * box's label is drawn whole, on top. */
static double
label_room (CaptionerPhotoView    *self,
            const graphene_rect_t *image,
            const graphene_rect_t *rect,
            guint                  index)
{
  double room = image->origin.x + image->size.width - rect->origin.x;

  for (guint j = 0; j < self->boxes->len; j++)
    {
      Box *other = captioner_photo_view_get_box (self, j);
      graphene_rect_t other_rect;

      if (j == index || !other->has_region)
        continue;
      captioner_photo_view_rect_to_widget (image, captioner_photo_view_get_shown_rect (self, j),
                                           &other_rect);
      if (other_rect.origin.x > rect->origin.x &&
          ABS (other_rect.origin.y - rect->origin.y) < 3 * LABEL_MIN_HEIGHT)
        room = MIN (room, other_rect.origin.x - rect->origin.x - 4);
    }
  return room;
}

static void
append_label (CaptionerPhotoView    *self,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *image,
              const graphene_rect_t *rect,
              const char            *text,
              double                 max_width,
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
  if (width + 2 * LABEL_PADDING > max_width)
    {
      /* A long name goes on two lines, ellipsised only beyond them; the number always
       * shows. */
      int room = MAX ((int) max_width - 2 * LABEL_PADDING, 3 * height);
      pango_layout_set_width (layout, room * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &width, &height);
    }

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

void
captioner_photo_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);
  graphene_rect_t image;
  graphene_rect_t rect;

  if (!captioner_photo_view_get_image_bounds (self, &image))
    return;

  gtk_snapshot_append_texture (snapshot, self->texture, &image);

  /* The selected box last, so that it is on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->boxes->len; i++)
      {
        Box *box = captioner_photo_view_get_box (self, i);
        gboolean selected = (int) i == self->selected;
        const CaptionerRect *shown;
        g_autofree char *text = NULL;

        if (!box->has_region || selected != (pass == 1))
          continue;
        shown = captioner_photo_view_get_shown_rect (self, i);
        captioner_photo_view_rect_to_widget (&image, shown, &rect);
        if (box->shape == CAPTIONER_SHAPE_CIRCLE ||
            (box->shape == CAPTIONER_SHAPE_POLYGON && box->points != NULL && box->points->len > 2))
          append_shape (snapshot, box, &rect, selected ? &selected_color : &box_color,
                        selected ? 3 : 2);
        else
          append_box_border (snapshot, &rect, selected ? &selected_color : &box_color,
                             selected ? 3 : 2);
        if (box->name != NULL && *box->name != '\0')
          text = g_strdup_printf ("%u  %s", box->number, box->name);
        else
          text = g_strdup_printf ("%u", box->number);
        append_label (self, snapshot, &image, &rect, text,
                      selected ? image.origin.x + image.size.width - rect.origin.x
                               : label_room (self, &image, &rect, i),
                      selected ? &selected_color : &label_background);
        if (selected)
          append_handles (snapshot, &rect, &selected_color);
      }

  captioner_photo_view_snapshot_suggestions (self, snapshot, &image);

  if ((self->drag_mode == DRAG_CREATE && self->drag_moved) || self->naming == NAMING_NEW)
    {
      const CaptionerRect *pending = self->naming == NAMING_NEW ? &self->naming_rect
                                                                : &self->drag_rect;

      captioner_photo_view_rect_to_widget (&image, pending, &rect);
      append_box_border (snapshot, &rect, &pending_color, 2);
    }
}
