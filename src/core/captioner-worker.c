#define G_LOG_DOMAIN "captioner-worker"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "captioner-worker.h"

/* The thread pool's own queue carries one token a job; the jobs wait in a level per priority.
 * (GThreadPool's sorted queue inserts in linear time: 10,000 thumbnails queued at once would
 * cost 50 million comparisons on the window's thread.)
 *
 * Results go back in batches, through one source per level that the threads only wake. A
 * GTask returned from a thread attaches a source to the window's main context, taking the
 * context's lock, which the window's thread holds through every turn of its loop: with
 * thousands of results, a worker at nice 15 woken to take that lock, then left waiting for a
 * core, kept the window waiting 45-75 ms for it (perf sched, cold openings of 2,000 photos). */
#define RETURN_BUDGET_US 4000

typedef struct _Level Level;

typedef struct
{
  GSource  source;
  Level   *level;   /* owns this source */
  int      ready;   /* atomic: results are waiting */
} ReturnSource;

typedef struct
{
  GTask              *task;
  CaptionerWorkerFunc func;
  GDestroyNotify      result_free;
  gpointer            result;
  GError             *error;
} Job;

struct _Level
{
  CaptionerWorker *worker;  /* not owned */
  int              priority;
  GQueue           jobs;    /* Job, waiting to run */
  GQueue           done;    /* Job, run, its result waiting to go back */
  ReturnSource    *source;
};

struct _CaptionerWorker
{
  GObject       parent_instance;
  GThreadPool  *pool;
  int           niceness;
  GMainContext *context;  /* where tasks are created and their results go */
  GMutex        lock;
  GPtrArray    *levels;   /* Level, most urgent first; their queues guarded by lock */
  int           closing;  /* atomic */
};

G_DEFINE_FINAL_TYPE (CaptionerWorker, captioner_worker, G_TYPE_OBJECT)

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

/* Gives the job's result to its task, in the task's context: its callback runs now. */
static void
return_job (Job *job)
{
  if (job->error != NULL)
    g_task_return_error (job->task, job->error);
  else
    g_task_return_pointer (job->task, job->result, job->result_free);
  g_object_unref (job->task);
  g_free (job);
}

static gboolean
return_source_ready (GSource *source,
                     int     *timeout)
{
  if (timeout != NULL)
    *timeout = -1;
  return g_atomic_int_get (&((ReturnSource *) source)->ready);
}

static gboolean
return_source_check (GSource *source)
{
  return return_source_ready (source, NULL);
}

/* Returns the level's results for RETURN_BUDGET_US at most, so that a burst of them is spread
 * over turns of the loop with frames between. */
static gboolean
return_source_dispatch (GSource     *source,
                        GSourceFunc  callback,
                        gpointer     user_data)
{
  Level *level = ((ReturnSource *) source)->level;
  g_autoptr(CaptionerWorker) self = g_object_ref (level->worker);  /* a callback may drop it */
  GQueue batch = G_QUEUE_INIT;
  gint64 end = g_get_monotonic_time () + RETURN_BUDGET_US;
  Job *job;

  g_mutex_lock (&self->lock);
  batch = level->done;
  g_queue_init (&level->done);
  g_atomic_int_set (&level->source->ready, FALSE);
  g_mutex_unlock (&self->lock);

  while ((job = g_queue_pop_head (&batch)) != NULL)
    {
      return_job (job);
      if (g_get_monotonic_time () >= end)
        break;
    }
  if (!g_queue_is_empty (&batch))
    {
      g_mutex_lock (&self->lock);
      while ((job = g_queue_pop_tail (&batch)) != NULL)
        g_queue_push_head (&level->done, job);
      g_atomic_int_set (&level->source->ready, TRUE);
      g_mutex_unlock (&self->lock);
    }
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs return_source_funcs = {
  return_source_ready,
  return_source_check,
  return_source_dispatch,
  NULL, NULL, NULL
};

/* The level for priority, made on first use. Called on the context's thread, with lock held. */
static Level *
level_for_priority (CaptionerWorker *self,
                    int              priority)
{
  Level *level;
  guint i;

  for (i = 0; i < self->levels->len; i++)
    {
      level = g_ptr_array_index (self->levels, i);
      if (level->priority == priority)
        return level;
      if (level->priority > priority)
        break;
    }
  level = g_new0 (Level, 1);
  level->worker = self;
  level->priority = priority;
  level->source = (ReturnSource *) g_source_new (&return_source_funcs, sizeof (ReturnSource));
  level->source->level = level;
  g_source_set_priority ((GSource *) level->source, priority);
  g_source_set_static_name ((GSource *) level->source, "[captioner] worker results");
  g_source_attach ((GSource *) level->source, self->context);
  g_ptr_array_insert (self->levels, i, level);
  return level;
}

/* The most urgent job queued and its level. Every token finds one: each job pushed one. */
static Job *
pop_job (CaptionerWorker  *self,
         Level           **level_out)
{
  Job *job = NULL;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->levels->len && job == NULL; i++)
    {
      *level_out = g_ptr_array_index (self->levels, i);
      job = g_queue_pop_head (&(*level_out)->jobs);
    }
  g_mutex_unlock (&self->lock);
  return job;
}

static void
push_done (CaptionerWorker *self,
           Level           *level,
           Job             *job)
{
  gboolean was_ready;

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&level->done, job);
  was_ready = g_atomic_int_get (&level->source->ready);
  g_atomic_int_set (&level->source->ready, TRUE);
  g_mutex_unlock (&self->lock);
  if (!was_ready)
    g_main_context_wakeup (self->context);
}

static void
run_job (gpointer token,
         gpointer user_data)
{
  CaptionerWorker *self = user_data;
  Level *level = NULL;
  Job *job = pop_job (self, &level);
  GCancellable *cancellable;

  g_return_if_fail (job != NULL);
  cancellable = g_task_get_cancellable (job->task);
  lower_thread_priority (self->niceness);
  if (g_atomic_int_get (&self->closing))
    job->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Worker closed");
  else if (!g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    job->result = job->func (g_task_get_task_data (job->task), cancellable, &job->error);
  push_done (self, level, job);
}

static void
level_free (Level *level)
{
  g_source_destroy ((GSource *) level->source);
  g_source_unref ((GSource *) level->source);
  g_free (level);
}

static gboolean
return_later_cb (gpointer user_data)
{
  return_job (user_data);
  return G_SOURCE_REMOVE;
}

static void
captioner_worker_finalize (GObject *object)
{
  CaptionerWorker *self = CAPTIONER_WORKER (object);

  /* Queued jobs end at once as cancelled; this waits for those running. Their results go
   * back in turns of the loop to come, as the sources that would have carried them go. */
  g_atomic_int_set (&self->closing, TRUE);
  g_thread_pool_free (self->pool, FALSE, TRUE);
  for (guint i = 0; i < self->levels->len; i++)
    {
      Level *level = g_ptr_array_index (self->levels, i);
      Job *job;

      while ((job = g_queue_pop_head (&level->done)) != NULL)
        {
          GSource *idle = g_idle_source_new ();

          g_source_set_priority (idle, level->priority);
          g_source_set_callback (idle, return_later_cb, job, NULL);
          g_source_attach (idle, self->context);
          g_source_unref (idle);
        }
    }
  g_ptr_array_unref (self->levels);
  g_main_context_unref (self->context);
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
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) level_free);
  self->context = g_main_context_ref_thread_default ();
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
captioner_worker_set_threads (CaptionerWorker *self,
                              guint            n_threads)
{
  g_return_if_fail (CAPTIONER_IS_WORKER (self));
  g_return_if_fail (n_threads > 0);

  g_thread_pool_set_max_threads (self->pool, n_threads, NULL);
}

void
captioner_worker_run (CaptionerWorker     *self,
                      GTask               *task,
                      CaptionerWorkerFunc  func,
                      GDestroyNotify       result_free)
{
  Job *job;

  g_return_if_fail (CAPTIONER_IS_WORKER (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (g_task_get_context (task) == self->context);
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;
  job->result_free = result_free;

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&level_for_priority (self, g_task_get_priority (task))->jobs, job);
  g_mutex_unlock (&self->lock);
  g_thread_pool_push (self->pool, GINT_TO_POINTER (TRUE), NULL);
}
