#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "captioner-caption-panel.h"
#include "captioner-export-dialog.h"
#include "captioner-person.h"
#include "captioner-photo-item.h"
#include "captioner-photo-view.h"
#include "captioner-thumbnail.h"
#include "captioner-window.h"

/* The caption desk as an editor uses it: a real window on a folder of generated JPEGs, people
 * boxed through the photo view's drag code, fields typed into the panel, saving through the
 * core, the sidecar read back with exiftool. */
typedef struct
{
  AdwApplication  *application;
  GSettings       *settings;
  CaptionerWindow *window;
  char            *dir;
} Desk;

#define BODY "pose for a photo before their talks in Yerevan, Armenia, October 23, 2023."
#define FULL_CAPTION "From left, Nikol Pashinyan, Ararat Mirzoyan and Anna Hakobyan " BODY \
                     " (Reuters photo)"

/* One registered application for the program: a second would export the same D-Bus path. */
static AdwApplication *application;

#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        g_assert_cmpint (g_get_monotonic_time (), <, end_); \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (1000); \
      } \
  } G_STMT_END

static void
write_jpeg (const char *dir,
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

static char *
checksum (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
exiftool (const char *dir,
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

static CaptionerPhotoItem *
item_at (Desk  *desk,
         guint  position)
{
  g_autoptr(CaptionerPhotoItem) item =
    g_list_model_get_item (captioner_window_get_photos (desk->window), position);

  return item; /* the model keeps it alive */
}

static CaptionerPhotoView *
view (Desk *desk)
{
  return CAPTIONER_PHOTO_VIEW (captioner_window_get_photo_view (desk->window));
}

static CaptionerCaptionPanel *
panel (Desk *desk)
{
  return CAPTIONER_CAPTION_PANEL (captioner_window_get_caption_panel (desk->window));
}

/* The shown photo is loaded and its display image (not the thumbnail) is on screen. */
static gboolean
photo_is_shown (Desk *desk)
{
  GdkTexture *texture = captioner_photo_view_get_texture (view (desk));

  return captioner_window_get_current_photo (desk->window) != NULL && texture != NULL &&
         gdk_texture_get_width (texture) == 600 &&
         gtk_widget_get_width (GTK_WIDGET (view (desk))) > 100;
}

static void
open_folder (Desk *desk)
{
  g_autoptr(GFile) folder = g_file_new_for_path (desk->dir);

  captioner_window_open (desk->window, &folder, 1);
  WAIT_UNTIL (g_list_model_get_n_items (captioner_window_get_photos (desk->window)) > 0);
  WAIT_UNTIL (photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
}

/* The photo's place in the view, as the view fits it: centred, scaled to fit. */
static void
image_rect (Desk            *desk,
            graphene_rect_t *rect)
{
  GdkTexture *texture = captioner_photo_view_get_texture (view (desk));
  double width = gtk_widget_get_width (GTK_WIDGET (view (desk)));
  double height = gtk_widget_get_height (GTK_WIDGET (view (desk)));
  double tw = gdk_texture_get_width (texture);
  double th = gdk_texture_get_height (texture);
  double scale = MIN (width / tw, height / th);

  graphene_rect_init (rect, MAX (0, (width - tw * scale) / 2), MAX (0, (height - th * scale) / 2),
                      tw * scale, th * scale);
}

/* Draws a box from (x0, y0) to (x1, y1), fractions of the photo, as a mouse drag does, then
 * types the name and presses Enter. */
static void
tag (Desk       *desk,
     double      x0,
     double      y0,
     double      x1,
     double      y1,
     const char *name)
{
  CaptionerPhotoView *photo_view = view (desk);
  GtkEditable *entry = captioner_photo_view_get_name_entry (photo_view);
  graphene_rect_t r;

  image_rect (desk, &r);
  captioner_photo_view_drag_box (photo_view,
                                 r.origin.x + x0 * r.size.width, r.origin.y + y0 * r.size.height,
                                 r.origin.x + x1 * r.size.width, r.origin.y + y1 * r.size.height);
  g_assert_true (captioner_photo_view_is_naming (photo_view));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, name);
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  g_assert_false (captioner_photo_view_is_naming (photo_view));
}

static void
set_body (Desk       *desk,
          const char *body)
{
  GtkTextView *text_view = captioner_caption_panel_get_body_view (panel (desk));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), body, -1);
}

static void
set_field (Desk           *desk,
           CaptionerField  field,
           const char     *value)
{
  gtk_editable_set_text (captioner_caption_panel_get_field_editable (panel (desk), field), value);
}

static void
activate (Desk       *desk,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->window), action, NULL));
}

static void
assert_caption (Desk       *desk,
                const char *expected)
{
  const char *stored = captioner_metadata_get (captioner_window_get_draft (desk->window),
                                               CAPTIONER_FIELD_CAPTION);

  g_assert_cmpstr (captioner_caption_panel_get_composed (panel (desk)), ==, expected);
  g_assert_cmpstr (stored ? stored : "", ==, expected);
}

/* What a click on a dialog's button does: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not owned */
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  return dialog;
}

static void
desk_set_up (Desk          *desk,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  desk->dir = g_dir_make_tmp ("captioner-window-XXXXXX", &error);
  g_assert_no_error (error);
  write_jpeg (desk->dir, "a-summit.jpg", 0x3060a0ff);
  write_jpeg (desk->dir, "b-talks.jpg", 0xa06030ff);
  write_jpeg (desk->dir, "c-press.jpg", 0x30a060ff);

  desk->application = g_object_ref (application);
  desk->settings = g_settings_new ("org.example.Captioner");
  g_settings_set_int (desk->settings, "window-width", 1300);
  g_settings_set_int (desk->settings, "window-height", 800);
  desk->window = captioner_window_new (desk->application, desk->settings);
  g_object_add_weak_pointer (G_OBJECT (desk->window), (gpointer *) &desk->window);
  gtk_window_present (GTK_WINDOW (desk->window));
}

static void
desk_tear_down (Desk          *desk,
                gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (desk->dir, 0, NULL);
  const char *name;

  if (desk->window != NULL)
    gtk_window_destroy (GTK_WINDOW (desk->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The memory settings backend lives as long as the program. */
  g_settings_reset (desk->settings, "autosave");
  g_clear_object (&desk->settings);
  g_clear_object (&desk->application);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (desk->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (desk->dir);
  g_free (desk->dir);
}

static void
test_tag_save_undo (Desk          *desk,
                    gconstpointer  data)
{
  g_autofree char *before = checksum (desk->dir, "a-summit.jpg");
  g_autofree char *after = NULL;
  g_autofree char *description = NULL;
  g_autofree char *names = NULL;
  g_autofree char *a_sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  CaptionerPhotoItem *a;

  open_folder (desk);
  g_assert_cmpuint (g_list_model_get_n_items (captioner_window_get_photos (desk->window)), ==, 3);
  a = item_at (desk, 0);

  /* Every photo gets a decoded thumbnail, cached where GNOME Files looks. */
  for (guint i = 0; i < 3; i++)
    {
      CaptionerPhotoItem *item = item_at (desk, i);
      g_autofree char *uri = g_file_get_uri (captioner_photo_item_get_file (item));
      g_autofree char *cached = captioner_thumbnail_path_for_uri (uri, CAPTIONER_THUMBNAIL_NORMAL);

      WAIT_UNTIL (captioner_photo_item_has_decoded_thumbnail (item));
      g_assert_cmpint (gdk_texture_get_width (captioner_photo_item_get_thumbnail (item)), ==, 128);
      g_assert_true (g_file_test (cached, G_FILE_TEST_IS_REGULAR));
    }

  /* The folder heads the recent folders. */
  {
    g_auto(GStrv) recent = g_settings_get_strv (desk->settings, "recent-folders");
    g_autofree char *uri = g_filename_to_uri (desk->dir, NULL, NULL);

    g_assert_nonnull (recent[0]);
    g_assert_cmpstr (recent[0], ==, uri);
  }
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_NOT_CAPTIONED);

  /* Middle, right, then left: the caption lists them left to right. */
  tag (desk, 0.45, 0.20, 0.55, 0.50, "Ararat Mirzoyan");
  tag (desk, 0.85, 0.55, 0.75, 0.25, "Anna Hakobyan");
  tag (desk, 0.10, 0.15, 0.22, 0.45, "Nikol Pashinyan");
  set_field (desk, CAPTIONER_FIELD_CREDIT, "Reuters");
  set_body (desk, BODY);
  assert_caption (desk, FULL_CAPTION);
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_UNSAVED);

  /* The panel lists the people left to right, numbered as on the photo. */
  g_assert_cmpstr (gtk_editable_get_text (captioner_caption_panel_get_person_editable (panel (desk), 0)),
                   ==, "Nikol Pashinyan");
  g_assert_cmpuint (captioner_photo_view_get_person_number (view (desk), 0), ==, 2);

  /* Undo takes back the body (typed at once), then the credit, then the last box. */
  activate (desk, "win.undo");
  assert_caption (desk, "From left, Nikol Pashinyan, Ararat Mirzoyan and Anna Hakobyan "
                        "(Reuters photo)");
  activate (desk, "win.undo");
  activate (desk, "win.undo");
  assert_caption (desk, "From left, Ararat Mirzoyan and Anna Hakobyan");
  g_assert_cmpuint (captioner_window_get_draft (desk->window)->people->len, ==, 2);
  activate (desk, "win.redo");
  activate (desk, "win.redo");
  activate (desk, "win.redo");
  assert_caption (desk, FULL_CAPTION);
  g_assert_cmpuint (captioner_photo_view_get_person_number (view (desk), 2), ==, 1);

  /* Moving on saves (autosave is on by default). */
  activate (desk, "win.next");
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
  WAIT_UNTIL (photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_true (g_file_test (a_sidecar, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
  assert_caption (desk, "");

  /* What other programs read. */
  description = exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, FULL_CAPTION);
  names = exiftool (desk->dir, "-XMP-mwg-rs:RegionName", "a-summit.jpg.xmp");
  g_assert_nonnull (strstr (names, "Nikol Pashinyan"));
  g_assert_nonnull (strstr (names, "Ararat Mirzoyan"));
  g_assert_nonnull (strstr (names, "Anna Hakobyan"));
  g_clear_pointer (&names, g_free);
  names = exiftool (desk->dir, "-XMP-photoshop:Credit", "a-summit.jpg.xmp");
  g_assert_cmpstr (names, ==, "Reuters");
  after = checksum (desk->dir, "a-summit.jpg");
  g_assert_cmpstr (before, ==, after);

  /* The names are remembered for completion in the user's people list. */
  {
    g_autofree char *list = g_build_filename (g_get_user_data_dir (), "captioner", "people.txt",
                                              NULL);
    g_autofree char *contents = NULL;

    WAIT_UNTIL (g_file_get_contents (list, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "Anna Hakobyan\nArarat Mirzoyan\nNikol Pashinyan\n");
  }

  /* Back again: what was saved, nothing unsaved, nothing to undo. */
  activate (desk, "win.previous");
  WAIT_UNTIL (photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  assert_caption (desk, FULL_CAPTION);
  g_assert_cmpuint (captioner_window_get_draft (desk->window)->people->len, ==, 3);
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
  activate (desk, "win.undo");
  assert_caption (desk, FULL_CAPTION);
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);

  /* An edit after the save, undone, leaves the photo as saved. */
  set_field (desk, CAPTIONER_FIELD_CITY, "Yerevan");
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_UNSAVED);
  activate (desk, "win.undo");
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
  g_assert_cmpstr (gtk_editable_get_text (captioner_caption_panel_get_field_editable (panel (desk),
                                                                                     CAPTIONER_FIELD_CITY)),
                   ==, "");
}

/* Another program changes the sidecar after Captioner read it: the editor chooses. */
static void
test_conflict_keep_mine (Desk          *desk,
                         gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  g_autofree char *program = g_find_program_in_path ("exiftool");
  g_autofree char *description = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  CaptionerPhotoItem *a;
  int status;

  open_folder (desk);
  a = item_at (desk, 0);
  set_body (desk, "First version.");
  activate (desk, "win.save");
  WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);

  {
    const char *argv[] = { program, "-q", "-overwrite_original", "-XMP-xmp:Rating=4",
                           sidecar, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }

  set_body (desk, "Second version.");
  activate (desk, "win.save");
  WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CONFLICT);

  /* The dialog waits for the editor; the words are still there. */
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "theirs"));
  g_assert_true (adw_message_dialog_has_response (dialog, "both"));
  assert_caption (desk, "Second version.");
  respond (dialog, "mine");
  WAIT_UNTIL (!captioner_window_is_busy (desk->window) &&
              captioner_photo_item_get_state (a) == CAPTIONER_PHOTO_STATE_CAPTIONED);

  /* Mine is written; their other change is kept. */
  description = exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, "Second version.");
  headline = exiftool (desk->dir, "-XMP-xmp:Rating", "a-summit.jpg.xmp");
  g_assert_cmpstr (headline, ==, "4");
}

/* "See both" shows the two captions, then "reload theirs" drops the editor's version. */
static void
test_conflict_see_both (Desk          *desk,
                        gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  g_autofree char *program = g_find_program_in_path ("exiftool");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  CaptionerPhotoItem *a;
  int status;

  open_folder (desk);
  a = item_at (desk, 0);
  set_body (desk, "Mine first.");
  activate (desk, "win.save");
  WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  {
    const char *argv[] = { program, "-q", "-overwrite_original", "-XMP-dc:Description=Theirs.",
                           sidecar, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  set_body (desk, "Mine again.");
  activate (desk, "win.save");
  WAIT_UNTIL (!captioner_window_is_busy (desk->window) && find_dialog () != NULL);
  respond (find_dialog (), "both");

  WAIT_UNTIL (find_dialog () != NULL);
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Theirs."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Mine again."));
  g_assert_false (adw_message_dialog_has_response (dialog, "both"));
  respond (dialog, "theirs");
  WAIT_UNTIL (captioner_photo_item_get_state (a) == CAPTIONER_PHOTO_STATE_CAPTIONED &&
              photo_is_shown (desk));
  g_assert_null (captioner_photo_item_get_draft (a));
  assert_caption (desk, "Theirs.");
}

/* A wire photo's caption shows as it is stored, and becomes the body to edit. */
static void
test_wire_caption (Desk          *desk,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (desk->dir, "a-summit.jpg", NULL);
  g_autofree char *program = g_find_program_in_path ("exiftool");
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { program, "-q", "-overwrite_original", "-charset", "iptc=utf8",
                         "-IPTC:CodedCharacterSet=UTF8",
                         "-IPTC:Caption-Abstract=A speaker addresses a news conference.",
                         "-IPTC:Credit=Reuters", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  open_folder (desk);
  assert_caption (desk, "A speaker addresses a news conference.");
  g_assert_cmpint (captioner_photo_item_get_state (item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_CAPTIONED);
  g_assert_cmpstr (gtk_editable_get_text (captioner_caption_panel_get_field_editable (panel (desk),
                                                                                     CAPTIONER_FIELD_CREDIT)),
                   ==, "Reuters");
  /* Editing composes it in house style. */
  set_field (desk, CAPTIONER_FIELD_CITY, "Tehran");
  assert_caption (desk, "A speaker addresses a news conference. (Reuters photo)");
  g_assert_cmpint (captioner_photo_item_get_state (item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_UNSAVED);
}

/* A photo that cannot be read is marked, and the window goes on with the others. */
static void
test_unreadable (Desk          *desk,
                 gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (desk->dir, "b-broken.jpg", NULL);
  g_autoptr(GError) error = NULL;
  CaptionerPhotoItem *item;

  g_file_set_contents (broken, "\xff\xd8\xff\xe0 truncated", -1, &error);
  g_assert_no_error (error);
  open_folder (desk);
  g_assert_cmpuint (g_list_model_get_n_items (captioner_window_get_photos (desk->window)), ==, 4);
  item = item_at (desk, 1);
  g_assert_cmpstr (captioner_photo_item_get_name (item), ==, "b-broken.jpg");
  g_assert_cmpint (captioner_photo_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_ERROR);
  g_assert_nonnull (strstr (captioner_photo_item_get_error (item), "b-broken.jpg"));

  activate (desk, "win.next");
  g_assert_null (captioner_window_get_draft (desk->window));
  activate (desk, "win.next");
  WAIT_UNTIL (photo_is_shown (desk));
  set_body (desk, "Still working.");
  assert_caption (desk, "Still working.");
}

/* Ctrl+Enter saves and moves to the next photo without a caption. */
static void
test_save_next_uncaptioned (Desk          *desk,
                            gconstpointer  data)
{
  open_folder (desk);
  set_body (desk, "One.");
  activate (desk, "win.save-next");
  WAIT_UNTIL (photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
  g_assert_cmpint (captioner_photo_item_get_state (item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_CAPTIONED);

  activate (desk, "win.next");
  WAIT_UNTIL (photo_is_shown (desk));
  set_body (desk, "Three.");
  /* Photo 2 (the second) is the only one left without a caption. */
  activate (desk, "win.save-next");
  WAIT_UNTIL (photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
}

/* With autosave off, leaving a photo with changes asks: cancel stays, discard drops them,
 * save writes them. */
static void
test_ask_when_autosave_off (Desk          *desk,
                            gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  g_autofree char *description = NULL;
  AdwMessageDialog *dialog;

  g_settings_set_boolean (desk->settings, "autosave", FALSE);
  open_folder (desk);
  set_body (desk, "Dropped.");
  activate (desk, "win.next");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 0);
  respond (dialog, "cancel");
  WAIT_UNTIL (find_dialog () == NULL);
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 0);
  assert_caption (desk, "Dropped.");

  activate (desk, "win.next");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  WAIT_UNTIL (find_dialog () == NULL && photo_is_shown (desk));
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
  g_assert_cmpint (captioner_photo_item_get_state (item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_NOT_CAPTIONED);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  activate (desk, "win.previous");
  WAIT_UNTIL (photo_is_shown (desk));
  assert_caption (desk, "");
  set_body (desk, "Kept.");
  activate (desk, "win.next");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "save");
  WAIT_UNTIL (find_dialog () == NULL && photo_is_shown (desk) &&
              !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
  description = exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, "Kept.");
  g_assert_cmpint (captioner_photo_item_get_state (item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_CAPTIONED);
}

/* F2 renames the selected person through the photo's name entry. */
static void
test_rename_selected (Desk          *desk,
                      gconstpointer  data)
{
  GtkEditable *entry;

  open_folder (desk);
  /* Nothing to save yet: Ctrl+S writes nothing. */
  activate (desk, "win.save");
  g_assert_false (captioner_window_is_busy (desk->window));
  tag (desk, 0.40, 0.20, 0.60, 0.60, "Pashinyan");
  tag (desk, 0.05, 0.20, 0.25, 0.60, "Ararat Mirzoyan");
  captioner_photo_view_set_selected (view (desk), 0);
  activate (desk, "win.rename-person");
  g_assert_true (captioner_photo_view_is_naming (view (desk)));
  entry = captioner_photo_view_get_name_entry (view (desk));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Pashinyan");
  gtk_editable_set_text (entry, "Nikol Pashinyan");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  assert_caption (desk, "From left, Ararat Mirzoyan and Nikol Pashinyan");
  g_assert_cmpstr (gtk_editable_get_text (captioner_caption_panel_get_person_editable (panel (desk), 1)),
                   ==, "Nikol Pashinyan");

  /* Renaming in the panel is the same edit. */
  gtk_editable_set_text (captioner_caption_panel_get_person_editable (panel (desk), 0),
                         "Armenian Foreign Minister Ararat Mirzoyan");
  assert_caption (desk, "From left, Armenian Foreign Minister Ararat Mirzoyan and Nikol Pashinyan");
  activate (desk, "win.undo");
  assert_caption (desk, "From left, Ararat Mirzoyan and Nikol Pashinyan");
}

/* Ctrl+E saves what was typed and opens the export dialog on the folder's photos. */
static void
test_export_opens_dialog (Desk          *desk,
                          gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not owned */
  GtkWindow *dialog = NULL;

  open_folder (desk);
  set_body (desk, "Exported.");
  activate (desk, "win.export");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CAPTIONER_IS_EXPORT_DIALOG (window))
        dialog = GTK_WINDOW (window);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (desk->window));
  WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  g_assert_cmpint (captioner_photo_item_get_state (item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_CAPTIONED);
  gtk_window_destroy (dialog);
}

/* The desk's keys reach their actions from anywhere in the window (capture phase). */
static void
test_keys_and_drop (Desk          *desk,
                    gconstpointer  data)
{
  static const struct { const char *trigger; const char *action; } keys[] = {
    { "<Control>o", "win.open" }, { "<Control>s", "win.save" },
    { "<Control>Return", "win.save-next" }, { "Page_Down", "win.next" },
    { "Page_Up", "win.previous" }, { "<Alt>Right", "win.next" }, { "<Alt>Left", "win.previous" },
    { "<Control>z", "win.undo" }, { "<Control><Shift>z", "win.redo" },
    { "F2", "win.rename-person" }, { "<Control>e", "win.export" },
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (desk->window));
  g_autoptr(GFile) folder = g_file_new_for_path (desk->dir);
  GSList *list = g_slist_append (NULL, folder);
  GdkFileList *files = gdk_file_list_new_from_list (list);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (keys[k].trigger);
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
              gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
                  GTK_IS_NAMED_ACTION (action) &&
                  g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                               keys[k].action))
                found = TRUE;
            }
        }
      if (!found)
        g_error ("%s does not trigger %s", keys[k].trigger, keys[k].action);
    }

  /* Dropping a folder on the window opens it. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  g_slist_free (list);
  g_assert_true (dropped);
  WAIT_UNTIL (photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (g_list_model_get_n_items (captioner_window_get_photos (desk->window)), ==, 3);
}

/* Closing the window with changes saves them first. */
static void
test_close_saves (Desk          *desk,
                  gconstpointer  data)
{
  g_autofree char *description = NULL;

  open_folder (desk);
  set_body (desk, "Saved on close.");
  gtk_window_close (GTK_WINDOW (desk->window));
  WAIT_UNTIL (desk->window == NULL);
  description = exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, "Saved on close.");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int status;

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
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  application = adw_application_new ("org.example.Captioner.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/captioner/window/tag-save-undo", Desk, NULL, desk_set_up, test_tag_save_undo,
              desk_tear_down);
  g_test_add ("/captioner/window/conflict-keep-mine", Desk, NULL, desk_set_up,
              test_conflict_keep_mine, desk_tear_down);
  g_test_add ("/captioner/window/conflict-see-both", Desk, NULL, desk_set_up,
              test_conflict_see_both, desk_tear_down);
  g_test_add ("/captioner/window/wire-caption", Desk, NULL, desk_set_up, test_wire_caption,
              desk_tear_down);
  g_test_add ("/captioner/window/unreadable", Desk, NULL, desk_set_up, test_unreadable,
              desk_tear_down);
  g_test_add ("/captioner/window/save-next-uncaptioned", Desk, NULL, desk_set_up,
              test_save_next_uncaptioned, desk_tear_down);
  g_test_add ("/captioner/window/ask-when-autosave-off", Desk, NULL, desk_set_up,
              test_ask_when_autosave_off, desk_tear_down);
  g_test_add ("/captioner/window/rename-selected", Desk, NULL, desk_set_up, test_rename_selected,
              desk_tear_down);
  g_test_add ("/captioner/window/export-opens-dialog", Desk, NULL, desk_set_up,
              test_export_opens_dialog, desk_tear_down);
  g_test_add ("/captioner/window/keys-and-drop", Desk, NULL, desk_set_up, test_keys_and_drop,
              desk_tear_down);
  g_test_add ("/captioner/window/close-saves", Desk, NULL, desk_set_up, test_close_saves,
              desk_tear_down);
  status = g_test_run ();
  {
    g_autofree char *quoted = g_shell_quote (home);
    g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  return status;
}
