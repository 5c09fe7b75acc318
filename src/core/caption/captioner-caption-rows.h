#pragma once

#include <glib.h>

#include "captioner-caption.h"

G_BEGIN_DECLS

/* Group photos: people standing in rows, front to back, as displayed. Rows come from the boxes
 * (how far apart their centres are vertically, in face heights, and whether the rows stand
 * behind each other rather than beside), so a slanted line-up or people of different heights
 * stay one row; a row the editor set (CaptionerPerson.row) wins over the boxes. */

/* The rows, front first: each a GArray of guint indices into people, left to right. NULL when
 * the people do not stand in two rows or more, when someone named has no box, or when someone
 * boxed is unnamed (partial naming composes those). */
GPtrArray *captioner_caption_rows_find    (GPtrArray                   *people,
                                           int                          orientation);
/* "Front row, from left: A, B and C; back row, from left: D and E." (front, middle, back for
 * three rows), or NULL when there are no rows. */
char      *captioner_caption_rows_compose (const CaptionerCaptionStyle *style,
                                           GPtrArray                   *people,
                                           int                          orientation);

G_END_DECLS
