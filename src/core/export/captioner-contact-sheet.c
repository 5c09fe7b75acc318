#define G_LOG_DOMAIN "captioner-contact-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-contact-sheet-private.h"
#include "captioner-image.h"
#include "captioner-thumbnail.h"

G_DEFINE_FINAL_TYPE (CaptionerContactSheet, captioner_contact_sheet, G_TYPE_OBJECT)

typedef struct
{
  guint  per_page;
  guint  columns;
  guint  rows;
  double font_size;
} Layout;

static const Layout layouts[] = {
  { 2, 1, 2, 11.0 },
  { 4, 2, 2, 9.5 },
  { 6, 2, 3, 9.0 },
  { 12, 3, 4, 7.5 },
  { 20, 4, 5, 6.5 },
};

static const guint layout_sizes[] = { 2, 4, 6, 12, 20 };

G_STATIC_ASSERT (G_N_ELEMENTS (layouts) == G_N_ELEMENTS (layout_sizes));

static void
clear_entry (gpointer data)
{
  SheetEntry *entry = data;

  g_free (entry->name);
  g_free (entry->caption);
  g_clear_pointer (&entry->jpeg, g_bytes_unref);
}

static void
invalidate (CaptionerContactSheet *self)
{
  g_clear_pointer (&self->layout, g_array_unref);
  self->n_pages = 0;
}

double
captioner_contact_sheet_cell_width (CaptionerContactSheet *self)
{
  return (self->area_width - (self->columns - 1) * SHEET_GAP_X) / self->columns;
}

double
captioner_contact_sheet_cell_height (CaptionerContactSheet *self)
{
  return (self->area_height - SHEET_HEADER_HEIGHT - (self->rows - 1) * SHEET_GAP_Y) / self->rows;
}

/* Metrics unhinted, so that what is measured here is what a PDF or a printer gets. */
PangoContext *
captioner_contact_sheet_get_pango (CaptionerContactSheet *self)
{
  if (self->pango == NULL)
    {
      g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
      cairo_font_options_t *options = cairo_font_options_create ();

      self->pango = pango_font_map_create_context (font_map);
      pango_cairo_context_set_resolution (self->pango, 72.0);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->pango, options);
      cairo_font_options_destroy (options);
    }
  return self->pango;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* What a cell needs: the thumbnail box, then the name and the caption as they wrap. */
static double
cell_needs (CaptionerContactSheet *self,
            const SheetEntry      *entry,
            double                 scale)
{
  double width = captioner_contact_sheet_cell_width (self);
  double thumb = captioner_contact_sheet_cell_height (self) * SHEET_THUMB_SHARE * scale;
  g_autoptr(PangoLayout) name = captioner_contact_sheet_name_layout (self, entry, width, scale);
  g_autoptr(PangoLayout) caption = captioner_contact_sheet_caption_layout (self, entry, width,
                                                                          scale);

  return thumb + SHEET_TEXT_GAP + layout_height (name) + SHEET_CAPTION_GAP +
         layout_height (caption);
}

static double
row_needs (CaptionerContactSheet *self,
           const SheetRow        *row,
           double                 scale)
{
  double needed = 0;

  for (guint i = 0; i < row->count; i++)
    needed = MAX (needed, cell_needs (self, &g_array_index (self->entries, SheetEntry,
                                                            row->first + i), scale));
  return needed;
}

static void
lay_out (CaptionerContactSheet *self)
{
  double nominal = captioner_contact_sheet_cell_height (self);
  double bottom = self->area_height + 0.01;
  double y = SHEET_HEADER_HEIGHT;
  guint page = 0;

  if (self->layout != NULL)
    return;
  self->layout = g_array_new (FALSE, TRUE, sizeof (SheetRow));
  for (guint first = 0; first < self->entries->len; first += self->columns)
    {
      SheetRow row = { first, MIN (self->columns, self->entries->len - first), 0, 0, 0, 1.0 };
      double needed = row_needs (self, &row, 1.0);

      /* Too tall for any page: the text and the thumbnail shrink together until it fits. */
      for (guint k = 0; k < 40 && SHEET_HEADER_HEIGHT + needed > bottom; k++)
        {
          row.scale *= 0.9;
          needed = row_needs (self, &row, row.scale);
        }
      row.height = MAX (nominal, needed);
      if (y + row.height > bottom && y > SHEET_HEADER_HEIGHT)
        {
          page++;
          y = SHEET_HEADER_HEIGHT;
        }
      row.page = page;
      row.y = y;
      y += row.height + SHEET_GAP_Y;
      g_array_append_val (self->layout, row);
    }
  self->n_pages = page + 1;
}

static void
captioner_contact_sheet_finalize (GObject *object)
{
  CaptionerContactSheet *self = CAPTIONER_CONTACT_SHEET (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->layout, g_array_unref);
  g_clear_object (&self->pango);
  g_free (self->title);
  G_OBJECT_CLASS (captioner_contact_sheet_parent_class)->finalize (object);
}

static void
captioner_contact_sheet_class_init (CaptionerContactSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = captioner_contact_sheet_finalize;
}

static void
captioner_contact_sheet_init (CaptionerContactSheet *self)
{
  double width, height;

  self->entries = g_array_new (FALSE, TRUE, sizeof (SheetEntry));
  g_array_set_clear_func (self->entries, clear_entry);
  captioner_paper_get_size (CAPTIONER_PAPER_A4, &width, &height);
  self->area_width = width - 2 * CAPTIONER_CONTACT_SHEET_MARGIN;
  self->area_height = height - 2 * CAPTIONER_CONTACT_SHEET_MARGIN;
}

const guint *
captioner_contact_sheet_get_layouts (guint *n_layouts)
{
  if (n_layouts != NULL)
    *n_layouts = G_N_ELEMENTS (layout_sizes);
  return layout_sizes;
}

guint
captioner_contact_sheet_layout_position (guint per_page)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (layouts[i].per_page == per_page)
      return i;
  return G_MAXUINT;
}

char *
captioner_contact_sheet_dup_layout_name (guint per_page)
{
  guint i = captioner_contact_sheet_layout_position (per_page);

  g_return_val_if_fail (i != G_MAXUINT, NULL);
  /* TRANSLATORS: a contact sheet's layout: photos a page (columns × rows), "6 (2 × 3)" */
  return g_strdup_printf (_("%u (%u × %u)"), per_page, layouts[i].columns, layouts[i].rows);
}

gboolean
captioner_contact_sheet_layout_is_valid (guint per_page)
{
  return captioner_contact_sheet_layout_position (per_page) != G_MAXUINT;
}

gboolean
captioner_paper_from_string (const char     *name,
                             CaptionerPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_strcmp0 (name, "a4") == 0 || g_strcmp0 (name, "A4") == 0)
    *paper = CAPTIONER_PAPER_A4;
  else if (name != NULL && g_ascii_strcasecmp (name, "letter") == 0)
    *paper = CAPTIONER_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
captioner_paper_get_size (CaptionerPaper  paper,
                          double         *width,
                          double         *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == CAPTIONER_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;   /* 210 × 297 mm */
      *height = 841.89;
    }
}

CaptionerContactSheet *
captioner_contact_sheet_new (guint per_page)
{
  CaptionerContactSheet *self;

  g_return_val_if_fail (captioner_contact_sheet_layout_is_valid (per_page), NULL);

  self = g_object_new (CAPTIONER_TYPE_CONTACT_SHEET, NULL);
  captioner_contact_sheet_set_per_page (self, per_page);
  return self;
}

void
captioner_contact_sheet_set_per_page (CaptionerContactSheet *self,
                                      guint                  per_page)
{
  guint i = captioner_contact_sheet_layout_position (per_page);

  g_return_if_fail (CAPTIONER_IS_CONTACT_SHEET (self));
  g_return_if_fail (i != G_MAXUINT);

  self->per_page = per_page;
  self->columns = layouts[i].columns;
  self->rows = layouts[i].rows;
  self->font_size = layouts[i].font_size;
  invalidate (self);
}

guint
captioner_contact_sheet_get_per_page (CaptionerContactSheet *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT_SHEET (self), 0);
  return self->per_page;
}

void
captioner_contact_sheet_set_title (CaptionerContactSheet *self,
                                   const char            *title)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT_SHEET (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

void
captioner_contact_sheet_set_area (CaptionerContactSheet *self,
                                  double                 width,
                                  double                 height)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT_SHEET (self));
  g_return_if_fail (width > 0 && height > 0);

  if (width == self->area_width && height == self->area_height)
    return;
  self->area_width = width;
  self->area_height = height;
  invalidate (self);
}

int
captioner_contact_sheet_get_thumbnail_size (CaptionerContactSheet *self)
{
  double box;

  g_return_val_if_fail (CAPTIONER_IS_CONTACT_SHEET (self), 0);

  box = MAX (captioner_contact_sheet_cell_width (self),
             captioner_contact_sheet_cell_height (self) * SHEET_THUMB_SHARE);
  return (int) (box * SHEET_DPI / 72.0 + 0.5);
}

/* JPEG keeps a thumbnail small, and cairo puts it into a PDF as it is (no second
 * compression). An alpha channel is flattened on white, as paper shows it. */
static GBytes *
encode_thumbnail (GdkPixbuf *thumbnail,
                  int        size,
                  int       *width,
                  int       *height)
{
  int w = gdk_pixbuf_get_width (thumbnail);
  int h = gdk_pixbuf_get_height (thumbnail);
  double scale = MIN (1.0, (double) size / MAX (w, h));
  g_autoptr(GdkPixbuf) flat = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  *width = MAX (1, (int) (w * scale + 0.5));
  *height = MAX (1, (int) (h * scale + 0.5));
  flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, *width, *height);
  gdk_pixbuf_fill (flat, 0xffffffff);
  gdk_pixbuf_composite (thumbnail, flat, 0, 0, *width, *height, 0, 0,
                        (double) *width / w, (double) *height / h, GDK_INTERP_BILINEAR, 255);
  if (!gdk_pixbuf_save_to_buffer (flat, &buffer, &length, "jpeg", NULL, "quality", "88", NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

void
captioner_contact_sheet_add (CaptionerContactSheet *self,
                             const char            *name,
                             const char            *caption,
                             GdkPixbuf             *thumbnail)
{
  SheetEntry entry = { 0 };

  g_return_if_fail (CAPTIONER_IS_CONTACT_SHEET (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (thumbnail == NULL || GDK_IS_PIXBUF (thumbnail));

  entry.name = g_strdup (name);
  entry.caption = caption != NULL && *caption != '\0' ? g_strdup (caption) : NULL;
  if (thumbnail != NULL)
    entry.jpeg = encode_thumbnail (thumbnail, captioner_contact_sheet_get_thumbnail_size (self),
                                   &entry.width, &entry.height);
  g_array_append_val (self->entries, entry);
  invalidate (self);
}

gboolean
captioner_contact_sheet_add_photo (CaptionerContactSheet  *self,
                                   CaptionerPhoto         *photo,
                                   GCancellable           *cancellable,
                                   GError                **error)
{
  const CaptionerMetadata *metadata;
  int size;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CAPTIONER_IS_CONTACT_SHEET (self), FALSE);
  g_return_val_if_fail (CAPTIONER_IS_PHOTO (photo), FALSE);

  size = captioner_contact_sheet_get_thumbnail_size (self);
  if (size <= CAPTIONER_THUMBNAIL_LARGE)
    thumbnail = captioner_thumbnail_load (captioner_photo_get_file (photo),
                                          CAPTIONER_THUMBNAIL_LARGE, cancellable, &local_error);
  else
    thumbnail = captioner_image_load (captioner_photo_get_file (photo), size, size, cancellable,
                                      &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (local_error != NULL)
    g_debug ("%s", local_error->message);   /* the sheet says "No preview" */

  metadata = captioner_photo_get_metadata (photo);
  name = g_file_get_basename (captioner_photo_get_file (photo));
  captioner_contact_sheet_add (self, name,
                               captioner_metadata_get (metadata, CAPTIONER_FIELD_CAPTION),
                               thumbnail);
  return TRUE;
}

guint
captioner_contact_sheet_get_n_items (CaptionerContactSheet *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT_SHEET (self), 0);
  return self->entries->len;
}

guint
captioner_contact_sheet_get_n_pages (CaptionerContactSheet *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT_SHEET (self), 0);

  lay_out (self);
  return self->n_pages;
}

void
captioner_contact_sheet_draw_page (CaptionerContactSheet *self,
                                   cairo_t               *cr,
                                   guint                  page)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT_SHEET (self));
  g_return_if_fail (cr != NULL);

  lay_out (self);
  captioner_contact_sheet_draw_header (self, cr, page);
  for (guint i = 0; i < self->layout->len; i++)
    {
      const SheetRow *row = &g_array_index (self->layout, SheetRow, i);

      if (row->page == page)
        captioner_contact_sheet_draw_row (self, cr, row);
    }
}
