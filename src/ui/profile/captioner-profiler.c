#define G_LOG_DOMAIN "captioner-profiler"

#include "config.h"

#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "captioner-photo-item.h"
#include "captioner-profiler.h"

/* How many photos "the first screenful of thumbnails" means. */
#define FIRST_THUMBNAILS 24
#define STEPS            10
#define STEP_MS          400
#define TICK_MS          10
/* An editor flicking down the grid: 800 px a second, for the first 20 seconds after the first
 * screen is painted (or until every thumbnail is in). Not longer: three minutes of redrawing
 * would take from the thumbnail threads what no editor takes. */
#define SCROLL_MS        50
#define SCROLL_PX        40
#define SCROLL_STEPS     400
#define STALL_REPORT_MS  50
/* CAPTIONER_PROFILE=suggest: moves, and how long an editor looks at each photo. */
#define SUGGEST_STEPS    12
#define SUGGEST_STEP_MS  2000

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

/* Where the window's thread was during a stall or a long frame, from Linux's own accounting:
 * on a core (its CPU clock), runnable but waiting for a core (/proc/thread-self/schedstat), and
 * how much the host took from this machine's cores (steal in /proc/stat, summed over cores:
 * time no thread here ran). Whatever the wall-clock time has left, the thread slept: a lock,
 * I/O or the X server. -1 where the kernel does not say. Read only with
 * CAPTIONER_PROFILE_STALLS, a hundred times a second. */
enum { TIME_CPU, TIME_QUEUED, TIME_STOLEN, N_TIMES };
enum { PHASE_START, PHASE_UPDATE, PHASE_LAYOUT, PHASE_PAINT, PHASE_END, N_PHASES };

struct _CaptionerProfiler
{
  GObject                   parent_instance;

  /* Borrowed references (weak) */
  GtkWidget                *window;
  GtkGridView              *grid;
  GtkSelectionModel        *selection;
  CaptionerDesk            *desk;
  CaptionerThumbnailFeeder *feeder;

  int                       mode;             /* 0 off, 1 print, 2 print and quit, 3 batch,
                                               * 4 suggest */
  char                     *template_name;    /* CAPTIONER_PROFILE_TEMPLATE, for mode 3 */
  guint                     n_saved;          /* photos saved since the batch started */
  gint64                    batch_time;
  guint                     stride;           /* CAPTIONER_PROFILE_STRIDE, for mode 4 */
  gboolean                  suggesting;       /* mode 4 is moving through the photos */
  gint64                    suggest_time;     /* the last move, 0 once its suggestions are in */
  guint                     suggest_steps;
  guint                     suggest_found;    /* moves whose suggestions came in time */
  double                    suggest_worst;
  guint                     suggest_source;
  gboolean                  stalls;           /* CAPTIONER_PROFILE_STALLS: say when and why */
  gint64                    open_time;
  gint64                    switch_time;      /* 0 when no switch is on its way */
  gboolean                  first_thumbnails_reported;
  gboolean                  all_metadata_reported;
  gboolean                  all_thumbnails_reported;
  gboolean                  finished;
  guint                     steps;            /* photos stepped through after loading */
  guint                     step_source;
  guint                     tick_source;      /* measures main-loop stalls while loading */
  guint                     scroll_source;    /* scrolls the grid while loading */
  guint                     scroll_steps;
  gint64                    last_tick;
  gint64                    max_stall;
  gint64                    phases[N_PHASES]; /* when each phase of the last frame ended */
  gboolean                  phases_connected;
  gint64                    frame_times[N_TIMES];  /* CPU, queued, stolen at the frame's start */
  gint64                    tick_times[N_TIMES];   /* the same at the last tick */
  gint64                    max_frame;
  GArray                   *after_paint;      /* ProfilerFunc: due after the next frame */
};

G_DEFINE_FINAL_TYPE (CaptionerProfiler, captioner_profiler, G_TYPE_OBJECT)

typedef void (*ProfilerFunc) (CaptionerProfiler *self);

static void
on_after_paint_cb (GdkFrameClock     *clock,
                   CaptionerProfiler *self)
{
  g_autoptr(GArray) due = g_steal_pointer (&self->after_paint);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, self);
  for (guint i = 0; due != NULL && i < due->len; i++)
    g_array_index (due, ProfilerFunc, i) (self);
}

/* Calls func once, after the next frame is painted: what is reported counts once the editor
 * can see it. */
static void
after_paint (CaptionerProfiler *self,
             ProfilerFunc       func)
{
  GdkFrameClock *clock = self->window ? gtk_widget_get_frame_clock (self->window) : NULL;

  if (clock == NULL)
    {
      func (self);
      return;
    }
  if (self->after_paint == NULL)
    {
      self->after_paint = g_array_new (FALSE, FALSE, sizeof (ProfilerFunc));
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self, 0);
    }
  for (guint i = 0; i < self->after_paint->len; i++)
    if (g_array_index (self->after_paint, ProfilerFunc, i) == func)
      return;
  g_array_append_val (self->after_paint, func);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static guint
n_photos (CaptionerProfiler *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
queued_us (void)
{
  g_autofree char *text = NULL;
  guint64 run_ns, wait_ns;

  if (!g_file_get_contents ("/proc/thread-self/schedstat", &text, NULL, NULL) ||
      sscanf (text, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &run_ns, &wait_ns) != 2)
    return -1;
  return wait_ns / 1000;
}

static gint64
stolen_us (void)
{
  g_autofree char *text = NULL;
  guint64 user, nice, system, idle, iowait, irq, softirq, steal;

  /* "cpu  user nice system idle iowait irq softirq steal ...", in clock ticks. */
  if (!g_file_get_contents ("/proc/stat", &text, NULL, NULL) ||
      sscanf (text, "cpu %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
              &user, &nice, &system, &idle, &iowait, &irq, &softirq, &steal) != 8)
    return -1;
  return steal * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK);
}

static void
read_times (gint64 times[N_TIMES])
{
  times[TIME_CPU] = thread_cpu_us ();
  times[TIME_QUEUED] = queued_us ();
  times[TIME_STOLEN] = stolen_us ();
}

/* "on the CPU 24, waiting for a core 3, stolen by the host 0" (ms) since `before`. */
static char *
describe_times (const gint64 before[N_TIMES])
{
  static const char *const names[N_TIMES] = {
    "on the CPU", "waiting for a core", "stolen by the host"
  };
  gint64 now[N_TIMES];
  GString *text = g_string_new (NULL);

  read_times (now);
  for (int i = 0; i < N_TIMES; i++)
    {
      if (before[i] < 0 || now[i] < 0)
        continue;
      g_string_append_printf (text, "%s%s %.0f", text->len > 0 ? ", " : "", names[i],
                              (now[i] - before[i]) / 1000.0);
    }
  return g_string_free (text, FALSE);
}

/* A tick every TICK_MS: a late tick is a main-loop iteration that ran long (a stall the
 * editor feels as a stutter while scrolling). */
static gboolean
tick_cb (gpointer user_data)
{
  CaptionerProfiler *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = now - self->last_tick - TICK_MS * 1000;

  if (self->last_tick != 0)
    {
      /* CAPTIONER_PROFILE_STALLS=1 says when each stall happened and where the time went, to
       * find its cause. The monotonic time is perf's `-k CLOCK_MONOTONIC`, to find it in a
       * trace. */
      if (late > STALL_REPORT_MS * 1000 && self->stalls)
        {
          g_autofree char *times = describe_times (self->tick_times);

          g_printerr ("profile: stall of %.0f ms at %.0f ms (monotonic %.6f s): %s\n",
                      late / 1000.0, elapsed_ms (self->open_time), now / 1e6, times);
        }
      self->max_stall = MAX (self->max_stall, late);
    }
  self->last_tick = now;
  if (self->stalls)
    read_times (self->tick_times);
  return G_SOURCE_CONTINUE;
}

/* The longest frame (one turn of the main loop: the frame clock's update, layout and paint
 * phases) is max-frame-ms; the ticks above can miss up to TICK_MS of it. With
 * CAPTIONER_PROFILE_STALLS, a long frame is printed by phase (update: style recomputed and
 * tick callbacks; layout; paint: snapshot and rendering) and with where the window's thread
 * was meanwhile, so that a stall names its phase and whether it ran, waited or was robbed. */

static void
phase_done (CaptionerProfiler *self,
            int              phase)
{
  gint64 now = g_get_monotonic_time ();
  gint64 *t = self->phases;

  t[phase] = now;
  if (phase == PHASE_START && self->stalls)
    read_times (self->frame_times);
  if (phase != PHASE_END)
    return;
  if (t[PHASE_START] != 0 && (!self->finished || self->batch_time != 0 || self->suggesting))
    self->max_frame = MAX (self->max_frame, now - t[PHASE_START]);
  if (t[PHASE_START] != 0 && now - t[PHASE_START] > STALL_REPORT_MS * 1000 / 2 &&
      self->stalls)
    {
      g_autofree char *times = describe_times (self->frame_times);

      g_printerr ("profile: frame of %.0f ms at %.0f ms (monotonic %.6f s): update %.0f, "
                  "layout %.0f, paint %.0f; %s\n",
                  (now - t[PHASE_START]) / 1000.0, elapsed_ms (self->open_time),
                  t[PHASE_START] / 1e6,
                  (t[PHASE_UPDATE] - t[PHASE_START]) / 1000.0,
                  (t[PHASE_LAYOUT] - t[PHASE_UPDATE]) / 1000.0,
                  (t[PHASE_PAINT] - t[PHASE_LAYOUT]) / 1000.0, times);
    }
  memset (t, 0, sizeof self->phases);
}

static void on_start_cb (GdkFrameClock *c, CaptionerProfiler *self) { phase_done (self, PHASE_START); }
static void on_update_cb (GdkFrameClock *c, CaptionerProfiler *self) { phase_done (self, PHASE_UPDATE); }
static void on_layout_cb (GdkFrameClock *c, CaptionerProfiler *self) { phase_done (self, PHASE_LAYOUT); }
static void on_paint_cb (GdkFrameClock *c, CaptionerProfiler *self) { phase_done (self, PHASE_PAINT); }
static void on_end_cb (GdkFrameClock *c, CaptionerProfiler *self) { phase_done (self, PHASE_END); }

static void
connect_phases (CaptionerProfiler *self)
{
  GdkFrameClock *clock = self->window ? gtk_widget_get_frame_clock (self->window) : NULL;

  if (clock == NULL || self->phases_connected)
    return;
  self->phases_connected = TRUE;
  /* After GTK's own handlers: each time is when that phase's work is done, except the first,
   * which starts the frame. */
  g_signal_connect_object (clock, "before-paint", G_CALLBACK (on_start_cb), self, 0);
  g_signal_connect_object (clock, "update", G_CALLBACK (on_update_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (clock, "layout", G_CALLBACK (on_layout_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (clock, "paint", G_CALLBACK (on_paint_cb), self, G_CONNECT_AFTER);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_end_cb), self, G_CONNECT_AFTER);
}

static gboolean
scroll_cb (gpointer user_data)
{
  CaptionerProfiler *self = user_data;
  GtkAdjustment *adjustment;

  if (self->grid == NULL)
    return G_SOURCE_REMOVE;
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid));
  double value = gtk_adjustment_get_value (adjustment) + SCROLL_PX;
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, value > end ? 0 : value);
  if (++self->scroll_steps < SCROLL_STEPS)
    return G_SOURCE_CONTINUE;
  self->scroll_source = 0;
  return G_SOURCE_REMOVE;
}

static void
print_rss (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_printerr ("profile: peak-rss-mib=%.1f\n", usage.ru_maxrss / 1024.0);
}

/* The longest stall and frame are measured from now (a tick every TICK_MS). */
static void
start_measuring (CaptionerProfiler *self)
{
  self->last_tick = 0;
  self->max_stall = 0;
  self->max_frame = 0;
  self->tick_source = g_timeout_add (TICK_MS, tick_cb, self);
}

/* The end of a measured run: its longest stall and frame as WHAT-max-stall-ms and
 * WHAT-max-frame-ms, the peak RSS, and the window quits. */
static void
report_and_quit (CaptionerProfiler *self,
                 const char        *what)
{
  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_printerr ("profile: %s-max-stall-ms=%.1f\n", what, self->max_stall / 1000.0);
  g_printerr ("profile: %s-max-frame-ms=%.1f\n", what, self->max_frame / 1000.0);
  print_rss ();
  if (self->window != NULL)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self->window))));
}

/* Once everything is loaded: step forward through a few photos at an editor's pace, each
 * printing its switch-ms, then quit. */
static gboolean
step_cb (gpointer user_data)
{
  CaptionerProfiler *self = user_data;
  guint n = n_photos (self);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->selection);
  guint shown = gtk_bitset_is_empty (selected) ? GTK_INVALID_LIST_POSITION
                                               : gtk_bitset_get_minimum (selected);

  if (self->switch_time != 0)
    return G_SOURCE_CONTINUE;  /* the last step is not on screen yet */
  if (self->steps >= STEPS || shown == GTK_INVALID_LIST_POSITION || shown + 1 >= n ||
      self->window == NULL)
    {
      self->step_source = 0;
      print_rss ();
      if (self->window != NULL)
        g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self->window))));
      return G_SOURCE_REMOVE;
    }
  self->steps++;
  gtk_selection_model_select_item (self->selection, shown + 1, TRUE);
  return G_SOURCE_CONTINUE;
}

/* CAPTIONER_PROFILE=batch: once everything is loaded, every photo is selected and the template
 * CAPTIONER_PROFILE_TEMPLATE applied to them; the longest stall and frame while it runs and
 * its photos are saved are printed (batch-max-stall-ms, batch-max-frame-ms), then it quits. */
static void
on_batch_saved_cb (CaptionerProfiler *self)
{
  if (++self->n_saved < n_photos (self) || self->batch_time == 0)
    return;
  g_printerr ("profile: batch-ms=%.0f\n", elapsed_ms (self->batch_time));
  self->batch_time = 0;
  report_and_quit (self, "batch");
}

/* In a turn of the main loop of its own, as the editor's click on the menu is: not inside the
 * frame that showed the selection. */
static gboolean
apply_template_cb (gpointer user_data)
{
  CaptionerProfiler *self = user_data;

  self->n_saved = 0;
  start_measuring (self);
  self->batch_time = g_get_monotonic_time ();
  if (self->window != NULL)
    gtk_widget_activate_action (self->window, "win.apply-template", "s",
                                self->template_name ? self->template_name : "");
  return G_SOURCE_REMOVE;
}

static void
apply_template (CaptionerProfiler *self)
{
  g_printerr ("profile: select-all-ms=%.0f\n", elapsed_ms (self->batch_time));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_template_cb, g_object_ref (self),
                   g_object_unref);
}

static void
start_batch (CaptionerProfiler *self)
{
  g_signal_connect_swapped (self->desk, "saved", G_CALLBACK (on_batch_saved_cb), self);
  self->batch_time = g_get_monotonic_time ();
  gtk_selection_model_select_all (self->selection);
  after_paint (self, apply_template);
}

/* CAPTIONER_PROFILE=suggest: once everything is loaded, the editor moves through the folder
 * CAPTIONER_PROFILE_STRIDE photos at a time (1, the default: the next photo, as Page Down,
 * whose faces were found ahead; more: a jump to a photo nobody looked for yet), one move
 * every SUGGEST_STEP_MS. suggest-ms is from the move to the painted frame that shows the
 * photo's face suggestions ("none" when none came before the next move);
 * suggest-max-frame-ms and suggest-max-stall-ms are the longest frame and stall meanwhile. */
static void
report_suggest (CaptionerProfiler *self)
{
  double ms;

  if (self->suggest_time == 0)
    return;
  ms = elapsed_ms (self->suggest_time);
  g_printerr ("profile: suggest-ms=%.1f\n", ms);
  self->suggest_worst = MAX (self->suggest_worst, ms);
  self->suggest_found++;
  self->suggest_time = 0;
}

static void
finish_suggest (CaptionerProfiler *self)
{
  self->suggesting = FALSE;
  g_printerr ("profile: suggest-moves=%u\n", self->suggest_steps);
  g_printerr ("profile: suggest-found=%u\n", self->suggest_found);
  g_printerr ("profile: suggest-worst-ms=%.1f\n", self->suggest_worst);
  report_and_quit (self, "suggest");
}

static gboolean
suggest_step_cb (gpointer user_data)
{
  CaptionerProfiler *self = user_data;
  guint n = n_photos (self);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->selection);
  guint shown = gtk_bitset_is_empty (selected) ? 0 : gtk_bitset_get_minimum (selected);

  if (self->suggest_time != 0)
    g_printerr ("profile: suggest-ms=none\n");
  self->suggest_time = 0;
  if (self->suggest_steps >= SUGGEST_STEPS || self->window == NULL)
    {
      self->suggest_source = 0;
      finish_suggest (self);
      return G_SOURCE_REMOVE;
    }
  self->suggest_steps++;
  self->suggest_time = g_get_monotonic_time ();
  /* Round the folder when it is short. */
  gtk_selection_model_select_item (self->selection, (shown + self->stride) % n, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
start_suggest (CaptionerProfiler *self)
{
  self->suggesting = TRUE;
  g_printerr ("profile: suggest-start-ms=%.0f\n", elapsed_ms (self->open_time));
  start_measuring (self);
  self->suggest_source = g_timeout_add (SUGGEST_STEP_MS, suggest_step_cb, self);
}

void
captioner_profiler_suggestions_shown (CaptionerProfiler *self,
                                      guint              n)
{
  g_return_if_fail (CAPTIONER_IS_PROFILER (self));

  if (self->suggesting && self->suggest_time != 0 && n > 0)
    after_paint (self, report_suggest);
}

static void
finish (CaptionerProfiler *self)
{
  guint n = n_photos (self);

  /* Done when every header and thumbnail is in and the first photo is on screen. */
  if (self->mode == 0 || self->finished || captioner_desk_get_n_loaded (self->desk) < n ||
      captioner_thumbnail_feeder_get_n_done (self->feeder) < n || self->switch_time != 0)
    return;
  self->finished = TRUE;
  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_printerr ("profile: max-stall-ms=%.1f\n", self->max_stall / 1000.0);
  g_printerr ("profile: max-frame-ms=%.1f\n", self->max_frame / 1000.0);
  if (self->mode == 2)
    self->step_source = g_timeout_add (STEP_MS, step_cb, self);
  else if (self->mode == 3)
    start_batch (self);
  else if (self->mode == 4)
    start_suggest (self);
  else
    print_rss ();
}

/* The first screen counts once it is painted, not when its thumbnails are handed over. */
static void
report_first_screen (CaptionerProfiler *self)
{
  g_printerr ("profile: first-thumbnails-ms=%.0f\n", elapsed_ms (self->open_time));
  if (self->mode == 2 && !self->finished && self->scroll_source == 0)
    {
      self->scroll_steps = 0;
      self->scroll_source = g_timeout_add (SCROLL_MS, scroll_cb, self);
    }
}

static gboolean
first_screen_ready (CaptionerProfiler *self)
{
  guint n = n_photos (self);

  for (guint i = 0; i < MIN (n, FIRST_THUMBNAILS); i++)
    {
      g_autoptr(CaptionerPhotoItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (captioner_photo_item_get_thumbnail (item) == NULL &&
          captioner_photo_item_get_state (item) != CAPTIONER_PHOTO_STATE_ERROR)
        return FALSE;
    }
  return TRUE;
}

static void
progress (CaptionerProfiler *self)
{
  guint n = n_photos (self);

  if (self->mode == 0)
    return;
  if (!self->first_thumbnails_reported && first_screen_ready (self))
    {
      self->first_thumbnails_reported = TRUE;
      after_paint (self, report_first_screen);
    }
  if (captioner_desk_get_n_loaded (self->desk) == n && !self->all_metadata_reported)
    {
      self->all_metadata_reported = TRUE;
      g_printerr ("profile: all-metadata-ms=%.0f\n", elapsed_ms (self->open_time));
    }
  if (captioner_thumbnail_feeder_get_n_done (self->feeder) == n && !self->all_thumbnails_reported)
    {
      self->all_thumbnails_reported = TRUE;
      g_printerr ("profile: all-thumbnails-ms=%.0f\n", elapsed_ms (self->open_time));
    }
  finish (self);
}

static void
report_switch (CaptionerProfiler *self)
{
  g_printerr ("profile: switch-ms=%.1f\n", elapsed_ms (self->switch_time));
  self->switch_time = 0;
  finish (self);
}

static void
captioner_profiler_dispose (GObject *object)
{
  CaptionerProfiler *self = CAPTIONER_PROFILER (object);

  g_clear_handle_id (&self->step_source, g_source_remove);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_handle_id (&self->suggest_source, g_source_remove);
  if (self->desk != NULL)
    g_signal_handlers_disconnect_by_data (self->desk, self);
  if (self->feeder != NULL)
    g_signal_handlers_disconnect_by_data (self->feeder, self);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->grid);
  g_clear_weak_pointer (&self->selection);
  g_clear_weak_pointer (&self->desk);
  g_clear_weak_pointer (&self->feeder);
  g_clear_pointer (&self->after_paint, g_array_unref);
  g_clear_pointer (&self->template_name, g_free);
  G_OBJECT_CLASS (captioner_profiler_parent_class)->dispose (object);
}

static void
captioner_profiler_class_init (CaptionerProfilerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = captioner_profiler_dispose;
}

static void
captioner_profiler_init (CaptionerProfiler *self)
{
  const char *profile = g_getenv ("CAPTIONER_PROFILE");
  const char *stride;

  if (profile != NULL && *profile != '\0' && g_strcmp0 (profile, "0") != 0)
    self->mode = g_strcmp0 (profile, "exit") == 0    ? 2
               : g_strcmp0 (profile, "batch") == 0   ? 3
               : g_strcmp0 (profile, "suggest") == 0 ? 4
                                                     : 1;
  stride = g_getenv ("CAPTIONER_PROFILE_STRIDE");
  self->stride = MAX (1, stride != NULL ? (guint) g_ascii_strtoull (stride, NULL, 10) : 1);
  self->template_name = g_strdup (g_getenv ("CAPTIONER_PROFILE_TEMPLATE"));
  self->stalls = self->mode != 0 && g_getenv ("CAPTIONER_PROFILE_STALLS") != NULL;
}

CaptionerProfiler *
captioner_profiler_new (GtkWidget                *window,
                        GtkGridView              *grid,
                        GtkSelectionModel        *selection,
                        CaptionerDesk            *desk,
                        CaptionerThumbnailFeeder *feeder)
{
  CaptionerProfiler *self = g_object_new (CAPTIONER_TYPE_PROFILER, NULL);

  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->grid, grid);
  g_set_weak_pointer (&self->selection, selection);
  g_set_weak_pointer (&self->desk, desk);
  g_set_weak_pointer (&self->feeder, feeder);
  if (self->mode != 0)
    {
      /* After each header or thumbnail arrives. */
      g_signal_connect_swapped (desk, "notify::n-loaded", G_CALLBACK (progress), self);
      g_signal_connect_swapped (feeder, "progress", G_CALLBACK (progress), self);
    }
  return self;
}

gboolean
captioner_profiler_is_enabled (CaptionerProfiler *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PROFILER (self), FALSE);
  return self->mode != 0;
}

void
captioner_profiler_open (CaptionerProfiler *self)
{
  g_return_if_fail (CAPTIONER_IS_PROFILER (self));

  self->open_time = g_get_monotonic_time ();
  if (self->mode == 0 || self->tick_source != 0)
    return;
  start_measuring (self);
  connect_phases (self);
}

void
captioner_profiler_folder_shown (CaptionerProfiler *self)
{
  g_return_if_fail (CAPTIONER_IS_PROFILER (self));

  self->first_thumbnails_reported = FALSE;
  self->all_metadata_reported = FALSE;
  self->all_thumbnails_reported = FALSE;
  self->finished = FALSE;
}

void
captioner_profiler_switch_started (CaptionerProfiler *self)
{
  g_return_if_fail (CAPTIONER_IS_PROFILER (self));
  self->switch_time = g_get_monotonic_time ();
}

/* The photo asked for is in the view: switch-ms counts once the frame showing it is painted. */
void
captioner_profiler_switch_done (CaptionerProfiler *self)
{
  g_return_if_fail (CAPTIONER_IS_PROFILER (self));

  if (self->mode == 0 || self->switch_time == 0)
    {
      self->switch_time = 0;
      finish (self);
      return;
    }
  after_paint (self, report_switch);
}

gboolean
captioner_profiler_is_switching (CaptionerProfiler *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PROFILER (self), FALSE);
  return self->switch_time != 0;
}
