#define G_LOG_DOMAIN "captioner-window"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-face-detect.h"
#include "captioner-people-translate.h"
#include "captioner-photo-cell.h"
#include "captioner-preferences-window.h"
#include "captioner-window-private.h"

G_DEFINE_FINAL_TYPE (CaptionerWindow, captioner_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CaptionerDraft *
captioner_window_get_current_draft (CaptionerWindow *self)
{
  CaptionerDeskItem *item = self->current ? captioner_photo_item_get_desk_item (self->current)
                                          : NULL;

  return item != NULL ? captioner_desk_item_get_draft (item) : NULL;
}

gboolean
captioner_window_is_dirty (CaptionerWindow *self)
{
  CaptionerDraft *draft = captioner_window_get_current_draft (self);

  return draft != NULL && captioner_draft_get_dirty (draft);
}

void
captioner_window_update_actions (CaptionerWindow *self)
{
  CaptionerDraft *draft = captioner_window_get_current_draft (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));
  guint position = self->shown_position;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 draft != NULL && captioner_draft_get_dirty (draft));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-next", draft != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 draft != NULL && captioner_draft_get_can_undo (draft));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 draft != NULL && captioner_draft_get_can_redo (draft));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next",
                                 n > 0 && position != GTK_INVALID_LIST_POSITION && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous",
                                 position != GTK_INVALID_LIST_POSITION && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-caption", draft != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste-caption",
                                 draft != NULL && self->assists != NULL &&
                                 captioner_assists_get_copied (self->assists, NULL) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste-fields",
                                 draft != NULL && self->assists != NULL &&
                                 captioner_assists_get_copied (self->assists, NULL) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.apply-template", draft != NULL);
  captioner_window_batch_update_actions (self);
  if (self->preferences != NULL)
    captioner_preferences_window_set_draft (CAPTIONER_PREFERENCES_WINDOW (self->preferences),
                                            draft);
}

void
captioner_window_toast (CaptionerWindow *self,
                        const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A photo is shown as its metadata turns it (a sidecar's tiff:Orientation, the user's rotation
 * in Lightroom or digiKam, wins over EXIF), like its boxes. */
static void
show_turned (CaptionerWindow    *self,
             CaptionerPhotoItem *item)
{
  CaptionerPhoto *photo = captioner_photo_item_get_photo (item);

  if (photo != NULL)
    captioner_shown_image_set_orientation (self->shown_image, captioner_photo_item_get_file (item),
                                           captioner_photo_get_orientation (photo));
}

/* The files the editor is likely to go to next from the shown photo, to decode ahead. */
static GFile **
dup_neighbours (CaptionerWindow *self)
{
  static const int offsets[] = { 1, -1, 2 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->photos));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (guint i = 0; self->shown_position != GTK_INVALID_LIST_POSITION && i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 position = (gint64) self->shown_position + offsets[i];
      g_autoptr(CaptionerPhotoItem) item = NULL;

      if (position < 0 || position >= n)
        continue;
      item = g_list_model_get_item (G_LIST_MODEL (self->photos), (guint) position);
      if (captioner_photo_item_get_state (item) == CAPTIONER_PHOTO_STATE_ERROR)
        continue;
      show_turned (self, item);
      g_ptr_array_add (files, g_object_ref (captioner_photo_item_get_file (item)));
    }
  g_ptr_array_add (files, NULL);
  return (GFile **) g_ptr_array_free (g_steal_pointer (&files), FALSE);
}

static void
free_files (GFile **files)
{
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_object_unref (files[i]);
  g_free (files);
}

/* The people's names in a caption language, from the directory the assists read (none
 * until it is read: the main names meanwhile). */
static char *
translate_name (const char *name,
                const char *language,
                gpointer    assists)
{
  CaptionerPeopleDirectory *directory = captioner_assists_get_directory (assists);

  return directory != NULL ? captioner_people_directory_translate_name (name, language, directory)
                           : NULL;
}

static void
follow_draft (CaptionerWindow *self,
              CaptionerDraft  *draft)
{
  if (draft != NULL && self->assists != NULL)
    captioner_draft_set_name_translator (draft, translate_name, g_object_ref (self->assists),
                                         g_object_unref);
  g_binding_group_set_source (self->draft_bindings, draft);
  g_signal_group_set_target (self->draft_signals, draft);
  captioner_caption_panel_set_draft (self->caption_panel, draft);
  captioner_photo_view_set_draft (self->photo_view, draft);
  captioner_window_update_suggestion (self);
  if (draft == NULL)
    gtk_widget_set_visible (self->unsaved_label, FALSE);
  captioner_window_update_actions (self);
}

static void
detect_ahead (CaptionerWindow *self)
{
  g_autoptr(CaptionerDeskItem) next = g_signal_group_dup_target (self->ahead_signals);
  CaptionerPhoto *photo = next != NULL ? captioner_desk_item_get_photo (next) : NULL;

  if (next != NULL && photo == NULL)
    captioner_desk_load_now (self->desk, next);
  captioner_photo_view_detect_ahead (self->photo_view,
                                     photo != NULL ? captioner_photo_get_file (photo) : NULL,
                                     photo != NULL ? captioner_photo_get_orientation (photo) : 1);
}

/* Face suggestions are a preference (the menu's Suggest Faces). */
static void
suggest_faces (CaptionerWindow *self,
               CaptionerPhoto  *photo)
{
  g_autoptr(CaptionerPhotoItem) next = NULL;

  if (photo == NULL || !g_settings_get_boolean (self->settings, "face-suggestions"))
    {
      g_signal_group_set_target (self->ahead_signals, NULL);
      captioner_photo_view_suggest_faces (self->photo_view, NULL, 1);
      return;
    }
  captioner_photo_view_suggest_faces (self->photo_view, captioner_photo_get_file (photo),
                                      captioner_photo_get_orientation (photo));
  /* The editor goes on to the next photo: its faces are looked for while this one is named,
   * once its header is read. */
  if (self->shown_position != GTK_INVALID_LIST_POSITION)
    next = g_list_model_get_item (G_LIST_MODEL (self->photos), self->shown_position + 1);
  g_signal_group_set_target (self->ahead_signals,
                             next != NULL ? captioner_photo_item_get_desk_item (next) : NULL);
  detect_ahead (self);
}

/* Shows item: its draft, its photo decoded for the view. A photo still loading is shown when
 * its header arrives. */
void
captioner_window_show_item (CaptionerWindow    *self,
                            CaptionerPhotoItem *item)
{
  CaptionerDeskItem *desk_item = item ? captioner_photo_item_get_desk_item (item) : NULL;
  CaptionerPhoto *photo = item ? captioner_photo_item_get_photo (item) : NULL;
  g_autofree char *subtitle = NULL;
  GFile **neighbours = NULL;

  /* The photo left behind keeps its draft only while it has changes to save. */
  if (self->current != NULL && self->current != item)
    captioner_desk_item_release_draft (captioner_photo_item_get_desk_item (self->current));
  g_set_object (&self->current, item);
  /* The draft is made before the item is followed: its making is no news. */
  if (photo != NULL)
    captioner_desk_item_get_draft (desk_item);
  g_signal_group_set_target (self->item_signals, desk_item);
  captioner_desk_watch (self->desk, desk_item);

  if (item == NULL)
    {
      captioner_shown_image_clear (self->shown_image);
      follow_draft (self, NULL);
      captioner_caption_panel_set_exif (self->caption_panel, NULL);
      adw_window_title_set_subtitle (self->title_widget, NULL);
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

  if (photo == NULL)
    {
      captioner_shown_image_show (self->shown_image, NULL,
                                  captioner_photo_item_get_thumbnail (item), NULL);
      follow_draft (self, NULL);
      captioner_caption_panel_set_exif (self->caption_panel, NULL);
      if (captioner_photo_item_get_state (item) != CAPTIONER_PHOTO_STATE_ERROR)
        captioner_desk_load_now (self->desk, desk_item);
      else
        captioner_profiler_switch_done (self->profiler);
      return;
    }

  follow_draft (self, captioner_desk_item_get_draft (desk_item));
  suggest_faces (self, photo);
  captioner_caption_panel_set_exif (self->caption_panel, captioner_photo_get_exif (photo));
  if (captioner_photo_get_warning (photo) != NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", captioner_photo_item_get_name (item),
                                                  captioner_photo_get_warning (photo));
      captioner_window_toast (self, message);
    }
  show_turned (self, item);
  neighbours = dup_neighbours (self);
  captioner_shown_image_show (self->shown_image, captioner_photo_item_get_file (item),
                              captioner_photo_item_get_thumbnail (item), neighbours);
  free_files (neighbours);
}

static gboolean
show_current_cb (gpointer user_data)
{
  CaptionerWindow *self = user_data;

  self->show_source = 0;
  if (self->current != NULL && captioner_photo_item_get_photo (self->current) != NULL)
    captioner_window_show_item (self, self->current);
  return G_SOURCE_REMOVE;
}

/* The photo the editor waits for has its header: it is shown after the frame already due (the
 * folder's first screen, when the folder has just opened), in a turn of the main loop of its
 * own, so that the caption panel's first layout and the grid's are not drawn in one. */
static void
show_current_soon (CaptionerWindow *self)
{
  if (self->show_source == 0)
    self->show_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, show_current_cb, self, NULL);
}

/* The shown item's header came: it is shown after the frame already due. */
static void
on_item_photo_cb (CaptionerDeskItem *item,
                  GParamSpec        *pspec,
                  CaptionerWindow   *self)
{
  CaptionerDraft *draft = captioner_desk_item_peek_draft (item);

  if (captioner_desk_item_get_photo (item) == NULL ||
      (draft != NULL && draft == captioner_caption_panel_get_draft (self->caption_panel)))
    return;
  captioner_window_after_paint (self, show_current_soon);
}

/* The shown item was read again ("reload theirs"): its draft went with the old reading, and
 * what is on disk now is shown at once. */
static void
on_item_draft_cb (CaptionerDeskItem *item,
                  GParamSpec        *pspec,
                  CaptionerWindow   *self)
{
  if (captioner_desk_item_peek_draft (item) == NULL && captioner_desk_item_get_photo (item) != NULL &&
      self->current != NULL && captioner_photo_item_get_desk_item (self->current) == item)
    captioner_window_show_item (self, self->current);
}

static void
on_draft_notify_cb (CaptionerDraft  *draft,
                    GParamSpec      *pspec,
                    CaptionerWindow *self)
{
  captioner_window_update_actions (self);
}

static void
on_image_loaded_cb (CaptionerShownImage *image,
                    const char          *error,
                    CaptionerWindow     *self)
{
  if (self->profiler == NULL)
    return;
  if (error != NULL)
    captioner_window_toast (self, error);
  captioner_profiler_switch_done (self->profiler);
}

static void
on_selection_changed_cb (GtkSelectionModel *selection,
                         guint              changed_position,
                         guint              n_changed,
                         CaptionerWindow   *self)
{
  guint position;
  g_autoptr(CaptionerPhotoItem) item = NULL;

  if (self->reverting_selection)
    return;
  /* Several photos selected: the shown one is the one clicked last (captioner-window-batch.c). */
  position = captioner_window_batch_selection_changed (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->photos), position);
  if (item == self->current)
    return;

  if (self->current != NULL && captioner_window_is_dirty (self))
    {
      /* A save the editor asked for is on its way: nothing to ask. */
      if (!captioner_desk_get_autosave (self->desk) &&
          !captioner_desk_item_get_saving (captioner_photo_item_get_desk_item (self->current)))
        {
          /* Stay until the editor says what to do with the changes. */
          captioner_window_select (self, self->shown_position);
          captioner_window_ask_before_leaving (self, position);
          return;
        }
      captioner_window_save_item (self, self->current, CAPTIONER_SAVE_NONE);
    }

  captioner_profiler_switch_started (self->profiler);
  self->shown_position = position;
  captioner_window_show_item (self, item);
  /* Once the frame already due has laid the grid out: GtkGridView 4.8 asked to scroll in the
   * turn its items arrive shows one cell and nothing else (a folder opened on its 1990th
   * photo). */
  captioner_window_after_paint (self, captioner_window_scroll_to_shown);
}

static void
on_known_names_cb (CaptionerDesk   *desk,
                   GParamSpec      *pspec,
                   CaptionerWindow *self)
{
  g_auto(GStrv) names = captioner_desk_dup_known_names (desk);
  CaptionerPeopleDirectory *directory = self->assists != NULL
                                        ? captioner_assists_get_directory (self->assists) : NULL;

  captioner_photo_view_set_known_names (self->photo_view, (const char * const *) names);
  if (directory != NULL)
    captioner_people_directory_add_session_names (directory, (const char * const *) names);
}

static gboolean
on_close_request_cb (GtkWindow *window)
{
  return captioner_window_close_request (CAPTIONER_WINDOW (window));
}

static void
captioner_window_dispose (GObject *object)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (object);

  g_clear_handle_id (&self->show_source, g_source_remove);
  if (self->preferences != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preferences),
                                    (gpointer *) &self->preferences);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->preferences)));
    }
  captioner_window_view_dispose (self);
  if (self->draft_bindings != NULL)
    g_binding_group_set_source (self->draft_bindings, NULL);
  if (self->draft_signals != NULL)
    g_signal_group_set_target (self->draft_signals, NULL);
  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  if (self->ahead_signals != NULL)
    g_signal_group_set_target (self->ahead_signals, NULL);
  captioner_window_folder_dispose (self);
  if (self->desk != NULL)
    captioner_desk_close (self->desk);
  g_clear_object (&self->profiler);
  captioner_window_assists_dispose (self);
  captioner_window_batch_dispose (self);
  /* A load still running holds the shown image: it must not call back into this window. */
  if (self->shown_image != NULL)
    g_signal_handlers_disconnect_by_data (self->shown_image, self);
  g_clear_object (&self->shown_image);
  g_clear_object (&self->thumbnails);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_WINDOW);
  g_clear_object (&self->current);
  g_clear_object (&self->draft_bindings);
  g_clear_object (&self->draft_signals);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->ahead_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->photos);
  g_clear_object (&self->desk);
  g_clear_object (&self->settings);
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
on_face_suggestions_cb (GSettings       *settings,
                        const char      *key,
                        CaptionerWindow *self)
{
  /* The first photo shown then does not wait the 600 ms the model takes to unpack. */
  if (g_settings_get_boolean (settings, key))
    captioner_face_detect_preload ();
  suggest_faces (self, captioner_window_get_current_photo (self));
}

static void
captioner_window_constructed (GObject *object)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (object);

  G_OBJECT_CLASS (captioner_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  captioner_window_assists_load (self);
  g_signal_connect_object (self->settings, "changed::face-suggestions",
                           G_CALLBACK (on_face_suggestions_cb), self, 0);
  if (g_settings_get_boolean (self->settings, "face-suggestions"))
    captioner_face_detect_preload ();
  /* What the desk does with the editor's work follows the preferences. */
  g_settings_bind (self->settings, "autosave", self->desk, "autosave", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "disabled-checks",
                   captioner_caption_panel_get_checks_section (self->caption_panel),
                   "disabled-checks", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "caption-style", self->desk, "default-style",
                   G_SETTINGS_BIND_GET);
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
  /* Reached with gtk_widget_get_template_child only (init names its halves). */
  gtk_widget_class_bind_template_child_full (widget_class, "open_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, recent_section);

  captioner_window_class_init_actions (widget_class);
  captioner_window_class_init_assists (widget_class);
  captioner_window_class_init_batch (widget_class);
}

/* libadwaita 1.2 names a split button's halves after its mnemonic and its type: a screen
 * reader says what they do instead. */
static void
name_split_button (GtkWidget  *widget,
                   const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *here = GTK_IS_MENU_BUTTON (child) ? _("Recent Folders") : label;

      if (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        here, -1);
      name_split_button (child, here);
    }
}

static void
captioner_window_init (CaptionerWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  name_split_button (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                CAPTIONER_TYPE_WINDOW,
                                                                "open_button")),
                     _("Open a Folder"));

  /* The people directory (captioner-window-assists.c) remembers the names saved. */
  self->desk = captioner_desk_new (NULL);
  captioner_desk_set_want_previews (self->desk, TRUE);
  captioner_desk_set_journaling (self->desk, TRUE);
  g_signal_connect (self->desk, "notify::known-names", G_CALLBACK (on_known_names_cb), self);

  self->photos = g_list_store_new (CAPTIONER_TYPE_PHOTO_ITEM);
  self->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (
                                           g_object_ref (G_LIST_MODEL (self->photos))));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                    self);
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (self->selection));
  factory = captioner_photo_cell_new_factory ();
  gtk_grid_view_set_factory (self->grid_view, factory);
  captioner_window_view_init (self);
  self->shown_position = GTK_INVALID_LIST_POSITION;

  self->thumbnails = captioner_thumbnail_feeder_new (G_LIST_MODEL (self->photos), factory);
  self->shown_image = captioner_shown_image_new (self->photo_view);
  g_signal_connect (self->shown_image, "loaded", G_CALLBACK (on_image_loaded_cb), self);
  self->profiler = captioner_profiler_new (GTK_WIDGET (self), self->grid_view, self->selection,
                                           self->desk, self->thumbnails);
  if (captioner_profiler_is_enabled (self->profiler))
    g_signal_connect_object (self->photo_view, "suggestions-shown",
                             G_CALLBACK (captioner_profiler_suggestions_shown), self->profiler,
                             G_CONNECT_SWAPPED);

  /* The current photo's draft and item, followed as the editor moves between photos. */
  self->draft_bindings = g_binding_group_new ();
  g_binding_group_bind (self->draft_bindings, "dirty", self->unsaved_label, "visible",
                        G_BINDING_SYNC_CREATE);
  self->draft_signals = g_signal_group_new (CAPTIONER_TYPE_DRAFT);
  g_signal_group_connect_object (self->draft_signals, "notify::dirty",
                                 G_CALLBACK (on_draft_notify_cb), self, 0);
  g_signal_group_connect_object (self->draft_signals, "notify::can-undo",
                                 G_CALLBACK (on_draft_notify_cb), self, 0);
  g_signal_group_connect_object (self->draft_signals, "notify::can-redo",
                                 G_CALLBACK (on_draft_notify_cb), self, 0);
  self->item_signals = g_signal_group_new (CAPTIONER_TYPE_DESK_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify::photo",
                                 G_CALLBACK (on_item_photo_cb), self, 0);
  g_signal_group_connect_object (self->item_signals, "notify::draft",
                                 G_CALLBACK (on_item_draft_cb), self, 0);

  g_signal_group_connect_object (self->draft_signals, "changed",
                                 G_CALLBACK (captioner_window_update_suggestion), self,
                                 G_CONNECT_SWAPPED);
  self->ahead_signals = g_signal_group_new (CAPTIONER_TYPE_DESK_ITEM);
  g_signal_group_connect_object (self->ahead_signals, "notify::photo",
                                 G_CALLBACK (detect_ahead), self, G_CONNECT_SWAPPED);
  captioner_window_assists_init (self);
  captioner_window_batch_init (self);
  captioner_window_init_shortcuts (self);
  captioner_window_folder_init (self);
  captioner_window_save_init (self);
  captioner_window_show_item (self, NULL);
  captioner_window_offer_restore (self);
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
  captioner_window_batch_select (self, position);
}

guint
captioner_window_get_selected (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), GTK_INVALID_LIST_POSITION);
  return self->shown_position;
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
  CaptionerDraft *draft;

  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), NULL);
  draft = captioner_caption_panel_get_draft (self->caption_panel);
  return draft ? captioner_draft_get_metadata (draft) : NULL;
}

GObject *
captioner_window_get_assists (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), NULL);
  return G_OBJECT (self->assists);
}

gboolean
captioner_window_is_busy (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), FALSE);
  return captioner_desk_get_busy (self->desk);
}

CaptionerDesk *
captioner_window_get_desk (CaptionerWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_WINDOW (self), NULL);
  return self->desk;
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
