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
CaptionerWorker *captioner_worker_new (guint            n_threads,
                                       int              niceness);
/* Runs func in one of the worker's threads; the task's callback comes back as with
 * g_task_run_in_thread. A task cancelled before it starts is returned as cancelled. */
void             captioner_worker_run (CaptionerWorker *self,
                                       GTask           *task,
                                       GTaskThreadFunc  func);

G_END_DECLS
