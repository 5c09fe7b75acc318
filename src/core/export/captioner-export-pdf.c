#define G_LOG_DOMAIN "captioner-export-pdf"

#include "config.h"

#include "captioner-export-private.h"

/* Exporting a contact sheet: the photos are added as they are loaded, the pages made at the
 * end (where each row goes depends on the captions before it). */

static CaptionerContactSheet *
new_sheet (guint per_page,
           int   paper)
{
  CaptionerContactSheet *sheet = captioner_contact_sheet_new (per_page);
  double width, height;

  captioner_paper_get_size (paper, &width, &height);
  captioner_contact_sheet_set_area (sheet, width - 2 * CAPTIONER_CONTACT_SHEET_MARGIN,
                                    height - 2 * CAPTIONER_CONTACT_SHEET_MARGIN);
  return sheet;
}

gboolean
captioner_export_pdf_add (CaptionerContactSheet **sheet,
                          guint                   per_page,
                          int                     paper,
                          CaptionerPhoto         *photo,
                          GCancellable           *cancellable,
                          GError                **error)
{
  if (*sheet == NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (captioner_photo_get_file (photo));
      g_autofree char *title = parent != NULL ? g_file_get_basename (parent) : NULL;

      *sheet = new_sheet (per_page, paper);
      captioner_contact_sheet_set_title (*sheet, title);
    }
  return captioner_contact_sheet_add_photo (*sheet, photo, cancellable, error);
}

GBytes *
captioner_export_pdf_finish (CaptionerContactSheet **sheet,
                             guint                   per_page,
                             int                     paper,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (*sheet == NULL)
    *sheet = new_sheet (per_page, paper);
  if (!captioner_contact_sheet_write_pdf (*sheet, paper, out, cancellable, error) ||
      !g_output_stream_close (out, cancellable, error))
    return NULL;
  g_clear_object (sheet);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}
