#define G_LOG_DOMAIN "captioner-cli-set"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "captioner-cli-commands.h"
#include "captioner-cli-set-language.h"
#include "captioner-cli-styles.h"
#include "captioner-error.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"
#include "captioner-desk.h"
#include "captioner-desk-files.h"
#include "captioner-people-translate.h"
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
  GPtrArray   *rows;         /* RowSpec: --row NAME=N, after the people */
  gboolean     clear_people;
  gboolean     clear_keywords;
  CaptionerTemplate *template;   /* --template: applied first, so the options given win */
  CaptionerTemplateApplyFlags template_flags;
  GPtrArray   *languages;    /* CaptionerCliLanguageEdit: --language CODE and its options */
  CaptionerPeopleDirectory *directory;  /* the people's names in those languages */
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

typedef struct
{
  char  *name;
  guint  row;                /* 0: the boxes say */
} RowSpec;

static void
row_spec_free (RowSpec *spec)
{
  g_free (spec->name);
  g_free (spec);
}

/* "NAME=N", the last '=' separating, N from 0 (the boxes say) to 9. */
static gboolean
parse_row_spec (const char  *text,
                RowSpec     *spec,
                GError     **error)
{
  const char *eq = strrchr (text, '=');
  guint64 row = 0;

  if (eq != NULL && eq > text &&
      g_ascii_string_to_unsigned (eq + 1, 10, 0, 9, &row, NULL))
    {
      spec->name = g_strstrip (g_strndup (text, eq - text));
      spec->row = (guint) row;
      if (*spec->name != '\0')
        return TRUE;
    }
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a row: expected NAME=N with N from 1 (the front row) to 9, or 0"),
               text);
  return FALSE;
}

/* Puts everyone of that name in the row; FALSE when the photo has nobody of that name. */
static gboolean
set_row (CaptionerDraft *draft,
         const RowSpec  *spec)
{
  GPtrArray *people = captioner_draft_get_metadata (draft)->people;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (person->name, spec->name) == 0)
        g_array_append_val (ids, person->id);
    }
  for (guint i = 0; i < ids->len; i++)
    captioner_draft_set_person_row (draft, g_array_index (ids, guint, i), spec->row);
  return ids->len > 0;
}

/* The same edits, in the same order, whether given here or in the window: fields, then people,
 * then keywords, then a verbatim caption; the draft composes the caption from its parts. */
static const char *
apply_edits (CaptionerDraft *draft,
             GFile          *file,
             const Edits    *edits)
{
  const char *missing = NULL;

  /* The captions in other languages follow the people and the credit, in their names. */
  if (edits->directory != NULL)
    captioner_draft_set_name_translator (draft, captioner_people_directory_translate_name,
                                         g_object_ref (edits->directory), g_object_unref);
  captioner_draft_begin_group (draft, "set");
  if (edits->template != NULL)
    captioner_draft_apply_template (draft, edits->template, file, edits->template_flags);
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
  for (guint i = 0; i < edits->rows->len; i++)
    {
      const RowSpec *spec = g_ptr_array_index (edits->rows, i);

      if (!set_row (draft, spec) && missing == NULL)
        missing = spec->name;
    }
  if (edits->clear_keywords)
    captioner_draft_set_keywords (draft, NULL);
  captioner_draft_add_keywords (draft, (const char * const *) edits->keywords);
  if (edits->caption != NULL)
    captioner_draft_set_caption (draft, edits->caption);
  for (guint i = 0; edits->languages != NULL && i < edits->languages->len; i++)
    captioner_cli_set_apply_language (draft, g_ptr_array_index (edits->languages, i));
  captioner_draft_end_group (draft);
  return missing;
}

/* Every code in @value expanded in place ("=lav=" in any text option); codes nobody knows stay
 * as typed and are told. */
static void
expand_codes (CaptionerReplacements  *codes,
              const char             *option,
              char                  **value)
{
  g_auto(GStrv) unknown = NULL;
  char *expanded;

  if (*value == NULL)
    return;
  expanded = captioner_desk_expand_codes (codes, *value, &unknown);
  g_free (*value);
  *value = expanded;
  for (guint i = 0; unknown != NULL && unknown[i] != NULL; i++)
    {
      /* TRANSLATORS: --%s is an option, the second %s a code as typed ("=lav=") */
      g_autofree char *message = g_strdup_printf (_("--%s: no code %s; it stays as typed"),
                                                  option, unknown[i]);

      fprintf (captioner_cli_stderr (), "captioner-cli set: %s\n", message);
    }
}

/* The codes and templates of the user and of the desk folders given. */
static gboolean
open_desk_files (char                  **desks,
                 const char             *delimiter,
                 const char             *template_name,
                 CaptionerReplacements **codes,
                 GPtrArray             **templates,
                 CaptionerTemplate     **template,
                 CaptionerPeopleDirectory **directory_out,
                 GError                **error)
{
  g_autoptr(GPtrArray) folders = captioner_cli_files_from_args (desks);
  CaptionerPeopleDirectory *directory = NULL;

  directory = captioner_desk_open_people ((GFile * const *) folders->pdata, folders->len, NULL,
                                          error);
  if (directory == NULL)
    return FALSE;
  *directory_out = directory;
  *codes = captioner_desk_load_codes ((GFile * const *) folders->pdata, folders->len, directory,
                                      delimiter, NULL, error);
  if (*codes == NULL)
    return FALSE;
  if (template_name == NULL)
    return TRUE;
  {
    g_autoptr(GPtrArray) template_folders =
      captioner_desk_template_folders ((GFile * const *) folders->pdata, folders->len);

    *templates = captioner_template_list ((GFile * const *) template_folders->pdata,
                                          template_folders->len, NULL, NULL);
  }
  *template = captioner_template_find (*templates, template_name);
  if (*template != NULL)
    return TRUE;
  g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
               _("no template called “%s” (captioner-cli templates list shows them)"),
               template_name);
  return FALSE;
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
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean clear_people = FALSE;
  gboolean clear_keywords = FALSE;
  gboolean force = FALSE;
  gboolean only_empty = FALSE;
  g_autofree char *template_name = NULL;
  g_auto(GStrv) desks = NULL;
  g_autoptr(CaptionerReplacements) codes = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *delimiter = NULL;
  GOptionEntry entries[G_N_ELEMENTS (texts) + 13] = { { 0 } };
  g_autofree char *language_help = NULL;   /* taken out of argv before parsing */
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
  entries[n++] = (GOptionEntry) { "row", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rows,
                                  N_("Put a person in a row (1 the front, 0 as the boxes say)"),
                                  N_("NAME=N") };
  entries[n++] = (GOptionEntry) { "clear-people", 0, 0, G_OPTION_ARG_NONE, &clear_people,
                                  N_("Remove the people first"), NULL };
  entries[n++] = (GOptionEntry) { "clear-keywords", 0, 0, G_OPTION_ARG_NONE, &clear_keywords,
                                  N_("Remove the keywords first"), NULL };
  entries[n++] = (GOptionEntry) { "force", 0, 0, G_OPTION_ARG_NONE, &force,
                                  N_("Replace a caption that another program changed"), NULL };
  entries[n++] = (GOptionEntry) { "template", 0, 0, G_OPTION_ARG_STRING, &template_name,
                                  N_("Apply a template first (the options given win over it)"),
                                  N_("NAME") };
  entries[n++] = (GOptionEntry) { "only-empty", 0, 0, G_OPTION_ARG_NONE, &only_empty,
                                  N_("The template fills only fields that are empty"), NULL };
  entries[n++] = (GOptionEntry) { "desk", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &desks,
                                  N_("A desk folder whose codes and templates to use (read-only)"),
                                  N_("FOLDER") };
  entries[n++] = (GOptionEntry) { "code-delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
                                  N_("The character around codes (the window's preference when "
                                     "not given, else “=”)"), N_("C") };
  entries[n++] = (GOptionEntry) { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest,
                                  NULL, NULL };

  entries[n++] = (GOptionEntry) { "language", 0, 0, G_OPTION_ARG_STRING, &language_help,
                                  N_("The caption options after it apply to this caption "
                                     "language"), N_("CODE") };
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  edits.languages = captioner_cli_set_take_languages (&argc, argv, &error);
  if (edits.languages == NULL || !g_option_context_parse (context, &argc, &argv, &error))
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
  if (delimiter == NULL)
    delimiter = captioner_cli_dup_setting_string ("code-delimiter");
  if (delimiter != NULL && !captioner_replacements_delimiter_is_valid (delimiter))
    {
      fprintf (captioner_cli_stderr (), "captioner-cli set: ");
      fprintf (captioner_cli_stderr (),
               _("--code-delimiter needs one character that is neither a letter, a digit nor a "
                 "space, not “%s”"), delimiter);
      fprintf (captioner_cli_stderr (), "\n");
      status = 2;
      goto out;
    }
  if (!open_desk_files (desks, delimiter, template_name, &codes, &templates, &edits.template,
                        &edits.directory, &error))
    goto usage_error;
  edits.template_flags = only_empty ? CAPTIONER_TEMPLATE_APPLY_ONLY_EMPTY
                                    : CAPTIONER_TEMPLATE_APPLY_DEFAULT;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    expand_codes (codes, texts[i].option, &texts[i].value);
  for (guint i = 0; i < edits.languages->len; i++)
    {
      CaptionerCliLanguageEdit *edit = g_ptr_array_index (edits.languages, i);

      expand_codes (codes, "caption-body", &edit->body);
      expand_codes (codes, "caption", &edit->caption);
    }
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
      expand_codes (codes, "person", &spec->name);
    }
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    {
      if (!check_utf8 ("keyword", keywords[i], &error))
        goto usage_error;
      expand_codes (codes, "keyword", &keywords[i]);
    }
  edits.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_spec_free);
  for (guint i = 0; rows != NULL && rows[i] != NULL; i++)
    {
      RowSpec *spec = g_new0 (RowSpec, 1);

      g_ptr_array_add (edits.rows, spec);
      if (!check_utf8 ("row", rows[i], &error) || !parse_row_spec (rows[i], spec, &error))
        goto usage_error;
      expand_codes (codes, "row", &spec->name);
    }

  status = 0;
  desk = captioner_cli_open_desk (rest, &status);
  if (desk == NULL)
    goto out;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDeskItem *item = captioner_desk_get_item (desk, i);
      CaptionerDraft *draft = captioner_desk_item_get_draft (item);
      const char *missing;

      if (draft == NULL)
        continue;
      missing = apply_edits (draft, captioner_photo_get_file (captioner_desk_item_get_photo (item)),
                             &edits);
      if (missing != NULL)
        {
          /* Nothing is written where an edit names somebody who is not there. */
          g_autofree char *path = g_file_get_parse_name (captioner_photo_get_file (captioner_desk_item_get_photo (item)));
          g_autofree char *message = g_strdup_printf (_("%s: nobody named “%s” in the photo"),
                                                      path, missing);

          captioner_cli_report_message (message);
          status = 1;
          continue;
        }
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
  g_clear_pointer (&edits.rows, g_ptr_array_unref);
  g_clear_pointer (&edits.languages, g_ptr_array_unref);
  g_clear_object (&edits.directory);
  return status;
}

int
captioner_cli_compose (int    argc,
                       char **argv)
{
  g_auto(GStrv) rest = NULL;
  g_autofree char *style = NULL;
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "style", 0, 0, G_OPTION_ARG_STRING, &style,
      N_("Compose in this house style and store it (see captioner-cli styles)"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Compose the caption in this caption language"), N_("CODE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(CaptionerPeopleDirectory) directory = NULL;
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
  if (style != NULL && !captioner_cli_check_style ("compose", style))
    return 2;

  if (language != NULL && !captioner_language_is_valid (language))
    {
      fprintf (captioner_cli_stderr (), "captioner-cli compose: ");
      fprintf (captioner_cli_stderr (),
               _("--language needs a language tag such as “hy”, not “%s”"), language);
      fprintf (captioner_cli_stderr (), "\n");
      return 2;
    }
  if (language != NULL)
    {
      directory = captioner_desk_open_people (NULL, 0, NULL, &error);
      if (directory == NULL)
        {
          captioner_cli_report (error);
          return 1;
        }
    }
  desk = captioner_cli_open_desk (rest, &status);
  if (desk != NULL && style != NULL && captioner_cli_apply_style (desk, style) != 0)
    status = 1;
  for (guint i = 0; desk != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDraft *draft = captioner_desk_item_get_draft (captioner_desk_get_item (desk, i));
      g_autofree char *caption = NULL;

      if (draft == NULL)
        continue;
      if (language != NULL)
        {
          captioner_draft_set_name_translator (draft, captioner_people_directory_translate_name,
                                               g_object_ref (directory), g_object_unref);
          caption = captioner_draft_compose_language (draft, language);
        }
      else
        caption = captioner_draft_compose (draft);
      printf ("%s\n", caption);
    }
  return status;
}
