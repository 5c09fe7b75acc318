#define G_LOG_DOMAIN "test-window-batch"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "captioner-assists.h"
#include "captioner-desk.h"
#include "captioner-export-dialog.h"
#include "window-test-util.h"

/* Several photos at once, as an editor does it: three frames with different credits selected
 * together show "Mixed", one credit typed goes to all three sidecars, one Ctrl+Z takes it back
 * on all three; a template applied to the selection likewise. */

static const char * const credits[] = { "Alpha", "Beta", "Gamma" };

static void
set_up (Desk          *desk,
        gconstpointer  data)
{
  desk_write_user_file ("templates/summit.captioner-template",
                   "[Template]\nName=Summit pool\n"
                   "[credit]\nValue=Reuters\nApply=true\n"
                   "[city]\nValue=Tehran\nApply=true\n");
  desk_set_up (desk, data);
  DESK_WAIT_UNTIL (captioner_assists_get_directory (
                     CAPTIONER_ASSISTS (captioner_window_get_assists (desk->window))) != NULL);
  desk_open_folder (desk);
}

static const char *
name_at (Desk  *desk,
         guint  position)
{
  return captioner_photo_item_get_name (desk_item_at (desk, position));
}

static CaptionerDraft *
draft_at (Desk  *desk,
          guint  position)
{
  return captioner_desk_item_get_draft (captioner_photo_item_get_desk_item (desk_item_at (desk,
                                                                                          position)));
}

static char *
sidecar_tag (Desk       *desk,
             guint       position,
             const char *tag)
{
  g_autofree char *sidecar = g_strconcat (name_at (desk, position), ".xmp", NULL);

  return desk_exiftool (desk->dir, tag, sidecar);
}

static gboolean
drafts_have_credits (Desk               *desk,
                     const char * const *expected)
{
  for (guint i = 0; i < 3; i++)
    if (g_strcmp0 (captioner_draft_get_field (draft_at (desk, i), CAPTIONER_FIELD_CREDIT),
                   expected[i]) != 0)
      return FALSE;
  return TRUE;
}

static void
assert_credits (Desk               *desk,
                const char * const *expected)
{
  CaptionerDesk *d = captioner_window_get_desk (desk->window);

  /* The batch runs from an idle at low priority, so on a loaded machine a few turns of the
   * main loop may not reach it: wait for the drafts to show the change, then for the saves
   * it starts. */
  DESK_WAIT_UNTIL (drafts_have_credits (desk, expected));
  DESK_WAIT_UNTIL (!captioner_desk_get_busy (d) && !captioner_desk_has_unsaved (d));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *credit = sidecar_tag (desk, i, "-XMP-photoshop:Credit");

      g_assert_cmpstr (captioner_draft_get_field (draft_at (desk, i), CAPTIONER_FIELD_CREDIT), ==,
                       expected[i]);
      g_assert_cmpstr (credit, ==, expected[i]);
    }
}

static GtkWidget *
grid_of (Desk *desk)
{
  return widget_find_type (GTK_WIDGET (desk->window), GTK_TYPE_GRID_VIEW, NULL);
}

static const char *
row_title (Desk           *desk,
           CaptionerField  field)
{
  GtkEditable *row = captioner_caption_panel_get_field_editable (desk_panel (desk), field);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
give_credits (Desk *desk)
{
  for (guint i = 0; i < 3; i++)
    {
      captioner_window_select (desk->window, i);
      DESK_WAIT_UNTIL (captioner_caption_panel_get_draft (desk_panel (desk)) == draft_at (desk, i));
      desk_set_field (desk, CAPTIONER_FIELD_CREDIT, credits[i]);
      desk_activate (desk, "win.save");
    }
  assert_credits (desk, credits);
}

static void
select_all (Desk *desk)
{
  g_assert_true (gtk_widget_activate_action (grid_of (desk), "list.select-all", NULL));
  DESK_WAIT_UNTIL (strstr (row_title (desk, CAPTIONER_FIELD_CREDIT), "Mixed") != NULL);
}

static void
test_mixed_credit_and_undo (Desk          *desk,
                            gconstpointer  data)
{
  static const char * const pool[] = { "Pool", "Pool", "Pool" };
  GtkEditable *credit_row = captioner_caption_panel_get_field_editable (desk_panel (desk),
                                                                         CAPTIONER_FIELD_CREDIT);
  g_auto(GStrv) sums = g_new0 (char *, 4);   /* a NULL-terminated array: every item freed */

  for (guint i = 0; i < 3; i++)
    sums[i] = desk_checksum (desk->dir, name_at (desk, i));
  give_credits (desk);

  /* Ctrl+A: the three are shown as one, the one shown stays the one clicked last. */
  select_all (desk);
  g_assert_cmpuint (captioner_window_get_selected (desk->window), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (credit_row), ==, "");
  g_assert_cmpstr (row_title (desk, CAPTIONER_FIELD_CREDIT), ==, "Credit (Mixed)");
  /* What they share shows as it is. */
  g_assert_cmpstr (row_title (desk, CAPTIONER_FIELD_CITY), ==, "City");

  /* The editor types a credit and presses Enter: all three have it, on disk too. */
  gtk_widget_grab_focus (GTK_WIDGET (credit_row));
  gtk_editable_set_text (credit_row, "Pool");
  g_signal_emit_by_name (credit_row, "entry-activated");
  assert_credits (desk, pool);
  DESK_WAIT_UNTIL (g_strcmp0 (row_title (desk, CAPTIONER_FIELD_CREDIT), "Credit") == 0);
  g_assert_cmpstr (gtk_editable_get_text (credit_row), ==, "Pool");

  /* One Ctrl+Z: all three as they were, on disk too. */
  desk_activate (desk, "win.undo");
  assert_credits (desk, credits);
  DESK_WAIT_UNTIL (strstr (row_title (desk, CAPTIONER_FIELD_CREDIT), "Mixed") != NULL);
  desk_activate (desk, "win.redo");
  assert_credits (desk, pool);
  desk_activate (desk, "win.undo");
  assert_credits (desk, credits);

  /* Back to one photo: its own credit, the panel as before. */
  captioner_window_select (desk->window, 0);
  DESK_WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (credit_row), "Alpha") == 0);
  g_assert_cmpstr (row_title (desk, CAPTIONER_FIELD_CREDIT), ==, "Credit");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sum = desk_checksum (desk->dir, name_at (desk, i));

      g_assert_cmpstr (sum, ==, sums[i]);
    }
}

static void
test_template_on_selection (Desk          *desk,
                            gconstpointer  data)
{
  static const char * const reuters[] = { "Reuters", "Reuters", "Reuters" };

  give_credits (desk);
  select_all (desk);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk->window), "win.apply-template",
                                             "s", "Summit pool"));
  assert_credits (desk, reuters);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *city = sidecar_tag (desk, i, "-XMP-photoshop:City");

      g_assert_cmpstr (city, ==, "Tehran");
    }
  DESK_WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (captioner_caption_panel_get_field_editable (
                                desk_panel (desk), CAPTIONER_FIELD_CITY)), "Tehran") == 0);

  desk_activate (desk, "win.undo");
  assert_credits (desk, credits);
  for (guint i = 0; i < 3; i++)
    g_assert_null (captioner_draft_get_field (draft_at (desk, i), CAPTIONER_FIELD_CITY));
}

/* Two frames picked out of three with Ctrl: Export offers them and starts on them, and only
 * they are in the CSV. */
static void
test_export_selection (Desk          *desk,
                       gconstpointer  data)
{
  GtkSelectionModel *model = gtk_grid_view_get_model (GTK_GRID_VIEW (grid_of (desk)));
  CaptionerExportDialog *dialog = NULL;

  give_credits (desk);
  gtk_selection_model_select_item (model, 0, TRUE);
  gtk_selection_model_select_item (model, 2, FALSE);
  DESK_WAIT_UNTIL (strstr (row_title (desk, CAPTIONER_FIELD_CREDIT), "Mixed") != NULL);
  desk_activate (desk, "win.export");
  dialog = (CaptionerExportDialog *) desk_find_window (CAPTIONER_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (captioner_export_dialog_get_only_selection (dialog));
  captioner_export_dialog_set_format (dialog, CAPTIONER_EXPORT_FORMAT_CSV);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  DESK_WAIT_UNTIL (!captioner_export_dialog_get_running (dialog));
  g_assert_cmpstr (captioner_export_dialog_get_status (dialog), ==, "Exported 2 of 2 photos.");
  {
    g_autofree char *csv_path = g_build_filename (desk->dir, "captions.csv", NULL);
    g_autofree char *csv = NULL;

    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    for (guint i = 0; i < 3; i++)
      g_assert_cmpint (strstr (csv, name_at (desk, i)) != NULL, ==, i != 1);
  }

  /* The folder is still one choice away. */
  captioner_export_dialog_set_only_selection (dialog, FALSE);
  captioner_export_dialog_set_format (dialog, CAPTIONER_EXPORT_FORMAT_JSON);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  DESK_WAIT_UNTIL (!captioner_export_dialog_get_running (dialog));
  g_assert_cmpstr (captioner_export_dialog_get_status (dialog), ==, "Exported 3 of 3 photos.");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = desk_init (&argc, &argv);
  int status;

  g_test_add ("/captioner/window-batch/mixed-credit-and-undo", Desk, NULL, set_up,
              test_mixed_credit_and_undo, desk_tear_down);
  g_test_add ("/captioner/window-batch/template-on-selection", Desk, NULL, set_up,
              test_template_on_selection, desk_tear_down);
  g_test_add ("/captioner/window-batch/export-selection", Desk, NULL, set_up,
              test_export_selection, desk_tear_down);
  status = g_test_run ();
  desk_finish (home);
  return status;
}
