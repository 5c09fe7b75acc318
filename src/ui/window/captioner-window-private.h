#pragma once

#include "captioner-assists.h"
#include "captioner-batch-history.h"
#include "captioner-caption-panel.h"
#include "captioner-desk.h"
#include "captioner-photo-item.h"
#include "captioner-photo-view.h"
#include "captioner-profiler.h"
#include "captioner-shown-image.h"
#include "captioner-thumbnail-feeder.h"
#include "captioner-window.h"

G_BEGIN_DECLS

/* The window is a view of a CaptionerDesk: the desk holds the photos, their drafts, loading
 * and saving; the window holds widgets and what is shown where. It follows the current
 * photo's draft through one binding group and two signal groups. */
struct _CaptionerWindow
{
  AdwApplicationWindow      parent_instance;

  /* Template widgets */
  AdwToastOverlay          *toast_overlay;
  GtkStack                 *stack;
  AdwWindowTitle           *title_widget;
  GtkGridView              *grid_view;
  CaptionerPhotoView       *photo_view;
  CaptionerCaptionPanel    *caption_panel;
  GMenu                    *recent_section;
  GMenu                    *templates_section;
  GtkWidget                *unsaved_label;

  /* Owned references */
  GSettings                *settings;
  CaptionerDesk            *desk;
  GListStore               *photos;          /* CaptionerPhotoItem, one per desk item */
  GtkSelectionModel        *selection;       /* a GtkMultiSelection */
  CaptionerThumbnailFeeder *thumbnails;
  CaptionerShownImage      *shown_image;
  CaptionerProfiler        *profiler;
  CaptionerAssists         *assists;         /* people, codes, templates, what was copied */
  CaptionerPhotoItem       *current;
  GBindingGroup            *draft_bindings;  /* the current draft's */
  GSignalGroup             *draft_signals;   /* the current draft's */
  GSignalGroup             *item_signals;    /* the current desk item's */
  GSignalGroup             *ahead_signals;   /* the next desk item's, for faces detected ahead */
  GCancellable             *open_cancellable;
  CaptionerBatchHistory    *batches;         /* the editor's edits of several photos at once */
  GtkBitset                *was_selected;
  AdwToast                 *batch_toast;     /* the progress of a long batch */
  GtkWidget                *preferences;     /* weak: the preferences window, while open */

  /* View state */
  GArray                   *after_paint;     /* CaptionerWindowFunc: due after the next frame */
  guint                     shown_position;
  guint                     show_source;     /* shows the awaited photo after a frame */
  guint                     grid_columns_idle;
  gboolean                  reverting_selection;
  gboolean                  closing;
};

typedef void (*CaptionerWindowFunc) (CaptionerWindow *self);

/* captioner-window-view.c */
void     captioner_window_after_paint        (CaptionerWindow    *self,
                                              CaptionerWindowFunc func);
void     captioner_window_scroll_to_shown    (CaptionerWindow    *self);
void     captioner_window_view_init          (CaptionerWindow    *self);
void     captioner_window_view_dispose       (CaptionerWindow    *self);

/* captioner-window.c */
void     captioner_window_show_item          (CaptionerWindow    *self,
                                              CaptionerPhotoItem *item);
void     captioner_window_toast              (CaptionerWindow    *self,
                                              const char         *message);
CaptionerDraft *captioner_window_get_current_draft (CaptionerWindow *self);
gboolean captioner_window_is_dirty           (CaptionerWindow    *self);
void     captioner_window_update_actions     (CaptionerWindow    *self);

/* captioner-window-assists.c */
void     captioner_window_assists_init       (CaptionerWindow    *self);
void     captioner_window_assists_dispose    (CaptionerWindow    *self);
/* The name offered for a new box: the previous photo's next person. */
void     captioner_window_update_suggestion  (CaptionerWindow    *self);
/* Reads the people, codes and templates (the desk folders and delimiter the settings say). */
void     captioner_window_assists_load       (CaptionerWindow    *self);
void     captioner_window_class_init_assists (GtkWidgetClass     *widget_class);

/* captioner-window-batch.c: several photos selected, edited at once */
void     captioner_window_batch_init         (CaptionerWindow    *self);
void     captioner_window_batch_dispose      (CaptionerWindow    *self);
void     captioner_window_class_init_batch   (GtkWidgetClass     *widget_class);
/* The position to show after the selection changed (GTK_INVALID_LIST_POSITION: none). */
guint    captioner_window_batch_selection_changed (CaptionerWindow *self);
/* Selects only the photo at position. */
void     captioner_window_batch_select       (CaptionerWindow    *self,
                                              guint               position);
void     captioner_window_batch_update_actions (CaptionerWindow  *self);
/* The selected desk items when there are several (NULL for one photo or none). */
GPtrArray *captioner_window_batch_dup_items  (CaptionerWindow    *self);
/* CaptionerPhotoItem: the photos selected in the grid, in its order. */
GPtrArray *captioner_window_dup_selected_photos (CaptionerWindow *self);
/* Undo and redo over the selection, or of a batch that is the current draft's latest step. */
gboolean captioner_window_batch_undo         (CaptionerWindow    *self);
gboolean captioner_window_batch_redo         (CaptionerWindow    *self);
/* Runs a batch over the selection, with progress when it is long. */
void     captioner_window_batch_run          (CaptionerWindow    *self,
                                              CaptionerBatch     *batch);

/* captioner-window-actions.c */
void     captioner_window_class_init_actions (GtkWidgetClass     *widget_class);
void     captioner_window_init_shortcuts     (CaptionerWindow    *self);

/* captioner-window-folder.c */
void     captioner_window_folder_init        (CaptionerWindow    *self);
void     captioner_window_folder_dispose     (CaptionerWindow    *self);
void     captioner_window_open_folder_dialog (CaptionerWindow    *self);
void     captioner_window_open_uri           (CaptionerWindow    *self,
                                              const char         *uri);
void     captioner_window_rebuild_recent     (CaptionerWindow    *self);

/* captioner-window-conflict.c */
void     captioner_window_ask_about_conflict (CaptionerWindow    *self,
                                              CaptionerDeskItem  *item);

/* captioner-window-restore.c */
void     captioner_window_offer_restore      (CaptionerWindow    *self);

/* captioner-window-save.c */
void     captioner_window_save_init          (CaptionerWindow    *self);
void     captioner_window_save_item          (CaptionerWindow    *self,
                                              CaptionerPhotoItem *item,
                                              CaptionerSaveFlags  flags);
gboolean captioner_window_close_request      (CaptionerWindow    *self);
/* Save, discard or cancel: the responses "save", "discard", "cancel" (Escape). */
AdwMessageDialog *captioner_window_ask_to_save (CaptionerWindow   *self,
                                              const char        *heading,
                                              const char        *body,
                                              const char        *discard_label);
void     captioner_window_ask_before_leaving (CaptionerWindow    *self,
                                              guint               target);

G_END_DECLS
