#define G_LOG_DOMAIN "captioner-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-caption-check.h"
#include "captioner-preferences-style.h"
#include "captioner-replacements.h"
#include "captioner-preferences-window.h"

struct _CaptionerPreferencesWindow
{
  AdwPreferencesWindow       parent_instance;
  AdwPreferencesGroup       *checks_group;   /* template */
  AdwPreferencesGroup       *folders_group;  /* template */
  AdwEntryRow               *delimiter_row;  /* template */
  GtkSwitch                 *autosave_switch; /* template */
  GtkSwitch                 *faces_switch;   /* template */

  GSettings                 *settings;
  CaptionerPreferencesStyle *style_page;     /* template */
  GPtrArray                 *check_switches; /* GtkSwitch, in the order of checks[] */
  GPtrArray                 *folder_rows;    /* AdwActionRow, one per desk folder */
  GtkFileChooserNative      *chooser;
};

G_DEFINE_FINAL_TYPE (CaptionerPreferencesWindow, captioner_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The checks an editor can turn off; `disabled-checks` holds their ids
 * (captioner_check_kind_to_id). */
static const struct
{
  CaptionerCheckKind  kind;
  const char         *title;
  const char         *subtitle;
} checks[] = {
  { CAPTIONER_CHECK_NAME_MISSING, N_("Tagged Person Not Named"),
    N_("A boxed and named person whose name is not in the caption") },
  { CAPTIONER_CHECK_NAME_ORDER, N_("Names Out of Order"),
    N_("The caption names people in another order than the boxes") },
  { CAPTIONER_CHECK_UNNAMED_BOX, N_("Box Without a Name"), NULL },
  { CAPTIONER_CHECK_NOT_TAGGED, N_("Known Person Not Boxed"),
    N_("A name from the people directory in the caption, with no box") },
  { CAPTIONER_CHECK_UNEXPANDED_CODE, N_("Code Not Expanded"),
    N_("A code replacement left as typed") },
  { CAPTIONER_CHECK_TOO_LONG, N_("Over the IPTC Length Limits"),
    N_("Caption 2000 bytes, headline 256, credit, byline and city 32") },
  { CAPTIONER_CHECK_NOT_A_CAPTION, N_("Only a Credit or Camera Text"), NULL },
  { CAPTIONER_CHECK_NO_CREDIT, N_("Missing Credit"), NULL },
  { CAPTIONER_CHECK_SPELLING, N_("Spelling"), N_("Words the dictionaries do not know") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (checks) == CAPTIONER_CHECK_N_KINDS);

static gboolean
strv_has (char       **strv,
          const char  *id)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, id);
}

static void
show_checks (CaptionerPreferencesWindow *self)
{
  g_auto(GStrv) disabled = g_settings_get_strv (self->settings, "disabled-checks");

  for (guint i = 0; i < self->check_switches->len; i++)
    {
      GtkSwitch *toggle = g_ptr_array_index (self->check_switches, i);
      gboolean active = !strv_has (disabled, captioner_check_kind_to_id (checks[i].kind));

      if (gtk_switch_get_active (toggle) != active)
        gtk_switch_set_active (toggle, active);
    }
}

static void
on_check_switch_active_cb (GtkSwitch                  *toggle,
                           GParamSpec                 *pspec,
                           CaptionerPreferencesWindow *self)
{
  g_auto(GStrv) disabled = g_settings_get_strv (self->settings, "disabled-checks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  guint index;
  gboolean active = gtk_switch_get_active (toggle);

  if (!g_ptr_array_find (self->check_switches, toggle, &index) ||
      strv_has (disabled, captioner_check_kind_to_id (checks[index].kind)) == !active)
    return;
  /* Another program's ids stay as they are. */
  for (guint i = 0; disabled[i] != NULL; i++)
    if (!g_str_equal (disabled[i], captioner_check_kind_to_id (checks[index].kind)))
      g_strv_builder_add (builder, disabled[i]);
  if (!active)
    g_strv_builder_add (builder, captioner_check_kind_to_id (checks[index].kind));
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "disabled-checks", (const char * const *) result);
}

static void
add_checks (CaptionerPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(checks[i].title));
      if (checks[i].subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(checks[i].subtitle));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(checks[i].title), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->checks_group, row);
      g_ptr_array_add (self->check_switches, toggle);
    }
  show_checks (self);
  for (guint i = 0; i < self->check_switches->len; i++)
    g_signal_connect_object (g_ptr_array_index (self->check_switches, i), "notify::active",
                             G_CALLBACK (on_check_switch_active_cb), self, 0);
}

static void
set_folders (CaptionerPreferencesWindow *self,
             GStrvBuilder               *builder)
{
  g_auto(GStrv) folders = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "desk-folders", (const char * const *) folders);
}

static void
on_remove_folder_clicked_cb (GtkButton                  *button,
                             CaptionerPreferencesWindow *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "desk-folders");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *removed = g_object_get_data (G_OBJECT (button), "folder");

  for (guint i = 0; folders[i] != NULL; i++)
    if (!g_str_equal (folders[i], removed))
      g_strv_builder_add (builder, folders[i]);
  set_folders (self, builder);
}

static void
show_folders (CaptionerPreferencesWindow *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "desk-folders");

  for (guint i = 0; i < self->folder_rows->len; i++)
    adw_preferences_group_remove (self->folders_group, g_ptr_array_index (self->folder_rows, i));
  g_ptr_array_set_size (self->folder_rows, 0);
  if (folders[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No Desk Folders"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Only your own people, codes, templates and styles"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->folders_group, row);
      g_ptr_array_add (self->folder_rows, row);
    }
  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (folders[i]);
      g_autofree char *name = g_file_get_parse_name (file);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* TRANSLATORS: a button's name for screen readers; %s is a folder */
      g_autofree char *label = g_strdup_printf (_("Stop Reading %s"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Stop reading this folder"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data_full (G_OBJECT (remove), "folder", g_strdup (folders[i]), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_folder_clicked_cb),
                               self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->folders_group, row);
      g_ptr_array_add (self->folder_rows, row);
    }
}

static void
on_chooser_response_cb (GtkNativeDialog            *chooser,
                        int                         response,
                        CaptionerPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    {
      g_auto(GStrv) folders = g_settings_get_strv (self->settings, "desk-folders");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree char *path = g_file_get_path (folder);
      g_autofree char *value = path != NULL ? g_steal_pointer (&path) : g_file_get_uri (folder);

      g_strv_builder_addv (builder, (const char **) folders);
      if (!strv_has (folders, value))
        g_strv_builder_add (builder, value);
      set_folders (self, builder);
    }
  g_clear_object (&self->chooser);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CaptionerPreferencesWindow *self = CAPTIONER_PREFERENCES_WINDOW (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add a Desk Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Add"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_settings_changed_cb (GSettings                  *settings,
                        const char                 *key,
                        CaptionerPreferencesWindow *self)
{
  if (g_str_equal (key, "disabled-checks"))
    show_checks (self);
  else if (g_str_equal (key, "desk-folders"))
    show_folders (self);
  else if (g_str_equal (key, "code-delimiter"))
    {
      g_autofree char *delimiter = g_settings_get_string (settings, key);

      gtk_editable_set_text (GTK_EDITABLE (self->delimiter_row), delimiter);
    }
}

static void
on_delimiter_row_apply_cb (AdwEntryRow                *row,
                           CaptionerPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!captioner_replacements_delimiter_is_valid (text))
    {
      g_autofree char *delimiter = g_settings_get_string (self->settings, "code-delimiter");
      AdwToast *toast = adw_toast_new (_("A code delimiter is one character that is neither a "
                                         "letter, a digit nor a space"));

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      gtk_editable_set_text (GTK_EDITABLE (row), delimiter);
      return;
    }
  g_settings_set_string (self->settings, "code-delimiter", text);
}

static void
captioner_preferences_window_dispose (GObject *object)
{
  CaptionerPreferencesWindow *self = CAPTIONER_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->check_switches, g_ptr_array_unref);
  g_clear_pointer (&self->folder_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (captioner_preferences_window_parent_class)->dispose (object);
}

static void
captioner_preferences_window_class_init (CaptionerPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CAPTIONER_TYPE_PREFERENCES_STYLE);
  G_OBJECT_CLASS (klass)->dispose = captioner_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/"
                                               "captioner-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreferencesWindow, checks_group);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreferencesWindow, folders_group);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreferencesWindow, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreferencesWindow,
                                        autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreferencesWindow, faces_switch);
  gtk_widget_class_bind_template_child (widget_class, CaptionerPreferencesWindow, style_page);
  gtk_widget_class_bind_template_callback (widget_class, on_delimiter_row_apply_cb);
  gtk_widget_class_install_action (widget_class, "prefs.add-folder", NULL, add_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
captioner_preferences_window_init (CaptionerPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->check_switches = g_ptr_array_new ();
  self->folder_rows = g_ptr_array_new ();
}

GtkWidget *
captioner_preferences_window_new (GtkWindow *parent,
                                  GSettings *settings)
{
  CaptionerPreferencesWindow *self;
  g_autofree char *delimiter = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CAPTIONER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "face-suggestions", self->faces_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  delimiter = g_settings_get_string (settings, "code-delimiter");
  gtk_editable_set_text (GTK_EDITABLE (self->delimiter_row), delimiter);
  add_checks (self);
  show_folders (self);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self, 0);
  captioner_preferences_style_set_settings (self->style_page, settings);
  return GTK_WIDGET (self);
}

void
captioner_preferences_window_set_draft (CaptionerPreferencesWindow *self,
                                        CaptionerDraft             *draft)
{
  g_return_if_fail (CAPTIONER_IS_PREFERENCES_WINDOW (self));
  captioner_preferences_style_set_draft (self->style_page, draft);
}

const char *
captioner_preferences_window_get_preview (CaptionerPreferencesWindow *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PREFERENCES_WINDOW (self), NULL);
  return captioner_preferences_style_get_preview (self->style_page);
}
