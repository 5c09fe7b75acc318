#pragma once

#include "captioner-desk-item-private.h"
#include "captioner-desk.h"
#include "captioner-worker.h"

G_BEGIN_DECLS

/* The desk's state, shared by captioner-desk.c (the model and its properties),
 * captioner-desk-open.c (opening, reading headers) and captioner-desk-save.c (the save queue,
 * reloads). */
struct _CaptionerDesk
{
  GObject              parent_instance;

  /* Owned references */
  GPtrArray           *items;            /* CaptionerDeskItem */
  GFile               *folder;
  GCancellable        *cancellable;      /* the loads of the folder shown */
  CaptionerWorker     *header_worker;
  CaptionerPeopleList *people;           /* or NULL */
  GHashTable          *known_names;      /* char*, owned */
  char                *default_style;

  guint                generation;       /* bumped when another folder opens */
  guint                next_load;
  guint                loads_in_flight;
  guint                n_loaded;
  guint                n_load_errors;
  guint                saves_in_flight;
  guint                known_names_idle;
  gboolean             autosave;
  gboolean             want_previews;
  gboolean             was_busy;

  /* The journal of unsaved edits (captioner-desk-journal.c) */
  GHashTable          *pending;          /* GFile -> CaptionerJournalPhoto: to restore */
  guint                journal_source;
  gboolean             journaling;
  gboolean             journal_writing;
  gboolean             journal_again;

  /* The photo watched for changes on disk (captioner-desk-watch.c) */
  CaptionerDeskItem   *watched;
  GFileMonitor        *watch_monitors[2];   /* NAME.EXT.xmp, NAME.xmp */
  char                *watch_etags;         /* when polled */
  guint                watch_settle;
  guint                watch_poll;
  gboolean             watch_reading;
  gboolean             remote;              /* the folder is on a network share */
};

enum {
  CAPTIONER_DESK_PROP_0,
  CAPTIONER_DESK_PROP_FOLDER,
  CAPTIONER_DESK_PROP_N_LOADED,
  CAPTIONER_DESK_PROP_N_LOAD_ERRORS,
  CAPTIONER_DESK_PROP_BUSY,
  CAPTIONER_DESK_PROP_AUTOSAVE,
  CAPTIONER_DESK_PROP_DEFAULT_STYLE,
  CAPTIONER_DESK_PROP_WANT_PREVIEWS,
  CAPTIONER_DESK_PROP_KNOWN_NAMES,
  CAPTIONER_DESK_N_PROPS
};

enum {
  CAPTIONER_DESK_LOAD_FAILED,
  CAPTIONER_DESK_SAVED,
  CAPTIONER_DESK_SAVE_FAILED,
  CAPTIONER_DESK_MERGED,
  CAPTIONER_DESK_CHANGED_ON_DISK,
  CAPTIONER_DESK_N_SIGNALS
};

/* captioner-desk.c */
GParamSpec *captioner_desk_pspec        (guint                    prop);
guint    captioner_desk_signal_id       (guint                    signal);
void     captioner_desk_notify_busy     (CaptionerDesk           *self);
void     captioner_desk_add_known_names (CaptionerDesk           *self,
                                         const CaptionerMetadata *metadata);

/* captioner-desk-journal.c */
void     captioner_desk_journal_schedule (CaptionerDesk          *self);
void     captioner_desk_journal_dispose  (CaptionerDesk          *self);
void     captioner_desk_apply_pending    (CaptionerDesk          *self,
                                          CaptionerDeskItem      *item);

/* captioner-desk-watch.c */
void     captioner_desk_watch_dispose    (CaptionerDesk          *self);

/* captioner-desk-open.c */
CaptionerWorker *captioner_desk_new_header_worker (void);

G_END_DECLS
