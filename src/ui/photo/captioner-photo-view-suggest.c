#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include "captioner-face-detect.h"
#include "captioner-photo-view-private.h"

/* Face suggestions: the faces dlib finds in the shown photo (captioner_face_detect_async, in a
 * thread; cancelled when another photo is shown), drawn dashed and numbered left to right.
 * A click on one, or Enter, accepts it: it becomes a new box, and the name entry opens as
 * when a box is drawn; the person exists only once named. The small × on one, or Delete with
 * no box selected, dismisses it, for the rest of the session. A suggestion over a person's
 * box is not shown. Nothing here touches the draft: suggestions are never saved.
 *
 * One detection runs at a time. What it finds is kept for the session (the last
 * MAX_FACES_KNOWN photos), and when the shown photo's faces are known the photo likely shown
 * next is detected ahead (captioner_photo_view_detect_ahead): moving on, its suggestions are
 * there as the photo is. */

#define CLOSE_SIZE 16.0   /* px: the × at a suggestion's top-right corner */
#define MAX_FACES_KNOWN 64

static void start_detection (CaptionerPhotoView *self,
                             GFile              *file,
                             int                 orientation);

static const GdkRGBA suggestion_color = { 0.965, 0.827, 0.176, 1.0 };   /* Adwaita yellow 3 */
static const GdkRGBA shadow_color = { 0.0, 0.0, 0.0, 0.6 };
static const GdkRGBA label_background = { 0.0, 0.0, 0.0, 0.7 };
static const GdkRGBA label_color = { 1.0, 1.0, 1.0, 1.0 };

static gboolean
rects_overlap (const CaptionerRect *a,
               const CaptionerRect *b)
{
  double ax = a->x + a->w / 2, ay = a->y + a->h / 2;
  double bx = b->x + b->w / 2, by = b->y + b->h / 2;

  /* Either's centre inside the other: the same face, boxed a little differently. */
  return (ax >= b->x && ax <= b->x + b->w && ay >= b->y && ay <= b->y + b->h) ||
         (bx >= a->x && bx <= a->x + a->w && by >= a->y && by <= a->y + a->h);
}

static GArray *
dismissed_for (CaptionerPhotoView *self,
               gboolean            create)
{
  g_autofree char *uri = NULL;
  GArray *rects;

  if (self->suggest_file == NULL)
    return NULL;
  uri = g_file_get_uri (self->suggest_file);
  rects = g_hash_table_lookup (self->dismissed, uri);
  if (rects == NULL && create)
    {
      rects = g_array_new (FALSE, FALSE, sizeof (CaptionerRect));
      g_hash_table_insert (self->dismissed, g_steal_pointer (&uri), rects);
    }
  return rects;
}

static gboolean
is_shown (CaptionerPhotoView  *self,
          const CaptionerRect *rect,
          GArray              *dismissed)
{
  for (guint d = 0; dismissed != NULL && d < dismissed->len; d++)
    if (rects_overlap (rect, &g_array_index (dismissed, CaptionerRect, d)))
      return FALSE;
  for (guint i = 0; i < self->boxes->len; i++)
    {
      Box *box = captioner_photo_view_get_box (self, i);

      if (box->has_region && rects_overlap (rect, captioner_photo_view_get_shown_rect (self, i)))
        return FALSE;
    }
  if (self->naming == NAMING_NEW && rects_overlap (rect, &self->naming_rect))
    return FALSE;
  return TRUE;
}

/* The suggestions shown now, left to right: indices into self->suggestions. */
static GArray *
shown_suggestions (CaptionerPhotoView *self)
{
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *dismissed = dismissed_for (self, FALSE);

  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    if (is_shown (self, &g_array_index (self->suggestions, CaptionerRect, i), dismissed))
      g_array_append_val (shown, i);
  return shown;
}

static const CaptionerRect *
shown_rect (CaptionerPhotoView *self,
            guint               index)
{
  g_autoptr(GArray) shown = shown_suggestions (self);

  if (index >= shown->len)
    return NULL;
  return &g_array_index (self->suggestions, CaptionerRect, g_array_index (shown, guint, index));
}

static void
close_bounds (const graphene_rect_t *box,
              graphene_rect_t       *out)
{
  /* Centred on the corner: clear of the face, however small the box is drawn. */
  graphene_rect_init (out, box->origin.x + box->size.width - CLOSE_SIZE / 2,
                      box->origin.y - CLOSE_SIZE / 2, CLOSE_SIZE, CLOSE_SIZE);
}

/* The photo and the turn its faces were found in. */
static char *
face_key (GFile *file,
          int    orientation)
{
  g_autofree char *uri = g_file_get_uri (file);

  return g_strdup_printf ("%d %s", orientation, uri);
}

static gboolean
is_suggest_key (CaptionerPhotoView *self,
                const char         *key)
{
  g_autofree char *shown = NULL;

  if (self->suggest_file == NULL)
    return FALSE;
  shown = face_key (self->suggest_file, self->suggest_orientation);
  return g_str_equal (shown, key);
}

static void
show_known (CaptionerPhotoView *self,
            GArray             *rects)
{
  g_clear_pointer (&self->suggestions, g_array_unref);
  self->suggestions = g_array_copy (rects);
  g_debug ("%u face suggestions %.0f ms after the photo was shown", self->suggestions->len,
           (g_get_monotonic_time () - self->suggest_started) / 1000.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit_by_name (self, "suggestions-shown", self->suggestions->len);
}

/* Nothing else to detect: the photo likely shown next, unless known already. */
static void
detect_ahead_when_idle (CaptionerPhotoView *self)
{
  g_autofree char *key = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->suggest_cancellable != NULL || self->ahead_file == NULL)
    return;
  file = g_steal_pointer (&self->ahead_file);
  key = face_key (file, self->ahead_orientation);
  if (!g_hash_table_contains (self->faces_known, key))
    start_detection (self, file, self->ahead_orientation);
}

typedef struct
{
  CaptionerPhotoView *view;   /* owned */
  char               *key;
} Detection;

static void
detection_free (Detection *detection)
{
  g_object_unref (detection->view);
  g_free (detection->key);
  g_free (detection);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Detection, detection_free)

static void
on_detected_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Detection) detection = user_data;
  CaptionerPhotoView *self = detection->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) faces = captioner_face_detect_finish (result, &error);
  GArray *rects;

  if (faces == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* another detection took its place */
  if (g_strcmp0 (self->detect_key, detection->key) != 0)
    return;   /* finished as another took its place */
  g_clear_object (&self->suggest_cancellable);
  g_clear_pointer (&self->detect_key, g_free);
  if (faces == NULL)
    {
      /* Suggestions are a help: a photo the detector cannot read just has none. */
      g_debug ("%s", error->message);
      detect_ahead_when_idle (self);
      return;
    }
  rects = g_array_sized_new (FALSE, FALSE, sizeof (CaptionerRect), faces->len);
  for (guint i = 0; i < faces->len; i++)
    g_array_append_val (rects, g_array_index (faces, CaptionerFace, i).rect);
  if (g_hash_table_size (self->faces_known) >= MAX_FACES_KNOWN)
    g_hash_table_remove_all (self->faces_known);
  g_hash_table_insert (self->faces_known, g_strdup (detection->key), rects);
  if (is_suggest_key (self, detection->key))
    show_known (self, rects);
  detect_ahead_when_idle (self);
}

static void
start_detection (CaptionerPhotoView *self,
                 GFile              *file,
                 int                 orientation)
{
  Detection *detection = g_new0 (Detection, 1);

  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  self->suggest_cancellable = g_cancellable_new ();
  detection->view = g_object_ref (self);
  detection->key = face_key (file, orientation);
  g_free (self->detect_key);
  self->detect_key = g_strdup (detection->key);
  captioner_face_detect_async (file, orientation, self->suggest_cancellable, on_detected_cb,
                               detection);
}

static gboolean
accept_binding_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);

  if (self->naming != NAMING_NONE || captioner_photo_view_get_n_suggestions (self) == 0)
    return FALSE;
  captioner_photo_view_accept_suggestion (self, 0);
  return TRUE;
}

static gboolean
dismiss_binding_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  CaptionerPhotoView *self = CAPTIONER_PHOTO_VIEW (widget);

  /* Delete removes the selected person first (person.remove). */
  if (self->selected >= 0 || self->naming != NAMING_NONE ||
      captioner_photo_view_get_n_suggestions (self) == 0)
    return FALSE;
  captioner_photo_view_dismiss_suggestion (self, 0);
  return TRUE;
}

void
captioner_photo_view_suggest_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, accept_binding_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, accept_binding_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, dismiss_binding_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, dismiss_binding_cb, NULL);
}

void
captioner_photo_view_suggest_init (CaptionerPhotoView *self)
{
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_array_unref);
  self->faces_known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);
}

void
captioner_photo_view_suggest_dispose (CaptionerPhotoView *self)
{
  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  g_clear_pointer (&self->detect_key, g_free);
  g_clear_object (&self->suggest_file);
  g_clear_object (&self->ahead_file);
  g_clear_pointer (&self->suggestions, g_array_unref);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);
  g_clear_pointer (&self->faces_known, g_hash_table_unref);
}

void
captioner_photo_view_snapshot_suggestions (CaptionerPhotoView    *self,
                                           GtkSnapshot           *snapshot,
                                           const graphene_rect_t *image)
{
  g_autoptr(GArray) shown = shown_suggestions (self);
  graphene_rect_t area;
  cairo_t *cr;

  if (shown->len == 0)
    return;
  /* Beyond the photo by half a ×, for the ones on a face at its edge. */
  graphene_rect_inset_r (image, -CLOSE_SIZE, -CLOSE_SIZE, &area);
  cr = gtk_snapshot_append_cairo (snapshot, &area);
  for (guint s = 0; s < shown->len; s++)
    {
      const CaptionerRect *rect = &g_array_index (self->suggestions, CaptionerRect,
                                                  g_array_index (shown, guint, s));
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *number = g_strdup_printf ("%u", s + 1);
      const double dash[] = { 6, 4 };
      graphene_rect_t box, close;
      int width, height;
      double label_y;

      captioner_photo_view_rect_to_widget (image, rect, &box);
      cairo_rectangle (cr, box.origin.x, box.origin.y, box.size.width, box.size.height);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 4);
      gdk_cairo_set_source_rgba (cr, &shadow_color);
      cairo_stroke_preserve (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 2);
      gdk_cairo_set_source_rgba (cr, &suggestion_color);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* The number above the top-left corner (inside when there is no room above), the × on
       * the top-right corner. */
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), number);
      pango_layout_get_pixel_size (layout, &width, &height);
      label_y = box.origin.y - height - 2 * LABEL_PADDING - 2;
      if (label_y < image->origin.y)
        label_y = box.origin.y + 2;
      gdk_cairo_set_source_rgba (cr, &label_background);
      cairo_rectangle (cr, box.origin.x, label_y, width + 2 * LABEL_PADDING,
                       height + 2 * LABEL_PADDING);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &suggestion_color);
      cairo_move_to (cr, box.origin.x + LABEL_PADDING, label_y + LABEL_PADDING);
      pango_cairo_show_layout (cr, layout);

      close_bounds (&box, &close);
      gdk_cairo_set_source_rgba (cr, &label_background);
      cairo_rectangle (cr, close.origin.x, close.origin.y, close.size.width, close.size.height);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &label_color);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, close.origin.x + 4, close.origin.y + 4);
      cairo_line_to (cr, close.origin.x + CLOSE_SIZE - 4, close.origin.y + CLOSE_SIZE - 4);
      cairo_move_to (cr, close.origin.x + CLOSE_SIZE - 4, close.origin.y + 4);
      cairo_line_to (cr, close.origin.x + 4, close.origin.y + CLOSE_SIZE - 4);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

gboolean
captioner_photo_view_click_suggestion (CaptionerPhotoView *self,
                                       double              x,
                                       double              y)
{
  guint n = captioner_photo_view_get_n_suggestions (self);

  /* From the right: the × of one can lie over the next one's box. */
  for (guint s = n; s-- > 0;)
    {
      graphene_rect_t box, close;

      captioner_photo_view_get_suggestion_bounds (self, s, &box);
      close_bounds (&box, &close);
      if (graphene_rect_contains_point (&close, &GRAPHENE_POINT_INIT (x, y)))
        {
          captioner_photo_view_dismiss_suggestion (self, s);
          return TRUE;
        }
    }
  for (guint s = 0; s < n; s++)
    {
      graphene_rect_t box;

      captioner_photo_view_get_suggestion_bounds (self, s, &box);
      if (graphene_rect_contains_point (&box, &GRAPHENE_POINT_INIT (x, y)))
        {
          captioner_photo_view_accept_suggestion (self, s);
          return TRUE;
        }
    }
  return FALSE;
}

void
captioner_photo_view_suggest_faces (CaptionerPhotoView *self,
                                    GFile              *file,
                                    int                 orientation)
{
  g_autofree char *key = NULL;
  GArray *known;

  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file != NULL && self->suggest_file != NULL && g_file_equal (file, self->suggest_file) &&
      orientation == self->suggest_orientation)
    return;
  g_clear_pointer (&self->suggestions, g_array_unref);
  g_set_object (&self->suggest_file, file);
  self->suggest_orientation = orientation;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (file == NULL)
    {
      /* Suggestions off: nothing runs, nothing ahead. */
      g_cancellable_cancel (self->suggest_cancellable);
      g_clear_object (&self->suggest_cancellable);
      g_clear_pointer (&self->detect_key, g_free);
      g_clear_object (&self->ahead_file);
      return;
    }

  self->suggest_started = g_get_monotonic_time ();
  key = face_key (file, orientation);
  known = g_hash_table_lookup (self->faces_known, key);
  if (known != NULL)
    show_known (self, known);
  else if (g_strcmp0 (self->detect_key, key) != 0)
    start_detection (self, file, orientation);   /* else detected ahead already, still running */
}

void
captioner_photo_view_detect_ahead (CaptionerPhotoView *self,
                                   GFile              *file,
                                   int                 orientation)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->ahead_file, file);
  self->ahead_orientation = orientation;
  detect_ahead_when_idle (self);
}

gboolean
captioner_photo_view_get_faces_known (CaptionerPhotoView *self,
                                      GFile              *file,
                                      int                 orientation)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  key = face_key (file, orientation);
  return g_hash_table_contains (self->faces_known, key);
}

guint
captioner_photo_view_get_n_suggestions (CaptionerPhotoView *self)
{
  g_autoptr(GArray) shown = NULL;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), 0);

  shown = shown_suggestions (self);
  return shown->len;
}

gboolean
captioner_photo_view_get_suggestion_bounds (CaptionerPhotoView *self,
                                            guint               index,
                                            graphene_rect_t    *bounds)
{
  const CaptionerRect *rect;
  graphene_rect_t image;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), FALSE);

  rect = shown_rect (self, index);
  if (rect == NULL || !captioner_photo_view_get_image_bounds (self, &image))
    return FALSE;
  captioner_photo_view_rect_to_widget (&image, rect, bounds);
  return TRUE;
}

void
captioner_photo_view_accept_suggestion (CaptionerPhotoView *self,
                                        guint               index)
{
  const CaptionerRect *rect;
  CaptionerRect accepted;

  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  rect = shown_rect (self, index);
  g_return_if_fail (rect != NULL);
  accepted = *rect;
  captioner_photo_view_set_selected (self, -1);
  captioner_photo_view_open_naming (self, NAMING_NEW, 0, &accepted, self->suggested_name);
}

void
captioner_photo_view_dismiss_suggestion (CaptionerPhotoView *self,
                                         guint               index)
{
  const CaptionerRect *rect;
  CaptionerRect dismissed;

  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  rect = shown_rect (self, index);
  g_return_if_fail (rect != NULL);
  dismissed = *rect;
  g_array_append_val (dismissed_for (self, TRUE), dismissed);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GArray *
captioner_photo_view_dup_suggestions (CaptionerPhotoView *self)
{
  g_autoptr(GArray) shown = NULL;
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (CaptionerRect));

  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), rects);

  shown = shown_suggestions (self);
  for (guint i = 0; i < shown->len; i++)
    g_array_append_val (rects, g_array_index (self->suggestions, CaptionerRect,
                                              g_array_index (shown, guint, i)));
  return rects;
}
