#pragma once

#include <pango/pangocairo.h>

#include "captioner-contact-sheet.h"

G_BEGIN_DECLS

/* Shared by captioner-contact-sheet.c (the object, the layout, pagination) and
 * captioner-contact-sheet-draw.c (text, thumbnails, pages, PDF). Lengths in points. */

#define SHEET_HEADER_HEIGHT 20.0   /* the title and page number, above the grid */
#define SHEET_GAP_X         12.0
#define SHEET_GAP_Y         10.0
#define SHEET_TEXT_GAP       4.0   /* between a thumbnail and its file name */
#define SHEET_CAPTION_GAP    1.5   /* between the file name and the caption */
#define SHEET_THUMB_SHARE    0.62  /* of a grid cell's height, for the thumbnail */
#define SHEET_DPI          110.0   /* what thumbnails are loaded for */

typedef struct
{
  char   *name;
  char   *caption;     /* NULL: none */
  GBytes *jpeg;        /* the thumbnail, or NULL */
  int     width;       /* the thumbnail's, in pixels */
  int     height;
} SheetEntry;

typedef struct
{
  guint  first;        /* entry index */
  guint  count;
  guint  page;
  double y;            /* from the area's top */
  double height;
  double scale;        /* of the text and the thumbnail box, 1 unless it had to shrink */
} SheetRow;

struct _CaptionerContactSheet
{
  GObject       parent_instance;

  guint         per_page;
  guint         columns;
  guint         rows;
  double        font_size;    /* of the captions, in points */
  double        area_width;
  double        area_height;
  char         *title;
  GArray       *entries;      /* SheetEntry */
  GArray       *layout;       /* SheetRow, NULL until laid out */
  guint         n_pages;

  PangoContext *pango;        /* at 72 dpi: a Pango unit of size is a point; lazily */
};

/* captioner-contact-sheet.c */
double        captioner_contact_sheet_cell_width      (CaptionerContactSheet *self);
double        captioner_contact_sheet_cell_height     (CaptionerContactSheet *self);
PangoContext *captioner_contact_sheet_get_pango       (CaptionerContactSheet *self);

/* captioner-contact-sheet-draw.c */
PangoLayout  *captioner_contact_sheet_name_layout     (CaptionerContactSheet *self,
                                                       const SheetEntry      *entry,
                                                       double                 width,
                                                       double                 scale);
PangoLayout  *captioner_contact_sheet_caption_layout  (CaptionerContactSheet *self,
                                                       const SheetEntry      *entry,
                                                       double                 width,
                                                       double                 scale);
void          captioner_contact_sheet_draw_row        (CaptionerContactSheet *self,
                                                       cairo_t               *cr,
                                                       const SheetRow        *row);
void          captioner_contact_sheet_draw_header     (CaptionerContactSheet *self,
                                                       cairo_t               *cr,
                                                       guint                  page);

G_END_DECLS
