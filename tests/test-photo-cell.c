#include "config.h"

#include <gtk/gtk.h>

#include "captioner-photo-cell.h"
#include "captioner-photo-item.h"
#include "widget-test-util.h"

/* One grid cell in a real window, looked at as the editor sees it: the thumbnail, the badge's
 * icon and state, the file name, and the tooltip's and screen reader's description; and, in
 * /render, the pixels it draws. */
typedef struct
{
  GtkWidget          *window;
  CaptionerPhotoCell *cell;
} Desk;

/* A width × height RGB texture of colour (r, g, b), or, with r < 0, of varied pixels. */
static GdkTexture *
make_texture_of (int width,
                 int height,
                 int r,
                 int g,
                 int b)
{
  g_autoptr(GBytes) bytes = NULL;
  guint8 *pixels = g_malloc (width * height * 3);

  for (int i = 0; i < width * height * 3; i++)
    pixels[i] = r < 0 ? 40 + i % 170 : (guint8) (i % 3 == 0 ? r : i % 3 == 1 ? g : b);
  bytes = g_bytes_new_take (pixels, width * height * 3);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, width * 3);
}

static GdkTexture *
make_texture (int width,
              int height)
{
  return make_texture_of (width, height, -1, 0, 0);
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
}

static void
desk_tear_down (Desk          *desk,
                gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The badge shows @icon_name (NULL: no badge) in the colours of @state_class. */
static void
assert_badge (Desk       *desk,
              const char *state_class,
              const char *icon_name)
{
  g_assert_cmpstr (captioner_photo_cell_get_badge_class (desk->cell), ==, state_class);
  g_assert_cmpstr (captioner_photo_cell_get_badge_icon_name (desk->cell), ==, icon_name);
}

/* The cell as the screen shows it: what it draws, rendered with GTK's software renderer, as
 * 4-byte pixels (B, G, R, A, premultiplied), width × height. */
static guint8 *
render_cell (Desk *desk,
             int  *width,
             int  *height)
{
  GtkWidget *widget = GTK_WIDGET (desk->cell);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guint8 *pixels;

  WIDGET_WAIT_UNTIL (gtk_widget_get_width (widget) > 0, 10);
  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;  /* nothing drawn */
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  gsk_renderer_unrealize (renderer);
  pixels = g_malloc (*width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);
  return pixels;
}

static const guint8 *
pixel_at (const guint8 *pixels,
          int           width,
          int           x,
          int           y)
{
  return pixels + (y * width + x) * 4;
}

/* Opaque and of colour (r, g, b), give or take the rounding of blending. */
static gboolean
is_colour (const guint8 *pixel,
           int           r,
           int           g,
           int           b)
{
  return pixel[3] == 255 && ABS (pixel[2] - r) <= 2 && ABS (pixel[1] - g) <= 2 &&
         ABS (pixel[0] - b) <= 2;
}

/* What the editor sees: the thumbnail pixel for pixel, centred in its 128 × 96 box; the badge
 * a disc in the thumbnail's top right corner, in the theme's colour for the state; the name
 * underneath. Nothing of an item is drawn once the cell is given none. */
static void
test_render (Desk          *desk,
             gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) item = make_item ("photo.jpg");
  g_autoptr(GdkTexture) red = make_texture_of (128, 85, 200, 0, 0);
  g_autofree guint8 *plain = NULL;
  g_autofree guint8 *captioned = NULL;
  g_autofree guint8 *empty = NULL;
  int width, height, left, top, name_pixels = 0;
  const guint8 *badge;

  captioner_photo_cell_set_item (desk->cell, item);
  captioner_photo_item_set_thumbnail (item, red, TRUE);
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_NOT_CAPTIONED);
  plain = render_cell (desk, &width, &height);
  g_assert_cmpint (width, >=, 128);
  g_assert_cmpint (height, >, 96);
  left = (width - 128) / 2;
  top = (96 - 85) / 2;

  /* The thumbnail, edge to edge, unscaled: its corners are the thumbnail's colour, and just
   * outside them is nothing. */
  g_assert_true (is_colour (pixel_at (plain, width, left, top), 200, 0, 0));
  g_assert_true (is_colour (pixel_at (plain, width, left + 127, top + 84), 200, 0, 0));
  g_assert_cmpint (pixel_at (plain, width, left + 64, top - 1)[3], ==, 0);
  g_assert_cmpint (pixel_at (plain, width, left + 64, top + 85)[3], ==, 0);
  /* No badge for a photo without a caption: the thumbnail shows where it would be. */
  g_assert_true (is_colour (pixel_at (plain, width, left + 115, top + 22), 200, 0, 0));
  /* The name, under the thumbnail. */
  for (int y = 96; y < height; y++)
    for (int x = 0; x < width; x++)
      name_pixels += pixel_at (plain, width, x, y)[3] != 0;
  g_assert_cmpint (name_pixels, >, 20);

  /* Captioned: a disc of the theme's success colour (green) over the corner, below its icon. */
  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CAPTIONED);
  captioned = render_cell (desk, &width, &height);
  badge = pixel_at (captioned, width, left + 115, top + 22);
  g_assert_cmpint (badge[3], ==, 255);
  g_assert_cmpint (badge[1], >, badge[2]);
  g_assert_cmpint (badge[1], >, 100);
  g_assert_true (is_colour (pixel_at (captioned, width, left + 64, top + 42), 200, 0, 0));

  captioner_photo_cell_set_item (desk->cell, NULL);
  empty = render_cell (desk, &width, &height);
  g_assert_null (empty);
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

  g_assert_cmpstr (captioner_photo_cell_get_name (desk->cell), ==, "");
  captioner_photo_cell_set_item (desk->cell, item);
  g_assert_true (captioner_photo_cell_get_item (desk->cell) == item);
  g_assert_cmpstr (captioner_photo_cell_get_name (desk->cell), ==, "photo.jpg");
  gtk_test_accessible_assert_property (desk->cell, GTK_ACCESSIBLE_PROPERTY_LABEL, "photo.jpg");
}

static void
test_thumbnail (Desk          *desk,
                gconstpointer  data)
{
  g_autoptr(CaptionerPhotoItem) item = make_item ("photo.jpg");
  g_autoptr(GdkTexture) embedded = make_texture (160, 120);
  g_autoptr(GdkTexture) decoded = make_texture (128, 96);

  captioner_photo_cell_set_item (desk->cell, item);
  g_assert_null (captioner_photo_cell_get_thumbnail (desk->cell));

  /* The thumbnail from the EXIF header, then the decoded one. */
  captioner_photo_item_set_thumbnail (item, embedded, FALSE);
  g_assert_true (captioner_photo_cell_get_thumbnail (desk->cell) == embedded);
  captioner_photo_item_set_thumbnail (item, decoded, TRUE);
  g_assert_true (captioner_photo_cell_get_thumbnail (desk->cell) == decoded);

  /* An item that already has one shows it as soon as it is bound. */
  captioner_photo_cell_set_item (desk->cell, NULL);
  g_assert_null (captioner_photo_cell_get_thumbnail (desk->cell));
  captioner_photo_cell_set_item (desk->cell, item);
  g_assert_true (captioner_photo_cell_get_thumbnail (desk->cell) == decoded);
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
  g_assert_cmpstr (captioner_photo_cell_get_name (desk->cell), ==, "");

  captioner_photo_item_set_state (item, CAPTIONER_PHOTO_STATE_CAPTIONED);
  captioner_photo_item_set_thumbnail (item, thumbnail, TRUE);
  assert_badge (desk, "none", NULL);
  g_assert_null (captioner_photo_cell_get_thumbnail (desk->cell));
  g_assert_cmpstr (captioner_photo_cell_get_name (desk->cell), ==, "");
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
  g_assert_cmpstr (captioner_photo_cell_get_name (desk->cell), ==, "a-summit.jpg");
  assert_badge (desk, "captioned", "emblem-ok-symbolic");

  captioner_photo_cell_set_item (desk->cell, second);
  g_assert_false (is_followed (first));
  g_assert_cmpstr (captioner_photo_cell_get_name (desk->cell), ==, "Yerevan café.jpg");
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
  g_test_add ("/captioner/photo-cell/render", Desk, NULL,
              desk_set_up, test_render, desk_tear_down);
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
