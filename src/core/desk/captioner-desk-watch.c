#define G_LOG_DOMAIN "captioner-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-desk-private.h"
#include "captioner-error.h"
#include "captioner-sidecar.h"

/* Watching the photo the editor is on: when its sidecar changes on disk (another editor on the
 * share, Lightroom on the same folder), what changed is brought in at once: read again when
 * the editor has no changes, merged when they have (both changed: a conflict to resolve).
 * A file monitor tells where the file system has one; elsewhere (GVfs sftp and smb have none)
 * the sidecars' etags are polled. */

#define SETTLE_MS 300
#define POLL_MS   2000

static void
stop_watching (CaptionerDesk *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->watch_monitors); i++)
    if (self->watch_monitors[i] != NULL)
      {
        g_file_monitor_cancel (self->watch_monitors[i]);
        g_signal_handlers_disconnect_by_data (self->watch_monitors[i], self);
        g_clear_object (&self->watch_monitors[i]);
      }
  g_clear_handle_id (&self->watch_settle, g_source_remove);
  g_clear_handle_id (&self->watch_poll, g_source_remove);
  g_clear_pointer (&self->watch_etags, g_free);
  g_clear_object (&self->watched);
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CaptionerDeskItem) item = user_data;
  CaptionerDesk *self = CAPTIONER_DESK (g_task_get_source_object (G_TASK (result)));
  g_autoptr(CaptionerPhoto) theirs = NULL;
  g_autoptr(CaptionerMerge) merge = NULL;
  CaptionerPhoto *mine = captioner_desk_item_get_photo (item);
  CaptionerDraft *draft = captioner_desk_item_peek_draft (item);
  gboolean protected;

  theirs = captioner_desk_read_again_finish (self, result, NULL);
  self->watch_reading = FALSE;
  /* Unreadable for now (half written by the other program): the next change tells. */
  if (theirs == NULL || mine == NULL || item != self->watched ||
      captioner_desk_item_get_saving (item) || captioner_desk_item_get_conflict (item) ||
      captioner_metadata_equal (captioner_photo_get_metadata (theirs),
                                captioner_photo_get_metadata (mine)))
    return;

  if (draft == NULL || !captioner_draft_get_dirty (draft))
    {
      captioner_desk_item_set_photo (item, theirs);
      g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_CHANGED_ON_DISK), 0, item);
      return;
    }
  protected = captioner_photo_has_foreign_caption (theirs);
  merge = captioner_draft_merge (draft, captioner_photo_get_metadata (theirs), protected);
  if (captioner_merge_has_conflicts (merge))
    {
      g_autofree char *fields = captioner_merge_describe (merge);
      g_autofree char *name = g_file_get_parse_name (captioner_desk_item_get_file (item));
      g_autoptr(GError) error = NULL;

      /* TRANSLATORS: a photo's file, then the fields both changed */
      error = g_error_new (CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT,
                           _("%s: another program saved the sidecar meanwhile; both changed: %s"),
                           name, fields);
      captioner_desk_item_set_merge (item, error, g_steal_pointer (&merge), theirs);
      g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_SAVE_FAILED), 0, item, error);
      return;
    }
  captioner_desk_item_adopt_photo (item, theirs);
  captioner_draft_take_merge (draft, merge, NULL, captioner_photo_get_metadata (theirs), protected);
  g_signal_emit (self, captioner_desk_signal_id (CAPTIONER_DESK_MERGED), 0, item);
}

static gboolean
on_settled_cb (gpointer user_data)
{
  CaptionerDesk *self = user_data;

  self->watch_settle = 0;
  if (self->watched == NULL)
    return G_SOURCE_REMOVE;
  if (self->watch_reading || captioner_desk_item_get_saving (self->watched))
    {
      /* Our own save, or a read under way: look again once it is done. */
      self->watch_settle = g_timeout_add (SETTLE_MS, on_settled_cb, self);
      return G_SOURCE_REMOVE;
    }
  self->watch_reading = TRUE;
  captioner_desk_read_again_async (self, self->watched, NULL, on_read_cb,
                                   g_object_ref (self->watched));
  return G_SOURCE_REMOVE;
}

/* A burst of events (a program writes, renames, sets times) is one change. */
static void
changed_soon (CaptionerDesk *self)
{
  g_clear_handle_id (&self->watch_settle, g_source_remove);
  self->watch_settle = g_timeout_add (SETTLE_MS, on_settled_cb, self);
}

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other,
                       GFileMonitorEvent  event,
                       CaptionerDesk     *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_RENAMED ||
      event == G_FILE_MONITOR_EVENT_MOVED_IN || event == G_FILE_MONITOR_EVENT_CHANGED)
    changed_soon (self);
}

static char *
etags_of (GFile **files,
          guint   n)
{
  GString *etags = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (files[i], G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                     G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL)
        g_string_append_printf (etags, "%s/%" G_GOFFSET_FORMAT ";", g_file_info_get_etag (info),
                                g_file_info_get_size (info));
      else
        g_string_append (etags, "-;");
    }
  return g_string_free (etags, FALSE);
}

static void
poll_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *files = task_data;

  g_task_return_pointer (task, etags_of ((GFile **) files->pdata, files->len), g_free);
}

static void
on_polled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);
  g_autoptr(CaptionerDeskItem) item = user_data;
  g_autofree char *etags = g_task_propagate_pointer (G_TASK (result), NULL);

  if (item != self->watched || etags == NULL)
    return;
  if (self->watch_etags != NULL && g_strcmp0 (etags, self->watch_etags) != 0)
    changed_soon (self);
  g_free (self->watch_etags);
  self->watch_etags = g_steal_pointer (&etags);
}

static GPtrArray *
sidecars_of (CaptionerDeskItem *item)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *file = captioner_desk_item_get_file (item);

  g_ptr_array_add (files, captioner_sidecar_file_for (file));
  g_ptr_array_add (files, captioner_sidecar_adobe_file_for (file));
  return files;
}

static gboolean
on_poll_cb (gpointer user_data)
{
  CaptionerDesk *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->watched == NULL)
    {
      self->watch_poll = 0;
      return G_SOURCE_REMOVE;
    }
  task = g_task_new (self, NULL, on_polled_cb, g_object_ref (self->watched));
  g_task_set_source_tag (task, on_poll_cb);
  g_task_set_task_data (task, sidecars_of (self->watched), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, poll_thread);
  return G_SOURCE_CONTINUE;
}

void
captioner_desk_watch (CaptionerDesk     *self,
                      CaptionerDeskItem *item)
{
  g_autoptr(GPtrArray) files = NULL;
  gboolean monitored = !self->remote;

  g_return_if_fail (CAPTIONER_IS_DESK (self));
  g_return_if_fail (item == NULL || CAPTIONER_IS_DESK_ITEM (item));

  if (item == self->watched)
    return;
  stop_watching (self);
  if (item == NULL)
    return;
  self->watched = g_object_ref (item);
  files = sidecars_of (item);
  for (guint i = 0; monitored && i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      self->watch_monitors[i] = g_file_monitor_file (g_ptr_array_index (files, i),
                                                     G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (self->watch_monitors[i] == NULL)
        monitored = FALSE;
      else
        g_signal_connect (self->watch_monitors[i], "changed",
                          G_CALLBACK (on_monitor_changed_cb), self);
    }
  /* No monitor here (a network share): the etags, every few seconds, off the main thread. */
  if (!monitored)
    {
      self->watch_poll = g_timeout_add (POLL_MS, on_poll_cb, self);
      on_poll_cb (self);
    }
}

void
captioner_desk_watch_dispose (CaptionerDesk *self)
{
  stop_watching (self);
}
