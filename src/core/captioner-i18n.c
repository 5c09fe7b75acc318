#define G_LOG_DOMAIN "captioner-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "captioner-i18n.h"

static char *locale_dir;

/* The folder of the running program, NULL where the system does not say. */
static char *
dup_program_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL ? g_path_get_dirname (exe) : NULL;
}

static char *
find_locale_dir (void)
{
  g_autofree char *dir = dup_program_dir ();

  if (dir == NULL)
    return g_strdup (LOCALEDIR);
  /* Uninstalled: the .mo files meson compiled into the build tree. */
  if (g_str_has_prefix (dir, CAPTIONER_BUILD_ROOT G_DIR_SEPARATOR_S) ||
      g_strcmp0 (dir, CAPTIONER_BUILD_ROOT) == 0)
    return g_strdup (CAPTIONER_BUILD_LOCALEDIR);
  /* Installed somewhere else than configured for (a staged or moved prefix): the prefix is
   * the program's folder up from bindir, the catalogues below it as configured. */
  if (*CAPTIONER_BINDIR_TO_PREFIX != '\0')
    {
      g_autofree char *up = g_build_filename (dir, CAPTIONER_BINDIR_TO_PREFIX, NULL);
      g_autofree char *prefix = g_canonicalize_filename (up, NULL);
      g_autofree char *configured = g_canonicalize_filename (CAPTIONER_PREFIX, NULL);

      if (strcmp (prefix, configured) != 0)
        return g_build_filename (prefix, CAPTIONER_LOCALEDIR_IN_PREFIX, NULL);
    }
  return g_strdup (LOCALEDIR);
}

void
captioner_i18n_init (void)
{
  setlocale (LC_ALL, "");
  g_free (locale_dir);
  locale_dir = find_locale_dir ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const char *
captioner_i18n_get_locale_dir (void)
{
  return locale_dir != NULL ? locale_dir : LOCALEDIR;
}
