#define G_LOG_DOMAIN "captioner-caption"

#include "config.h"

#include <string.h>

#include "captioner-caption.h"
#include "captioner-caption-partial.h"
#include "captioner-caption-rows.h"
#include "captioner-person.h"

static const CaptionerCaptionStyle styles[] = {
  { "default", "From left,", ", ", " and ", FALSE, "(%s photo)" },
  { "serial-comma", "From left,", ", ", " and ", TRUE, "(%s photo)" },
};

const CaptionerCaptionStyle *
captioner_caption_style_default (void)
{
  return &styles[0];
}

const CaptionerCaptionStyle *
captioner_caption_style_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i].id, id) == 0)
      return &styles[i];
  return captioner_caption_style_default ();
}

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

/* One person: the name. Two or more: "From left, A, B and C". Blank names are left out. */
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
      g_string_append (part, style->from_left);
      g_string_append_c (part, ' ');
      for (guint i = 0; i < kept->len; i++)
        {
          if (i > 0 && i == kept->len - 1)
            {
              if (style->serial_comma && kept->len > 2)
                g_string_append_c (part, ',');
              g_string_append (part, style->last_separator);
            }
          else if (i > 0)
            g_string_append (part, style->separator);
          g_string_append (part, g_ptr_array_index (kept, i));
        }
    }
  return g_string_free (part, FALSE);
}

static char *
format_credit (const CaptionerCaptionStyle *style,
               const char                  *credit)
{
  const char *mark = strstr (style->credit_format, "%s");
  g_autofree char *trimmed = g_strstrip (g_strdup (credit));

  if (mark == NULL)
    return g_strdup (style->credit_format);
  return g_strdup_printf ("%.*s%s%s", (int) (mark - style->credit_format), style->credit_format,
                          trimmed, mark + 2);
}

/* The people's part, then the body, then the credit. A part that sets off its last words with
 * commas ("B, right") takes one more before a body. */
static char *
compose_parts (const CaptionerCaptionStyle *style,
               const char                  *people,
               gboolean                     comma_before_body,
               const char                  *body,
               const char                  *credit)
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
      g_autofree char *suffix = format_credit (style, credit);
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
  return compose_parts (style, people, FALSE, body, credit);
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
  g_autofree char *people = NULL;
  const CaptionerCaptionStyle *style;
  gboolean partial = FALSE;

  g_return_val_if_fail (metadata != NULL, NULL);

  style = captioner_caption_style_lookup (metadata->fields[CAPTIONER_FIELD_STYLE]);
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
                        metadata->fields[CAPTIONER_FIELD_CREDIT]);
}
