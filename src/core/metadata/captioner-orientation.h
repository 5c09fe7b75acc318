#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A rectangle in normalised coordinates (0..1 of the image's width and height),
 * x/y the top-left corner. */
typedef struct
{
  double x;
  double y;
  double w;
  double h;
} CaptionerRect;

gboolean captioner_orientation_is_valid      (int                  orientation);
gboolean captioner_orientation_swaps_axes    (int                  orientation);
void     captioner_orientation_displayed_size (int                 orientation,
                                               int                 stored_width,
                                               int                 stored_height,
                                               int                *displayed_width,
                                               int                *displayed_height);
void     captioner_orientation_to_displayed  (int                  orientation,
                                              const CaptionerRect *stored,
                                              CaptionerRect       *displayed);
void     captioner_orientation_to_stored     (int                  orientation,
                                              const CaptionerRect *displayed,
                                              CaptionerRect       *stored);
void     captioner_rect_clamp                (CaptionerRect       *rect);

G_END_DECLS
