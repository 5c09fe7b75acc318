#define G_LOG_DOMAIN "captioner-cli-set"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-cli-set-language.h"
#include "captioner-error.h"
#include "captioner-metadata-language.h"

static void
language_edit_free (CaptionerCliLanguageEdit *edit)
{
  g_free (edit->language);
  g_free (edit->body);
  g_free (edit->caption);
  g_free (edit);
}

/* Whether argv[*i] is --NAME or --NAME=VALUE; sets *value (and moves *i past a separate
 * value). */
static gboolean
match_option (int          argc,
              char       **argv,
              int         *i,
              const char  *name,
              const char **value,
              gboolean    *missing)
{
  const char *arg = argv[*i];
  gsize len = strlen (name);

  *missing = FALSE;
  if (!g_str_has_prefix (arg, "--") || strncmp (arg + 2, name, len) != 0)
    return FALSE;
  if (arg[2 + len] == '=')
    {
      *value = arg + 3 + len;
      return TRUE;
    }
  if (arg[2 + len] != '\0')
    return FALSE;
  if (*i + 1 >= argc)
    {
      *missing = TRUE;
      return TRUE;
    }
  *value = argv[++*i];
  return TRUE;
}

GPtrArray *
captioner_cli_set_take_languages (int     *argc,
                                  char   **argv,
                                  GError **error)
{
  g_autoptr(GPtrArray) edits =
    g_ptr_array_new_with_free_func ((GDestroyNotify) language_edit_free);
  CaptionerCliLanguageEdit *current = NULL;
  int kept = 1;
  int i;

  for (i = 1; i < *argc; i++)
    {
      const char *value = NULL;
      gboolean missing;
      int first = i;

      if (strcmp (argv[i], "--") == 0)
        break;
      if (match_option (*argc, argv, &i, "language", &value, &missing))
        {
          if (missing || !captioner_language_is_valid (value) || !g_utf8_validate (value, -1, NULL))
            {
              g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
                           _("--language needs a language tag such as “hy”, not “%s”"),
                           missing ? "" : value);
              return NULL;
            }
          current = g_new0 (CaptionerCliLanguageEdit, 1);
          current->language = g_strdup (value);
          g_ptr_array_add (edits, current);
          continue;
        }
      if (current != NULL &&
          (match_option (*argc, argv, &i, "caption-body", &value, &missing) ||
           match_option (*argc, argv, &i, "caption", &value, &missing)))
        {
          gboolean body = g_str_has_prefix (argv[first], "--caption-body");

          if (missing)
            {
              g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
                           _("%s needs a value"), argv[first]);
              return NULL;
            }
          if (!g_utf8_validate (value, -1, NULL))
            {
              g_set_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_INVALID_ARGUMENT,
                           _("the text given to %s is not UTF-8"), argv[first]);
              return NULL;
            }
          g_free (body ? current->body : current->caption);
          if (body)
            current->body = g_strdup (value);
          else
            current->caption = g_strdup (value);
          continue;
        }
      for (int j = first; j <= i; j++)
        argv[kept++] = argv[j];
    }
  for (; i < *argc; i++)
    argv[kept++] = argv[i];
  argv[kept] = NULL;
  *argc = kept;
  return g_steal_pointer (&edits);
}

void
captioner_cli_set_apply_language (CaptionerDraft                 *draft,
                                  const CaptionerCliLanguageEdit *edit)
{
  if (edit->body != NULL)
    captioner_draft_set_language_body (draft, edit->language, edit->body);
  if (edit->caption != NULL)
    captioner_draft_set_language_caption (draft, edit->language, edit->caption);
  if (edit->body == NULL && edit->caption == NULL &&
      captioner_draft_get_language (draft, edit->language, CAPTIONER_LANGUAGE_CAPTION) == NULL)
    captioner_draft_recompose_language (draft, edit->language);
}
