#define G_LOG_DOMAIN "captioner-orientation"

#include "config.h"

#include "captioner-orientation.h"

/* EXIF orientation (TIFF 6.0 tag 274): how the stored pixels map onto the image as it is meant
 * to be seen. The functions below move normalised points and rectangles between the image as
 * stored (which MWG and IPTC regions refer to) and the image as displayed (which the editor
 * sees and which sets the left-to-right order). */

gboolean
captioner_orientation_is_valid (int orientation)
{
  return orientation >= 1 && orientation <= 8;
}

gboolean
captioner_orientation_swaps_axes (int orientation)
{
  return orientation >= 5 && orientation <= 8;
}

void
captioner_orientation_displayed_size (int  orientation,
                                      int  stored_width,
                                      int  stored_height,
                                      int *displayed_width,
                                      int *displayed_height)
{
  gboolean swap = captioner_orientation_swaps_axes (orientation);

  if (displayed_width)
    *displayed_width = swap ? stored_height : stored_width;
  if (displayed_height)
    *displayed_height = swap ? stored_width : stored_height;
}

static void
map_point (int     orientation,
           double  u,
           double  v,
           double *out_u,
           double *out_v)
{
  switch (orientation)
    {
    case 2: *out_u = 1 - u; *out_v = v;     break;
    case 3: *out_u = 1 - u; *out_v = 1 - v; break;
    case 4: *out_u = u;     *out_v = 1 - v; break;
    case 5: *out_u = v;     *out_v = u;     break;
    case 6: *out_u = 1 - v; *out_v = u;     break;
    case 7: *out_u = 1 - v; *out_v = 1 - u; break;
    case 8: *out_u = v;     *out_v = 1 - u; break;
    default: *out_u = u;    *out_v = v;     break;
    }
}

static int
inverse_orientation (int orientation)
{
  /* Every orientation is its own inverse except the two quarter turns. */
  if (orientation == 6)
    return 8;
  if (orientation == 8)
    return 6;
  return orientation;
}

static void
map_rect (int                  orientation,
          const CaptionerRect *in,
          CaptionerRect       *out)
{
  double u1, v1, u2, v2;

  map_point (orientation, in->x, in->y, &u1, &v1);
  map_point (orientation, in->x + in->w, in->y + in->h, &u2, &v2);
  out->x = MIN (u1, u2);
  out->y = MIN (v1, v2);
  out->w = ABS (u2 - u1);
  out->h = ABS (v2 - v1);
}

void
captioner_orientation_to_displayed (int                  orientation,
                                    const CaptionerRect *stored,
                                    CaptionerRect       *displayed)
{
  g_return_if_fail (stored != NULL);
  g_return_if_fail (displayed != NULL);

  map_rect (orientation, stored, displayed);
}

void
captioner_orientation_to_stored (int                  orientation,
                                 const CaptionerRect *displayed,
                                 CaptionerRect       *stored)
{
  g_return_if_fail (displayed != NULL);
  g_return_if_fail (stored != NULL);

  map_rect (inverse_orientation (orientation), displayed, stored);
}

void
captioner_rect_clamp (CaptionerRect *rect)
{
  g_return_if_fail (rect != NULL);

  rect->x = CLAMP (rect->x, 0.0, 1.0);
  rect->y = CLAMP (rect->y, 0.0, 1.0);
  rect->w = CLAMP (rect->w, 0.0, 1.0 - rect->x);
  rect->h = CLAMP (rect->h, 0.0, 1.0 - rect->y);
}
