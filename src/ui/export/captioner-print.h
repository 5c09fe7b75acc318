#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Prints a contact sheet of files (CaptionerContactSheet's pages) through GtkPrintOperation:
 * the photos' thumbnails and captions are loaded in a thread first, then GTK's print dialog
 * (with its preview) shows; the pages are laid out on the paper the user picks there, as many
 * photos a page as settings' contact-sheet-per-page says (6 when settings is NULL), which the
 * dialog's Contact Sheet tab changes and remembers. With export_file set, no dialog: the pages go to that PDF (GTK's export action,
 * what tests use). The callback gets GTK's result; finish with captioner_print_finish. */
void     captioner_print_contact_sheet_async (GtkWindow           *parent,
                                              GPtrArray           *files,
                                              GSettings           *settings,
                                              GFile               *export_file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean captioner_print_finish              (GAsyncResult        *result,
                                              GError             **error);
/* The contact sheet's layouts by name ("6 (2 × 3)"), in captioner_contact_sheet_get_layouts'
 * order: what the print dialog's Contact Sheet tab and the export dialog offer. */
GListModel *captioner_print_layout_list_new  (void);

G_END_DECLS
