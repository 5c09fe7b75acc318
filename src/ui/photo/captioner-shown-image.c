#define G_LOG_DOMAIN "captioner-shown-image"

#include "config.h"

#include "captioner-image.h"
#include "captioner-image-cache.h"
#include "captioner-shown-image.h"

#define IMAGE_CACHE_SIZE 6
#define DISPLAY_MAX_SIZE 2560
#define RESIZE_SETTLE_MS 250

struct _CaptionerShownImage
{
  GObject              parent_instance;

  /* Borrowed references */
  CaptionerPhotoView  *view;           /* weak */

  /* Owned references */
  CaptionerImageCache *cache;          /* screen-size decodes: shown photo and neighbours */
  GCancellable        *cancellable;    /* the shown photo's decodes */
  GFile               *file;           /* the photo shown, or NULL */
  GPtrArray           *neighbours;     /* GFile */

  guint                resize_source;  /* decodes the shown photo again after a resize */
  gboolean             pending;        /* the shown photo's decode is in flight */
};

G_DEFINE_FINAL_TYPE (CaptionerShownImage, captioner_shown_image, G_TYPE_OBJECT)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
display_size (CaptionerShownImage *self,
              int                 *width,
              int                 *height)
{
  GtkWidget *view = GTK_WIDGET (self->view);
  GtkWidget *viewport = gtk_widget_get_parent (view);
  GtkRoot *root = gtk_widget_get_root (view);
  int scale = gtk_widget_get_scale_factor (view);
  int w = viewport ? gtk_widget_get_width (viewport) : 0;
  int h = viewport ? gtk_widget_get_height (viewport) : 0;

  if ((w <= 0 || h <= 0) && GTK_IS_WINDOW (root))
    /* Not laid out yet (the first photo of a folder): the window's size is a fair bound, and
     * far cheaper to decode and draw than the largest size. */
    gtk_window_get_default_size (GTK_WINDOW (root), &w, &h);
  *width = MIN (MAX (w, 1) * scale, DISPLAY_MAX_SIZE);
  *height = MIN (MAX (h, 1) * scale, DISPLAY_MAX_SIZE);
}

/* Photos are decoded for the view's size from now on; whether that changed it. */
static gboolean
update_display_size (CaptionerShownImage *self)
{
  int width, height;

  /* The view went first (the window is closing). */
  if (self->view == NULL)
    return FALSE;
  display_size (self, &width, &height);
  return captioner_image_cache_set_size (self->cache, width, height);
}

/* Once the shown photo is on screen, decode the ones the editor is likely to go to next, so
 * that stepping through the folder is a texture swap. */
static void
preload_neighbours (CaptionerShownImage *self)
{
  /* The first photo of a folder may have been asked for before the window was laid out:
   * decode the neighbours at the size the view has now. */
  update_display_size (self);
  for (guint i = 0; i < self->neighbours->len; i++)
    captioner_image_cache_preload (self->cache, g_ptr_array_index (self->neighbours, i));
}

static void load_full_size (CaptionerShownImage *self);

static void
on_image_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CaptionerShownImage) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = captioner_image_cache_load_finish (CAPTIONER_IMAGE_CACHE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->view == NULL)
    return;
  self->pending = FALSE;
  if (pixbuf == NULL)
    {
      g_signal_emit (self, signals[LOADED], 0, error->message);
      return;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  captioner_photo_view_set_texture (self->view, texture);
  g_signal_emit (self, signals[LOADED], 0, NULL);
  preload_neighbours (self);
  load_full_size (self);
}

/* The same photo at another size is in: swapped in if the zoom it was decoded for still holds
 * (the editor may have toggled it meanwhile); whether it was. A failure was already told when
 * the photo was first shown. */
static gboolean
show_sharper (CaptionerShownImage *self,
              GdkPixbuf           *pixbuf,
              gboolean             for_fit)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (pixbuf == NULL || self->view == NULL ||
      captioner_photo_view_get_zoom_fit (self->view) != for_fit)
    return FALSE;
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  captioner_photo_view_set_sharper_texture (self->view, texture);
  return TRUE;
}

static void
on_fit_image_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(CaptionerShownImage) self = user_data;
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
  g_autoptr(CaptionerShownImage) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = captioner_image_load_finish (result, NULL);

  show_sharper (self, pixbuf, FALSE);
}

/* The shown photo decoded again for the view's size, when the size or the zoom changed. */
static void
load_fit_size (CaptionerShownImage *self)
{
  captioner_image_cache_load_async (self->cache, self->file, self->cancellable,
                                    on_fit_image_loaded_cb, g_object_ref (self));
}

/* At 100 % the editor looks at the photo's own pixels (a face, the focus): the shown photo is
 * decoded whole, once, and not kept when the editor moves on. */
static void
load_full_size (CaptionerShownImage *self)
{
  if (self->file == NULL || self->view == NULL || captioner_photo_view_get_zoom_fit (self->view))
    return;
  captioner_image_load_oriented_async (self->file,
                                       captioner_image_cache_get_orientation (self->cache,
                                                                              self->file),
                                       0, 0, self->cancellable, on_full_image_loaded_cb,
                                       g_object_ref (self));
}

static void
load_shown (CaptionerShownImage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = TRUE;
  update_display_size (self);
  captioner_image_cache_load_async (self->cache, self->file, self->cancellable,
                                    on_image_loaded_cb, g_object_ref (self));
}

static void
on_zoom_fit_changed_cb (CaptionerShownImage *self)
{
  if (self->file == NULL || self->pending)
    return;
  if (!captioner_photo_view_get_zoom_fit (self->view))
    load_full_size (self);
  else
    /* Back to fitting the window: the photo decoded for the view's size. */
    load_fit_size (self);
}

/* The view's size has settled: the shown photo is decoded again to fit it. */
static gboolean
on_resize_settled_cb (gpointer user_data)
{
  CaptionerShownImage *self = user_data;

  self->resize_source = 0;
  if (!update_display_size (self) || self->file == NULL || self->view == NULL ||
      !captioner_photo_view_get_zoom_fit (self->view) ||
      captioner_photo_view_get_texture (self->view) == NULL)
    return G_SOURCE_REMOVE;
  if (self->pending)
    /* Still decoding for the old size: ask again for the new one. */
    load_shown (self);
  else
    load_fit_size (self);
  return G_SOURCE_REMOVE;
}

static void
on_view_resized_cb (CaptionerShownImage *self)
{
  g_clear_handle_id (&self->resize_source, g_source_remove);
  self->resize_source = g_timeout_add (RESIZE_SETTLE_MS, on_resize_settled_cb, self);
}

static void
captioner_shown_image_dispose (GObject *object)
{
  CaptionerShownImage *self = CAPTIONER_SHOWN_IMAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_weak_pointer (&self->view);
  G_OBJECT_CLASS (captioner_shown_image_parent_class)->dispose (object);
}

static void
captioner_shown_image_finalize (GObject *object)
{
  CaptionerShownImage *self = CAPTIONER_SHOWN_IMAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->cache);
  g_clear_object (&self->file);
  g_clear_pointer (&self->neighbours, g_ptr_array_unref);
  G_OBJECT_CLASS (captioner_shown_image_parent_class)->finalize (object);
}

static void
captioner_shown_image_class_init (CaptionerShownImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_shown_image_dispose;
  object_class->finalize = captioner_shown_image_finalize;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
captioner_shown_image_init (CaptionerShownImage *self)
{
  self->cache = captioner_image_cache_new (IMAGE_CACHE_SIZE);
  self->neighbours = g_ptr_array_new_with_free_func (g_object_unref);
}

CaptionerShownImage *
captioner_shown_image_new (CaptionerPhotoView *view)
{
  CaptionerShownImage *self;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (view), NULL);

  self = g_object_new (CAPTIONER_TYPE_SHOWN_IMAGE, NULL);
  g_set_weak_pointer (&self->view, view);
  g_signal_connect_swapped (view, "notify::zoom-fit", G_CALLBACK (on_zoom_fit_changed_cb), self);
  g_signal_connect_swapped (view, "resized", G_CALLBACK (on_view_resized_cb), self);
  return self;
}

void
captioner_shown_image_show (CaptionerShownImage  *self,
                            GFile                *file,
                            GdkTexture           *placeholder,
                            GFile               **neighbours)
{
  g_return_if_fail (CAPTIONER_IS_SHOWN_IMAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  self->pending = FALSE;
  g_set_object (&self->file, file);
  g_ptr_array_set_size (self->neighbours, 0);
  for (guint i = 0; neighbours != NULL && neighbours[i] != NULL; i++)
    g_ptr_array_add (self->neighbours, g_object_ref (neighbours[i]));
  if (self->view != NULL)
    captioner_photo_view_set_texture (self->view, placeholder);
  if (file != NULL)
    load_shown (self);
}

void
captioner_shown_image_clear (CaptionerShownImage *self)
{
  g_return_if_fail (CAPTIONER_IS_SHOWN_IMAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->file);
  self->pending = FALSE;
  if (self->view != NULL)
    captioner_photo_view_set_texture (self->view, NULL);
}

void
captioner_shown_image_set_orientation (CaptionerShownImage *self,
                                       GFile               *file,
                                       int                  orientation)
{
  g_return_if_fail (CAPTIONER_IS_SHOWN_IMAGE (self));
  captioner_image_cache_set_orientation (self->cache, file, orientation);
}

gboolean
captioner_shown_image_is_pending (CaptionerShownImage *self)
{
  g_return_val_if_fail (CAPTIONER_IS_SHOWN_IMAGE (self), FALSE);
  return self->pending;
}
