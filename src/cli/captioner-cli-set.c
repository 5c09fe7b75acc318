#define G_LOG_DOMAIN "captioner-cli-set"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "captioner-cli-commands.h"
#include "captioner-error.h"
#include "captioner-person.h"
#include "captioner-photo.h"

typedef struct
{
  const char     *option;
  CaptionerField  field;
  char           *value;
} TextOption;

static gboolean
check_utf8 (const char  *option,
            const char  *value,
            GError     **error)
{
  if (value == NULL || g_utf8_validate (value, -1, NULL))
    return TRUE;
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
               _("the text given to --%s is not UTF-8"), option);
  return FALSE;
}

static gboolean
caption_is_ours (const CaptionerMetadata *md)
{
  const char *caption = md->fields[CAPTIONER_FIELD_CAPTION];

  return caption == NULL || *caption == '\0' ||
         g_strcmp0 (caption, md->fields[CAPTIONER_FIELD_COMPOSED]) == 0;
}

static void
add_keywords (CaptionerMetadata *md,
              char             **keywords)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) merged = NULL;

  g_strv_builder_addv (builder, (const char **) md->keywords);
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) md->keywords, keywords[i]))
      g_strv_builder_add (builder, keywords[i]);
  merged = g_strv_builder_end (builder);
  captioner_metadata_set_keywords (md, (const char * const *) merged);
}

int
captioner_cli_set (int    argc,
                   char **argv)
{
  TextOption texts[] = {
    { "caption-body", CAPTIONER_FIELD_CAPTION_BODY, NULL },
    { "caption", CAPTIONER_FIELD_CAPTION, NULL },
    { "credit", CAPTIONER_FIELD_CREDIT, NULL },
    { "headline", CAPTIONER_FIELD_HEADLINE, NULL },
    { "byline", CAPTIONER_FIELD_BYLINE, NULL },
    { "source", CAPTIONER_FIELD_SOURCE, NULL },
    { "copyright", CAPTIONER_FIELD_COPYRIGHT, NULL },
    { "event", CAPTIONER_FIELD_EVENT, NULL },
    { "city", CAPTIONER_FIELD_CITY, NULL },
    { "state", CAPTIONER_FIELD_STATE, NULL },
    { "country", CAPTIONER_FIELD_COUNTRY, NULL },
  };
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) persons = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean clear_people = FALSE;
  gboolean clear_keywords = FALSE;
  gboolean force = FALSE;
  GOptionEntry entries[G_N_ELEMENTS (texts) + 7] = { { 0 } };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(CaptionerMetadata) md = NULL;
  gboolean people_changed = FALSE;
  int orientation;
  guint n = 0;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    entries[n++] = (GOptionEntry) { texts[i].option, 0, 0, G_OPTION_ARG_FILENAME,
                                    &texts[i].value, NULL, N_("TEXT") };
  entries[n++] = (GOptionEntry) { "keyword", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &keywords,
                                  N_("Add a keyword"), N_("TEXT") };
  entries[n++] = (GOptionEntry) { "person", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &persons,
                                  N_("Add a person, with a box in the displayed photo"),
                                  N_("NAME@X,Y,W,H") };
  entries[n++] = (GOptionEntry) { "clear-people", 0, 0, G_OPTION_ARG_NONE, &clear_people,
                                  N_("Remove the people first"), NULL };
  entries[n++] = (GOptionEntry) { "clear-keywords", 0, 0, G_OPTION_ARG_NONE, &clear_keywords,
                                  N_("Remove the keywords first"), NULL };
  entries[n++] = (GOptionEntry) { "force", 0, 0, G_OPTION_ARG_NONE, &force,
                                  N_("Replace a caption that another program changed"), NULL };
  entries[n++] = (GOptionEntry) { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest,
                                  NULL, NULL };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (captioner_cli_stderr (), "captioner-cli set: %s\n", error->message);
      status = 2;
      goto out;
    }
  if (rest == NULL || g_strv_length (rest) != 1)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli set: %s\n", _("give exactly one FILE"));
      status = 2;
      goto out;
    }

  file = g_file_new_for_commandline_arg (rest[0]);
  photo = captioner_photo_load (file, NULL, &error);
  if (photo == NULL)
    {
      captioner_cli_report (error);
      status = 1;
      goto out;
    }
  orientation = captioner_photo_get_orientation (photo);
  md = captioner_metadata_copy (captioner_photo_get_metadata (photo));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (!check_utf8 (texts[i].option, texts[i].value, &error))
        goto usage_error;
      if (texts[i].value != NULL && texts[i].field != CAPTIONER_FIELD_CAPTION)
        captioner_metadata_set (md, texts[i].field, texts[i].value);
    }

  if (clear_people)
    {
      g_ptr_array_set_size (md->people, 0);
      people_changed = TRUE;
    }
  for (guint i = 0; persons != NULL && persons[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      CaptionerRect rect;
      gboolean has_region = FALSE;

      if (!check_utf8 ("person", persons[i], &error) ||
          !captioner_person_parse_spec (persons[i], &name, &rect, &has_region, &error))
        goto usage_error;
      g_ptr_array_add (md->people,
                       captioner_person_new_displayed (name, has_region ? &rect : NULL, orientation));
      people_changed = TRUE;
    }

  if (clear_keywords)
    captioner_metadata_set_keywords (md, NULL);
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    if (!check_utf8 ("keyword", keywords[i], &error))
      goto usage_error;
  add_keywords (md, keywords);

  /* The caption: verbatim when given; otherwise composed from the parts when there is a body,
   * or when the caption is Captioner's own (or empty) and people were given. A caption that
   * came from elsewhere (a wire) is not replaced by a list of names. */
  if (texts[1].value != NULL)
    captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, texts[1].value);
  else if (md->fields[CAPTIONER_FIELD_CAPTION_BODY] != NULL ||
           (people_changed && caption_is_ours (captioner_photo_get_metadata (photo))))
    {
      g_autofree char *caption = captioner_metadata_compose (md, orientation);
      captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, caption);
    }

  if (!captioner_photo_save (photo, md, force ? CAPTIONER_SAVE_FORCE_CAPTION : CAPTIONER_SAVE_NONE,
                             NULL, &error))
    {
      captioner_cli_report (error);
      if (g_error_matches (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CAPTION_CHANGED))
        fprintf (captioner_cli_stderr (), "captioner-cli: %s\n", _("run again with --force to replace it"));
      status = 1;
      goto out;
    }
  status = 0;
  goto out;

usage_error:
  fprintf (captioner_cli_stderr (), "captioner-cli set: %s\n", error->message);
  status = 2;

out:
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i].value);
  return status;
}

int
captioner_cli_compose (int    argc,
                       char **argv)
{
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rest == NULL)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli compose: %s\n", error ? error->message : _("no file given"));
      return 2;
    }

  for (guint i = 0; rest[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (rest[i]);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(CaptionerPhoto) photo = captioner_photo_load (file, NULL, &local_error);
      g_autofree char *caption = NULL;

      if (photo == NULL)
        {
          captioner_cli_report (local_error);
          status = 1;
          continue;
        }
      caption = captioner_photo_compose (photo, NULL);
      printf ("%s\n", caption);
    }
  return status;
}
