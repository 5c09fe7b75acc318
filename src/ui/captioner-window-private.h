#pragma once

#include "captioner-caption-panel.h"
#include "captioner-history.h"
#include "captioner-image-cache.h"
#include "captioner-photo-item.h"
#include "captioner-photo-view.h"
#include "captioner-thumbnail.h"
#include "captioner-worker.h"
#include "captioner-window.h"

G_BEGIN_DECLS

struct _CaptionerWindow
{
  AdwApplicationWindow   parent_instance;

  /* template */
  AdwToastOverlay       *toast_overlay;
  GtkStack              *stack;
  AdwWindowTitle        *title_widget;
  GtkGridView           *grid_view;
  CaptionerPhotoView    *photo_view;
  CaptionerCaptionPanel *caption_panel;
  GMenu                 *recent_section;
  GtkWidget             *unsaved_label;

  GSettings             *settings;
  GListStore            *photos;           /* CaptionerPhotoItem */
  GtkSingleSelection    *selection;
  CaptionerThumbnailer  *thumbnailer;
  CaptionerWorker       *header_worker;    /* reads the photos' headers */
  GCancellable          *folder_cancellable;
  GFile                 *folder;
  guint                  next_load;
  guint                  loads_in_flight;
  guint                  next_thumbnail;       /* the next photo to feed in order */
  guint                  thumbnails_in_flight; /* fed in order, not yet back */
  GHashTable            *thumbnail_requests;   /* item -> GCancellable: asked for by a cell */
  GQueue                *thumbnails_given_up;  /* items whose cell scrolled away first */
  gboolean               thumbnails_running;
  guint                  n_loaded;
  guint                  n_thumbnails;
  guint                  n_load_errors;
  guint                  generation;       /* bumped when another folder opens */

  CaptionerPhotoItem    *current;
  CaptionerMetadata     *draft;            /* what the editor sees */
  CaptionerMetadata     *baseline;         /* what is saved */
  CaptionerHistory      *history;
  GCancellable          *image_cancellable;
  gboolean               image_pending;    /* the shown photo's decode is in flight */
  guint                  resize_source;    /* decodes the shown photo again after a resize */
  CaptionerImageCache   *image_cache;      /* screen-size decodes: shown photo and neighbours */
  guint                  shown_position;
  gboolean               reverting_selection;

  GHashTable            *known_names;      /* names for completion: folder + people list */
  GHashTable            *people_list;      /* the user's people.txt, as last read or written */
  guint                  known_names_idle;
  guint                  grid_columns_idle;
  guint                  show_source;      /* shows the awaited photo after a frame */
  GArray                *after_paint;      /* CaptionerWindowFunc: due after the next frame */

  guint                  saves_in_flight;
  gboolean               closing;

  /* CAPTIONER_PROFILE */
  int                    profile;          /* 0 off, 1 print, 2 print and quit */
  gboolean               profile_stalls;   /* CAPTIONER_PROFILE_STALLS: say when and why */
  gint64                 open_time;
  gint64                 switch_time;
  gboolean               first_thumbnails_reported;
  gboolean               all_metadata_reported;
  gboolean               all_thumbnails_reported;
  gboolean               profile_finished;
  guint                  profile_steps;    /* photos stepped through after loading, for switch-ms */
  guint                  profile_step_source;
  guint                  profile_tick_source;  /* measures main-loop stalls while loading */
  guint                  profile_scroll_source;  /* scrolls the grid while loading */
  guint                  profile_scroll_steps;
  gint64                 profile_last_tick;
  gint64                 profile_max_stall;
  gint64                 profile_phases[5];  /* when each phase of the last frame ended */
  gboolean               profile_phases_connected;
  gint64                 profile_frame_times[3];  /* CPU, queued, stolen at the frame's start */
  gint64                 profile_tick_times[3];   /* the same at the last tick */
  gint64                 profile_max_frame;
};

/* The folder's headers and thumbnails, read in folder order, come back below the window's
 * redraws (GTask returns a result at its priority): a burst of results never holds back a
 * frame, and a frame never draws the results of a whole burst at once. What the editor waits
 * for (the photo shown, the cells on screen) is asked for at G_PRIORITY_HIGH. */
#define CAPTIONER_WINDOW_BACKGROUND_PRIORITY G_PRIORITY_DEFAULT_IDLE

typedef void (*CaptionerWindowFunc) (CaptionerWindow *self);

/* captioner-window.c */
void     captioner_window_after_paint        (CaptionerWindow    *self,
                                              CaptionerWindowFunc func);
void     captioner_window_show_item          (CaptionerWindow    *self,
                                              CaptionerPhotoItem *item);
void     captioner_window_toast              (CaptionerWindow    *self,
                                              const char         *message);
gboolean captioner_window_is_dirty           (CaptionerWindow    *self);
void     captioner_window_update_unsaved     (CaptionerWindow    *self);
void     captioner_window_set_baseline       (CaptionerWindow    *self,
                                              const CaptionerMetadata *saved);
void     captioner_window_restore_state      (CaptionerWindow    *self,
                                              const CaptionerMetadata *state);

/* captioner-window-actions.c */
void     captioner_window_class_init_actions (GtkWidgetClass     *widget_class);
void     captioner_window_init_shortcuts     (CaptionerWindow    *self);

/* captioner-window-folder.c */
void     captioner_window_folder_init        (CaptionerWindow    *self);
void     captioner_window_folder_dispose     (CaptionerWindow    *self);
void     captioner_window_load_item_now      (CaptionerWindow    *self,
                                              CaptionerPhotoItem *item);
void     captioner_window_reload_item        (CaptionerWindow    *self,
                                              CaptionerPhotoItem *item,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
void     captioner_window_open_folder_dialog (CaptionerWindow    *self);
void     captioner_window_open_uri           (CaptionerWindow    *self,
                                              const char         *uri);
void     captioner_window_rebuild_recent     (CaptionerWindow    *self);

/* captioner-window-thumbnails.c */
void     captioner_window_thumbnails_init    (CaptionerWindow    *self);
void     captioner_window_thumbnails_start   (CaptionerWindow    *self);
void     captioner_window_thumbnails_stop    (CaptionerWindow    *self);
void     captioner_window_thumbnails_dispose (CaptionerWindow    *self);

/* captioner-window-image.c: the shown photo's pixels */
void     captioner_window_load_shown_image   (CaptionerWindow    *self,
                                              CaptionerPhotoItem *item);
void     captioner_window_image_init         (CaptionerWindow    *self);
void     captioner_window_image_dispose      (CaptionerWindow    *self);

/* captioner-window-profile.c: CAPTIONER_PROFILE */
void     captioner_window_profile_init       (CaptionerWindow    *self);
void     captioner_window_profile_open       (CaptionerWindow    *self);
void     captioner_window_profile_folder_shown (CaptionerWindow  *self);
/* After each header or thumbnail arrives. */
void     captioner_window_profile_progress   (CaptionerWindow    *self);
void     captioner_window_profile_switch_done (CaptionerWindow   *self);
void     captioner_window_profile_dispose    (CaptionerWindow    *self);

/* captioner-window-names.c */
void     captioner_window_names_init         (CaptionerWindow    *self);
void     captioner_window_names_dispose      (CaptionerWindow    *self);
void     captioner_window_add_known_names    (CaptionerWindow    *self,
                                              const CaptionerMetadata *metadata,
                                              gboolean            remember);

/* captioner-window-save.c */
void     captioner_window_save_item          (CaptionerWindow    *self,
                                              CaptionerPhotoItem *item,
                                              CaptionerSaveFlags  flags);
gboolean captioner_window_close_request      (CaptionerWindow    *self);
void     captioner_window_ask_before_leaving (CaptionerWindow    *self,
                                              guint               target);

G_END_DECLS
