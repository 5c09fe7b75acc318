#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A house style: the words and punctuation a composed caption is written with. Bundled styles
 * (captioner-caption-style.c), the user's and desk folders' named styles
 * (styles/ID.captioner-style, a key file) make one registry, looked up by id. */

typedef enum
{
  CAPTIONER_CREDIT_SUFFIX,         /* "(Reuters photo)"       format "(%s photo)" */
  CAPTIONER_CREDIT_PREFIX,         /* "Photo: Reuters"        format "Photo: %s" */
  CAPTIONER_CREDIT_AGENCY_BYLINE,  /* "REUTERS/Jane Doe"      credit upper-cased / byline */
  CAPTIONER_CREDIT_AP,             /* "(AP Photo/Jane Doe)"   "(%s Photo/byline)" */
} CaptionerCreditStyle;            /* without a byline the last two fall back to credit alone */

typedef struct
{
  char                 *id;             /* stored in the sidecar (CAPTIONER_FIELD_STYLE) */
  char                 *name;           /* shown to the editor: "Reuters", "Armenian" */
  char                 *language;       /* "en", "hy": the caption language it writes */
  char                 *from_left;      /* "From left,"  "From left:"  "L-R:"  "(L-R)"; one
                                           that starts with "(" goes AFTER the names */
  char                 *separator;      /* ", " */
  char                 *conjunction;    /* "and"; spaces are added around it */
  gboolean              serial_comma;
  char                 *rows[3];        /* "front row", "middle row", "back row" */
  char                 *row_from_left;  /* "from left" */
  char                 *positions[5];   /* "left", "right", "centre", "second from left",
                                           "second from right" */
  CaptionerCreditStyle  credit_style;
  char                 *credit_format;  /* for SUFFIX/PREFIX: "(%s photo)", "Photo: %s" */
  /* Beyond the five positions and three rows (seven people in a box row, four rows): */
  char                **ordinals;       /* "second", "third", ... "tenth" */
  char                 *nth_from_left;  /* "%s from left", %s an ordinal */
  char                 *nth_from_right; /* "%s from right" */
  char                 *nth_row;        /* "%s row" (the second of four rows) */
} CaptionerCaptionStyle;

enum
{
  CAPTIONER_POSITION_LEFT,
  CAPTIONER_POSITION_RIGHT,
  CAPTIONER_POSITION_CENTRE,
  CAPTIONER_POSITION_SECOND_FROM_LEFT,
  CAPTIONER_POSITION_SECOND_FROM_RIGHT,
};

#define CAPTIONER_CAPTION_STYLE_ERROR (captioner_caption_style_error_quark ())
typedef enum
{
  CAPTIONER_CAPTION_STYLE_ERROR_INVALID,  /* a key missing or of the wrong kind */
} CaptionerCaptionStyleError;
GQuark captioner_caption_style_error_quark (void);

CaptionerCaptionStyle       *captioner_caption_style_copy    (const CaptionerCaptionStyle *style);
void                         captioner_caption_style_free    (CaptionerCaptionStyle       *style);
const CaptionerCaptionStyle *captioner_caption_style_default (void);
/* Bundled, then user's, then desk folders' styles; a later one with the same id wins.
 * Unknown id -> the default. Never NULL. A style returned stays valid for the life of the
 * process, even after captioner_caption_styles_load replaces it. Thread-safe. */
const CaptionerCaptionStyle *captioner_caption_style_lookup  (const char                  *id);
/* Whether a style of that id is known (bundled or loaded). */
gboolean                     captioner_caption_style_exists  (const char                  *id);
/* Every style known, sorted by name (const CaptionerCaptionStyle *, owned by the registry). */
GPtrArray                   *captioner_caption_style_list    (void);
/* Reads `styles/ *.captioner-style` in the user data folder and then in each desk folder, in
 * order, replacing what an earlier call loaded. Blocking file I/O: call it from a worker thread
 * (the app does) or a command-line tool. Bad files: a g_warning naming the file and the
 * problem; the rest still load. */
void                         captioner_caption_styles_load   (GFile * const               *desk_folders,
                                                              guint                        n_folders);
/* Key-file round trip: [Style] Name= Language= FromLeft= Separator= Conjunction=
 * SerialComma= FrontRow= MiddleRow= BackRow= RowFromLeft= Left= Right= Centre=
 * SecondFromLeft= SecondFromRight= Credit=suffix|prefix|agency-byline|ap CreditFormat=
 * (optional: Ordinals= NthFromLeft= NthFromRight= NthRow=, English when absent). The id is
 * the file name without ".captioner-style". Blocking. */
CaptionerCaptionStyle       *captioner_caption_style_new_from_file (GFile                 *file,
                                                                    GError               **error);
/* Writes atomically. Blocking. */
gboolean                     captioner_caption_style_save    (const CaptionerCaptionStyle *style,
                                                              GFile                       *file,
                                                              GError                     **error);
/* The user's own copy of a style: <user data>/styles/<id>.captioner-style; saving there
 * makes it override a bundled one of the same id, deleting it restores the bundled one
 * (after captioner_caption_styles_load). */
GFile                       *captioner_caption_style_dup_user_file (const char            *id);

const char                  *captioner_credit_style_to_string   (CaptionerCreditStyle   credit);
gboolean                     captioner_credit_style_from_string (const char            *text,
                                                                 CaptionerCreditStyle  *credit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerCaptionStyle, captioner_caption_style_free)

G_END_DECLS
