#define G_LOG_DOMAIN "captioner-caption-partial"

#include "config.h"

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

/* In the caption's language (English until styles carry the words). */
static char *
from_side (guint       place,
           const char *side)
{
  static const char * const ordinals[] = { "second", "third", "fourth", "fifth", "sixth",
                                           "seventh", "eighth", "ninth", "tenth" };

  if (place == 1)
    return g_strdup (side);
  if (place - 2 < G_N_ELEMENTS (ordinals))
    return g_strdup_printf ("%s from %s", ordinals[place - 2], side);
  return g_strdup_printf ("%uth from %s", place, side);
}

char *
captioner_caption_position_word (guint index,
                                 guint n)
{
  g_return_val_if_fail (index < n, NULL);

  if (n % 2 == 1 && n > 1 && index == n / 2)
    return g_strdup ("centre");
  if (index < n - 1 - index)
    return from_side (index + 1, "left");
  return from_side (n - index, "right");
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
          g_autofree char *where = captioner_caption_position_word (i, n_boxed);
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
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0 && i == items->len - 1)
        {
          g_string_append_c (text, ',');
          g_string_append (text, style->last_separator);
        }
      else if (i > 0)
        g_string_append (text, style->separator);
      g_string_append (text, g_ptr_array_index (items, i));
    }
  return g_string_free (text, FALSE);
}
