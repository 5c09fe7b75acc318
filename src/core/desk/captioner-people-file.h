#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The people directory's file (people.txt in the user's data folder and in desk folders):
 * UTF-8 text, one person a line, columns separated by a TAB. Lines starting with "#" are
 * comments, but for "#columns" followed by the column names, which says the order of the
 * columns from there on (name, title, short, aliases, code, identifiers, names, titles; others
 * are skipped). Without it the columns come in that order. Lists separate their items with
 * "|"; in names and titles each item is "LANGUAGE=TEXT" ("hy=Սերգեյ Լավրով"). A line without a
 * TAB is a name alone: the one-name-a-line files of earlier versions read unchanged. */

/* CaptionerContact*, in the file's order; a name given twice keeps its last line. @origin
 * names the file in messages. */
GPtrArray  *captioner_people_file_parse   (const char  *contents,
                                           gsize        length,
                                           const char  *origin,
                                           GError     **error);
/* The file for @contacts (CaptionerContact*), in their order, with its header. */
char       *captioner_people_file_format  (GPtrArray   *contacts);

/* When each person was last picked (the state file people-recent.txt): lines of
 * "SECONDS<TAB>NAME". Returns name → gint64* seconds; bad lines are skipped. */
GHashTable *captioner_people_recent_parse  (const char  *contents,
                                            gsize        length);
GHashTable *captioner_people_recent_new    (void);
/* Most recent first. */
char       *captioner_people_recent_format (GHashTable  *recent);

G_END_DECLS
