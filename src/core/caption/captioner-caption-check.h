#pragma once

#include <glib.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* Checks of a photo's caption against its people and fields: what an editor would want to
 * know before sending it. */
typedef enum
{
  CAPTIONER_CHECK_NAME_MISSING,    /* a tagged person is not named in the caption */
  CAPTIONER_CHECK_NAME_ORDER,      /* the caption names people in another order than the boxes */
  CAPTIONER_CHECK_UNNAMED_BOX,     /* a box without a name */
  CAPTIONER_CHECK_NOT_TAGGED,      /* a name the directory knows is in the caption, untagged */
  CAPTIONER_CHECK_UNEXPANDED_CODE, /* "=lav=" left in a field */
  CAPTIONER_CHECK_TOO_LONG,        /* over the IPTC IIM limit of the field */
  CAPTIONER_CHECK_NOT_A_CAPTION,   /* only a credit, or what a camera writes */
  CAPTIONER_CHECK_NO_CREDIT,
  CAPTIONER_CHECK_SPELLING,        /* a word the dictionaries do not know (captioner-spell.h) */
} CaptionerCheckKind;

#define CAPTIONER_CHECK_N_KINDS (CAPTIONER_CHECK_SPELLING + 1)
/* A set of kinds (the ones turned off): 1 << kind each. */
#define CAPTIONER_CHECK_MASK(kind) (1u << (kind))

/* The stable id of a kind, for preferences (GSettings disabled-checks) and the command line
 * (check --skip): "name-missing", "name-order", "unnamed-box", "not-tagged",
 * "unexpanded-code", "too-long", "not-a-caption", "no-credit", "spelling". */
const char *captioner_check_kind_to_id   (CaptionerCheckKind  kind);
gboolean    captioner_check_kind_from_id (const char         *id,
                                          CaptionerCheckKind *kind);
/* The mask of the kinds @ids name (unknown ids are left out). */
guint       captioner_check_mask_from_ids (const char * const *ids);

typedef struct
{
  CaptionerCheckKind  kind;
  CaptionerField      field;      /* the field it is about */
  guint               person_id;  /* the person it is about, 0 when none */
  char               *message;    /* translated, one line, names the person or field */
} CaptionerFinding;

/* The short form of a person called @name ("Lavrov"; the people directory knows it), newly
 * allocated, or NULL. */
typedef char *(*CaptionerShortNameFunc) (const char *name,
                                         gpointer    user_data);

/* Every name the people directory knows (names, not short forms), NULL-terminated, newly
 * allocated; for CAPTIONER_CHECK_NOT_TAGGED. */
typedef char **(*CaptionerKnownNamesFunc) (gpointer user_data);

typedef struct
{
  CaptionerShortNameFunc   short_name;   /* may be NULL */
  CaptionerKnownNamesFunc  known_names;  /* may be NULL: no NOT_TAGGED check */
  gpointer                 user_data;    /* for both */
  guint                    skip;         /* CAPTIONER_CHECK_MASK of the kinds turned off */
} CaptionerCheckOptions;

/* IPTC IIM 4.2's limits, in bytes (the ones captioner-iptc.c cuts to on export). */
#define CAPTIONER_HEADLINE_MAX_BYTES 256
#define CAPTIONER_SHORT_FIELD_MAX_BYTES 32   /* credit, by-line, city */

void       captioner_finding_free  (CaptionerFinding        *finding);
/* The findings (CaptionerFinding), in the order of the kinds above; empty when the caption
 * is fine. The caption checked is the metadata's (CAPTIONER_FIELD_CAPTION); orientation is the
 * photo's, for the order of the boxes; short_name may be NULL. */
GPtrArray *captioner_caption_check (const CaptionerMetadata *metadata,
                                    int                      orientation,
                                    CaptionerShortNameFunc   short_name,
                                    gpointer                 user_data);

/* The same, with the directory's names and the kinds turned off (options may be NULL). */
GPtrArray *captioner_caption_check_full (const CaptionerMetadata     *metadata,
                                         int                          orientation,
                                         const CaptionerCheckOptions *options);
/* A caption that is no caption: what a camera writes ("OLYMPUS DIGITAL CAMERA") or only a
 * credit ("(Reuters photo)", "REUTERS/Jane Doe"). Such a photo is not captioned. */
gboolean   captioner_caption_is_not_a_caption (const char *caption,
                                               const char *credit,
                                               const char *byline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerFinding, captioner_finding_free)

G_END_DECLS
