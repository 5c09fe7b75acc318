#define G_LOG_DOMAIN "captioner-photo-save"

#include "config.h"

#include <exempi/xmpconsts.h>
#include <glib/gi18n.h>

#include "captioner-changes.h"
#include "captioner-error.h"
#include "captioner-photo-private.h"
#include "captioner-sidecar.h"
#include "captioner-person.h"
#include "captioner-xmp.h"
#include "captioner-xmp-packet.h"

/* A save writes what the editor changed, and nothing else: the changes between the metadata
 * as read and the metadata given are applied to the sidecar as it was read (or, for a new
 * sidecar, to the photo's embedded XMP), so every other property, item, qualifier, language
 * and region stays as the other programs wrote it. */

/* Whether saving metadata would replace a caption that another program wrote into the sidecar
 * after Captioner last composed it there. */
static gboolean
would_replace_foreign_caption (CaptionerPhoto          *self,
                               const CaptionerMetadata *metadata)
{
  return captioner_photo_has_foreign_caption (self) &&
         g_strcmp0 (self->sidecar_caption, metadata->fields[CAPTIONER_FIELD_CAPTION]) != 0;
}

/* People the editor added get ids no one in the photo had, so that the next save can tell
 * them apart (an id of a person just removed would make the newcomer them). */
static void
give_new_ids (GPtrArray *people,
              GPtrArray *before)
{
  guint next = 1;

  for (guint i = 0; i < before->len; i++)
    next = MAX (next, ((CaptionerPerson *) g_ptr_array_index (before, i))->id + 1);
  for (guint i = 0; i < people->len; i++)
    next = MAX (next, ((CaptionerPerson *) g_ptr_array_index (people, i))->id + 1);
  for (guint i = 0; i < people->len; i++)
    {
      CaptionerPerson *person = g_ptr_array_index (people, i);

      if (person->id == 0)
        person->id = next++;
    }
}

static char *
toolkit_of (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  char *toolkit = captioner_xmp_packet_get_toolkit (data, length);

  return toolkit ? toolkit : g_strdup ("");
}

typedef struct
{
  CaptionerMetadata *before;    /* the photo's metadata as read (or last saved) */
  CaptionerMetadata *metadata;  /* as written, COMPOSED recorded */
  GFile             *target;
  GFile             *raw_sidecar;
  GBytes            *written;
  GBytes            *expected;
  GBytes            *base;
  GBytes            *raw_expected;
  GBytes            *raw_written;
  char              *toolkit;
  gboolean           base_is_photo;
  GBytes            *embedded;       /* the photo's XMP, when its people are not in base */
  int                stored_width;
  int                stored_height;
  int                orientation;
  CaptionerSaveFlags flags;
  gboolean           foreign_caption;
  gboolean           people_written;  /* the sidecar holds the people now */
  char              *raw_problem;  /* why the RAW's sidecar was not updated, or NULL */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->before, captioner_metadata_free);
  g_clear_pointer (&data->metadata, captioner_metadata_free);
  g_clear_object (&data->target);
  g_clear_object (&data->raw_sidecar);
  g_clear_pointer (&data->written, g_bytes_unref);
  g_clear_pointer (&data->expected, g_bytes_unref);
  g_clear_pointer (&data->base, g_bytes_unref);
  g_clear_pointer (&data->raw_expected, g_bytes_unref);
  g_clear_pointer (&data->raw_written, g_bytes_unref);
  g_clear_pointer (&data->embedded, g_bytes_unref);
  g_clear_pointer (&data->toolkit, g_free);
  g_clear_pointer (&data->raw_problem, g_free);
  g_free (data);
}

static SaveData *
prepare_save (CaptionerPhoto          *self,
              const CaptionerMetadata *metadata,
              CaptionerSaveFlags       flags)
{
  SaveData *data = g_new0 (SaveData, 1);
  const char *old_caption = self->metadata->fields[CAPTIONER_FIELD_CAPTION];

  data->before = captioner_metadata_copy (self->metadata);
  data->metadata = captioner_metadata_copy (metadata);
  give_new_ids (data->metadata->people, data->before->people);
  /* A caption this save writes is Captioner's: recorded, so that a later change by another
   * program can be told apart from ours. A caption left as it was keeps its record: another
   * program's caption (in the sidecar or embedded) kept through a credit-only save stays
   * theirs. */
  if (g_strcmp0 (old_caption, data->metadata->fields[CAPTIONER_FIELD_CAPTION]) != 0)
    captioner_metadata_set (data->metadata, CAPTIONER_FIELD_COMPOSED,
                            data->metadata->fields[CAPTIONER_FIELD_CAPTION]);
  data->target = g_object_ref (self->sidecar_target);
  data->raw_sidecar = self->raw_sidecar ? g_object_ref (self->raw_sidecar) : NULL;
  data->expected = self->target_bytes ? g_bytes_ref (self->target_bytes) : NULL;
  data->base = self->base_bytes ? g_bytes_ref (self->base_bytes) : NULL;
  data->raw_expected = self->raw_bytes ? g_bytes_ref (self->raw_bytes) : NULL;
  data->toolkit = g_strdup (self->base_toolkit);
  data->base_is_photo = self->base_is_photo;
  if (!self->people_in_base && self->embedded_bytes != NULL)
    data->embedded = g_bytes_ref (self->embedded_bytes);
  data->stored_width = self->stored_width;
  data->stored_height = self->stored_height;
  data->orientation = self->orientation;
  data->flags = flags;
  data->foreign_caption = would_replace_foreign_caption (self, metadata);
  return data;
}

static XmpPtr
parse_bytes (GBytes  *bytes,
             GError **error)
{
  gsize length;
  const char *text;

  if (bytes == NULL)
    {
      captioner_xmp_init ();
      return xmp_new_empty ();
    }
  text = g_bytes_get_data (bytes, &length);
  return captioner_xmp_parse (text ? text : "", length, error);
}

/* The RAW of a JPEG + RAW pair gets the caption fields, nothing else: its develop settings,
 * crops and regions are its own. A problem there is told, not fatal: the JPEG's sidecar holds
 * everything. */
static void
write_raw_sidecar (SaveData               *data,
                   const CaptionerChanges *changes,
                   GCancellable           *cancellable)
{
  g_autoptr(CaptionerXmp) xmp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *toolkit = NULL;
  CaptionerChanges fields_only = *changes;
  gsize length = 0;

  if (data->raw_sidecar == NULL || (changes->fields == 0 && !changes->keywords))
    return;
  xmp = parse_bytes (data->raw_expected, &error);
  if (xmp != NULL)
    {
      fields_only.people = g_array_new (FALSE, FALSE, sizeof (CaptionerPersonDelta));
      captioner_xmp_apply_changes (xmp, data->before, data->metadata, &fields_only,
                                   data->stored_width, data->stored_height, data->orientation);
      g_array_unref (fields_only.people);
      if (data->raw_expected != NULL)
        toolkit = toolkit_of (data->raw_expected);
      text = captioner_xmp_serialize (xmp, toolkit, &length, &error);
    }
  if (text != NULL)
    {
      bytes = g_bytes_new_take (g_steal_pointer (&text), length);
      if (captioner_sidecar_write (data->raw_sidecar, data->raw_expected, bytes, cancellable,
                                   &error))
        {
          data->raw_written = g_steal_pointer (&bytes);
          return;
        }
    }
  {
    g_autofree char *name = g_file_get_basename (data->raw_sidecar);
    data->raw_problem = g_strdup_printf (_("%s (the RAW's sidecar) was not updated: %s"), name,
                                         error->message);
  }
}

/* The people were read from the photo's XMP, the sidecar names nobody: before the people
 * change there, the sidecar gets the photo's regions as they are, so that those the editor
 * did not touch keep every property in it too (the sidecar's people replace the photo's). */
static void
seed_people (XmpPtr  xmp,
             GBytes *embedded)
{
  static const struct { const char *ns; const char *name; } properties[] = {
    { NS_MWG_RS, "Regions" }, { NS_IPTC_EXT, "ImageRegion" }, { NS_MP, "RegionInfo" },
    { NS_IPTC_EXT, "PersonInImage" },
  };
  g_autoptr(CaptionerXmp) from = parse_bytes (embedded, NULL);

  if (from == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    if (!xmp_has_property (xmp, properties[i].ns, properties[i].name))
      captioner_xmp_copy_property (xmp, from, properties[i].ns, properties[i].name);
}

/* What Captioner writes it must be able to read back, with its own checks and exempi (the
 * size is checked when writing). */
static gboolean
check_readable (GBytes  *written,
                GError **error)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(CaptionerXmp) again = NULL;
  gsize length;
  const char *text = g_bytes_get_data (written, &length);

  if (length > CAPTIONER_SIDECAR_MAX_SIZE)
    return TRUE;
  again = captioner_xmp_parse (text ? text : "", length, &check_error);
  if (again != NULL)
    return TRUE;
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
               _("the sidecar Captioner would write could not be read back (%s); nothing was "
                 "saved"), check_error->message);
  return FALSE;
}

/* The blocking half of a save: runs in a worker thread for the async variant. The sidecar's
 * lock is held from reading what is on disk ("keep mine") to the rename, so that another
 * Captioner cannot slip in between. */
static gboolean
write_sidecar (SaveData      *data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(CaptionerSidecarLock) lock = NULL;
  g_autoptr(CaptionerXmp) xmp = NULL;
  g_autoptr(CaptionerChanges) field_changes = NULL;
  g_autoptr(CaptionerMetadata) written = NULL;
  g_autoptr(CaptionerChanges) people_changes = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (data->foreign_caption && !(data->flags & CAPTIONER_SAVE_FORCE_CAPTION))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CAPTION_CHANGED,
                           _("another program changed the caption in the sidecar since Captioner "
                             "composed it; it was left as it is"));
      return FALSE;
    }

  lock = captioner_sidecar_lock (data->target, cancellable, error);
  if (lock == NULL)
    return FALSE;

  if (data->flags & CAPTIONER_SAVE_IGNORE_CONFLICT)
    {
      /* "Keep mine": write over what is on disk now, but still keep the other programs'
       * properties that it holds (and the people the other program added). */
      g_autoptr(GBytes) current = NULL;
      g_autoptr(GError) local_error = NULL;

      captioner_sidecar_read (data->target, &current, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_pointer (&data->expected, g_bytes_unref);
      data->expected = current ? g_bytes_ref (current) : NULL;
      if (current != NULL)
        {
          g_clear_pointer (&data->base, g_bytes_unref);
          data->base = g_bytes_ref (current);
          data->base_is_photo = FALSE;
          g_free (data->toolkit);
          data->toolkit = toolkit_of (current);
        }
    }

  xmp = parse_bytes (data->base, error);
  if (xmp == NULL)
    return FALSE;

  /* The fields: what differs from the metadata as read; for a new sidecar, from the packet it
   * starts from, so that what the photo carries outside its XMP (IIM, EXIF) is written too. */
  if (data->base_is_photo || data->base == NULL)
    {
      g_autoptr(CaptionerMetadata) in_packet = captioner_metadata_new ();

      captioner_xmp_read_metadata (xmp, data->stored_width, data->stored_height, in_packet);
      field_changes = captioner_changes_between (in_packet, data->metadata);
    }
  else
    field_changes = captioner_changes_between (data->before, data->metadata);
  people_changes = captioner_changes_between (data->before, data->metadata);
  g_array_set_size (field_changes->people, 0);
  people_changes->fields = 0;
  people_changes->keywords = FALSE;
  g_hash_table_remove_all (people_changes->languages);

  /* A field the editor cleared is written empty, not deleted: deleted, what the photo holds
   * outside the sidecar (its IIM, EXIF or embedded XMP) would show again on the next read. */
  written = captioner_metadata_copy (data->metadata);
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    if (data->before->fields[i] != NULL && *data->before->fields[i] != '\0' &&
        data->metadata->fields[i] == NULL && i != CAPTIONER_FIELD_COMPOSED)
      {
        captioner_metadata_set (written, i, "");
        field_changes->fields |= 1u << i;
      }
  captioner_xmp_apply_changes (xmp, data->before, written, field_changes,
                               data->stored_width, data->stored_height, data->orientation);
  data->people_written = captioner_changes_has_people (people_changes);
  if (data->embedded != NULL && data->people_written)
    seed_people (xmp, data->embedded);
  captioner_xmp_apply_changes (xmp, data->before, data->metadata, people_changes,
                               data->stored_width, data->stored_height, data->orientation);
  text = captioner_xmp_serialize (xmp, data->base != NULL ? data->toolkit : NULL, &length, error);
  if (text == NULL)
    return FALSE;
  g_clear_pointer (&data->written, g_bytes_unref);
  data->written = g_bytes_new_take (g_steal_pointer (&text), length);
  if (!check_readable (data->written, error))
    return FALSE;

  if (!captioner_sidecar_write_locked (lock, data->expected, data->written, cancellable, error))
    return FALSE;
  g_clear_pointer (&lock, captioner_sidecar_unlock);
  {
    g_autoptr(CaptionerChanges) changes = captioner_changes_between (data->before, data->metadata);
    write_raw_sidecar (data, changes, cancellable);
  }
  return TRUE;
}

static void
commit_save (CaptionerPhoto *self,
             SaveData       *data)
{
  g_clear_pointer (&self->metadata, captioner_metadata_free);
  self->metadata = g_steal_pointer (&data->metadata);
  g_clear_pointer (&self->target_bytes, g_bytes_unref);
  self->target_bytes = g_bytes_ref (data->written);
  g_clear_pointer (&self->base_bytes, g_bytes_unref);
  self->base_bytes = g_bytes_ref (data->written);
  self->base_is_photo = FALSE;
  self->people_in_base = self->people_in_base || data->people_written;
  g_set_object (&self->sidecar, self->sidecar_target);
  g_free (self->sidecar_caption);
  self->sidecar_caption = g_strdup (self->metadata->fields[CAPTIONER_FIELD_CAPTION]);
  g_free (self->sidecar_composed);
  self->sidecar_composed = g_strdup (self->metadata->fields[CAPTIONER_FIELD_COMPOSED]);
  if (data->raw_written != NULL)
    {
      /* The RAW's sidecar as written is the next save's baseline. */
      g_clear_pointer (&self->raw_bytes, g_bytes_unref);
      self->raw_bytes = g_steal_pointer (&data->raw_written);
    }
  captioner_photo_clear_sidecar_warning (self);
  captioner_photo_warn_stale_adobe (self);
  if (data->raw_problem != NULL)
    captioner_photo_add_sidecar_warning (self, g_steal_pointer (&data->raw_problem));
}

static void
prefix_save_error (CaptionerPhoto *self,
                   GError        **error)
{
  g_autofree char *name = g_file_get_parse_name (self->sidecar_target);

  if (error != NULL && *error != NULL && !g_str_has_prefix ((*error)->message, name))
    g_prefix_error (error, "%s: ", name);
}

gboolean
captioner_photo_save (CaptionerPhoto          *self,
                      const CaptionerMetadata *metadata,
                      CaptionerSaveFlags       flags,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  SaveData *data;
  gboolean ok;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO (self), FALSE);
  g_return_val_if_fail (metadata != NULL, FALSE);

  data = prepare_save (self, metadata, flags);
  ok = write_sidecar (data, cancellable, error);
  if (ok)
    commit_save (self, data);
  else
    prefix_save_error (self, error);
  save_data_free (data);
  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_sidecar (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
captioner_photo_save_async (CaptionerPhoto          *self,
                            const CaptionerMetadata *metadata,
                            CaptionerSaveFlags       flags,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CAPTIONER_IS_PHOTO (self));
  g_return_if_fail (metadata != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_photo_save_async);
  g_task_set_task_data (task, prepare_save (self, metadata, flags), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
captioner_photo_save_finish (CaptionerPhoto  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (task, error))
    {
      prefix_save_error (self, error);
      return FALSE;
    }
  /* Back on the caller's thread: now the photo may change. */
  commit_save (self, g_task_get_task_data (task));
  return TRUE;
}
