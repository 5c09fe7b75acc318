#define G_LOG_DOMAIN "captioner-photo-cell"

#include "config.h"

#include "captioner-photo-cell.h"

/* Cells are made for each row the grid shows and rebound as it scrolls, while thousands of
 * items change state as their photos load. A cell is one widget that draws its thumbnail,
 * badge and name itself: a change asks only for a redraw. Child widgets (a picture, an image
 * and a label per cell) made every change a relayout of the whole window, with its style
 * recomputed and, on X11, a round trip to the display server; the first screen of a folder
 * took more than 50 ms to paint. The tooltip text is worked out when a tooltip is asked for,
 * not on every change (changing a widget's tooltip makes GTK ask the display server where the
 * pointer is). */

#define THUMBNAIL_WIDTH  128
#define THUMBNAIL_HEIGHT 96
#define NAME_SPACING     4
#define BADGE_ICON_SIZE  16
#define BADGE_PADDING    3
#define BADGE_MARGIN     2

struct _CaptionerPhotoCell
{
  GtkWidget           parent_instance;

  CaptionerPhotoItem *item;
  GdkTexture         *thumbnail;   /* drawn: the item's, as last seen */
  CaptionerPhotoState state;      /* drawn as the badge: the item's, as last seen */
};

G_DEFINE_FINAL_TYPE (CaptionerPhotoCell, captioner_photo_cell, GTK_TYPE_WIDGET)

static void
update_thumbnail (CaptionerPhotoCell *self)
{
  GdkTexture *thumbnail = self->item ? captioner_photo_item_get_thumbnail (self->item) : NULL;

  if (g_set_object (&self->thumbnail, thumbnail))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_badge (CaptionerPhotoCell *self)
{
  CaptionerPhotoState state = self->item ? captioner_photo_item_get_state (self->item)
                                         : CAPTIONER_PHOTO_STATE_LOADING;

  if (self->item != NULL)
    {
      g_autofree char *description = captioner_photo_item_dup_description (self->item);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  /* Redrawn only when the badge changes: "loading" and "not captioned" both show none, and
   * every photo of a folder goes from one to the other as its header is read. */
  if (g_strcmp0 (captioner_photo_item_state_icon_name (state),
                 captioner_photo_item_state_icon_name (self->state)) != 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  self->state = state;
}

static void
on_item_notify_cb (CaptionerPhotoItem *item,
                   GParamSpec         *pspec,
                   CaptionerPhotoCell *self)
{
  if (g_strcmp0 (pspec->name, "thumbnail") == 0)
    update_thumbnail (self);
  else if (g_strcmp0 (pspec->name, "state") == 0)
    update_badge (self);
}

static gboolean
on_query_tooltip_cb (GtkWidget          *widget,
                     int                 x,
                     int                 y,
                     gboolean            keyboard_mode,
                     GtkTooltip         *tooltip,
                     CaptionerPhotoCell *self)
{
  g_autofree char *text = NULL;

  if (self->item == NULL)
    return FALSE;
  text = captioner_photo_item_dup_description (self->item);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The name's layout, in the cell's font (the "caption" style class), on one line. Made when
 * needed: GTK keeps what a cell drew until the cell asks for a redraw. */
static PangoLayout *
new_name_layout (CaptionerPhotoCell *self,
                 const char         *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
captioner_photo_cell_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CaptionerPhotoCell *self = CAPTIONER_PHOTO_CELL (widget);
  g_autoptr(PangoLayout) line = NULL;
  int name_height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = THUMBNAIL_WIDTH;
      return;
    }
  /* One line of text, whatever the name: the size never depends on the item. */
  line = new_name_layout (self, "Ag");
  pango_layout_get_pixel_size (line, NULL, &name_height);
  *minimum = *natural = THUMBNAIL_HEIGHT + NAME_SPACING + name_height;
}

/* The thumbnail at its own size when it fits (drawn pixel for pixel, which is also the cheap
 * way to draw it), else shrunk to fit; centred in the thumbnail box, on whole pixels. */
static void
get_thumbnail_rect (CaptionerPhotoCell *self,
                    int                 width,
                    graphene_rect_t    *rect)
{
  double texture_width = gdk_texture_get_width (self->thumbnail);
  double texture_height = gdk_texture_get_height (self->thumbnail);
  double scale = MIN (1.0, MIN (width / texture_width, THUMBNAIL_HEIGHT / texture_height));
  int w = MAX (1, (int) (texture_width * scale + 0.5));
  int h = MAX (1, (int) (texture_height * scale + 0.5));

  graphene_rect_init (rect, (width - w) / 2, (THUMBNAIL_HEIGHT - h) / 2, w, h);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, "#3584e4");
}

/* A round badge in the thumbnail's top right corner, in the theme's colour for the state,
 * with a white symbolic icon. */
static void
snapshot_badge (CaptionerPhotoCell    *self,
                GtkSnapshot           *snapshot,
                const graphene_rect_t *area)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *icon_name = captioner_photo_item_state_icon_name (self->state);
  const GdkRGBA white = { 1.0, 1.0, 1.0, 1.0 };
  const int size = BADGE_ICON_SIZE + 2 * BADGE_PADDING;
  g_autoptr(GtkIconPaintable) icon = NULL;
  GskRoundedRect circle;
  graphene_rect_t bounds;
  GdkRGBA background;

  if (icon_name == NULL)
    return;
  switch (self->state)
    {
    case CAPTIONER_PHOTO_STATE_CAPTIONED:
      lookup_color (widget, "success_color", &background);
      break;
    case CAPTIONER_PHOTO_STATE_UNSAVED:
      lookup_color (widget, "accent_bg_color", &background);
      break;
    case CAPTIONER_PHOTO_STATE_CONFLICT:
    case CAPTIONER_PHOTO_STATE_ERROR:
      lookup_color (widget, "error_color", &background);
      break;
    default:
      gdk_rgba_parse (&background, "rgba(0,0,0,0.55)");
    }

  graphene_rect_init (&bounds, area->origin.x + area->size.width - size - BADGE_MARGIN,
                      area->origin.y + BADGE_MARGIN, size, size);
  gsk_rounded_rect_init_from_rect (&circle, &bounds, size / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &background, &bounds);
  gtk_snapshot_pop (snapshot);

  icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (widget)),
                                     icon_name, NULL, BADGE_ICON_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (bounds.origin.x + BADGE_PADDING,
                                                          bounds.origin.y + BADGE_PADDING));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            BADGE_ICON_SIZE, BADGE_ICON_SIZE, &white, 1);
  gtk_snapshot_restore (snapshot);
}

static void
captioner_photo_cell_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CaptionerPhotoCell *self = CAPTIONER_PHOTO_CELL (widget);
  int width = gtk_widget_get_width (widget);
  g_autoptr(PangoLayout) name = NULL;
  graphene_rect_t area;
  GdkRGBA color;

  graphene_rect_init (&area, 0, 0, width, THUMBNAIL_HEIGHT);
  if (self->thumbnail != NULL)
    {
      get_thumbnail_rect (self, width, &area);
      gtk_snapshot_append_texture (snapshot, self->thumbnail, &area);
    }
  snapshot_badge (self, snapshot, &area);

  if (self->item == NULL)
    return;
  name = new_name_layout (self, captioner_photo_item_get_name (self->item));
  pango_layout_set_width (name, width * PANGO_SCALE);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, THUMBNAIL_HEIGHT + NAME_SPACING));
  gtk_snapshot_append_layout (snapshot, name, &color);
  gtk_snapshot_restore (snapshot);
}

static void
captioner_photo_cell_dispose (GObject *object)
{
  CaptionerPhotoCell *self = CAPTIONER_PHOTO_CELL (object);

  captioner_photo_cell_set_item (self, NULL);
  G_OBJECT_CLASS (captioner_photo_cell_parent_class)->dispose (object);
}

static void
captioner_photo_cell_class_init (CaptionerPhotoCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = captioner_photo_cell_dispose;
  widget_class->measure = captioner_photo_cell_measure;
  widget_class->snapshot = captioner_photo_cell_snapshot;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-photo-cell.ui");
  gtk_widget_class_set_css_name (widget_class, "photo-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
captioner_photo_cell_init (CaptionerPhotoCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->state = CAPTIONER_PHOTO_STATE_LOADING;
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
}

GtkWidget *
captioner_photo_cell_new (void)
{
  return g_object_new (CAPTIONER_TYPE_PHOTO_CELL, NULL);
}

CaptionerPhotoItem *
captioner_photo_cell_get_item (CaptionerPhotoCell *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_CELL (self), NULL);
  return self->item;
}

void
captioner_photo_cell_set_item (CaptionerPhotoCell *self,
                               CaptionerPhotoItem *item)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_CELL (self));
  g_return_if_fail (item == NULL || CAPTIONER_IS_PHOTO_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify_cb, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect (item, "notify", G_CALLBACK (on_item_notify_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item ? captioner_photo_item_get_name (item) : "", -1);
  update_thumbnail (self);
  update_badge (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkTexture *
captioner_photo_cell_get_thumbnail (CaptionerPhotoCell *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_CELL (self), NULL);
  return self->thumbnail;
}

const char *
captioner_photo_cell_get_badge_class (CaptionerPhotoCell *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_CELL (self), NULL);
  return captioner_photo_item_state_class (self->state);
}

const char *
captioner_photo_cell_get_badge_icon_name (CaptionerPhotoCell *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_CELL (self), NULL);
  return captioner_photo_item_state_icon_name (self->state);
}

const char *
captioner_photo_cell_get_name (CaptionerPhotoCell *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_CELL (self), NULL);
  return self->item ? captioner_photo_item_get_name (self->item) : "";
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, captioner_photo_cell_new ());
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  captioner_photo_cell_set_item (CAPTIONER_PHOTO_CELL (gtk_list_item_get_child (list_item)),
                                 gtk_list_item_get_item (list_item));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  captioner_photo_cell_set_item (CAPTIONER_PHOTO_CELL (gtk_list_item_get_child (list_item)),
                                 NULL);
}

GtkListItemFactory *
captioner_photo_cell_new_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  return factory;
}
