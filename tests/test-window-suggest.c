#include "config.h"

#include <string.h>

#include "captioner-desk.h"
#include "captioner-image.h"
#include "captioner-photo.h"
#include "window-test-util.h"

/* Face suggestions in the window: a line-up of three real faces (scikit-image's astronaut,
 * OpenCV's Messi, the astronaut mirrored; build-aux/fetch-test-photos) is shown, its faces
 * come up as suggestions without any edit to the draft; one dismissed by its × stays
 * dismissed after moving away and back; one accepted by a click becomes a box and asks for a
 * name; saving writes the named person only. */

/* Detection decodes and scans a 3072×1536 photo in a thread: under the sanitizers, beside
 * another test, that takes longer than the window's own waits (speed is measured in
 * benchmarks/detect, not here). */
#define SUGGESTIONS_WAIT_UNTIL(condition) WIDGET_WAIT_UNTIL (condition, 90)

static GdkPixbuf *
load_real (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CAPTIONER_TEST_PHOTOS"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf = captioner_image_load (file, 0, 0, NULL, &error);

  g_assert_no_error (error);
  return pixbuf;
}

/* astronaut | Messi's head and shoulders | astronaut mirrored, 3072×1536. */
static void
write_lineup (const char *dir)
{
  g_autoptr(GdkPixbuf) astro = load_real ("astronaut.png");
  g_autoptr(GdkPixbuf) player = load_real ("messi5.jpg");
  g_autoptr(GdkPixbuf) big_astro = gdk_pixbuf_scale_simple (astro, 1024, 1024,
                                                            GDK_INTERP_BILINEAR);
  g_autoptr(GdkPixbuf) mirrored = gdk_pixbuf_flip (big_astro, TRUE);
  g_autoptr(GdkPixbuf) crop = gdk_pixbuf_new_subpixbuf (player, 146, 16, 192, 192);
  g_autoptr(GdkPixbuf) big_crop = gdk_pixbuf_scale_simple (crop, 1024, 1024,
                                                           GDK_INTERP_BILINEAR);
  g_autoptr(GdkPixbuf) canvas = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3072, 1536);
  g_autofree char *path = g_build_filename (dir, "0-lineup.jpg", NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (canvas, 0x808080ff);
  /* The PNG has an alpha channel: composited over the grey, not copied. */
  gdk_pixbuf_composite (big_astro, canvas, 0, 256, 1024, 1024, 0, 256, 1, 1,
                        GDK_INTERP_NEAREST, 255);
  gdk_pixbuf_copy_area (big_crop, 0, 0, 1024, 1024, canvas, 1024, 256);
  gdk_pixbuf_composite (mirrored, canvas, 2048, 256, 1024, 1024, 2048, 256, 1, 1,
                        GDK_INTERP_NEAREST, 255);
  gdk_pixbuf_save (canvas, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
}

static gboolean
lineup_is_shown (Desk *desk)
{
  GdkTexture *texture = captioner_photo_view_get_texture (desk_view (desk));
  CaptionerPhoto *current = captioner_window_get_current_photo (desk->window);

  return current != NULL &&
         g_str_equal (captioner_photo_get_display_name (current), "0-lineup.jpg") &&
         texture != NULL && gdk_texture_get_width (texture) > 600 &&
         !captioner_window_is_busy (desk->window);
}

/* A click (a drag of no length) at the widget point (x, y), through the mouse's code. */
static void
click (Desk   *desk,
       double  x,
       double  y)
{
  captioner_photo_view_drag_box (desk_view (desk), x, y, x, y);
}

/* The shown photo's draft: the first of the folder's. */
static CaptionerDraft *
lineup_draft (Desk *desk)
{
  CaptionerDesk *model = captioner_window_get_desk (desk->window);

  return captioner_desk_item_get_draft (captioner_desk_get_item (model, 0));
}

static void
test_suggestions (Desk          *desk,
                  gconstpointer  data)
{
  CaptionerPhotoView *view;
  GtkEditable *entry;
  const CaptionerMetadata *metadata;
  graphene_rect_t first, second, third, after;
  g_autofree char *sidecar = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *areas = NULL;
  g_autofree char *names = NULL;

  write_lineup (desk->dir);
  g_settings_set_boolean (desk->settings, "face-suggestions", TRUE);
  folder = g_file_new_for_path (desk->dir);
  captioner_window_open (desk->window, &folder, 1);
  view = desk_view (desk);
  entry = captioner_photo_view_get_name_entry (view);
  DESK_WAIT_UNTIL (lineup_is_shown (desk));
  SUGGESTIONS_WAIT_UNTIL (captioner_photo_view_get_n_suggestions (view) == 3);

  /* Left to right, and nothing in the draft. */
  g_assert_true (captioner_photo_view_get_suggestion_bounds (view, 0, &first));
  g_assert_true (captioner_photo_view_get_suggestion_bounds (view, 1, &second));
  g_assert_true (captioner_photo_view_get_suggestion_bounds (view, 2, &third));
  g_assert_cmpfloat (first.origin.x, <, second.origin.x);
  g_assert_cmpfloat (second.origin.x, <, third.origin.x);
  metadata = captioner_window_get_draft (desk->window);
  g_assert_cmpuint (metadata->people->len, ==, 0);
  g_assert_false (captioner_draft_get_dirty (lineup_draft (desk)));

  /* The × at the third one's top-right corner dismisses it. */
  click (desk, third.origin.x + third.size.width - 6, third.origin.y + 6);
  g_assert_cmpuint (captioner_photo_view_get_n_suggestions (view), ==, 2);
  g_assert_false (captioner_photo_view_is_naming (view));
  g_assert_false (captioner_draft_get_dirty (lineup_draft (desk)));

  /* A click inside the first accepts it: a new box there, asking for its name. */
  click (desk, first.origin.x + first.size.width / 2, first.origin.y + first.size.height / 2);
  g_assert_true (captioner_photo_view_is_naming (view));
  g_assert_cmpuint (captioner_photo_view_get_n_suggestions (view), ==, 1);
  DESK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, "Eileen Collins");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  g_assert_false (captioner_photo_view_is_naming (view));
  metadata = captioner_window_get_draft (desk->window);
  g_assert_cmpuint (metadata->people->len, ==, 1);
  g_assert_true (captioner_photo_view_get_person_bounds (view, 0, &after));
  g_assert_cmpfloat_with_epsilon (after.origin.x, first.origin.x, 1.0);
  g_assert_cmpfloat_with_epsilon (after.size.width, first.size.width, 1.0);
  /* The suggestion under the new box is gone; Messi's is left. */
  g_assert_cmpuint (captioner_photo_view_get_n_suggestions (view), ==, 1);

  /* Away and back: the dismissed one stays dismissed. */
  desk_activate (desk, "win.save");
  sidecar = g_build_filename (desk->dir, "0-lineup.jpg.xmp", NULL);
  DESK_WAIT_UNTIL (g_file_test (sidecar, G_FILE_TEST_EXISTS) &&
                   !captioner_window_is_busy (desk->window));
  desk_activate (desk, "win.next");
  DESK_WAIT_UNTIL (!lineup_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (captioner_photo_view_get_n_suggestions (view), ==, 0);
  desk_activate (desk, "win.previous");
  DESK_WAIT_UNTIL (lineup_is_shown (desk));
  SUGGESTIONS_WAIT_UNTIL (captioner_photo_view_get_n_suggestions (view) == 1);
  g_assert_true (captioner_photo_view_get_suggestion_bounds (view, 0, &after));
  g_assert_cmpfloat_with_epsilon (after.origin.x, second.origin.x, 1.0);

  /* The sidecar has the named person and no suggestion. */
  areas = desk_exiftool (desk->dir, "-XMP-mwg-rs:RegionAreaX", "0-lineup.jpg.xmp");
  names = desk_exiftool (desk->dir, "-XMP-mwg-rs:RegionName", "0-lineup.jpg.xmp");
  g_assert_cmpstr (names, ==, "Eileen Collins");
  g_assert_null (strchr (areas, ','));
}

static gboolean
second_is_shown (Desk *desk)
{
  CaptionerPhoto *current = captioner_window_get_current_photo (desk->window);

  return current != NULL &&
         g_str_equal (captioner_photo_get_display_name (current), "0-lineup2.jpg") &&
         !captioner_window_is_busy (desk->window);
}

/* Accepts the first suggestion shown and names it. */
static void
name_first_suggestion (Desk       *desk,
                       const char *name)
{
  CaptionerPhotoView *view = desk_view (desk);
  GtkEditable *entry = captioner_photo_view_get_name_entry (view);
  graphene_rect_t bounds;

  g_assert_true (captioner_photo_view_get_suggestion_bounds (view, 0, &bounds));
  click (desk, bounds.origin.x + bounds.size.width / 2, bounds.origin.y + bounds.size.height / 2);
  DESK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, name);
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
}

/* The second frame of a series: Ctrl+L names the faces found with the previous photo's people
 * left to right and copies its words and credit, in one undo step; with a face fewer it
 * changes nothing. */
static void
test_same_people (Desk          *desk,
                  gconstpointer  data)
{
  CaptionerPhotoView *view;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  graphene_rect_t bounds;

  write_lineup (desk->dir);
  first = g_build_filename (desk->dir, "0-lineup.jpg", NULL);
  second = g_build_filename (desk->dir, "0-lineup2.jpg", NULL);
  g_assert_true (g_file_get_contents (first, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (second, contents, length, NULL));
  g_settings_set_boolean (desk->settings, "face-suggestions", TRUE);
  folder = g_file_new_for_path (desk->dir);
  captioner_window_open (desk->window, &folder, 1);
  view = desk_view (desk);
  DESK_WAIT_UNTIL (lineup_is_shown (desk));
  SUGGESTIONS_WAIT_UNTIL (captioner_photo_view_get_n_suggestions (view) == 3);
  name_first_suggestion (desk, "Eileen Collins");
  name_first_suggestion (desk, "Lionel Messi");
  name_first_suggestion (desk, "Pamela Melroy");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                              captioner_caption_panel_get_body_view (desk_panel (desk))),
                            "pose for a photo.", -1);
  gtk_editable_set_text (captioner_caption_panel_get_field_editable (desk_panel (desk),
                                                                    CAPTIONER_FIELD_CREDIT),
                         "Reuters");
  desk_assert_caption (desk, "From left, Eileen Collins, Lionel Messi and Pamela Melroy pose "
                             "for a photo. (Reuters photo)");

  /* While the first was named, the second's faces were found: they come with the photo. */
  {
    g_autoptr(GFile) next = g_file_new_for_path (second);

    SUGGESTIONS_WAIT_UNTIL (captioner_photo_view_get_faces_known (view, next, 1));
  }
  desk_activate (desk, "win.next");
  DESK_WAIT_UNTIL (second_is_shown (desk));
  g_assert_cmpuint (captioner_photo_view_get_n_suggestions (view), ==, 3);
  desk_activate (desk, "win.same-people");
  desk_assert_caption (desk, "From left, Eileen Collins, Lionel Messi and Pamela Melroy pose "
                             "for a photo. (Reuters photo)");
  g_assert_cmpuint (captioner_window_get_draft (desk->window)->people->len, ==, 3);
  g_assert_cmpuint (captioner_photo_view_get_n_suggestions (view), ==, 0);

  /* One undo step; then a face dismissed: two faces for three people, nothing changes. */
  desk_activate (desk, "win.undo");
  g_assert_cmpuint (captioner_window_get_draft (desk->window)->people->len, ==, 0);
  SUGGESTIONS_WAIT_UNTIL (captioner_photo_view_get_n_suggestions (view) == 3);
  g_assert_true (captioner_photo_view_get_suggestion_bounds (view, 2, &bounds));
  click (desk, bounds.origin.x + bounds.size.width - 6, bounds.origin.y + 6);
  g_assert_cmpuint (captioner_photo_view_get_n_suggestions (view), ==, 2);
  desk_activate (desk, "win.same-people");
  g_assert_cmpuint (captioner_window_get_draft (desk->window)->people->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = desk_init (&argc, &argv);
  int status;

  g_test_add ("/captioner/window/face-suggestions", Desk, NULL, desk_set_up, test_suggestions,
              desk_tear_down);
  g_test_add ("/captioner/window/same-people", Desk, NULL, desk_set_up, test_same_people,
              desk_tear_down);
  status = g_test_run ();
  desk_finish (home);
  return status;
}
