#define G_LOG_DOMAIN "captioner-cli-people"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "captioner-cli-commands.h"
#include "captioner-cli-people.h"
#include "captioner-desk-files.h"
#include "captioner-people-csv.h"
#include "captioner-people-directory.h"
#include "captioner-template.h"

static int
usage_error (const char *command,
             const char *message)
{
  fprintf (captioner_cli_stderr (), "captioner-cli %s: %s\n", command, message);
  return 2;
}

static GPtrArray *
desk_folders (char **desks)
{
  return captioner_cli_files_from_args (desks);
}

static CaptionerPeopleDirectory *
open_directory (char **desks)
{
  g_autoptr(GPtrArray) folders = desk_folders (desks);
  g_autoptr(GError) error = NULL;
  CaptionerPeopleDirectory *directory;

  directory = captioner_desk_open_people ((GFile * const *) folders->pdata, folders->len, NULL,
                                          &error);
  if (directory == NULL)
    captioner_cli_report (error);
  return directory;
}

static gboolean
parse (GOptionContext  *context,
       const char      *command,
       int             *argc,
       char          ***argv,
       int             *status)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  *status = usage_error (command, error->message);
  return FALSE;
}

static int
people_list (int    argc,
             char **argv)
{
  g_auto(GStrv) desks = NULL;
  g_autofree char *search = NULL;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "desk", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &desks,
      N_("A desk folder whose people.txt to include (read-only)"), N_("FOLDER") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only people matching TEXT, as name completion ranks them"), N_("TEXT") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N people"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CaptionerPeopleDirectory) directory = NULL;
  g_autoptr(GListModel) people = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, "people list", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error ("people list", _("unexpected argument"));
  directory = open_directory (desks);
  if (directory == NULL)
    return 1;
  people = search != NULL
    ? captioner_people_directory_search (directory, search, MAX (limit, 0))
    : g_object_ref (G_LIST_MODEL (directory));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CaptionerContact) contact = g_list_model_get_item (people, i);
      g_autofree char *display = captioner_contact_dup_display_name (contact, NULL);
      const char *code = captioner_contact_get_code (contact);

      if (search == NULL && limit > 0 && i >= (guint) limit)
        break;
      if (code != NULL)
        printf ("%s\t%s\n", display, code);
      else
        printf ("%s\n", display);
    }
  return 0;
}

/* "hy=Սերգեյ Լավրով" into its language and text. */
static gboolean
split_localized (const char  *spec,
                 char       **language,
                 const char **text)
{
  const char *equals = strchr (spec, '=');

  if (equals == NULL || equals == spec || equals[1] == '\0')
    return FALSE;
  *language = g_strndup (spec, equals - spec);
  *text = equals + 1;
  return TRUE;
}

static int
people_add (int    argc,
            char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *short_name = NULL;
  g_autofree char *code = NULL;
  g_auto(GStrv) aliases = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) titles = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("Title or role (“Russian Foreign Minister”)"), N_("TEXT") },
    { "short", 0, 0, G_OPTION_ARG_STRING, &short_name,
      N_("Short form for later mentions (“Lavrov”)"), N_("TEXT") },
    { "alias", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &aliases,
      N_("Another spelling or transliteration (repeatable)"), N_("TEXT") },
    { "code", 'c', 0, G_OPTION_ARG_STRING, &code,
      N_("Code for code replacements (=CODE= in a text)"), N_("CODE") },
    { "id", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ids,
      N_("An identifier such as a Wikidata URI (repeatable)"), N_("URI") },
    { "name", 0, 0, G_OPTION_ARG_STRING_ARRAY, &names,
      N_("The name in another language (repeatable)"), N_("LANG=TEXT") },
    { "title-in", 0, 0, G_OPTION_ARG_STRING_ARRAY, &titles,
      N_("The title in another language (repeatable)"), N_("LANG=TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME"));
  g_autoptr(CaptionerPeopleDirectory) directory = NULL;
  g_autoptr(CaptionerContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  CaptionerContact *known;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, "people add", &argc, &argv, &status))
    return status;
  if (argc != 2 || *g_strstrip (argv[1]) == '\0')
    return usage_error ("people add", _("give one NAME"));
  directory = open_directory (NULL);
  if (directory == NULL)
    return 1;

  /* What the directory knows of the person stays (the name as given now); the options
   * change it. */
  contact = captioner_contact_new (argv[1]);
  known = captioner_people_directory_find (directory, argv[1]);
  if (known != NULL &&
      g_str_equal (captioner_contact_get_key (known), captioner_contact_get_key (contact)))
    {
      g_object_unref (contact);
      contact = captioner_contact_copy (known);
      captioner_contact_set_name (contact, argv[1]);
    }
  if (title != NULL)
    captioner_contact_set_title (contact, title);
  if (short_name != NULL)
    captioner_contact_set_short_name (contact, short_name);
  if (code != NULL)
    captioner_contact_set_code (contact, code);
  if (aliases != NULL)
    captioner_contact_set_aliases (contact, (const char * const *) aliases);
  if (ids != NULL)
    captioner_contact_set_identifiers (contact, (const char * const *) ids);
  for (guint pass = 0; pass < 2; pass++)
    for (char **spec = pass == 0 ? names : titles; spec != NULL && *spec != NULL; spec++)
      {
        g_autofree char *language = NULL;
        const char *text;

        if (!split_localized (*spec, &language, &text))
          {
            g_autofree char *message = g_strdup_printf (_("“%s” is not LANG=TEXT"), *spec);

            return usage_error ("people add", message);
          }
        if (pass == 0)
          captioner_contact_set_localized_name (contact, language, text);
        else
          captioner_contact_set_localized_title (contact, language, text);
      }

  captioner_people_directory_add (directory, contact);
  if (!captioner_people_directory_save (directory, NULL, &error))
    {
      captioner_cli_report (error);
      return 1;
    }
  return 0;
}

static int
people_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_autoptr(CaptionerPeopleDirectory) directory = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  gsize length;
  int status;

  if (!parse (context, "people import", &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error ("people import", _("give one CSV file"));
  file = g_file_new_for_commandline_arg (argv[1]);
  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      if (strstr (error->message, name) == NULL)
        g_prefix_error (&error, "%s: ", name);
      captioner_cli_report (error);
      return 1;
    }
  contacts = captioner_people_csv_parse (contents, length, name, &error);
  if (contacts == NULL)
    {
      captioner_cli_report (error);
      return 1;
    }
  directory = open_directory (NULL);
  if (directory == NULL)
    return 1;
  captioner_people_directory_add_many (directory, (CaptionerContact * const *) contacts->pdata,
                                       contacts->len);
  if (!captioner_people_directory_save (directory, NULL, &error))
    {
      captioner_cli_report (error);
      return 1;
    }
  target = g_file_get_parse_name (captioner_people_directory_get_file (directory));
  printf (ngettext ("%u person imported into %s\n", "%u people imported into %s\n",
                    contacts->len),
          contacts->len, target);
  return 0;
}

static int
people_export (int    argc,
               char **argv)
{
  g_auto(GStrv) desks = NULL;
  g_autofree char *output = NULL;
  gboolean overwrite = FALSE;
  const GOptionEntry entries[] = {
    { "desk", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &desks,
      N_("A desk folder whose people.txt to include (read-only)"), N_("FOLDER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The CSV file to write (- or none: standard output)"), N_("FILE") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite,
      N_("Replace the output file if it exists already"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CaptionerPeopleDirectory) directory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, "people export", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error ("people export", _("unexpected argument"));
  directory = open_directory (desks);
  if (directory == NULL)
    return 1;
  csv = captioner_people_csv_format (G_LIST_MODEL (directory));
  if (output == NULL || g_str_equal (output, "-"))
    {
      fwrite (csv, 1, strlen (csv), stdout);
      return 0;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
    g_autofree char *name = g_file_get_parse_name (file);

    if (!overwrite && g_file_query_exists (file, NULL))
      {
        fprintf (captioner_cli_stderr (), "captioner-cli: %s: %s\n", name,
                 _("exists already (--overwrite replaces it)"));
        return 1;
      }
    if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
      {
        if (strstr (error->message, name) == NULL)
          g_prefix_error (&error, "%s: ", name);
        captioner_cli_report (error);
        return 1;
      }
  }
  return 0;
}

int
captioner_cli_people (int    argc,
                      char **argv)
{
  const char *action = argc > 1 ? argv[1] : NULL;

  if (g_strcmp0 (action, "list") == 0)
    return people_list (argc - 1, argv + 1);
  if (g_strcmp0 (action, "add") == 0)
    return people_add (argc - 1, argv + 1);
  if (g_strcmp0 (action, "import") == 0)
    return people_import (argc - 1, argv + 1);
  if (g_strcmp0 (action, "export") == 0)
    return people_export (argc - 1, argv + 1);
  return usage_error ("people", _("give list, add, import or export"));
}

int
captioner_cli_templates (int    argc,
                         char **argv)
{
  g_auto(GStrv) desks = NULL;
  const GOptionEntry entries[] = {
    { "desk", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &desks,
      N_("A desk folder whose templates to include (read-only)"), N_("FOLDER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) desk_list = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int status;

  if (argc < 2 || !g_str_equal (argv[1], "list"))
    return usage_error ("templates", _("give list"));
  argc--;
  argv++;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse (context, "templates list", &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error ("templates list", _("unexpected argument"));

  desk_list = desk_folders (desks);
  folders = captioner_desk_template_folders ((GFile * const *) desk_list->pdata, desk_list->len);
  templates = captioner_template_list ((GFile * const *) folders->pdata, folders->len, &problems,
                                       NULL);
  for (guint i = 0; i < templates->len; i++)
    {
      CaptionerTemplate *template = g_ptr_array_index (templates, i);
      g_autofree char *path = g_file_get_parse_name (captioner_template_get_file (template));

      printf ("%s\t%s\n", captioner_template_get_name (template), path);
    }
  for (guint i = 0; i < problems->len; i++)
    captioner_cli_report (g_ptr_array_index (problems, i));
  return problems->len > 0 ? 1 : 0;
}
