#define G_LOG_DOMAIN "captioner-export-run"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-error.h"
#include "captioner-export.h"
#include "captioner-export-private.h"

/* Exporting a batch: load each photo, export it, report progress, carry on past failures. */

typedef struct
{
  gatomicrefcount              ref_count;
  CaptionerExportProgressFunc  func;
  gpointer                     data;
  GDestroyNotify               destroy;
  GMainContext                *context;
} Progress;

typedef struct
{
  Progress *progress;
  guint     done;
  guint     total;
  GFile    *file;
  GError   *error;
} ProgressReport;

typedef struct
{
  GPtrArray *files;
  Progress  *progress;
} RunData;

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static gboolean
free_progress_cb (gpointer data)
{
  Progress *progress = data;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* The last reference may go in the worker thread (with the GTask): the data (a widget, say)
 * is let go on the caller's context all the same. */
static void
progress_unref (Progress *progress)
{
  if (!g_atomic_ref_count_dec (&progress->ref_count))
    return;
  g_main_context_invoke (progress->context, free_progress_cb, progress);
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  progress_unref (report->progress);
  g_object_unref (report->file);
  g_clear_error (&report->error);
  g_free (report);
}

static gboolean
deliver_progress_cb (gpointer data)
{
  ProgressReport *report = data;

  report->progress->func (report->done, report->total, report->file, report->error,
                          report->progress->data);
  return G_SOURCE_REMOVE;
}

/* From the worker thread: hands the report to the caller's main context. */
static void
queue_progress_cb (guint         done,
                   guint         total,
                   GFile        *file,
                   const GError *error,
                   gpointer      user_data)
{
  Progress *progress = user_data;
  ProgressReport *report = g_new0 (ProgressReport, 1);

  report->progress = progress_ref (progress);
  report->done = done;
  report->total = total;
  report->file = g_object_ref (file);
  report->error = error ? g_error_copy (error) : NULL;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, deliver_progress_cb,
                              report, progress_report_free);
}

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_ptr_array_unref (run->files);
  if (run->progress != NULL)
    progress_unref (run->progress);
  g_free (run);
}

gboolean
captioner_export_run (CaptionerExport              *self,
                      GPtrArray                    *files,
                      CaptionerExportProgressFunc   progress,
                      gpointer                      progress_data,
                      GCancellable                 *cancellable,
                      GError                      **error)
{
  guint failed = 0;

  g_return_val_if_fail (CAPTIONER_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  /* An output never replaces a photo of the batch or its sidecar, even with OVERWRITE. */
  for (guint i = 0; i < files->len; i++)
    captioner_export_protect_photo (self, g_ptr_array_index (files, i));

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(CaptionerPhoto) photo = NULL;
      g_autoptr(GError) local_error = NULL;

      photo = captioner_photo_load (file, cancellable, &local_error);
      if (photo != NULL)
        captioner_export_add_photo (self, photo, cancellable, &local_error);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (local_error != NULL)
        failed++;
      if (progress != NULL)
        progress (i + 1, files->len, file, local_error, progress_data);
    }

  if (!captioner_export_close (self, cancellable, error))
    return FALSE;

  if (failed > 0)
    {
      g_set_error (error, CAPTIONER_EXPORT_ERROR, CAPTIONER_EXPORT_ERROR_PARTIAL,
                   ngettext ("%u of %u photo could not be exported",
                             "%u of %u photos could not be exported", files->len),
                   failed, files->len);
      return FALSE;
    }
  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;

  if (captioner_export_run (source_object, run->files,
                            run->progress ? queue_progress_cb : NULL, run->progress,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The export object must not be used by the caller until the callback has run. */
void
captioner_export_run_async (CaptionerExport              *self,
                            GPtrArray                    *files,
                            CaptionerExportProgressFunc   progress,
                            gpointer                      progress_data,
                            GDestroyNotify                progress_destroy,
                            GCancellable                 *cancellable,
                            GAsyncReadyCallback           callback,
                            gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_return_if_fail (CAPTIONER_IS_EXPORT (self));
  g_return_if_fail (files != NULL);

  run = g_new0 (RunData, 1);
  run->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (run->files, g_object_ref (g_ptr_array_index (files, i)));
  if (progress != NULL)
    {
      run->progress = g_new0 (Progress, 1);
      g_atomic_ref_count_init (&run->progress->ref_count);
      run->progress->func = progress;
      run->progress->data = progress_data;
      run->progress->destroy = progress_destroy;
      run->progress->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_export_run_async);
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
captioner_export_run_finish (CaptionerExport  *self,
                             GAsyncResult     *result,
                             GError          **error)
{
  g_return_val_if_fail (CAPTIONER_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == captioner_export_run_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
