#pragma once

#include <glib.h>

#include "captioner-caption.h"

G_BEGIN_DECLS

/* Partial naming: when some boxed people are unnamed, "From left" would be wrong, so each
 * named person says where they stand among the boxes: "A, second from left, and B, right". */

/* Where the box at index (from 0, left to right as displayed) of n stands: "left", "second
 * from left", "centre", "second from right", "right", "third from left"... */
char *captioner_caption_position_word    (guint                        index,
                                          guint                        n);
/* The same in a style's words (NULL: the default style). */
char *captioner_caption_style_position_word (const CaptionerCaptionStyle *style,
                                             guint                        index,
                                             guint                        n);
/* NULL unless someone boxed is unnamed and someone is named. People named without a box
 * follow, without a position. */
char *captioner_caption_partial_compose  (const CaptionerCaptionStyle *style,
                                          GPtrArray                   *people,
                                          int                          orientation);

G_END_DECLS
