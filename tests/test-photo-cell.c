#include "config.h"

#include <gtk/gtk.h>

#include "captioner-photo-cell.h"
#include "captioner-photo-item.h"
#include "widget-test-util.h"

/* One grid cell in a real window, looked at as the editor sees it: the thumbnail, the badge's
 * icon and style class, the file name, and the tooltip's and screen reader's description. The
 * cell's parts are found by walking its widgets, as nothing else of it is public. */
typedef struct
{
  GtkWidget          *window;
  CaptionerPhotoCell *cell;
  GtkPicture         *picture;
  GtkImage           *badge;
  GtkLabel           *label;
} Desk;

static const char * const state_classes[] = {
  "none", "captioned", "unsaved", "conflict", "error",
};

static GdkTexture *
make_texture (int width,
              int height)
{
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels = g_malloc (width * height * 3);

  for (int i = 0; i < width * height * 3; i++)
    pixels[i] = 40 + i % 170;
  bytes = g_bytes_new_take (pixels, width * height * 3);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, width * 3);
}

static CaptionerPhotoItem *
make_item (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "captioner-cell", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return captioner_photo_item_new (file);
}

static gboolean
is_mapped (Desk *desk)
{
  return gtk_widget_get_mapped (GTK_WIDGET (desk->cell));
}

static void
desk_set_up (Desk          *desk,
             gconstpointer  data)
{
  desk->window = gtk_window_new ();
  desk->cell = CAPTIONER_PHOTO_CELL (captioner_photo_cell_new ());
  gtk_window_set_child (GTK_WINDOW (desk->window), GTK_WIDGET (desk->cell));
  gtk_window_present (GTK_WINDOW (desk->window));
  WIDGET_WAIT_UNTIL (is_mapped (desk), 10);

  desk->picture = GTK_PICTURE (widget_find_type (GTK_WIDGET (desk->cell), GTK_TYPE_PICTURE, NULL));
  desk->badge = GTK_IMAGE (widget_find_type (GTK_WIDGET (desk->cell), GTK_TYPE_IMAGE, "badge"));
  desk->label = GTK_LABEL (widget_find_type (GTK_WIDGET (desk->cell), GTK_TYPE_LABEL, NULL));
  g_assert_nonnull (desk->picture);
  g_assert_nonnull (desk->badge);
  g_assert_nonnull (desk->label);
}

static void
desk_tear_down (Desk          *desk,
                gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The badge shows @icon_name (NULL: no icon) and exactly one state class, @state_class. */
static void
assert_badge (Desk       *desk,
              const char *state_class,
              const char *icon_name)
{
  GtkWidget *badge = GTK_WIDGET (desk->badge);
  g_auto(GStrv) classes = gtk_widget_get_css_classes (badge);
  g_autofree char *joined = g_strjoinv (" ", classes);
  const char *found = NULL;

  g_assert_true (gtk_widget_has_css_class (badge, "badge"));
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    if (gtk_widget_has_css_class (badge, state_classes[i]))
      {
        if (found != NULL)
          g_error ("badge has both %s and %s (classes: %s)", found, state_classes[i], joined);
        found = state_classes[i];
      }
  if (g_strcmp0 (found, state_class) != 0)
    g_error ("badge should be %s, has classes: %s", state_class, joined);

  if (icon_name == NULL)
    g_assert_cmpint (gtk_image_get_storage_type (desk->badge), ==, GTK_IMAGE_EMPTY);
  else
    g_assert_cmpstr (gtk_image_get_icon_name (desk->badge), ==, icon_name);
}

/* Whether anything still follows @item's changes: a cell it left must not. */
static gboolean
is_followed (CaptionerPhotoItem *item)
{
  return g_signal_handler_find (item, G_SIGNAL_MATCH_ID, g_signal_lookup ("notify", G_TYPE_OBJECT),
                                0, NULL, NULL, NULL) != 0;
}

static void
assert_description (Desk       *desk,
                    const char *expected)
{
  g_autofree char *description = NULL;

  description = captioner_photo_item_dup_description (captioner_photo_cell_get_item (desk->cell));
  g_assert_cmpstr (description, ==, expected);
  /* What a screen reader says for the cell. */
  gtk_test_accessible_assert_property (desk->cell, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       expected);
}

static void
test_name (Desk          *desk,
           gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) item = make_item ("photo.jpg");

  g_assert_cmpstr (gtk_label_get_label (desk->label), ==, "");
  captioner_photo_cell_set_item (desk->cell, item);
  g_assert_true (captioner_photo_cell_get_item (desk->cell) == item);
  g_assert_cmpstr (gtk_label_get_label (desk->label), ==, "photo.jpg");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (desk->label)));
}

static void
test_thumbnail (Desk          *desk,
                gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) item = make_item ("photo.jpg");
  g_autoptr(GdkTexture) embedded = make_texture (160, 120);
  g_autoptr(GdkTexture) decoded = make_texture (128, 96);

  captioner_photo_cell_set_item (desk->cell, item);
  g_assert_null (gtk_picture_get_paintable (desk->picture));

  /* The thumbnail from the EXIF header, then the decoded one. */
  captioner_photo_item_set_thumbnail (item, embedded, FALSE);
  g_assert_true (gtk_picture_get_paintable (desk->picture) == GDK_PAINTABLE (embedded));
  captioner_photo_item_set_thumbnail (item, decoded, TRUE);
  g_assert_true (gtk_picture_get_paintable (desk->picture) == GDK_PAINTABLE (decoded));

  /* An item that already has one shows it as soon as it is bound. */
  captioner_photo_cell_set_item (desk->cell, NULL);
  g_assert_null (gtk_picture_get_paintable (desk->picture));
  captioner_photo_cell_set_item (desk->cell, item);
  g_assert_true (gtk_picture_get_paintable (desk->picture) == GDK_PAINTABLE (decoded));
}

static void
test_badge (Desk          *desk,
            gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) item = make_item ("photo.jpg");

  captioner_photo_cell_set_item (desk->cell, item);
  assert_badge (desk, "none", NULL);

  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_NOT_CAPTIONED);
  assert_badge (desk, "none", NULL);
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CAPTIONED);
  assert_badge (desk, "captioned", "emblem-ok-symbolic");
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_UNSAVED);
  assert_badge (desk, "unsaved", "document-modified-symbolic");
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CONFLICT);
  assert_badge (desk, "conflict", "emblem-shared-symbolic");
  captioner_photo_item_set_error (item, "Not a JPEG file");
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_ERROR);
  assert_badge (desk, "error", "dialog-warning-symbolic");
  /* Back to no badge: the icon goes as well as the class. */
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_NOT_CAPTIONED);
  assert_badge (desk, "none", NULL);
}

/* The tooltip is made from the item's description when GTK asks for it; the same words go to
 * screen readers as the cell's description. */
static void
test_tooltip (Desk          *desk,
              gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) item = make_item ("photo.jpg");

  captioner_photo_cell_set_item (desk->cell, item);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (desk->cell)));
  assert_description (desk, "photo.jpg");

  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CAPTIONED);
  assert_description (desk, "photo.jpg — captioned");
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_UNSAVED);
  assert_description (desk, "photo.jpg — unsaved changes");
  captioner_photo_item_set_error (item, "Error interpreting JPEG image file");
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_ERROR);
  assert_description (desk, "photo.jpg — Error interpreting JPEG image file");
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (desk->cell)));
}

/* A cell given back by the grid no longer follows its old item. */
static void
test_unbind (Desk          *desk,
             gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) item = make_item ("photo.jpg");
  g_autoptr(GdkTexture) thumbnail = make_texture (128, 96);

  captioner_photo_cell_set_item (desk->cell, item);
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_UNSAVED);
  assert_badge (desk, "unsaved", "document-modified-symbolic");

  g_assert_true (is_followed (item));
  captioner_photo_cell_set_item (desk->cell, NULL);
  g_assert_false (is_followed (item));
  g_assert_null (captioner_photo_cell_get_item (desk->cell));
  assert_badge (desk, "none", NULL);
  g_assert_cmpstr (gtk_label_get_label (desk->label), ==, "");

  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CAPTIONED);
  captioner_photo_item_set_thumbnail (item, thumbnail, TRUE);
  assert_badge (desk, "none", NULL);
  g_assert_null (gtk_picture_get_paintable (desk->picture));
  g_assert_cmpstr (gtk_label_get_label (desk->label), ==, "");
}

/* A cell the grid drops while its item stays in the folder lets go of the item. */
static void
test_destroyed (Desk          *desk,
                gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) item = make_item ("photo.jpg");
  g_autoptr(GdkTexture) thumbnail = make_texture (128, 96);

  captioner_photo_cell_set_item (desk->cell, item);
  g_object_add_weak_pointer (G_OBJECT (desk->cell), (gpointer *) &desk->cell);
  gtk_window_set_child (GTK_WINDOW (desk->window), NULL);
  g_assert_null (desk->cell);
  g_assert_false (is_followed (item));

  /* Its changes reach no freed cell. */
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CAPTIONED);
  captioner_photo_item_set_thumbnail (item, thumbnail, TRUE);
}

/* A cell rebound as the grid scrolls shows the new item, and only the new item. */
static void
test_rebind (Desk          *desk,
             gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) first = make_item ("a-summit.jpg");
  g_autoptr(CaptionerPhotoItem) second = make_item ("Yerevan café.jpg");

  captioner_photo_item_set_state (first, CAPTIONER_PHOTO_STATE_CAPTIONED);
  captioner_photo_cell_set_item (desk->cell, first);
  g_assert_cmpstr (gtk_label_get_label (desk->label), ==, "a-summit.jpg");
  assert_badge (desk, "captioned", "emblem-ok-symbolic");

  captioner_photo_cell_set_item (desk->cell, second);
  g_assert_false (is_followed (first));
  g_assert_cmpstr (gtk_label_get_label (desk->label), ==, "Yerevan café.jpg");
  assert_badge (desk, "none", NULL);
  assert_description (desk, "Yerevan café.jpg");

  captioner_photo_item_set_state (first, CAPTIONER_PHOTO_STATE_UNSAVED);
  assert_badge (desk, "none", NULL);
  captioner_photo_item_set_state (second, CAPTIONER_PHOTO_STATE_UNSAVED);
  assert_badge (desk, "unsaved", "document-modified-symbolic");
  assert_description (desk, "Yerevan café.jpg — unsaved changes");
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: nothing is written, and it would hide the icon themes the
   * badge's icons come from. GTK's test accessibility backend in place of the suite's "none",
   * which gives widgets no accessible state to check; it talks to no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add ("/captioner/photo-cell/name", Desk, NULL,
              desk_set_up, test_name, desk_tear_down);
  g_test_add ("/captioner/photo-cell/thumbnail", Desk, NULL,
              desk_set_up, test_thumbnail, desk_tear_down);
  g_test_add ("/captioner/photo-cell/badge", Desk, NULL,
              desk_set_up, test_badge, desk_tear_down);
  g_test_add ("/captioner/photo-cell/tooltip", Desk, NULL,
              desk_set_up, test_tooltip, desk_tear_down);
  g_test_add ("/captioner/photo-cell/unbind", Desk, NULL,
              desk_set_up, test_unbind, desk_tear_down);
  g_test_add ("/captioner/photo-cell/destroyed", Desk, NULL,
              desk_set_up, test_destroyed, desk_tear_down);
  g_test_add ("/captioner/photo-cell/rebind", Desk, NULL,
              desk_set_up, test_rebind, desk_tear_down);

  return g_test_run ();
}
