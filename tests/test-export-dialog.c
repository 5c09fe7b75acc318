#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "captioner-export-dialog.h"
#include "captioner-print-preview.h"
#include "captioner-print.h"
#include "widget-test-util.h"
#include "captioner-photo.h"
#include "test-util.h"

/* The export dialog in a real window: it exports through the core in a thread, reports
 * progress and asks before replacing files. */

typedef struct
{
  char                  *dir;
  char                  *out;
  GPtrArray             *files;
  CaptionerExportDialog *dialog;
} Fixture;

static void
wait_until_idle (CaptionerExportDialog *dialog)
{
  WIDGET_WAIT_UNTIL (!captioner_export_dialog_get_running (dialog), 20);
  /* Let the last reports and the replace question arrive. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
make_photo (const char *dir,
            const char *name,
            const char *caption)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(CaptionerMetadata) metadata = NULL;

  gdk_pixbuf_fill (pixbuf, 0x4080c0ff);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL);
  g_assert_no_error (error);
  photo = captioner_photo_load (file, NULL, &error);
  g_assert_no_error (error);
  metadata = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION, caption);
  g_assert_true (captioner_photo_save (photo, metadata, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  f->dir = g_dir_make_tmp ("captioner-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->out = g_build_filename (f->dir, "out", NULL);
  a = make_photo (f->dir, "a.jpg", "From left, Ա and Բ (Reuters photo)");
  b = make_photo (f->dir, "b.jpg", "Second, \"quoted\"");
  f->files = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->files, g_file_new_for_path (a));
  g_ptr_array_add (f->files, g_file_new_for_path (b));
  f->dialog = CAPTIONER_EXPORT_DIALOG (captioner_export_dialog_new (NULL, f->files));
  gtk_window_present (GTK_WINDOW (f->dialog));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_remove_tree (f->dir);
  g_ptr_array_unref (f->files);
  g_free (f->dir);
  g_free (f->out);
}

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text;
}

static AdwMessageDialog *
find_question (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
export_txt (Fixture *f)
{
  g_autoptr(GFile) out = g_file_new_for_path (f->out);

  captioner_export_dialog_set_format (f->dialog, CAPTIONER_EXPORT_FORMAT_TXT);
  captioner_export_dialog_set_destination (f->dialog, out);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "export.start", NULL));
  g_assert_true (captioner_export_dialog_get_running (f->dialog));
  wait_until_idle (f->dialog);
}

static void
test_txt (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  /* The window behind stays usable. */
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (f->dialog)));

  export_txt (f);
  g_assert_cmpstr (captioner_export_dialog_get_status (f->dialog), ==,
                   "Exported 2 of 2 photos.");
  a = read_text (f->out, "a.txt");
  b = read_text (f->out, "b.txt");
  g_assert_cmpstr (a, ==, "From left, Ա and Բ (Reuters photo)\n");
  g_assert_cmpstr (b, ==, "Second, \"quoted\"\n");
  g_assert_null (find_question ());
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *a_path = g_build_filename (f->out, "a.txt", NULL);
  AdwMessageDialog *question;
  g_autoptr(GError) error = NULL;

  export_txt (f);
  g_file_set_contents (a_path, "edited", -1, &error);
  g_assert_no_error (error);

  /* Again: the dialog asks; keeping them leaves the files alone. */
  export_txt (f);
  question = find_question ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "keep");
  wait_until_idle (f->dialog);
  g_assert_cmpstr (captioner_export_dialog_get_status (f->dialog), ==,
                   "Exported 0 of 2 photos.");
  {
    g_autofree char *a = read_text (f->out, "a.txt");
    g_assert_cmpstr (a, ==, "edited");
  }

  /* And again: replacing them writes them anew. */
  export_txt (f);
  question = find_question ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "replace");
  wait_until_idle (f->dialog);
  g_assert_cmpstr (captioner_export_dialog_get_status (f->dialog), ==,
                   "Exported 2 of 2 photos.");
  {
    g_autofree char *a = read_text (f->out, "a.txt");
    g_assert_cmpstr (a, ==, "From left, Ա and Բ (Reuters photo)\n");
  }
}

static void
test_csv_default (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv = NULL;

  captioner_export_dialog_set_format (f->dialog, CAPTIONER_EXPORT_FORMAT_CSV);
  g_assert_null (captioner_export_dialog_get_destination (f->dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "export.start", NULL));
  wait_until_idle (f->dialog);
  csv = read_text (f->dir, "captions.csv");
  g_assert_nonnull (csv);
  g_assert_true (g_str_has_prefix (csv, "file,caption,"));
  g_assert_nonnull (strstr (csv, "a.jpg,\"From left, Ա and Բ (Reuters photo)\""));

  /* The one file exists: the dialog asks about it too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "export.start", NULL));
  wait_until_idle (f->dialog);
  g_assert_nonnull (find_question ());
  adw_message_dialog_response (find_question (), "replace");
  wait_until_idle (f->dialog);
  g_assert_cmpstr (captioner_export_dialog_get_status (f->dialog), ==,
                   "Exported 2 of 2 photos.");
}

static void
test_needs_folder (Fixture       *f,
                   gconstpointer  data)
{
  /* Captioned copies need a folder: without one, Export does nothing. */
  captioner_export_dialog_set_format (f->dialog, CAPTIONER_EXPORT_FORMAT_JPEG);
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "export.start", NULL);
  g_assert_false (captioner_export_dialog_get_running (f->dialog));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              label) == 0;
}

/* Finished, the dialog offers Close, not Cancel, and the folder the files went to. */
static void
test_finished (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) out = g_file_new_for_path (f->out);
  GtkWidget *open;

  g_assert_nonnull (widget_find (GTK_WIDGET (f->dialog), is_button_labelled, "_Cancel"));
  g_assert_null (captioner_export_dialog_get_result_folder (f->dialog));
  export_txt (f);
  g_assert_null (widget_find (GTK_WIDGET (f->dialog), is_button_labelled, "_Cancel"));
  g_assert_nonnull (widget_find (GTK_WIDGET (f->dialog), is_button_labelled, "_Close"));
  open = widget_find (GTK_WIDGET (f->dialog), is_button_labelled, "_Open Folder");
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_get_visible (open));
  g_assert_true (g_file_equal (captioner_export_dialog_get_result_folder (f->dialog), out));

  /* A csv next to the photos: their folder. */
  {
    g_autoptr(GFile) dir = g_file_new_for_path (f->dir);

    captioner_export_dialog_set_destination (f->dialog, NULL);
    captioner_export_dialog_set_format (f->dialog, CAPTIONER_EXPORT_FORMAT_CSV);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "export.start", NULL));
    wait_until_idle (f->dialog);
    g_assert_true (g_file_equal (captioner_export_dialog_get_result_folder (f->dialog), dir));
  }
}

/* With the window's shown photo given, the user picks it alone or the whole folder. */
static void
test_current_photo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_ptr_array_add (shown, g_ptr_array_index (f->files, 1));
  captioner_export_dialog_set_selection (f->dialog, shown);
  /* One photo shown is where the editor is, not a choice: the folder comes first. */
  g_assert_false (captioner_export_dialog_get_only_selection (f->dialog));
  captioner_export_dialog_set_only_selection (f->dialog, TRUE);
  export_txt (f);
  g_assert_cmpstr (captioner_export_dialog_get_status (f->dialog), ==,
                   "Exported 1 of 1 photo.");
  a = read_text (f->out, "a.txt");
  b = read_text (f->out, "b.txt");
  g_assert_null (a);
  g_assert_cmpstr (b, ==, "Second, \"quoted\"\n");

  captioner_export_dialog_set_only_selection (f->dialog, FALSE);
  export_txt (f);
  /* b.txt exists: the dialog asks about it only. */
  g_assert_nonnull (find_question ());
  adw_message_dialog_response (find_question (), "keep");
  wait_until_idle (f->dialog);
  g_assert_cmpstr (captioner_export_dialog_get_status (f->dialog), ==,
                   "Exported 1 of 2 photos.");
  g_free (a);
  a = read_text (f->out, "a.txt");
  g_assert_cmpstr (a, ==, "From left, Ա and Բ (Reuters photo)\n");
}

/* What pdfinfo says of a PDF ("Pages:", "Page size:"). */
static char *
pdfinfo (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *out = pdfinfo (pdf);
  const char *line = strstr (out, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* The fixture's two photos and a third, c.jpg. */
static GPtrArray *
three_photos (Fixture *f)
{
  g_autofree char *c = make_photo (f->dir, "c.jpg", "Third");
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < f->files->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (f->files, i)));
  g_ptr_array_add (files, g_file_new_for_path (c));
  return files;
}

/* Three photos, two of them selected, two per page on US Letter: the selection's sheet is one
 * page and says nothing of the third; the folder's is two pages; the settings remember the
 * layout for the next sheet, exported or printed. */
static void
test_pdf_selection_layout (Fixture       *f,
                           gconstpointer  data)
{
  /* The tests' settings are in memory (GSETTINGS_BACKEND). */
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Captioner");
  g_autofree char *pdf = g_build_filename (f->dir, "contact-sheet.pdf", NULL);
  g_autoptr(GPtrArray) selected = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = three_photos (f);
  g_autofree char *paper = NULL;
  g_autofree char *text = NULL;
  CaptionerExportDialog *dialog;

  dialog = CAPTIONER_EXPORT_DIALOG (captioner_export_dialog_new (NULL, files));
  gtk_window_present (GTK_WINDOW (dialog));
  captioner_export_dialog_set_settings (dialog, settings);
  g_assert_cmpuint (captioner_export_dialog_get_per_page (dialog), ==, 6);
  g_ptr_array_add (selected, g_ptr_array_index (files, 0));
  g_ptr_array_add (selected, g_ptr_array_index (files, 2));
  captioner_export_dialog_set_selection (dialog, selected);
  g_assert_true (captioner_export_dialog_get_only_selection (dialog));

  captioner_export_dialog_set_format (dialog, CAPTIONER_EXPORT_FORMAT_PDF);
  g_settings_set_string (settings, "contact-sheet-paper", "letter");
  captioner_export_dialog_set_settings (dialog, settings);
  captioner_export_dialog_set_per_page (dialog, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_until_idle (dialog);
  g_assert_cmpstr (captioner_export_dialog_get_status (dialog), ==, "Exported 2 of 2 photos.");
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  text = pdfinfo (pdf);
  g_assert_nonnull (strstr (text, "612 x 792 pts (letter)"));
  g_assert_cmpuint (g_settings_get_uint (settings, "contact-sheet-per-page"), ==, 2);
  paper = g_settings_get_string (settings, "contact-sheet-paper");
  g_assert_cmpstr (paper, ==, "letter");

  captioner_export_dialog_set_only_selection (dialog, FALSE);
  gtk_switch_set_active (GTK_SWITCH (widget_find_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH,
                                                       NULL)), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_until_idle (dialog);
  g_assert_cmpstr (captioner_export_dialog_get_status (dialog), ==, "Exported 3 of 3 photos.");
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "contact-sheet-per-page");
  g_settings_reset (settings, "contact-sheet-paper");
}

/* A contact sheet from the dialog: one PDF next to the photos. */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "contact-sheet.pdf", NULL);
  g_autofree char *text = NULL;

  captioner_export_dialog_set_format (f->dialog, CAPTIONER_EXPORT_FORMAT_PDF);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "export.start", NULL));
  wait_until_idle (f->dialog);
  g_assert_cmpstr (captioner_export_dialog_get_status (f->dialog), ==,
                   "Exported 2 of 2 photos.");
  text = read_text (f->dir, "contact-sheet.pdf");
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
}

static void
on_printed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The window's printing: GtkPrintOperation drawing the contact sheet's pages, here through
 * GTK's export action (no dialog), read back with pdftotext. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status = 0;

  captioner_print_contact_sheet_async (GTK_WINDOW (f->dialog), f->files, NULL, file, NULL,
                                       on_printed_cb, &result);
  WIDGET_WAIT_UNTIL (result != NULL, 20);
  g_assert_true (captioner_print_finish (result, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "a.jpg"));
  g_assert_nonnull (strstr (text, "b.jpg"));
  g_assert_nonnull (strstr (text, "From left, Ա and Բ (Reuters photo)"));
}

/* Printing lays the sheet out as the settings say (what the print dialog's Contact Sheet tab
 * and the export dialog set): three photos at 2 a page are two pages. */
static void
test_print_layout (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Captioner");
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GPtrArray) files = three_photos (f);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_uint (settings, "contact-sheet-per-page", 2);
  captioner_print_contact_sheet_async (GTK_WINDOW (f->dialog), files, settings, file, NULL,
                                       on_printed_cb, &result);
  WIDGET_WAIT_UNTIL (result != NULL, 20);
  g_assert_true (captioner_print_finish (result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  g_settings_reset (settings, "contact-sheet-per-page");
}

/* The print dialog's Preview in Captioner's window: three photos at 2 a page are two pages,
 * turned with the header's arrows (Page Up, Page Down). */
static void
test_print_preview (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CaptionerContactSheet) sheet = captioner_contact_sheet_new (2);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  CaptionerPrintPreview *preview;

  captioner_contact_sheet_add (sheet, "a.jpg", "From left, Ա and Բ (Reuters photo)", NULL);
  captioner_contact_sheet_add (sheet, "b.jpg", NULL, NULL);
  captioner_contact_sheet_add (sheet, "c.jpg", "Third", NULL);
  preview = CAPTIONER_PRINT_PREVIEW (captioner_print_preview_new (GTK_WINDOW (f->dialog), sheet,
                                                                  setup));
  gtk_window_present (GTK_WINDOW (preview));
  g_assert_cmpuint (captioner_print_preview_get_n_pages (preview), ==, 2);
  g_assert_cmpstr (captioner_print_preview_get_status (preview), ==, "Page 1 of 2");
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous", NULL);
  g_assert_cmpuint (captioner_print_preview_get_page (preview), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
  g_assert_cmpstr (captioner_print_preview_get_status (preview), ==, "Page 2 of 2");
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL);
  g_assert_cmpuint (captioner_print_preview_get_page (preview), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous", NULL));
  g_assert_cmpuint (captioner_print_preview_get_page (preview), ==, 0);
  /* Drawn without a complaint. */
  WIDGET_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (preview)), 10);
  gtk_window_destroy (GTK_WINDOW (preview));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

#define ADD(path, func) \
  g_test_add ("/captioner/export-dialog/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("txt", test_txt);
  ADD ("replace", test_replace);
  ADD ("csv-default", test_csv_default);
  ADD ("needs-folder", test_needs_folder);
  ADD ("finished", test_finished);
  ADD ("current-photo", test_current_photo);
  ADD ("pdf", test_pdf);
  ADD ("pdf-selection-layout", test_pdf_selection_layout);
  ADD ("print", test_print);
  ADD ("print-layout", test_print_layout);
  ADD ("print-preview", test_print_preview);
#undef ADD

  return g_test_run ();
}
