#define G_LOG_DOMAIN "captioner-print"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-contact-sheet.h"
#include "captioner-photo.h"
#include "captioner-print-preview.h"
#include "captioner-print.h"

/* The contact sheet of the window's photos, printed: loaded in a thread (decoding thumbnails
 * is slow, and no file is read on the main thread), laid out and drawn on GTK's print
 * context in points, so the pages are the PDF export's on the paper the user picked. */

typedef struct
{
  GtkWindow             *parent;        /* owned */
  GPtrArray             *files;         /* GFile */
  GFile                 *export_file;   /* owned, or NULL */
  GSettings             *settings;      /* owned, or NULL: 6 a page, not remembered */
  guint                  per_page;      /* what the sheet is laid out in */
  CaptionerContactSheet *sheet;         /* filled in the thread */
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->parent);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_object (&data->export_file);
  g_clear_object (&data->settings);
  g_clear_object (&data->sheet);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PrintData *data = task_data;
  /* Thumbnails as large as 6 a page wants, or larger: the print dialog's Contact Sheet tab
   * may change the layout after they are loaded, and only 2 a page (after another layout was
   * remembered) then draws them enlarged. */
  g_autoptr(CaptionerContactSheet) sheet =
    captioner_contact_sheet_new (MIN (data->per_page, CAPTIONER_CONTACT_SHEET_DEFAULT_PER_PAGE));

  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CaptionerPhoto) photo = captioner_photo_load (file, cancellable, &error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (photo == NULL)
        {
          /* Unreadable: still on the sheet, by name, so the page shows what is missing. */
          g_autofree char *name = g_file_get_basename (file);
          captioner_contact_sheet_add (sheet, name, NULL, NULL);
          continue;
        }
      if (i == 0)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *title = parent != NULL ? g_file_get_basename (parent) : NULL;
          captioner_contact_sheet_set_title (sheet, title);
        }
      if (!captioner_contact_sheet_add_photo (sheet, photo, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  captioner_contact_sheet_set_per_page (sheet, data->per_page);
  data->sheet = g_steal_pointer (&sheet);
  g_task_return_boolean (task, TRUE);
}

/* The print dialog's Contact Sheet tab: how many photos a page. */
static GObject *
on_create_custom_widget_cb (GtkPrintOperation *operation,
                            PrintData         *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Photos per _Page"));
  GtkWidget *drop = gtk_drop_down_new (captioner_print_layout_list_new (), NULL);

  /* data->per_page is a valid layout (captioner_print_contact_sheet_async). */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop),
                              captioner_contact_sheet_layout_position (data->per_page));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop);
  g_object_set_data (G_OBJECT (box), "captioner-layout", drop);
  return G_OBJECT (box);
}

static void
on_custom_widget_apply_cb (GtkPrintOperation *operation,
                           GtkWidget         *widget,
                           PrintData         *data)
{
  GtkDropDown *drop = g_object_get_data (G_OBJECT (widget), "captioner-layout");
  guint n_layouts = 0;
  const guint *layouts = captioner_contact_sheet_get_layouts (&n_layouts);
  guint selected = drop != NULL ? gtk_drop_down_get_selected (drop) : GTK_INVALID_LIST_POSITION;

  if (selected >= n_layouts)
    return;
  data->per_page = layouts[selected];
  captioner_contact_sheet_set_per_page (data->sheet, data->per_page);
  /* The next sheet, printed or exported, is laid out the same. */
  if (data->settings != NULL)
    g_settings_set_uint (data->settings, "contact-sheet-per-page", data->per_page);
}

/* Preview in Captioner's own window, not an external viewer that may not be installed. */
static gboolean
on_preview_cb (GtkPrintOperation        *operation,
               GtkPrintOperationPreview *preview,
               GtkPrintContext          *context,
               GtkWindow                *parent,
               PrintData                *data)
{
  return captioner_print_preview_run (operation, preview, context,
                                      parent != NULL ? parent : data->parent, data->sheet);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintData         *data)
{
  captioner_contact_sheet_set_area (data->sheet, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, captioner_contact_sheet_get_n_pages (data->sheet));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintData         *data)
{
  captioner_contact_sheet_draw_page (data->sheet, gtk_print_context_get_cairo_context (context),
                                     page);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GTask                   *task)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (task, result != GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_object_unref (task);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PrintData *data = g_task_get_task_data (task);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  g_autofree char *job_name = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  operation = gtk_print_operation_new ();
  job_name = g_strdup_printf (ngettext ("Contact Sheet, %u Photo", "Contact Sheet, %u Photos",
                                        data->files->len), data->files->len);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (data->export_file != NULL)
    {
      g_autofree char *path = g_file_get_path (data->export_file);
      gtk_print_operation_set_export_filename (operation, path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  gtk_print_operation_set_custom_tab_label (operation, _("Contact Sheet"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget_cb),
                    data);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply_cb),
                    data);
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview_cb), data);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), data);
  /* done is emitted for every outcome but an error from run() itself. */
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), g_object_ref (task));
  if (gtk_print_operation_run (operation, action, data->parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_signal_handlers_disconnect_by_func (operation, on_done_cb, task);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);   /* done's reference */
    }
}

void
captioner_print_contact_sheet_async (GtkWindow           *parent,
                                     GPtrArray           *files,
                                     GSettings           *settings,
                                     GFile               *export_file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  PrintData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (files != NULL);
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_print_contact_sheet_async);
  data = g_new0 (PrintData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (data->files, g_object_ref (g_ptr_array_index (files, i)));
  data->settings = settings != NULL ? g_object_ref (settings) : NULL;
  data->per_page = settings != NULL ? g_settings_get_uint (settings, "contact-sheet-per-page")
                                    : CAPTIONER_CONTACT_SHEET_DEFAULT_PER_PAGE;
  if (!captioner_contact_sheet_layout_is_valid (data->per_page))
    data->per_page = CAPTIONER_CONTACT_SHEET_DEFAULT_PER_PAGE;
  data->export_file = export_file != NULL ? g_object_ref (export_file) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) print_data_free);

  load = g_task_new (NULL, cancellable, on_loaded_cb, g_object_ref (task));
  g_task_set_task_data (load, data, NULL);
  g_task_run_in_thread (load, load_thread);
}

gboolean
captioner_print_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

GListModel *
captioner_print_layout_list_new (void)
{
  guint n_layouts = 0;
  const guint *layouts = captioner_contact_sheet_get_layouts (&n_layouts);
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_layouts; i++)
    {
      g_autofree char *name = captioner_contact_sheet_dup_layout_name (layouts[i]);
      gtk_string_list_append (names, name);
    }
  return G_LIST_MODEL (names);
}
