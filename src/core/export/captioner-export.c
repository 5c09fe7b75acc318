#define G_LOG_DOMAIN "captioner-export"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "captioner-contact-sheet.h"
#include "captioner-error.h"
#include "captioner-export.h"
#include "captioner-export-private.h"
#include "captioner-file-replace.h"
#include "captioner-json.h"
#include "captioner-metadata-language.h"

struct _CaptionerExport
{
  GObject                parent_instance;
  CaptionerExportFormat  format;
  CaptionerExportFlags   flags;
  GFile                 *output;      /* file (csv, json) or folder; NULL until known */
  GString               *document;    /* json */
  GPtrArray             *csv_rows;    /* GStrv: each photo's cells */
  gboolean               csv_wire;    /* some photo has a wire field: their columns too */
  CaptionerContactSheet *sheet;       /* pdf */
  guint                  per_page;
  CaptionerPaper         paper;
  guint                  n_rows;
  GHashTable            *protected;   /* URIs of originals and sidecars */
  GHashTable            *protected_ids; /* id::file of those that exist */
  GHashTable            *written;     /* URI of each output written → the photo's name */
  GBytes                *contents;    /* csv, json after closing in memory */
  GPtrArray             *notices;     /* char*: what an export changed in a copy */
  char                  *language;    /* the caption language exported; NULL the main one */
};

G_DEFINE_FINAL_TYPE (CaptionerExport, captioner_export, G_TYPE_OBJECT)
G_DEFINE_QUARK (captioner-export-error-quark, captioner_export_error)

static const char * const format_names[] = { "csv", "txt", "json", "xmp", "jpeg", "pdf" };

/* The one file of csv, json and pdf when no name is given. */
static const char *
default_name (CaptionerExportFormat format)
{
  switch (format)
    {
    case CAPTIONER_EXPORT_FORMAT_CSV: return "captions.csv";
    case CAPTIONER_EXPORT_FORMAT_JSON: return "captions.json";
    case CAPTIONER_EXPORT_FORMAT_PDF: return "contact-sheet.pdf";
    default: g_assert_not_reached ();
    }
}

/* Makes the message name the file, unless it does already. */
static void
prefix_error (GError **error,
              GFile   *file)
{
  g_autofree char *name = NULL;

  if (error == NULL || *error == NULL || file == NULL)
    return;
  name = g_file_get_parse_name (file);
  if (strstr ((*error)->message, name) == NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      if (strstr ((*error)->message, base) == NULL)
        g_prefix_error (error, "%s: ", name);
    }
}

static char *
dup_file_id (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE));
}

static gboolean
is_protected (CaptionerExport *self,
              GFile           *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *id = NULL;

  if (g_hash_table_contains (self->protected, uri))
    return TRUE;
  id = dup_file_id (file);   /* the same file under another path */
  return id != NULL && g_hash_table_contains (self->protected_ids, id);
}

void
captioner_export_protect_photo (CaptionerExport *self,
                                GFile           *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *sidecar = g_strconcat (base, ".xmp", NULL);
  const char *dot = strrchr (base, '.');

  captioner_export_protect (self, file);
  if (parent == NULL)
    return;
  {
    g_autoptr(GFile) target = g_file_get_child (parent, sidecar);
    captioner_export_protect (self, target);
  }
  if (dot != NULL)
    {
      g_autofree char *stem = g_strndup (base, dot - base);
      g_autofree char *short_name = g_strconcat (stem, ".xmp", NULL);
      g_autoptr(GFile) other = g_file_get_child (parent, short_name);
      captioner_export_protect (self, other);
    }
}

/* An output name is one plain file name: it cannot climb out of the output folder. */
gboolean
captioner_export_check_output_name (const char  *name,
                                    GError     **error)
{
  if (name == NULL || *name == '\0' || strchr (name, '/') != NULL ||
      strcmp (name, ".") == 0 || strcmp (name, "..") == 0)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
                   _("the output name “%s” is not a plain file name"), name ? name : "");
      return FALSE;
    }
  return TRUE;
}

/* Writes atomically (captioner_file_replace: a temporary file, checked, fsync'd, renamed over),
 * never over an original, never through a symbolic link in the output folder (which could
 * point anywhere), and over an existing file only with OVERWRITE. */
static gboolean
write_output (CaptionerExport  *self,
              GFile            *destination,
              GBytes           *bytes,
              const char       *photo_name,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autofree char *uri = g_file_get_uri (destination);
  g_autofree char *path = g_file_get_parse_name (destination);
  g_autoptr(GFile) parent = g_file_get_parent (destination);
  const char *other;
  g_autoptr(GError) local_error = NULL;
  CaptionerReplaceFlags flags = CAPTIONER_REPLACE_FLAGS_NONE;

  if (is_protected (self, destination))
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
                   _("%s is an original: Captioner never writes over it"), path);
      return FALSE;
    }
  other = g_hash_table_lookup (self->written, uri);
  if (other != NULL)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_EXISTS,
                   _("%s was just exported from %s"), path, other);
      return FALSE;
    }
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("cannot create the folder for %s: "), path);
      return FALSE;
    }
  if (!(self->flags & CAPTIONER_EXPORT_FLAGS_OVERWRITE))
    flags |= CAPTIONER_REPLACE_FLAGS_CREATE;
  if (!captioner_file_replace (destination, bytes, NULL, flags, cancellable, error))
    return FALSE;
  g_hash_table_insert (self->written, g_steal_pointer (&uri), g_strdup (photo_name));
  return TRUE;
}

static GFile *
dup_output_folder (CaptionerExport  *self,
                   CaptionerPhoto   *photo,
                   GError          **error)
{
  if (self->output != NULL)
    return g_object_ref (self->output);
  if (self->format == CAPTIONER_EXPORT_FORMAT_TXT)
    return g_file_get_parent (captioner_photo_get_file (photo));
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
               _("an output folder is needed to export %s"), format_names[self->format]);
  return NULL;
}

/* The photo's metadata with the caption in the export's language; the main caption, told,
 * when the photo has none in it. */
static CaptionerMetadata *
dup_metadata_in_language (CaptionerExport *self,
                          CaptionerPhoto  *photo)
{
  CaptionerMetadata *metadata = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  const char *caption;

  if (self->language == NULL)
    return metadata;
  caption = captioner_metadata_get_language (metadata, self->language,
                                             CAPTIONER_LANGUAGE_CAPTION);
  if (caption != NULL && *caption != '\0')
    captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION, caption);
  else
    /* TRANSLATORS: the photo's name, then a caption language ("hy") */
    g_ptr_array_add (self->notices,
                     g_strdup_printf (_("%s has no caption in %s: its main caption is exported"),
                                      captioner_photo_get_display_name (photo), self->language));
  return metadata;
}

static gboolean
export_txt (CaptionerExport  *self,
            CaptionerPhoto   *photo,
            GFile            *folder,
            const char       *base,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(CaptionerMetadata) metadata = dup_metadata_in_language (self, photo);
  const char *caption = captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = dot != NULL && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
  g_autofree char *name = g_strconcat (stem, ".txt", NULL);
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!captioner_metadata_is_captioned (metadata))
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_FAILED, _("it has no caption to export"));
      return FALSE;
    }
  if (!captioner_export_check_output_name (name, error))
    return FALSE;
  destination = g_file_get_child (folder, name);
  bytes = g_bytes_new_take (g_strconcat (caption, "\n", NULL), strlen (caption) + 1);
  return write_output (self, destination, bytes, base, cancellable, error);
}

static gboolean
export_xmp (CaptionerExport  *self,
            CaptionerPhoto   *photo,
            GFile            *folder,
            const char       *base,
            GCancellable     *cancellable,
            GError          **error)
{
  GFile *sidecar = captioner_photo_get_sidecar (photo);
  g_autofree char *name = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (sidecar == NULL)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_FAILED, _("it has no sidecar to export"));
      return FALSE;
    }
  name = g_file_get_basename (sidecar);
  if (!captioner_export_check_output_name (name, error))
    return FALSE;
  bytes = g_file_load_bytes (sidecar, cancellable, NULL, error);
  if (bytes == NULL)
    return FALSE;
  destination = g_file_get_child (folder, name);
  return write_output (self, destination, bytes, base, cancellable, error);
}

static gboolean
export_jpeg (CaptionerExport  *self,
             CaptionerPhoto   *photo,
             GFile            *folder,
             const char       *base,
             GCancellable     *cancellable,
             GError          **error)
{
  GFile *sidecar = captioner_photo_get_sidecar (photo);
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) sidecar_bytes = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(GPtrArray) cut = NULL;
  g_autoptr(CaptionerMetadata) metadata = NULL;

  if (!captioner_export_check_output_name (base, error))
    return FALSE;
  original = g_file_load_bytes (captioner_photo_get_file (photo), cancellable, NULL, error);
  if (original == NULL)
    return FALSE;
  if (sidecar != NULL)
    {
      sidecar_bytes = g_file_load_bytes (sidecar, cancellable, NULL, error);
      if (sidecar_bytes == NULL)
        return FALSE;
    }
  cut = g_ptr_array_new_with_free_func (g_free);
  metadata = dup_metadata_in_language (self, photo);
  copy = captioner_jpeg_caption_copy_full (original, metadata,
                                           sidecar_bytes,
                                           captioner_photo_get_stored_width (photo),
                                           captioner_photo_get_stored_height (photo),
                                           captioner_photo_get_orientation (photo), cut, error);
  if (copy == NULL)
    return FALSE;
  if (cut->len > 0)
    {
      g_autofree char *fields = NULL;

      g_ptr_array_add (cut, NULL);
      fields = g_strjoinv (", ", (char **) cut->pdata);
      /* TRANSLATORS: the photo's name, then the fields (caption, headline, keywords...) */
      g_ptr_array_add (self->notices,
                       g_strdup_printf (_("%s: the copy's IPTC IIM is cut to its length limits "
                                          "(%s); its XMP holds the whole text"),
                                        captioner_photo_get_display_name (photo), fields));
    }
  destination = g_file_get_child (folder, base);
  return write_output (self, destination, copy, base, cancellable, error);
}

/* The document of csv, json and pdf, made when it is complete: the csv's columns depend on
 * every row, the pdf's pages on every caption. */
static GBytes *
finish_document (CaptionerExport  *self,
                 GCancellable     *cancellable,
                 GError          **error)
{
  GBytes *bytes;

  if (self->format == CAPTIONER_EXPORT_FORMAT_PDF)
    return captioner_export_pdf_finish (&self->sheet, self->per_page, self->paper, cancellable,
                                        error);
  if (self->format == CAPTIONER_EXPORT_FORMAT_CSV)
    {
      bytes = captioner_csv_document (self->csv_rows, self->csv_wire);
      g_ptr_array_set_size (self->csv_rows, 0);
      self->csv_wire = FALSE;
      return bytes;
    }
  g_string_append (self->document, self->n_rows == 0 ? "[]\n"     /* as `info --json` prints it */
                                                     : "\n]\n");
  return g_bytes_new (self->document->str, self->document->len);
}

static void
captioner_export_finalize (GObject *object)
{
  CaptionerExport *self = CAPTIONER_EXPORT (object);

  g_clear_object (&self->output);
  g_string_free (self->document, TRUE);
  g_clear_pointer (&self->csv_rows, g_ptr_array_unref);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->protected, g_hash_table_unref);
  g_clear_pointer (&self->protected_ids, g_hash_table_unref);
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
  G_OBJECT_CLASS (captioner_export_parent_class)->finalize (object);
}

static void
captioner_export_class_init (CaptionerExportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = captioner_export_finalize;
}

static void
captioner_export_init (CaptionerExport *self)
{
  self->document = g_string_new (NULL);
  self->csv_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->per_page = CAPTIONER_CONTACT_SHEET_DEFAULT_PER_PAGE;
  self->notices = g_ptr_array_new_with_free_func (g_free);
  self->protected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->protected_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gboolean
captioner_export_format_from_string (const char            *name,
                                     CaptionerExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  if (name != NULL && g_ascii_strcasecmp (name, "jpg") == 0)
    {
      *format = CAPTIONER_EXPORT_FORMAT_JPEG;
      return TRUE;
    }
  return FALSE;
}

const char *
captioner_export_format_to_string (CaptionerExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

gboolean
captioner_export_format_is_single_file (CaptionerExportFormat format)
{
  return format == CAPTIONER_EXPORT_FORMAT_CSV || format == CAPTIONER_EXPORT_FORMAT_JSON ||
         format == CAPTIONER_EXPORT_FORMAT_PDF;
}

CaptionerExport *
captioner_export_new (CaptionerExportFormat  format,
                      GFile                 *output,
                      CaptionerExportFlags   flags)
{
  CaptionerExport *self;

  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), NULL);
  g_return_val_if_fail (output == NULL || G_IS_FILE (output), NULL);

  self = g_object_new (CAPTIONER_TYPE_EXPORT, NULL);
  self->format = format;
  self->flags = flags;
  self->output = output ? g_object_ref (output) : NULL;
  return self;
}

void
captioner_export_set_contact_sheet (CaptionerExport *self,
                                    guint            per_page,
                                    int              paper)
{
  g_return_if_fail (CAPTIONER_IS_EXPORT (self));
  g_return_if_fail (captioner_contact_sheet_layout_is_valid (per_page));
  g_return_if_fail (self->sheet == NULL);

  self->per_page = per_page;
  self->paper = paper == CAPTIONER_PAPER_LETTER ? CAPTIONER_PAPER_LETTER : CAPTIONER_PAPER_A4;
}

CaptionerExportFormat
captioner_export_get_format (CaptionerExport *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT (self), 0);
  return self->format;
}

GFile *
captioner_export_get_output (CaptionerExport *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT (self), NULL);
  return self->output;
}

void
captioner_export_protect (CaptionerExport *self,
                          GFile           *file)
{
  g_autofree char *id = NULL;

  g_return_if_fail (CAPTIONER_IS_EXPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  g_hash_table_add (self->protected, g_file_get_uri (file));
  id = dup_file_id (file);
  if (id != NULL)
    g_hash_table_add (self->protected_ids, g_steal_pointer (&id));
}

gboolean
captioner_export_add_photo (CaptionerExport  *self,
                            CaptionerPhoto   *photo,
                            GCancellable     *cancellable,
                            GError          **error)
{
  GFile *file;
  g_autofree char *base = NULL;
  g_autoptr(GFile) folder = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CAPTIONER_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (photo), FALSE);

  file = captioner_photo_get_file (photo);
  base = g_file_get_basename (file);
  captioner_export_protect_photo (self, file);
  if (captioner_photo_get_sidecar (photo) != NULL)
    captioner_export_protect (self, captioner_photo_get_sidecar (photo));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  switch (self->format)
    {
    case CAPTIONER_EXPORT_FORMAT_CSV:
    case CAPTIONER_EXPORT_FORMAT_JSON:
    case CAPTIONER_EXPORT_FORMAT_PDF:
      if (self->n_rows == 0 && self->output != NULL &&
          g_file_query_file_type (self->output, G_FILE_QUERY_INFO_NONE, cancellable) ==
          G_FILE_TYPE_DIRECTORY)
        {
          GFile *folder_output = self->output;
          self->output = g_file_get_child (folder_output, default_name (self->format));
          g_object_unref (folder_output);
        }
      if (self->output == NULL && !(self->flags & CAPTIONER_EXPORT_FLAGS_IN_MEMORY))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          self->output = g_file_get_child (parent, default_name (self->format));
        }
      if (self->format == CAPTIONER_EXPORT_FORMAT_CSV)
        {
          GStrv cells = captioner_csv_photo_cells (photo);

          self->csv_wire |= captioner_csv_cells_have_wire ((const char * const *) cells);
          g_ptr_array_add (self->csv_rows, cells);
        }
      else if (self->format == CAPTIONER_EXPORT_FORMAT_PDF)
        {
          if (!captioner_export_pdf_add (&self->sheet, self->per_page, self->paper, photo,
                                         cancellable, error))
            {
              prefix_error (error, file);
              return FALSE;
            }
        }
      else
        {
          g_string_append (self->document, self->n_rows == 0 ? "[\n  " : ",\n  ");
          captioner_json_append_photo (self->document, photo, "  ");
        }
      self->n_rows++;
      return TRUE;

    case CAPTIONER_EXPORT_FORMAT_TXT:
    case CAPTIONER_EXPORT_FORMAT_XMP:
    case CAPTIONER_EXPORT_FORMAT_JPEG:
      folder = dup_output_folder (self, photo, error);
      if (folder == NULL)
        return FALSE;
      if (self->format == CAPTIONER_EXPORT_FORMAT_TXT)
        ok = export_txt (self, photo, folder, base, cancellable, error);
      else if (self->format == CAPTIONER_EXPORT_FORMAT_XMP)
        ok = export_xmp (self, photo, folder, base, cancellable, error);
      else
        ok = export_jpeg (self, photo, folder, base, cancellable, error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    prefix_error (error, file);
  return ok;
}

char **
captioner_export_dup_notices (CaptionerExport *self)
{
  GStrvBuilder *builder;
  char **notices;

  g_return_val_if_fail (CAPTIONER_IS_EXPORT (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->notices->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->notices, i));
  notices = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return notices;
}

gboolean
captioner_export_close (CaptionerExport  *self,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CAPTIONER_IS_EXPORT (self), FALSE);

  if (!captioner_export_format_is_single_file (self->format))
    return TRUE;
  /* Nothing exported: no file, but standard output still gets a valid document. */
  if (self->n_rows == 0 && !(self->flags & CAPTIONER_EXPORT_FLAGS_IN_MEMORY))
    return TRUE;
  bytes = finish_document (self, cancellable, error);
  g_string_truncate (self->document, 0);
  self->n_rows = 0;
  if (bytes == NULL)
    return FALSE;

  if (self->flags & CAPTIONER_EXPORT_FLAGS_IN_MEMORY)
    {
      g_clear_pointer (&self->contents, g_bytes_unref);
      self->contents = g_steal_pointer (&bytes);
      return TRUE;
    }
  return write_output (self, self->output, bytes, "", cancellable, error);
}

GBytes *
captioner_export_get_contents (CaptionerExport *self)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT (self), NULL);
  return self->contents;
}

void
captioner_export_set_language (CaptionerExport *self,
                               const char      *language)
{
  g_return_if_fail (CAPTIONER_IS_EXPORT (self));

  g_free (self->language);
  self->language = g_strdup (language);
}
