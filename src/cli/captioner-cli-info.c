#define G_LOG_DOMAIN "captioner-cli-info"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "captioner-cli-commands.h"
#include "captioner-folder.h"
#include "captioner-json.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"
#include "captioner-photo.h"

void
captioner_cli_report_message (const char *message)
{
  /* One line per failure: the message already names the file. */
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  fprintf (captioner_cli_stderr (), "captioner-cli: %s\n", line);
}

void
captioner_cli_report (const GError *error)
{
  captioner_cli_report_message (error->message);
}

GPtrArray *
captioner_cli_files_from_args (char **args)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (args[i]));
  return files;
}

/* The label column, padded by characters (not bytes), so Armenian labels line up too. */
static void
print_label (const char *label)
{
  glong length = g_utf8_strlen (label, -1);

  printf ("  %s", label);
  for (glong i = length; i < 15; i++)
    putchar (' ');
  if (length >= 15)
    putchar (' ');
}

static void
print_field (const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  print_label (label);
  printf ("%s\n", value);
}

static void
print_summary (CaptionerPhoto *photo)
{
  const CaptionerMetadata *md = captioner_photo_get_metadata (photo);
  const CaptionerExif *exif = captioner_photo_get_exif (photo);
  int orientation = captioner_photo_get_orientation (photo);
  g_autofree char *path = g_file_get_parse_name (captioner_photo_get_file (photo));
  g_autoptr(GPtrArray) people = captioner_people_sort_displayed (md->people, orientation);
  GFile *sidecar = captioner_photo_get_sidecar (photo);

  printf ("%s\n", path);
  print_label (_("Size"));
  /* TRANSLATORS: width × height as displayed, and the EXIF orientation (1 to 8) */
  printf (_("%d × %d (orientation %d)"), captioner_photo_get_width (photo),
          captioner_photo_get_height (photo), orientation);
  putchar ('\n');
  if (exif->make || exif->model)
    {
      print_label (_("Camera"));
      printf ("%s %s\n", exif->make ? exif->make : "", exif->model ? exif->model : "");
    }
  print_field (_("Lens"), exif->lens);
  print_field (_("Taken"), exif->datetime_original);
  print_field (_("Caption"), md->fields[CAPTIONER_FIELD_CAPTION]);
  {
    g_auto(GStrv) languages = captioner_metadata_dup_languages (md);

    for (guint i = 0; languages[i] != NULL; i++)
      {
        /* TRANSLATORS: the caption in another language: %s is its tag ("hy") */
        g_autofree char *label = g_strdup_printf (_("Caption (%s)"), languages[i]);

        print_field (label, captioner_metadata_get_language (md, languages[i],
                                                             CAPTIONER_LANGUAGE_CAPTION));
      }
  }
  print_field (_("Headline"), md->fields[CAPTIONER_FIELD_HEADLINE]);
  print_field (_("Credit"), md->fields[CAPTIONER_FIELD_CREDIT]);
  print_field (_("Byline"), md->fields[CAPTIONER_FIELD_BYLINE]);
  print_field (_("Source"), md->fields[CAPTIONER_FIELD_SOURCE]);
  print_field (_("Copyright"), md->fields[CAPTIONER_FIELD_COPYRIGHT]);
  print_field (_("Event"), md->fields[CAPTIONER_FIELD_EVENT]);
  print_field (_("City"), md->fields[CAPTIONER_FIELD_CITY]);
  print_field (_("State"), md->fields[CAPTIONER_FIELD_STATE]);
  print_field (_("Country"), md->fields[CAPTIONER_FIELD_COUNTRY]);
  if (md->keywords[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("; ", md->keywords);
      print_field (_("Keywords"), joined);
    }
  for (guint i = 0; i < people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);
      CaptionerRect r;

      print_label (i == 0 ? _("People") : "");
      if (captioner_person_get_displayed_region (person, orientation, &r))
        printf ("%u. %s @ %.4f,%.4f,%.4f,%.4f\n", i + 1, person->name, r.x, r.y, r.w, r.h);
      else
        printf ("%u. %s\n", i + 1, person->name);
    }
  if (sidecar != NULL)
    {
      g_autofree char *sidecar_path = g_file_get_parse_name (sidecar);
      print_field (_("Sidecar"), sidecar_path);
    }
  print_field (_("Warning"), captioner_photo_get_warning (photo));
}

int
captioner_cli_info (int    argc,
                    char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON array"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status = 0;
  guint printed = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rest == NULL)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli info: %s\n",
               error ? error->message : _("no file given"));
      return 2;
    }

  args = captioner_cli_files_from_args (rest);
  files = captioner_folder_expand ((GFile **) args->pdata, args->len, NULL, &error);
  if (files == NULL)
    {
      captioner_cli_report (error);
      return 1;
    }

  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CaptionerPhoto) photo = captioner_photo_load (g_ptr_array_index (files, i),
                                                               NULL, &local_error);
      if (photo == NULL)
        {
          captioner_cli_report (local_error);
          status = 1;
          continue;
        }
      if (json)
        {
          g_string_append (out, printed ? ",\n  " : "\n  ");
          captioner_json_append_photo (out, photo, "  ");
        }
      else
        {
          if (printed)
            putchar ('\n');
          print_summary (photo);
        }
      printed++;
    }
  if (json)
    {
      g_string_append (out, printed ? "\n]\n" : "]\n");
      fwrite (out->str, 1, out->len, stdout);
    }
  return status;
}
