#pragma once

#include <gtk/gtk.h>

#include "captioner-desk.h"
#include "captioner-thumbnail-feeder.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PROFILER (captioner_profiler_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerProfiler, captioner_profiler, CAPTIONER, PROFILER, GObject)

/* CAPTIONER_PROFILE=1 prints `profile: KEY=VALUE` lines on stderr as a folder opens;
 * CAPTIONER_PROFILE=exit also scrolls the grid while thumbnails load, steps through a few
 * photos once everything is in, and quits; CAPTIONER_PROFILE=suggest moves through the
 * photos and times their face suggestions; CAPTIONER_PROFILE_STALLS=1 says when each stall
 * and long frame happened and where the window's thread was. benchmarks/run reads these
 * lines. Without CAPTIONER_PROFILE every call does nothing. */
CaptionerProfiler *captioner_profiler_new            (GtkWidget                *window,
                                                      GtkGridView              *grid,
                                                      GtkSelectionModel        *selection,
                                                      CaptionerDesk            *desk,
                                                      CaptionerThumbnailFeeder *feeder);
gboolean           captioner_profiler_is_enabled     (CaptionerProfiler        *self);
/* A folder is being opened. */
void               captioner_profiler_open           (CaptionerProfiler        *self);
/* Its photos are in the grid. */
void               captioner_profiler_folder_shown   (CaptionerProfiler        *self);
/* The editor asked for another photo; done once it is in the view. */
void               captioner_profiler_switch_started (CaptionerProfiler        *self);
void               captioner_profiler_switch_done    (CaptionerProfiler        *self);
/* The shown photo's face suggestions arrived (n of them). */
void               captioner_profiler_suggestions_shown (CaptionerProfiler     *self,
                                                         guint                  n);
/* Whether a switch is on its way to the screen. */
gboolean           captioner_profiler_is_switching   (CaptionerProfiler        *self);

G_END_DECLS
