#define G_LOG_DOMAIN "captioner-window"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-person.h"
#include "captioner-photo-cell.h"
#include "captioner-window-private.h"

G_DEFINE_FINAL_TYPE (CaptionerWindow, captioner_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define IMAGE_CACHE_SIZE 6
/* A grid cell: a 128 px thumbnail and 6 px of padding each side (style.css). */
#define GRID_CELL_WIDTH  140
#define GRID_MAX_COLUMNS 8

/* What the editor starts from: the metadata as read, with a caption Captioner did not compose
 * (a wire photo's, or one another program changed since) taken as the body when no people are
 * named, so that what is shown is what is stored, and can be edited. */
static CaptionerMetadata *
initial_metadata (CaptionerPhoto *photo)
{
  CaptionerMetadata *metadata = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  const char *caption = metadata->fields[CAPTIONER_FIELD_CAPTION];
  const char *composed = metadata->fields[CAPTIONER_FIELD_COMPOSED];
  gboolean foreign;

  foreign = metadata->fields[CAPTIONER_FIELD_CAPTION_BODY] == NULL ||
            (composed != NULL && g_strcmp0 (caption, composed) != 0);
  if (foreign && caption != NULL && *caption != '\0' && metadata->people->len == 0)
    captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION_BODY, caption);
  return metadata;
}

static int
current_orientation (CaptionerWindow *self)
{
  CaptionerPhoto *photo = self->current ? captioner_photo_item_get_photo (self->current) : NULL;

  return photo ? captioner_photo_get_orientation (photo) : 1;
}



static void
update_actions (CaptionerWindow *self)
{
  gboolean has_photo = captioner_window_get_current_photo (self) != NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));
  guint position = gtk_single_selection_get_selected (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 has_photo && captioner_window_is_dirty (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-next", has_photo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_photo && captioner_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_photo && captioner_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next",
                                 n > 0 && position != GTK_INVALID_LIST_POSITION && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous",
                                 position != GTK_INVALID_LIST_POSITION && position > 0);
}

/* Shows the draft in the panel and on the photo. */
static void
push_draft (CaptionerWindow *self)
{
  int orientation = current_orientation (self);

  captioner_caption_panel_set_metadata (self->caption_panel, self->draft, orientation);
  captioner_photo_view_set_people (self->photo_view, self->draft->people, orientation);
}

/* Records an edit: the caption is recomposed, the history and the item's draft follow. */
static void
commit_draft (CaptionerWindow *self,
              const char      *group)
{
  g_autofree char *composed = NULL;

  if (self->draft->fields[CAPTIONER_FIELD_STYLE] == NULL)
    {
      g_autofree char *style = g_settings_get_string (self->settings, "caption-style");
      captioner_metadata_set (self->draft, CAPTIONER_FIELD_STYLE, style);
    }
  composed = captioner_metadata_compose (self->draft, current_orientation (self));
  captioner_metadata_set (self->draft, CAPTIONER_FIELD_CAPTION, composed);
  captioner_history_push (self->history, self->draft, group);
  captioner_window_update_unsaved (self);
  push_draft (self);
}

/* Shows a state from the undo history. */
void
captioner_window_restore_state (CaptionerWindow         *self,
                                const CaptionerMetadata *state)
{
  if (state == NULL)
    return;
  captioner_metadata_free (self->draft);
  self->draft = captioner_metadata_copy (state);
  captioner_window_update_unsaved (self);
  push_draft (self);
}

gboolean
captioner_window_is_dirty (CaptionerWindow *self)
{
  return self->draft != NULL && self->baseline != NULL &&
         !captioner_metadata_equal (self->draft, self->baseline);
}

/* Keeps the item's draft and badge, and the header's "Unsaved", in step with the draft. */
void
captioner_window_update_unsaved (CaptionerWindow *self)
{
  gboolean dirty = captioner_window_is_dirty (self);

  if (self->current != NULL)
    {
      captioner_photo_item_set_draft (self->current, dirty ? self->draft : NULL);
      if (dirty)
        captioner_photo_item_set_state (self->current, CAPTIONER_PHOTO_STATE_UNSAVED);
      else if (captioner_photo_item_get_state (self->current) != CAPTIONER_PHOTO_STATE_LOADING &&
               captioner_photo_item_get_photo (self->current) != NULL)
        captioner_photo_item_reset_state (self->current);
    }
  gtk_widget_set_visible (self->unsaved_label, dirty);
  update_actions (self);
}

/* After a save of the shown photo: what was written is the new saved state. */
void
captioner_window_set_baseline (CaptionerWindow         *self,
                               const CaptionerMetadata *saved)
{
  g_clear_pointer (&self->baseline, captioner_metadata_free);
  self->baseline = captioner_metadata_copy (saved);
  captioner_window_update_unsaved (self);
}

void
captioner_window_toast (CaptionerWindow *self,
                        const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}



/* Shows item: its draft when it has one, else its saved metadata. A photo still loading is
 * shown when its header arrives. */
void
captioner_window_show_item (CaptionerWindow    *self,
                            CaptionerPhotoItem *item)
{
  CaptionerPhoto *photo;
  const CaptionerMetadata *draft;
  g_autofree char *subtitle = NULL;

  g_set_object (&self->current, item);
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_clear_pointer (&self->draft, captioner_metadata_free);
  g_clear_pointer (&self->baseline, captioner_metadata_free);

  if (item == NULL)
    {
      self->draft = captioner_metadata_new ();
      captioner_history_reset (self->history, self->draft);
      captioner_photo_view_set_texture (self->photo_view, NULL);
      push_draft (self);
      captioner_caption_panel_set_exif (self->caption_panel, NULL);
      captioner_caption_panel_set_sensitive_fields (self->caption_panel, FALSE);
      adw_window_title_set_subtitle (self->title_widget, NULL);
      captioner_window_update_unsaved (self);
      return;
    }

  if (self->shown_position != GTK_INVALID_LIST_POSITION)
    /* TRANSLATORS: the photo's file name, its place in the folder, how many photos */
    subtitle = g_strdup_printf (_("%s — %u of %u"), captioner_photo_item_get_name (item),
                                self->shown_position + 1,
                                g_list_model_get_n_items (G_LIST_MODEL (self->photos)));
  else
    subtitle = g_strdup (captioner_photo_item_get_name (item));
  adw_window_title_set_subtitle (self->title_widget, subtitle);
  photo = captioner_photo_item_get_photo (item);
  captioner_photo_view_set_texture (self->photo_view, captioner_photo_item_get_thumbnail (item));

  if (photo == NULL)
    {
      self->draft = captioner_metadata_new ();
      captioner_history_reset (self->history, self->draft);
      push_draft (self);
      captioner_caption_panel_set_exif (self->caption_panel, NULL);
      captioner_caption_panel_set_sensitive_fields (self->caption_panel, FALSE);
      captioner_window_update_unsaved (self);
      if (captioner_photo_item_get_state (item) != CAPTIONER_PHOTO_STATE_ERROR)
        captioner_window_load_item_now (self, item);
      else
        captioner_window_profile_switch_done (self);
      return;
    }

  self->baseline = initial_metadata (photo);
  captioner_history_reset (self->history, self->baseline);
  draft = captioner_photo_item_get_draft (item);
  if (draft != NULL)
    {
      self->draft = captioner_metadata_copy (draft);
      captioner_history_push (self->history, self->draft, NULL);
    }
  else
    self->draft = captioner_metadata_copy (self->baseline);

  captioner_caption_panel_set_sensitive_fields (self->caption_panel, TRUE);
  captioner_caption_panel_set_exif (self->caption_panel, captioner_photo_get_exif (photo));
  push_draft (self);
  captioner_window_update_unsaved (self);
  if (captioner_photo_get_warning (photo) != NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", captioner_photo_item_get_name (item),
                                                  captioner_photo_get_warning (photo));
      captioner_window_toast (self, message);
    }

  captioner_window_load_shown_image (self, item);
}







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

static void
scroll_to_shown (CaptionerWindow *self)
{
  if (self->shown_position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->grid_view), "list.scroll-to-item", "u",
                                self->shown_position);
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         CaptionerWindow    *self)
{
  guint position = gtk_single_selection_get_selected (selection);
  CaptionerPhotoItem *item = gtk_single_selection_get_selected_item (selection);

  if (self->reverting_selection || item == self->current)
    return;

  if (self->current != NULL && captioner_window_is_dirty (self))
    {
      if (!g_settings_get_boolean (self->settings, "autosave"))
        {
          /* Stay until the editor says what to do with the changes. */
          self->reverting_selection = TRUE;
          gtk_single_selection_set_selected (selection, self->shown_position);
          self->reverting_selection = FALSE;
          captioner_window_ask_before_leaving (self, position);
          return;
        }
      captioner_window_save_item (self, self->current, CAPTIONER_SAVE_NONE);
    }

  self->switch_time = g_get_monotonic_time ();
  self->shown_position = position;
  captioner_window_show_item (self, item);
  /* Once the frame already due has laid the grid out: GtkGridView 4.8 asked to scroll in the
   * turn its items arrive shows one cell and nothing else (a folder opened on its 1990th
   * photo). */
  if (position != GTK_INVALID_LIST_POSITION)
    captioner_window_after_paint (self, scroll_to_shown);
}

static void
on_history_notify_cb (CaptionerHistory *history,
                      GParamSpec       *pspec,
                      CaptionerWindow  *self)
{
  update_actions (self);
}

static void
on_panel_field_changed_cb (CaptionerCaptionPanel *panel,
                           guint                  field,
                           const char            *value,
                           CaptionerWindow       *self)
{
  if (captioner_window_get_current_photo (self) == NULL)
    return;
  captioner_metadata_set (self->draft, field, *value ? value : NULL);
  commit_draft (self, captioner_field_get_name (field));
}

static void
on_panel_keywords_changed_cb (CaptionerCaptionPanel *panel,
                              GStrv                  keywords,
                              CaptionerWindow       *self)
{
  if (captioner_window_get_current_photo (self) == NULL)
    return;
  captioner_metadata_set_keywords (self->draft, (const char * const *) keywords);
  commit_draft (self, "keywords");
}

static void
rename_person (CaptionerWindow *self,
               guint            index,
               const char      *name,
               const char      *group)
{
  CaptionerPerson *person;

  if (captioner_window_get_current_photo (self) == NULL || index >= self->draft->people->len)
    return;
  person = g_ptr_array_index (self->draft->people, index);
  g_free (person->name);
  person->name = g_strstrip (g_strdup (name));
  commit_draft (self, group);
}

static void
on_panel_person_renamed_cb (CaptionerCaptionPanel *panel,
                            guint                  index,
                            const char            *name,
                            CaptionerWindow       *self)
{
  g_autofree char *group = g_strdup_printf ("person-%u", index);

  rename_person (self, index, name, group);
}

static void
on_view_person_added_cb (CaptionerPhotoView *view,
                         const char         *name,
                         double              x,
                         double              y,
                         double              w,
                         double              h,
                         CaptionerWindow    *self)
{
  CaptionerRect displayed = { x, y, w, h };

  if (captioner_window_get_current_photo (self) == NULL)
    return;
  g_ptr_array_add (self->draft->people,
                   captioner_person_new_displayed (name, &displayed, current_orientation (self)));
  commit_draft (self, NULL);
}

static void
on_view_person_changed_cb (CaptionerPhotoView *view,
                           guint               index,
                           double              x,
                           double              y,
                           double              w,
                           double              h,
                           CaptionerWindow    *self)
{
  CaptionerRect displayed = { x, y, w, h };
  CaptionerPerson *person;

  if (captioner_window_get_current_photo (self) == NULL || index >= self->draft->people->len)
    return;
  person = g_ptr_array_index (self->draft->people, index);
  captioner_orientation_to_stored (current_orientation (self), &displayed, &person->region);
  person->has_region = TRUE;
  commit_draft (self, NULL);
}

static void
on_view_person_removed_cb (CaptionerPhotoView *view,
                           guint               index,
                           CaptionerWindow    *self)
{
  if (captioner_window_get_current_photo (self) == NULL || index >= self->draft->people->len)
    return;
  g_ptr_array_remove_index (self->draft->people, index);
  commit_draft (self, NULL);
}

static void
on_view_person_renamed_cb (CaptionerPhotoView *view,
                           guint               index,
                           const char         *name,
                           CaptionerWindow    *self)
{
  rename_person (self, index, name, NULL);
}

static gboolean
on_close_request_cb (GtkWindow *window)
{
  return captioner_window_close_request (CAPTIONER_WINDOW (window));
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

static void
captioner_window_dispose (GObject *object)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (object);

  captioner_window_image_dispose (self);
  g_clear_handle_id (&self->grid_columns_idle, g_source_remove);
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                          on_after_paint_cb, self);
  g_clear_pointer (&self->after_paint, g_array_unref);
  if (self->grid_view != NULL)
    g_signal_handlers_disconnect_by_func (
      gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view)),
      on_grid_width_changed_cb, self);
  captioner_window_folder_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_WINDOW);
  g_clear_object (&self->current);
  g_clear_object (&self->selection);
  g_clear_object (&self->photos);
  g_clear_object (&self->history);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->draft, captioner_metadata_free);
  g_clear_pointer (&self->baseline, captioner_metadata_free);
  G_OBJECT_CLASS (captioner_window_parent_class)->dispose (object);
}

static void
captioner_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_window_constructed (GObject *object)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (object);

  G_OBJECT_CLASS (captioner_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  captioner_window_rebuild_recent (self);
  g_signal_connect_object (self->settings, "changed::recent-folders",
                           G_CALLBACK (captioner_window_rebuild_recent), self,
                           G_CONNECT_SWAPPED);
}

static void
captioner_window_class_init (CaptionerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = captioner_window_dispose;
  object_class->set_property = captioner_window_set_property;
  object_class->constructed = captioner_window_constructed;
  GTK_WINDOW_CLASS (klass)->close_request = on_close_request_cb;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CAPTIONER_TYPE_PHOTO_VIEW);
  g_type_ensure (CAPTIONER_TYPE_CAPTION_PANEL);
  g_type_ensure (CAPTIONER_TYPE_PHOTO_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, title_widget);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, photo_view);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, caption_panel);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, recent_section);

  captioner_window_class_init_actions (widget_class);
}

static void
captioner_window_init (CaptionerWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = captioner_history_new (200);
  self->image_cache = captioner_image_cache_new (IMAGE_CACHE_SIZE);
  g_signal_connect (self->history, "notify", G_CALLBACK (on_history_notify_cb), self);
  self->photos = g_list_store_new (CAPTIONER_TYPE_PHOTO_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->photos)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb),
                    self);
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (self->selection));
  factory = captioner_photo_cell_new_factory ();
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_signal_connect (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->grid_view)), "changed",
                    G_CALLBACK (on_grid_width_changed_cb), self);
  self->shown_position = GTK_INVALID_LIST_POSITION;

  g_signal_connect (self->caption_panel, "field-changed", G_CALLBACK (on_panel_field_changed_cb),
                    self);
  g_signal_connect (self->caption_panel, "keywords-changed",
                    G_CALLBACK (on_panel_keywords_changed_cb), self);
  g_signal_connect (self->caption_panel, "person-renamed",
                    G_CALLBACK (on_panel_person_renamed_cb), self);
  captioner_window_image_init (self);
  g_signal_connect (self->photo_view, "person-added", G_CALLBACK (on_view_person_added_cb), self);
  g_signal_connect (self->photo_view, "person-changed", G_CALLBACK (on_view_person_changed_cb),
                    self);
  g_signal_connect (self->photo_view, "person-removed", G_CALLBACK (on_view_person_removed_cb),
                    self);
  g_signal_connect (self->photo_view, "person-renamed", G_CALLBACK (on_view_person_renamed_cb),
                    self);

  captioner_window_init_shortcuts (self);

  captioner_window_folder_init (self);
  captioner_window_show_item (self, NULL);
}

CaptionerWindow *
captioner_window_new (AdwApplication *application,
                      GSettings      *settings)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CAPTIONER_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

GListModel *
captioner_window_get_photos (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->photos);
}

void
captioner_window_select (CaptionerWindow *self,
                         guint            position)
{
  g_return_if_fail (CAPTIONER_IS_WINDOW (self));
  gtk_single_selection_set_selected (self->selection, position);
}

guint
captioner_window_get_selected (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), GTK_INVALID_LIST_POSITION);
  return gtk_single_selection_get_selected (self->selection);
}

CaptionerPhoto *
captioner_window_get_current_photo (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), NULL);
  return self->current ? captioner_photo_item_get_photo (self->current) : NULL;
}

const CaptionerMetadata *
captioner_window_get_draft (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), NULL);
  return captioner_window_get_current_photo (self) ? self->draft : NULL;
}

gboolean
captioner_window_is_busy (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), FALSE);
  return self->loads_in_flight > 0 || self->saves_in_flight > 0 ||
         self->n_loaded < g_list_model_get_n_items (G_LIST_MODEL (self->photos));
}

GtkWidget *
captioner_window_get_photo_view (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->photo_view);
}

GtkWidget *
captioner_window_get_caption_panel (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->caption_panel);
}
