#define G_LOG_DOMAIN "captioner-photo-cell"

#include "config.h"

#include "captioner-photo-cell.h"

/* Cells are made for each row the grid shows and rebound as it scrolls, while thousands of
 * items change state as their photos load: the cell updates only its own widgets, and its
 * tooltip text is worked out when a tooltip is asked for, not on every change (changing a
 * widget's tooltip makes GTK ask the display server where the pointer is). */
struct _CaptionerPhotoCell
{
  GtkWidget           parent_instance;

  GtkPicture         *picture;  /* template */
  GtkImage           *badge;    /* template */
  GtkLabel           *label;    /* template */

  CaptionerPhotoItem *item;
  const char         *badge_class;
};

G_DEFINE_FINAL_TYPE (CaptionerPhotoCell, captioner_photo_cell, GTK_TYPE_WIDGET)

static void
update_thumbnail (CaptionerPhotoCell *self)
{
  GdkTexture *thumbnail = self->item ? captioner_photo_item_get_thumbnail (self->item) : NULL;

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (thumbnail));
}

static void
update_badge (CaptionerPhotoCell *self)
{
  CaptionerPhotoState state = self->item ? captioner_photo_item_get_state (self->item)
                                         : CAPTIONER_PHOTO_STATE_LOADING;
  const char *icon_name = captioner_photo_item_state_icon_name (state);
  const char *badge_class = captioner_photo_item_state_class (state);

  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->badge, icon_name);
  else
    gtk_image_clear (self->badge);
  if (self->item != NULL)
    {
      g_autofree char *description = captioner_photo_item_dup_description (self->item);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  if (badge_class != self->badge_class)
    {
      if (self->badge_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->badge), self->badge_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->badge), badge_class);
      self->badge_class = badge_class;
    }
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

static void
captioner_photo_cell_dispose (GObject *object)
{
  CaptionerPhotoCell *self = CAPTIONER_PHOTO_CELL (object);
  GtkWidget *child;

  captioner_photo_cell_set_item (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (captioner_photo_cell_parent_class)->dispose (object);
}

static void
captioner_photo_cell_class_init (CaptionerPhotoCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = captioner_photo_cell_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-photo-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoCell, picture);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoCell, badge);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPhotoCell, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
captioner_photo_cell_init (CaptionerPhotoCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->badge_class = "none";
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
  gtk_label_set_label (self->label, item ? captioner_photo_item_get_name (item) : NULL);
  update_thumbnail (self);
  update_badge (self);
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
