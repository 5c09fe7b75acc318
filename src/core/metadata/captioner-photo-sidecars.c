#define G_LOG_DOMAIN "captioner-photo-sidecars"

#include "config.h"

#include <exempi/xmpconsts.h>
#include <glib/gi18n.h>

#include "captioner-metadata-language.h"
#include "captioner-person.h"
#include "captioner-photo-private.h"
#include "captioner-sidecar.h"
#include "captioner-xmp.h"
#include "captioner-xmp-packet.h"

/* Which sidecars a photo has, and what they add to its metadata. NAME.EXT.xmp (darktable,
 * digiKam, Captioner) is the photo's own, found in whatever case; NAME.xmp (Adobe) is read
 * too, unless a RAW of the same name lies beside the photo: then NAME.xmp is the RAW's, the
 * pair is one photo, and only the caption fields of NAME.xmp count (its develop settings and
 * regions are the RAW's). A sidecar's fields win over the photo's, field by field. */

typedef struct
{
  GFile             *file;
  GBytes            *bytes;
  CaptionerMetadata *metadata;
  gboolean           has_keywords;
  int                orientation;
} Sidecar;

static void
sidecar_clear (Sidecar *sidecar)
{
  g_clear_object (&sidecar->file);
  g_clear_pointer (&sidecar->bytes, g_bytes_unref);
  g_clear_pointer (&sidecar->metadata, captioner_metadata_free);
}

/* Reads and parses a sidecar. Returns FALSE with an error naming it; TRUE with no metadata
 * when it went away since it was found. */
static gboolean
sidecar_load (CaptionerPhoto  *self,
              Sidecar         *sidecar,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(CaptionerXmp) xmp = NULL;
  g_autoptr(GError) read_error = NULL;
  CaptionerXmpNotes notes = CAPTIONER_XMP_NOTE_NONE;
  gsize length;
  const char *data;

  if (!captioner_sidecar_read (sidecar->file, &sidecar->bytes, cancellable, &read_error))
    {
      g_autofree char *name = g_file_get_parse_name (sidecar->file);

      if (read_error == NULL)
        return TRUE;
      if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_str_has_prefix (read_error->message, name))
        g_propagate_error (error, g_steal_pointer (&read_error));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&read_error), "%s: ", name);
      return FALSE;
    }
  data = g_bytes_get_data (sidecar->bytes, &length);
  xmp = captioner_xmp_parse_packet (data ? data : "", length, &notes, error);
  if (xmp == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (sidecar->file);
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  if (notes & CAPTIONER_XMP_NOTE_UTF16)
    {
      g_autofree char *name = g_file_get_basename (sidecar->file);
      captioner_photo_add_sidecar_warning (self, g_strdup_printf (_("%s is UTF-16; Captioner "
                                                                    "read it, and writes it "
                                                                    "back in UTF-8"), name));
    }
  sidecar->metadata = captioner_metadata_new ();
  captioner_xmp_read_metadata (xmp, self->stored_width, self->stored_height, sidecar->metadata);
  sidecar->has_keywords = xmp_has_property (xmp, NS_DC, "subject");
  sidecar->orientation = captioner_xmp_get_orientation (xmp);
  return TRUE;
}

static void
overlay_fields (CaptionerMetadata *base,
                const Sidecar     *top)
{
  /* Field by field: what the sidecar holds wins, empty too (a field the editor cleared);
   * what it lacks comes from below. */
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    if (top->metadata->fields[i] != NULL)
      captioner_metadata_set (base, i, *top->metadata->fields[i] != '\0'
                                       ? top->metadata->fields[i] : NULL);
  if (top->has_keywords)
    captioner_metadata_set_keywords (base, (const char * const *) top->metadata->keywords);
  /* Language by language: the sidecar's parts of a language it has win. */
  {
    g_auto(GStrv) languages = captioner_metadata_dup_languages (top->metadata);

    for (guint l = 0; languages[l] != NULL; l++)
      for (guint f = 0; f < CAPTIONER_N_LANGUAGE_FIELDS; f++)
        captioner_metadata_set_language (base, languages[l], f,
                                         captioner_metadata_get_language (top->metadata,
                                                                          languages[l], f));
  }
}

static void
overlay_people (CaptionerPhoto    *self,
                CaptionerMetadata *base,
                const Sidecar     *top)
{
  /* A sidecar naming nobody leaves the photo's people, whose regions stay in the photo. */
  self->people_in_base = top->metadata->people->len > 0 || base->people->len == 0;
  if (top->metadata->people->len > 0)
    {
      g_ptr_array_unref (base->people);
      base->people = captioner_people_copy (top->metadata->people);
    }
}

static gboolean
same_fields (const CaptionerMetadata *a,
             const CaptionerMetadata *b)
{
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    if (g_strcmp0 (a->fields[i], b->fields[i]) != 0)
      return FALSE;
  return g_strv_equal ((const char * const *) a->keywords, (const char * const *) b->keywords);
}

/* The sidecar a save starts from and compares with: its caption, for the foreign-caption
 * check. */
static void
take_as_base (CaptionerPhoto *self,
              const Sidecar  *sidecar)
{
  gsize length;
  const char *data = g_bytes_get_data (sidecar->bytes, &length);

  g_set_object (&self->sidecar, sidecar->file);
  g_clear_pointer (&self->base_bytes, g_bytes_unref);
  self->base_bytes = g_bytes_ref (sidecar->bytes);
  self->base_is_photo = FALSE;
  g_free (self->base_toolkit);
  self->base_toolkit = captioner_xmp_packet_get_toolkit (data, length);
  if (self->base_toolkit == NULL)
    self->base_toolkit = g_strdup ("");
}

gboolean
captioner_photo_read_sidecars (CaptionerPhoto     *self,
                               CaptionerMetadata  *metadata,
                               int                *sidecar_orientation,
                               GCancellable       *cancellable,
                               GError            **error)
{
  Sidecar own = { 0 };
  Sidecar adobe = { 0 };
  g_autoptr(GFile) raw = NULL;
  g_autoptr(GError) adobe_error = NULL;
  gboolean ok = FALSE;

  *sidecar_orientation = 0;
  own.file = captioner_sidecar_find (self->file, FALSE, cancellable);
  adobe.file = captioner_sidecar_find (self->file, TRUE, cancellable);
  if (own.file != NULL && adobe.file != NULL && g_file_equal (own.file, adobe.file))
    g_clear_object (&adobe.file);
  if (adobe.file != NULL)
    raw = captioner_sidecar_find_raw (self->file, cancellable);

  /* A save updates the NAME.EXT.xmp that was read, whatever its case, or makes one. */
  self->sidecar_target = own.file != NULL ? g_object_ref (own.file)
                                          : captioner_sidecar_file_for (self->file);

  if (own.file != NULL && !sidecar_load (self, &own, cancellable, error))
    goto out;
  if (own.bytes != NULL)
    self->target_bytes = g_bytes_ref (own.bytes);
  if (adobe.file != NULL && !sidecar_load (self, &adobe, cancellable, &adobe_error))
    {
      /* A broken NAME.xmp matters only when it is the sidecar we would read. */
      if (own.metadata == NULL && raw == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&adobe_error));
          goto out;
        }
      sidecar_clear (&adobe);
    }

  if (adobe.metadata != NULL && raw != NULL)
    {
      /* The RAW's sidecar: its caption fields, nothing else, and a save writes them back. */
      overlay_fields (metadata, &adobe);
      self->raw_sidecar = g_object_ref (adobe.file);
      self->raw_bytes = g_bytes_ref (adobe.bytes);
      if (own.metadata == NULL)
        {
          self->sidecar_caption = g_strdup (adobe.metadata->fields[CAPTIONER_FIELD_CAPTION]);
          self->sidecar_composed = g_strdup (adobe.metadata->fields[CAPTIONER_FIELD_COMPOSED]);
        }
      else if (!same_fields (own.metadata, adobe.metadata))
        {
          g_autofree char *t = g_file_get_basename (own.file);
          g_autofree char *a = g_file_get_basename (adobe.file);
          g_autofree char *r = g_file_get_basename (raw);
          captioner_photo_add_sidecar_warning (
              self, g_strdup_printf (_("%s and %s (the sidecar of %s) disagree; Captioner "
                                       "reads %s"), t, a, r, t));
        }
    }

  if (own.metadata != NULL)
    {
      take_as_base (self, &own);
      if (adobe.metadata != NULL && raw == NULL)
        {
          self->adobe = g_object_ref (adobe.file);
          if (!captioner_metadata_equal (own.metadata, adobe.metadata))
            {
              g_autofree char *t = g_file_get_basename (own.file);
              g_autofree char *a = g_file_get_basename (adobe.file);
              captioner_photo_add_sidecar_warning (
                  self, g_strdup_printf (_("%s and %s disagree; Captioner reads and writes %s"),
                                         t, a, t));
            }
        }
      overlay_fields (metadata, &own);
      overlay_people (self, metadata, &own);
      g_free (self->sidecar_caption);
      g_free (self->sidecar_composed);
      self->sidecar_caption = g_strdup (own.metadata->fields[CAPTIONER_FIELD_CAPTION]);
      self->sidecar_composed = g_strdup (own.metadata->fields[CAPTIONER_FIELD_COMPOSED]);
      *sidecar_orientation = own.orientation;
    }
  else if (adobe.metadata != NULL && raw == NULL)
    {
      /* NAME.xmp alone: read it, and start NAME.EXT.xmp from it (a save leaves it alone). */
      take_as_base (self, &adobe);
      self->adobe = g_object_ref (adobe.file);
      overlay_fields (metadata, &adobe);
      overlay_people (self, metadata, &adobe);
      self->sidecar_caption = g_strdup (adobe.metadata->fields[CAPTIONER_FIELD_CAPTION]);
      self->sidecar_composed = g_strdup (adobe.metadata->fields[CAPTIONER_FIELD_COMPOSED]);
      *sidecar_orientation = adobe.orientation;
    }
  ok = TRUE;

out:
  sidecar_clear (&own);
  sidecar_clear (&adobe);
  return ok;
}

void
captioner_photo_warn_stale_adobe (CaptionerPhoto *self)
{
  g_autofree char *a = NULL;
  g_autofree char *t = NULL;

  if (self->adobe == NULL || g_file_equal (self->adobe, self->sidecar_target))
    return;
  a = g_file_get_basename (self->adobe);
  t = g_file_get_basename (self->sidecar_target);
  captioner_photo_add_sidecar_warning (
      self, g_strdup_printf (_("%s was saved; %s beside it still holds the older caption "
                               "(Lightroom and Bridge read %s)"), t, a, a));
}
