#define G_LOG_DOMAIN "captioner-contact-sheet"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "captioner-contact-sheet-private.h"
#include "captioner-image.h"

/* Drawing a contact sheet's pages: the same for a PDF and for a printer. */

static PangoLayout *
new_layout (CaptionerContactSheet *self,
            const char            *text,
            double                 size,
            PangoWeight            weight,
            PangoStyle             style,
            double                 width)
{
  PangoLayout *layout = pango_layout_new (captioner_contact_sheet_get_pango (self));
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  /* Words longer than the cell (a URL) break between characters, without a hyphen added,
   * so that the text stays the editor's. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

PangoLayout *
captioner_contact_sheet_name_layout (CaptionerContactSheet *self,
                                     const SheetEntry      *entry,
                                     double                 width,
                                     double                 scale)
{
  return new_layout (self, entry->name, self->font_size * scale, PANGO_WEIGHT_BOLD,
                     PANGO_STYLE_NORMAL, width);
}

PangoLayout *
captioner_contact_sheet_caption_layout (CaptionerContactSheet *self,
                                        const SheetEntry      *entry,
                                        double                 width,
                                        double                 scale)
{
  if (entry->caption == NULL)
    return new_layout (self, _("No caption"), self->font_size * scale, PANGO_WEIGHT_NORMAL,
                       PANGO_STYLE_ITALIC, width);
  return new_layout (self, entry->caption, self->font_size * scale, PANGO_WEIGHT_NORMAL,
                     PANGO_STYLE_NORMAL, width);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
destroy_bytes (void *data)
{
  g_bytes_unref (data);
}

/* The thumbnail's pixels, with its JPEG attached: a PDF or PostScript surface embeds that. */
static cairo_surface_t *
decode_thumbnail (const SheetEntry *entry)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GdkPixbuf *pixbuf;
  cairo_surface_t *surface;
  const guint8 *pixels;
  guint8 *data;
  int width, height, stride, rowstride, channels;
  gsize length;
  const guint8 *jpeg = g_bytes_get_data (entry->jpeg, &length);

  loader = captioner_image_new_loader (jpeg, length, NULL);
  if (loader == NULL || !gdk_pixbuf_loader_write (loader, jpeg, length, NULL) ||
      !gdk_pixbuf_loader_close (loader, NULL) ||
      (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    return NULL;

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *in = pixels + (gsize) y * rowstride;
      guint32 *out = (guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++, in += channels)
        out[x] = 0xff000000u | ((guint32) in[0] << 16) | ((guint32) in[1] << 8) | in[2];
    }
  cairo_surface_mark_dirty (surface);
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, jpeg, length, destroy_bytes,
                               g_bytes_ref (entry->jpeg));
  return surface;
}

static void
draw_no_preview (CaptionerContactSheet *self,
                 cairo_t               *cr,
                 double                 x,
                 double                 y,
                 double                 width,
                 double                 height)
{
  g_autoptr(PangoLayout) layout = new_layout (self, _("No preview"), self->font_size,
                                              PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, width);
  int text_height;

  cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_size (layout, NULL, &text_height);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  show_layout (cr, layout, x, y + (height - (double) text_height / PANGO_SCALE) / 2);
}

/* Fitted in its box (never enlarged past the box), centred, with a hairline around it. */
static void
draw_thumbnail (CaptionerContactSheet *self,
                cairo_t               *cr,
                const SheetEntry      *entry,
                double                 x,
                double                 y,
                double                 box_width,
                double                 box_height)
{
  cairo_surface_t *surface = entry->jpeg != NULL ? decode_thumbnail (entry) : NULL;
  double scale, width, height, left, top;

  if (surface == NULL)
    {
      double w = MIN (box_width, box_height * 1.5);
      draw_no_preview (self, cr, x + (box_width - w) / 2, y, w, box_height);
      return;
    }
  scale = MIN (box_width / entry->width, box_height / entry->height);
  width = entry->width * scale;
  height = entry->height * scale;
  left = x + (box_width - width) / 2;
  top = y + (box_height - height) / 2;

  cairo_save (cr);
  cairo_translate (cr, left, top);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, left, top, width, height);
  cairo_stroke (cr);
}

void
captioner_contact_sheet_draw_row (CaptionerContactSheet *self,
                                  cairo_t               *cr,
                                  const SheetRow        *row)
{
  double width = captioner_contact_sheet_cell_width (self);
  double thumb = captioner_contact_sheet_cell_height (self) * SHEET_THUMB_SHARE * row->scale;

  for (guint i = 0; i < row->count; i++)
    {
      const SheetEntry *entry = &g_array_index (self->entries, SheetEntry, row->first + i);
      double x = i * (width + SHEET_GAP_X);
      double y = row->y;
      g_autoptr(PangoLayout) name = captioner_contact_sheet_name_layout (self, entry, width,
                                                                        row->scale);
      g_autoptr(PangoLayout) caption = captioner_contact_sheet_caption_layout (self, entry,
                                                                              width,
                                                                              row->scale);
      int name_height;

      cairo_save (cr);
      draw_thumbnail (self, cr, entry, x, y, width, thumb);
      y += thumb + SHEET_TEXT_GAP;
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_layout (cr, name, x, y);
      pango_layout_get_size (name, NULL, &name_height);
      y += (double) name_height / PANGO_SCALE + SHEET_CAPTION_GAP;
      if (entry->caption == NULL)
        cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      else
        cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      show_layout (cr, caption, x, y);
      cairo_restore (cr);
    }
}

void
captioner_contact_sheet_draw_header (CaptionerContactSheet *self,
                                     cairo_t               *cr,
                                     guint                  page)
{
  /* TRANSLATORS: the page number of a contact sheet, then the number of pages */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  double size = 8.0;
  g_autoptr(PangoLayout) right = new_layout (self, number, size, PANGO_WEIGHT_NORMAL,
                                             PANGO_STYLE_NORMAL, self->area_width);
  int number_width;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  pango_layout_set_wrap (right, PANGO_WRAP_WORD);
  pango_layout_set_width (right, -1);
  pango_layout_get_size (right, &number_width, NULL);
  if (self->title != NULL)
    {
      double room = self->area_width - (double) number_width / PANGO_SCALE - SHEET_GAP_X;
      g_autoptr(PangoLayout) left = new_layout (self, self->title, size, PANGO_WEIGHT_BOLD,
                                                PANGO_STYLE_NORMAL, MAX (room, 1.0));

      /* A title is one line; the page number is what must not go. */
      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_MIDDLE);
      show_layout (cr, left, 0, 0);
    }
  show_layout (cr, right, self->area_width - (double) number_width / PANGO_SCALE, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, SHEET_HEADER_HEIGHT - 6);
  cairo_line_to (cr, self->area_width, SHEET_HEADER_HEIGHT - 6);
  cairo_stroke (cr);
  cairo_restore (cr);
}

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} PdfWrite;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfWrite *write = closure;

  if (write->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (write->out, data, length, NULL, write->cancellable,
                                  &write->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
captioner_contact_sheet_write_pdf (CaptionerContactSheet  *self,
                                   CaptionerPaper          paper,
                                   GOutputStream          *out,
                                   GCancellable           *cancellable,
                                   GError                **error)
{
  PdfWrite write = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  guint n_pages;
  cairo_t *cr;

  g_return_val_if_fail (CAPTIONER_IS_CONTACT_SHEET (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  captioner_paper_get_size (paper, &width, &height);
  captioner_contact_sheet_set_area (self, width - 2 * CAPTIONER_CONTACT_SHEET_MARGIN,
                                    height - 2 * CAPTIONER_CONTACT_SHEET_MARGIN);
  n_pages = captioner_contact_sheet_get_n_pages (self);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &write, width, height);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Captioner");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && write.error == NULL; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &write.error))
        break;
      cairo_save (cr);
      cairo_translate (cr, CAPTIONER_CONTACT_SHEET_MARGIN, CAPTIONER_CONTACT_SHEET_MARGIN);
      captioner_contact_sheet_draw_page (self, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (write.error != NULL)
    {
      g_propagate_error (error, write.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot draw the contact sheet: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
