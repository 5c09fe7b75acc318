#define G_LOG_DOMAIN "captioner-caption"

#include "config.h"

#include <string.h>

#include "captioner-caption.h"
#include "captioner-caption-partial.h"
#include "captioner-caption-rows.h"
#include "captioner-person.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Appends a part with runs of white space (line breaks from a multi-line body included)
 * folded into single spaces: a caption is one line. */
static void
append_part (GString    *caption,
             const char *part)
{
  gboolean pending_space;

  if (is_blank (part))
    return;
  pending_space = caption->len > 0;
  for (const char *p = part; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = caption->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (caption, ' ');
      pending_space = FALSE;
      g_string_append_c (caption, *p);
    }
}

void
captioner_caption_append_list (GString                     *text,
                               const CaptionerCaptionStyle *style,
                               GPtrArray                   *items,
                               gboolean                     comma_before_last)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0 && i == items->len - 1)
        {
          if (comma_before_last || (style->serial_comma && items->len > 2))
            g_string_append_c (text, ',');
          g_string_append_printf (text, " %s ", style->conjunction);
        }
      else if (i > 0)
        g_string_append (text, style->separator);
      g_string_append (text, g_ptr_array_index (items, i));
    }
}

/* One person: the name. Two or more: "From left, A, B and C", or "A, B and C (L-R)" when the
 * style's words go after the names (they start with a parenthesis). Blank names are left
 * out. */
char *
captioner_caption_compose_people (const CaptionerCaptionStyle *style,
                                  const char * const          *names)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  GString *part = g_string_new (NULL);

  if (style == NULL)
    style = captioner_caption_style_default ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (!is_blank (names[i]))
      g_ptr_array_add (kept, g_strstrip (g_strdup (names[i])));

  if (kept->len == 1)
    g_string_append (part, g_ptr_array_index (kept, 0));
  else if (kept->len > 1)
    {
      gboolean after = style->from_left[0] == '(';

      if (!after && *style->from_left != '\0')
        g_string_append_printf (part, "%s ", style->from_left);
      captioner_caption_append_list (part, style, kept, FALSE);
      if (after)
        g_string_append_printf (part, " %s", style->from_left);
    }
  return g_string_free (part, FALSE);
}

static char *
fill_format (const char *format,
             const char *value)
{
  const char *mark = strstr (format, "%s");

  if (mark == NULL)
    return g_strdup (format);
  return g_strdup_printf ("%.*s%s%s", (int) (mark - format), format, value, mark + 2);
}

char *
captioner_caption_format_credit (const CaptionerCaptionStyle *style,
                                 const char                  *credit,
                                 const char                  *byline)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *by = NULL;

  if (style == NULL)
    style = captioner_caption_style_default ();
  if (is_blank (credit))
    return NULL;
  trimmed = g_strstrip (g_strdup (credit));
  by = is_blank (byline) ? NULL : g_strstrip (g_strdup (byline));

  switch (style->credit_style)
    {
    case CAPTIONER_CREDIT_AGENCY_BYLINE:
      {
        g_autofree char *upper = g_utf8_strup (trimmed, -1);

        return by ? g_strdup_printf ("%s/%s", upper, by) : g_steal_pointer (&upper);
      }
    case CAPTIONER_CREDIT_AP:
      return by ? g_strdup_printf ("(%s Photo/%s)", trimmed, by)
                : g_strdup_printf ("(%s Photo)", trimmed);
    case CAPTIONER_CREDIT_SUFFIX:
    case CAPTIONER_CREDIT_PREFIX:
    default:
      return fill_format (style->credit_format ? style->credit_format : "%s", trimmed);
    }
}

/* The people's part, then the body, then the credit. A part that sets off its last words with
 * commas ("B, right") takes one more before a body. */
static char *
compose_parts (const CaptionerCaptionStyle *style,
               const char                  *people,
               gboolean                     comma_before_body,
               const char                  *body,
               const char                  *credit,
               const char                  *byline)
{
  GString *caption = g_string_new (NULL);

  append_part (caption, people);
  if (comma_before_body && caption->len > 0 && !is_blank (body))
    g_string_append_c (caption, ',');
  append_part (caption, body);
  /* The credit follows people or words; alone it is no caption (a photo with only
   * "(Reuters photo)" would count as captioned). */
  if (caption->len > 0 && !is_blank (credit))
    {
      g_autofree char *suffix = captioner_caption_format_credit (style, credit, byline);
      append_part (caption, suffix);
    }
  return g_string_free (caption, FALSE);
}

char *
captioner_caption_compose (const CaptionerCaptionStyle *style,
                           const char * const          *names,
                           const char                  *body,
                           const char                  *credit)
{
  g_autofree char *people = NULL;

  if (style == NULL)
    style = captioner_caption_style_default ();

  people = captioner_caption_compose_people (style, names);
  return compose_parts (style, people, FALSE, body, credit, NULL);
}

char *
captioner_caption_compose_example (const CaptionerCaptionStyle *style)
{
  static const char * const names[] = { "A", "B", "C", NULL };
  g_autofree char *people = captioner_caption_compose_people (style, names);

  if (style == NULL)
    style = captioner_caption_style_default ();
  return compose_parts (style, people, FALSE, "pose.", "Reuters", "Jane Doe");
}

char **
captioner_caption_dup_names (const CaptionerMetadata *metadata,
                             int                      orientation)
{
  g_autoptr(GArray) order = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (metadata != NULL, NULL);

  order = captioner_people_order_displayed (metadata->people, orientation);
  for (guint i = 0; i < order->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (metadata->people,
                                                         g_array_index (order, guint, i));
      g_strv_builder_add (builder, person->name);
    }
  return g_strv_builder_end (builder);
}

/* Rows when people stand in rows, positions when some boxed people are unnamed, else the
 * names left to right. */
char *
captioner_caption_compose_metadata (const CaptionerMetadata *metadata,
                                    int                      orientation)
{
  g_return_val_if_fail (metadata != NULL, NULL);

  return captioner_caption_compose_metadata_styled (
    metadata, orientation, captioner_caption_style_lookup (metadata->fields[CAPTIONER_FIELD_STYLE]));
}

char *
captioner_caption_compose_metadata_styled (const CaptionerMetadata     *metadata,
                                           int                          orientation,
                                           const CaptionerCaptionStyle *style)
{
  g_autofree char *people = NULL;
  gboolean partial = FALSE;

  g_return_val_if_fail (metadata != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  people = captioner_caption_rows_compose (style, metadata->people, orientation);
  if (people == NULL)
    {
      people = captioner_caption_partial_compose (style, metadata->people, orientation);
      partial = people != NULL;
    }
  if (people == NULL)
    {
      g_auto(GStrv) names = captioner_caption_dup_names (metadata, orientation);

      people = captioner_caption_compose_people (style, (const char * const *) names);
    }
  return compose_parts (style, people, partial,
                        metadata->fields[CAPTIONER_FIELD_CAPTION_BODY],
                        metadata->fields[CAPTIONER_FIELD_CREDIT],
                        metadata->fields[CAPTIONER_FIELD_BYLINE]);
}
