#pragma once

#include <gio/gio.h>

#include "captioner-desk-item.h"
#include "captioner-people-list.h"
#include "captioner-photo.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_DESK (captioner_desk_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerDesk, captioner_desk, CAPTIONER, DESK, GObject)

/* The photos of a folder being captioned, as a GListModel of CaptionerDeskItem: the window's
 * grid and the CLI's batch edits are views of it.
 *
 * Opening lists the files in the desk's order (captioner_folder_listing_new) and reads the
 * photos' headers in the background, a few dozen at a time, on threads of their own below
 * the caller's priority; the photo the editor waits for goes first (captioner_desk_load_now).
 * Saves go through one queue: a photo's saves are written in order, never two at once, the
 * newest draft wins; a conflict is the item's state and the "save-failed" signal.
 *
 * Properties: folder, n-loaded, n-load-errors, busy, autosave, default-style, want-previews,
 *             known-names (GStrv: names to offer, from the folder and the people list).
 * Signals:
 *   load-failed (CaptionerDeskItem *item, const char *message)
 *   saved       (CaptionerDeskItem *item)
 *   save-failed (CaptionerDeskItem *item, GError *error)   conflicts included
 *   changed-on-disk (CaptionerDeskItem *item)   the watched photo's sidecar changed, and it
 *                                           was read again (the editor had no changes)
 *   merged      (CaptionerDeskItem *item)   another program saved the photo meanwhile, and
 *                                           what it changed was merged in (and is being saved) */
CaptionerDesk       *captioner_desk_new               (CaptionerPeopleList *people);
/* Opens files and folders, replacing the desk's photos (edits of the photos left are saved
 * first, never dropped). Finishes with the position of the photo to show first and the folder
 * that was named, if one was (not one of photos named alone). */
void                 captioner_desk_open_async        (CaptionerDesk       *self,
                                                       GFile              **files,
                                                       guint                n_files,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean             captioner_desk_open_finish       (CaptionerDesk       *self,
                                                       GAsyncResult        *result,
                                                       guint               *position,
                                                       GFile              **folder_named,
                                                       GError             **error);
GFile               *captioner_desk_get_folder        (CaptionerDesk       *self);
CaptionerDeskItem   *captioner_desk_get_item          (CaptionerDesk       *self,
                                                       guint                position);
/* The position of the item for file, or GTK_INVALID_LIST_POSITION's value G_MAXUINT. */
guint                captioner_desk_find              (CaptionerDesk       *self,
                                                       GFile               *file);
/* Reads item's header ahead of the others. */
void                 captioner_desk_load_now          (CaptionerDesk       *self,
                                                       CaptionerDeskItem   *item);
guint                captioner_desk_get_n_loaded      (CaptionerDesk       *self);
guint                captioner_desk_get_n_load_errors (CaptionerDesk       *self);
/* Whether headers are still being read or saves are under way. */
gboolean             captioner_desk_get_busy          (CaptionerDesk       *self);
gboolean             captioner_desk_get_autosave      (CaptionerDesk       *self);
void                 captioner_desk_set_autosave      (CaptionerDesk       *self,
                                                       gboolean             autosave);
const char          *captioner_desk_get_default_style (CaptionerDesk       *self);
void                 captioner_desk_set_default_style (CaptionerDesk       *self,
                                                       const char          *style);
gboolean             captioner_desk_get_want_previews (CaptionerDesk       *self);
void                 captioner_desk_set_want_previews (CaptionerDesk       *self,
                                                       gboolean             want_previews);
/* Names to offer when a box is named: the folder's people and the people list. */
char               **captioner_desk_dup_known_names   (CaptionerDesk       *self);
/* The values @field has in the folder's photos (their drafts, else as read), the most
 * frequent first, then alphabetically: what a credit or city entry offers. */
char               **captioner_desk_dup_values        (CaptionerDesk       *self,
                                                       CaptionerField       field);

/* Queues a save of item's draft (nothing when it has none, or no changes and no flags). */
void                 captioner_desk_save              (CaptionerDesk       *self,
                                                       CaptionerDeskItem   *item,
                                                       CaptionerSaveFlags   flags);
/* Resolves item's conflict with another program's save (captioner_desk_item_get_merge): each
 * conflict as sides says (NULL: all the editor's), what only they changed taken, and saves. */
void                 captioner_desk_resolve           (CaptionerDesk       *self,
                                                       CaptionerDeskItem   *item,
                                                       const CaptionerMergeSide *sides);
/* Saves every photo with changes; returns how many. */
guint                captioner_desk_save_all          (CaptionerDesk       *self);
gboolean             captioner_desk_has_unsaved       (CaptionerDesk       *self);
guint                captioner_desk_get_saves_in_flight (CaptionerDesk     *self);
/* Reads the photo and its sidecar again; its draft is replaced by one from what is on disk
 * ("reload theirs"). */
void                 captioner_desk_reload            (CaptionerDesk       *self,
                                                       CaptionerDeskItem   *item);
/* Reads what is on disk now without changing the item ("see both"). */
void                 captioner_desk_read_again_async  (CaptionerDesk       *self,
                                                       CaptionerDeskItem   *item,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
CaptionerPhoto      *captioner_desk_read_again_finish (CaptionerDesk       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* Watches item's sidecars (the photo the editor is on; NULL: none) and brings in what another
 * program saves there: read again, or merged with the editor's changes ("merged"), or a
 * conflict ("save-failed"). A file monitor where there is one, else polling. */
void                 captioner_desk_watch             (CaptionerDesk       *self,
                                                       CaptionerDeskItem   *item);
/* Whether unsaved edits are journalled, to be restored after a crash (captioner-journal.h). */
gboolean             captioner_desk_get_journaling    (CaptionerDesk       *self);
void                 captioner_desk_set_journaling    (CaptionerDesk       *self,
                                                       gboolean             journaling);
/* The editor is done with the desk: journalling stops and its journal is removed. */
void                 captioner_desk_close             (CaptionerDesk       *self);
/* Puts journalled edits (CaptionerJournalPhoto) back into the drafts of those photos, now or
 * when their headers are read. */
void                 captioner_desk_restore           (CaptionerDesk       *self,
                                                       GPtrArray           *photos);
/* Runs the thread-default main context until nothing is being read or saved (the CLI). */
void                 captioner_desk_wait              (CaptionerDesk       *self);

G_END_DECLS
