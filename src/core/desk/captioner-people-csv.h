#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The people directory as CSV (RFC 4180), for spreadsheets and other programs: a header row,
 * then one person a row. Columns: name, title, short, aliases, code, identifiers, and for each
 * other language name:LANG and title:LANG ("name:hy"). Lists (aliases, identifiers) separate
 * their items with "|". UTF-8, CRLF line ends; a cell that a spreadsheet would run as a
 * formula is written with a leading "'", which reading takes off again. */

/* CaptionerContact*, in the file's order (a name given twice keeps its last row). Reads a
 * header row in any column order (unknown columns are skipped), or without one the columns
 * above in that order; ";" instead of "," when the first row has no comma but semicolons.
 * @origin names the file in messages. */
GPtrArray *captioner_people_csv_parse  (const char  *data,
                                        gsize        length,
                                        const char  *origin,
                                        GError     **error);
/* @contacts: CaptionerContact items, in their order. */
char      *captioner_people_csv_format (GListModel  *contacts);

G_END_DECLS
