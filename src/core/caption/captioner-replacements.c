#define G_LOG_DOMAIN "captioner-replacements"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-replacements.h"

/* Longer than any code an editor types; a delimiter further back is not an opening one. */
#define MAX_CODE_CHARS 64

struct _CaptionerReplacements
{
  GObject                 parent_instance;

  GHashTable             *codes;       /* code → GStrv of replacements ("" for an empty one) */
  char                   *delimiter;   /* one character */
  gunichar                delimiter_char;
  CaptionerCodeLookupFunc lookup;
  gpointer                lookup_data;
  GDestroyNotify          lookup_destroy;
};

G_DEFINE_FINAL_TYPE (CaptionerReplacements, captioner_replacements, G_TYPE_OBJECT)

G_DEFINE_QUARK (captioner-replacements-error-quark, captioner_replacements_error)

enum {
  PROP_0,
  PROP_DELIMITER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
captioner_replacements_finalize (GObject *object)
{
  CaptionerReplacements *self = CAPTIONER_REPLACEMENTS (object);

  if (self->lookup_destroy != NULL)
    self->lookup_destroy (self->lookup_data);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->delimiter, g_free);
  G_OBJECT_CLASS (captioner_replacements_parent_class)->finalize (object);
}

static void
captioner_replacements_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CaptionerReplacements *self = CAPTIONER_REPLACEMENTS (object);

  switch (prop_id)
    {
    case PROP_DELIMITER:
      g_value_set_string (value, self->delimiter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_replacements_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CaptionerReplacements *self = CAPTIONER_REPLACEMENTS (object);

  switch (prop_id)
    {
    case PROP_DELIMITER:
      captioner_replacements_set_delimiter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_replacements_class_init (CaptionerReplacementsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = captioner_replacements_finalize;
  object_class->get_property = captioner_replacements_get_property;
  object_class->set_property = captioner_replacements_set_property;

  properties[PROP_DELIMITER] =
    g_param_spec_string ("delimiter", NULL, NULL, "=",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_replacements_init (CaptionerReplacements *self)
{
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_strfreev);
  self->delimiter = g_strdup ("=");
  self->delimiter_char = '=';
}

CaptionerReplacements *
captioner_replacements_new (void)
{
  return g_object_new (CAPTIONER_TYPE_REPLACEMENTS, NULL);
}

CaptionerReplacements *
captioner_replacements_new_for_files (GFile * const  *files,
                                      guint           n_files,
                                      GCancellable   *cancellable,
                                      GError        **error)
{
  g_autoptr(CaptionerReplacements) self = captioner_replacements_new ();

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  for (guint i = 0; i < n_files; i++)
    if (!captioner_replacements_load_file (self, files[i], cancellable, error))
      return NULL;
  return g_steal_pointer (&self);
}

static void
new_for_files_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  GError *error = NULL;
  CaptionerReplacements *self;

  self = captioner_replacements_new_for_files ((GFile * const *) files->pdata, files->len,
                                               cancellable, &error);
  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
captioner_replacements_new_for_files_async (GFile * const       *files,
                                            guint                n_files,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (copy, g_object_ref (files[i]));
  g_task_set_source_tag (task, captioner_replacements_new_for_files_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, new_for_files_thread);
}

CaptionerReplacements *
captioner_replacements_new_for_files_finish (GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
captioner_replacements_load_file (CaptionerReplacements  *self,
                                  GFile                  *file,
                                  GCancellable           *cancellable,
                                  GError                **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (CAPTIONER_IS_REPLACEMENTS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    {
      if (error != NULL && *error != NULL && strstr ((*error)->message, name) == NULL)
        g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  return captioner_replacements_load_data (self, contents, length, name, error);
}

/* UTF-16 with a byte order mark (some Windows editors save so) as UTF-8. */
static char *
to_utf8 (const char *data,
         gsize       length,
         gsize      *out_length)
{
  const char *from = NULL;

  if (length >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    from = "UTF-16LE";
  else if (length >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    from = "UTF-16BE";
  if (from == NULL)
    {
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          data += 3;
          length -= 3;
        }
      *out_length = length;
      return g_strndup (data, length);
    }
  return g_convert (data + 2, length - 2, "UTF-8", from, NULL, out_length, NULL);
}

gboolean
captioner_replacements_load_data (CaptionerReplacements  *self,
                                  const char             *data,
                                  gsize                   length,
                                  const char             *origin,
                                  GError                **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *end = NULL;
  gsize text_length = 0;

  g_return_val_if_fail (CAPTIONER_IS_REPLACEMENTS (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  text = to_utf8 (data, length, &text_length);
  if (text == NULL || strlen (text) != text_length || !g_utf8_validate (text, -1, &end))
    {
      guint line = 1;

      for (const char *p = text; p != NULL && end != NULL && p < end; p++)
        line += *p == '\n';
      g_set_error (error, CAPTIONER_REPLACEMENTS_ERROR, CAPTIONER_REPLACEMENTS_ERROR_INVALID,
                   _("%s: line %u is not UTF-8 text"), origin, line);
      return FALSE;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autoptr(GStrvBuilder) builder = NULL;
      guint n;

      g_strchomp (lines[i]);
      if (g_str_has_prefix (g_strchug (lines[i]), "//") || strchr (lines[i], '\t') == NULL)
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      g_strstrip (cells[0]);
      n = g_strv_length (cells);
      while (n > 1 && *g_strstrip (cells[n - 1]) == '\0')
        n--;
      if (*cells[0] == '\0' || n < 2)
        continue;
      builder = g_strv_builder_new ();
      for (guint c = 1; c < n; c++)
        g_strv_builder_add (builder, g_strstrip (cells[c]));
      g_hash_table_replace (self->codes, g_strdup (cells[0]), g_strv_builder_end (builder));
    }
  return TRUE;
}

guint
captioner_replacements_get_n_codes (CaptionerReplacements *self)
{
  g_return_val_if_fail (CAPTIONER_IS_REPLACEMENTS (self), 0);
  return g_hash_table_size (self->codes);
}

const char *
captioner_replacements_get_delimiter (CaptionerReplacements *self)
{
  g_return_val_if_fail (CAPTIONER_IS_REPLACEMENTS (self), NULL);
  return self->delimiter;
}

gboolean
captioner_replacements_delimiter_is_valid (const char *text)
{
  gunichar c;

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  c = g_utf8_get_char (text);
  return *g_utf8_next_char (text) == '\0' && !g_unichar_isalnum (c) && !g_unichar_isspace (c);
}

void
captioner_replacements_set_delimiter (CaptionerReplacements *self,
                                      const char            *delimiter)
{
  gunichar c;

  g_return_if_fail (CAPTIONER_IS_REPLACEMENTS (self));

  if (delimiter == NULL || *delimiter == '\0')
    delimiter = "=";
  g_return_if_fail (g_utf8_validate (delimiter, -1, NULL));
  c = g_utf8_get_char (delimiter);
  g_return_if_fail (!g_unichar_isspace (c) && *g_utf8_next_char (delimiter) == '\0');

  if (c == self->delimiter_char)
    return;
  self->delimiter_char = c;
  g_free (self->delimiter);
  self->delimiter = g_strdup (delimiter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIMITER]);
}

void
captioner_replacements_set_lookup (CaptionerReplacements  *self,
                                   CaptionerCodeLookupFunc lookup,
                                   gpointer                user_data,
                                   GDestroyNotify          destroy)
{
  g_return_if_fail (CAPTIONER_IS_REPLACEMENTS (self));

  if (self->lookup_destroy != NULL)
    self->lookup_destroy (self->lookup_data);
  self->lookup = lookup;
  self->lookup_data = user_data;
  self->lookup_destroy = destroy;
}

static char *
from_files (CaptionerReplacements *self,
            const char            *code,
            guint                  alternate)
{
  const char * const *replacements = g_hash_table_lookup (self->codes, code);

  if (replacements == NULL || alternate < 1 || alternate > g_strv_length ((GStrv) replacements))
    return NULL;
  if (*replacements[alternate - 1] == '\0')
    return NULL;
  return g_strdup (replacements[alternate - 1]);
}

char *
captioner_replacements_resolve (CaptionerReplacements *self,
                                const char            *code)
{
  g_autofree char *base = NULL;
  const char *hash;
  guint alternate = 0;
  char *found;

  g_return_val_if_fail (CAPTIONER_IS_REPLACEMENTS (self), NULL);

  if (code == NULL || *code == '\0')
    return NULL;
  /* "lav#2": the second replacement of lav, unless a code is called "lav#2" itself. */
  hash = strrchr (code, '#');
  if (hash != NULL && hash != code && hash[1] != '\0' && strlen (hash + 1) <= 3 &&
      strspn (hash + 1, "0123456789") == strlen (hash + 1))
    {
      base = g_strndup (code, hash - code);
      alternate = (guint) g_ascii_strtoull (hash + 1, NULL, 10);
    }

  found = from_files (self, code, 1);
  if (found == NULL && base != NULL)
    found = from_files (self, base, alternate);
  if (found == NULL && self->lookup != NULL)
    found = self->lookup (code, 1, self->lookup_data);
  if (found == NULL && self->lookup != NULL && base != NULL && alternate > 0)
    found = self->lookup (base, alternate, self->lookup_data);
  return found;
}

void
captioner_expansion_clear (CaptionerExpansion *expansion)
{
  g_return_if_fail (expansion != NULL);

  g_clear_pointer (&expansion->replacement, g_free);
  g_clear_pointer (&expansion->text, g_free);
  expansion->kind = CAPTIONER_EXPANSION_NONE;
  expansion->span.start = expansion->span.end = 0;
  expansion->cursor = 0;
}

/* The end of the code starting at @start (after an opening delimiter): the closing
 * delimiter, or NULL when white space, the end of the text or MAX_CODE_CHARS comes first or
 * the code is empty. */
static const char *
find_closing (CaptionerReplacements *self,
              const char            *start)
{
  guint n = 0;

  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == self->delimiter_char)
        return n > 0 ? p : NULL;
      if (g_unichar_isspace (c) || ++n > MAX_CODE_CHARS)
        return NULL;
    }
  return NULL;
}

char *
captioner_replacements_expand (CaptionerReplacements  *self,
                               const char             *text,
                               GArray                **unknown)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CaptionerCodeSpan));
  GString *out;
  const char *p;
  const char *unknown_close = NULL;  /* the closing delimiter of the last unknown code */
  int out_chars = 0;
  gsize dl;

  g_return_val_if_fail (CAPTIONER_IS_REPLACEMENTS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  dl = strlen (self->delimiter);
  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      if (g_utf8_get_char (p) == self->delimiter_char)
        {
          const char *close = find_closing (self, p + dl);

          if (close != NULL)
            {
              g_autofree char *code = g_strndup (p + dl, close - (p + dl));
              g_autofree char *replacement = captioner_replacements_resolve (self, code);
              CaptionerCodeSpan span;

              if (replacement != NULL)
                {
                  /* This code opened with the unknown one's closing delimiter: its span
                   * ends before it. */
                  if (unknown_close == p)
                    g_array_index (spans, CaptionerCodeSpan, spans->len - 1).end--;
                  g_string_append (out, replacement);
                  out_chars += g_utf8_strlen (replacement, -1);
                  p = close + dl;
                  continue;
                }
              /* Unknown: kept as typed; its closing delimiter may open the next code. */
              span.start = out_chars;
              g_string_append_len (out, p, close - p);
              out_chars += g_utf8_strlen (p, close - p);
              span.end = out_chars + 1;
              g_array_append_val (spans, span);
              unknown_close = close;
              p = close;
              continue;
            }
        }
      g_string_append_unichar (out, g_utf8_get_char (p));
      out_chars++;
      p = g_utf8_next_char (p);
    }
  if (unknown != NULL)
    *unknown = g_steal_pointer (&spans);
  return g_string_free (out, FALSE);
}

CaptionerExpansionKind
captioner_replacements_expand_at (CaptionerReplacements *self,
                                  const char            *text,
                                  int                    cursor,
                                  CaptionerExpansion    *result)
{
  g_autofree char *code = NULL;
  const char *at, *close, *open = NULL;
  GString *out;
  gsize dl;
  guint n = 0;

  g_return_val_if_fail (CAPTIONER_IS_REPLACEMENTS (self), CAPTIONER_EXPANSION_NONE);
  g_return_val_if_fail (text != NULL, CAPTIONER_EXPANSION_NONE);
  g_return_val_if_fail (result != NULL, CAPTIONER_EXPANSION_NONE);

  memset (result, 0, sizeof *result);
  if (cursor < 2 || cursor > g_utf8_strlen (text, -1))
    return CAPTIONER_EXPANSION_NONE;
  dl = strlen (self->delimiter);
  at = g_utf8_offset_to_pointer (text, cursor);
  close = g_utf8_prev_char (at);
  if (g_utf8_get_char (close) != self->delimiter_char)
    return CAPTIONER_EXPANSION_NONE;

  for (const char *p = close; p > text;)
    {
      gunichar c;

      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (c == self->delimiter_char)
        {
          open = p;
          break;
        }
      if (g_unichar_isspace (c) || ++n > MAX_CODE_CHARS)
        return CAPTIONER_EXPANSION_NONE;
    }
  if (open == NULL || n == 0)
    return CAPTIONER_EXPANSION_NONE;

  code = g_strndup (open + dl, close - (open + dl));
  result->span.start = g_utf8_pointer_to_offset (text, open);
  result->span.end = cursor;
  result->replacement = captioner_replacements_resolve (self, code);
  if (result->replacement == NULL)
    {
      result->kind = CAPTIONER_EXPANSION_UNKNOWN;
      return result->kind;
    }
  result->kind = CAPTIONER_EXPANSION_EXPANDED;
  out = g_string_new_len (text, open - text);
  g_string_append (out, result->replacement);
  g_string_append (out, at);
  result->text = g_string_free (out, FALSE);
  result->cursor = result->span.start + g_utf8_strlen (result->replacement, -1);
  return result->kind;
}

GStrv
captioner_code_spans_dup_text (const char *text,
                               GArray     *spans)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const CaptionerCodeSpan *span = &g_array_index (spans, CaptionerCodeSpan, i);
      const char *start = g_utf8_offset_to_pointer (text, span->start);
      const char *end = g_utf8_offset_to_pointer (text, span->end);
      g_autofree char *code = g_strndup (start, end - start);

      g_strv_builder_add (builder, code);
    }
  return g_strv_builder_end (builder);
}
