#include "config.h"

#include <glib/gstdio.h>

#include "widget-test-util.h"
#include "window-test-util.h"

#define N_PHOTOS 400

/* Whether the grid shows item's cell whole, within its visible height. */
static gboolean
cell_on_screen (Desk               *desk,
                GtkWidget          *grid,
                CaptionerPhotoItem *item)
{
  GtkWidget *cell = desk_find_cell (desk, item);
  graphene_rect_t bounds;

  return cell != NULL && gtk_widget_get_mapped (cell) &&
         gtk_widget_compute_bounds (cell, grid, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (grid) + 1;
}

/* A wire desk scrolls to the newest photos, at the end of the folder: opening the folder on
 * its last photo must make the thumbnails on screen before those of the photos in between. */
static void
test_on_screen_first (Desk          *desk,
                      gconstpointer  data)
{
  g_autofree char *many = g_build_filename (desk->dir, "many", NULL);
  g_autofree char *first_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *last_name = g_strdup_printf ("p%03u.jpg", N_PHOTOS - 1);
  g_autofree char *last_path = g_build_filename (many, last_name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (many);
  g_autoptr(GFile) last = g_file_new_for_path (last_path);
  /* The photo named first, as a file manager may pass it: still listed in the folder's order. */
  GFile *files[] = { last, folder };
  GListModel *photos = captioner_window_get_photos (desk->window);
  g_autoptr(GError) error = NULL;
  CaptionerPhotoItem *item;
  guint decoded = 0;
  gsize length;

  g_assert_cmpint (g_mkdir (many, 0700), ==, 0);
  desk_write_jpeg (many, "p000.jpg", 0x6080a0ff);
  first_path = g_build_filename (many, "p000.jpg", NULL);
  g_file_get_contents (first_path, &contents, &length, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < N_PHOTOS; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%03u.jpg", i);
      g_autofree char *path = g_build_filename (many, name, NULL);

      g_file_set_contents (path, contents, length, &error);
      g_assert_no_error (error);
    }

  captioner_window_open (desk->window, files, G_N_ELEMENTS (files));
  DESK_WAIT_UNTIL (g_list_model_get_n_items (photos) == N_PHOTOS);
  g_assert_cmpstr (captioner_photo_item_get_name (desk_item_at (desk, 0)), ==, "p000.jpg");
  item = desk_item_at (desk, N_PHOTOS - 1);
  g_assert_cmpstr (captioner_photo_item_get_name (item), ==, last_name);
  /* The grid shows the photo it opened on. */
  DESK_WAIT_UNTIL (cell_on_screen (desk,
                                   widget_find_type (GTK_WIDGET (desk->window),
                                                     GTK_TYPE_GRID_VIEW, NULL),
                                   item));
  DESK_WAIT_UNTIL (captioner_photo_item_has_decoded_thumbnail (item));

  for (guint i = 0; i < N_PHOTOS; i++)
    decoded += captioner_photo_item_has_decoded_thumbnail (desk_item_at (desk, i));
  g_test_message ("%u of %u thumbnails made when the last photo's came", decoded, N_PHOTOS);
  /* The photos in the middle are neither on screen nor first in the folder. */
  g_assert_false (captioner_photo_item_has_decoded_thumbnail (desk_item_at (desk, N_PHOTOS / 2)));
  g_assert_cmpuint (decoded, <, N_PHOTOS / 2);

  /* And the rest of the folder still gets its thumbnails, for the next time it is opened. */
  DESK_WAIT_UNTIL (captioner_photo_item_has_decoded_thumbnail (desk_item_at (desk, N_PHOTOS / 2)) &&
                   captioner_photo_item_has_decoded_thumbnail (desk_item_at (desk, 0)) &&
                   !captioner_window_is_busy (desk->window));
}

/* Widening the grid's pane shows more columns, and narrowing it fewer (the grid keeps its
 * most columns at what its width holds, so that it makes no cells for columns it cannot
 * show). */
static void
test_columns_follow_width (Desk          *desk,
                           gconstpointer  data)
{
  GtkGridView *grid = GTK_GRID_VIEW (widget_find_type (GTK_WIDGET (desk->window),
                                                        GTK_TYPE_GRID_VIEW, NULL));
  GtkPaned *paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_PANED));

  desk_open_folder (desk);
  DESK_WAIT_UNTIL (gtk_grid_view_get_max_columns (grid) == 2);
  gtk_paned_set_position (paned, 600);
  DESK_WAIT_UNTIL (gtk_grid_view_get_max_columns (grid) == 4);
  gtk_paned_set_position (paned, 290);
  DESK_WAIT_UNTIL (gtk_grid_view_get_max_columns (grid) == 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = desk_init (&argc, &argv);
  int status;

  g_test_add ("/captioner/window/thumbnails-on-screen-first", Desk, NULL, desk_set_up,
              test_on_screen_first, desk_tear_down);
  g_test_add ("/captioner/window/grid-columns-follow-width", Desk, NULL, desk_set_up,
              test_columns_follow_width, desk_tear_down);
  status = g_test_run ();
  desk_finish (home);
  return status;
}
