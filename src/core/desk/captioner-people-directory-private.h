#pragma once

#include "captioner-people-directory.h"

G_BEGIN_DECLS

/* One file the directory reads, or the session's names (file NULL). */
typedef struct
{
  GFile        *file;
  char         *etag;       /* as last read; NULL when missing or never read */
  guint64       seq;        /* the I/O sequence (see -io.c) its contacts come from */
  GPtrArray    *contacts;   /* CaptionerContact*, never NULL */
  GFileMonitor *monitor;
  gboolean      read_only;
} CaptionerPeopleSource;

/* A change to the user's file, waiting to be saved. The contact is a private copy whose keys
 * are computed up front: a save thread reads it while the owner's thread may too. */
typedef struct
{
  CaptionerContact *contact;
  gboolean          if_absent;  /* remember: only when the file does not know the person */
} CaptionerPeopleOp;

struct _CaptionerPeopleDirectory
{
  GObject                 parent_instance;

  /* Owned References */
  GFile                  *file;
  GFile                  *recent_file;
  CaptionerPeopleSource  *user;
  GPtrArray              *desks;         /* CaptionerPeopleSource*, a later one wins */
  CaptionerPeopleSource  *session;
  GHashTable             *session_keys;  /* folded names of the session's contacts */
  GPtrArray              *items;         /* the model: the winner of each name, sorted */
  GHashTable             *by_key;        /* folded name → winner */
  GHashTable             *by_code;       /* code → winner */
  GHashTable             *by_name;       /* folded name, alias, display name → winner; lazy */
  GHashTable             *recent;        /* name → gint64* seconds */
  gint64                  newest_use;
  GPtrArray              *pending;       /* CaptionerPeopleOp*, not saved yet */
  GPtrArray              *in_flight;     /* CaptionerPeopleOp*, being saved */
  GPtrArray              *save_waiters;  /* GTask*, for the save after the one running */
  gboolean                recent_dirty;
  gboolean                saving;
  guint                   loads_running;
  gboolean                reload_again;
  gboolean                watch_files;
};

CaptionerPeopleSource *captioner_people_source_new      (GFile                    *file,
                                                         gboolean                  read_only);
void                   captioner_people_source_free     (CaptionerPeopleSource    *source);
CaptionerPeopleOp     *captioner_people_op_new          (CaptionerContact         *contact,
                                                         gboolean                  if_absent);
void                   captioner_people_op_free         (CaptionerPeopleOp        *op);
/* Applies @ops (CaptionerPeopleOp*) from @first on to @contacts (CaptionerContact*): a copy
 * of each op's contact replaces the one of that name, or is appended. */
void                   captioner_people_ops_apply       (GPtrArray                *ops,
                                                         guint                     first,
                                                         GPtrArray                *contacts);
/* Computes the derived keys, so that other threads only read the contact. */
void                   captioner_people_warm_contact    (CaptionerContact         *contact);

/* Applies the changes in flight and pending to the user's source (after it was read again). */
void                   captioner_people_directory_apply_ops (CaptionerPeopleDirectory *self);
void                   captioner_people_directory_rebuild (CaptionerPeopleDirectory *self);

/* CaptionerContact** by name as the locale sorts it. */
int                    captioner_people_compare_by_name (gconstpointer             a,
                                                         gconstpointer             b);

/* -io.c: every read and write of the directory's files in the process runs between begin
 * and end, one at a time, and gets a number: a result read or written later replaces one from
 * before, whatever order the threads finish in. */
guint64                captioner_people_io_begin        (void);
void                   captioner_people_io_end          (void);
/* The file's etag, or its time and size where the backend gives no etag (some GVfs shares),
 * NULL when it gives neither (then it is read every time). *exists FALSE, no error, when it is
 * not there. */
char                  *captioner_people_query_version   (GFile                    *file,
                                                         gboolean                 *exists,
                                                         GCancellable             *cancellable,
                                                         GError                  **error);
/* The contacts of @file with their keys computed; NULL with @error unset when it is not
 * there. */
GPtrArray             *captioner_people_read_contacts   (GFile                    *file,
                                                         gboolean                  read_only,
                                                         GCancellable             *cancellable,
                                                         GError                  **error);
/* The recency file; empty when it cannot be read. */
GHashTable            *captioner_people_read_recent     (GFile                    *file,
                                                         GCancellable             *cancellable);
/* The later time of each name; whether @into changed. */
gboolean               captioner_people_merge_recent    (GHashTable               *into,
                                                         GHashTable               *from);
void                   captioner_people_prefix_file     (GError                  **error,
                                                         GFile                    *file);
void                   captioner_people_directory_watch (CaptionerPeopleDirectory *self,
                                                         CaptionerPeopleSource    *source);

G_END_DECLS
