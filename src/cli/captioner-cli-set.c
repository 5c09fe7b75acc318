#define G_LOG_DOMAIN "captioner-cli-set"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "captioner-cli-commands.h"
#include "captioner-error.h"
#include "captioner-person.h"
#include "captioner-desk.h"
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

/* The edits of one `set`, checked before any file is touched. */
typedef struct
{
  TextOption  *texts;
  guint        n_texts;
  const char  *caption;      /* --caption: verbatim, applied last */
  GPtrArray   *persons;      /* PersonSpec */
  GStrv        keywords;
  gboolean     clear_people;
  gboolean     clear_keywords;
} Edits;

typedef struct
{
  char          *name;
  gboolean       has_region;
  CaptionerRect  rect;       /* as displayed */
} PersonSpec;

static void
person_spec_free (PersonSpec *spec)
{
  g_free (spec->name);
  g_free (spec);
}

/* The same edits, in the same order, whether given here or in the window: fields, then people,
 * then keywords, then a verbatim caption; the draft composes the caption from its parts. */
static void
apply_edits (CaptionerDraft *draft,
             const Edits    *edits)
{
  captioner_draft_begin_group (draft, "set");
  for (guint i = 0; i < edits->n_texts; i++)
    if (edits->texts[i].value != NULL && edits->texts[i].field != CAPTIONER_FIELD_CAPTION)
      captioner_draft_set_field (draft, edits->texts[i].field, edits->texts[i].value);
  if (edits->clear_people)
    captioner_draft_clear_people (draft);
  for (guint i = 0; i < edits->persons->len; i++)
    {
      const PersonSpec *spec = g_ptr_array_index (edits->persons, i);

      captioner_draft_add_person (draft, spec->name, spec->has_region ? &spec->rect : NULL);
    }
  if (edits->clear_keywords)
    captioner_draft_set_keywords (draft, NULL);
  captioner_draft_add_keywords (draft, (const char * const *) edits->keywords);
  if (edits->caption != NULL)
    captioner_draft_set_caption (draft, edits->caption);
  captioner_draft_end_group (draft);
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
    { "title", CAPTIONER_FIELD_TITLE, NULL },
    { "country-code", CAPTIONER_FIELD_COUNTRY_CODE, NULL },
    { "sub-location", CAPTIONER_FIELD_SUB_LOCATION, NULL },
    { "caption-writer", CAPTIONER_FIELD_CAPTION_WRITER, NULL },
    { "urgency", CAPTIONER_FIELD_URGENCY, NULL },
    { "category", CAPTIONER_FIELD_CATEGORY, NULL },
    { "supplemental-categories", CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES, NULL },
  };
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) persons = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean clear_people = FALSE;
  gboolean clear_keywords = FALSE;
  gboolean force = FALSE;
  GOptionEntry entries[G_N_ELEMENTS (texts) + 7] = { { 0 } };
  g_autoptr(GOptionContext) context = g_option_context_new (N_("FILE|FOLDER…"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerDesk) desk = NULL;
  Edits edits = { 0 };
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
  if (rest == NULL || rest[0] == NULL)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli set: %s\n", _("no file given"));
      status = 2;
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!check_utf8 (texts[i].option, texts[i].value, &error))
      goto usage_error;
  edits.texts = texts;
  edits.n_texts = G_N_ELEMENTS (texts);
  edits.caption = texts[1].value;
  edits.persons = g_ptr_array_new_with_free_func ((GDestroyNotify) person_spec_free);
  edits.clear_people = clear_people;
  edits.clear_keywords = clear_keywords;
  edits.keywords = keywords;
  for (guint i = 0; persons != NULL && persons[i] != NULL; i++)
    {
      PersonSpec *spec = g_new0 (PersonSpec, 1);

      g_ptr_array_add (edits.persons, spec);
      if (!check_utf8 ("person", persons[i], &error) ||
          !captioner_person_parse_spec (persons[i], &spec->name, &spec->rect, &spec->has_region,
                                        &error))
        goto usage_error;
    }
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    if (!check_utf8 ("keyword", keywords[i], &error))
      goto usage_error;

  status = 0;
  desk = captioner_cli_open_desk (rest, &status);
  if (desk == NULL)
    goto out;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDeskItem *item = captioner_desk_get_item (desk, i);
      CaptionerDraft *draft = captioner_desk_item_get_draft (item);

      if (draft == NULL)
        continue;
      apply_edits (draft, &edits);
      captioner_desk_save (desk, item, force ? CAPTIONER_SAVE_FORCE_CAPTION : CAPTIONER_SAVE_NONE);
    }
  captioner_desk_wait (desk);
  /* Another program saved a photo meanwhile and changed what these edits change: with --force
   * the edits win there; what only the other program changed is kept either way. */
  for (guint i = 0; force && i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    if (captioner_desk_item_get_merge (captioner_desk_get_item (desk, i)) != NULL)
      captioner_desk_resolve (desk, captioner_desk_get_item (desk, i), NULL);
  captioner_desk_wait (desk);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDeskItem *item = captioner_desk_get_item (desk, i);

      if (captioner_desk_item_get_photo (item) == NULL ||
          captioner_desk_item_get_error (item) == NULL)
        continue;
      captioner_cli_report_message (captioner_desk_item_get_error (item));
      if (captioner_desk_item_get_conflict_code (item) == CAPTIONER_ERROR_CAPTION_CHANGED)
        fprintf (captioner_cli_stderr (), "captioner-cli: %s\n",
                 _("run again with --force to replace it"));
      else if (captioner_desk_item_get_merge (item) != NULL)
        fprintf (captioner_cli_stderr (), "captioner-cli: %s\n",
                 _("nothing was written; run again with --force to write yours there"));
      status = 1;
    }
  goto out;

usage_error:
  fprintf (captioner_cli_stderr (), "captioner-cli set: %s\n", error->message);
  status = 2;

out:
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i].value);
  g_clear_pointer (&edits.persons, g_ptr_array_unref);
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
  g_autoptr(CaptionerDesk) desk = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rest == NULL)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli compose: %s\n", error ? error->message : _("no file given"));
      return 2;
    }

  desk = captioner_cli_open_desk (rest, &status);
  for (guint i = 0; desk != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDraft *draft = captioner_desk_item_get_draft (captioner_desk_get_item (desk, i));
      g_autofree char *caption = NULL;

      if (draft == NULL)
        continue;
      caption = captioner_draft_compose (draft);
      printf ("%s\n", caption);
    }
  return status;
}
