#define G_LOG_DOMAIN "captioner-desk"

#include "config.h"

#include "captioner-desk-private.h"
#include "captioner-journal.h"
#include "captioner-user-data.h"

/* The desk's journal of unsaved edits: within a second of an edit, the drafts with changes are
 * written to the folder's journal file, off the main thread and one write at a time; once
 * nothing is left unsaved the file goes. Restoring puts journalled edits back into the drafts
 * of the photos as they load. */

#define JOURNAL_DELAY_MS 500

typedef struct
{
  GFile     *journal;
  GFile     *folder;
  GPtrArray *photos;   /* of CaptionerJournalPhoto, copies; empty: remove the journal */
} JournalWrite;

static void
journal_write_free (JournalWrite *write)
{
  g_clear_object (&write->journal);
  g_clear_object (&write->folder);
  g_clear_pointer (&write->photos, g_ptr_array_unref);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  JournalWrite *write = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Serialised here: with a batch's two thousand drafts dirty, that is a long turn of the
   * window's main loop. */
  if (write->photos->len == 0)
    {
      if (!g_file_delete (write->journal, cancellable, &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("The journal of unsaved edits was not removed: %s", error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }
  text = captioner_journal_serialize (write->folder, write->photos);
  if (!captioner_user_file_write (write->journal, text, strlen (text), &error))
    g_warning ("The journal of unsaved edits was not written: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void write_journal (CaptionerDesk *self);

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  self->journal_writing = FALSE;
  if (self->journal_again)
    write_journal (self);
}

static void
write_journal (CaptionerDesk *self)
{
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GTask) task = NULL;
  JournalWrite *write;

  if (self->journal_writing)
    {
      self->journal_again = TRUE;
      return;
    }
  if (self->folder == NULL)
    return;
  self->journal_writing = TRUE;
  self->journal_again = FALSE;

  photos = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_journal_photo_free);
  for (guint i = 0; i < self->items->len; i++)
    {
      CaptionerDeskItem *item = g_ptr_array_index (self->items, i);
      CaptionerDraft *draft = captioner_desk_item_peek_draft (item);
      CaptionerJournalPhoto *photo;

      if (draft == NULL || !captioner_draft_get_dirty (draft))
        continue;
      photo = g_new0 (CaptionerJournalPhoto, 1);
      photo->file = g_object_ref (captioner_desk_item_get_file (item));
      photo->base = captioner_metadata_copy (captioner_draft_get_baseline (draft));
      photo->mine = captioner_metadata_copy (captioner_draft_get_metadata (draft));
      g_ptr_array_add (photos, photo);
    }
  write = g_new0 (JournalWrite, 1);
  write->journal = captioner_journal_file_for (self->folder);
  write->folder = g_object_ref (self->folder);
  write->photos = g_steal_pointer (&photos);
  task = g_task_new (self, NULL, on_written_cb, NULL);
  g_task_set_source_tag (task, write_journal);
  g_task_set_task_data (task, write, (GDestroyNotify) journal_write_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
journal_due_cb (gpointer user_data)
{
  CaptionerDesk *self = user_data;

  self->journal_source = 0;
  write_journal (self);
  return G_SOURCE_REMOVE;
}

void
captioner_desk_journal_schedule (CaptionerDesk *self)
{
  if (!self->journaling || self->journal_source != 0)
    return;
  self->journal_source = g_timeout_add (JOURNAL_DELAY_MS, journal_due_cb, self);
}

void
captioner_desk_journal_dispose (CaptionerDesk *self)
{
  g_clear_handle_id (&self->journal_source, g_source_remove);
  g_clear_pointer (&self->pending, g_hash_table_unref);
}

gboolean
captioner_desk_get_journaling (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), FALSE);
  return self->journaling;
}

/* Whether unsaved edits are journalled (the window's desk; not the CLI's). */
void
captioner_desk_set_journaling (CaptionerDesk *self,
                               gboolean       journaling)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));
  self->journaling = !!journaling;
}

/* The edits of a journalled photo go into its draft once its header is read. */
void
captioner_desk_apply_pending (CaptionerDesk     *self,
                              CaptionerDeskItem *item)
{
  CaptionerJournalPhoto *photo;
  CaptionerDraft *draft;

  if (self->pending == NULL || captioner_desk_item_get_photo (item) == NULL)
    return;
  photo = g_hash_table_lookup (self->pending, captioner_desk_item_get_file (item));
  if (photo == NULL)
    return;
  draft = captioner_desk_item_get_draft (item);
  captioner_draft_restore (draft, photo->base, photo->mine);
  g_hash_table_remove (self->pending, captioner_desk_item_get_file (item));
}

void
captioner_desk_restore (CaptionerDesk             *self,
                        GPtrArray                 *photos)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (photos != NULL);

  if (self->pending == NULL)
    self->pending = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, NULL,
                                           (GDestroyNotify) captioner_journal_photo_free);
  for (guint i = 0; i < photos->len; i++)
    {
      const CaptionerJournalPhoto *from = g_ptr_array_index (photos, i);
      CaptionerJournalPhoto *photo = g_new0 (CaptionerJournalPhoto, 1);

      photo->file = g_object_ref (from->file);
      photo->base = captioner_metadata_copy (from->base);
      photo->mine = captioner_metadata_copy (from->mine);
      g_hash_table_replace (self->pending, photo->file, photo);
    }
  for (guint i = 0; i < self->items->len; i++)
    captioner_desk_apply_pending (self, g_ptr_array_index (self->items, i));
}

/* The editor is done with the desk (the window closes, having saved or been told not to): its
 * journal goes. Only a crash leaves one behind. */
void
captioner_desk_close (CaptionerDesk *self)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));

  g_clear_handle_id (&self->journal_source, g_source_remove);
  if (self->journaling && self->folder != NULL)
    {
      g_autoptr(GFile) journal = captioner_journal_file_for (self->folder);

      /* A local file in the user's state folder: removed at once, before the process ends. */
      g_file_delete (journal, NULL, NULL);
    }
  self->journaling = FALSE;
}
