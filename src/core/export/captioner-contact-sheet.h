#pragma once

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "captioner-photo.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_CONTACT_SHEET (captioner_contact_sheet_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerContactSheet, captioner_contact_sheet, CAPTIONER, CONTACT_SHEET,
                      GObject)

/* A contact sheet: pages of photos, each its thumbnail, file name and caption, in a grid of
 * N per page (2: 1×2, 4: 2×2, 6: 2×3, 12: 3×4, 20: 4×5). The same pages go to a PDF
 * (captioner_contact_sheet_write_pdf) or to any cairo context in points (a GtkPrintContext
 * with GTK_UNIT_POINTS), through Pango, so Armenian and long captions wrap alike.
 *
 * Nothing is cut off: a row of photos whose captions need more room than a grid cell gives
 * grows, and the rows after it move down (to the next page when they no longer fit), so a
 * page holds at most N photos. A caption that would not fit on a page even alone is set
 * smaller until it does.
 *
 * Not thread-safe; it may be filled in one thread and drawn in another after that. */

typedef enum
{
  CAPTIONER_PAPER_A4,
  CAPTIONER_PAPER_LETTER,
} CaptionerPaper;

#define CAPTIONER_CONTACT_SHEET_DEFAULT_PER_PAGE 6
/* The margin of a PDF page, in points. */
#define CAPTIONER_CONTACT_SHEET_MARGIN 36.0

/* The layouts, in photos per page: 2, 4, 6, 12, 20. */
const guint           *captioner_contact_sheet_get_layouts        (guint                 *n_layouts);
gboolean               captioner_contact_sheet_layout_is_valid    (guint                  per_page);
/* Where a layout is in captioner_contact_sheet_get_layouts(); G_MAXUINT for none. */
guint                  captioner_contact_sheet_layout_position    (guint                  per_page);
/* A layout as the editor picks it: "6 (2 × 3)", photos a page (columns × rows). */
char                  *captioner_contact_sheet_dup_layout_name    (guint                  per_page);
gboolean               captioner_paper_from_string                (const char            *name,
                                                                   CaptionerPaper        *paper);
/* In points. */
void                   captioner_paper_get_size                   (CaptionerPaper         paper,
                                                                   double                *width,
                                                                   double                *height);

CaptionerContactSheet *captioner_contact_sheet_new                (guint                  per_page);
guint                  captioner_contact_sheet_get_per_page       (CaptionerContactSheet *self);
/* Lays the photos out anew, N a page. Thumbnails added before stay at the size they were
 * loaded at: one loaded for more photos a page is drawn enlarged. */
void                   captioner_contact_sheet_set_per_page       (CaptionerContactSheet *self,
                                                                   guint                  per_page);
/* Printed at the top of every page with its number (the folder's name, say). */
void                   captioner_contact_sheet_set_title          (CaptionerContactSheet *self,
                                                                   const char            *title);
/* The area the pages are laid out in, in points: an A4 page less its margins unless set. */
void                   captioner_contact_sheet_set_area           (CaptionerContactSheet *self,
                                                                   double                 width,
                                                                   double                 height);
/* The size in pixels a thumbnail is drawn at (about 110 dpi), its longer side: what
 * captioner_contact_sheet_add_photo() loads. */
int                    captioner_contact_sheet_get_thumbnail_size (CaptionerContactSheet *self);
/* Adds a photo: its name, caption (NULL: none) and thumbnail (NULL: none; kept as a JPEG of
 * the thumbnail size, so that a sheet of thousands stays small). */
void                   captioner_contact_sheet_add                (CaptionerContactSheet *self,
                                                                   const char            *name,
                                                                   const char            *caption,
                                                                   GdkPixbuf             *thumbnail);
/* Blocking: loads a photo's thumbnail (from the freedesktop thumbnail cache when one is large
 * enough, else decoded) and adds it with its file name and caption. A photo that cannot be
 * decoded is added without a thumbnail; fails only when cancelled. */
gboolean               captioner_contact_sheet_add_photo          (CaptionerContactSheet *self,
                                                                   CaptionerPhoto        *photo,
                                                                   GCancellable          *cancellable,
                                                                   GError               **error);
guint                  captioner_contact_sheet_get_n_items        (CaptionerContactSheet *self);
/* Lays the photos out in the area; at least one page, empty when there are no photos. */
guint                  captioner_contact_sheet_get_n_pages        (CaptionerContactSheet *self);
/* Draws a page at (0, 0) of cr, in points. */
void                   captioner_contact_sheet_draw_page          (CaptionerContactSheet *self,
                                                                   cairo_t               *cr,
                                                                   guint                  page);
/* Every page as a PDF on paper, with CAPTIONER_CONTACT_SHEET_MARGIN around the area (which
 * it sets). */
gboolean               captioner_contact_sheet_write_pdf          (CaptionerContactSheet *self,
                                                                   CaptionerPaper         paper,
                                                                   GOutputStream         *out,
                                                                   GCancellable          *cancellable,
                                                                   GError               **error);

G_END_DECLS
