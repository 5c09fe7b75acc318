#define G_LOG_DOMAIN "captioner-photo-save"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-error.h"
#include "captioner-photo-private.h"
#include "captioner-sidecar.h"
#include "captioner-xmp.h"

/* Whether saving metadata would replace a caption that another program wrote into the sidecar
 * after Captioner last composed it there. */
static gboolean
would_replace_foreign_caption (CaptionerPhoto          *self,
                               const CaptionerMetadata *metadata)
{
  const char *new_caption = metadata->fields[CAPTIONER_FIELD_CAPTION];

  if (self->sidecar_caption == NULL || *self->sidecar_caption == '\0')
    return FALSE;
  if (g_strcmp0 (self->sidecar_caption, new_caption) == 0)
    return FALSE;
  return g_strcmp0 (self->sidecar_caption, self->sidecar_composed) != 0;
}

typedef struct
{
  CaptionerMetadata *metadata;  /* as written, COMPOSED recorded */
  GBytes            *written;
  GBytes            *expected;
  GBytes            *base;
  CaptionerSaveFlags flags;
  gboolean           foreign_caption;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->metadata, captioner_metadata_free);
  g_clear_pointer (&data->written, g_bytes_unref);
  g_clear_pointer (&data->expected, g_bytes_unref);
  g_clear_pointer (&data->base, g_bytes_unref);
  g_free (data);
}

static SaveData *
prepare_save (CaptionerPhoto          *self,
              const CaptionerMetadata *metadata,
              CaptionerSaveFlags       flags)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->metadata = captioner_metadata_copy (metadata);
  /* Record what Captioner writes as the caption, so that a later change by another program
   * can be told apart from ours. */
  captioner_metadata_set (data->metadata, CAPTIONER_FIELD_COMPOSED,
                          data->metadata->fields[CAPTIONER_FIELD_CAPTION]);
  data->expected = self->target_bytes ? g_bytes_ref (self->target_bytes) : NULL;
  data->base = self->base_bytes ? g_bytes_ref (self->base_bytes) : NULL;
  data->flags = flags;
  data->foreign_caption = would_replace_foreign_caption (self, metadata);
  return data;
}

/* The sidecar's new text: the base sidecar (every other program's properties) with the
 * metadata written over it. */
static GBytes *
build_sidecar (CaptionerPhoto *self,
               SaveData       *data,
               GError        **error)
{
  g_autoptr(CaptionerXmp) xmp = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (data->base != NULL)
    {
      gsize base_length;
      const char *base = g_bytes_get_data (data->base, &base_length);

      xmp = captioner_xmp_parse (base ? base : "", base_length, error);
      if (xmp == NULL)
        return NULL;
    }
  else
    {
      captioner_xmp_init ();
      xmp = xmp_new_empty ();
    }

  captioner_xmp_write_metadata (xmp, data->metadata, self->stored_width, self->stored_height,
                                self->orientation);
  text = captioner_xmp_serialize (xmp, &length, error);
  if (text == NULL)
    return NULL;
  /* What Captioner writes it must be able to read back, with its own checks and exempi (the
   * size is checked when writing). */
  if (length <= CAPTIONER_SIDECAR_MAX_SIZE)
    {
      g_autoptr(GError) check_error = NULL;
      g_autoptr(CaptionerXmp) again = captioner_xmp_parse (text, length, &check_error);

      if (again == NULL)
        {
          g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR,
                       _("the sidecar Captioner would write could not be read back (%s); nothing "
                         "was saved"), check_error->message);
          return NULL;
        }
    }
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

/* The blocking half of a save: runs in a worker thread for the async variant. The sidecar's
 * lock is held from reading what is on disk ("keep mine") to the rename, so that another
 * Captioner cannot slip in between. */
static gboolean
write_sidecar (CaptionerPhoto *self,
               SaveData       *data,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(CaptionerSidecarLock) lock = NULL;

  if (data->foreign_caption && !(data->flags & CAPTIONER_SAVE_FORCE_CAPTION))
    {
      g_set_error_literal (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CAPTION_CHANGED,
                           _("another program changed the caption in the sidecar since Captioner "
                             "composed it; it was left as it is"));
      return FALSE;
    }

  lock = captioner_sidecar_lock (self->sidecar_target, cancellable, error);
  if (lock == NULL)
    return FALSE;

  if (data->flags & CAPTIONER_SAVE_IGNORE_CONFLICT)
    {
      /* "Keep mine": write over what is on disk now, but still keep the other programs'
       * properties that it holds. */
      g_autoptr(GBytes) current = NULL;
      g_autoptr(GError) local_error = NULL;

      captioner_sidecar_read (self->sidecar_target, &current, cancellable, &local_error);
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
        }
    }

  g_clear_pointer (&data->written, g_bytes_unref);
  data->written = build_sidecar (self, data, error);
  if (data->written == NULL)
    return FALSE;
  return captioner_sidecar_write_locked (lock, data->expected, data->written, cancellable, error);
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
  g_set_object (&self->sidecar, self->sidecar_target);
  g_free (self->sidecar_caption);
  self->sidecar_caption = g_strdup (self->metadata->fields[CAPTIONER_FIELD_CAPTION]);
  g_free (self->sidecar_composed);
  self->sidecar_composed = g_strdup (self->metadata->fields[CAPTIONER_FIELD_COMPOSED]);
  g_clear_pointer (&self->warning, g_free);
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
  ok = write_sidecar (self, data, cancellable, error);
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

  if (write_sidecar (source_object, task_data, cancellable, &error))
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
