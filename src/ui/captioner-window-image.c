#define G_LOG_DOMAIN "captioner-window"

#include "config.h"

#include "captioner-image.h"
#include "captioner-window-private.h"

/* The shown photo's pixels. It is decoded to fit the photo view exactly (JPEG DCT scaling
 * makes a smaller target much cheaper), so that it is drawn pixel for pixel: scaling a
 * screenful of pixels in every frame that showed it cost 20–40 ms a frame (cairo). Its
 * neighbours are decoded ahead; after a resize the shown photo is decoded again once the size
 * has settled for RESIZE_SETTLE_MS; at 100 % it is decoded whole. */
#define DISPLAY_MAX_SIZE 2560
#define RESIZE_SETTLE_MS 250

static void
display_size (CaptionerWindow *self,
              int             *width,
              int             *height)
{
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->photo_view));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int w = viewport ? gtk_widget_get_width (viewport) : 0;
  int h = viewport ? gtk_widget_get_height (viewport) : 0;

  if (w <= 0 || h <= 0)
    /* Not laid out yet (the first photo of a folder): the window's size is a fair bound, and
     * far cheaper to decode and draw than the largest size. */
    gtk_window_get_default_size (GTK_WINDOW (self), &w, &h);
  *width = MIN (w * scale, DISPLAY_MAX_SIZE);
  *height = MIN (h * scale, DISPLAY_MAX_SIZE);
}

/* Photos are decoded for the view's size from now on; whether that changed it. */
static gboolean
update_display_size (CaptionerWindow *self)
{
  int width, height;

  display_size (self, &width, &height);
  return captioner_image_cache_set_size (self->image_cache, width, height);
}

/* Once the shown photo is on screen, decode the ones the editor is likely to go to next, so
 * that stepping through the folder is a texture swap. */
static void
preload_neighbours (CaptionerWindow *self)
{
  static const int offsets[] = { 1, -1, 2 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));

  if (self->shown_position == GTK_INVALID_LIST_POSITION)
    return;
  /* The first photo of a folder may have been asked for before the window was laid out:
   * decode the neighbours at the size the view has now. */
  update_display_size (self);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 position = (gint64) self->shown_position + offsets[i];
      g_autoptr(CaptionerPhotoItem) item = NULL;

      if (position < 0 || position >= n)
        continue;
      item = g_list_model_get_item (G_LIST_MODEL (self->photos), (guint) position);
      if (captioner_photo_item_get_state (item) != CAPTIONER_PHOTO_STATE_ERROR)
        captioner_image_cache_preload (self->image_cache, captioner_photo_item_get_file (item));
    }
}

static void load_full_size (CaptionerWindow *self);

static void
on_image_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CaptionerWindow) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = captioner_image_cache_load_finish (CAPTIONER_IMAGE_CACHE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->image_pending = FALSE;
  if (pixbuf == NULL)
    {
      captioner_window_toast (self, error->message);
      captioner_window_profile_switch_done (self);
      return;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  captioner_photo_view_set_texture (self->photo_view, texture);
  captioner_window_profile_switch_done (self);
  preload_neighbours (self);
  load_full_size (self);
}

/* The same photo at another size is in: swapped in if the zoom it was decoded for still holds
 * (the editor may have toggled it meanwhile); whether it was. A failure was already told when the photo was
 * first shown. */
static gboolean
show_sharper (CaptionerWindow *self,
              GdkPixbuf       *pixbuf,
              gboolean         for_fit)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (pixbuf == NULL || captioner_photo_view_get_zoom_fit (self->photo_view) != for_fit)
    return FALSE;
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  captioner_photo_view_set_sharper_texture (self->photo_view, texture);
  return TRUE;
}

static void
on_fit_image_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(CaptionerWindow) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  pixbuf = captioner_image_cache_load_finish (CAPTIONER_IMAGE_CACHE (object), result, NULL);
  if (show_sharper (self, pixbuf, TRUE))
    preload_neighbours (self);
}

static void
on_full_image_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(CaptionerWindow) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = captioner_image_load_finish (result, NULL);

  show_sharper (self, pixbuf, FALSE);
}

/* The shown photo decoded again for the view's size, when the size or the zoom changed. */
static void
load_fit_size (CaptionerWindow    *self,
               CaptionerPhotoItem *item)
{
  captioner_image_cache_load_async (self->image_cache, captioner_photo_item_get_file (item),
                                    self->image_cancellable, on_fit_image_loaded_cb,
                                    g_object_ref (self));
}

/* At 100 % the editor looks at the photo's own pixels (a face, the focus): the shown photo is
 * decoded whole, once, and not kept when the editor moves on. */
static void
load_full_size (CaptionerWindow *self)
{
  if (self->current == NULL || captioner_photo_item_get_photo (self->current) == NULL ||
      captioner_photo_view_get_zoom_fit (self->photo_view))
    return;
  captioner_image_load_async (captioner_photo_item_get_file (self->current), 0, 0,
                              self->image_cancellable, on_full_image_loaded_cb,
                              g_object_ref (self));
}

static void
on_zoom_fit_changed_cb (CaptionerWindow *self)
{
  CaptionerPhotoItem *item = self->current;

  if (!captioner_photo_view_get_zoom_fit (self->photo_view))
    {
      if (!self->image_pending)
        load_full_size (self);
      return;
    }
  /* Back to fitting the window: the photo decoded for the view's size. */
  if (item != NULL && captioner_photo_item_get_photo (item) != NULL && !self->image_pending)
    load_fit_size (self, item);
}

/* The view's size has settled: the shown photo is decoded again to fit it. */
static gboolean
on_resize_settled_cb (gpointer user_data)
{
  CaptionerWindow *self = user_data;
  CaptionerPhotoItem *item = self->current;

  self->resize_source = 0;
  if (!update_display_size (self) || item == NULL ||
      !captioner_photo_view_get_zoom_fit (self->photo_view) ||
      captioner_photo_item_get_photo (item) == NULL ||
      captioner_photo_view_get_texture (self->photo_view) == NULL)
    return G_SOURCE_REMOVE;
  if (self->image_pending)
    {
      /* Still decoding for the old size: ask again for the new one. */
      captioner_window_show_item (self, item);
      return G_SOURCE_REMOVE;
    }
  load_fit_size (self, item);
  return G_SOURCE_REMOVE;
}

static void
on_photo_view_resized_cb (CaptionerWindow *self)
{
  g_clear_handle_id (&self->resize_source, g_source_remove);
  self->resize_source = g_timeout_add (RESIZE_SETTLE_MS, on_resize_settled_cb, self);
}

/* Decodes item's photo for the view and shows it when it comes; what the view shows until
 * then (its thumbnail) is the caller's. */
void
captioner_window_load_shown_image (CaptionerWindow    *self,
                                   CaptionerPhotoItem *item)
{
  self->image_cancellable = g_cancellable_new ();
  self->image_pending = TRUE;
  update_display_size (self);
  captioner_image_cache_load_async (self->image_cache, captioner_photo_item_get_file (item),
                                    self->image_cancellable, on_image_loaded_cb,
                                    g_object_ref (self));
}

void
captioner_window_image_init (CaptionerWindow *self)
{
  g_signal_connect_swapped (self->photo_view, "notify::zoom-fit",
                            G_CALLBACK (on_zoom_fit_changed_cb), self);
  g_signal_connect_swapped (self->photo_view, "resized", G_CALLBACK (on_photo_view_resized_cb),
                            self);
}

void
captioner_window_image_dispose (CaptionerWindow *self)
{
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_clear_handle_id (&self->resize_source, g_source_remove);
}
