#define G_LOG_DOMAIN "captioner-window"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-caption.h"
#include "captioner-desk-files.h"
#include "captioner-editable.h"
#include "captioner-field-completer.h"
#include "captioner-person.h"
#include "captioner-window-private.h"

/* What makes the second frame of a line-up nearly free: the people directory behind the name
 * entry, codes expanded in every text field, templates, copy and paste of a photo's caption
 * and people, and the previous photo's next person offered for a new box. */

static const CaptionerField expanded_fields[] = {
  CAPTIONER_FIELD_CREDIT, CAPTIONER_FIELD_BYLINE, CAPTIONER_FIELD_HEADLINE,
  CAPTIONER_FIELD_EVENT, CAPTIONER_FIELD_CITY, CAPTIONER_FIELD_COUNTRY,
};

/* The fields that complete from the folder's values and those used this session. */
static const CaptionerField completed_fields[] = {
  CAPTIONER_FIELD_CREDIT, CAPTIONER_FIELD_BYLINE, CAPTIONER_FIELD_EVENT, CAPTIONER_FIELD_CITY,
  CAPTIONER_FIELD_COUNTRY, CAPTIONER_FIELD_SUB_LOCATION, CAPTIONER_FIELD_CAPTION_WRITER,
  CAPTIONER_FIELD_STATE, CAPTIONER_FIELD_SOURCE,
};

static char **
folder_values (CaptionerFieldCompleter *completer,
               gpointer                 window)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (window);
  CaptionerField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (completer), "field"));

  return captioner_desk_dup_values (self->desk, field);
}

static void
fill_templates_menu (CaptionerWindow *self)
{
  GPtrArray *templates = captioner_assists_get_templates (self->assists);

  g_menu_remove_all (self->templates_section);
  for (guint i = 0; i < templates->len; i++)
    {
      const char *name = captioner_template_get_name (g_ptr_array_index (templates, i));
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.apply-template", "s", name);
      g_menu_append_item (self->templates_section, item);
    }
  if (templates->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Templates"), "win.no-templates");

      g_menu_append_item (self->templates_section, item);
    }
}

/* A people or codes file that cannot be read: the rest works, the editor is told which. */
static void
on_assists_loaded_cb (CaptionerAssists *assists,
                      const char       *problem,
                      CaptionerWindow  *self)
{
  CaptionerPeopleDirectory *directory = captioner_assists_get_directory (assists);
  g_auto(GStrv) names = captioner_desk_dup_known_names (self->desk);

  if (directory != NULL)
    captioner_people_directory_add_session_names (directory, (const char * const *) names);
  captioner_photo_view_set_directory (self->photo_view, directory);
  fill_templates_menu (self);
  if (problem != NULL)
    captioner_window_toast (self, problem);
}

/* Names the editor confirmed by saving are offered from then on, in every folder: the people
 * directory adds those it does not know to the user's people.txt (names alone, merged with
 * what is on disk, every other column kept). The credit, city... saved are offered first by
 * their fields for the rest of the session. */
static void
on_saved_cb (CaptionerDesk     *desk,
             CaptionerDeskItem *item,
             CaptionerWindow   *self)
{
  CaptionerPeopleDirectory *directory = captioner_assists_get_directory (self->assists);
  CaptionerPhoto *photo = captioner_desk_item_get_photo (item);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  const CaptionerMetadata *saved;

  if (photo == NULL)
    return;
  saved = captioner_photo_get_metadata (photo);
  for (guint i = 0; i < G_N_ELEMENTS (completed_fields); i++)
    captioner_field_completer_remember (
      captioner_field_completer_get (captioner_caption_panel_get_field_editable (
                                       self->caption_panel, completed_fields[i])),
      captioner_metadata_get (saved, completed_fields[i]));
  if (directory == NULL)
    return;
  for (guint i = 0; i < saved->people->len; i++)
    g_strv_builder_add (builder, ((CaptionerPerson *) g_ptr_array_index (saved->people, i))->name);
  names = g_strv_builder_end (builder);
  if (names[0] != NULL)
    captioner_people_directory_remember_async (directory, (const char * const *) names, NULL,
                                               NULL, NULL);
}

void
captioner_window_assists_init (CaptionerWindow *self)
{
  CaptionerCodeExpander *expander;
  CaptionerSpellChecker *spell_checker;

  self->assists = captioner_assists_new ();
  expander = captioner_assists_get_expander (self->assists);
  for (guint i = 0; i < G_N_ELEMENTS (expanded_fields); i++)
    captioner_code_expander_attach_editable (
      expander, captioner_caption_panel_get_field_editable (self->caption_panel,
                                                            expanded_fields[i]));
  captioner_code_expander_attach_buffer (
    expander, gtk_text_view_get_buffer (captioner_caption_panel_get_body_view (self->caption_panel)));
  captioner_code_expander_attach_editable (expander,
                                           captioner_photo_view_get_name_entry (self->photo_view));
  captioner_code_expander_attach_editable (
    expander, captioner_caption_panel_get_language_body (self->caption_panel));
  for (guint i = 0; i < G_N_ELEMENTS (completed_fields); i++)
    {
      CaptionerFieldCompleter *completer = captioner_field_completer_attach (
        captioner_caption_panel_get_field_editable (self->caption_panel, completed_fields[i]),
        folder_values, self);

      g_object_set_data (G_OBJECT (completer), "field", GINT_TO_POINTER (completed_fields[i]));
    }
  spell_checker = captioner_assists_get_spell_checker (self->assists);
  captioner_spell_checker_attach_view (spell_checker,
                                       captioner_caption_panel_get_body_view (self->caption_panel));
  captioner_spell_checker_attach_text (spell_checker,
                                       captioner_editable_get_text (captioner_caption_panel_get_field_editable (
                                                  self->caption_panel, CAPTIONER_FIELD_HEADLINE)));
  /* The other language's words are checked in their script's dictionary (Armenian's, with
   * myspell-hy). */
  captioner_spell_checker_attach_text (spell_checker,
                                       captioner_editable_get_text (
                                         captioner_caption_panel_get_language_body (self->caption_panel)));
  g_signal_connect_object (self->assists, "loaded", G_CALLBACK (on_assists_loaded_cb), self, 0);
  g_signal_connect_object (self->desk, "saved", G_CALLBACK (on_saved_cb), self, 0);
  fill_templates_menu (self);
}

/* The desk folders and the codes' delimiter are preferences: a change reads the files again. */
static void
load_assists (CaptionerWindow *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "desk-folders");
  g_autofree char *delimiter = g_settings_get_string (self->settings, "code-delimiter");
  g_autoptr(GPtrArray) desks = captioner_desk_folders_from_strv ((const char * const *) folders);

  captioner_assists_set_sources (self->assists, (GFile * const *) desks->pdata, desks->len,
                                 delimiter);
  captioner_assists_load_async (self->assists, NULL, NULL, NULL);
}

static void
on_sources_changed_cb (GSettings       *settings,
                       const char      *key,
                       CaptionerWindow *self)
{
  load_assists (self);
}

void
captioner_window_assists_load (CaptionerWindow *self)
{
  g_signal_connect_object (self->settings, "changed::desk-folders",
                           G_CALLBACK (on_sources_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::code-delimiter",
                           G_CALLBACK (on_sources_changed_cb), self, 0);
  load_assists (self);
}

void
captioner_window_assists_dispose (CaptionerWindow *self)
{
  g_clear_object (&self->assists);
}

/* The photo before the shown one as the editor sees it (its unsaved draft, else what is on
 * disk), with its orientation; NULL when there is none. The item is kept in @item. */
static const CaptionerMetadata *
previous_seen (CaptionerWindow     *self,
               CaptionerPhotoItem **item,
               int                 *orientation)
{
  const CaptionerMetadata *seen;
  CaptionerPhoto *photo;

  *item = NULL;
  if (self->shown_position == GTK_INVALID_LIST_POSITION || self->shown_position == 0)
    return NULL;
  *item = g_list_model_get_item (G_LIST_MODEL (self->photos), self->shown_position - 1);
  photo = *item != NULL ? captioner_photo_item_get_photo (*item) : NULL;
  if (photo == NULL)
    return NULL;
  *orientation = captioner_photo_get_orientation (photo);
  seen = captioner_photo_item_get_draft (*item);
  return seen != NULL ? seen : captioner_photo_get_metadata (photo);
}

void
captioner_window_update_suggestion (CaptionerWindow *self)
{
  CaptionerDraft *draft = captioner_window_get_current_draft (self);
  g_autoptr(CaptionerPhotoItem) previous = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) previous_people = NULL;
  const CaptionerMetadata *seen = NULL;
  int orientation = 1;

  /* The shown photo's people and places are never misspelled. */
  if (draft != NULL)
    names = captioner_speller_dup_names (captioner_draft_get_metadata (draft));
  captioner_spell_checker_set_names (captioner_assists_get_spell_checker (self->assists),
                                     (const char * const *) names);
  if (draft != NULL)
    seen = previous_seen (self, &previous, &orientation);
  if (seen != NULL)
    {
      name = captioner_draft_dup_next_person (draft, seen, orientation);
      previous_people = captioner_caption_dup_names (seen, orientation);
    }
  captioner_photo_view_set_suggested_name (self->photo_view, name);
  captioner_photo_view_set_previous_people (self->photo_view,
                                            (const char * const *) previous_people);
}

static void
copy_caption_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);
  CaptionerDraft *draft = captioner_window_get_current_draft (self);

  if (draft == NULL)
    return;
  captioner_assists_copy (self->assists, captioner_draft_get_metadata (draft),
                          captioner_draft_get_orientation (draft));
  captioner_window_update_actions (self);
  captioner_window_toast (self, _("Caption, fields and people copied"));
}

static void
paste_caption_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);
  CaptionerDraft *draft = captioner_window_get_current_draft (self);
  const CaptionerMetadata *copied;
  g_autoptr(GPtrArray) items = NULL;
  int orientation = 1;

  copied = captioner_assists_get_copied (self->assists, &orientation);
  if (draft == NULL || copied == NULL)
    return;
  items = captioner_window_batch_dup_items (self);
  if (items != NULL)
    {
      /* Several photos selected: their fields; their people stay each photo's. */
      g_autoptr(CaptionerBatch) batch = captioner_batch_new_paste (self->desk, items, copied,
                                                                   orientation,
                                                                   CAPTIONER_PASTE_FIELDS);

      captioner_window_batch_run (self, batch);
      return;
    }
  /* win.paste-fields: the same people in a new order are boxed again, numbers picking them. */
  captioner_draft_paste (draft, copied, orientation,
                         g_str_equal (action_name, "win.paste-fields") ? CAPTIONER_PASTE_FIELDS
                                                                       : CAPTIONER_PASTE_ALL);
}

static void
apply_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);
  CaptionerDraft *draft = captioner_window_get_current_draft (self);
  const char *name = g_variant_get_string (parameter, NULL);
  CaptionerTemplate *template = captioner_assists_find_template (self->assists, name);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  if (draft == NULL || template == NULL || self->current == NULL)
    return;
  items = captioner_window_batch_dup_items (self);
  if (items != NULL)
    {
      g_autoptr(CaptionerBatch) batch = captioner_batch_new_template (
                                          self->desk, items, template,
                                          CAPTIONER_TEMPLATE_APPLY_DEFAULT);

      captioner_window_batch_run (self, batch);
      /* TRANSLATORS: %s is a template's name, %u how many photos are selected */
      message = g_strdup_printf (ngettext ("“%s” applied to %u photo", "“%s” applied to %u photos",
                                           items->len), name, items->len);
      captioner_window_toast (self, message);
      return;
    }
  n = captioner_draft_apply_template (draft, template,
                                      captioner_photo_item_get_file (self->current),
                                      CAPTIONER_TEMPLATE_APPLY_DEFAULT);
  /* TRANSLATORS: %s is a template's name */
  message = n > 0 ? g_strdup_printf (ngettext ("“%s” changed %u field", "“%s” changed %u fields",
                                               n), name, n)
                  : g_strdup_printf (_("“%s” changed nothing here"), name);
  captioner_window_toast (self, message);
}

/* The same line-up as the previous photo (a series from one photographer): the faces found
 * here are named with its people in their order, and its words and fields copied, in one
 * undo step; refused, and said why, when the counts differ. */
static void
same_people_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);
  CaptionerDraft *draft = captioner_window_get_current_draft (self);
  g_autoptr(CaptionerPhotoItem) previous = NULL;
  g_autoptr(GArray) faces = NULL;
  g_autofree char *message = NULL;
  const CaptionerMetadata *seen;
  int orientation = 1;
  guint n_people = 0;

  if (draft == NULL || (seen = previous_seen (self, &previous, &orientation)) == NULL)
    return;
  faces = captioner_photo_view_dup_suggestions (self->photo_view);
  if (captioner_draft_apply_lineup (draft, seen, orientation,
                                    (const CaptionerRect *) faces->data, faces->len, &n_people))
    message = g_strdup_printf (ngettext ("%u person named as on the previous photo: check the "
                                         "caption",
                                         "%u people named as on the previous photo: check the "
                                         "caption", n_people), n_people);
  else if (n_people == 0)
    message = g_strdup (_("The previous photo has nobody boxed and named to copy"));
  else
    /* TRANSLATORS: "The previous photo has 5 people and this one 4 faces found: nothing changed" */
    message = g_strdup_printf (_("The previous photo has %u people and this one %u faces found: "
                                 "nothing changed"), n_people, faces->len);
  captioner_window_toast (self, message);
}

/* Keys to the caption's words and the first field, wherever the focus is (the photo, a box's
 * name, the grid). */
static void
focus_caption_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (captioner_caption_panel_get_body_view (self->caption_panel)));
}

static void
focus_credit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CaptionerWindow *self = CAPTIONER_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (captioner_caption_panel_get_field_editable (
                                       self->caption_panel, CAPTIONER_FIELD_CREDIT)));
}

void
captioner_window_class_init_assists (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.focus-caption", NULL,
                                   focus_caption_action);
  gtk_widget_class_install_action (widget_class, "win.focus-credit", NULL, focus_credit_action);
  gtk_widget_class_bind_template_child (widget_class, CaptionerWindow, templates_section);
  gtk_widget_class_install_action (widget_class, "win.copy-caption", NULL, copy_caption_action);
  gtk_widget_class_install_action (widget_class, "win.paste-caption", NULL,
                                   paste_caption_action);
  gtk_widget_class_install_action (widget_class, "win.paste-fields", NULL, paste_caption_action);
  gtk_widget_class_install_action (widget_class, "win.same-people", NULL, same_people_action);
  gtk_widget_class_install_action (widget_class, "win.apply-template", "s",
                                   apply_template_action);
}
