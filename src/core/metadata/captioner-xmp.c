#define G_LOG_DOMAIN "captioner-xmp"

#include "config.h"

#include <exempi/xmpconsts.h>
#include <exempi/xmperrors.h>
#include <glib/gi18n.h>
#include <string.h>

#include "captioner-error.h"
#include "captioner-xmp.h"
#include "captioner-xmp-fields.h"
#include "captioner-xmp-languages.h"
#include "captioner-xmp-packet.h"
#include "captioner-person.h"
#include "captioner-xmp-regions.h"
#include "captioner-xmp-rows.h"
#include "captioner-xmp-util.h"

static gboolean
has_dtd (const char *data,
         gsize       length)
{
  static const char * const needles[] = { "<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity" };

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (memmem (data, length, needles[i], strlen (needles[i])) != NULL)
      return TRUE;
  return FALSE;
}

static void
skip_bom (const char **data,
          gsize       *length)
{
  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
}

/* exempi parses and serialises nested elements recursively: 100,000 levels overflow its
 * stack, and every level indents the serialised sidecar once more (10,000 levels of a 360 KB
 * file make 100 MB). Real XMP nests about a dozen deep (regions). */
static void
count_depth (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  guint *depth = user_data;

  if (++*depth > CAPTIONER_XMP_MAX_DEPTH)
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR, "too deep");
      return;
    }
  /* exempi writes namespace URIs back unescaped between double quotes: one holding a quote,
   * '<', '&' or a line break would come out as broken XML, or as attributes of its own
   * (found by fuzz-sidecar). No URI holds those. */
  for (guint i = 0; names[i] != NULL; i++)
    if ((g_str_equal (names[i], "xmlns") || g_str_has_prefix (names[i], "xmlns:")) &&
        strpbrk (values[i], "\"'<>&\t\r\n") != NULL)
      {
        g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR, "namespace");
        return;
      }
}

static void
uncount_depth (GMarkupParseContext  *context,
               const char           *element,
               gpointer              user_data,
               GError              **error)
{
  guint *depth = user_data;

  --*depth;
}

gboolean
captioner_xmp_check (const char  *data,
                     gsize        length,
                     GError     **error)
{
  if (has_dtd (data, length))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                           _("the XMP declares a document type, which is not allowed (it could "
                             "expand entities without end)"));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                           _("the XMP is not UTF-8 text"));
      return FALSE;
    }

  /* Check well-formedness with GMarkup first: exempi reports a broken document on stderr
   * itself, and GMarkup's message says where the problem is. */
  skip_bom (&data, &length);
  {
    static const GMarkupParser depth_counter = { count_depth, uncount_depth, NULL, NULL, NULL };
    g_autoptr(GMarkupParseContext) context = NULL;
    g_autoptr(GError) markup_error = NULL;
    guint depth = 0;

    context = g_markup_parse_context_new (&depth_counter, G_MARKUP_PREFIX_ERROR_POSITION, &depth,
                                          NULL);
    if (!g_markup_parse_context_parse (context, data, length, &markup_error) ||
        !g_markup_parse_context_end_parse (context, &markup_error))
      {
        if (g_error_matches (markup_error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR) &&
            g_str_has_suffix (markup_error->message, "namespace"))
          g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                               _("the XMP declares a namespace whose name is not a URI"));
        else if (g_error_matches (markup_error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR))
          g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                       _("the XMP nests elements more than %u deep"), CAPTIONER_XMP_MAX_DEPTH);
        else
          g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                       _("the XMP is not well-formed XML (%s)"), markup_error->message);
        return FALSE;
      }
  }
  return TRUE;
}

XmpPtr
captioner_xmp_parse_packet (const char         *data,
                            gsize               length,
                            CaptionerXmpNotes  *notes,
                            GError            **error)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *protected = NULL;
  gsize utf8_length = 0;
  gsize protected_length = 0;
  XmpPtr xmp;

  captioner_xmp_init ();

  if (notes != NULL)
    *notes = CAPTIONER_XMP_NOTE_NONE;
  /* XMP may be UTF-16 (the packet wrapper allows it); exempi and GMarkup want UTF-8. */
  utf8 = captioner_xmp_packet_from_utf16 (data, length, &utf8_length);
  if (utf8 != NULL)
    {
      data = utf8;
      length = utf8_length;
      if (notes != NULL)
        *notes |= CAPTIONER_XMP_NOTE_UTF16;
    }
  if (!captioner_xmp_check (data, length, error))
    return NULL;
  skip_bom (&data, &length);

  protected = captioner_xmp_packet_protect (data, length, &protected_length);
  xmp = xmp_new_empty ();
  if (!xmp_parse (xmp, protected, protected_length))
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                   _("the XMP is not well-formed (exempi error %d)"), xmp_get_error ());
      xmp_free (xmp);
      return NULL;
    }
  captioner_xmp_packet_unpad (xmp);
  return xmp;
}

XmpPtr
captioner_xmp_parse (const char  *data,
                     gsize        length,
                     GError     **error)
{
  return captioner_xmp_parse_packet (data, length, NULL, error);
}

XmpPtr
captioner_xmp_read_embedded (const char  *path,
                             GError     **error)
{
  XmpFilePtr file;
  XmpPtr xmp;

  captioner_xmp_init ();

  file = xmp_files_open_new (path, XMP_OPEN_READ | XMP_OPEN_ONLYXMP | XMP_OPEN_USESMARTHANDLER);
  if (file == NULL)
    {
      int code = xmp_get_error ();

      /* No smart handler for this kind of file is not an error: there is just no XMP. */
      if (code == XMPErr_NoFileHandler || code == XMPErr_Unknown)
        return NULL;
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CORRUPT,
                   _("its embedded metadata could not be read (exempi error %d)"), code);
      return NULL;
    }
  xmp = xmp_files_get_new_xmp (file);
  xmp_files_close (file, XMP_CLOSE_NOOPTION);
  xmp_files_free (file);
  return xmp;
}

gboolean
captioner_xmp_read_metadata (XmpPtr             xmp,
                             int                stored_width,
                             int                stored_height,
                             CaptionerMetadata *metadata)
{
  g_autoptr(GPtrArray) people = NULL;

  g_return_val_if_fail (xmp != NULL, FALSE);
  g_return_val_if_fail (metadata != NULL, FALSE);

  captioner_xmp_init ();
  captioner_xmp_read_fields (xmp, metadata);
  captioner_xmp_read_languages (xmp, metadata);
  people = captioner_xmp_read_people (xmp, stored_width, stored_height);
  captioner_xmp_read_rows (xmp, people);
  if (people->len > 0)
    {
      g_ptr_array_unref (metadata->people);
      metadata->people = g_steal_pointer (&people);
      return TRUE;
    }
  return FALSE;
}

void
captioner_xmp_apply_changes (XmpPtr                   xmp,
                             const CaptionerMetadata *before,
                             const CaptionerMetadata *after,
                             const CaptionerChanges  *changes,
                             int                      stored_width,
                             int                      stored_height,
                             int                      orientation)
{
  g_return_if_fail (xmp != NULL);
  g_return_if_fail (before != NULL && after != NULL && changes != NULL);

  captioner_xmp_init ();
  captioner_xmp_apply_fields (xmp, after, changes);
  captioner_xmp_apply_languages (xmp, after, changes);
  captioner_xmp_apply_people (xmp, before->people, after->people, changes, stored_width,
                              stored_height, orientation);
  captioner_xmp_apply_rows (xmp, before->people, after->people);
}

/* The packet's people whose name and region the metadata has too keep their ids; the others
 * are new to the packet. */
static void
match_people (GPtrArray *in_packet,
              GPtrArray *people)
{
  g_autofree gboolean *used = g_new0 (gboolean, in_packet->len + 1);

  for (guint i = 0; i < people->len; i++)
    {
      CaptionerPerson *person = g_ptr_array_index (people, i);

      person->id = 0;
      for (guint j = 0; j < in_packet->len && person->id == 0; j++)
        {
          g_autoptr(GPtrArray) one = captioner_people_new ();
          g_autoptr(GPtrArray) other = captioner_people_new ();
          const CaptionerPerson *known = g_ptr_array_index (in_packet, j);

          if (used[j])
            continue;
          CaptionerPerson *copy = captioner_person_copy (person);

          copy->row = known->row;   /* a row is no part of who they are */
          g_ptr_array_add (one, captioner_person_copy (known));
          g_ptr_array_add (other, copy);
          if (captioner_people_equal (one, other))
            {
              person->id = known->id;
              used[j] = TRUE;
            }
        }
    }
}

void
captioner_xmp_write_metadata (XmpPtr                   xmp,
                              const CaptionerMetadata *metadata,
                              int                      stored_width,
                              int                      stored_height,
                              int                      orientation)
{
  g_autoptr(CaptionerMetadata) before = captioner_metadata_new ();
  g_autoptr(CaptionerMetadata) after = NULL;
  g_autoptr(CaptionerChanges) changes = NULL;

  g_return_if_fail (xmp != NULL);
  g_return_if_fail (metadata != NULL);

  captioner_xmp_init ();
  captioner_xmp_read_metadata (xmp, stored_width, stored_height, before);
  after = captioner_metadata_copy (metadata);
  match_people (before->people, after->people);
  changes = captioner_changes_between (before, after);
  captioner_xmp_apply_changes (xmp, before, after, changes, stored_width, stored_height,
                               orientation);
}

int
captioner_xmp_get_orientation (XmpPtr xmp)
{
  g_autofree char *text = NULL;
  char *end = NULL;
  gint64 value;

  g_return_val_if_fail (xmp != NULL, 0);

  text = captioner_xmp_get_text (xmp, NS_TIFF, "Orientation");
  if (text == NULL)
    return 0;
  value = g_ascii_strtoll (g_strstrip (text), &end, 10);
  if (end == text || *end != '\0' || value < 1 || value > 8)
    return 0;
  return (int) value;
}

static char *
serialize (XmpPtr       xmp,
           uint32_t     options,
           guint32      padding,
           const char  *toolkit,
           GError     **error)
{
  XmpStringPtr buffer = xmp_string_new ();
  g_autoptr(CaptionerXmp) copy = xmp_copy (xmp);
  char *text;
  gboolean ok;

  /* exempi's serialiser rewrites two-item alternatives in the tree it is given. */
  captioner_xmp_packet_pad (copy);
  if (options & XMP_SERIAL_OMITPACKETWRAPPER)
    ok = xmp_serialize_and_format (copy, buffer, options, padding, "\n", " ", 0);
  else
    ok = xmp_serialize (copy, buffer, options, padding);
  if (!ok)
    {
      g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_FAILED,
                   _("the XMP could not be serialised (exempi error %d)"), xmp_get_error ());
      xmp_string_free (buffer);
      return NULL;
    }
  text = captioner_xmp_packet_restore (xmp_string_cstr (buffer), toolkit);
  xmp_string_free (buffer);
  return text;
}

char *
captioner_xmp_serialize (XmpPtr       xmp,
                         const char  *toolkit,
                         gsize       *length,
                         GError     **error)
{
  /* A sidecar has no packet wrapper to pad: other programs write it the same way. */
  char *text = serialize (xmp, XMP_SERIAL_OMITPACKETWRAPPER, 0, toolkit, error);

  if (text != NULL && length != NULL)
    *length = strlen (text);
  return text;
}

char *
captioner_xmp_serialize_embedded (XmpPtr       xmp,
                                  const char  *toolkit,
                                  gsize        max_length,
                                  GError     **error)
{
  char *text;

  /* In a file the packet keeps its wrapper and some padding, so that editors can update it in
   * place; a packet too large for that goes without. */
  text = serialize (xmp, 0, 2048, toolkit, error);
  if (text != NULL && strlen (text) <= max_length)
    return text;
  g_free (text);
  text = serialize (xmp, XMP_SERIAL_USECOMPACTFORMAT, 0, toolkit, error);
  if (text != NULL && strlen (text) <= max_length)
    return text;
  g_free (text);
  g_clear_error (error);
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_FAILED,
               _("its XMP is larger than the 64 KB a JPEG segment holds"));
  return NULL;
}
