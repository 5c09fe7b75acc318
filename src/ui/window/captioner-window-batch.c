#define G_LOG_DOMAIN "captioner-window-batch"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-window-private.h"

/* Several photos at once: the grid's multi-selection (Ctrl/Shift-click, Ctrl+A, Shift+arrows),
 * the photo shown among them (the one clicked last), the caption panel's fields editing all of
 * them, Apply Template and Paste over all of them, and undo of such an edit as one step.
 * The edits are CaptionerBatch runs kept in a CaptionerBatchHistory. */

/* Past this many photos, a batch shows its progress and can be cancelled. */
#define PROGRESS_THRESHOLD 200

static guint
n_selected (CaptionerWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->selection);

  return (guint) gtk_bitset_get_size (selected);
}

GPtrArray *
captioner_window_dup_selected_photos (CaptionerWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->selection);
  GPtrArray *photos = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      CaptionerPhotoItem *item = g_list_model_get_item (G_LIST_MODEL (self->photos), position);

      if (item != NULL)
        g_ptr_array_add (photos, item);
    }
  return photos;
}

GPtrArray *
captioner_window_batch_dup_items (CaptionerWindow *self)
{
  g_autoptr(GPtrArray) photos = NULL;
  GPtrArray *items;

  if (n_selected (self) < 2)
    return NULL;
  photos = captioner_window_dup_selected_photos (self);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < photos->len; i++)
    g_ptr_array_add (items, g_object_ref (captioner_photo_item_get_desk_item (
                                            g_ptr_array_index (photos, i))));
  return items;
}

static void
update_panel (CaptionerWindow *self)
{
  g_autoptr(GPtrArray) items = captioner_window_batch_dup_items (self);

  captioner_caption_panel_set_selection (self->caption_panel, self->desk, self->batches, items);
}

void
captioner_window_batch_select (CaptionerWindow *self,
                               guint            position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_selection_model_unselect_all (self->selection);
      return;
    }
  gtk_selection_model_select_item (self->selection, position, TRUE);
}

guint
captioner_window_batch_selection_changed (CaptionerWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->selection);
  g_autoptr(GtkBitset) added = gtk_bitset_copy (selected);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->was_selected != NULL)
    gtk_bitset_subtract (added, self->was_selected);
  g_clear_pointer (&self->was_selected, gtk_bitset_unref);
  self->was_selected = gtk_bitset_ref (selected);

  if (gtk_bitset_is_empty (selected))
    {
      /* The last one Ctrl-clicked away: the shown photo stays, selected again. */
      if (self->shown_position != GTK_INVALID_LIST_POSITION &&
          self->shown_position < g_list_model_get_n_items (G_LIST_MODEL (self->photos)))
        captioner_window_batch_select (self, self->shown_position);
      return GTK_INVALID_LIST_POSITION;
    }
  /* One photo added to the selection (a click, a Ctrl-click, an arrow) is the one to show; a
   * range (Shift, Ctrl+A) keeps the one shown. */
  if (gtk_bitset_get_size (added) == 1)
    position = gtk_bitset_get_minimum (added);
  else if (self->shown_position != GTK_INVALID_LIST_POSITION &&
           gtk_bitset_contains (selected, self->shown_position))
    position = self->shown_position;
  else
    position = gtk_bitset_get_minimum (selected);
  update_panel (self);
  captioner_window_update_actions (self);
  return position;
}

/* The photos were replaced (another folder): the first is selected, as the grid did with a
 * single selection, until the folder names the one to show. */
static void
on_items_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     CaptionerWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->selection);

  g_clear_pointer (&self->was_selected, gtk_bitset_unref);
  self->was_selected = gtk_bitset_ref (selected);
  if (gtk_bitset_is_empty (selected) && g_list_model_get_n_items (model) > 0)
    captioner_window_batch_select (self, 0);
  else
    update_panel (self);
}

/* The batch Ctrl+Z takes back: the latest, when it is the shown photo's latest step, or when
 * several photos are selected and it did not change the shown one (whose own undo is then
 * its own). */
static CaptionerBatch *
batch_to_undo (CaptionerWindow *self)
{
  CaptionerDraft *draft = captioner_window_get_current_draft (self);
  CaptionerBatch *batch = captioner_batch_history_get_undo (self->batches, NULL);

  if (batch == NULL || draft == NULL)
    return batch;
  if (captioner_batch_is_latest_on (batch, draft) ||
      (n_selected (self) > 1 && !captioner_batch_has_draft (batch, draft)))
    return batch;
  return NULL;
}

static CaptionerBatch *
batch_to_redo (CaptionerWindow *self)
{
  CaptionerDraft *draft = captioner_window_get_current_draft (self);
  CaptionerBatch *batch = captioner_batch_history_get_redo (self->batches, NULL);

  if (batch == NULL || draft == NULL)
    return batch;
  if (captioner_batch_is_undone_on (batch, draft) ||
      (n_selected (self) > 1 && !captioner_batch_has_draft (batch, draft)))
    return batch;
  return NULL;
}

void
captioner_window_batch_update_actions (CaptionerWindow *self)
{
  gboolean running = captioner_batch_history_get_running (self->batches) != NULL;

  if (running)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
    }
  if (batch_to_undo (self) != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
  if (batch_to_redo (self) != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-batch", running);
}

gboolean
captioner_window_batch_undo (CaptionerWindow *self)
{
  if (captioner_batch_history_get_running (self->batches) != NULL)
    return TRUE;  /* not while it runs */
  if (batch_to_undo (self) == NULL)
    return FALSE;
  captioner_batch_history_undo (self->batches, NULL);
  captioner_window_update_actions (self);
  return TRUE;
}

gboolean
captioner_window_batch_redo (CaptionerWindow *self)
{
  if (captioner_batch_history_get_running (self->batches) != NULL)
    return TRUE;
  if (batch_to_redo (self) == NULL)
    return FALSE;
  captioner_batch_history_redo (self->batches, NULL);
  captioner_window_update_actions (self);
  return TRUE;
}

static void
show_progress (CaptionerWindow *self,
               CaptionerBatch  *batch)
{
  guint total = captioner_batch_get_n_total (batch);
  guint done = captioner_batch_get_n_done (batch);
  /* TRANSLATORS: a change given to many photos at once; done, how many */
  g_autofree char *title = g_strdup_printf (ngettext ("Changing %u of %u photo…",
                                                      "Changing %u of %u photos…", total),
                                            done, total);

  adw_toast_set_title (self->batch_toast, title);
}

static void
on_batch_progress_cb (CaptionerBatch  *batch,
                      GParamSpec      *pspec,
                      CaptionerWindow *self)
{
  if (self->batch_toast != NULL)
    show_progress (self, batch);
}

static void
on_running_cb (CaptionerBatchHistory *history,
               GParamSpec            *pspec,
               CaptionerWindow       *self)
{
  CaptionerBatch *batch = captioner_batch_history_get_running (history);

  if (self->batch_toast != NULL)
    {
      adw_toast_dismiss (self->batch_toast);
      g_clear_object (&self->batch_toast);
    }
  if (batch != NULL && captioner_batch_get_n_total (batch) > PROGRESS_THRESHOLD)
    {
      self->batch_toast = adw_toast_new ("");
      adw_toast_set_timeout (self->batch_toast, 0);
      adw_toast_set_priority (self->batch_toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_button_label (self->batch_toast, _("_Cancel"));
      adw_toast_set_action_name (self->batch_toast, "win.cancel-batch");
      show_progress (self, batch);
      g_signal_connect_object (batch, "notify::n-done", G_CALLBACK (on_batch_progress_cb), self,
                               0);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->batch_toast));
    }
  captioner_window_update_actions (self);
}

void
captioner_window_batch_run (CaptionerWindow *self,
                            CaptionerBatch  *batch)
{
  captioner_batch_history_run (self->batches, batch,
                               captioner_desk_get_autosave (self->desk) ? CAPTIONER_BATCH_SAVE
                                                                        : CAPTIONER_BATCH_NONE);
}

static void
cancel_batch_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  captioner_batch_history_cancel (CAPTIONER_WINDOW (widget)->batches);
}

void
captioner_window_class_init_batch (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.cancel-batch", NULL, cancel_batch_action);
}

void
captioner_window_batch_init (CaptionerWindow *self)
{
  self->batches = captioner_batch_history_new ();
  g_signal_connect_object (self->batches, "notify::running", G_CALLBACK (on_running_cb), self, 0);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-batch", FALSE);
}

void
captioner_window_batch_dispose (CaptionerWindow *self)
{
  if (self->batches != NULL)
    captioner_batch_history_cancel (self->batches);
  g_clear_object (&self->batches);
  g_clear_object (&self->batch_toast);
  g_clear_pointer (&self->was_selected, gtk_bitset_unref);
}
