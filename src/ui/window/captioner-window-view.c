#define G_LOG_DOMAIN "captioner-window"

#include "config.h"

#include "captioner-window-private.h"

/* What the window shows where, frame by frame: work due after the next frame, the grid's
 * columns, the grid scrolled to the photo shown. */

/* A grid cell: a 128 px thumbnail and 6 px of padding each side (style.css). */
#define GRID_CELL_WIDTH  140
#define GRID_MAX_COLUMNS 8

static void
on_after_paint_cb (GdkFrameClock   *clock,
                   CaptionerWindow *self)
{
  g_autoptr(GArray) due = g_steal_pointer (&self->after_paint);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, self);
  for (guint i = 0; due != NULL && i < due->len; i++)
    g_array_index (due, CaptionerWindowFunc, i) (self);
}

/* Calls func once, after the next frame is painted (one is requested): for work that needs the
 * layout done, or that should not share a turn of the main loop with that frame. Asked again
 * before that frame, it is still called once. Before the window has a frame clock, at once. */
void
captioner_window_after_paint (CaptionerWindow     *self,
                              CaptionerWindowFunc  func)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      func (self);
      return;
    }
  if (self->after_paint == NULL)
    {
      self->after_paint = g_array_new (FALSE, FALSE, sizeof (CaptionerWindowFunc));
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
    }
  for (guint i = 0; i < self->after_paint->len; i++)
    if (g_array_index (self->after_paint, CaptionerWindowFunc, i) == func)
      return;
  g_array_append_val (self->after_paint, func);
  /* A frame, without redrawing anything that has not changed. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

void
captioner_window_scroll_to_shown (CaptionerWindow *self)
{
  if (self->shown_position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u",
                                self->shown_position);
}

static gboolean
update_grid_columns_cb (gpointer user_data)
{
  CaptionerWindow *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view));
  guint columns = (guint) (gtk_adjustment_get_page_size (adjustment) / GRID_CELL_WIDTH);

  self->grid_columns_idle = 0;
  gtk_grid_view_set_max_columns (self->grid_view, CLAMP (columns, 1, GRID_MAX_COLUMNS));
  return G_SOURCE_REMOVE;
}

/* GtkGridView makes cells for thirty rows of its most columns, not of those it shows: keeping
 * the most columns at what the grid's width holds halves the cells made when a folder opens
 * (129 with four at most, 64 with two), which was a 55-70 ms turn of the main loop. */
static void
on_grid_width_changed_cb (GtkAdjustment   *adjustment,
                          CaptionerWindow *self)
{
  guint columns = (guint) (gtk_adjustment_get_page_size (adjustment) / GRID_CELL_WIDTH);

  if (columns > 0 && CLAMP (columns, 1, GRID_MAX_COLUMNS) !=
      gtk_grid_view_get_max_columns (self->grid_view) && self->grid_columns_idle == 0)
    /* Not while the grid is being allocated. */
    self->grid_columns_idle = g_idle_add (update_grid_columns_cb, self);
}

void
captioner_window_view_init (CaptionerWindow *self)
{
  g_signal_connect (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view)), "changed",
                    G_CALLBACK (on_grid_width_changed_cb), self);
}

void
captioner_window_view_dispose (CaptionerWindow *self)
{
  g_clear_handle_id (&self->grid_columns_idle, g_source_remove);
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                          on_after_paint_cb, self);
  g_clear_pointer (&self->after_paint, g_array_unref);
  if (self->grid_view != NULL)
    g_signal_handlers_disconnect_by_func (
      gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view)),
      on_grid_width_changed_cb, self);
}
