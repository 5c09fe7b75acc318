#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "captioner-journal.h"
#include "widget-test-util.h"
#include "window-test-util.h"

/* A crash with unsaved edits: the window is killed (SIGKILL, in a process of its own) after
 * the editor typed, and the next window offers the edits back; restored, they are the draft's
 * again, unsaved until saved. */

#define WORDS "pose for a photo before the crash."

static const char *self_path;

/* The window that crashes: types into the first photo, waits for the journal, and is killed. */
static int
crash_child (const char *dir)
{
  Desk desk = { 0 };
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) journal = captioner_journal_file_for (folder);
  CaptionerDraft *draft;

  desk.application = g_object_ref (desk_application);
  desk.settings = g_settings_new ("org.example.Captioner");
  g_settings_set_int (desk.settings, "window-width", 1300);
  g_settings_set_int (desk.settings, "window-height", 800);
  desk.window = captioner_window_new (desk.application, desk.settings);
  desk.dir = g_strdup (dir);
  gtk_window_present (GTK_WINDOW (desk.window));
  desk_open_folder (&desk);
  desk_set_body (&desk, WORDS);
  draft = captioner_desk_item_get_draft (captioner_desk_get_item (captioner_window_get_desk (desk.window), 0));
  g_assert_true (captioner_draft_get_dirty (draft));
  /* Within a second of typing, the words are on disk somewhere. */
  DESK_WAIT_UNTIL (g_file_query_exists (journal, NULL));
  raise (SIGKILL);
  return 1;
}

static void
test_crash_and_restore (Desk          *desk,
                        gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (desk->dir);
  g_autoptr(GFile) journal = captioner_journal_file_for (folder);
  g_autofree char *sidecar = g_build_filename (desk->dir, "a-summit.jpg.xmp", NULL);
  const char *argv[] = { self_path, "--crash-child", desk->dir, NULL };
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  CaptionerPhotoItem *a;
  int status = 0;

  /* This fixture's window opens nothing; the child's does. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_true (g_file_query_exists (journal, NULL));
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  /* The next start offers the edits back. */
  g_object_remove_weak_pointer (G_OBJECT (desk->window), (gpointer *) &desk->window);
  gtk_window_destroy (GTK_WINDOW (desk->window));
  desk->window = captioner_window_new (desk->application, desk->settings);
  g_object_add_weak_pointer (G_OBJECT (desk->window), (gpointer *) &desk->window);
  gtk_window_present (GTK_WINDOW (desk->window));
  DESK_WAIT_UNTIL ((dialog = desk_find_dialog ()) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  desk_respond (dialog, "restore");

  DESK_WAIT_UNTIL (g_list_model_get_n_items (captioner_window_get_photos (desk->window)) == 3 &&
                   !captioner_window_is_busy (desk->window) && desk_photo_is_shown (desk));
  a = desk_item_at (desk, 0);
  DESK_WAIT_UNTIL (captioner_photo_item_get_state (a) == CAPTIONER_PHOTO_STATE_UNSAVED);
  desk_assert_caption (desk, WORDS);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));

  /* Saved, the words are in the sidecar and the journal goes. */
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window) &&
                   captioner_photo_item_get_state (a) == CAPTIONER_PHOTO_STATE_CAPTIONED);
  {
    g_autofree char *description = desk_exiftool (desk->dir, "-XMP-dc:Description",
                                                  "a-summit.jpg.xmp");
    g_assert_cmpstr (description, ==, WORDS);
  }
  DESK_WAIT_UNTIL (!g_file_query_exists (journal, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  self_path = argv[0];
  if (argc == 3 && g_str_equal (argv[1], "--crash-child"))
    {
      /* The parent's home and state folders, from the environment it gives. */
      g_test_init (&argc, &argv, NULL);
      adw_init ();
      desk_application = adw_application_new ("org.example.Captioner.Crash",
                                              G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (desk_application), NULL, NULL);
      return crash_child (argv[2]);
    }
  home = desk_init (&argc, &argv);
  g_test_add ("/captioner/window-crash/crash-and-restore", Desk, NULL, desk_set_up,
              test_crash_and_restore, desk_tear_down);
  status = g_test_run ();
  desk_finish (home);
  return status;
}
