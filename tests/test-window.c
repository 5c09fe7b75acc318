#include "config.h"

#include <glib/gstdio.h>

#include "captioner-export-dialog.h"
#include "captioner-person.h"
#include "captioner-thumbnail.h"
#include "widget-test-util.h"
#include "window-test-util.h"

/* The caption desk as an editor uses it: a real window on a folder of generated JPEGs, people
 * boxed through the photo view's drag code, fields typed into the panel, saving through the
 * core, the sidecar read back with exiftool. */

#define BODY "pose for a photo before their talks in Yerevan, Armenia, October 23, 2023."
#define FULL_CAPTION "From left, Nikol Pashinyan, Ararat Mirzoyan and Anna Hakobyan " BODY \
                     " (Reuters photo)"

static void
test_tag_save_undo (Desk          *desk,
                    gconstpointer  data)
{
  g_autofree char *before = desk_checksum (desk->dir, "a-summit.jpg");
  g_autofree char *after = NULL;
  g_autofree char *description = NULL;
  g_autofree char *names = NULL;
  g_autofree char *a_sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  CaptionerPhotoItem *a;

  desk_open_folder (desk);
  g_assert_cmpuint (g_list_model_get_n_items (captioner_window_get_photos (desk->window)), ==, 3);
  a = desk_item_at (desk, 0);

  /* Every photo gets a decoded thumbnail, cached where GNOME Files looks. */
  for (guint i = 0; i < 3; i++)
    {
      CaptionerPhotoItem *item = desk_item_at (desk, i);
      g_autofree char *uri = g_file_get_uri (captioner_photo_item_get_file (item));
      g_autofree char *cached = captioner_thumbnail_path_for_uri (uri, CAPTIONER_THUMBNAIL_NORMAL);

      DESK_WAIT_UNTIL (captioner_photo_item_has_decoded_thumbnail (item));
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
  desk_tag (desk, 0.45, 0.20, 0.55, 0.50, "Ararat Mirzoyan");
  desk_tag (desk, 0.85, 0.55, 0.75, 0.25, "Anna Hakobyan");
  desk_tag (desk, 0.10, 0.15, 0.22, 0.45, "Nikol Pashinyan");
  desk_set_field (desk, CAPTIONER_FIELD_CREDIT, "Reuters");
  desk_set_body (desk, BODY);
  desk_assert_caption (desk, FULL_CAPTION);
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_UNSAVED);

  /* The panel lists the people left to right, numbered as on the photo. */
  g_assert_cmpstr (desk_person_text (desk, 0), ==, "Nikol Pashinyan");
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk_view (desk), 0), ==, 2);

  /* Undo takes back the body (typed at once), then the credit, then the last box. */
  desk_activate (desk, "win.undo");
  desk_assert_caption (desk, "From left, Nikol Pashinyan, Ararat Mirzoyan and Anna Hakobyan "
                        "(Reuters photo)");
  desk_activate (desk, "win.undo");
  desk_activate (desk, "win.undo");
  desk_assert_caption (desk, "From left, Ararat Mirzoyan and Anna Hakobyan");
  g_assert_cmpuint (captioner_window_get_draft (desk->window)->people->len, ==, 2);
  desk_activate (desk, "win.redo");
  desk_activate (desk, "win.redo");
  desk_activate (desk, "win.redo");
  desk_assert_caption (desk, FULL_CAPTION);
  g_assert_cmpuint (captioner_photo_view_get_person_number (desk_view (desk), 2), ==, 1);

  /* Moving on saves (autosave is on by default). */
  desk_activate (desk, "win.next");
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_true (g_file_test (a_sidecar, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
  desk_assert_caption (desk, "");

  /* What other programs read. */
  description = desk_exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, FULL_CAPTION);
  names = desk_exiftool (desk->dir, "-XMP-mwg-rs:RegionName", "a-summit.jpg.xmp");
  g_assert_nonnull (strstr (names, "Nikol Pashinyan"));
  g_assert_nonnull (strstr (names, "Ararat Mirzoyan"));
  g_assert_nonnull (strstr (names, "Anna Hakobyan"));
  g_clear_pointer (&names, g_free);
  names = desk_exiftool (desk->dir, "-XMP-photoshop:Credit", "a-summit.jpg.xmp");
  g_assert_cmpstr (names, ==, "Reuters");
  after = desk_checksum (desk->dir, "a-summit.jpg");
  g_assert_cmpstr (before, ==, after);

  /* The names are remembered for completion in the user's people directory, names alone. */
  {
    g_autofree char *list = g_build_filename (g_get_user_data_dir (), "captioner", "people.txt",
                                              NULL);
    g_autofree char *contents = NULL;

    DESK_WAIT_UNTIL (g_file_get_contents (list, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\nAnna Hakobyan\n"));
    g_assert_nonnull (strstr (contents, "\nArarat Mirzoyan\n"));
    g_assert_nonnull (strstr (contents, "\nNikol Pashinyan\n"));
  }

  /* Back again: what was saved, nothing unsaved, nothing to undo. */
  desk_activate (desk, "win.previous");
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  desk_assert_caption (desk, FULL_CAPTION);
  g_assert_cmpuint (captioner_window_get_draft (desk->window)->people->len, ==, 3);
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
  desk_activate (desk, "win.undo");
  desk_assert_caption (desk, FULL_CAPTION);
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);

  /* An edit after the save, undone, leaves the photo as saved. */
  desk_set_field (desk, CAPTIONER_FIELD_CITY, "Yerevan");
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_UNSAVED);
  desk_activate (desk, "win.undo");
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_CITY), ==, "");
}

/* Another program changes the sidecar after Captioner read it, in a field the editor did not
 * touch: both changes are kept, nobody is asked (issue 14). */
static void
test_conflict_merged (Desk          *desk,
                      gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  g_autofree char *program = g_find_program_in_path ("exiftool");
  g_autofree char *description = NULL;
  g_autofree char *rating = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(GError) error = NULL;
  CaptionerPhotoItem *a;
  int status;

  desk_open_folder (desk);
  a = desk_item_at (desk, 0);
  desk_set_body (desk, "First version.");
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);

  {
    const char *argv[] = { program, "-q", "-overwrite_original", "-XMP-xmp:Rating=4",
                           "-XMP-photoshop:Headline=Talks in Tehran", sidecar, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }

  desk_set_body (desk, "Second version.");
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window) &&
                   captioner_photo_item_get_state (a) == CAPTIONER_PHOTO_STATE_CAPTIONED);
  g_assert_null (desk_find_dialog ());

  /* Mine is written; their changes are kept, and shown. */
  description = desk_exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, "Second version.");
  rating = desk_exiftool (desk->dir, "-XMP-xmp:Rating", "a-summit.jpg.xmp");
  g_assert_cmpstr (rating, ==, "4");
  headline = desk_exiftool (desk->dir, "-XMP-photoshop:Headline", "a-summit.jpg.xmp");
  g_assert_cmpstr (headline, ==, "Talks in Tehran");
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_HEADLINE), ==, "Talks in Tehran");
}

/* The shown photo's sidecar changes on disk while the editor looks at it: the window shows
 * what is saved there at once, with nothing saved by the window (issue 14). */
static void
test_changed_on_disk (Desk          *desk,
                      gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  g_autofree char *program = g_find_program_in_path ("exiftool");
  g_autoptr(GError) error = NULL;
  int status;

  desk_open_folder (desk);
  desk_set_body (desk, "Mine.");
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  {
    const char *argv[] = { program, "-q", "-overwrite_original",
                           "-XMP-photoshop:Headline=Breaking", sidecar, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  DESK_WAIT_UNTIL (g_strcmp0 (desk_field_text (desk, CAPTIONER_FIELD_HEADLINE), "Breaking") == 0);
  desk_assert_caption (desk, "Mine.");
  g_assert_cmpint (captioner_photo_item_get_state (desk_item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_CAPTIONED);
}

/* Another program changes what the editor changed: the dialog waits, and "Keep Mine" writes
 * the editor's caption and keeps the other program's headline (issue 14). */
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

  desk_open_folder (desk);
  a = desk_item_at (desk, 0);
  desk_set_body (desk, "First version.");
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window));

  {
    const char *argv[] = { program, "-q", "-overwrite_original", "-XMP-dc:Description=Theirs.",
                           "-XMP-photoshop:Headline=Talks", sidecar, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }

  desk_set_body (desk, "Second version.");
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  g_assert_cmpint (captioner_photo_item_get_state (a), ==, CAPTIONER_PHOTO_STATE_CONFLICT);

  /* The dialog waits for the editor; the words are still there. */
  dialog = desk_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "theirs"));
  g_assert_true (adw_message_dialog_has_response (dialog, "both"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Caption"));
  desk_assert_caption (desk, "Second version.");
  desk_respond (dialog, "mine");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window) &&
              captioner_photo_item_get_state (a) == CAPTIONER_PHOTO_STATE_CAPTIONED);

  /* Mine is written; their other change is kept. */
  description = desk_exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, "Second version.");
  headline = desk_exiftool (desk->dir, "-XMP-photoshop:Headline", "a-summit.jpg.xmp");
  g_assert_cmpstr (headline, ==, "Talks");
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

  desk_open_folder (desk);
  a = desk_item_at (desk, 0);
  desk_set_body (desk, "Mine first.");
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  {
    const char *argv[] = { program, "-q", "-overwrite_original", "-XMP-dc:Description=Theirs.",
                           sidecar, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  desk_set_body (desk, "Mine again.");
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window) && desk_find_dialog () != NULL);
  desk_respond (desk_find_dialog (), "both");

  DESK_WAIT_UNTIL (desk_find_dialog () != NULL);
  dialog = desk_find_dialog ();
  /* Side by side, field by field: the caption both changed. */
  {
    GtkWidget *rows = adw_message_dialog_get_extra_child (dialog);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (rows), 0);
    const char *both = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Caption");
    g_assert_nonnull (strstr (both, "Theirs."));
    g_assert_nonnull (strstr (both, "Mine again."));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (rows), 1));
  }
  g_assert_false (adw_message_dialog_has_response (dialog, "both"));
  desk_respond (dialog, "theirs");
  DESK_WAIT_UNTIL (captioner_photo_item_get_state (a) == CAPTIONER_PHOTO_STATE_CAPTIONED &&
              desk_photo_is_shown (desk));
  g_assert_null (captioner_photo_item_get_draft (a));
  desk_assert_caption (desk, "Theirs.");
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

  desk_open_folder (desk);
  desk_assert_caption (desk, "A speaker addresses a news conference.");
  g_assert_cmpint (captioner_photo_item_get_state (desk_item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_CAPTIONED);
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_CREDIT), ==, "Reuters");
  /* The grid marks it, and not the others. */
  desk_assert_cell (desk, 0, "a-summit.jpg", "captioned");
  desk_assert_cell (desk, 1, "b-talks.jpg", "none");
  /* Editing composes it in house style. */
  desk_set_field (desk, CAPTIONER_FIELD_CITY, "Tehran");
  desk_assert_caption (desk, "A speaker addresses a news conference. (Reuters photo)");
  g_assert_cmpint (captioner_photo_item_get_state (desk_item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_UNSAVED);
  desk_assert_cell (desk, 0, "a-summit.jpg", "unsaved");
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
  desk_open_folder (desk);
  g_assert_cmpuint (g_list_model_get_n_items (captioner_window_get_photos (desk->window)), ==, 4);
  item = desk_item_at (desk, 1);
  g_assert_cmpstr (captioner_photo_item_get_name (item), ==, "b-broken.jpg");
  g_assert_cmpint (captioner_photo_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_ERROR);
  g_assert_nonnull (strstr (captioner_photo_item_get_error (item), "b-broken.jpg"));

  desk_activate (desk, "win.next");
  g_assert_null (captioner_window_get_draft (desk->window));
  desk_activate (desk, "win.next");
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk));
  desk_set_body (desk, "Still working.");
  desk_assert_caption (desk, "Still working.");
}

/* Ctrl+Enter saves and moves to the next photo without a caption. */
static void
test_save_next_uncaptioned (Desk          *desk,
                            gconstpointer  data)
{
  desk_open_folder (desk);
  desk_set_body (desk, "One.");
  desk_activate (desk, "win.save-next");
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
  g_assert_cmpint (captioner_photo_item_get_state (desk_item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_CAPTIONED);

  desk_activate (desk, "win.next");
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk));
  desk_set_body (desk, "Three.");
  /* Photo 2 (the second) is the only one left without a caption. */
  desk_activate (desk, "win.save-next");
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
}

/* With autosave off, leaving a photo with changes asks: cancel stays, discard drops them,
 * save writes them. */
/* Autosave off: opening another folder asks what to do with the edits left behind. */
static void
test_ask_before_other_folder (Desk          *desk,
                              gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  g_autofree char *other = g_build_filename (desk->dir, "other", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (other);
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  desk_write_jpeg (other, "z.jpg", 0x202020ff);
  g_settings_set_boolean (desk->settings, "autosave", FALSE);
  desk_open_folder (desk);
  desk_set_body (desk, "Not wanted.");
  captioner_window_open (desk->window, &folder, 1);
  dialog = desk_find_dialog ();
  g_assert_nonnull (dialog);
  desk_respond (dialog, "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (captioner_window_get_photos (desk->window)), ==, 3);
  desk_assert_caption (desk, "Not wanted.");

  captioner_window_open (desk->window, &folder, 1);
  dialog = desk_find_dialog ();
  g_assert_nonnull (dialog);
  desk_respond (dialog, "discard");
  DESK_WAIT_UNTIL (g_list_model_get_n_items (captioner_window_get_photos (desk->window)) == 1 &&
                   !captioner_window_is_busy (desk->window));
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
}

static void
test_ask_when_autosave_off (Desk          *desk,
                            gconstpointer  data)
{
  g_autofree char *sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  g_autofree char *description = NULL;
  AdwMessageDialog *dialog;

  g_settings_set_boolean (desk->settings, "autosave", FALSE);
  desk_open_folder (desk);
  desk_set_body (desk, "Dropped.");
  desk_activate (desk, "win.next");
  dialog = desk_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 0);
  desk_respond (dialog, "cancel");
  DESK_WAIT_UNTIL (desk_find_dialog () == NULL);
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 0);
  desk_assert_caption (desk, "Dropped.");

  desk_activate (desk, "win.next");
  dialog = desk_find_dialog ();
  g_assert_nonnull (dialog);
  desk_respond (dialog, "discard");
  DESK_WAIT_UNTIL (desk_find_dialog () == NULL && desk_photo_is_shown (desk));
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
  g_assert_cmpint (captioner_photo_item_get_state (desk_item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_NOT_CAPTIONED);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  desk_activate (desk, "win.previous");
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk));
  desk_assert_caption (desk, "");
  desk_set_body (desk, "Kept.");
  desk_activate (desk, "win.next");
  dialog = desk_find_dialog ();
  g_assert_nonnull (dialog);
  desk_respond (dialog, "save");
  DESK_WAIT_UNTIL (desk_find_dialog () == NULL && desk_photo_is_shown (desk) &&
              !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 1);
  description = desk_exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, "Kept.");
  g_assert_cmpint (captioner_photo_item_get_state (desk_item_at (desk, 0)), ==,
                   CAPTIONER_PHOTO_STATE_CAPTIONED);
}

/* F2 renames the selected person through the photo's name entry. */
static void
test_rename_selected (Desk          *desk,
                      gconstpointer  data)
{
  GtkEditable *entry;

  desk_open_folder (desk);
  /* Nothing to save yet: Ctrl+S writes nothing. */
  desk_activate (desk, "win.save");
  g_assert_false (captioner_window_is_busy (desk->window));
  desk_tag (desk, 0.40, 0.20, 0.60, 0.60, "Pashinyan");
  desk_tag (desk, 0.05, 0.20, 0.25, 0.60, "Ararat Mirzoyan");
  captioner_photo_view_set_selected (desk_view (desk), 0);
  desk_activate (desk, "win.rename-person");
  g_assert_true (captioner_photo_view_is_naming (desk_view (desk)));
  entry = captioner_photo_view_get_name_entry (desk_view (desk));
  DESK_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (entry)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Pashinyan");
  gtk_editable_set_text (entry, "Nikol Pashinyan");
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "activate");
  desk_assert_caption (desk, "From left, Ararat Mirzoyan and Nikol Pashinyan");
  g_assert_cmpstr (desk_person_text (desk, 1), ==, "Nikol Pashinyan");

  /* Renaming in the panel is the same edit. */
  gtk_editable_set_text (captioner_caption_panel_get_person_editable (desk_panel (desk), 0),
                         "Armenian Foreign Minister Ararat Mirzoyan");
  desk_assert_caption (desk,
                       "From left, Armenian Foreign Minister Ararat Mirzoyan and Nikol Pashinyan");
  desk_activate (desk, "win.undo");
  desk_assert_caption (desk, "From left, Ararat Mirzoyan and Nikol Pashinyan");
}

/* Ctrl+E saves what was typed and opens the export dialog on the folder's photos. */
static void
test_export_opens_dialog (Desk          *desk,
                          gconstpointer  data)
{
  GtkWindow *dialog = NULL;

  desk_open_folder (desk);
  desk_set_body (desk, "Exported.");
  desk_activate (desk, "win.export");
  dialog = desk_find_window (CAPTIONER_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (desk->window));
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window));
  g_assert_cmpint (captioner_photo_item_get_state (desk_item_at (desk, 0)), ==,
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
    /* One shortcut for both Return keys: the menu shows "Ctrl+Return", not the keypad's. */
    { "<Control>Return|<Control>KP_Enter", "win.save-next" }, { "Page_Down", "win.next" },
    { "Page_Up", "win.previous" }, { "<Alt>Right", "win.next" }, { "<Alt>Left", "win.previous" },
    { "<Control>z", "win.undo" }, { "<Control><Shift>z", "win.redo" },
    { "F2", "win.rename-person" }, { "<Control>e", "win.export" },
    { "<Control><Shift>c", "win.copy-caption" }, { "<Control><Shift>v", "win.paste-caption" },
    { "<Control>1", "win.focus-caption" }, { "<Control>2", "win.focus-credit" },
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
              g_autoptr(GtkShortcut) shortcut = NULL;

              shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
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
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  g_assert_cmpuint (g_list_model_get_n_items (captioner_window_get_photos (desk->window)), ==, 3);
}

/* Opening another folder while the first is still loading: only the second one's photos,
 * and the loads of the first do not count against it. */
static void
test_open_while_loading (Desk          *desk,
                         gconstpointer  data)
{
  g_autofree char *other = g_build_filename (desk->dir, "other", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (desk->dir);
  g_autoptr(GFile) second = g_file_new_for_path (other);
  GListModel *photos = captioner_window_get_photos (desk->window);
  g_autofree char *description = NULL;

  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  desk_write_jpeg (other, "x-one.jpg", 0x808080ff);
  desk_write_jpeg (other, "y-two.jpg", 0x404040ff);

  captioner_window_open (desk->window, &first, 1);
  DESK_WAIT_UNTIL (g_list_model_get_n_items (photos) == 3);
  captioner_window_open (desk->window, &second, 1);
  DESK_WAIT_UNTIL (g_list_model_get_n_items (photos) == 2 && desk_photo_is_shown (desk) &&
                   !captioner_window_is_busy (desk->window));
  g_assert_cmpstr (captioner_photo_item_get_name (desk_item_at (desk, 0)), ==, "x-one.jpg");
  g_assert_cmpint (captioner_photo_item_get_state (desk_item_at (desk, 1)), ==,
                   CAPTIONER_PHOTO_STATE_NOT_CAPTIONED);
  desk_set_body (desk, "Second folder.");
  desk_assert_caption (desk, "Second folder.");
  desk_activate (desk, "win.next");
  DESK_WAIT_UNTIL (desk_photo_is_shown (desk) && !captioner_window_is_busy (desk->window));
  description = desk_exiftool (other, "-XMP-dc:Description", "x-one.jpg.xmp");
  g_assert_cmpstr (description, ==, "Second folder.");
  /* desk_tear_down() removes the other folder with the desk's. */
}

/* Closing the window with changes saves them first. */
static void
test_close_saves (Desk          *desk,
                  gconstpointer  data)
{
  g_autofree char *description = NULL;

  desk_open_folder (desk);
  desk_set_body (desk, "Saved on close.");
  gtk_window_close (GTK_WINDOW (desk->window));
  DESK_WAIT_UNTIL (desk->window == NULL);
  description = desk_exiftool (desk->dir, "-XMP-dc:Description", "a-summit.jpg.xmp");
  g_assert_cmpstr (description, ==, "Saved on close.");
}

/* The window's stack of pages: the one with a "desk" page. */
static gboolean
is_desk_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "desk") != NULL;
}

/* The desk shows while a folder is listed; a folder without photos, opened first, takes the
 * editor back to the welcome page, and one opened after a folder leaves that folder shown. */
static void
test_folder_without_photos (Desk          *desk,
                            gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (desk->dir, "empty", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (empty);
  GtkStack *stack = GTK_STACK (widget_find (GTK_WIDGET (desk->window), is_desk_stack, NULL));
  GListModel *photos = captioner_window_get_photos (desk->window);

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  captioner_window_open (desk->window, &folder, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "desk");
  DESK_WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 0);

  desk_open_folder (desk);
  captioner_window_open (desk->window, &folder, 1);
  /* Listing an empty folder is quick; give the answer time to come. */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "desk");
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 3);
}

/* The shown photo's texture fits the view exactly: as wide or as high, within a pixel. */
static gboolean
texture_fits_view (Desk *desk)
{
  GtkWidget *view = GTK_WIDGET (desk_view (desk));
  GdkTexture *texture = captioner_photo_view_get_texture (desk_view (desk));
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  int tw = texture ? gdk_texture_get_width (texture) : 0;
  int th = texture ? gdk_texture_get_height (texture) : 0;

  return texture != NULL && tw <= width + 1 && th <= height + 1 &&
         (ABS (tw - width) <= 1 || ABS (th - height) <= 1);
}

/* A large photo is decoded to fit the view, pixel for pixel; again when the view is resized
 * (here by dragging the divider); and whole at 100 %, until the view fits the window again. */
/* A photo turned in Lightroom (tiff:Orientation in its sidecar) is shown turned, like its
 * boxes (issue 13). */
static void
test_photo_turned_by_sidecar (Desk          *desk,
                              gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (desk->dir, "turned", NULL);
  g_autofree char *sidecar = g_build_filename (dir, "t.jpg.xmp", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  const char *xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                    "<rdf:Description rdf:about=\"\" xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\" "
                    "tiff:Orientation=\"6\"/></rdf:RDF></x:xmpmeta>\n";
  GdkTexture *texture;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  desk_write_jpeg (dir, "t.jpg", 0x806040ff);
  g_file_set_contents (sidecar, xmp, -1, &error);
  g_assert_no_error (error);
  captioner_window_open (desk->window, &folder, 1);
  DESK_WAIT_UNTIL (captioner_window_get_current_photo (desk->window) != NULL &&
                   !captioner_window_is_busy (desk->window) &&
                   (texture = captioner_photo_view_get_texture (desk_view (desk))) != NULL &&
                   gdk_texture_get_height (texture) > gdk_texture_get_width (texture));
  g_assert_cmpint (captioner_photo_get_orientation (captioner_window_get_current_photo (desk->window)),
                   ==, 6);
}

static void
test_photo_fits_view (Desk          *desk,
                      gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (desk->dir, "large", NULL);
  g_autofree char *path = g_build_filename (dir, "large.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3000, 2000);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  GtkPaned *paned;
  int first_width;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  gdk_pixbuf_fill (pixbuf, 0x3366aaff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL));
  g_assert_no_error (error);
  captioner_window_open (desk->window, &folder, 1);
  DESK_WAIT_UNTIL (captioner_window_get_current_photo (desk->window) != NULL &&
                   !captioner_window_is_busy (desk->window));
  DESK_WAIT_UNTIL (texture_fits_view (desk));
  first_width = gdk_texture_get_width (captioner_photo_view_get_texture (desk_view (desk)));
  g_assert_cmpint (first_width, <, 3000);

  paned = GTK_PANED (widget_find_type (GTK_WIDGET (desk->window), GTK_TYPE_PANED, NULL));
  g_assert_nonnull (paned);
  gtk_paned_set_position (paned, gtk_paned_get_position (paned) + 150);
  DESK_WAIT_UNTIL (gdk_texture_get_width (captioner_photo_view_get_texture (desk_view (desk))) !=
                   first_width);
  DESK_WAIT_UNTIL (texture_fits_view (desk));

  captioner_photo_view_set_zoom_fit (desk_view (desk), FALSE);
  DESK_WAIT_UNTIL (gdk_texture_get_width (captioner_photo_view_get_texture (desk_view (desk))) ==
                   3000);
  g_assert_cmpint (gdk_texture_get_height (captioner_photo_view_get_texture (desk_view (desk))),
                   ==, 2000);
  captioner_photo_view_set_zoom_fit (desk_view (desk), TRUE);
  DESK_WAIT_UNTIL (texture_fits_view (desk));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = desk_init (&argc, &argv);
  int status;

  g_test_add ("/captioner/window/tag-save-undo", Desk, NULL, desk_set_up, test_tag_save_undo,
              desk_tear_down);
  g_test_add ("/captioner/window/conflict-merged", Desk, NULL, desk_set_up, test_conflict_merged,
              desk_tear_down);
  g_test_add ("/captioner/window/changed-on-disk", Desk, NULL, desk_set_up, test_changed_on_disk,
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
  g_test_add ("/captioner/window/ask-before-other-folder", Desk, NULL, desk_set_up,
              test_ask_before_other_folder, desk_tear_down);
  g_test_add ("/captioner/window/rename-selected", Desk, NULL, desk_set_up, test_rename_selected,
              desk_tear_down);
  g_test_add ("/captioner/window/export-opens-dialog", Desk, NULL, desk_set_up,
              test_export_opens_dialog, desk_tear_down);
  g_test_add ("/captioner/window/keys-and-drop", Desk, NULL, desk_set_up, test_keys_and_drop,
              desk_tear_down);
  g_test_add ("/captioner/window/open-while-loading", Desk, NULL, desk_set_up,
              test_open_while_loading, desk_tear_down);
  g_test_add ("/captioner/window/close-saves", Desk, NULL, desk_set_up, test_close_saves,
              desk_tear_down);
  g_test_add ("/captioner/window/photo-fits-view", Desk, NULL, desk_set_up,
              test_photo_fits_view, desk_tear_down);
  g_test_add ("/captioner/window/photo-turned-by-sidecar", Desk, NULL, desk_set_up,
              test_photo_turned_by_sidecar, desk_tear_down);
  g_test_add ("/captioner/window/folder-without-photos", Desk, NULL, desk_set_up,
              test_folder_without_photos, desk_tear_down);
  status = g_test_run ();
  desk_finish (home);
  return status;
}
