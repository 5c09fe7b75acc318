#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_WORKER (captioner_worker_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerWorker, captioner_worker, CAPTIONER, WORKER, GObject)

/* Threads for work nobody is waiting on this instant (reading a folder's headers, making
 * thumbnails): they run at a lower scheduling priority than the rest of the process, so the
 * window's main loop and the photo the editor asked for come first on a busy machine.
 * Tasks run by GTask priority (lower value first), then in the order they were queued.
 * Dropping the worker returns every queued task as cancelled and waits for the running ones. */
CaptionerWorker *captioner_worker_new (guint                n_threads,
                                       int                  niceness);

/* How many jobs run at once from now on (jobs running go on). */
void             captioner_worker_set_threads (CaptionerWorker *self,
                                               guint            n_threads);

/* What a worker thread runs: the task's result, or NULL with error set. */
typedef gpointer (*CaptionerWorkerFunc) (gpointer      task_data,
                                         GCancellable *cancellable,
                                         GError      **error);

/* Runs func on the task's data in one of the worker's threads; its result goes back to the
 * task as a pointer (result_free frees it if nobody takes it) or as its error. Results go
 * back in batches, at the task's priority, in the thread-default main context the worker was
 * made in (the task must belong to it). A task cancelled before it starts is returned as
 * cancelled. */
void             captioner_worker_run (CaptionerWorker     *self,
                                       GTask               *task,
                                       CaptionerWorkerFunc  func,
                                       GDestroyNotify       result_free);

G_END_DECLS
