#define G_LOG_DOMAIN "captioner-print-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-print-preview.h"

struct _CaptionerPrintPreview
{
  AdwWindow                 parent_instance;
  AdwWindowTitle           *title;
  GtkWidget                *area;

  CaptionerContactSheet    *sheet;        /* owned */
  GtkPageSetup             *page_setup;   /* owned: paper and margins */
  GtkPrintOperationPreview *preview;      /* owned while GTK's preview runs, or NULL */
  guint                     page;
  guint                     n_pages;      /* 0: not laid out yet */
};

G_DEFINE_FINAL_TYPE (CaptionerPrintPreview, captioner_print_preview, ADW_TYPE_WINDOW)

static void
update (CaptionerPrintPreview *self)
{
  g_autofree char *status = NULL;

  if (self->n_pages == 0)
    status = g_strdup (_("Laying out the pages…"));
  else
    status = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  adw_window_title_set_subtitle (self->title, status);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next",
                                 self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (self->area);
}

/* A sheet of paper, scaled to fit and centred, the page drawn inside its margins. */
static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  CaptionerPrintPreview *self = user_data;
  double paper_width = gtk_page_setup_get_paper_width (self->page_setup, GTK_UNIT_POINTS);
  double paper_height = gtk_page_setup_get_paper_height (self->page_setup, GTK_UNIT_POINTS);
  double margin = 24.0;
  double scale = MIN ((width - 2 * margin) / paper_width, (height - 2 * margin) / paper_height);

  if (scale <= 0)
    return;
  cairo_translate (cr, (width - paper_width * scale) / 2, (height - paper_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, 2, 3, paper_width, paper_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, paper_width, paper_height);
  cairo_fill (cr);
  if (self->n_pages == 0)
    return;
  cairo_rectangle (cr, 0, 0, paper_width, paper_height);
  cairo_clip (cr);
  cairo_translate (cr, gtk_page_setup_get_left_margin (self->page_setup, GTK_UNIT_POINTS),
                   gtk_page_setup_get_top_margin (self->page_setup, GTK_UNIT_POINTS));
  captioner_contact_sheet_draw_page (self->sheet, cr, self->page);
}

static void
turn_page (CaptionerPrintPreview *self,
           int                    by)
{
  if (self->n_pages == 0)
    return;
  self->page = CLAMP ((int) self->page + by, 0, (int) self->n_pages - 1);
  update (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  turn_page (CAPTIONER_PRINT_PREVIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  turn_page (CAPTIONER_PRINT_PREVIEW (widget), 1);
}

static void
on_ready_cb (GtkPrintOperationPreview *preview,
             GtkPrintContext          *context,
             CaptionerPrintPreview    *self)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);   /* not owned */

  if (setup != NULL)
    g_set_object (&self->page_setup, setup);
  /* GTK's begin-print (captioner-print.c) laid the sheet out in the context's area. */
  self->n_pages = captioner_contact_sheet_get_n_pages (self->sheet);
  self->page = 0;
  update (self);
}

static void
end_preview (CaptionerPrintPreview *self)
{
  g_autoptr(GtkPrintOperationPreview) preview = g_steal_pointer (&self->preview);

  if (preview == NULL)
    return;
  g_signal_handlers_disconnect_by_data (preview, self);
  gtk_print_operation_preview_end_preview (preview);
}

static gboolean
on_close_request_cb (GtkWindow *window)
{
  end_preview (CAPTIONER_PRINT_PREVIEW (window));
  return FALSE;
}

static void
captioner_print_preview_dispose (GObject *object)
{
  CaptionerPrintPreview *self = CAPTIONER_PRINT_PREVIEW (object);

  end_preview (self);
  G_OBJECT_CLASS (captioner_print_preview_parent_class)->dispose (object);
}

static void
captioner_print_preview_finalize (GObject *object)
{
  CaptionerPrintPreview *self = CAPTIONER_PRINT_PREVIEW (object);

  g_clear_object (&self->sheet);
  g_clear_object (&self->page_setup);
  G_OBJECT_CLASS (captioner_print_preview_parent_class)->finalize (object);
}

static void
captioner_print_preview_class_init (CaptionerPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = captioner_print_preview_dispose;
  object_class->finalize = captioner_print_preview_finalize;
  window_class->close_request = on_close_request_cb;

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
arrow_button (const char *icon,
              const char *label,
              const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
captioner_print_preview_init (CaptionerPrintPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Print Preview"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             arrow_button ("go-previous-symbolic", _("Previous Page"),
                                           "preview.previous"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             arrow_button ("go-next-symbolic", _("Next Page"), "preview.next"));
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_page_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The contact sheet's page"), -1);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->area);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 860);
}

/* Not laid out yet (n_pages 0). */
static CaptionerPrintPreview *
preview_new (GtkWindow             *parent,
             CaptionerContactSheet *sheet,
             GtkPageSetup          *page_setup)
{
  CaptionerPrintPreview *self = g_object_new (CAPTIONER_TYPE_PRINT_PREVIEW,
                                              "transient-for", parent, NULL);

  self->sheet = g_object_ref (sheet);
  self->page_setup = g_object_ref (page_setup);
  return self;
}

GtkWidget *
captioner_print_preview_new (GtkWindow             *parent,
                             CaptionerContactSheet *sheet,
                             GtkPageSetup          *page_setup)
{
  CaptionerPrintPreview *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CAPTIONER_IS_CONTACT_SHEET (sheet), NULL);
  g_return_val_if_fail (GTK_IS_PAGE_SETUP (page_setup), NULL);

  self = preview_new (parent, sheet, page_setup);
  self->n_pages = captioner_contact_sheet_get_n_pages (sheet);
  update (self);
  return GTK_WIDGET (self);
}

gboolean
captioner_print_preview_run (GtkPrintOperation        *operation,
                             GtkPrintOperationPreview *preview,
                             GtkPrintContext          *context,
                             GtkWindow                *parent,
                             CaptionerContactSheet    *sheet)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);   /* not owned */
  g_autoptr(GtkPageSetup) fallback = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  CaptionerPrintPreview *self;

  /* GTK paginates in this context; the pages are drawn in the window, in points. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (setup == NULL)
    setup = fallback = gtk_page_setup_new ();
  /* Laid out once GTK's begin-print has given the sheet the paper's area (on_ready_cb), not
   * here in the default one first: thousands of captions are measured for it. */
  self = preview_new (parent, sheet, setup);
  self->preview = g_object_ref (preview);
  g_signal_connect_object (preview, "ready", G_CALLBACK (on_ready_cb), self, 0);
  update (self);
  gtk_window_present (GTK_WINDOW (self));
  return TRUE;
}

guint
captioner_print_preview_get_page (CaptionerPrintPreview *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PRINT_PREVIEW (self), 0);
  return self->page;
}

guint
captioner_print_preview_get_n_pages (CaptionerPrintPreview *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}

const char *
captioner_print_preview_get_status (CaptionerPrintPreview *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PRINT_PREVIEW (self), NULL);
  return adw_window_title_get_subtitle (self->title);
}
