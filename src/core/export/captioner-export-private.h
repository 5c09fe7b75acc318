#pragma once

#include <gio/gio.h>

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
