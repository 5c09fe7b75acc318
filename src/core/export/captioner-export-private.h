#pragma once

#include <gio/gio.h>

#include "captioner-contact-sheet.h"
#include "captioner-metadata.h"
#include "captioner-export.h"
#include "captioner-photo.h"

G_BEGIN_DECLS

/* An output name is a plain file name: no '/', not "." or "..", not empty. */
gboolean captioner_export_check_output_name (const char  *name,
                                             GError     **error);

/* CSV (captioner-export-csv.c) */
extern const char * const captioner_csv_columns[];
void     captioner_csv_append_cell   (GString            *out,
                                      const char         *value);
void     captioner_csv_append_row    (GString            *out,
                                      const char * const *cells);
void     captioner_csv_append_header (GString            *out);
void     captioner_csv_append_photo  (GString            *out,
                                      CaptionerPhoto     *photo);
/* The wire's columns (title, country_code ... supplemental_categories), present after the
 * others when some photo of the file has one. */
extern const char * const captioner_csv_wire_columns[];
/* A photo's cells: captioner_csv_columns then captioner_csv_wire_columns, "" for none. */
GStrv    captioner_csv_photo_cells   (CaptionerPhoto     *photo);
gboolean captioner_csv_cells_have_wire (const char * const *cells);
/* One row: the first columns, and the wire's too when wire is set. */
void     captioner_csv_append_cells  (GString            *out,
                                      const char * const *cells,
                                      gboolean            wire);
void     captioner_csv_append_wire_header (GString       *out);
/* The header and the rows (GStrv of cells), with the wire's columns when wire is set. */
GBytes  *captioner_csv_document      (GPtrArray          *rows,
                                      gboolean            wire);

/* PDF (captioner-export-pdf.c): a contact sheet of per_page photos on paper (a
 * CaptionerPaper), made at the first photo, its title the folder of that photo. */
gboolean captioner_export_pdf_add    (CaptionerContactSheet **sheet,
                                      guint               per_page,
                                      int                 paper,
                                      CaptionerPhoto     *photo,
                                      GCancellable       *cancellable,
                                      GError            **error);
/* The PDF of the sheet (an empty page when there is none); clears it. */
GBytes  *captioner_export_pdf_finish (CaptionerContactSheet **sheet,
                                      guint               per_page,
                                      int                 paper,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* EXIF (captioner-export-exif.c): sets IFD0 ImageDescription, Artist and Copyright in an
 * APP1 Exif payload ("Exif\0\0" + TIFF) without moving any other byte, so every other tag,
 * the maker note and the thumbnail stay as they were. A NULL value leaves that tag alone.
 * Returns a new payload, or a new reference to exif when nothing changed. */
GBytes  *captioner_exif_patch_text   (GBytes             *exif,
                                      const char         *image_description,
                                      const char         *artist,
                                      const char         *copyright,
                                      GError            **error);

/* JPEG (captioner-export-jpeg.c): the original with its XMP APP1 and Photoshop APP13
 * replaced and its EXIF APP1 patched; the image data copied byte for byte. */
GBytes  *captioner_jpeg_caption_copy (GBytes                  *original,
                                      const CaptionerMetadata *metadata,
                                      GBytes                  *sidecar_xmp,
                                      int                      stored_width,
                                      int                      stored_height,
                                      int                      orientation,
                                      GError                 **error);

/* The same; the names of the fields cut to fit the IIM limits are added to cut (see
 * captioner_iptc_encode_full), the XMP keeps them whole. */
GBytes  *captioner_jpeg_caption_copy_full (GBytes                  *original,
                                           const CaptionerMetadata *metadata,
                                           GBytes                  *sidecar_xmp,
                                           int                      stored_width,
                                           int                      stored_height,
                                           int                      orientation,
                                           GPtrArray               *cut,
                                           GError                 **error);

/* XMP (captioner-export-xmp.c): the packet to embed: the original's embedded XMP with the
 * sidecar's properties over it and the metadata's fields written by captioner_xmp_write_metadata,
 * serialised by exempi. */
char    *captioner_export_xmp_packet (const char              *embedded,
                                      gsize                    embedded_length,
                                      GBytes                  *sidecar,
                                      const CaptionerMetadata *metadata,
                                      int                      stored_width,
                                      int                      stored_height,
                                      int                      orientation,
                                      GError                 **error);

G_END_DECLS
