#define G_LOG_DOMAIN "captioner-text-fold"

#include "config.h"

#include <string.h>

#include "captioner-text-fold.h"

/* Latin letters with no canonical decomposition, as an English reader would type them. */
static const char *
spell_latin (gunichar c)
{
  switch (c)
    {
    case 0x00E6: return "ae";  /* æ */
    case 0x00F0: return "d";   /* ð */
    case 0x00F8: return "o";   /* ø */
    case 0x00FE: return "th";  /* þ */
    case 0x0111: return "d";   /* đ */
    case 0x0127: return "h";   /* ħ */
    case 0x0131: return "i";   /* ı */
    case 0x0142: return "l";   /* ł */
    case 0x0153: return "oe";  /* œ */
    case 0x0167: return "t";   /* ŧ */
    default:     return NULL;
    }
}

char *
captioner_text_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  /* Case folding first: it can produce letters with combining marks ("İ" → "i̇"). */
  folded = g_utf8_casefold (valid, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *spelt;

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (g_unichar_ismark (c) || g_unichar_ispunct (c))
        continue;
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      spelt = spell_latin (c);
      if (spelt != NULL)
        g_string_append (out, spelt);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
