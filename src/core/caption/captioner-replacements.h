#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_REPLACEMENTS (captioner_replacements_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerReplacements, captioner_replacements, CAPTIONER, REPLACEMENTS,
                      GObject)

#define CAPTIONER_REPLACEMENTS_ERROR (captioner_replacements_error_quark ())

typedef enum
{
  /* A file that is not text as Photo Mechanic writes it (the message names file and line). */
  CAPTIONER_REPLACEMENTS_ERROR_INVALID,
} CaptionerReplacementsError;

GQuark captioner_replacements_error_quark (void);

/* Code replacements, read from files as Photo Mechanic writes them: UTF-8 text (a byte order
 * mark, or UTF-16 with one, is fine), one code a line, TAB-separated columns: the code, then
 * one or more replacements. Lines starting with "//" are comments; lines without a TAB are
 * skipped. Codes are case-sensitive. Several files may be loaded: on a clash the file loaded
 * last wins.
 *
 * In a text, "=lav=" is the code lav between two delimiters ("=" unless set otherwise) and
 * "=lav#2=" its second replacement. A code has no white space or delimiter in it. A code the
 * files do not have goes to the lookup function, if one is set (the people directory: see
 * captioner_people_directory_expand_code); a code nobody knows stays as typed. */

/* Answers codes the files do not have: the replacement (newly allocated) for @code's
 * @alternate (1 for "=code=", 2 for "=code#2="), or NULL. */
typedef char *(*CaptionerCodeLookupFunc) (const char *code,
                                          guint       alternate,
                                          gpointer    user_data);

/* Where a code stands in a text, in characters (not bytes), the delimiters included; end is
 * one past the closing delimiter. */
typedef struct
{
  int start;
  int end;
} CaptionerCodeSpan;

typedef enum
{
  CAPTIONER_EXPANSION_NONE,      /* no code ends at the cursor */
  CAPTIONER_EXPANSION_EXPANDED,  /* replaced */
  CAPTIONER_EXPANSION_UNKNOWN,   /* a code nobody knows: it stays as typed (mark span) */
} CaptionerExpansionKind;

/* What typing at a cursor did. Offsets in characters of the text given. */
typedef struct
{
  CaptionerExpansionKind  kind;
  CaptionerCodeSpan       span;         /* the code as typed (EXPANDED and UNKNOWN) */
  char                   *replacement;  /* EXPANDED: what replaces span */
  char                   *text;         /* EXPANDED: the whole new text */
  int                     cursor;       /* EXPANDED: the cursor after the replacement */
} CaptionerExpansion;

CaptionerReplacements *captioner_replacements_new           (void);
/* Reads @files in order (blocking: in a worker thread, then hand the object over). */
CaptionerReplacements *captioner_replacements_new_for_files (GFile * const          *files,
                                                             guint                   n_files,
                                                             GCancellable           *cancellable,
                                                             GError                **error);
void                   captioner_replacements_new_for_files_async
                                                            (GFile * const          *files,
                                                             guint                   n_files,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
CaptionerReplacements *captioner_replacements_new_for_files_finish
                                                            (GAsyncResult           *result,
                                                             GError                **error);

/* Blocking. The file's codes replace those of the same name. */
gboolean    captioner_replacements_load_file     (CaptionerReplacements  *self,
                                                  GFile                  *file,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
/* @origin names the text in messages. */
gboolean    captioner_replacements_load_data     (CaptionerReplacements  *self,
                                                  const char             *data,
                                                  gsize                   length,
                                                  const char             *origin,
                                                  GError                **error);
guint       captioner_replacements_get_n_codes   (CaptionerReplacements  *self);

/* One character, not white space; "=" by default. */
const char *captioner_replacements_get_delimiter (CaptionerReplacements  *self);
/* Whether text can be the delimiter an editor chooses: one character that is neither a letter,
 * a digit nor white space (so that it cannot eat words: "=lav=", ";lav;"). */
gboolean    captioner_replacements_delimiter_is_valid (const char        *text);
void        captioner_replacements_set_delimiter (CaptionerReplacements  *self,
                                                  const char             *delimiter);
void        captioner_replacements_set_lookup    (CaptionerReplacements  *self,
                                                  CaptionerCodeLookupFunc lookup,
                                                  gpointer                user_data,
                                                  GDestroyNotify          destroy);

/* What "=code=" stands for: @code may end in "#N" for the Nth replacement. The files first,
 * then the lookup function. NULL when nobody knows it. */
char       *captioner_replacements_resolve       (CaptionerReplacements  *self,
                                                  const char             *code);

/* Every code in @text replaced (for the CLI, or text pasted whole). Codes nobody knows stay
 * as typed; @unknown (optional) gets their spans in the text returned (CaptionerCodeSpan). */
char       *captioner_replacements_expand        (CaptionerReplacements  *self,
                                                  const char             *text,
                                                  GArray                **unknown);
/* After a key press that left the cursor at @cursor (characters): if the character before it
 * is the delimiter closing a code, what replaces it. For GtkEditable or GtkTextBuffer: delete
 * span, insert replacement, put the cursor at cursor; or set text. Returns result->kind. */
CaptionerExpansionKind
            captioner_replacements_expand_at     (CaptionerReplacements  *self,
                                                  const char             *text,
                                                  int                     cursor,
                                                  CaptionerExpansion     *result);
void        captioner_expansion_clear            (CaptionerExpansion     *expansion);

/* The codes of @unknown spans (from captioner_replacements_expand) as typed, for a message. */
GStrv       captioner_code_spans_dup_text        (const char             *text,
                                                  GArray                 *spans);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaptionerExpansion, captioner_expansion_clear)

G_END_DECLS
