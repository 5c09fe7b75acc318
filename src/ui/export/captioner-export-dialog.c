#define G_LOG_DOMAIN "captioner-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-contact-sheet.h"
#include "captioner-error.h"
#include "captioner-export-dialog.h"
#include "captioner-print.h"

struct _CaptionerExportDialog
{
  AdwWindow             parent_instance;
  AdwComboRow          *format_row;        /* template */
  AdwActionRow         *destination_row;   /* template */
  GtkWidget            *settings_group;    /* template */
  GtkSwitch            *overwrite_switch;  /* template */
  GtkProgressBar       *progress_bar;      /* template */
  GtkLabel             *status_label;      /* template */
  GtkWidget            *cancel_button;     /* template */
  GtkWidget            *export_button;     /* template */
  GtkWidget            *choose_button;     /* template */
  AdwComboRow          *photos_row;        /* template: the folder or the selection */
  GtkStringList        *photos_list;       /* template */
  AdwComboRow          *per_page_row;      /* template: a contact sheet's layout */
  AdwComboRow          *paper_row;         /* template: A4, US Letter */
  GtkWidget            *open_button;       /* template */

  GPtrArray            *selected;          /* GFile, owned, NULL: always every file */
  GSettings            *settings;          /* owned, or NULL: the layout is not remembered */
  GFile                *result_folder;     /* owned: where the last export went */
  GPtrArray            *chosen;            /* GFile: the photos of the last export */

  GPtrArray            *files;             /* GFile, owned */
  GFile                *destination;       /* owned, NULL for the default */
  GCancellable         *cancellable;       /* while exporting */
  GtkFileChooserNative *chooser;
  GPtrArray            *existing;          /* GFile whose output exists, this run */
  GString              *failures;          /* one line per photo that failed */
  guint                 n_exported;
  guint                 n_total;
  gboolean              replacing;         /* this run replaces existing files */
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (CaptionerExportDialog, captioner_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_DESTINATION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_export (CaptionerExportDialog *self,
                          GPtrArray             *files,
                          gboolean               replace);

/* What each format makes, under its short name. */
static const char *
format_description (CaptionerExportFormat format)
{
  switch (format)
    {
    case CAPTIONER_EXPORT_FORMAT_CSV: return _("One file, a row per photo");
    case CAPTIONER_EXPORT_FORMAT_TXT: return _("A text file with each photo's caption");
    case CAPTIONER_EXPORT_FORMAT_JSON: return _("One file, as captioner-cli info --json");
    case CAPTIONER_EXPORT_FORMAT_XMP: return _("A copy of each photo's sidecar");
    case CAPTIONER_EXPORT_FORMAT_JPEG: return _("A captioned copy of each JPEG");
    case CAPTIONER_EXPORT_FORMAT_PDF: return _("A PDF of thumbnails with names and captions");
    default: g_assert_not_reached ();
    }
}

static const char *
default_name (CaptionerExportFormat format)
{
  switch (format)
    {
    case CAPTIONER_EXPORT_FORMAT_CSV: return "captions.csv";
    case CAPTIONER_EXPORT_FORMAT_JSON: return "captions.json";
    case CAPTIONER_EXPORT_FORMAT_PDF: return "contact-sheet.pdf";
    default: return NULL;
    }
}

/* The files the user chose to export: every one, or only the selected photos. */
static GPtrArray *
dup_chosen_files (CaptionerExportDialog *self)
{
  GPtrArray *from = self->files;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  if (captioner_export_dialog_get_only_selection (self))
    from = self->selected;
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (from, i)));
  return files;
}

/* The per-page row lists the contact sheet's layouts in their order. */
static guint
chosen_per_page (CaptionerExportDialog *self)
{
  guint n_layouts = 0;
  const guint *layouts = captioner_contact_sheet_get_layouts (&n_layouts);
  guint selected = adw_combo_row_get_selected (self->per_page_row);

  return selected < n_layouts ? layouts[selected] : CAPTIONER_CONTACT_SHEET_DEFAULT_PER_PAGE;
}

/* Another number (a hand-edited setting) leaves the row as it is. */
static void
select_per_page (CaptionerExportDialog *self,
                 guint                  per_page)
{
  guint position = captioner_contact_sheet_layout_position (per_page);

  if (position != G_MAXUINT)
    adw_combo_row_set_selected (self->per_page_row, position);
}

/* The finished state: Close instead of Cancel, and a way to the exported files. */
static void
set_finished (CaptionerExportDialog *self,
              gboolean               finished)
{
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), finished ? _("_Close") : _("_Cancel"));
  gtk_widget_set_visible (self->open_button, finished && self->result_folder != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.open-folder",
                                 finished && self->result_folder != NULL);
}

static gboolean
needs_destination (CaptionerExportFormat format)
{
  return format == CAPTIONER_EXPORT_FORMAT_XMP || format == CAPTIONER_EXPORT_FORMAT_JPEG;
}

static void
update_state (CaptionerExportDialog *self)
{
  CaptionerExportFormat format = captioner_export_dialog_get_format (self);
  gboolean running = self->cancellable != NULL;
  g_autofree char *subtitle = NULL;

  if (self->destination != NULL)
    subtitle = g_file_get_parse_name (self->destination);
  else if (format == CAPTIONER_EXPORT_FORMAT_CSV)
    subtitle = g_strdup (_("captions.csv next to the photos"));
  else if (format == CAPTIONER_EXPORT_FORMAT_JSON)
    subtitle = g_strdup (_("captions.json next to the photos"));
  else if (format == CAPTIONER_EXPORT_FORMAT_PDF)
    subtitle = g_strdup (_("contact-sheet.pdf next to the photos"));
  else if (format == CAPTIONER_EXPORT_FORMAT_TXT)
    subtitle = g_strdup (_("Next to each photo"));
  else
    subtitle = g_strdup (_("Choose a folder"));
  adw_action_row_set_subtitle (self->destination_row, subtitle);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), format_description (format));
  gtk_widget_set_visible (GTK_WIDGET (self->per_page_row), format == CAPTIONER_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), format == CAPTIONER_EXPORT_FORMAT_PDF);

  gtk_widget_set_sensitive (self->settings_group, !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start",
                                 !running && self->files->len > 0 &&
                                 (self->destination != NULL || !needs_destination (format)));
}

static void
set_running (CaptionerExportDialog *self,
             GCancellable          *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
show_result (CaptionerExportDialog *self)
{
  g_autoptr(GString) status = g_string_new (NULL);

  g_string_append_printf (status,
                          ngettext ("Exported %u of %u photo.", "Exported %u of %u photos.",
                                    self->n_total),
                          self->n_exported, self->n_total);
  if (self->failures->len > 0)
    g_string_append_printf (status, "\n%s", self->failures->str);
  gtk_label_set_text (self->status_label, status->str);
  set_finished (self, TRUE);
}

static void
on_replace_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        CaptionerExportDialog *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_ref (self->existing);

  if (g_strcmp0 (response, "replace") == 0)
    start_export (self, files, TRUE);
  else
    show_result (self);
}

static void
ask_replace (CaptionerExportDialog *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf (ngettext ("%u file exists already at the destination. Replacing it "
                                    "loses what it holds.",
                                    "%u files exist already at the destination. Replacing them "
                                    "loses what they hold.", self->existing->len),
                          self->existing->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Replace Existing Files?"), body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Them"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_progress_cb (guint         done,
                       guint         total,
                       GFile        *file,
                       const GError *error,
                       gpointer      user_data)
{
  CaptionerExportDialog *self = user_data;
  g_autofree char *text = NULL;

  if (self->disposed)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 1.0);
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);

  if (error == NULL)
    self->n_exported++;
  else if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_EXISTS) && !self->replacing)
    g_ptr_array_add (self->existing, g_object_ref (file));
  else
    g_string_append_printf (self->failures, "%s%s", self->failures->len ? "\n" : "",
                            error->message);
}

static void
on_export_run_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CaptionerExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  captioner_export_run_finish (CAPTIONER_EXPORT (source), result, &error);
  if (self->disposed)
    return;
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  set_running (self, NULL);

  if (cancelled)
    {
      gtk_label_set_text (self->status_label, _("Export cancelled."));
      return;
    }
  /* The folder that holds what was written: the file's, the output folder, or the photos'. */
  {
    GFile *output = captioner_export_get_output (CAPTIONER_EXPORT (source));

    g_clear_object (&self->result_folder);
    if (output != NULL && captioner_export_format_is_single_file (
                            captioner_export_get_format (CAPTIONER_EXPORT (source))))
      self->result_folder = g_file_get_parent (output);
    else if (output != NULL)
      self->result_folder = g_object_ref (output);
    else if (self->files->len > 0)
      self->result_folder = g_file_get_parent (g_ptr_array_index (self->files, 0));
  }
  /* csv and json: the one file exists already. Ask about it as about per-photo files. */
  if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_EXISTS) && !self->replacing)
    {
      g_ptr_array_set_size (self->existing, 0);
      for (guint i = 0; i < self->chosen->len; i++)
        g_ptr_array_add (self->existing, g_object_ref (g_ptr_array_index (self->chosen, i)));
      self->n_exported = 0;
    }
  else if (error != NULL && !g_error_matches (error, CAPTIONER_EXPORT_ERROR,
                                               CAPTIONER_EXPORT_ERROR_PARTIAL))
    g_string_append_printf (self->failures, "%s%s", self->failures->len ? "\n" : "",
                            error->message);

  if (self->existing->len > 0)
    ask_replace (self);
  else
    show_result (self);
}

static void
start_export (CaptionerExportDialog *self,
              GPtrArray             *files,
              gboolean               replace)
{
  g_autoptr(CaptionerExport) export = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) batch = NULL;
  CaptionerExportFlags flags = CAPTIONER_EXPORT_FLAGS_NONE;

  self->replacing = replace || gtk_switch_get_active (self->overwrite_switch);
  if (self->replacing)
    flags |= CAPTIONER_EXPORT_FLAGS_OVERWRITE;
  /* A second pass that replaces files adds to the first pass's count. */
  if (!replace)
    {
      self->n_exported = 0;
      self->n_total = files->len;
      g_string_truncate (self->failures, 0);
      g_clear_pointer (&self->chosen, g_ptr_array_unref);
      self->chosen = g_ptr_array_ref (files);
    }
  export = captioner_export_new (captioner_export_dialog_get_format (self), self->destination,
                                 flags);
  if (captioner_export_dialog_get_format (self) == CAPTIONER_EXPORT_FORMAT_PDF)
    {
      CaptionerPaper paper = adw_combo_row_get_selected (self->paper_row) == 1
                             ? CAPTIONER_PAPER_LETTER : CAPTIONER_PAPER_A4;

      captioner_export_set_contact_sheet (export, chosen_per_page (self), paper);
      /* The next sheet, exported or printed, is laid out the same. */
      if (self->settings != NULL)
        {
          g_settings_set_uint (self->settings, "contact-sheet-per-page", chosen_per_page (self));
          g_settings_set_string (self->settings, "contact-sheet-paper",
                                 paper == CAPTIONER_PAPER_LETTER ? "letter" : "a4");
        }
    }
  /* Never replace any photo of the selection, even in a pass over a few of them. */
  for (guint i = 0; i < self->files->len; i++)
    captioner_export_protect_photo (export, g_ptr_array_index (self->files, i));
  /* Copied first: files may be self->existing, which starts over here. */
  batch = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (batch, g_object_ref (g_ptr_array_index (files, i)));
  g_ptr_array_set_size (self->existing, 0);

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->status_label, "");
  set_finished (self, FALSE);
  set_running (self, cancellable);
  captioner_export_run_async (export, batch, on_export_progress_cb, self, NULL, cancellable,
                              on_export_run_cb, g_object_ref (self));
}

static void
export_start_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CaptionerExportDialog *self = CAPTIONER_EXPORT_DIALOG (widget);

  g_autoptr(GPtrArray) files = NULL;

  if (self->cancellable != NULL)
    return;
  files = dup_chosen_files (self);
  start_export (self, files, FALSE);
}

static void
export_open_folder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CaptionerExportDialog *self = CAPTIONER_EXPORT_DIALOG (widget);
  g_autofree char *uri = NULL;

  if (self->result_folder == NULL)
    return;
  uri = g_file_get_uri (self->result_folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
export_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CaptionerExportDialog *self = CAPTIONER_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response_cb (GtkNativeDialog       *chooser,
                        int                    response,
                        CaptionerExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      captioner_export_dialog_set_destination (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
on_choose_button_clicked_cb (CaptionerExportDialog *self)
{
  CaptionerExportFormat format = captioner_export_dialog_get_format (self);
  gboolean single = captioner_export_format_is_single_file (format);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (single ? _("Export To") : _("Export Into Folder"),
                                               GTK_WINDOW (self),
                                               single ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                      : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (single)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), default_name (format));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_format_row_selected_cb (CaptionerExportDialog *self)
{
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

static void
captioner_export_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CaptionerExportDialog *self = CAPTIONER_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_uint (value, captioner_export_dialog_get_format (self));
      break;
    case PROP_DESTINATION:
      g_value_set_object (value, self->destination);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, captioner_export_dialog_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_export_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CaptionerExportDialog *self = CAPTIONER_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      captioner_export_dialog_set_format (self, g_value_get_uint (value));
      break;
    case PROP_DESTINATION:
      captioner_export_dialog_set_destination (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_export_dialog_dispose (GObject *object)
{
  CaptionerExportDialog *self = CAPTIONER_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (captioner_export_dialog_parent_class)->dispose (object);
}

static void
captioner_export_dialog_finalize (GObject *object)
{
  CaptionerExportDialog *self = CAPTIONER_EXPORT_DIALOG (object);

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->existing, g_ptr_array_unref);
  g_clear_object (&self->destination);
  g_clear_pointer (&self->selected, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_object (&self->result_folder);
  g_string_free (self->failures, TRUE);
  G_OBJECT_CLASS (captioner_export_dialog_parent_class)->finalize (object);
}

static void
captioner_export_dialog_class_init (CaptionerExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = captioner_export_dialog_dispose;
  object_class->finalize = captioner_export_dialog_finalize;
  object_class->get_property = captioner_export_dialog_get_property;
  object_class->set_property = captioner_export_dialog_set_property;

  properties[PROP_FORMAT] =
    g_param_spec_uint ("format", NULL, NULL, CAPTIONER_EXPORT_FORMAT_CSV,
                       CAPTIONER_EXPORT_FORMAT_PDF, CAPTIONER_EXPORT_FORMAT_CSV,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION] =
    g_param_spec_object ("destination", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, settings_group);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, overwrite_switch);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, photos_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, photos_list);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, per_page_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerExportDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_format_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, export_start_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, export_cancel_action);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL,
                                   export_open_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
captioner_export_dialog_init (CaptionerExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->existing = g_ptr_array_new_with_free_func (g_object_unref);
  self->failures = g_string_new (NULL);
  {
    g_autoptr(GListModel) layouts = captioner_print_layout_list_new ();

    adw_combo_row_set_model (self->per_page_row, layouts);
  }
  select_per_page (self, CAPTIONER_CONTACT_SHEET_DEFAULT_PER_PAGE);
  set_finished (self, FALSE);
  update_state (self);
}

GtkWidget *
captioner_export_dialog_new (GtkWindow *parent,
                             GPtrArray *files)
{
  CaptionerExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  self = g_object_new (CAPTIONER_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", FALSE,
                       NULL);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (self->files, g_object_ref (g_ptr_array_index (files, i)));
  update_state (self);
  return GTK_WIDGET (self);
}

CaptionerExportFormat
captioner_export_dialog_get_format (CaptionerExportDialog *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self), CAPTIONER_EXPORT_FORMAT_CSV);
  return adw_combo_row_get_selected (self->format_row);
}

void
captioner_export_dialog_set_format (CaptionerExportDialog *self,
                                    CaptionerExportFormat  format)
{
  g_return_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= CAPTIONER_EXPORT_FORMAT_PDF);

  /* notify::selected updates the rest. */
  adw_combo_row_set_selected (self->format_row, format);
}

GFile *
captioner_export_dialog_get_destination (CaptionerExportDialog *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self), NULL);
  return self->destination;
}

void
captioner_export_dialog_set_destination (CaptionerExportDialog *self,
                                         GFile                 *destination)
{
  g_return_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (destination == NULL || G_IS_FILE (destination));

  if (!g_set_object (&self->destination, destination))
    return;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION]);
}

gboolean
captioner_export_dialog_get_running (CaptionerExportDialog *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
captioner_export_dialog_get_status (CaptionerExportDialog *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->status_label);
}

void
captioner_export_dialog_set_selection (CaptionerExportDialog *self,
                                       GPtrArray             *selected)
{
  g_autofree char *all = NULL;
  g_autofree char *some = NULL;
  const char *items[3] = { NULL };
  gboolean offered;

  g_return_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self));

  g_clear_pointer (&self->selected, g_ptr_array_unref);
  offered = selected != NULL && selected->len > 0 && selected->len < self->files->len;
  gtk_widget_set_visible (GTK_WIDGET (self->photos_row), offered);
  if (!offered)
    return;
  self->selected = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < selected->len; i++)
    g_ptr_array_add (self->selected, g_object_ref (g_ptr_array_index (selected, i)));

  all = g_strdup_printf (ngettext ("The Folder, %u Photo", "The Folder, %u Photos",
                                   self->files->len), self->files->len);
  if (selected->len == 1)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (selected, 0));
      some = g_strdup_printf (_("This Photo, %s"), name);
    }
  else
    some = g_strdup_printf (ngettext ("The %u Selected Photo", "The %u Selected Photos",
                                      selected->len), selected->len);
  items[0] = all;
  items[1] = some;
  gtk_string_list_splice (self->photos_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->photos_list)), items);
  /* Photos the editor picked out are what they mean to export; the shown photo alone is only
   * where they happen to be. */
  adw_combo_row_set_selected (self->photos_row, selected->len > 1 ? 1 : 0);
}

void
captioner_export_dialog_set_only_selection (CaptionerExportDialog *self,
                                            gboolean               only_selection)
{
  g_return_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (!only_selection || self->selected != NULL);

  adw_combo_row_set_selected (self->photos_row, only_selection ? 1 : 0);
}

gboolean
captioner_export_dialog_get_only_selection (CaptionerExportDialog *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self), FALSE);
  return self->selected != NULL && adw_combo_row_get_selected (self->photos_row) == 1;
}

void
captioner_export_dialog_set_settings (CaptionerExportDialog *self,
                                      GSettings             *settings)
{
  g_autofree char *paper = NULL;

  g_return_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  if (settings == NULL)
    return;
  select_per_page (self, g_settings_get_uint (settings, "contact-sheet-per-page"));
  paper = g_settings_get_string (settings, "contact-sheet-paper");
  adw_combo_row_set_selected (self->paper_row, g_strcmp0 (paper, "letter") == 0 ? 1 : 0);
}

guint
captioner_export_dialog_get_per_page (CaptionerExportDialog *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self), 0);
  return chosen_per_page (self);
}

void
captioner_export_dialog_set_per_page (CaptionerExportDialog *self,
                                      guint                  per_page)
{
  g_return_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (captioner_contact_sheet_layout_is_valid (per_page));
  select_per_page (self, per_page);
}

GFile *
captioner_export_dialog_get_result_folder (CaptionerExportDialog *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT_DIALOG (self), NULL);
  return self->result_folder;
}
