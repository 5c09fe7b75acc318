#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PEOPLE_LIST (captioner_people_list_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPeopleList, captioner_people_list, CAPTIONER, PEOPLE_LIST, GObject)

/* The names an editor has confirmed by saving, kept in a file of the user's (one name a line,
 * DATA_DIR/captioner/people.txt by default) and offered when a box is named. Reading and
 * writing happen off the caller's thread; the list is the core's, for the window and the CLI.
 *
 * Signals: changed ()   names were read or added */
CaptionerPeopleList *captioner_people_list_new         (GFile               *file);
GFile               *captioner_people_list_get_file    (CaptionerPeopleList *self);
void                 captioner_people_list_load_async  (CaptionerPeopleList *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean             captioner_people_list_load_finish (CaptionerPeopleList *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
/* The names, sorted as a person reads them. */
char               **captioner_people_list_dup_names   (CaptionerPeopleList *self);
gboolean             captioner_people_list_contains    (CaptionerPeopleList *self,
                                                        const char          *name);
/* Adds the names not in the list yet and writes the file (in a worker thread) when any was
 * new. Returns whether any was. */
gboolean             captioner_people_list_remember    (CaptionerPeopleList *self,
                                                        const char * const  *names);

/* The names of a set (a GHashTable of strings), sorted as a person reads them. */
char               **captioner_names_dup_sorted        (GHashTable          *names);

G_END_DECLS
