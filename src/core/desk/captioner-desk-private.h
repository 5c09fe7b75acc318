#pragma once

#include "captioner-desk-item-private.h"
#include "captioner-desk.h"
#include "captioner-worker.h"

G_BEGIN_DECLS

/* The desk's state, shared by captioner-desk.c (the model, opening, loading) and
 * captioner-desk-save.c (the save queue, reloads). */
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
};

enum {
  CAPTIONER_DESK_LOAD_FAILED,
  CAPTIONER_DESK_SAVED,
  CAPTIONER_DESK_SAVE_FAILED,
  CAPTIONER_DESK_N_SIGNALS
};

/* captioner-desk.c */
guint    captioner_desk_signal_id       (guint                    signal);
void     captioner_desk_notify_busy     (CaptionerDesk           *self);
void     captioner_desk_add_known_names (CaptionerDesk           *self,
                                         const CaptionerMetadata *metadata);

G_END_DECLS
