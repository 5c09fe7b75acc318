#define G_LOG_DOMAIN "captioner-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "captioner-cli-commands.h"
#include "captioner-cli-export.h"

static int
print_usage (FILE *stream)
{
  fprintf (stream, "%s",
           _("Usage:\n"
             "  captioner-cli info [--json] FILE...\n"
             "  captioner-cli set FILE [--caption-body TEXT] [--caption TEXT] [--credit TEXT]\n"
             "      [--headline TEXT] [--byline TEXT] [--source TEXT] [--copyright TEXT]\n"
             "      [--event TEXT] [--city TEXT] [--state TEXT] [--country TEXT]\n"
             "      [--keyword TEXT]... [--person \"NAME@X,Y,W,H\"]... [--clear-people] [--force]\n"
             "  captioner-cli compose FILE...\n"
             "  captioner-cli export --format csv|txt|json|xmp|jpeg [--output PATH] [--overwrite]\n"
             "      FILE|FOLDER...\n"
             "\n"
             "People boxes are given in the photo as displayed, normalised 0..1, X,Y the top-left.\n"));
  return stream == stderr ? 2 : 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return print_usage (stderr);

  command = argv[1];
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") ||
      g_str_equal (command, "help"))
    return print_usage (stdout);
  if (g_str_equal (command, "info"))
    return captioner_cli_info (argc - 1, argv + 1);
  if (g_str_equal (command, "set"))
    return captioner_cli_set (argc - 1, argv + 1);
  if (g_str_equal (command, "compose"))
    return captioner_cli_compose (argc - 1, argv + 1);
  if (g_str_equal (command, "export"))
    return captioner_cli_export (argc - 1, argv + 1);

  fprintf (stderr, _("captioner-cli: unknown command “%s”\n"), command);
  return print_usage (stderr);
}
