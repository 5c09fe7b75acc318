/* The caption composer: captioner_caption_compose and captioner_caption_compose_people with
 * names, a body and a credit taken from the input's lines (the first byte picks the style).
 * From UTF-8 parts the caption is UTF-8. */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "captioner-caption.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *body = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *people = NULL;
  const CaptionerCaptionStyle *style;
  guint n;

  if (size == 0)
    return 0;
  style = captioner_caption_style_lookup ((data[0] & 1) ? "serial-comma" : "default");
  text = g_strndup ((const char *) data + 1, size - 1);
  lines = g_strsplit (text, "\n", 64);
  n = g_strv_length (lines);
  /* The last line is the credit (none when empty), the one before the body; the others are
   * names. */
  if (n > 0)
    {
      credit = g_steal_pointer (&lines[--n]);
      if (*credit == '\0')
        g_clear_pointer (&credit, g_free);
    }
  if (n > 0)
    body = g_steal_pointer (&lines[--n]);
  caption = captioner_caption_compose (style, (const char * const *) lines, body, credit);
  people = captioner_caption_compose_people (style, (const char * const *) lines);
  if (g_utf8_validate (text, -1, NULL))
    {
      g_assert (caption == NULL || g_utf8_validate (caption, -1, NULL));
      g_assert (people == NULL || g_utf8_validate (people, -1, NULL));
    }
  return 0;
}
