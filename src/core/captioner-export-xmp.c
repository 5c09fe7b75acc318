#define G_LOG_DOMAIN "captioner-export-xmp"

#include "config.h"

#include <string.h>

#include <exempi/xmp.h>
#include <exempi/xmpconsts.h>

#include "captioner-error.h"
#include "captioner-export-private.h"

/* The XMP of a captioned copy: what the photo carried, the sidecar's properties over it (the
 * editor's work: caption, people, regions), then the merged fields so that values read from
 * IIM or EXIF are not missing. exempi parses and serialises; it never touches the file. */

#define NS_IPTC_EXT "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
/* Standard XMP in one APP1 segment: 65533 minus the namespace "http://ns.adobe.com/xap/1.0/\0". */
#define XMP_MAX_PACKET (65533 - 29)

typedef struct _Xmp ExportXmp;
typedef struct _XmpString ExportXmpString;
typedef struct _XmpIterator ExportXmpIterator;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportXmp, xmp_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportXmpString, xmp_string_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportXmpIterator, xmp_iterator_free)

static gpointer
init_exempi (gpointer data)
{
  xmp_init ();
  xmp_register_namespace (NS_IPTC_EXT, "Iptc4xmpExt", NULL);
  return NULL;
}

static void
ensure_exempi (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_exempi, NULL);
}

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

static char *
dup_property (XmpPtr      xmp,
              const char *ns,
              const char *name)
{
  g_autoptr(ExportXmpString) value = xmp_string_new ();
  uint32_t options = 0;

  if (!xmp_get_property (xmp, ns, name, value, &options))
    return NULL;
  if (options & XMP_PROP_COMPOSITE_MASK)
    {
      g_autofree char *item = g_strdup_printf ("%s[1]", name);
      if (!xmp_get_property (xmp, ns, item, value, &options))
        return g_strdup ("");
    }
  return g_strdup (xmp_string_cstr (value));
}

/* Sets (or, for NULL, removes) a field when the packet disagrees with the merged metadata. */
static void
sync_simple (XmpPtr      xmp,
             const char *ns,
             const char *name,
             const char *wanted)
{
  g_autofree char *current = dup_property (xmp, ns, name);

  if (wanted == NULL || *wanted == '\0')
    {
      xmp_delete_property (xmp, ns, name);
      return;
    }
  if (g_strcmp0 (current, wanted) == 0)
    return;
  xmp_delete_property (xmp, ns, name);
  xmp_set_property (xmp, ns, name, wanted, 0);
}

static void
sync_alt (XmpPtr      xmp,
          const char *ns,
          const char *name,
          const char *wanted)
{
  g_autoptr(ExportXmpString) current = xmp_string_new ();
  g_autoptr(ExportXmpString) lang = xmp_string_new ();

  if (wanted == NULL || *wanted == '\0')
    {
      xmp_delete_property (xmp, ns, name);
      return;
    }
  if (xmp_get_localized_text (xmp, ns, name, NULL, "x-default", lang, current, NULL) &&
      g_strcmp0 (xmp_string_cstr (current), wanted) == 0)
    return;
  /* Other languages stay: only the default text is the caption. */
  xmp_set_localized_text (xmp, ns, name, "", "x-default", wanted, 0);
}

static void
sync_array (XmpPtr              xmp,
            const char         *ns,
            const char         *name,
            uint32_t            form,
            const char * const *wanted)
{
  gboolean same = TRUE;
  guint n = wanted != NULL ? g_strv_length ((char **) wanted) : 0;

  for (guint i = 0; same && i <= n; i++)
    {
      g_autoptr(ExportXmpString) value = xmp_string_new ();
      gboolean found = xmp_get_array_item (xmp, ns, name, i + 1, value, NULL);

      /* Items 1..n equal, and no item n+1. */
      if (i == n ? found : !found || g_strcmp0 (xmp_string_cstr (value), wanted[i]) != 0)
        same = FALSE;
    }
  if (same)
    return;
  xmp_delete_property (xmp, ns, name);
  for (guint i = 0; i < n; i++)
    xmp_append_array_item (xmp, ns, name, form, wanted[i], 0);
}

static void
sync_metadata (XmpPtr                   xmp,
               const CaptionerMetadata *metadata)
{
  const char *byline = captioner_metadata_get (metadata, CAPTIONER_FIELD_BYLINE);
  g_autofree char *first_creator = dup_property (xmp, NS_DC, "creator");
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  sync_alt (xmp, NS_DC, "description",
            captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION));
  sync_alt (xmp, NS_DC, "rights", captioner_metadata_get (metadata, CAPTIONER_FIELD_COPYRIGHT));
  /* dc:creator may list several authors; the byline is the first. */
  if (byline == NULL || *byline == '\0')
    xmp_delete_property (xmp, NS_DC, "creator");
  else if (g_strcmp0 (first_creator, byline) != 0)
    {
      const char *creators[] = { byline, NULL };
      sync_array (xmp, NS_DC, "creator", XMP_PROP_ARRAY_IS_ORDERED, creators);
    }
  sync_simple (xmp, NS_PHOTOSHOP, "Headline",
               captioner_metadata_get (metadata, CAPTIONER_FIELD_HEADLINE));
  sync_simple (xmp, NS_PHOTOSHOP, "Credit",
               captioner_metadata_get (metadata, CAPTIONER_FIELD_CREDIT));
  sync_simple (xmp, NS_PHOTOSHOP, "Source",
               captioner_metadata_get (metadata, CAPTIONER_FIELD_SOURCE));
  sync_simple (xmp, NS_PHOTOSHOP, "City", captioner_metadata_get (metadata, CAPTIONER_FIELD_CITY));
  sync_simple (xmp, NS_PHOTOSHOP, "State",
               captioner_metadata_get (metadata, CAPTIONER_FIELD_STATE));
  sync_simple (xmp, NS_PHOTOSHOP, "Country",
               captioner_metadata_get (metadata, CAPTIONER_FIELD_COUNTRY));
  sync_simple (xmp, NS_PHOTOSHOP, "DateCreated",
               captioner_metadata_get (metadata, CAPTIONER_FIELD_DATE_CREATED));
  sync_simple (xmp, NS_PHOTOSHOP, "Instructions",
               captioner_metadata_get (metadata, CAPTIONER_FIELD_INSTRUCTIONS));
  sync_simple (xmp, NS_PHOTOSHOP, "TransmissionReference",
               captioner_metadata_get (metadata, CAPTIONER_FIELD_JOB_ID));
  sync_alt (xmp, NS_IPTC_EXT, "Event", captioner_metadata_get (metadata, CAPTIONER_FIELD_EVENT));
  sync_array (xmp, NS_DC, "subject", XMP_PROP_VALUE_IS_ARRAY,
              (const char * const *) metadata->keywords);

  /* PersonInImage: the people as the editor gave them (the sidecar's order), when the packet
   * does not name them already. */
  for (guint i = 0; i < metadata->people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (metadata->people, i);
      if (person->name != NULL && *person->name != '\0')
        g_ptr_array_add (people, person->name);
    }
  g_ptr_array_add (people, NULL);
  sync_array (xmp, NS_IPTC_EXT, "PersonInImage", XMP_PROP_VALUE_IS_ARRAY,
              (const char * const *) people->pdata);
}

char *
captioner_export_xmp_packet (const char               *embedded,
                             gsize                     embedded_length,
                             GBytes                   *sidecar,
                             const CaptionerMetadata  *metadata,
                             GError                  **error)
{
  g_autoptr(ExportXmp) xmp = NULL;
  g_autoptr(ExportXmpString) packet = xmp_string_new ();

  g_return_val_if_fail (metadata != NULL, NULL);

  ensure_exempi ();

  if (embedded != NULL)
    xmp = xmp_new (embedded, embedded_length);
  if (xmp == NULL)
    xmp = xmp_new_empty ();

  if (sidecar != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (sidecar, &length);
      g_autoptr(ExportXmp) from = xmp_new (data, length);

      if (from == NULL || !overlay (xmp, from))
        {
          g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                       "its sidecar is not valid XMP");
          return NULL;
        }
    }

  sync_metadata (xmp, metadata);

  if (xmp_serialize (xmp, packet, 0, 2048) && strlen (xmp_string_cstr (packet)) <= XMP_MAX_PACKET)
    return g_strdup (xmp_string_cstr (packet));
  if (xmp_serialize (xmp, packet, XMP_SERIAL_USECOMPACTFORMAT, 0) &&
      strlen (xmp_string_cstr (packet)) <= XMP_MAX_PACKET)
    return g_strdup (xmp_string_cstr (packet));

  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_FAILED,
               "its XMP is larger than the 64 KB a JPEG segment holds");
  return NULL;
}
