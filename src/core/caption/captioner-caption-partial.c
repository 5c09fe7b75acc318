#define G_LOG_DOMAIN "captioner-caption-partial"

#include "config.h"

#include <string.h>

#include "captioner-caption-partial.h"
#include "captioner-person.h"

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The place-th (from 1) from a side in the style's words: "second from left" is one of its
 * five positions, further in "%s from left" with its ordinal ("third"). */
static char *
from_side (const CaptionerCaptionStyle *style,
           guint                        place,
           gboolean                     left)
{
  const char *format = left ? style->nth_from_left : style->nth_from_right;
  g_autofree char *ordinal = NULL;
  const char *mark;

  if (place == 1)
    return g_strdup (style->positions[left ? CAPTIONER_POSITION_LEFT : CAPTIONER_POSITION_RIGHT]);
  if (place == 2)
    return g_strdup (style->positions[left ? CAPTIONER_POSITION_SECOND_FROM_LEFT
                                           : CAPTIONER_POSITION_SECOND_FROM_RIGHT]);
  if (style->ordinals != NULL && place - 2 < g_strv_length (style->ordinals))
    ordinal = g_strdup (style->ordinals[place - 2]);
  else
    ordinal = g_strdup_printf ("%u", place);
  mark = format ? strstr (format, "%s") : NULL;
  if (mark == NULL)
    return g_steal_pointer (&ordinal);
  return g_strdup_printf ("%.*s%s%s", (int) (mark - format), format, ordinal, mark + 2);
}

char *
captioner_caption_style_position_word (const CaptionerCaptionStyle *style,
                                       guint                        index,
                                       guint                        n)
{
  g_return_val_if_fail (index < n, NULL);

  if (style == NULL)
    style = captioner_caption_style_default ();
  if (n % 2 == 1 && n > 1 && index == n / 2)
    return g_strdup (style->positions[CAPTIONER_POSITION_CENTRE]);
  if (index < n - 1 - index)
    return from_side (style, index + 1, TRUE);
  return from_side (style, n - index, FALSE);
}

char *
captioner_caption_position_word (guint index,
                                 guint n)
{
  return captioner_caption_style_position_word (NULL, index, n);
}

char *
captioner_caption_partial_compose (const CaptionerCaptionStyle *style,
                                   GPtrArray                   *people,
                                   int                          orientation)
{
  g_autoptr(GArray) order = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  gboolean unnamed = FALSE;
  guint n_boxed = 0;
  GString *text;

  g_return_val_if_fail (people != NULL, NULL);

  if (style == NULL)
    style = captioner_caption_style_default ();

  /* Boxed people come first in this order, left to right; the others follow. */
  order = captioner_people_order_displayed (people, orientation);
  for (guint i = 0; i < order->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, g_array_index (order, guint, i));

      if (person->has_region)
        {
          n_boxed++;
          unnamed |= is_blank (person->name);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, g_array_index (order, guint, i));
      g_autofree char *name = NULL;

      if (is_blank (person->name))
        continue;
      name = g_strstrip (g_strdup (person->name));
      if (i < n_boxed)
        {
          g_autofree char *where = captioner_caption_style_position_word (style, i, n_boxed);
          g_ptr_array_add (items, g_strdup_printf ("%s, %s", name, where));
        }
      else
        g_ptr_array_add (items, g_steal_pointer (&name));
    }
  if (!unnamed || items->len == 0)
    return NULL;

  /* Each position is set off by commas, so the last name always follows one:
   * "A, left, and B, right". */
  text = g_string_new (NULL);
  captioner_caption_append_list (text, style, items, TRUE);
  return g_string_free (text, FALSE);
}
