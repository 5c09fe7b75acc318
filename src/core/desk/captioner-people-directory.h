#pragma once

#include <gio/gio.h>

#include "captioner-contact.h"
#include "captioner-spell.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PEOPLE_DIRECTORY (captioner_people_directory_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPeopleDirectory, captioner_people_directory, CAPTIONER,
                      PEOPLE_DIRECTORY, GObject)

#define CAPTIONER_PEOPLE_DIRECTORY_ERROR (captioner_people_directory_error_quark ())

typedef enum
{
  /* A people file or CSV file that cannot be read as one (the message names the file). */
  CAPTIONER_PEOPLE_DIRECTORY_ERROR_INVALID,
} CaptionerPeopleDirectoryError;

GQuark captioner_people_directory_error_quark (void);

/* The people an editor names: the user's own file (people.txt in the user's data folder, see
 * captioner-people-file.h for its format), any number of desk files (a shared folder's
 * people.txt, read-only here) and names known for this session only (the folder's photos).
 * A person in two files is the user's own first, then the desk file added last.
 *
 * A GListModel of CaptionerContact, sorted by name. Nothing reads a file until a load; a load
 * reads only the files whose etag (or time and size) changed since the last one, so it is
 * cheap to call again, say when the window gets the focus back, for shares without file
 * monitoring. With watch-files set, files that change on disk are reloaded by themselves.
 * Items change on the thread that owns the directory (where it was made), never on a worker.
 *
 * Recency (when each person was last picked) is kept in people-recent.txt in the user's state
 * folder. Changes to the user's file are merged into what is on disk when saved, so two
 * programs adding people do not undo each other. */
CaptionerPeopleDirectory *
captioner_people_directory_new (GFile *file,
                                GFile *recent_file);
/* The user's file and recency file (as given, or the defaults). */
GFile *
captioner_people_directory_get_file (CaptionerPeopleDirectory *self);
GFile *
captioner_people_directory_get_recent_file (CaptionerPeopleDirectory *self);
/* Desk files, in order (a later one wins over an earlier one). Load again afterwards. */
void
captioner_people_directory_set_desk_files (CaptionerPeopleDirectory *self,
                                           GFile * const            *files,
                                           guint                     n_files);
gboolean
captioner_people_directory_get_watch_files (CaptionerPeopleDirectory *self);
void
captioner_people_directory_set_watch_files (CaptionerPeopleDirectory *self,
                                            gboolean                  watch_files);

/* Reads what changed. Blocking: for a worker thread, the CLI or tests; the model changes on
 * the calling thread, so it must own the directory. A file that cannot be read keeps what was
 * read from it before and is reported (the first such error); the others load. */
gboolean
captioner_people_directory_load (CaptionerPeopleDirectory  *self,
                                 GCancellable              *cancellable,
                                 GError                   **error);
/* The same with the reading in a thread; the model changes in the directory's main context. */
void
captioner_people_directory_load_async (CaptionerPeopleDirectory *self,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data);
gboolean
captioner_people_directory_load_finish (CaptionerPeopleDirectory  *self,
                                        GAsyncResult              *result,
                                        GError                   **error);

/* Completion: the people whose name, title, short form, alias, code or other-language name
 * holds every word of @query, ignoring case, accents and punctuation (captioner_text_fold). The
 * person whose code is the query comes first, then by most recently picked, then by name. An
 * empty query gives everyone in that order. At most @limit (0: no limit). Nothing is read
 * from disk: fast enough to run at every key press on a few thousand people. */
GListModel *
captioner_people_directory_search (CaptionerPeopleDirectory *self,
                                   const char               *query,
                                   guint                     limit);
/* The person with exactly this code (codes are case-sensitive), or NULL. */
CaptionerContact *
captioner_people_directory_find_by_code (CaptionerPeopleDirectory *self,
                                         const char               *code);
/* The person called @name (their name, an alias or their display name, folded), or NULL. */
CaptionerContact *
captioner_people_directory_find (CaptionerPeopleDirectory *self,
                                 const char               *name);
/* Tells @speller every name, short form, alias, code and other-language name the directory
 * has, so that a spell check never flags them. */
void
captioner_people_directory_teach_speller (CaptionerPeopleDirectory *self,
                                          CaptionerSpeller         *speller);
/* A CaptionerCodeLookupFunc (captioner-replacements.h) with the directory as user data: a
 * person's code expands to their display name (#1), their name (#2), their short form (#3). */
char *
captioner_people_directory_expand_code (const char *code,
                                        guint       alternate,
                                        gpointer    directory);

/* Adds @contact to the user's file or changes the user's entry of that name (a desk entry
 * is copied: the user's copy wins over the desk's). Returns the entry in the directory. Kept
 * in memory until a save. The contacts in the model are the directory's: to change one,
 * change a copy (captioner_contact_copy) and add that. */
CaptionerContact *
captioner_people_directory_add (CaptionerPeopleDirectory *self,
                                CaptionerContact         *contact);
/* The same for many (an import): the model changes once. Contacts without a name are
 * skipped. */
void
captioner_people_directory_add_many (CaptionerPeopleDirectory *self,
                                     CaptionerContact * const *contacts,
                                     guint                     n_contacts);
/* Names the editor confirmed (by saving a photo): those the directory does not know yet are
 * added to the user's file, names alone. Returns whether any was new. Kept until a save. */
gboolean
captioner_people_directory_remember (CaptionerPeopleDirectory *self,
                                     const char * const       *names);
/* remember, then save in a thread. */
void
captioner_people_directory_remember_async (CaptionerPeopleDirectory *self,
                                           const char * const       *names,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
gboolean
captioner_people_directory_remember_finish (CaptionerPeopleDirectory  *self,
                                            GAsyncResult              *result,
                                            GError                   **error);
/* Names completed from but not kept (the people of the folder's photos). */
void
captioner_people_directory_add_session_names (CaptionerPeopleDirectory *self,
                                              const char * const       *names);
/* The editor picked @contact: it comes first in completions from now on. Saved in the
 * background (a failure is logged: recency is not worth a message). */
void
captioner_people_directory_mark_used (CaptionerPeopleDirectory *self,
                                      CaptionerContact         *contact);
/* Writes the changes to the user's file (merged with what it holds on disk now, atomically)
 * and the recency file. Blocking, or in a thread; saves asked for while one runs are made
 * together after it. */
gboolean
captioner_people_directory_save (CaptionerPeopleDirectory  *self,
                                 GCancellable              *cancellable,
                                 GError                   **error);
void
captioner_people_directory_save_async (CaptionerPeopleDirectory *self,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data);
gboolean
captioner_people_directory_save_finish (CaptionerPeopleDirectory  *self,
                                        GAsyncResult              *result,
                                        GError                   **error);
gboolean
captioner_people_directory_has_unsaved_changes (CaptionerPeopleDirectory *self);

G_END_DECLS
