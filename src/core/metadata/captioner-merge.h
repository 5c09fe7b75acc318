#pragma once

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* A three-way merge of a photo's metadata: what the editor changed (mine) and what another
 * program saved meanwhile (theirs), both since the version read (base). A field changed on
 * one side only is taken from that side; a field changed on both sides to different values is
 * a conflict, for the editor to choose. People are matched across versions by id between base
 * and mine, and by name or an overlapping box between base and theirs (another program's
 * reading numbers them afresh); the result's people carry theirs' ids (it is what the next
 * save writes over), new ids for people theirs lack. Keywords merge as sets: what either side
 * added or removed.
 *
 * The caption is one unit with its record of what Captioner composed: the editor changed it
 * only by writing words (the body, or a caption set outright); a caption recomposed because a
 * credit or a name changed gives way to a caption another program wrote. */

typedef enum
{
  CAPTIONER_MERGE_MINE,
  CAPTIONER_MERGE_THEIRS,
} CaptionerMergeSide;

/* Something both sides changed, differently. */
typedef struct
{
  CaptionerField  field;       /* CAPTIONER_N_FIELDS for a person */
  guint           person_id;   /* the person's id in mine (0 for one only theirs have) */
  char           *label;       /* "Headline", "Caption", "Person 2", translated */
  char           *mine;        /* as the editor has it ("" when removed) */
  char           *theirs;      /* as on disk */
} CaptionerMergeConflict;

typedef struct
{
  CaptionerMetadata *base;
  CaptionerMetadata *mine;
  CaptionerMetadata *theirs;
  GPtrArray         *conflicts;   /* CaptionerMergeConflict */
} CaptionerMerge;

CaptionerMerge    *captioner_merge_new           (const CaptionerMetadata *base,
                                                  const CaptionerMetadata *mine,
                                                  const CaptionerMetadata *theirs);
void               captioner_merge_free          (CaptionerMerge          *merge);
gboolean           captioner_merge_has_conflicts (const CaptionerMerge    *merge);
/* "caption, headline, people" */
char              *captioner_merge_describe      (const CaptionerMerge    *merge);
/* The merged metadata, each conflict resolved as sides says (one entry per conflict, in
 * order; NULL: all mine). */
CaptionerMetadata *captioner_merge_result        (const CaptionerMerge    *merge,
                                                  const CaptionerMergeSide *sides);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerMerge, captioner_merge_free)

G_END_DECLS
