#define G_LOG_DOMAIN "captioner-worker"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "captioner-worker.h"

/* The thread pool's own queue carries one token a job; the jobs wait in a queue per priority.
 * (GThreadPool's sorted queue inserts in linear time: 10,000 thumbnails queued at once would
 * cost 50 million comparisons on the window's thread.) */
struct _CaptionerWorker
{
  GObject      parent_instance;
  GThreadPool *pool;
  int          niceness;
  GMutex       lock;
  GArray      *queues;   /* Queue, most urgent first; guarded by lock */
  int          closing;  /* atomic */
};

G_DEFINE_FINAL_TYPE (CaptionerWorker, captioner_worker, G_TYPE_OBJECT)

typedef struct
{
  int     priority;
  GQueue *jobs;          /* Job */
} Queue;

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
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

/* The most urgent job queued. Every token finds one: each job pushed one token. */
static Job *
pop_job (CaptionerWorker *self)
{
  Job *job = NULL;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->queues->len && job == NULL; i++)
    job = g_queue_pop_head (g_array_index (self->queues, Queue, i).jobs);
  g_mutex_unlock (&self->lock);
  return job;
}

static void
run_job (gpointer token,
         gpointer user_data)
{
  CaptionerWorker *self = user_data;
  Job *job = pop_job (self);
  g_autoptr(GTask) task = NULL;
  GTaskThreadFunc func;

  g_return_if_fail (job != NULL);
  task = job->task;
  func = job->func;
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

static void
captioner_worker_finalize (GObject *object)
{
  CaptionerWorker *self = CAPTIONER_WORKER (object);

  /* Queued jobs return at once; this waits for those running. */
  g_atomic_int_set (&self->closing, TRUE);
  g_thread_pool_free (self->pool, FALSE, TRUE);
  for (guint i = 0; i < self->queues->len; i++)
    g_queue_free (g_array_index (self->queues, Queue, i).jobs);
  g_array_unref (self->queues);
  g_mutex_clear (&self->lock);
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
  g_mutex_init (&self->lock);
  self->queues = g_array_new (FALSE, FALSE, sizeof (Queue));
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
  return self;
}

void
captioner_worker_run (CaptionerWorker *self,
                      GTask           *task,
                      GTaskThreadFunc  func)
{
  int priority;
  Job *job;
  guint i;

  g_return_if_fail (CAPTIONER_IS_WORKER (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  priority = g_task_get_priority (task);
  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;

  g_mutex_lock (&self->lock);
  for (i = 0; i < self->queues->len; i++)
    if (g_array_index (self->queues, Queue, i).priority >= priority)
      break;
  if (i == self->queues->len || g_array_index (self->queues, Queue, i).priority != priority)
    {
      Queue queue = { priority, g_queue_new () };

      g_array_insert_val (self->queues, i, queue);
    }
  g_queue_push_tail (g_array_index (self->queues, Queue, i).jobs, job);
  g_mutex_unlock (&self->lock);
  g_thread_pool_push (self->pool, GINT_TO_POINTER (TRUE), NULL);
}
