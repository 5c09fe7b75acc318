#define G_LOG_DOMAIN "captioner-application"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-application.h"
#include "captioner-caption-style.h"
#include "captioner-desk-files.h"
#include "captioner-face-detect.h"
#include "captioner-window.h"

struct _CaptionerApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CaptionerApplication, captioner_application, ADW_TYPE_APPLICATION)

static CaptionerWindow *
get_window (CaptionerApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (captioner_window_new (ADW_APPLICATION (self), self->settings));
  return CAPTIONER_WINDOW (window);
}

static void
captioner_application_activate (GApplication *application)
{
  gtk_window_present (GTK_WINDOW (get_window (CAPTIONER_APPLICATION (application))));
}

static void
captioner_application_open (GApplication  *application,
                            GFile        **files,
                            int            n_files,
                            const char    *hint)
{
  CaptionerWindow *window = get_window (CAPTIONER_APPLICATION (application));

  /* Shown first: the window's own first layout is done while the folder is listed, not in
   * the same turn of the main loop as the folder's first screen. */
  gtk_window_present (GTK_WINDOW (window));
  captioner_window_open (window, files, n_files);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (application);

  /* Closing asks the windows, which save (or ask) before they go. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Captioner authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Captioner"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Captioner authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Name the people in news photos and caption them in "
                                       "house style, in standard XMP sidecars"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
load_styles_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GPtrArray *folders = task_data;

  captioner_caption_styles_load ((GFile * const *) folders->pdata, folders->len);
  g_task_return_boolean (task, TRUE);
}

/* The named styles of the user and of the desk folders, read in a worker: at start-up and
 * whenever the desk folders change. */
static void
load_styles (CaptionerApplication *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "desk-folders");
  GPtrArray *folders = captioner_desk_folders_from_strv ((const char * const *) paths);
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_source_tag (task, load_styles);
  g_task_set_task_data (task, folders, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, load_styles_in_thread);
}

static void
on_desk_folders_changed_cb (GSettings            *settings,
                            const char           *key,
                            CaptionerApplication *self)
{
  load_styles (self);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
captioner_application_startup (GApplication *application)
{
  CaptionerApplication *self = CAPTIONER_APPLICATION (application);
  g_autoptr(GAction) autosave = NULL;
  g_autoptr(GAction) faces = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (captioner_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  autosave = g_settings_create_action (self->settings, "autosave");
  g_action_map_add_action (G_ACTION_MAP (self), autosave);
  faces = g_settings_create_action (self->settings, "face-suggestions");
  g_action_map_add_action (G_ACTION_MAP (self), faces);
  g_signal_connect_object (self->settings, "changed::desk-folders",
                           G_CALLBACK (on_desk_folders_changed_cb), self, 0);
  load_styles (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);
}

/* Face detection may still run in a thread: the program ends after it. */
static void
captioner_application_shutdown (GApplication *application)
{
  G_APPLICATION_CLASS (captioner_application_parent_class)->shutdown (application);
  captioner_face_detect_drain ();
}

static void
captioner_application_dispose (GObject *object)
{
  CaptionerApplication *self = CAPTIONER_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (captioner_application_parent_class)->dispose (object);
}

static void
captioner_application_class_init (CaptionerApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_application_dispose;
  app_class->activate = captioner_application_activate;
  app_class->open = captioner_application_open;
  app_class->startup = captioner_application_startup;
  app_class->shutdown = captioner_application_shutdown;
}

static void
captioner_application_init (CaptionerApplication *self)
{
  /* The only GSettings of the program: windows receive it. */
  self->settings = g_settings_new (APP_ID);
}

CaptionerApplication *
captioner_application_new (void)
{
  return g_object_new (CAPTIONER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Captioner",
                       NULL);
}

GSettings *
captioner_application_get_settings (CaptionerApplication *self)
{
  g_return_val_if_fail (CAPTIONER_IS_APPLICATION (self), NULL);
  return self->settings;
}
