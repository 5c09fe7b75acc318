#include "config.h"

#include <gtk/gtk.h>

#include "captioner-photo-cell.h"

/* What a grid cell shows an editor: the file name, the thumbnail, and the state as a badge
 * (icon and colour class) and as the tooltip's text. */

typedef struct
{
  GtkPicture *picture;
  GtkImage   *badge;
  GtkLabel   *label;
} Parts;

static void
find_parts (GtkWidget *widget,
            Parts     *parts)
{
  if (GTK_IS_PICTURE (widget))
    parts->picture = GTK_PICTURE (widget);
  else if (GTK_IS_IMAGE (widget))
    parts->badge = GTK_IMAGE (widget);
  else if (GTK_IS_LABEL (widget))
    parts->label = GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_parts (child, parts);
}

static GdkTexture *
make_texture (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (16 * 12 * 3), 16 * 12 * 3);

  return gdk_memory_texture_new (16, 12, GDK_MEMORY_R8G8B8, bytes, 16 * 3);
}

/* The badge's state class: exactly one of them, and which. */
static const char *
badge_class (Parts *parts)
{
  static const char * const states[] = { "none", "captioned", "unsaved", "conflict", "error" };
  const char *found = NULL;

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (parts->badge), "badge"));
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (parts->badge), states[i]))
      {
        g_assert_null (found);
        found = states[i];
      }
  g_assert_nonnull (found);
  return found;
}

static void
test_follows_item (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/desk/2026-11-28/summit.jpg");
  g_autoptr(CaptionerPhotoItem) item = captioner_photo_item_new (file);
  g_autoptr(GdkTexture) texture = make_texture ();
  GtkWidget *cell = g_object_ref_sink (captioner_photo_cell_new ());
  g_autofree char *description = NULL;
  Parts parts = { NULL, };

  find_parts (cell, &parts);
  g_assert_nonnull (parts.picture);
  g_assert_nonnull (parts.badge);
  g_assert_nonnull (parts.label);
  g_assert_true (gtk_widget_get_has_tooltip (cell));

  captioner_photo_cell_set_item (CAPTIONER_PHOTO_CELL (cell), item);
  g_assert_true (captioner_photo_cell_get_item (CAPTIONER_PHOTO_CELL (cell)) == item);
  g_assert_cmpstr (gtk_label_get_label (parts.label), ==, "summit.jpg");
  g_assert_null (gtk_picture_get_paintable (parts.picture));
  g_assert_cmpstr (badge_class (&parts), ==, "none");
  g_assert_cmpint (gtk_image_get_storage_type (parts.badge), ==, GTK_IMAGE_EMPTY);

  captioner_photo_item_set_thumbnail (item, texture, TRUE);
  g_assert_true (gtk_picture_get_paintable (parts.picture) == GDK_PAINTABLE (texture));

  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CAPTIONED);
  g_assert_cmpstr (badge_class (&parts), ==, "captioned");
  g_assert_cmpstr (gtk_image_get_icon_name (parts.badge), ==, "emblem-ok-symbolic");
  description = captioner_photo_item_dup_description (item);
  g_assert_cmpstr (description, ==, "summit.jpg — captioned");
  g_clear_pointer (&description, g_free);

  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_UNSAVED);
  g_assert_cmpstr (badge_class (&parts), ==, "unsaved");
  g_assert_cmpstr (gtk_image_get_icon_name (parts.badge), ==, "document-modified-symbolic");
  description = captioner_photo_item_dup_description (item);
  g_assert_cmpstr (description, ==, "summit.jpg — unsaved changes");
  g_clear_pointer (&description, g_free);

  captioner_photo_item_set_error (item, "The file is truncated");
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_ERROR);
  g_assert_cmpstr (badge_class (&parts), ==, "error");
  g_assert_cmpstr (gtk_image_get_icon_name (parts.badge), ==, "dialog-warning-symbolic");
  description = captioner_photo_item_dup_description (item);
  g_assert_cmpstr (description, ==, "summit.jpg — The file is truncated");

  g_object_unref (cell);
}

/* A cell rebound as the grid scrolls shows its new photo and no longer follows the old. */
static void
test_rebound (void)
{
  g_autoptr(GFile) first_file = g_file_new_for_path ("/desk/a.jpg");
  g_autoptr(GFile) second_file = g_file_new_for_path ("/desk/b.jpg");
  g_autoptr(CaptionerPhotoItem) first = captioner_photo_item_new (first_file);
  g_autoptr(CaptionerPhotoItem) second = captioner_photo_item_new (second_file);
  g_autoptr(GdkTexture) texture = make_texture ();
  GtkWidget *cell = g_object_ref_sink (captioner_photo_cell_new ());
  Parts parts = { NULL, };

  find_parts (cell, &parts);
  captioner_photo_item_set_state (first, CAPTIONER_PHOTO_STATE_CAPTIONED);
  captioner_photo_item_set_thumbnail (first, texture, TRUE);
  captioner_photo_cell_set_item (CAPTIONER_PHOTO_CELL (cell), first);
  g_assert_cmpstr (badge_class (&parts), ==, "captioned");

  captioner_photo_cell_set_item (CAPTIONER_PHOTO_CELL (cell), second);
  g_assert_cmpstr (gtk_label_get_label (parts.label), ==, "b.jpg");
  g_assert_cmpstr (badge_class (&parts), ==, "none");
  g_assert_null (gtk_picture_get_paintable (parts.picture));

  /* The old item changing leaves the cell alone. */
  captioner_photo_item_set_state (first, CAPTIONER_PHOTO_STATE_CONFLICT);
  g_assert_cmpstr (badge_class (&parts), ==, "none");

  captioner_photo_cell_set_item (CAPTIONER_PHOTO_CELL (cell), NULL);
  captioner_photo_item_set_state (second, CAPTIONER_PHOTO_STATE_UNSAVED);
  g_assert_cmpstr (badge_class (&parts), ==, "none");
  g_assert_cmpstr (gtk_label_get_label (parts.label), ==, "");

  g_object_unref (cell);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/captioner/photo-cell/follows-item", test_follows_item);
  g_test_add_func ("/captioner/photo-cell/rebound", test_rebound);
  return g_test_run ();
}
