#pragma once

#include <adwaita.h>

#include "captioner-export.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_EXPORT_DIALOG (captioner_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerExportDialog, captioner_export_dialog, CAPTIONER, EXPORT_DIALOG,
                      AdwWindow)

/* Exports photos (the selection or the whole folder) to caption files or captioned copies:
 * format, destination, whether to replace files, a progress bar and Cancel. Not modal: the
 * work runs in a thread and the window stays usable. When outputs exist already it asks before
 * replacing them.
 *
 * Actions: export.start (the Export button), export.cancel (Cancel while exporting, else
 * closes the dialog: the button says Close once an export finished), export.open-folder
 * (shows the folder of what was written, once finished). */
GtkWidget             *captioner_export_dialog_new             (GtkWindow             *parent,
                                                                GPtrArray             *files);
CaptionerExportFormat  captioner_export_dialog_get_format      (CaptionerExportDialog *self);
void                   captioner_export_dialog_set_format      (CaptionerExportDialog *self,
                                                                CaptionerExportFormat  format);
/* NULL: the default (captions.csv / captions.json next to the photos; txt next to each photo);
 * xmp and jpeg need a folder. */
GFile                 *captioner_export_dialog_get_destination (CaptionerExportDialog *self);
void                   captioner_export_dialog_set_destination (CaptionerExportDialog *self,
                                                                GFile                 *destination);
gboolean               captioner_export_dialog_get_running     (CaptionerExportDialog *self);
/* What the dialog says about the last export ("Exported 3 photos.", the failures). */
const char            *captioner_export_dialog_get_status      (CaptionerExportDialog *self);
/* The photos the window has selected (the shown photo when only one is): the dialog then
 * offers the folder (files) or only them, and starts on them when more than one is. NULL or
 * as many as files: always every file. */
void                   captioner_export_dialog_set_selection   (CaptionerExportDialog *self,
                                                                GPtrArray             *selected);
void                   captioner_export_dialog_set_only_selection (CaptionerExportDialog *self,
                                                                   gboolean               only_selection);
gboolean               captioner_export_dialog_get_only_selection (CaptionerExportDialog *self);
/* The application's settings: the contact sheet's layout and paper start as last exported,
 * and an export of one remembers them (contact-sheet-per-page, contact-sheet-paper). */
void                   captioner_export_dialog_set_settings    (CaptionerExportDialog *self,
                                                                GSettings             *settings);
/* A contact sheet's photos per page (2, 4, 6, 12, 20); 6 unless chosen. */
guint                  captioner_export_dialog_get_per_page    (CaptionerExportDialog *self);
void                   captioner_export_dialog_set_per_page    (CaptionerExportDialog *self,
                                                                guint                  per_page);
/* The folder holding what the last export wrote (Open Folder shows it); NULL before one. */
GFile                 *captioner_export_dialog_get_result_folder (CaptionerExportDialog *self);

G_END_DECLS
