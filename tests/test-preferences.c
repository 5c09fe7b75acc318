#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "captioner-caption.h"
#include "captioner-person.h"
#include "captioner-preferences-window.h"
#include "window-test-util.h"

/* The preferences window as an editor uses it: each switch and word changes the setting the
 * rest of the program follows, and the caption preview follows the style. */

typedef struct
{
  Desk       desk;
  GSettings *settings;   /* the window's */
  GtkWidget *window;     /* the preferences window */
} Prefs;

static const char * const keys[] = {
  "disabled-checks", "desk-folders", "code-delimiter", "caption-style",
};

static GtkWidget *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (CAPTIONER_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* The window on a folder, its Preferences opened as the menu (or Ctrl+,) does. */
static void
set_up (Prefs         *prefs,
        gconstpointer  data)
{
  desk_set_up (&prefs->desk, data);
  desk_open_folder (&prefs->desk);
  prefs->settings = prefs->desk.settings;
  desk_activate (&prefs->desk, "win.preferences");
  prefs->window = find_preferences ();
  g_assert_nonnull (prefs->window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs->window)) ==
                 GTK_WINDOW (prefs->desk.window));
  /* Once: a second Ctrl+, shows the same one. */
  desk_activate (&prefs->desk, "win.preferences");
  g_assert_true (find_preferences () == prefs->window);
}

static void
tear_down (Prefs         *prefs,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (prefs->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The memory settings backend lives as long as the program. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (prefs->settings, keys[i]);
  desk_tear_down (&prefs->desk, data);
}

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
row (Prefs      *prefs,
     const char *title)
{
  GtkWidget *found = widget_find (prefs->window, has_title, title);

  g_assert_nonnull (found);
  return found;
}

static GtkSwitch *
row_switch (Prefs      *prefs,
            const char *title)
{
  return GTK_SWITCH (widget_find_type (row (prefs, title), GTK_TYPE_SWITCH, NULL));
}

static char *
joined (Prefs      *prefs,
        const char *key)
{
  g_auto(GStrv) strv = g_settings_get_strv (prefs->settings, key);

  return g_strjoinv (",", strv);
}

static void
test_checks (Prefs         *prefs,
             gconstpointer  data)
{
  GtkSwitch *spelling = row_switch (prefs, "Spelling");
  GtkSwitch *credit = row_switch (prefs, "Missing Credit");
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *back = NULL;

  g_assert_true (gtk_switch_get_active (spelling));
  gtk_switch_set_active (spelling, FALSE);
  one = joined (prefs, "disabled-checks");
  g_assert_cmpstr (one, ==, "spelling");
  /* A click on the row, its page shown. */
  adw_preferences_window_set_visible_page (
    ADW_PREFERENCES_WINDOW (prefs->window),
    ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (credit),
                                                   ADW_TYPE_PREFERENCES_PAGE)));
  adw_action_row_activate (ADW_ACTION_ROW (row (prefs, "Missing Credit")));
  /* The switch slides over first. */
  WIDGET_WAIT_UNTIL (!gtk_switch_get_active (credit), 10);
  two = joined (prefs, "disabled-checks");
  g_assert_cmpstr (two, ==, "spelling,no-credit");
  gtk_switch_set_active (spelling, TRUE);
  back = joined (prefs, "disabled-checks");
  g_assert_cmpstr (back, ==, "no-credit");

  /* Changed elsewhere (gsettings, another window): the switches follow. */
  g_settings_reset (prefs->settings, "disabled-checks");
  g_assert_true (gtk_switch_get_active (credit));
}

static void
test_switches (Prefs         *prefs,
               gconstpointer  data)
{
  gtk_switch_set_active (row_switch (prefs, "Save Automatically"), FALSE);
  g_assert_false (g_settings_get_boolean (prefs->settings, "autosave"));
  g_settings_set_boolean (prefs->settings, "face-suggestions", FALSE);
  g_assert_false (gtk_switch_get_active (row_switch (prefs, "Suggest Faces")));
}

static void
test_delimiter (Prefs         *prefs,
                gconstpointer  data)
{
  GtkWidget *entry = row (prefs, "Code Delimiter");
  g_autofree char *kept = NULL;
  g_autofree char *taken = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "=");
  /* A letter would eat words: refused, the old one shown again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "x");
  g_signal_emit_by_name (entry, "apply");
  kept = g_settings_get_string (prefs->settings, "code-delimiter");
  g_assert_cmpstr (kept, ==, "=");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "=");
  gtk_editable_set_text (GTK_EDITABLE (entry), ";");
  g_signal_emit_by_name (entry, "apply");
  taken = g_settings_get_string (prefs->settings, "code-delimiter");
  g_assert_cmpstr (taken, ==, ";");
}

static void
test_desk_folders (Prefs         *prefs,
                   gconstpointer  data)
{
  static const char * const folders[] = { "/srv/desk/politics", "/srv/desk/sport", NULL };
  g_autofree char *left = NULL;
  GtkWidget *remove;

  g_settings_set_strv (prefs->settings, "desk-folders", folders);
  remove = widget_find_type (row (prefs, "/srv/desk/politics"), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (row (prefs, "/srv/desk/sport"));
  g_signal_emit_by_name (remove, "clicked");
  left = joined (prefs, "desk-folders");
  g_assert_cmpstr (left, ==, "/srv/desk/sport");
  g_assert_null (widget_find (prefs->window, has_title, "/srv/desk/politics"));
}

static void
select_style (Prefs      *prefs,
              const char *name)
{
  AdwComboRow *combo = ADW_COMBO_ROW (row (prefs, "Style"));
  GListModel *names = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name))
      {
        adw_combo_row_set_selected (combo, i);
        return;
      }
  g_assert_not_reached ();
}

/* The shown photo's caption in the style being chosen, and a word changed: the preview shows
 * it as it is typed, the style is saved as the user's own and captions take it. */
static void
test_style_preview (Prefs         *prefs,
                    gconstpointer  data)
{
  CaptionerPreferencesWindow *window = CAPTIONER_PREFERENCES_WINDOW (prefs->window);
  GtkEditable *conjunction;
  g_autofree char *chosen = NULL;
  g_autoptr(GFile) user_file = captioner_caption_style_dup_user_file ("ap");

  desk_tag (&prefs->desk, 0.1, 0.2, 0.3, 0.6, "Sergei Lavrov");
  desk_tag (&prefs->desk, 0.6, 0.2, 0.8, 0.6, "Hakan Fidan");
  desk_set_body (&prefs->desk, "meet in Antalya.");
  desk_set_field (&prefs->desk, CAPTIONER_FIELD_CREDIT, "AP");
  desk_set_field (&prefs->desk, CAPTIONER_FIELD_BYLINE, "Jane Doe");
  g_assert_cmpstr (captioner_preferences_window_get_preview (window), ==,
                   "From left, Sergei Lavrov and Hakan Fidan meet in Antalya. (AP photo)");

  select_style (prefs, "Associated Press");
  chosen = g_settings_get_string (prefs->settings, "caption-style");
  g_assert_cmpstr (chosen, ==, "ap");
  g_assert_cmpstr (captioner_preferences_window_get_preview (window), ==,
                   "From left, Sergei Lavrov and Hakan Fidan meet in Antalya. "
                   "(AP Photo/Jane Doe)");

  conjunction = GTK_EDITABLE (row (prefs, "Conjunction"));
  g_assert_cmpstr (gtk_editable_get_text (conjunction), ==, "and");
  gtk_editable_set_text (conjunction, "&");
  g_assert_cmpstr (captioner_preferences_window_get_preview (window), ==,
                   "From left, Sergei Lavrov & Hakan Fidan meet in Antalya. (AP Photo/Jane Doe)");
  /* Saved a moment later as the user's copy, which captions then take. */
  DESK_WAIT_UNTIL (g_file_query_exists (user_file, NULL) &&
                   g_strcmp0 (captioner_caption_style_lookup ("ap")->conjunction, "&") == 0);

  /* Back to the bundled default: its own words again. */
  select_style (prefs, "Default");
  g_assert_cmpstr (gtk_editable_get_text (conjunction), ==, "and");
  g_file_delete (user_file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = desk_init (&argc, &argv);
  int status;

  g_test_add ("/captioner/preferences/checks", Prefs, NULL, set_up, test_checks, tear_down);
  g_test_add ("/captioner/preferences/switches", Prefs, NULL, set_up, test_switches, tear_down);
  g_test_add ("/captioner/preferences/delimiter", Prefs, NULL, set_up, test_delimiter,
              tear_down);
  g_test_add ("/captioner/preferences/desk-folders", Prefs, NULL, set_up, test_desk_folders,
              tear_down);
  g_test_add ("/captioner/preferences/style-preview", Prefs, NULL, set_up, test_style_preview,
              tear_down);
  status = g_test_run ();
  desk_finish (home);
  return status;
}
