#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "captioner-worker.h"

/* What the worker threads saw and did, filled in from their side. */
typedef struct
{
  GMutex    lock;
  GCond     cond;
  gboolean  release;   /* the held tasks may end */
  GPtrArray *order;    /* char*: the names of the tasks run, in the order they ran */
  int        niceness; /* seen by the last task */
  guint      pending;  /* callbacks not yet received */
  GPtrArray *results;  /* char*: "name:ok" or "name:cancelled", in callback order */
  guint      ran;      /* tasks that ran to the end */
  guint      held;     /* tasks in hold_thread, waiting for release */
  gboolean   elsewhere;/* a callback ran on another thread than the test's */
  GThread   *test_thread;
} Fixture;

/* A task's data: its name, and the fixture its thread reports to. */
typedef struct
{
  Fixture *f;
  char    *name;
} Named;

static void
named_free (Named *named)
{
  g_free (named->name);
  g_free (named);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_mutex_init (&f->lock);
  g_cond_init (&f->cond);
  f->order = g_ptr_array_new_with_free_func (g_free);
  f->results = g_ptr_array_new_with_free_func (g_free);
  f->niceness = -100;
  f->test_thread = g_thread_self ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->order);
  g_ptr_array_unref (f->results);
  g_cond_clear (&f->cond);
  g_mutex_clear (&f->lock);
}

/* Returns the task's name, upper-cased: the result its callback expects. */
static gpointer
record_thread (gpointer       task_data,
               GCancellable  *cancellable,
               GError       **error)
{
  Named *named = task_data;
  Fixture *f = named->f;

  g_mutex_lock (&f->lock);
  g_ptr_array_add (f->order, g_strdup (named->name));
  errno = 0;
  f->niceness = getpriority (PRIO_PROCESS, gettid ());
  f->ran++;
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
  return g_ascii_strup (named->name, -1);
}

/* Holds its thread until the test releases it: with a worker's only thread held, the test
 * queues everything behind it. */
static gpointer
hold_thread (gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  Named *named = task_data;
  Fixture *f = named->f;

  g_mutex_lock (&f->lock);
  f->held++;
  g_cond_broadcast (&f->cond);
  while (!f->release)
    g_cond_wait (&f->cond, &f->lock);
  g_mutex_unlock (&f->lock);
  return g_ascii_strup (named->name, -1);
}

/* Waits until a count the worker threads keep (under f->lock) reaches n. */
static void
wait_until (Fixture     *f,
            const guint *count,
            guint        n)
{
  g_mutex_lock (&f->lock);
  while (*count < n)
    g_cond_wait (&f->cond, &f->lock);
  g_mutex_unlock (&f->lock);
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;
  Named *named = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *upper = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *expected = g_ascii_strup (named->name, -1);

  if (upper != NULL)
    g_assert_cmpstr (upper, ==, expected);
  else
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (g_thread_self () != f->test_thread)
    f->elsewhere = TRUE;
  g_ptr_array_add (f->results, g_strdup_printf ("%s:%s", named->name,
                                                upper != NULL ? "ok" : "cancelled"));
  f->pending--;
}

static void
queue (Fixture         *f,
       CaptionerWorker *worker,
       const char      *name,
       int              priority,
       GCancellable    *cancellable,
       CaptionerWorkerFunc func)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, on_done_cb, f);
  Named *named = g_new0 (Named, 1);

  named->f = f;
  named->name = g_strdup (name);
  g_task_set_priority (task, priority);
  g_task_set_task_data (task, named, (GDestroyNotify) named_free);
  f->pending++;
  captioner_worker_run (worker, task, func, g_free);
}

static void
release_and_wait (Fixture *f)
{
  g_mutex_lock (&f->lock);
  f->release = TRUE;
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
  while (f->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static gpointer
release_later (gpointer data)
{
  Fixture *f = data;

  g_usleep (100 * G_TIME_SPAN_MILLISECOND);
  g_mutex_lock (&f->lock);
  f->release = TRUE;
  g_cond_broadcast (&f->cond);
  g_mutex_unlock (&f->lock);
  return NULL;
}

static char *
joined (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  g_ptr_array_set_size (names, names->len - 1);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The photo the editor asks for (a higher priority) runs before the folder's queue, which
 * keeps its order; and the work runs at the lower priority asked for. */
static void
test_priority_then_queue_order (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(CaptionerWorker) worker = captioner_worker_new (1, 7);
  g_autofree char *order = NULL;
  int before = getpriority (PRIO_PROCESS, gettid ());

  queue (f, worker, "block", G_PRIORITY_DEFAULT, NULL, hold_thread);
  wait_until (f, &f->held, 1);
  queue (f, worker, "a", G_PRIORITY_DEFAULT, NULL, record_thread);
  queue (f, worker, "b", G_PRIORITY_DEFAULT, NULL, record_thread);
  queue (f, worker, "low", G_PRIORITY_LOW, NULL, record_thread);
  queue (f, worker, "c", G_PRIORITY_DEFAULT, NULL, record_thread);
  queue (f, worker, "shown", G_PRIORITY_HIGH, NULL, record_thread);
  release_and_wait (f);

  order = joined (f->order);
  g_assert_cmpstr (order, ==, "shown a b c low");
  g_assert_cmpint (f->niceness, ==, MIN (before + 7, 19));
  /* The calling thread keeps its own priority. */
  g_assert_cmpint (getpriority (PRIO_PROCESS, gettid ()), ==, before);
}

/* A task cancelled while queued never runs; dropping the worker returns what is still queued
 * as cancelled (the window closing on a folder still loading). */
static void
test_cancelled_and_dropped (Fixture       *f,
                            gconstpointer  data)
{
  CaptionerWorker *worker = captioner_worker_new (1, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *order = NULL;
  g_autofree char *results = NULL;

  queue (f, worker, "block", G_PRIORITY_DEFAULT, NULL, hold_thread);
  wait_until (f, &f->held, 1);
  queue (f, worker, "cancelled", G_PRIORITY_DEFAULT, cancellable, record_thread);
  queue (f, worker, "queued", G_PRIORITY_DEFAULT, NULL, record_thread);
  g_cancellable_cancel (cancellable);

  /* Dropping waits for the running task: another thread lets it end once the drop began. */
  g_thread_unref (g_thread_new ("release", release_later, f));
  g_object_unref (worker);
  while (f->pending > 0)
    g_main_context_iteration (NULL, TRUE);

  order = joined (f->order);
  g_assert_cmpstr (order, ==, "");
  results = joined (f->results);
  g_assert_true (strstr (results, "block:ok") != NULL);
  g_assert_true (strstr (results, "cancelled:cancelled") != NULL);
  g_assert_true (strstr (results, "queued:cancelled") != NULL);
}

/* A folder's worth of results comes back to the test's thread, each to its own task, in the
 * order each level ran them. */
static void
test_results_come_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CaptionerWorker) worker = captioner_worker_new (1, 0);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *results = NULL;

  queue (f, worker, "block", G_PRIORITY_DEFAULT, NULL, hold_thread);
  wait_until (f, &f->held, 1);
  g_string_append (expected, "block:ok");
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo%u", i);

      queue (f, worker, name, G_PRIORITY_DEFAULT, NULL, record_thread);
      g_string_append_printf (expected, " %s:ok", name);
    }
  release_and_wait (f);

  results = joined (f->results);
  g_assert_cmpstr (results, ==, expected->str);
  g_assert_false (f->elsewhere);
}

/* Results that were ready when the worker was dropped still reach their tasks. */
static void
test_dropped_with_results_waiting (Fixture       *f,
                                   gconstpointer  data)
{
  CaptionerWorker *worker = captioner_worker_new (2, 0);
  g_autofree char *results = NULL;

  queue (f, worker, "a", G_PRIORITY_DEFAULT, NULL, record_thread);
  queue (f, worker, "b", G_PRIORITY_LOW, NULL, record_thread);
  wait_until (f, &f->ran, 2);
  g_object_unref (worker);
  g_assert_cmpuint (f->pending, ==, 2);
  while (f->pending > 0)
    g_main_context_iteration (NULL, TRUE);

  results = joined (f->results);
  g_assert_cmpstr (results, ==, "a:ok b:ok");
  g_assert_false (f->elsewhere);
}

/* A folder on a network share gets more threads: a job queued behind a running one starts
 * as soon as the worker is given a second thread. */
static void
test_more_threads (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CaptionerWorker) worker = captioner_worker_new (1, 0);
  g_autofree char *results = NULL;

  queue (f, worker, "first", G_PRIORITY_DEFAULT, NULL, hold_thread);
  queue (f, worker, "second", G_PRIORITY_DEFAULT, NULL, hold_thread);
  wait_until (f, &f->held, 1);
  captioner_worker_set_threads (worker, 2);
  wait_until (f, &f->held, 2);
  release_and_wait (f);

  /* Released together: either may come back first. */
  results = joined (f->results);
  g_assert_cmpuint (f->results->len, ==, 2);
  g_assert_nonnull (strstr (results, "first:ok"));
  g_assert_nonnull (strstr (results, "second:ok"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/captioner/worker/priority-then-queue-order", Fixture, NULL, fixture_set_up,
              test_priority_then_queue_order, fixture_tear_down);
  g_test_add ("/captioner/worker/cancelled-and-dropped", Fixture, NULL, fixture_set_up,
              test_cancelled_and_dropped, fixture_tear_down);
  g_test_add ("/captioner/worker/results-come-back", Fixture, NULL, fixture_set_up,
              test_results_come_back, fixture_tear_down);
  g_test_add ("/captioner/worker/dropped-with-results-waiting", Fixture, NULL, fixture_set_up,
              test_dropped_with_results_waiting, fixture_tear_down);
  g_test_add ("/captioner/worker/more-threads", Fixture, NULL, fixture_set_up,
              test_more_threads, fixture_tear_down);
  return g_test_run ();
}
