#define G_LOG_DOMAIN "captioner-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#ifdef CAPTIONER_SANITIZED
#include <sanitizer/common_interface_defs.h>
#endif

#include "captioner-cli-check.h"
#include "captioner-cli-detect.h"
#include "captioner-i18n.h"
#include "captioner-cli-commands.h"
#include "captioner-cli-export.h"
#include "captioner-cli-people.h"
#include "captioner-cli-styles.h"

static FILE *user_stderr;

FILE *
captioner_cli_stderr (void)
{
  return user_stderr ? user_stderr : stderr;
}

char *
captioner_cli_dup_setting_string (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, key);
}

static GLogWriterOutput
write_log_to_user_stderr (GLogLevelFlags   log_level,
                          const GLogField *fields,
                          gsize            n_fields,
                          gpointer         user_data)
{
  g_autofree char *line = NULL;
  const char *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
  if (g_log_writer_default_would_drop (log_level, domain))
    return G_LOG_WRITER_HANDLED;
  line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);
  fprintf (captioner_cli_stderr (), "%s\n", line);
  fflush (captioner_cli_stderr ());
  return G_LOG_WRITER_HANDLED;
}

/* exempi reports problems it has already returned as errors on std::cerr, and libexif on
 * stderr: a damaged file would print lines we do not control. Keep the user's stderr for our
 * one line per file (and GLib's own warnings, and sanitizer reports in a sanitized build), and
 * point fd 2 at /dev/null for the rest. CAPTIONER_DEBUG=1 keeps everything. */
static void
quiet_library_stderr (void)
{
  int saved, null_fd;

  if (g_getenv ("CAPTIONER_DEBUG") != NULL)
    return;
  saved = dup (STDERR_FILENO);
  null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved < 0 || null_fd < 0)
    return;
  user_stderr = fdopen (saved, "w");
  if (user_stderr == NULL)
    return;
  setvbuf (user_stderr, NULL, _IOLBF, 0);
  dup2 (null_fd, STDERR_FILENO);
  close (null_fd);
#ifdef CAPTIONER_SANITIZED
  /* AddressSanitizer, UBSan and LeakSanitizer report on the user's stderr: a memory error in a
   * library is exactly what must not vanish with its noise. */
  __sanitizer_set_report_fd ((void *) (intptr_t) saved);
#endif
  g_log_set_writer_func (write_log_to_user_stderr, NULL, NULL);
}

static int
print_usage (FILE *stream)
{
  fprintf (stream, "%s",
           _("Usage:\n"
             "  captioner-cli info [--json] FILE...\n"
             "  captioner-cli set FILE|FOLDER... [--caption-body TEXT] [--caption TEXT] [--credit TEXT]\n"
             "      [--headline TEXT] [--byline TEXT] [--source TEXT] [--copyright TEXT]\n"
             "      [--event TEXT] [--city TEXT] [--state TEXT] [--country TEXT]\n"
             "      [--title TEXT] [--country-code CODE] [--sub-location TEXT]\n"
             "      [--caption-writer TEXT] [--urgency 1-8] [--category TEXT]\n"
             "      [--supplemental-categories \"A; B\"]\n"
             "      [--keyword TEXT]... [--person \"NAME@X,Y,W,H\"]... [--clear-people] [--force]\n"
             "  captioner-cli compose [--style ID] FILE...\n"
             "  captioner-cli styles   (the house styles: ID, name, language, an example)\n"
             "  captioner-cli export --format csv|txt|json|xmp|jpeg|pdf [--output PATH] [--overwrite]\n"
             "      [--per-page 2|4|6|12|20] [--paper a4|letter] FILE|FOLDER...\n"
             "\n"
             "People boxes are given in the photo as displayed, normalised 0..1, X,Y the top-left.\n"));
  fprintf (stream, "\n%s",
           _("The people directory and templates (the user's data folder, and desk folders):\n"
             "  captioner-cli people list [--search TEXT] [--limit N] [--desk FOLDER]...\n"
             "  captioner-cli people add NAME [--title TEXT] [--short TEXT] [--code CODE]\n"
             "      [--alias TEXT]... [--id URI]... [--name LANG=TEXT]...\n"
             "      [--title-in LANG=TEXT]...\n"
             "  captioner-cli people import FILE.csv\n"
             "  captioner-cli people export [--output FILE] [--overwrite] [--desk FOLDER]...\n"
             "  captioner-cli templates list [--desk FOLDER]...\n"));
  fprintf (stream, "\n%s",
           _("Group photos and checks:\n"
             "  captioner-cli set FILE|FOLDER... --row NAME=N...   (1 the front row, 0 the boxes say)\n"
             "  captioner-cli check [--skip ID]... FILE|FOLDER...   (one line a finding; exit status 1\n"
             "      when any; --skip name-missing, name-order, unnamed-box, not-tagged,\n"
             "      unexpanded-code, too-long, not-a-caption, no-credit or spelling)\n"));
  fprintf (stream, "\n%s",
           _("Captions in more languages (the x-default caption stays the main one):\n"
             "  captioner-cli set FILE... --language CODE --caption-body TEXT [--caption TEXT]\n"
             "      (the caption options after --language are that language's)\n"
             "  captioner-cli compose --language CODE FILE...\n"
             "  captioner-cli export --format txt|jpeg --language CODE FILE|FOLDER...\n"));
  fprintf (stream, "\n%s",
           _("Face suggestions (offline, dlib's frontal face detector):\n"
             "  captioner-cli detect [--json] FILE|FOLDER...   (one line a face, numbered left to\n"
             "      right: FILE: N X,Y,W,H in the photo as displayed, normalised, then pixels)\n"));
  fprintf (stream, "\n%s",
           _("Templates and code replacements:\n"
             "  captioner-cli set FILE|FOLDER... --template NAME [--only-empty] [--desk FOLDER]...\n"
             "  =code= in any text option of set expands from the replacement files and the\n"
             "  people directory (=code#2= the second replacement)\n"));
  return stream != stdout ? 2 : 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *command;

  captioner_i18n_init ();

  quiet_library_stderr ();

  if (argc < 2)
    return print_usage (captioner_cli_stderr ());

  command = argv[1];
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") ||
      g_str_equal (command, "help"))
    return print_usage (stdout);
  /* Named styles compose captions wherever a caption is composed, as in the window. */
  if (!g_str_equal (command, "people") && !g_str_equal (command, "templates") &&
      !g_str_equal (command, "detect"))
    captioner_cli_load_styles ();
  if (g_str_equal (command, "styles"))
    return captioner_cli_styles (argc - 1, argv + 1);
  if (g_str_equal (command, "info"))
    return captioner_cli_info (argc - 1, argv + 1);
  if (g_str_equal (command, "set"))
    return captioner_cli_set (argc - 1, argv + 1);
  if (g_str_equal (command, "compose"))
    return captioner_cli_compose (argc - 1, argv + 1);
  if (g_str_equal (command, "check"))
    return captioner_cli_check (argc - 1, argv + 1);
  if (g_str_equal (command, "detect"))
    return captioner_cli_detect (argc - 1, argv + 1);
  if (g_str_equal (command, "export"))
    return captioner_cli_export (argc - 1, argv + 1);
  if (g_str_equal (command, "people"))
    return captioner_cli_people (argc - 1, argv + 1);
  if (g_str_equal (command, "templates"))
    return captioner_cli_templates (argc - 1, argv + 1);

  fprintf (captioner_cli_stderr (), _("captioner-cli: unknown command “%s”\n"), command);
  return print_usage (captioner_cli_stderr ());
}
