#pragma once

#include "captioner-draft.h"
#include "captioner-caption-language.h"
#include "captioner-history.h"

G_BEGIN_DECLS

/* Shared by captioner-draft.c (the object, the ownership rule, undo, rebase) and
 * captioner-draft-edits.c (the edits). */
struct _CaptionerDraft
{
  GObject                parent_instance;

  /* Owned references */
  CaptionerMetadata     *current;    /* what the editor sees */
  CaptionerMetadata     *baseline;   /* what the editor started from: as read or as saved */
  CaptionerMetadata     *opened;     /* what the ownership rule compares with */
  CaptionerHistory      *history;
  char                  *default_style;
  char                  *group;      /* of the edits between begin_group and end_group */

  int                    orientation;
  gboolean               caption_protected;  /* the stored caption is another program's */
  gboolean               adopted;    /* another program's caption became the body */
  gboolean               body_stored; /* the body was in the metadata as read, not adopted */
  guint                  group_depth;
  guint                  next_id;    /* ids are never reused in a draft, even after an undo */
  CaptionerDraftChanged  pending;    /* what the grouped edits touched */

  /* What the properties said at the last notification. */
  gboolean               was_dirty;
  gboolean               was_kept;
  gboolean               could_undo;
  gboolean               could_redo;
  char                  *was_caption;

  /* The people's names in a caption language (captioner-draft-language.c). */
  CaptionerNameTranslateFunc translate;
  gpointer               translate_data;
  GDestroyNotify         translate_destroy;
};

/* Whether a field is a part of the caption (its edit recomposes the caption). */
gboolean captioner_draft_is_part         (CaptionerField         field);
/* Every edit ends here: the caption follows, the history records it, listeners hear of it. */
void     captioner_draft_commit          (CaptionerDraft        *self,
                                          CaptionerDraftChanged  what,
                                          gboolean               part,
                                          const char            *group);
void     captioner_draft_set_own_caption (CaptionerDraft        *self,
                                          const char            *caption);
void     captioner_draft_notify_state    (CaptionerDraft        *self,
                                          CaptionerDraftChanged  what);
/* The captions in other languages follow their parts as the main one does. */
void     captioner_draft_recompose_languages (CaptionerDraft    *self);

G_END_DECLS
