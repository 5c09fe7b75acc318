#define G_LOG_DOMAIN "captioner-caption-check"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-caption.h"
#include "captioner-caption-check.h"
#include "captioner-exif.h"
#include "captioner-person.h"

static const struct
{
  CaptionerField  field;
  const char     *label;
  gsize           max_bytes;
} checked_fields[] = {
  { CAPTIONER_FIELD_CAPTION,  N_("Caption"),  CAPTIONER_CAPTION_MAX_BYTES },
  { CAPTIONER_FIELD_HEADLINE, N_("Headline"), CAPTIONER_HEADLINE_MAX_BYTES },
  { CAPTIONER_FIELD_CREDIT,   N_("Credit"),   CAPTIONER_SHORT_FIELD_MAX_BYTES },
  { CAPTIONER_FIELD_BYLINE,   N_("Byline"),   CAPTIONER_SHORT_FIELD_MAX_BYTES },
  { CAPTIONER_FIELD_CITY,     N_("City"),     CAPTIONER_SHORT_FIELD_MAX_BYTES },
};

static const char * const kind_ids[] = {
  [CAPTIONER_CHECK_NAME_MISSING] = "name-missing",
  [CAPTIONER_CHECK_NAME_ORDER] = "name-order",
  [CAPTIONER_CHECK_UNNAMED_BOX] = "unnamed-box",
  [CAPTIONER_CHECK_NOT_TAGGED] = "not-tagged",
  [CAPTIONER_CHECK_UNEXPANDED_CODE] = "unexpanded-code",
  [CAPTIONER_CHECK_TOO_LONG] = "too-long",
  [CAPTIONER_CHECK_NOT_A_CAPTION] = "not-a-caption",
  [CAPTIONER_CHECK_NO_CREDIT] = "no-credit",
  [CAPTIONER_CHECK_SPELLING] = "spelling",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_ids) == CAPTIONER_CHECK_N_KINDS);

const char *
captioner_check_kind_to_id (CaptionerCheckKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_ids), NULL);
  return kind_ids[kind];
}

gboolean
captioner_check_kind_from_id (const char         *id,
                              CaptionerCheckKind *kind)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (kind_ids); i++)
    if (g_str_equal (id, kind_ids[i]))
      {
        if (kind != NULL)
          *kind = i;
        return TRUE;
      }
  return FALSE;
}

guint
captioner_check_mask_from_ids (const char * const *ids)
{
  guint mask = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CaptionerCheckKind kind;

      if (captioner_check_kind_from_id (ids[i], &kind))
        mask |= CAPTIONER_CHECK_MASK (kind);
    }
  return mask;
}

void
captioner_finding_free (CaptionerFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_free (finding);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

G_GNUC_PRINTF (5, 6)
static void
add_finding (GPtrArray          *findings,
             CaptionerCheckKind  kind,
             CaptionerField      field,
             guint               person_id,
             const char         *format,
             ...)
{
  CaptionerFinding *finding = g_new0 (CaptionerFinding, 1);
  va_list args;

  finding->kind = kind;
  finding->field = field;
  finding->person_id = person_id;
  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (finding->message, "\r\n", ' ');
  g_ptr_array_add (findings, finding);
}

/* Where a person is first named in folded (a casefolded caption): by their name or short
 * form, whichever comes first; -1 when neither is there. */
static gssize
find_person (const char            *folded,
             const CaptionerPerson *person,
             CaptionerShortNameFunc short_name,
             gpointer               user_data)
{
  g_autofree char *name = g_strstrip (g_utf8_casefold (person->name, -1));
  g_autofree char *shortened = short_name ? short_name (person->name, user_data) : NULL;
  const char *at = *name ? strstr (folded, name) : NULL;

  if (!is_blank (shortened))
    {
      g_autofree char *folded_short = g_strstrip (g_utf8_casefold (shortened, -1));
      const char *at_short = strstr (folded, folded_short);

      if (at_short != NULL && (at == NULL || at_short < at))
        at = at_short;
    }
  return at ? at - folded : -1;
}

typedef struct
{
  const CaptionerPerson *person;
  gssize                 in_caption;
  gssize                 in_composed;
} Placed;

static int
compare_in_caption (const void *a,
                    const void *b)
{
  gssize pa = ((const Placed *) a)->in_caption;
  gssize pb = ((const Placed *) b)->in_caption;

  return (pa > pb) - (pa < pb);
}

static int
compare_in_composed (const void *a,
                     const void *b)
{
  gssize pa = ((const Placed *) a)->in_composed;
  gssize pb = ((const Placed *) b)->in_composed;

  return (pa > pb) - (pa < pb);
}

/* The names, and the order of the boxed ones: the order Captioner would compose them in (left
 * to right, or by rows). */
static void
check_people (GPtrArray               *findings,
              const CaptionerMetadata *metadata,
              int                      orientation,
              CaptionerShortNameFunc   short_name,
              gpointer                 user_data)
{
  g_autofree char *folded = g_utf8_casefold (metadata->fields[CAPTIONER_FIELD_CAPTION] ?
                                             metadata->fields[CAPTIONER_FIELD_CAPTION] : "", -1);
  g_autofree char *composed = captioner_caption_compose_metadata (metadata, orientation);
  g_autofree char *composed_folded = g_utf8_casefold (composed, -1);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GArray) by_composed = NULL;
  g_autoptr(GArray) order = captioner_people_order_displayed (metadata->people, orientation);
  guint box = 0;

  for (guint i = 0; i < order->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (metadata->people,
                                                         g_array_index (order, guint, i));
      gssize at;

      if (person->has_region)
        box++;
      if (is_blank (person->name))
        {
          if (person->has_region)
            add_finding (findings, CAPTIONER_CHECK_UNNAMED_BOX, CAPTIONER_FIELD_CAPTION,
                         person->id, _("Box %u from the left has no name"), box);
          continue;
        }
      at = find_person (folded, person, short_name, user_data);
      if (at < 0)
        add_finding (findings, CAPTIONER_CHECK_NAME_MISSING, CAPTIONER_FIELD_CAPTION, person->id,
                     _("%s is tagged but not named in the caption"), person->name);
      else if (person->has_region)
        {
          Placed p = { person, at, find_person (composed_folded, person, short_name, user_data) };

          if (p.in_composed >= 0)
            g_array_append_val (placed, p);
        }
    }

  g_array_sort (placed, compare_in_caption);
  by_composed = g_array_copy (placed);
  g_array_sort (by_composed, compare_in_composed);
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *here = &g_array_index (placed, Placed, i);
      const Placed *expected = &g_array_index (by_composed, Placed, i);

      if (here->person != expected->person)
        {
          add_finding (findings, CAPTIONER_CHECK_NAME_ORDER, CAPTIONER_FIELD_CAPTION,
                       here->person->id,
                       _("The caption names %s before %s, against the order of the boxes"),
                       here->person->name, expected->person->name);
          break;
        }
    }
}

/* "=code=" or "=code#2=": letters, digits and "_-.#" between two "=". */
static const char *
find_code (const char  *text,
           gsize       *length)
{
  for (const char *p = strchr (text, '='); p != NULL; p = strchr (p + 1, '='))
    {
      const char *q = p + 1;
      gboolean letter = FALSE;

      while (g_ascii_isalnum (*q) || *q == '_' || *q == '-' || *q == '.' || *q == '#' ||
             (guchar) *q >= 0x80)
        {
          letter |= !g_ascii_isdigit (*q);
          q++;
        }
      if (*q == '=' && q > p + 1 && letter)
        {
          *length = q + 1 - p;
          return p;
        }
    }
  return NULL;
}

static void
remove_all (GString    *text,
            const char *what)
{
  gsize n = strlen (what);
  char *at;

  if (n == 0)
    return;
  while ((at = strstr (text->str, what)) != NULL)
    g_string_erase (text, at - text->str, n);
}

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* A caption that is only the credit: "(Reuters photo)", "Reuters", "Photo: Reuters". */
static gboolean
is_only_credit (const char *caption,
                const char *credit)
{
  g_autofree char *folded = g_strstrip (g_utf8_casefold (caption, -1));
  g_autoptr(GString) rest = g_string_new (folded);
  gsize len = strlen (folded);

  if (!is_blank (credit))
    {
      g_autofree char *folded_credit = g_strstrip (g_utf8_casefold (credit, -1));
      remove_all (rest, folded_credit);
    }
  remove_all (rest, "photo");
  if (!has_alnum (rest->str))
    return TRUE;
  /* "(Reuters photo)" with the credit field empty. */
  return len > 7 && folded[0] == '(' && g_str_has_suffix (folded, " photo)") &&
         strchr (folded + 1, '(') == NULL;
}

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Whether @name is in @text as whole words, case as written. */
static gboolean
has_whole_words (const char *text,
                 const char *name)
{
  gsize n = strlen (name);

  if (n == 0)
    return FALSE;
  for (const char *at = strstr (text, name); at != NULL; at = strstr (at + 1, name))
    {
      gboolean starts = at == text || !is_word_char (g_utf8_find_prev_char (text, at));
      gboolean ends = at[n] == '\0' || !is_word_char (at + n);

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* Names the directory knows in the caption that belong to nobody tagged; a name inside a
 * tagged person's name ("Lavrov" of "Sergei Lavrov") is theirs. */
static void
check_not_tagged (GPtrArray                   *findings,
                  const CaptionerMetadata     *metadata,
                  const CaptionerCheckOptions *options)
{
  const char *caption = metadata->fields[CAPTIONER_FIELD_CAPTION];
  g_auto(GStrv) known = NULL;
  g_autoptr(GHashTable) told = g_hash_table_new (g_str_hash, g_str_equal);

  if (options->known_names == NULL || is_blank (caption))
    return;
  known = options->known_names (options->user_data);
  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (known[i]));
      gboolean tagged = FALSE;

      if (*name == '\0' || g_hash_table_contains (told, known[i]) ||
          !has_whole_words (caption, name))
        continue;
      for (guint p = 0; p < metadata->people->len && !tagged; p++)
        {
          const CaptionerPerson *person = g_ptr_array_index (metadata->people, p);

          tagged = person->name != NULL && has_whole_words (person->name, name);
        }
      if (tagged)
        continue;
      g_hash_table_add (told, known[i]);
      add_finding (findings, CAPTIONER_CHECK_NOT_TAGGED, CAPTIONER_FIELD_CAPTION, 0,
                   _("%s is named in the caption but not tagged"), name);
    }
}

gboolean
captioner_caption_is_not_a_caption (const char *caption,
                                    const char *credit,
                                    const char *byline)
{
  g_autofree char *rest = NULL;

  if (is_blank (caption))
    return FALSE;
  if (captioner_exif_is_boilerplate_description (caption))
    return TRUE;
  if (is_blank (byline))
    return is_only_credit (caption, credit);
  /* "REUTERS/Jane Doe", "(AP Photo/Jane Doe)": the byline is part of the credit. */
  {
    g_autoptr(GString) without = g_string_new (caption);

    remove_all (without, byline);
    rest = g_string_free (g_steal_pointer (&without), FALSE);
  }
  return is_only_credit (rest, credit);
}

GPtrArray *
captioner_caption_check (const CaptionerMetadata *metadata,
                         int                      orientation,
                         CaptionerShortNameFunc   short_name,
                         gpointer                 user_data)
{
  CaptionerCheckOptions options = { short_name, NULL, user_data, 0 };

  return captioner_caption_check_full (metadata, orientation, &options);
}

static void
drop_skipped (GPtrArray *findings,
              guint      skip)
{
  for (guint i = findings->len; i > 0; i--)
    if (skip & CAPTIONER_CHECK_MASK (((CaptionerFinding *) g_ptr_array_index (findings,
                                                                               i - 1))->kind))
      g_ptr_array_remove_index (findings, i - 1);
}

GPtrArray *
captioner_caption_check_full (const CaptionerMetadata     *metadata,
                              int                          orientation,
                              const CaptionerCheckOptions *options)
{
  static const CaptionerCheckOptions no_options = { NULL, NULL, NULL, 0 };
  CaptionerShortNameFunc short_name;
  gpointer user_data;
  GPtrArray *findings;
  const char *caption;

  g_return_val_if_fail (metadata != NULL, NULL);

  if (options == NULL)
    options = &no_options;
  short_name = options->short_name;
  user_data = options->user_data;
  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_finding_free);
  caption = metadata->fields[CAPTIONER_FIELD_CAPTION];

  check_people (findings, metadata, orientation, short_name, user_data);
  if (!(options->skip & CAPTIONER_CHECK_MASK (CAPTIONER_CHECK_NOT_TAGGED)))
    check_not_tagged (findings, metadata, options);

  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      const char *value = metadata->fields[checked_fields[i].field];
      const char *code;
      gsize length = 0;

      if (value == NULL)
        continue;
      code = find_code (value, &length);
      if (code != NULL)
        {
          g_autofree char *text = g_strndup (code, length);
          /* TRANSLATORS: the field ("Caption", "Headline"...), then a code as typed, "=lav=" */
          add_finding (findings, CAPTIONER_CHECK_UNEXPANDED_CODE, checked_fields[i].field, 0,
                       _("%s: the code “%s” is not expanded"), _(checked_fields[i].label), text);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      const char *value = metadata->fields[checked_fields[i].field];

      if (value != NULL && strlen (value) > checked_fields[i].max_bytes)
        /* TRANSLATORS: the field ("Caption", "Headline"...), its length and the limit */
        add_finding (findings, CAPTIONER_CHECK_TOO_LONG, checked_fields[i].field, 0,
                     _("%s is over the IPTC IIM limit: %u bytes of %u"),
                     _(checked_fields[i].label), (guint) strlen (value),
                     (guint) checked_fields[i].max_bytes);
    }

  if (!is_blank (caption))
    {
      g_autofree char *shown = g_strstrip (g_strdup (caption));

      if (captioner_exif_is_boilerplate_description (caption))
        add_finding (findings, CAPTIONER_CHECK_NOT_A_CAPTION, CAPTIONER_FIELD_CAPTION, 0,
                     _("The caption “%s” is what the camera writes, not a caption"), shown);
      else if (captioner_caption_is_not_a_caption (caption,
                                                   metadata->fields[CAPTIONER_FIELD_CREDIT],
                                                   metadata->fields[CAPTIONER_FIELD_BYLINE]))
        add_finding (findings, CAPTIONER_CHECK_NOT_A_CAPTION, CAPTIONER_FIELD_CAPTION, 0,
                     _("The caption “%s” is only a credit: the photo is not captioned"), shown);
    }
  if (is_blank (metadata->fields[CAPTIONER_FIELD_CREDIT]))
    add_finding (findings, CAPTIONER_CHECK_NO_CREDIT, CAPTIONER_FIELD_CREDIT, 0,
                 _("No credit"));
  drop_skipped (findings, options->skip);
  return findings;
}
