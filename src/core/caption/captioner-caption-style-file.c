#define G_LOG_DOMAIN "captioner-caption-style-file"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-caption-style.h"

/* A named style as a key file, so a desk can share it:
 *   [Style]
 *   Name=Reuters
 *   Language=en
 *   FromLeft=From left,
 *   ...
 *   Credit=agency-byline
 * Separator and the words may have spaces at their ends: they are stored quoted ("\s"). */

#define GROUP "Style"
#define SUFFIX ".captioner-style"

static const char * const credit_names[] = {
  [CAPTIONER_CREDIT_SUFFIX] = "suffix",
  [CAPTIONER_CREDIT_PREFIX] = "prefix",
  [CAPTIONER_CREDIT_AGENCY_BYLINE] = "agency-byline",
  [CAPTIONER_CREDIT_AP] = "ap",
};

const char *
captioner_credit_style_to_string (CaptionerCreditStyle credit)
{
  g_return_val_if_fail ((guint) credit < G_N_ELEMENTS (credit_names), NULL);
  return credit_names[credit];
}

gboolean
captioner_credit_style_from_string (const char           *text,
                                    CaptionerCreditStyle *credit)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (credit_names); i++)
    if (g_str_equal (text, credit_names[i]))
      {
        *credit = i;
        return TRUE;
      }
  return FALSE;
}

/* The string keys, with where they go in a style. */
typedef struct
{
  const char *key;
  gsize       offset;
  gboolean    required;
} StringKey;

#define FIELD(member) G_STRUCT_OFFSET (CaptionerCaptionStyle, member)

static const StringKey string_keys[] = {
  { "Name", FIELD (name), TRUE },
  { "Language", FIELD (language), TRUE },
  { "FromLeft", FIELD (from_left), TRUE },
  { "Separator", FIELD (separator), TRUE },
  { "Conjunction", FIELD (conjunction), TRUE },
  { "FrontRow", FIELD (rows[0]), TRUE },
  { "MiddleRow", FIELD (rows[1]), TRUE },
  { "BackRow", FIELD (rows[2]), TRUE },
  { "RowFromLeft", FIELD (row_from_left), TRUE },
  { "Left", FIELD (positions[CAPTIONER_POSITION_LEFT]), TRUE },
  { "Right", FIELD (positions[CAPTIONER_POSITION_RIGHT]), TRUE },
  { "Centre", FIELD (positions[CAPTIONER_POSITION_CENTRE]), TRUE },
  { "SecondFromLeft", FIELD (positions[CAPTIONER_POSITION_SECOND_FROM_LEFT]), TRUE },
  { "SecondFromRight", FIELD (positions[CAPTIONER_POSITION_SECOND_FROM_RIGHT]), TRUE },
  { "CreditFormat", FIELD (credit_format), FALSE },
  { "NthFromLeft", FIELD (nth_from_left), FALSE },
  { "NthFromRight", FIELD (nth_from_right), FALSE },
  { "NthRow", FIELD (nth_row), FALSE },
};

static char **
member (CaptionerCaptionStyle *style,
        const StringKey       *key)
{
  return (char **) G_STRUCT_MEMBER_P (style, key->offset);
}

static gboolean
invalid (GError    **error,
         const char *path,
         const char *message)
{
  g_set_error (error, CAPTIONER_CAPTION_STYLE_ERROR, CAPTIONER_CAPTION_STYLE_ERROR_INVALID,
               "%s: %s", path, message);
  return FALSE;
}

/* One "%s" and no other "%". */
static gboolean
has_one_placeholder (const char *format)
{
  const char *mark = strchr (format, '%');

  return mark != NULL && mark[1] == 's' && strchr (mark + 1, '%') == NULL;
}

CaptionerCaptionStyle *
captioner_caption_style_new_from_file (GFile   *file,
                                       GError **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(CaptionerCaptionStyle) style = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *credit = NULL;
  const CaptionerCaptionStyle *fallback = captioner_caption_style_default ();
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_parse_name (file);
  basename = g_file_get_basename (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      invalid (error, path, local_error->message);
      return NULL;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      invalid (error, path, _("not UTF-8 text"));
      return NULL;
    }
  if (!g_key_file_load_from_data (keys, contents, length, G_KEY_FILE_NONE, &local_error))
    {
      invalid (error, path, local_error->message);
      return NULL;
    }
  if (!g_key_file_has_group (keys, GROUP))
    {
      invalid (error, path, _("no [Style] group"));
      return NULL;
    }

  style = g_new0 (CaptionerCaptionStyle, 1);
  style->id = g_str_has_suffix (basename, SUFFIX) ?
              g_strndup (basename, strlen (basename) - strlen (SUFFIX)) : g_strdup (basename);
  for (guint i = 0; i < G_N_ELEMENTS (string_keys); i++)
    {
      char *value = g_key_file_get_string (keys, GROUP, string_keys[i].key, NULL);

      if (value == NULL && string_keys[i].required)
        {
          /* TRANSLATORS: %s is a key of a style file, "FromLeft" */
          g_autofree char *message = g_strdup_printf (_("the key “%s” is missing"),
                                                      string_keys[i].key);
          invalid (error, path, message);
          return NULL;
        }
      if (value == NULL)
        value = g_strdup (*member ((CaptionerCaptionStyle *) fallback, &string_keys[i]));
      *member (style, &string_keys[i]) = value;
    }
  style->serial_comma = g_key_file_get_boolean (keys, GROUP, "SerialComma", &local_error);
  if (local_error != NULL)
    {
      invalid (error, path, _("SerialComma must be true or false"));
      return NULL;
    }
  credit = g_key_file_get_string (keys, GROUP, "Credit", NULL);
  if (!captioner_credit_style_from_string (credit, &style->credit_style))
    {
      invalid (error, path, _("Credit must be suffix, prefix, agency-byline or ap"));
      return NULL;
    }
  if ((style->credit_style == CAPTIONER_CREDIT_SUFFIX ||
       style->credit_style == CAPTIONER_CREDIT_PREFIX) &&
      !has_one_placeholder (style->credit_format))
    {
      invalid (error, path, _("CreditFormat must hold one %s, where the credit goes"));
      return NULL;
    }
  if (!has_one_placeholder (style->nth_from_left) || !has_one_placeholder (style->nth_from_right) ||
      !has_one_placeholder (style->nth_row))
    {
      invalid (error, path, _("NthFromLeft, NthFromRight and NthRow must hold one %s"));
      return NULL;
    }
  style->ordinals = g_key_file_get_string_list (keys, GROUP, "Ordinals", NULL, NULL);
  if (style->ordinals == NULL)
    style->ordinals = g_strdupv (fallback->ordinals);
  return g_steal_pointer (&style);
}

gboolean
captioner_caption_style_save (const CaptionerCaptionStyle *style,
                              GFile                       *file,
                              GError                     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (string_keys); i++)
    {
      const char *value = *member ((CaptionerCaptionStyle *) style, &string_keys[i]);

      if (value != NULL)
        g_key_file_set_string (keys, GROUP, string_keys[i].key, value);
    }
  g_key_file_set_boolean (keys, GROUP, "SerialComma", style->serial_comma);
  g_key_file_set_string (keys, GROUP, "Credit",
                         captioner_credit_style_to_string (style->credit_style));
  if (style->ordinals != NULL)
    g_key_file_set_string_list (keys, GROUP, "Ordinals",
                                (const char * const *) style->ordinals,
                                g_strv_length (style->ordinals));
  data = g_key_file_to_data (keys, &length, NULL);
  if (g_file_has_parent (file, NULL))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_make_directory_with_parents (parent, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  /* Replaces the file whole: a reader sees the old style or the new one. */
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                error))
    {
      g_autofree char *path = g_file_get_parse_name (file);
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}
