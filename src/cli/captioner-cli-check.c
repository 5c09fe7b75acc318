#define G_LOG_DOMAIN "captioner-cli-check"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "captioner-caption-check.h"
#include "captioner-cli-check.h"
#include "captioner-cli-commands.h"
#include "captioner-contact.h"
#include "captioner-desk-files.h"
#include "captioner-people-directory.h"
#include "captioner-photo.h"

/* A CaptionerShortNameFunc over the people directory. */
static char *
directory_short_name (const char *name,
                      gpointer    directory)
{
  CaptionerContact *contact = captioner_people_directory_find (directory, name);

  return contact ? g_strdup (captioner_contact_get_short_name (contact)) : NULL;
}

/* A CaptionerKnownNamesFunc over the people directory: every contact's name. */
static char **
directory_names (gpointer directory)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model = G_LIST_MODEL (directory);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaptionerContact) contact = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, captioner_contact_get_name (contact));
    }
  return g_strv_builder_end (builder);
}

/* `captioner-cli check [--language CODE] [--no-spelling] FILE|FOLDER...`: one line on stdout
 * per finding, "FILE: message"; 1 when there is any (or a file cannot be read), 0 when every
 * caption is fine. Spelling is checked in the caption's language (--language, English unless
 * told), the people directory's names known. */
int
captioner_cli_check (int    argc,
                     char **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autofree char *language = NULL;
  g_auto(GStrv) skip = NULL;
  gboolean no_spelling = FALSE;
  CaptionerCheckOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "skip", 0, 0, G_OPTION_ARG_STRING_ARRAY, &skip,
      N_("Do not run this check (name-missing, not-tagged, no-credit…); repeatable"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The caption's language, for spelling (en, hy…)"), N_("CODE") },
    { "no-spelling", 0, 0, G_OPTION_ARG_NONE, &no_spelling, N_("Do not check spelling"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("FILE|FOLDER…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerDesk) desk = NULL;
  g_autoptr(CaptionerPeopleDirectory) directory = NULL;
  g_autoptr(CaptionerSpeller) speller = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rest == NULL)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli check: %s\n",
               error ? error->message : _("no file given"));
      return 2;
    }
  for (guint i = 0; skip != NULL && skip[i] != NULL; i++)
    if (!captioner_check_kind_from_id (skip[i], NULL))
      {
        g_autoptr(GString) ids = g_string_new (NULL);
        g_autofree char *message = NULL;

        for (guint k = 0; k < CAPTIONER_CHECK_N_KINDS; k++)
          g_string_append_printf (ids, "%s%s", k > 0 ? ", " : "", captioner_check_kind_to_id (k));
        /* TRANSLATORS: a check's id as given, then the list of the known ones */
        message = g_strdup_printf (_("no check “%s”; the checks are: %s"), skip[i], ids->str);
        fprintf (captioner_cli_stderr (), "captioner-cli check: %s\n", message);
        return 2;
      }
  options.skip = captioner_check_mask_from_ids ((const char * const *) skip);
  no_spelling |= (options.skip & CAPTIONER_CHECK_MASK (CAPTIONER_CHECK_SPELLING)) != 0;

  directory = captioner_desk_open_people (NULL, 0, NULL, &error);
  if (directory == NULL)
    {
      /* Short forms are a help, not a need: check with full names. */
      captioner_cli_report (error);
      g_clear_error (&error);
    }
  if (!no_spelling && (speller = captioner_speller_new (language, &error)) == NULL)
    {
      /* The other checks do not need a dictionary. */
      fprintf (captioner_cli_stderr (), "captioner-cli check: %s\n", error->message);
      g_clear_error (&error);
    }
  if (directory != NULL)
    {
      options.short_name = directory_short_name;
      options.known_names = directory_names;
      options.user_data = directory;
    }
  if (speller != NULL && directory != NULL)
    captioner_people_directory_teach_speller (directory, speller);
  desk = captioner_cli_open_desk (rest, &status);
  for (guint i = 0; desk != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDeskItem *item = captioner_desk_get_item (desk, i);
      CaptionerDraft *draft = captioner_desk_item_get_draft (item);
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *path = NULL;

      if (draft == NULL)
        continue;
      path = g_file_get_parse_name (captioner_photo_get_file (captioner_desk_item_get_photo (item)));
      findings = captioner_caption_check_full (captioner_draft_get_metadata (draft),
                                               captioner_draft_get_orientation (draft), &options);
      if (speller != NULL)
        {
          g_autoptr(GPtrArray) spelling = captioner_speller_check_metadata (
            speller, captioner_draft_get_metadata (draft));

          g_ptr_array_extend_and_steal (findings, g_steal_pointer (&spelling));
        }
      for (guint f = 0; f < findings->len; f++)
        printf ("%s: %s\n", path, ((CaptionerFinding *) g_ptr_array_index (findings, f))->message);
      if (findings->len > 0)
        status = 1;
    }
  return status;
}
