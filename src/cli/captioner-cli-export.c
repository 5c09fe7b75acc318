#define G_LOG_DOMAIN "captioner-cli-export"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "captioner-cli-commands.h"
#include "captioner-cli-export.h"
#include "captioner-contact-sheet.h"
#include "captioner-error.h"
#include "captioner-export.h"
#include "captioner-folder.h"
#include "captioner-metadata-language.h"

static void
report_line (GFile        *file,
             const GError *error)
{
  g_autofree char *base = file ? g_file_get_basename (file) : NULL;
  g_autofree char *line = NULL;

  if (base != NULL && strstr (error->message, base) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      line = g_strdup_printf ("%s: %s", name, error->message);
    }
  else
    line = g_strdup (error->message);
  if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_EXISTS))
    {
      char *hinted = g_strconcat (line, _(" (--overwrite replaces it)"), NULL);
      g_free (line);
      line = hinted;
    }
  g_strdelimit (line, "\r\n", ' ');
  fprintf (captioner_cli_stderr (), "captioner-cli: %s\n", line);
}

static void
on_progress_cb (guint         done,
                guint         total,
                GFile        *file,
                const GError *error,
                gpointer      user_data)
{
  if (error != NULL)
    report_line (file, error);
}

static int
usage_error (const char *message)
{
  fprintf (captioner_cli_stderr (), "captioner-cli export: %s\n", message);
  return 2;
}

int
captioner_cli_export (int    argc,
                      char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output_arg = NULL;
  g_autofree char *paper_name = NULL;
  int per_page = CAPTIONER_CONTACT_SHEET_DEFAULT_PER_PAGE;
  CaptionerPaper paper = CAPTIONER_PAPER_A4;
  gboolean overwrite = FALSE;
  g_auto(GStrv) rest = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("txt, jpeg: the caption in this caption language"), N_("CODE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("csv, txt, json, xmp, jpeg or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_arg,
      N_("Output file (csv, json, pdf; - for standard output) or folder"), N_("PATH") },
    { "per-page", 0, 0, G_OPTION_ARG_INT, &per_page,
      N_("pdf: photos per page, 2, 4, 6, 12 or 20 (6 unless given)"), N_("N") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("pdf: a4 or letter (a4 unless given)"), N_("PAPER") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite,
      N_("Replace output files that exist already"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL,
      N_("FILE|FOLDER…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(CaptionerExport) export = NULL;
  CaptionerExportFormat format;
  CaptionerExportFlags flags = CAPTIONER_EXPORT_FLAGS_NONE;
  gboolean to_stdout = FALSE;
  GBytes *contents;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (language != NULL && !captioner_language_is_valid (language))
    {
      g_autofree char *message =
        g_strdup_printf (_("--language needs a language tag such as “hy”, not “%s”"), language);
      return usage_error (message);
    }
  if (format_name == NULL)
    return usage_error (_("--format is required (csv, txt, json, xmp, jpeg or pdf)"));
  if (!captioner_export_format_from_string (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s” (csv, txt, json, xmp, "
                                                    "jpeg or pdf)"), format_name);
      return usage_error (message);
    }
  if (per_page < 0 || !captioner_contact_sheet_layout_is_valid (per_page))
    return usage_error (_("--per-page takes 2, 4, 6, 12 or 20"));
  if (paper_name != NULL && !captioner_paper_from_string (paper_name, &paper))
    {
      g_autofree char *message = g_strdup_printf (_("unknown paper “%s” (a4 or letter)"),
                                                  paper_name);
      return usage_error (message);
    }
  if (rest == NULL)
    return usage_error (_("no file or folder given"));

  if (g_strcmp0 (output_arg, "-") == 0)
    {
      if (!captioner_export_format_is_single_file (format))
        return usage_error (_("--output - (standard output) works for csv, json and pdf only"));
      to_stdout = TRUE;
      flags |= CAPTIONER_EXPORT_FLAGS_IN_MEMORY;
    }
  else if (output_arg != NULL)
    output = g_file_new_for_commandline_arg (output_arg);
  else if (format == CAPTIONER_EXPORT_FORMAT_XMP || format == CAPTIONER_EXPORT_FORMAT_JPEG)
    return usage_error (_("--output FOLDER is required for xmp and jpeg"));
  if (overwrite)
    flags |= CAPTIONER_EXPORT_FLAGS_OVERWRITE;
  if (output != NULL && !captioner_export_format_is_single_file (format) &&
      g_file_query_exists (output, NULL) &&
      g_file_query_file_type (output, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *message = g_strdup_printf (_("--output %s is not a folder"), output_arg);
      return usage_error (message);
    }

  args = captioner_cli_files_from_args (rest);
  files = captioner_folder_expand ((GFile **) args->pdata, args->len, NULL, &error);
  if (files == NULL)
    {
      captioner_cli_report (error);
      return 1;
    }
  if (files->len == 0)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli: %s\n", _("no photos to export"));
      return 1;
    }

  export = captioner_export_new (format, output, flags);
  captioner_export_set_language (export, language);
  if (format == CAPTIONER_EXPORT_FORMAT_PDF)
    captioner_export_set_contact_sheet (export, per_page, paper);
  if (!captioner_export_run (export, files, on_progress_cb, NULL, NULL, &error))
    {
      /* Photos that failed were reported one by one as they went; this is anything else,
       * such as the csv or json file that could not be written. */
      if (!g_error_matches (error, CAPTIONER_EXPORT_ERROR, CAPTIONER_EXPORT_ERROR_PARTIAL))
        report_line (NULL, error);
      status = 1;
    }

  /* Copies exported with a change the editor should know of (IIM cut to its limits). */
  {
    g_auto(GStrv) notices = captioner_export_dup_notices (export);

    for (guint i = 0; notices[i] != NULL; i++)
      fprintf (captioner_cli_stderr (), "captioner-cli: %s\n", notices[i]);
  }

  /* With --output -, what could be exported is printed even when some photos failed. */
  contents = captioner_export_get_contents (export);
  if (to_stdout && contents != NULL)
    fwrite (g_bytes_get_data (contents, NULL), 1, g_bytes_get_size (contents), stdout);
  return status;
}
