#include "config.h"

#include "widget-test-util.h"
#include "window-test-util.h"

/* The wire's fields in the window: a wire photo's Object Name, urgency and categories shown
 * in the fields section (the Object Name on the folded row too), edited there, and saved
 * change-only: what the editor did not touch stays as the wire sent it. */

static void
run_exiftool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

static void
test_wire_fields (Desk          *desk,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (desk->dir, "a-summit.jpg", NULL);
  g_autofree char *program = g_find_program_in_path ("exiftool");
  g_autofree char *title = NULL;
  g_autofree char *urgency = NULL;
  g_autofree char *writer = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *source = NULL;
  g_autofree char *state = NULL;
  const char *argv[] = { program, "-q", "-overwrite_original",
                         "-IPTC:Caption-Abstract=A speaker addresses a news conference.",
                         "-IPTC:ObjectName=IRAN-CAUCASUS/MEETING", "-IPTC:Urgency=2",
                         "-IPTC:Category=POL", "-IPTC:SupplementalCategories=Politics",
                         "-IPTC:SupplementalCategories=Diplomacy", "-IPTC:Writer-Editor=RH",
                         "-IPTC:Source=Pool", "-IPTC:Province-State=Tehran Province",
                         path, NULL };
  GtkWidget *expander;

  run_exiftool (argv);
  desk_open_folder (desk);
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_TITLE), ==, "IRAN-CAUCASUS/MEETING");
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_URGENCY), ==, "2");
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_CATEGORY), ==, "POL");
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES), ==,
                   "Politics; Diplomacy");
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_CAPTION_WRITER), ==, "RH");
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_SOURCE), ==, "Pool");
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_STATE), ==, "Tehran Province");
  expander = widget_find_type (GTK_WIDGET (desk_panel (desk)), ADW_TYPE_EXPANDER_ROW, NULL);
  g_assert_nonnull (expander);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "IRAN-CAUCASUS/MEETING");

  /* Only the urgency, the caption writer and the source change; the rest stays the wire's. */
  desk_set_field (desk, CAPTIONER_FIELD_URGENCY, "1");
  desk_set_field (desk, CAPTIONER_FIELD_CAPTION_WRITER, "RH/AB");
  desk_set_field (desk, CAPTIONER_FIELD_SOURCE, "Reuters");
  desk_activate (desk, "win.save");
  DESK_WAIT_UNTIL (!captioner_window_is_busy (desk->window) &&
                   captioner_photo_item_get_state (desk_item_at (desk, 0)) ==
                   CAPTIONER_PHOTO_STATE_CAPTIONED);
  urgency = desk_exiftool (desk->dir, "-XMP-photoshop:Urgency", "a-summit.jpg.xmp");
  writer = desk_exiftool (desk->dir, "-XMP-photoshop:CaptionWriter", "a-summit.jpg.xmp");
  g_assert_cmpstr (urgency, ==, "1 (most urgent)");
  g_assert_cmpstr (writer, ==, "RH/AB");
  source = desk_exiftool (desk->dir, "-XMP-photoshop:Source", "a-summit.jpg.xmp");
  g_assert_cmpstr (source, ==, "Reuters");
  state = desk_exiftool (desk->dir, "-IPTC:Province-State", "a-summit.jpg");
  g_assert_cmpstr (state, ==, "Tehran Province");
  title = desk_exiftool (desk->dir, "-IPTC:ObjectName", "a-summit.jpg");
  categories = desk_exiftool (desk->dir, "-IPTC:SupplementalCategories", "a-summit.jpg");
  g_assert_cmpstr (title, ==, "IRAN-CAUCASUS/MEETING");
  g_assert_cmpstr (categories, ==, "Politics, Diplomacy");
  g_assert_cmpstr (desk_field_text (desk, CAPTIONER_FIELD_TITLE), ==, "IRAN-CAUCASUS/MEETING");
}

/* The app icon is in the UI's resources where GtkApplication points the icon theme
 * (resource base path + /icons), so the About window shows it from the build tree too. */
static void
test_icon_in_resources (Desk          *desk,
                        gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gsize size = 0;

  g_assert_true (g_resources_get_info ("/org/example/Captioner/icons/scalable/apps/"
                                       "org.example.Captioner.svg",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &size, NULL, NULL));
  g_assert_cmpuint (size, >, 0);
  gtk_icon_theme_add_resource_path (theme, "/org/example/Captioner/icons");
  g_assert_true (gtk_icon_theme_has_icon (theme, "org.example.Captioner"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = desk_init (&argc, &argv);
  int status;

  g_test_add ("/captioner/window/wire-fields", Desk, NULL, desk_set_up, test_wire_fields,
              desk_tear_down);
  g_test_add ("/captioner/window/icon-in-resources", Desk, NULL, desk_set_up,
              test_icon_in_resources, desk_tear_down);
  status = g_test_run ();
  desk_finish (home);
  return status;
}
