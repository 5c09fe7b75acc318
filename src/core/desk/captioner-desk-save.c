#define G_LOG_DOMAIN "captioner-desk-save"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-desk-private.h"
#include "captioner-error.h"
#include "captioner-person.h"

/* The save queue: one photo's saves are written in order, never two at once; a save asked
 * for while one is in flight is done when it ends, with the draft as it is then (the newest
 * snapshot wins). */

typedef struct
{
  CaptionerDesk     *desk;
  CaptionerDeskItem *item;
  CaptionerMetadata *saved;   /* the snapshot being written */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->desk);
  g_object_unref (job->item);
  captioner_metadata_free (job->saved);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
remember_people (CaptionerDesk           *self,
                 const CaptionerMetadata *saved)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  captioner_desk_add_known_names (self, saved);
  if (self->people == NULL)
    return;
  for (guint i = 0; i < saved->people->len; i++)
    g_strv_builder_add (builder, ((CaptionerPerson *) g_ptr_array_index (saved->people, i))->name);
  names = g_strv_builder_end (builder);
  /* Names the editor confirmed by saving are offered from then on, in every folder. */
  captioner_people_list_remember (self->people, (const char * const *) names);
}

static void merge_with_disk (CaptionerDesk     *self,
                             CaptionerDeskItem *item,
                             const GError      *error);

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  CaptionerDesk *self = job->desk;
  CaptionerDeskItem *item = job->item;
  CaptionerPhoto *photo = CAPTIONER_PHOTO (object);
  CaptionerDraft *draft = captioner_desk_item_peek_draft (item);
  g_autoptr(GError) error = NULL;
  gboolean again = captioner_desk_item_take_save_again (item);

  self->saves_in_flight--;
  if (captioner_photo_save_finish (photo, result, &error))
    {
      /* The photo a reload replaced meanwhile has a draft of its own. */
      if (draft != NULL && captioner_desk_item_get_photo (item) == photo)
        captioner_draft_rebase (draft, captioner_photo_get_metadata (photo),
                                captioner_photo_has_foreign_caption (photo));
      captioner_desk_item_set_error (item, NULL);
      captioner_desk_item_set_conflict (item, NULL);
      captioner_desk_item_set_saving (item, FALSE);
      remember_people (self, job->saved);
      captioner_desk_journal_schedule (self);
      g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_SAVED), 0, item);
      if (again)
        captioner_desk_save (self, item, CAPTIONER_SAVE_NONE);
      captioner_desk_item_release_if_clean (item);
    }
  else if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT) && draft != NULL)
    /* Another program saved meanwhile: what each side changed is merged, field by field. */
    merge_with_disk (self, item, error);
  else
    {
      captioner_desk_item_set_saving (item, FALSE);
      if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT) ||
          g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CAPTION_CHANGED))
        captioner_desk_item_set_conflict (item, error);
      else
        captioner_desk_item_set_error (item, error->message);
      /* The words that did not reach the disk stay in the draft. */
      g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_SAVE_FAILED), 0, item,
                     error);
    }
  captioner_desk_notify_busy (self);
}

typedef struct
{
  CaptionerDesk     *desk;
  CaptionerDeskItem *item;
  GError            *error;   /* the conflict that sent us to the disk */
} MergeJob;

static void
merge_job_free (MergeJob *job)
{
  g_object_unref (job->desk);
  g_object_unref (job->item);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MergeJob, merge_job_free)

static void
on_theirs_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MergeJob) job = user_data;
  CaptionerDesk *self = job->desk;
  CaptionerDeskItem *item = job->item;
  CaptionerDraft *draft = captioner_desk_item_peek_draft (item);
  g_autoptr(CaptionerPhoto) theirs = NULL;
  g_autoptr(CaptionerMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  gboolean protected;

  self->saves_in_flight--;
  captioner_desk_item_set_saving (item, FALSE);
  theirs = captioner_photo_load_finish (result, &error);
  if (theirs == NULL || draft == NULL)
    {
      const GError *reason = theirs == NULL ? error : job->error;

      captioner_desk_item_set_conflict (item, reason);
      g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_SAVE_FAILED), 0, item, reason);
      captioner_desk_notify_busy (self);
      return;
    }

  protected = captioner_photo_has_foreign_caption (theirs);
  merge = captioner_draft_merge (draft, captioner_photo_get_metadata (theirs), protected);
  if (captioner_merge_has_conflicts (merge))
    {
      g_autofree char *fields = captioner_merge_describe (merge);
      g_autoptr(GError) conflict = NULL;

      /* TRANSLATORS: the first %s is an error message, the second a list of fields */
      conflict = g_error_new (CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT,
                              _("%s; both changed: %s"), job->error->message, fields);
      captioner_desk_item_set_merge (item, conflict, g_steal_pointer (&merge), theirs);
      g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_SAVE_FAILED), 0, item,
                     conflict);
      captioner_desk_notify_busy (self);
      return;
    }

  /* Nothing both changed: the draft stands on what is on disk, with the editor's changes, and
   * is saved over it. */
  captioner_desk_item_adopt_photo (item, theirs);
  captioner_draft_take_merge (draft, merge, NULL, captioner_photo_get_metadata (theirs), protected);
  g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_MERGED), 0, item);
  captioner_desk_save (self, item, CAPTIONER_SAVE_NONE);
  captioner_desk_notify_busy (self);
}

static void
merge_with_disk (CaptionerDesk     *self,
                 CaptionerDeskItem *item,
                 const GError      *error)
{
  MergeJob *job = g_new0 (MergeJob, 1);

  job->desk = g_object_ref (self);
  job->item = g_object_ref (item);
  job->error = g_error_copy (error);
  /* Still saving: the item is not settled until the merge is written or in conflict. */
  self->saves_in_flight++;
  captioner_photo_load_async (captioner_desk_item_get_file (item), G_PRIORITY_HIGH, NULL,
                              on_theirs_read_cb, job);
}

void
captioner_desk_resolve (CaptionerDesk            *self,
                        CaptionerDeskItem        *item,
                        const CaptionerMergeSide *sides)
{
  const CaptionerMerge *merge;
  CaptionerDraft *draft;
  g_autoptr(CaptionerPhoto) theirs = NULL;

  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (item));

  merge = captioner_desk_item_get_merge (item);
  draft = captioner_desk_item_peek_draft (item);
  if (merge == NULL || draft == NULL)
    return;
  theirs = g_object_ref (captioner_desk_item_get_theirs (item));
  captioner_desk_item_adopt_photo (item, theirs);
  captioner_draft_take_merge (draft, merge, sides, captioner_photo_get_metadata (theirs),
                              captioner_photo_has_foreign_caption (theirs));
  captioner_desk_item_set_conflict (item, NULL);
  /* The editor saw both captions and chose: theirs is not replaced behind their back. */
  captioner_desk_save (self, item, CAPTIONER_SAVE_FORCE_CAPTION);
}

void
captioner_desk_save (CaptionerDesk      *self,
                     CaptionerDeskItem  *item,
                     CaptionerSaveFlags  flags)
{
  CaptionerPhoto *photo;
  CaptionerDraft *draft;
  SaveJob *job;

  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (item));

  photo = captioner_desk_item_get_photo (item);
  draft = captioner_desk_item_peek_draft (item);
  if (photo == NULL || draft == NULL)
    return;
  /* Even when the draft is back at its baseline: the save in flight writes what it was
   * before (an undo made while it was being saved). */
  if (captioner_desk_item_get_saving (item))
    {
      captioner_desk_item_set_save_again (item);
      return;
    }
  if (!captioner_draft_get_dirty (draft) && flags == 0)
    return;

  job = g_new0 (SaveJob, 1);
  job->desk = g_object_ref (self);
  job->item = g_object_ref (item);
  job->saved = captioner_draft_dup_to_save (draft);
  self->saves_in_flight++;
  captioner_desk_item_set_error (item, NULL);
  captioner_desk_item_set_saving (item, TRUE);
  captioner_photo_save_async (photo, job->saved, flags, NULL, on_saved_cb, job);
  captioner_desk_notify_busy (self);
}

guint
captioner_desk_save_all (CaptionerDesk *self)
{
  guint n = 0;

  g_return_val_if_fail (CAPTIONER_IS_DESK (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      CaptionerDeskItem *item = g_ptr_array_index (self->items, i);

      if (captioner_desk_item_is_dirty (item))
        {
          captioner_desk_save (self, item, CAPTIONER_SAVE_NONE);
          n++;
        }
    }
  return n;
}

gboolean
captioner_desk_has_unsaved (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (captioner_desk_item_is_dirty (g_ptr_array_index (self->items, i)))
      return TRUE;
  return FALSE;
}

guint
captioner_desk_get_saves_in_flight (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), 0);
  return self->saves_in_flight;
}

static void
on_reloaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  job->desk->saves_in_flight--;
  photo = captioner_photo_load_finish (result, &error);
  if (photo == NULL)
    {
      captioner_desk_item_set_error (job->item, error->message);
      g_signal_emit (job->desk, captioner_desk_signal_id (CAPTIONER_DESK_LOAD_FAILED), 0,
                     job->item, error->message);
    }
  else
    {
      captioner_desk_item_set_error (job->item, NULL);
      captioner_desk_item_set_conflict (job->item, NULL);
      captioner_desk_item_set_photo (job->item, photo);
      captioner_desk_add_known_names (job->desk, captioner_photo_get_metadata (photo));
    }
  captioner_desk_notify_busy (job->desk);
}

void
captioner_desk_reload (CaptionerDesk     *self,
                       CaptionerDeskItem *item)
{
  SaveJob *job;

  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (item));

  job = g_new0 (SaveJob, 1);
  job->desk = g_object_ref (self);
  job->item = g_object_ref (item);
  /* Counted with the saves: the item is not settled until it is back. */
  self->saves_in_flight++;
  captioner_photo_load_async (captioner_desk_item_get_file (item), G_PRIORITY_HIGH, NULL,
                              on_reloaded_cb, job);
  captioner_desk_notify_busy (self);
}

static void
on_read_again_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  CaptionerPhoto *photo = captioner_photo_load_finish (result, &error);

  if (photo == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, photo, g_object_unref);
}

void
captioner_desk_read_again_async (CaptionerDesk       *self,
                                 CaptionerDeskItem   *item,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (item));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_desk_read_again_async);
  captioner_photo_load_async (captioner_desk_item_get_file (item), G_PRIORITY_HIGH, cancellable,
                              on_read_again_cb, task);
}

CaptionerPhoto *
captioner_desk_read_again_finish (CaptionerDesk  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
