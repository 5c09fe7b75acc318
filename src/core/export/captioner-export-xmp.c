#define G_LOG_DOMAIN "captioner-export-xmp"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include <exempi/xmp.h>
#include <exempi/xmpconsts.h>

#include "captioner-error.h"
#include "captioner-export-private.h"
#include "captioner-xmp.h"

/* The XMP of a captioned copy: what the photo carried, the sidecar's properties over it (the
 * editor's work and whatever other programs keep there), then every field Captioner manages
 * written by the core's writer from the merged metadata, so values read from IIM or EXIF are
 * there too. exempi parses and serialises; it never touches the file. */

#define NS_XMP_NOTE "http://ns.adobe.com/xmp/note/"
/* Standard XMP in one APP1 segment: 65533 minus the namespace "http://ns.adobe.com/xap/1.0/\0". */
#define XMP_MAX_PACKET (65533 - 29)

typedef struct _XmpString ExportXmpString;
typedef struct _XmpIterator ExportXmpIterator;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportXmpString, xmp_string_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportXmpIterator, xmp_iterator_free)

/* Replaces each top-level property of base that from has by from's, qualifiers included. */
static gboolean
overlay (XmpPtr base,
         XmpPtr from)
{
  g_autoptr(ExportXmpIterator) iter = xmp_iterator_new (from, NULL, NULL, XMP_ITER_PROPERTIES);
  g_autoptr(ExportXmpString) schema = xmp_string_new ();
  g_autoptr(ExportXmpString) path = xmp_string_new ();
  g_autoptr(ExportXmpString) value = xmp_string_new ();
  uint32_t options;

  while (xmp_iterator_next (iter, schema, path, value, &options))
    {
      const char *ns = xmp_string_cstr (schema);
      const char *name = xmp_string_cstr (path);
      gboolean ok;

      if (*name == '\0')
        continue;   /* the schema node */
      if (strpbrk (name, "[/") == NULL)
        xmp_delete_property (base, ns, name);
      /* exempi crashes on a NULL value: "" asks for an empty composite. */
      if (options & XMP_PROP_COMPOSITE_MASK)
        ok = xmp_set_property (base, ns, name, "", options & XMP_PROP_COMPOSITE_MASK);
      else
        ok = xmp_set_property (base, ns, name, xmp_string_cstr (value),
                               options & XMP_PROP_VALUE_IS_URI);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

char *
captioner_export_xmp_packet (const char               *embedded,
                             gsize                     embedded_length,
                             GBytes                   *sidecar,
                             const CaptionerMetadata  *metadata,
                             int                       stored_width,
                             int                       stored_height,
                             int                       orientation,
                             GError                  **error)
{
  g_autoptr(CaptionerXmp) xmp = NULL;

  g_return_val_if_fail (metadata != NULL, NULL);

  captioner_xmp_init ();

  /* A damaged embedded packet is dropped: the merged metadata still has its fields. */
  if (embedded != NULL)
    xmp = captioner_xmp_parse (embedded, embedded_length, NULL);
  if (xmp == NULL)
    xmp = xmp_new_empty ();

  if (sidecar != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (sidecar, &length);
      g_autoptr(CaptionerXmp) from = captioner_xmp_parse (data, length, error);

      if (from == NULL)
        {
          g_prefix_error (error, _("its sidecar cannot be read: "));
          return NULL;
        }
      if (!overlay (xmp, from))
        {
          g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                       _("its sidecar could not be merged (exempi error %d)"), xmp_get_error ());
          return NULL;
        }
    }

  captioner_xmp_write_metadata (xmp, metadata, stored_width, stored_height, orientation);
  /* The copy carries no extended XMP segments. */
  xmp_delete_property (xmp, NS_XMP_NOTE, "HasExtendedXMP");

  return captioner_xmp_serialize_embedded (xmp, NULL, XMP_MAX_PACKET, error);
}
