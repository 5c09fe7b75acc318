#include "config.h"

#include <gtk/gtk.h>

#include "captioner-face-detect.h"
#include "captioner-person.h"
#include "captioner-photo-view.h"
#include "widget-test-util.h"

/* The view in a real window, with a test "desk" in the window's place: it owns the people,
 * applies the view's signals to them and gives them back, and logs every signal as text. */
typedef struct
{
  GtkWidget          *window;
  CaptionerPhotoView *view;
  GPtrArray          *people;
  int                 orientation;
  GPtrArray          *log;
} Desk;

#define WINDOW_WIDTH  800
#define WINDOW_HEIGHT 600

static GdkTexture *
make_texture (int width,
              int height)
{
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels = g_malloc (width * height * 3);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (y * width + x) * 3;

        p[0] = 40 + 120 * x / width;
        p[1] = 70 + 100 * y / height;
        p[2] = 110;
      }
  bytes = g_bytes_new_take (pixels, width * height * 3);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, width * 3);
}

static gboolean
is_laid_out (Desk *desk)
{
  return gtk_widget_get_width (GTK_WIDGET (desk->view)) == WINDOW_WIDTH &&
         gtk_widget_get_height (GTK_WIDGET (desk->view)) == WINDOW_HEIGHT;
}

static gboolean
entry_is_mapped (Desk *desk)
{
  return gtk_widget_get_mapped (GTK_WIDGET (captioner_photo_view_get_name_entry (desk->view)));
}

static void
give_people (Desk *desk)
{
  captioner_photo_view_set_people (desk->view, desk->people, desk->orientation);
}

static void
log_event (Desk       *desk,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
log_event (Desk       *desk,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (desk->log, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
on_person_added_cb (CaptionerPhotoView *view,
                    const char         *name,
                    double              x,
                    double              y,
                    double              w,
                    double              h,
                    Desk               *desk)
{
  CaptionerRect displayed = { x, y, w, h };

  log_event (desk, "added %s %.4f,%.4f,%.4f,%.4f", name, x, y, w, h);
  g_ptr_array_add (desk->people,
                   captioner_person_new_displayed (name, &displayed, desk->orientation));
  give_people (desk);
}

static void
on_person_changed_cb (CaptionerPhotoView *view,
                      guint               index,
                      double              x,
                      double              y,
                      double              w,
                      double              h,
                      Desk               *desk)
{
  CaptionerPerson *person = g_ptr_array_index (desk->people, index);
  CaptionerRect displayed = { x, y, w, h };

  log_event (desk, "changed %u %.4f,%.4f,%.4f,%.4f", index, x, y, w, h);
  captioner_orientation_to_stored (desk->orientation, &displayed, &person->region);
  person->has_region = TRUE;
  give_people (desk);
}

static void
on_person_removed_cb (CaptionerPhotoView *view,
                      guint               index,
                      Desk               *desk)
{
  log_event (desk, "removed %u", index);
  g_ptr_array_remove_index (desk->people, index);
  give_people (desk);
}

static void
on_person_renamed_cb (CaptionerPhotoView *view,
                      guint               index,
                      const char         *name,
                      Desk               *desk)
{
  CaptionerPerson *person = g_ptr_array_index (desk->people, index);

  log_event (desk, "renamed %u %s", index, name);
  g_free (person->name);
  person->name = g_strdup (name);
  give_people (desk);
}

static void
desk_set_up (Desk          *desk,
             gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = make_texture (400, 300);

  desk->people = captioner_people_new ();
  desk->orientation = 1;
  desk->log = g_ptr_array_new_with_free_func (g_free);

  desk->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (desk->window), WINDOW_WIDTH, WINDOW_HEIGHT);
  desk->view = CAPTIONER_PHOTO_VIEW (captioner_photo_view_new ());
  captioner_photo_view_set_texture (desk->view, texture);
  gtk_window_set_child (GTK_WINDOW (desk->window), GTK_WIDGET (desk->view));
  g_signal_connect (desk->view, "person-added", G_CALLBACK (on_person_added_cb), desk);
  g_signal_connect (desk->view, "person-changed", G_CALLBACK (on_person_changed_cb), desk);
  g_signal_connect (desk->view, "person-removed", G_CALLBACK (on_person_removed_cb), desk);
  g_signal_connect (desk->view, "person-renamed", G_CALLBACK (on_person_renamed_cb), desk);
  give_people (desk);

  gtk_window_present (GTK_WINDOW (desk->window));
  /* The 400×300 texture fits the 800×600 view exactly at twice its size: a widget pixel is
   * 1/800 of the width and 1/600 of the height. */
  WIDGET_WAIT_UNTIL (is_laid_out (desk), 10);
}

static void
desk_tear_down (Desk          *desk,
                gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_ptr_array_unref (desk->people);
  g_ptr_array_unref (desk->log);
}

static void
assert_log (Desk       *desk,
            const char *expected)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (desk->log, NULL);
  joined = g_strjoinv ("\n", (char **) desk->log->pdata);
  g_ptr_array_set_size (desk->log, desk->log->len - 1);
  g_assert_cmpstr (joined, ==, expected);
  g_ptr_array_set_size (desk->log, 0);
}

/* What Enter in the entry does: its text activates, and the entry passes that on. */
static void
press_enter (GtkEditable *entry)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
}

/* Draws a box as the mouse would and names it through the entry, pressing Enter. */
static void
tag (Desk       *desk,
     double      x0,
     double      y0,
     double      x1,
     double      y1,
     const char *name)
{
  GtkEditable *entry = captioner_photo_view_get_name_entry (desk->view);

  captioner_photo_view_drag_box (desk->view, x0, y0, x1, y1);
  g_assert_true (captioner_photo_view_is_naming (desk->view));
  WIDGET_WAIT_UNTIL (entry_is_mapped (desk), 10);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry))) ==
                 GTK_WIDGET (gtk_editable_get_delegate (entry)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  gtk_editable_set_text (entry, name);
  press_enter (entry);
  g_assert_false (captioner_photo_view_is_naming (desk->view));
}

static void
assert_bounds (Desk   *desk,
               guint   index,
               double  x,
               double  y,
               double  w,
               double  h)
{
  graphene_rect_t bounds;

  g_assert_true (captioner_photo_view_get_person_bounds (desk->view, index, &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, x, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds.origin.y, y, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds.size.width, w, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds.size.height, h, 0.01);
}

static void
test_tag_three (Desk          *desk,
                gconstpointer  data)
{
  /* Middle, right, then left; the right one drawn from its bottom-right corner. */
  tag (desk, 360, 120, 440, 300, "Ararat Mirzoyan");
  tag (desk, 720, 330, 640, 150, "Anna Hakobyan");
  tag (desk, 80, 90, 200, 270, "Nikol Pashinyan");
  assert_log (desk,
              "added Ararat Mirzoyan 0.4500,0.2000,0.1000,0.3000\n"
              "added Anna Hakobyan 0.8000,0.2500,0.1000,0.3000\n"
              "added Nikol Pashinyan 0.1000,0.1500,0.1500,0.3000");

  /* Numbered left to right as shown, whatever the order of tagging. */
  g_assert_cmpuint (desk->people->len, ==, 3);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 0), ==, 2);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 1), ==, 3);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 2), ==, 1);
  assert_bounds (desk, 1, 640, 150, 80, 180);
}

/* A photo turned by EXIF orientation 6: boxes come in as stored and are numbered as shown. */
static void
test_orientation (Desk          *desk,
                  gconstpointer  data)
{
  g_autoptr(GdkTexture) portrait = make_texture (300, 400);
  const CaptionerRect a = { 0.1, 0.1, 0.1, 0.1 };   /* shown at the right */
  const CaptionerRect b = { 0.5, 0.8, 0.1, 0.1 };   /* shown at the left */
  const CaptionerRect c = { 0.8, 0.4, 0.1, 0.1 };   /* shown in the middle */
  CaptionerPerson *added;

  desk->orientation = 6;
  g_ptr_array_add (desk->people, captioner_person_new ("A", &a));
  g_ptr_array_add (desk->people, captioner_person_new ("B", &b));
  g_ptr_array_add (desk->people, captioner_person_new ("C", &c));
  captioner_photo_view_set_texture (desk->view, portrait);
  give_people (desk);

  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 0), ==, 3);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 1), ==, 1);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 2), ==, 2);

  /* The 300×400 texture fits as 450×600, 175 px from the left. B as stored is (0.5, 0.8),
   * shown at (0.1, 0.5). */
  assert_bounds (desk, 1, 175 + 0.1 * 450, 0.5 * 600, 45, 60);

  /* A box drawn on the turned photo comes out as shown; stored, it lands back under the
   * mouse, and it is the leftmost. */
  tag (desk, 185, 100, 230, 250, "D");
  assert_log (desk, "added D 0.0222,0.1667,0.1000,0.2500");
  added = g_ptr_array_index (desk->people, 3);
  g_assert_cmpfloat_with_epsilon (added->region.x, 0.1667, 0.001);
  g_assert_cmpfloat_with_epsilon (added->region.y, 1 - 0.0222 - 0.1, 0.001);
  g_assert_cmpfloat_with_epsilon (added->region.w, 0.25, 0.001);
  g_assert_cmpfloat_with_epsilon (added->region.h, 0.1, 0.001);
  assert_bounds (desk, 3, 185, 100, 45, 150);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 3), ==, 1);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 1), ==, 2);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 2), ==, 3);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 0), ==, 4);
}

static void
test_cancel (Desk          *desk,
             gconstpointer  data)
{
  GtkEditable *entry = captioner_photo_view_get_name_entry (desk->view);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);

  /* Escape closes the popover: the box and the name are gone. */
  captioner_photo_view_drag_box (desk->view, 100, 100, 300, 300);
  WIDGET_WAIT_UNTIL (entry_is_mapped (desk), 10);
  gtk_editable_set_text (entry, "Nobody");
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_false (captioner_photo_view_is_naming (desk->view));
  g_assert_cmpuint (desk->people->len, ==, 0);

  /* Enter on an empty name keeps the entry open. */
  captioner_photo_view_drag_box (desk->view, 100, 100, 300, 300);
  WIDGET_WAIT_UNTIL (entry_is_mapped (desk), 10);
  gtk_editable_set_text (entry, "   ");
  press_enter (entry);
  g_assert_true (captioner_photo_view_is_naming (desk->view));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  /* Pressing on the photo while naming drops the box being named. */
  captioner_photo_view_drag_box (desk->view, 500, 500, 502, 501);
  g_assert_false (captioner_photo_view_is_naming (desk->view));

  /* Going to another photo drops the box being named. */
  captioner_photo_view_drag_box (desk->view, 100, 100, 300, 300);
  g_assert_true (captioner_photo_view_is_naming (desk->view));
  {
    g_autoptr(GdkTexture) next = make_texture (200, 150);

    captioner_photo_view_set_texture (desk->view, next);
  }
  g_assert_false (captioner_photo_view_is_naming (desk->view));

  /* A drag of a few pixels is a click: no box. */
  captioner_photo_view_drag_box (desk->view, 400, 400, 403, 402);
  g_assert_false (captioner_photo_view_is_naming (desk->view));
  captioner_photo_view_drag_box (desk->view, 400, 400, 600, 402);
  g_assert_false (captioner_photo_view_is_naming (desk->view));
  g_assert_cmpuint (desk->log->len, ==, 0);
}

static void
test_select_remove (Desk          *desk,
                    gconstpointer  data)
{
  tag (desk, 100, 100, 200, 300, "Left");
  tag (desk, 500, 100, 600, 300, "Right");
  g_ptr_array_set_size (desk->log, 0);
  g_assert_cmpint (captioner_photo_view_get_selected (desk->view), ==, -1);
  /* Nothing selected: Delete does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (desk->view), "person.remove", NULL);
  g_assert_cmpuint (desk->log->len, ==, 0);

  /* A click inside a box selects it; a click beside clears the selection. */
  captioner_photo_view_drag_box (desk->view, 550, 200, 551, 200);
  g_assert_cmpint (captioner_photo_view_get_selected (desk->view), ==, 1);
  captioner_photo_view_drag_box (desk->view, 300, 450, 300, 450);
  g_assert_cmpint (captioner_photo_view_get_selected (desk->view), ==, -1);
  captioner_photo_view_drag_box (desk->view, 150, 200, 150, 200);
  g_assert_cmpint (captioner_photo_view_get_selected (desk->view), ==, 0);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (desk->view)));

  /* Delete. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->view), "person.remove", NULL));
  assert_log (desk, "removed 0");
  g_assert_cmpuint (desk->people->len, ==, 1);
  g_assert_cmpstr (((CaptionerPerson *) g_ptr_array_index (desk->people, 0))->name, ==, "Right");
  g_assert_cmpint (captioner_photo_view_get_selected (desk->view), ==, 0);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk->view, 0), ==, 1);
}

/* The keyboard does what the mouse does: Insert boxes a person, ] and [ select, the arrows
 * move, Shift with the arrows resizes, Delete removes; the photo tells a screen reader its
 * boxes by number and name. */
static void
test_keyboard (Desk          *desk,
               gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (desk->view);
  GtkEditable *entry = captioner_photo_view_get_name_entry (desk->view);

  tag (desk, 500, 120, 600, 240, "Right");
  g_ptr_array_set_size (desk->log, 0);
  gtk_widget_activate_action (view, "person.new", NULL);
  g_assert_true (captioner_photo_view_is_naming (desk->view));
  WIDGET_WAIT_UNTIL (entry_is_mapped (desk), 10);
  gtk_editable_set_text (entry, "Middle");
  press_enter (entry);
  assert_log (desk, "added Middle 0.4000,0.3000,0.2000,0.3000");

  /* ] from nothing selected: box 1 (the left one, "Middle"); again: box 2 ("Right"); [ back. */
  gtk_widget_activate_action (view, "person.select", "i", 1);
  gtk_widget_activate_action (view, "person.select", "i", 1);
  g_assert_cmpint (captioner_photo_view_get_selected (desk->view), ==, 0);
  gtk_widget_activate_action (view, "person.select", "i", -1);
  g_assert_cmpint (captioner_photo_view_get_selected (desk->view), ==, 1);
  gtk_widget_activate_action (view, "person.nudge", "(iiii)", 1, -5, 0, 0);
  assert_log (desk, "changed 1 0.4100,0.2500,0.2000,0.3000");
  gtk_widget_activate_action (view, "person.nudge", "(iiii)", 0, 0, -1, 5);
  assert_log (desk, "changed 1 0.4100,0.2500,0.1900,0.3500");
  gtk_widget_activate_action (view, "person.remove", NULL);
  assert_log (desk, "removed 1");
}

static void
test_move_resize (Desk          *desk,
                  gconstpointer  data)
{
  tag (desk, 100, 120, 200, 240, "Moved");
  g_ptr_array_set_size (desk->log, 0);

  /* Dragging inside the box moves it, size kept. */
  captioner_photo_view_drag_box (desk->view, 150, 180, 250, 210);
  assert_log (desk, "changed 0 0.2500,0.2500,0.1250,0.2000");
  assert_bounds (desk, 0, 200, 150, 100, 120);
  g_assert_cmpint (captioner_photo_view_get_selected (desk->view), ==, 0);

  /* Dragging the selected box's bottom-right handle resizes it; the top left stays. */
  captioner_photo_view_drag_box (desk->view, 300, 270, 340, 330);
  assert_log (desk, "changed 0 0.2500,0.2500,0.1750,0.3000");
  assert_bounds (desk, 0, 200, 150, 140, 180);

  /* The top-left handle: the bottom right stays. */
  captioner_photo_view_drag_box (desk->view, 200, 150, 160, 120);
  assert_log (desk, "changed 0 0.2000,0.2000,0.2250,0.3500");

  /* A box moved past the edge stops at the edge. */
  captioner_photo_view_drag_box (desk->view, 250, 250, 1200, 900);
  assert_log (desk, "changed 0 0.7750,0.6500,0.2250,0.3500");

  /* A click in the box moves nothing. */
  captioner_photo_view_drag_box (desk->view, 700, 500, 702, 501);
  g_assert_cmpuint (desk->log->len, ==, 0);
}

static void
test_rename (Desk          *desk,
             gconstpointer  data)
{
  GtkEditable *entry = captioner_photo_view_get_name_entry (desk->view);

  tag (desk, 100, 100, 200, 300, "Ararat Mirzoyn");
  g_ptr_array_set_size (desk->log, 0);
  gtk_widget_activate_action (GTK_WIDGET (desk->view), "person.rename", NULL);
  g_assert_false (captioner_photo_view_is_naming (desk->view));

  captioner_photo_view_set_selected (desk->view, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->view), "person.rename", NULL));
  g_assert_true (captioner_photo_view_is_naming (desk->view));
  WIDGET_WAIT_UNTIL (entry_is_mapped (desk), 10);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Ararat Mirzoyn");
  gtk_editable_set_text (entry, "Armenian Foreign Minister Ararat Mirzoyan");
  press_enter (entry);
  assert_log (desk, "renamed 0 Armenian Foreign Minister Ararat Mirzoyan");
  g_assert_cmpstr (((CaptionerPerson *) g_ptr_array_index (desk->people, 0))->name, ==,
                   "Armenian Foreign Minister Ararat Mirzoyan");
}

static void
test_zoom (Desk          *desk,
           gconstpointer  data)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (desk->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 0);

  /* At 100% the view asks for the texture's pixels, for a scrolled window to scroll. */
  captioner_photo_view_set_zoom_fit (desk->view, FALSE);
  gtk_widget_measure (GTK_WIDGET (desk->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 400);
  g_assert_cmpint (natural, ==, 400);
  gtk_widget_measure (GTK_WIDGET (desk->view), GTK_ORIENTATION_VERTICAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add ("/captioner/photo-view/tag-three", Desk, NULL,
              desk_set_up, test_tag_three, desk_tear_down);
  g_test_add ("/captioner/photo-view/orientation", Desk, NULL,
              desk_set_up, test_orientation, desk_tear_down);
  g_test_add ("/captioner/photo-view/cancel", Desk, NULL,
              desk_set_up, test_cancel, desk_tear_down);
  g_test_add ("/captioner/photo-view/select-remove", Desk, NULL,
              desk_set_up, test_select_remove, desk_tear_down);
  g_test_add ("/captioner/photo-view/keyboard", Desk, NULL,
              desk_set_up, test_keyboard, desk_tear_down);
  g_test_add ("/captioner/photo-view/move-resize", Desk, NULL,
              desk_set_up, test_move_resize, desk_tear_down);
  g_test_add ("/captioner/photo-view/rename", Desk, NULL,
              desk_set_up, test_rename, desk_tear_down);
  g_test_add ("/captioner/photo-view/zoom", Desk, NULL,
              desk_set_up, test_zoom, desk_tear_down);

  status = g_test_run ();
  /* The face model unpacks in a thread from the first view on: not at exit. */
  captioner_face_detect_drain ();
  return status;
}
