#include "config.h"

#include <math.h>

#include "captioner-face-detect.h"
#include "captioner-photo-cell.h"
#include "test-util.h"
#include "widget-test-util.h"
#include "window-test-util.h"

AdwApplication *desk_application;

void
desk_write_jpeg (const char *dir,
                 const char *name,
                 guint32     color)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 600, 400);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, color);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
}

char *
desk_checksum (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

char *
desk_exiftool (const char *dir,
               const char *tag,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *program = g_find_program_in_path ("exiftool");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { program, "-s3", "-charset", "utf8", tag, path, NULL };

  g_assert_nonnull (program);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  return g_strstrip (g_steal_pointer (&out));
}

CaptionerPhotoItem *
desk_item_at (Desk  *desk,
              guint  position)
{
  g_autoptr(CaptionerPhotoItem) item =
    g_list_model_get_item (captioner_window_get_photos (desk->window), position);

  return item; /* the model keeps it alive */
}

CaptionerPhotoView *
desk_view (Desk *desk)
{
  return CAPTIONER_PHOTO_VIEW (captioner_window_get_photo_view (desk->window));
}

CaptionerCaptionPanel *
desk_panel (Desk *desk)
{
  return CAPTIONER_CAPTION_PANEL (captioner_window_get_caption_panel (desk->window));
}

/* The shown photo is loaded and its display image (not the thumbnail) is on screen. */
gboolean
desk_photo_is_shown (Desk *desk)
{
  GdkTexture *texture = captioner_photo_view_get_texture (desk_view (desk));

  return captioner_window_get_current_photo (desk->window) != NULL && texture != NULL &&
         gdk_texture_get_width (texture) == 600 &&
         gtk_widget_get_width (GTK_WIDGET (desk_view (desk))) > 100;
}

void
desk_open_folder (Desk *desk)
{
  g_autoptr(GFile) folder = g_file_new_for_path (desk->dir);

  captioner_window_open (desk->window, &folder, 1);
  DESK_WAIT_UNTIL (g_list_model_get_n_items (captioner_window_get_photos (desk->window)) > 0);
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
}

/* The photo's place in the view, as the view fits it: centred, scaled to fit. */
static void
desk_image_rect (Desk            *desk,
                 graphene_rect_t *rect)
{
  GdkTexture *texture = captioner_photo_view_get_texture (desk_view (desk));
  double width = gtk_widget_get_width (GTK_WIDGET (desk_view (desk)));
  double height = gtk_widget_get_height (GTK_WIDGET (desk_view (desk)));
  double tw = gdk_texture_get_width (texture);
  double th = gdk_texture_get_height (texture);
  double scale = MIN (width / tw, height / th);

  /* Within 2 % of its size, the photo is drawn pixel for pixel, on whole pixels. */
  if (ABS (scale - 1.0) < 0.02)
    scale = 1.0;
  graphene_rect_init (rect, MAX (0, floor ((width - tw * scale) / 2)),
                      MAX (0, floor ((height - th * scale) / 2)), tw * scale, th * scale);
}

/* Draws a box from (x0, y0) to (x1, y1), fractions of the photo, as a mouse drag does, then
 * types the name and presses Enter. */
void
desk_tag (Desk       *desk,
          double      x0,
          double      y0,
          double      x1,
          double      y1,
          const char *name)
{
  CaptionerPhotoView *photo_view = desk_view (desk);
  GtkEditable *entry = captioner_photo_view_get_name_entry (photo_view);
  graphene_rect_t r;

  desk_image_rect (desk, &r);
  captioner_photo_view_drag_box (photo_view,
                                 r.origin.x + x0 * r.size.width, r.origin.y + y0 * r.size.height,
                                 r.origin.x + x1 * r.size.width, r.origin.y + y1 * r.size.height);
  g_assert_true (captioner_photo_view_is_naming (photo_view));
  DESK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, name);
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  g_assert_false (captioner_photo_view_is_naming (photo_view));
}

void
desk_set_body (Desk       *desk,
               const char *body)
{
  GtkTextView *text_view = captioner_caption_panel_get_body_view (desk_panel (desk));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), body, -1);
}

void
desk_set_field (Desk           *desk,
                CaptionerField  field,
                const char     *value)
{
  GtkEditable *editable = captioner_caption_panel_get_field_editable (desk_panel (desk), field);

  gtk_editable_set_text (editable, value);
}

void
desk_activate (Desk       *desk,
               const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->window), action, NULL));
}

void
desk_assert_caption (Desk       *desk,
                     const char *expected)
{
  const char *stored = captioner_metadata_get (captioner_window_get_draft (desk->window),
                                               CAPTIONER_FIELD_CAPTION);

  g_assert_cmpstr (captioner_caption_panel_get_composed (desk_panel (desk)), ==, expected);
  g_assert_cmpstr (stored ? stored : "", ==, expected);
}

/* What a click on a dialog's button does: the response, then the dialog goes. */
void
desk_respond (AdwMessageDialog *dialog,
              const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkWindow *
desk_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not owned */
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = GTK_WINDOW (window);
    }
  return found;
}

AdwMessageDialog *
desk_find_dialog (void)
{
  return (AdwMessageDialog *) desk_find_window (ADW_TYPE_MESSAGE_DIALOG);
}

void
desk_set_up (Desk          *desk,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  desk->dir = g_dir_make_tmp ("captioner-window-XXXXXX", &error);
  g_assert_no_error (error);
  desk_write_jpeg (desk->dir, "a-summit.jpg", 0x3060a0ff);
  desk_write_jpeg (desk->dir, "b-talks.jpg", 0xa06030ff);
  desk_write_jpeg (desk->dir, "c-press.jpg", 0x30a060ff);

  desk->application = g_object_ref (desk_application);
  desk->settings = g_settings_new ("org.example.Captioner");
  g_settings_set_int (desk->settings, "window-width", 1300);
  g_settings_set_int (desk->settings, "window-height", 800);
  /* Faces are looked for in test-window-suggest; elsewhere they would only slow the tests. */
  g_settings_set_boolean (desk->settings, "face-suggestions", FALSE);
  desk->window = captioner_window_new (desk->application, desk->settings);
  g_object_add_weak_pointer (G_OBJECT (desk->window), (gpointer *) &desk->window);
  gtk_window_present (GTK_WINDOW (desk->window));
}

void
desk_tear_down (Desk          *desk,
                gconstpointer  data)
{
  if (desk->window != NULL)
    {
      /* Work still on its way may keep the window alive past this fixture, whose memory the
       * next test's fixture may reuse: the weak pointer must not outlive it. */
      g_object_remove_weak_pointer (G_OBJECT (desk->window), (gpointer *) &desk->window);
      gtk_window_destroy (GTK_WINDOW (desk->window));
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The memory settings backend lives as long as the program. */
  g_settings_reset (desk->settings, "autosave");
  g_settings_reset (desk->settings, "face-suggestions");
  g_clear_object (&desk->settings);
  g_clear_object (&desk->application);
  /* Sidecars and the other folders a test made in it go too. */
  test_remove_tree (desk->dir);
  g_free (desk->dir);
}
/* Private user folders (the thumbnail cache lands in XDG_CACHE_HOME), but the system's
 * XDG_DATA_DIRS: G_TEST_OPTION_ISOLATE_DIRS hides the MIME database and icon themes, and
 * GTK then warns about every icon. Returns the temporary home, for desk_finish(). */
char *
desk_init (int    *argc,
           char ***argv)
{
  g_autoptr(GError) error = NULL;
  char *home;

  /* Private user folders (the thumbnail cache lands in XDG_CACHE_HOME), but the system's
   * XDG_DATA_DIRS: G_TEST_OPTION_ISOLATE_DIRS hides the MIME database and icon themes, and
   * GTK then warns about every icon. */
  home = g_dir_make_tmp ("captioner-window-home-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      static const char *vars[] = { "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                                    "XDG_STATE_HOME" };
      g_autofree char *path = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (vars[i], path, TRUE);
    }
  g_test_init (argc, argv, NULL);
  adw_init ();
  desk_application = adw_application_new ("org.example.Captioner.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (desk_application), NULL, &error);
  g_assert_no_error (error);

  return home;
}

void
desk_write_user_file (const char *name,
                      const char *text)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "captioner", name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

void
desk_finish (const char *home)
{
  g_clear_object (&desk_application);
  /* Face detection still running in a thread must not meet the process's exit. */
  captioner_face_detect_drain ();
  /* The fake HOME and XDG folders, with the thumbnail cache under XDG_CACHE_HOME. */
  test_remove_tree (home);
}

const char *
desk_field_text (Desk           *desk,
                 CaptionerField  field)
{
  return gtk_editable_get_text (captioner_caption_panel_get_field_editable (desk_panel (desk),
                                                                           field));
}

/* The name in the panel's row for the person at position (0 the leftmost). */
const char *
desk_person_text (Desk  *desk,
                  guint  position)
{
  GtkEditable *editable = captioner_caption_panel_get_person_editable (desk_panel (desk),
                                                                       position);

  g_assert_nonnull (editable);
  return gtk_editable_get_text (editable);
}

static gboolean
is_cell_of (GtkWidget     *widget,
            gconstpointer  item)
{
  return CAPTIONER_IS_PHOTO_CELL (widget) &&
         captioner_photo_cell_get_item (CAPTIONER_PHOTO_CELL (widget)) == item;
}

/* The grid's cell bound to @item, or NULL. */
GtkWidget *
desk_find_cell (Desk               *desk,
                CaptionerPhotoItem *item)
{
  return widget_find (GTK_WIDGET (desk->window), is_cell_of, item);
}

/* The grid's cell for the photo at @position is on screen and draws @name and a badge of
 * state @badge_class. */
void
desk_assert_cell (Desk       *desk,
                  guint       position,
                  const char *name,
                  const char *badge_class)
{
  CaptionerPhotoItem *item = desk_item_at (desk, position);
  GtkWidget *cell = NULL;

  DESK_WAIT_UNTIL ((cell = desk_find_cell (desk, item)) != NULL);
  g_assert_true (gtk_widget_is_drawable (cell));
  g_assert_cmpstr (captioner_photo_cell_get_name (CAPTIONER_PHOTO_CELL (cell)), ==, name);
  g_assert_cmpstr (captioner_photo_cell_get_badge_class (CAPTIONER_PHOTO_CELL (cell)), ==,
                   badge_class);
}
