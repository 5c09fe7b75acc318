#pragma once

#include <gio/gio.h>

#include "captioner-photo.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_EXPORT (captioner_export_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerExport, captioner_export, CAPTIONER, EXPORT, GObject)

#define CAPTIONER_EXPORT_ERROR (captioner_export_error_quark ())

typedef enum
{
  /* Some photos failed (each was reported through the progress callback), the rest were
   * exported. */
  CAPTIONER_EXPORT_ERROR_PARTIAL,
} CaptionerExportError;

GQuark captioner_export_error_quark (void);

typedef enum
{
  CAPTIONER_EXPORT_FORMAT_CSV,   /* one file, one row per photo */
  CAPTIONER_EXPORT_FORMAT_TXT,   /* NAME.txt per photo: the final caption */
  CAPTIONER_EXPORT_FORMAT_JSON,  /* one file, an array of `info --json` objects */
  CAPTIONER_EXPORT_FORMAT_XMP,   /* the sidecars, copied */
  CAPTIONER_EXPORT_FORMAT_JPEG,  /* a captioned copy of each JPEG */
  CAPTIONER_EXPORT_FORMAT_PDF,   /* one file: a contact sheet (captioner-contact-sheet.h) */
} CaptionerExportFormat;

typedef enum
{
  CAPTIONER_EXPORT_FLAGS_NONE      = 0,
  /* Replace an output file that exists already. Never applies to an original or its sidecar. */
  CAPTIONER_EXPORT_FLAGS_OVERWRITE = 1 << 0,
  /* csv, json, pdf: keep the document for captioner_export_get_contents() instead of writing it
   * (the CLI's `--output -`). */
  CAPTIONER_EXPORT_FLAGS_IN_MEMORY = 1 << 1,
} CaptionerExportFlags;

/* Called on the thread-default main context of the caller of captioner_export_run_async()
 * (or synchronously by captioner_export_run()) after each photo: done of total, the photo's
 * file, and the error when that photo failed (NULL when it was exported). Every report comes
 * before the async callback; progress_destroy is called on that context too. */
typedef void (*CaptionerExportProgressFunc) (guint         done,
                                             guint         total,
                                             GFile        *file,
                                             const GError *error,
                                             gpointer      user_data);

gboolean               captioner_export_format_from_string (const char            *name,
                                                            CaptionerExportFormat *format);
const char            *captioner_export_format_to_string   (CaptionerExportFormat  format);
/* TRUE for csv, json and pdf, whose output is one file; the others write into a folder. */
gboolean               captioner_export_format_is_single_file (CaptionerExportFormat format);

/* output: the file (csv, json, pdf) or the folder (txt, xmp, jpeg). NULL picks captions.csv /
 * captions.json / contact-sheet.pdf in the folder of the first photo, and for txt each photo's
 * own folder; xmp and jpeg need an output folder (they would otherwise be written over the
 * originals). */
CaptionerExport       *captioner_export_new                (CaptionerExportFormat  format,
                                                            GFile                 *output,
                                                            CaptionerExportFlags   flags);
CaptionerExportFormat  captioner_export_get_format         (CaptionerExport       *self);
/* pdf: the photos per page (see captioner_contact_sheet_get_layouts; 6 unless set) and the
 * paper (A4 unless set). Before the first photo is added. */
void                   captioner_export_set_contact_sheet  (CaptionerExport       *self,
                                                            guint                  per_page,
                                                            int                    paper);
/* The output file or folder; NULL until known when none was given. */
/* txt, jpeg: the caption files and captioned copies carry the caption in @language ("hy");
 * a photo without one carries its main caption, and a notice says so. NULL: the main one. */
void                   captioner_export_set_language       (CaptionerExport       *self,
                                                            const char            *language);
GFile                 *captioner_export_get_output         (CaptionerExport       *self);

/* Exports one loaded photo: writes its file now (txt, xmp, jpeg) or keeps its row for
 * captioner_export_close() (csv, json). Blocking: call it from a worker thread in a GUI.
 * Errors name the photo. */
gboolean               captioner_export_add_photo          (CaptionerExport       *self,
                                                            CaptionerPhoto        *photo,
                                                            GCancellable          *cancellable,
                                                            GError               **error);
/* Protects a file from being written over (the GUI and captioner_export_run() register every
 * photo of the batch and its sidecars before the first is exported). */
void                   captioner_export_protect            (CaptionerExport       *self,
                                                            GFile                 *file);
/* Protects a photo and both names its sidecar may have (NAME.EXT.xmp, NAME.xmp). */
void                   captioner_export_protect_photo      (CaptionerExport       *self,
                                                            GFile                 *file);
/* What the export changed in the copies, one line per photo, naming it: a JPEG copy whose IPTC
 * IIM had to be cut to the IIM length limits (its XMP keeps the whole text). Empty when
 * nothing was; the photos were exported all the same. */
char                 **captioner_export_dup_notices        (CaptionerExport       *self);
/* Writes the collected rows (csv, json) atomically; nothing to do for the other formats. */
gboolean               captioner_export_close              (CaptionerExport       *self,
                                                            GCancellable          *cancellable,
                                                            GError               **error);

/* The csv or json document (with CAPTIONER_EXPORT_FLAGS_IN_MEMORY, after closing). */
GBytes                *captioner_export_get_contents       (CaptionerExport       *self);

/* Loads and exports every file in turn, then closes. A photo that fails is reported through
 * progress and the others are still exported. Returns FALSE with CAPTIONER_EXPORT_ERROR_PARTIAL
 * when some photos failed (the message says how many), or with the error of closing, or
 * G_IO_ERROR_CANCELLED. An output that exists fails its photo with CAPTIONER_ERROR_EXISTS
 * unless OVERWRITE is set: a GUI can ask, then export those photos again with OVERWRITE. */
gboolean               captioner_export_run                (CaptionerExport       *self,
                                                            GPtrArray             *files,
                                                            CaptionerExportProgressFunc progress,
                                                            gpointer               progress_data,
                                                            GCancellable          *cancellable,
                                                            GError               **error);
void                   captioner_export_run_async          (CaptionerExport       *self,
                                                            GPtrArray             *files,
                                                            CaptionerExportProgressFunc progress,
                                                            gpointer               progress_data,
                                                            GDestroyNotify         progress_destroy,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean               captioner_export_run_finish         (CaptionerExport       *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);

G_END_DECLS
