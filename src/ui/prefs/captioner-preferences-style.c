#define G_LOG_DOMAIN "captioner-preferences-style"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-caption.h"
#include "captioner-desk-files.h"
#include "captioner-person.h"
#include "captioner-preferences-style.h"

/* After the last key press, the style is saved this much later. */
#define SAVE_DELAY_MS 400

struct _CaptionerPreferencesStyle
{
  AdwPreferencesPage     parent_instance;
  AdwComboRow           *style_row;        /* template */
  GtkStringList         *style_names;      /* template */
  GtkLabel              *preview_label;    /* template */
  AdwComboRow           *from_left_row;    /* template */
  GtkStringList         *from_left_list;   /* template */
  GtkSwitch             *serial_switch;    /* template */
  AdwEntryRow           *conjunction_row;  /* template */
  AdwEntryRow           *row_rows[3];      /* template: front, middle, back */
  AdwEntryRow           *row_from_left_row; /* template */
  AdwEntryRow           *position_rows[5]; /* template: left, right, centre, 2nd l., 2nd r. */
  AdwComboRow           *credit_row;       /* template */
  AdwEntryRow           *credit_format_row; /* template */

  GSettings             *settings;
  CaptionerDraft        *draft;
  GPtrArray             *ids;              /* char *, in the order of style_names */
  CaptionerCaptionStyle *style;            /* the style shown, as edited */
  char                  *preview;
  GCancellable          *cancellable;
  guint                  save_id;
  gboolean               showing;          /* rows are being filled: no edits */
};

G_DEFINE_FINAL_TYPE (CaptionerPreferencesStyle, captioner_preferences_style,
                     ADW_TYPE_PREFERENCES_PAGE)

/* The rows of the style's row and position words, in the order of rows[] and positions[]. */
static const struct
{
  const char *id;       /* in the template */
  gssize      offset;
} word_rows[] = {
  { "front_row_row", G_STRUCT_OFFSET (CaptionerPreferencesStyle, row_rows[0]) },
  { "middle_row_row", G_STRUCT_OFFSET (CaptionerPreferencesStyle, row_rows[1]) },
  { "back_row_row", G_STRUCT_OFFSET (CaptionerPreferencesStyle, row_rows[2]) },
  { "left_row", G_STRUCT_OFFSET (CaptionerPreferencesStyle, position_rows[0]) },
  { "right_row", G_STRUCT_OFFSET (CaptionerPreferencesStyle, position_rows[1]) },
  { "centre_row", G_STRUCT_OFFSET (CaptionerPreferencesStyle, position_rows[2]) },
  { "second_left_row", G_STRUCT_OFFSET (CaptionerPreferencesStyle, position_rows[3]) },
  { "second_right_row", G_STRUCT_OFFSET (CaptionerPreferencesStyle, position_rows[4]) },
};

/* The words the desks use; another style's own words are added after them. */
static const char * const from_left_choices[] = { "From left,", "From left:", "L-R:", "(L-R)" };

static CaptionerMetadata *
sample_metadata (void)
{
  static const char * const names[] = {
    "Armenian Foreign Minister Ararat Mirzoyan", "Azerbaijani Foreign Minister Jeyhun Bayramov",
    "Russian Foreign Minister Sergei Lavrov",
  };
  CaptionerMetadata *metadata = captioner_metadata_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CaptionerRect region = { 0.1 + 0.3 * i, 0.2, 0.15, 0.2 };

      g_ptr_array_add (metadata->people, captioner_person_new (names[i], &region));
    }
  captioner_metadata_set (metadata, CAPTIONER_FIELD_CAPTION_BODY,
                          "pose for a photo during a summit in Tehran.");
  captioner_metadata_set (metadata, CAPTIONER_FIELD_CREDIT, "Reuters");
  captioner_metadata_set (metadata, CAPTIONER_FIELD_BYLINE, "Jane Doe");
  return metadata;
}

static void
update_preview (CaptionerPreferencesStyle *self)
{
  g_autoptr(CaptionerMetadata) metadata = NULL;
  int orientation = 1;

  if (self->style == NULL)
    return;
  if (self->draft != NULL)
    {
      metadata = captioner_metadata_copy (captioner_draft_get_metadata (self->draft));
      orientation = captioner_draft_get_orientation (self->draft);
    }
  else
    metadata = sample_metadata ();
  g_free (self->preview);
  self->preview = captioner_caption_compose_metadata_styled (metadata, orientation, self->style);
  /* A photo nobody has named yet shows nothing of a style: a line-up does. */
  if (self->preview[0] == '\0')
    {
      g_autoptr(CaptionerMetadata) sample = sample_metadata ();

      g_free (self->preview);
      self->preview = captioner_caption_compose_metadata_styled (sample, 1, self->style);
    }
  gtk_label_set_text (self->preview_label, self->preview);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static guint
from_left_position (CaptionerPreferencesStyle *self,
                    const char                *from_left)
{
  GListModel *list = G_LIST_MODEL (self->from_left_list);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->from_left_list, i), from_left) == 0)
      return i;
  gtk_string_list_append (self->from_left_list, from_left);
  return n;
}

/* The rows show the style's words. */
static void
show_style (CaptionerPreferencesStyle *self)
{
  CaptionerCaptionStyle *style = self->style;
  gboolean formatted = style->credit_style == CAPTIONER_CREDIT_SUFFIX ||
                       style->credit_style == CAPTIONER_CREDIT_PREFIX;

  self->showing = TRUE;
  adw_combo_row_set_selected (self->from_left_row, from_left_position (self, style->from_left));
  gtk_switch_set_active (self->serial_switch, style->serial_comma);
  set_entry (self->conjunction_row, style->conjunction);
  for (guint i = 0; i < G_N_ELEMENTS (self->row_rows); i++)
    set_entry (self->row_rows[i], style->rows[i]);
  set_entry (self->row_from_left_row, style->row_from_left);
  for (guint i = 0; i < G_N_ELEMENTS (self->position_rows); i++)
    set_entry (self->position_rows[i], style->positions[i]);
  adw_combo_row_set_selected (self->credit_row, style->credit_style);
  set_entry (self->credit_format_row, style->credit_format);
  gtk_widget_set_visible (GTK_WIDGET (self->credit_format_row), formatted);
  self->showing = FALSE;
  update_preview (self);
}

static void
show_styles (CaptionerPreferencesStyle *self)
{
  g_autoptr(GPtrArray) styles = captioner_caption_style_list ();
  g_autofree char *chosen = g_settings_get_string (self->settings, "caption-style");
  const CaptionerCaptionStyle *current = captioner_caption_style_lookup (chosen);
  guint selected = 0;

  self->showing = TRUE;
  g_ptr_array_set_size (self->ids, 0);
  gtk_string_list_splice (self->style_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->style_names)), NULL);
  for (guint i = 0; i < styles->len; i++)
    {
      const CaptionerCaptionStyle *style = g_ptr_array_index (styles, i);

      if (g_strcmp0 (style->id, current->id) == 0)
        selected = i;
      g_ptr_array_add (self->ids, g_strdup (style->id));
      gtk_string_list_append (self->style_names, style->name);
    }
  adw_combo_row_set_selected (self->style_row, selected);
  self->showing = FALSE;
  g_clear_pointer (&self->style, captioner_caption_style_free);
  self->style = captioner_caption_style_copy (current);
  show_style (self);
}

static void
on_style_row_selected_cb (AdwComboRow               *row,
                          GParamSpec                *pspec,
                          CaptionerPreferencesStyle *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->showing || selected >= self->ids->len)
    return;
  g_settings_set_string (self->settings, "caption-style", g_ptr_array_index (self->ids, selected));
}

/* The desk folders the settings name, where shared styles are read from. */
static GPtrArray *
dup_desk_folders (CaptionerPreferencesStyle *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "desk-folders");

  return captioner_desk_folders_from_strv ((const char * const *) folders);
}

typedef struct
{
  CaptionerCaptionStyle *style;
  GPtrArray             *folders;   /* GFile */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  captioner_caption_style_free (job->style);
  g_ptr_array_unref (job->folders);
  g_free (job);
}

/* Writes the user's copy of the style, then reads the named styles again so that captions
 * take it from now on. Blocking. */
static gboolean
save_and_reload (const SaveJob  *job,
                 GError        **error)
{
  g_autoptr(GFile) file = captioner_caption_style_dup_user_file (job->style->id);

  if (!captioner_caption_style_save (job->style, file, error))
    return FALSE;
  captioner_caption_styles_load ((GFile * const *) job->folders->pdata, job->folders->len);
  return TRUE;
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!save_and_reload (task_data, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_saved_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  CaptionerPreferencesStyle *self = CAPTIONER_PREFERENCES_STYLE (source_object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          g_warning ("%s", error->message);
          if (ADW_IS_PREFERENCES_WINDOW (root))
            adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root),
                                              adw_toast_new (error->message));
        }
      return;
    }
}

static gboolean
save_cb (gpointer user_data)
{
  CaptionerPreferencesStyle *self = CAPTIONER_PREFERENCES_STYLE (user_data);
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_saved_cb, NULL);
  SaveJob *job = g_new0 (SaveJob, 1);

  self->save_id = 0;
  g_task_set_source_tag (task, save_cb);
  job->style = captioner_caption_style_copy (self->style);
  job->folders = dup_desk_folders (self);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_in_thread);
  return G_SOURCE_REMOVE;
}

static void
replace (char       **word,
         const char  *text)
{
  g_free (*word);
  *word = g_strdup (text);
}

/* A word edited: the preview shows it at once, the file follows. */
static void
take_edits (CaptionerPreferencesStyle *self)
{
  CaptionerCaptionStyle *style = self->style;
  guint from_left = adw_combo_row_get_selected (self->from_left_row);
  guint credit = adw_combo_row_get_selected (self->credit_row);

  if (self->showing || style == NULL)
    return;
  if (from_left != GTK_INVALID_LIST_POSITION)
    replace (&style->from_left, gtk_string_list_get_string (self->from_left_list, from_left));
  style->serial_comma = gtk_switch_get_active (self->serial_switch);
  replace (&style->conjunction, gtk_editable_get_text (GTK_EDITABLE (self->conjunction_row)));
  for (guint i = 0; i < G_N_ELEMENTS (self->row_rows); i++)
    replace (&style->rows[i], gtk_editable_get_text (GTK_EDITABLE (self->row_rows[i])));
  replace (&style->row_from_left,
           gtk_editable_get_text (GTK_EDITABLE (self->row_from_left_row)));
  for (guint i = 0; i < G_N_ELEMENTS (self->position_rows); i++)
    replace (&style->positions[i],
             gtk_editable_get_text (GTK_EDITABLE (self->position_rows[i])));
  if (credit != GTK_INVALID_LIST_POSITION && credit != (guint) style->credit_style)
    {
      style->credit_style = credit;
      /* The wording that goes with the way chosen, unless the editor wrote one. */
      if (credit == CAPTIONER_CREDIT_PREFIX)
        replace (&style->credit_format, _("Photo: %s"));
      else if (credit == CAPTIONER_CREDIT_SUFFIX)
        replace (&style->credit_format, _("(%s photo)"));
      self->showing = TRUE;
      set_entry (self->credit_format_row, style->credit_format);
      self->showing = FALSE;
    }
  else
    replace (&style->credit_format,
             gtk_editable_get_text (GTK_EDITABLE (self->credit_format_row)));
  gtk_widget_set_visible (GTK_WIDGET (self->credit_format_row),
                          style->credit_style == CAPTIONER_CREDIT_SUFFIX ||
                          style->credit_style == CAPTIONER_CREDIT_PREFIX);
  update_preview (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
on_word_changed_cb (GObject                   *row,
                    GParamSpec                *pspec,
                    CaptionerPreferencesStyle *self)
{
  take_edits (self);
}

static void
on_entry_changed_cb (GtkEditable               *editable,
                     CaptionerPreferencesStyle *self)
{
  take_edits (self);
}

static void
on_settings_changed_cb (GSettings                 *settings,
                        const char                *key,
                        CaptionerPreferencesStyle *self)
{
  if (g_str_equal (key, "caption-style"))
    show_styles (self);
}

static void
captioner_preferences_style_dispose (GObject *object)
{
  CaptionerPreferencesStyle *self = CAPTIONER_PREFERENCES_STYLE (object);

  /* A pending save is done now, in this thread: the editor's words are not lost by closing
   * the window (one small file). */
  if (self->save_id != 0)
    {
      SaveJob job = { self->style, dup_desk_folders (self) };
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&self->save_id, g_source_remove);
      if (!save_and_reload (&job, &error))
        g_warning ("%s", error->message);
      g_ptr_array_unref (job.folders);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_PREFERENCES_STYLE);
  g_clear_object (&self->settings);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->style, captioner_caption_style_free);
  g_clear_pointer (&self->preview, g_free);
  G_OBJECT_CLASS (captioner_preferences_style_parent_class)->dispose (object);
}

static void
captioner_preferences_style_class_init (CaptionerPreferencesStyleClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_preferences_style_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/"
                                               "captioner-preferences-style.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CaptionerPreferencesStyle, name)
  BIND (style_row);
  BIND (style_names);
  BIND (preview_label);
  BIND (from_left_row);
  BIND (from_left_list);
  BIND (serial_switch);
  BIND (conjunction_row);
  BIND (row_from_left_row);
  BIND (credit_row);
  BIND (credit_format_row);
#undef BIND
  for (guint i = 0; i < G_N_ELEMENTS (word_rows); i++)
    gtk_widget_class_bind_template_child_full (widget_class, word_rows[i].id, FALSE,
                                               word_rows[i].offset);
  gtk_widget_class_bind_template_callback (widget_class, on_style_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_word_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
captioner_preferences_style_init (CaptionerPreferencesStyle *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < G_N_ELEMENTS (from_left_choices); i++)
    gtk_string_list_append (self->from_left_list, from_left_choices[i]);
}

void
captioner_preferences_style_set_settings (CaptionerPreferencesStyle *self,
                                          GSettings                 *settings)
{
  g_return_if_fail (CAPTIONER_IS_PREFERENCES_STYLE (self));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self, 0);
  show_styles (self);
}

void
captioner_preferences_style_set_draft (CaptionerPreferencesStyle *self,
                                       CaptionerDraft            *draft)
{
  g_return_if_fail (CAPTIONER_IS_PREFERENCES_STYLE (self));

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);
  /* The editor goes on typing with the window open: the preview follows. */
  if (draft != NULL)
    g_signal_connect_object (draft, "changed", G_CALLBACK (update_preview), self,
                             G_CONNECT_SWAPPED);
  update_preview (self);
}

const char *
captioner_preferences_style_get_preview (CaptionerPreferencesStyle *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PREFERENCES_STYLE (self), NULL);
  return self->preview;
}
