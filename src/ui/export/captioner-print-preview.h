#pragma once

#include <adwaita.h>

#include "captioner-contact-sheet.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PRINT_PREVIEW (captioner_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPrintPreview, captioner_print_preview, CAPTIONER, PRINT_PREVIEW,
                      AdwWindow)

/* The print dialog's Preview, in Captioner's own window: the contact sheet's pages on the
 * paper chosen, one at a time (Page Up / Page Down, the header's arrows), so that previewing
 * needs no other program. Closing it ends GTK's preview (the print dialog's Preview button
 * otherwise starts an external viewer, and shows nothing when there is none).
 *
 * Actions: preview.previous, preview.next; Escape closes. */
GtkWidget *captioner_print_preview_new          (GtkWindow                *parent,
                                                 CaptionerContactSheet    *sheet,
                                                 GtkPageSetup             *page_setup);
/* GtkPrintOperation::preview's handler: the pages are laid out once GTK has paginated
 * (GtkPrintOperationPreview::ready); closing the window ends the preview. Returns TRUE. */
gboolean   captioner_print_preview_run          (GtkPrintOperation        *operation,
                                                 GtkPrintOperationPreview *preview,
                                                 GtkPrintContext          *context,
                                                 GtkWindow                *parent,
                                                 CaptionerContactSheet    *sheet);
guint      captioner_print_preview_get_page     (CaptionerPrintPreview    *self);
/* 0 until the pages are laid out. */
guint      captioner_print_preview_get_n_pages  (CaptionerPrintPreview    *self);
/* "Page 1 of 2", or what it waits for. */
const char *captioner_print_preview_get_status  (CaptionerPrintPreview    *self);

G_END_DECLS
