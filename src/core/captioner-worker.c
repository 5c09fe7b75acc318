#define G_LOG_DOMAIN "captioner-worker"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "captioner-worker.h"

struct _CaptionerWorker
{
  GObject      parent_instance;
  GThreadPool *pool;
  int          niceness;
  guint64      queued;   /* how many tasks were queued: the order among equal priorities */
  int          closing;  /* atomic */
};

G_DEFINE_FINAL_TYPE (CaptionerWorker, captioner_worker, G_TYPE_OBJECT)

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
  guint64          order;
} Job;

/* Linux gives each thread its own nice value; it cannot be raised again without privileges,
 * so a thread is lowered once, by the first job it runs, and stays with its pool. */
static void
lower_thread_priority (int niceness)
{
  static GPrivate lowered = G_PRIVATE_INIT (NULL);

  if (niceness <= 0 || g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (TRUE));
#ifdef __linux__
  if (setpriority (PRIO_PROCESS, gettid (), niceness) != 0)
    g_debug ("Could not lower a worker thread's priority: %s", g_strerror (errno));
#endif
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  g_autoptr(GTask) task = job->task;
  CaptionerWorker *self = user_data;
  GTaskThreadFunc func = job->func;

  g_free (job);
  lower_thread_priority (self->niceness);
  if (g_atomic_int_get (&self->closing))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Worker closed");
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  func (task, g_task_get_source_object (task), g_task_get_task_data (task),
        g_task_get_cancellable (task));
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *job_a = a;
  const Job *job_b = b;
  int priority_a = g_task_get_priority (job_a->task);
  int priority_b = g_task_get_priority (job_b->task);

  if (priority_a != priority_b)
    return priority_a < priority_b ? -1 : 1;
  return job_a->order < job_b->order ? -1 : job_a->order > job_b->order;
}

static void
captioner_worker_finalize (GObject *object)
{
  CaptionerWorker *self = CAPTIONER_WORKER (object);

  /* Queued jobs return at once; this waits for those running. */
  g_atomic_int_set (&self->closing, TRUE);
  g_thread_pool_free (self->pool, FALSE, TRUE);
  G_OBJECT_CLASS (captioner_worker_parent_class)->finalize (object);
}

static void
captioner_worker_class_init (CaptionerWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = captioner_worker_finalize;
}

static void
captioner_worker_init (CaptionerWorker *self)
{
}

CaptionerWorker *
captioner_worker_new (guint n_threads,
                      int   niceness)
{
  CaptionerWorker *self;

  g_return_val_if_fail (n_threads > 0, NULL);

  self = g_object_new (CAPTIONER_TYPE_WORKER, NULL);
  self->niceness = CLAMP (niceness, 0, 19);
  self->pool = g_thread_pool_new (run_job, self, n_threads, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
  return self;
}

void
captioner_worker_run (CaptionerWorker *self,
                      GTask           *task,
                      GTaskThreadFunc  func)
{
  Job *job;

  g_return_if_fail (CAPTIONER_IS_WORKER (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;
  job->order = self->queued++;
  g_thread_pool_push (self->pool, job, NULL);
}
