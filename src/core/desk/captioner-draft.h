#pragma once

#include <glib-object.h>

#include "captioner-caption-language.h"
#include "captioner-changes.h"
#include "captioner-merge.h"
#include "captioner-metadata.h"
#include "captioner-metadata-language.h"
#include "captioner-orientation.h"
#include "captioner-template.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_DRAFT (captioner_draft_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerDraft, captioner_draft, CAPTIONER, DRAFT, GObject)

/* What a change touched, in CaptionerDraft::changed. */
typedef enum
{
  CAPTIONER_DRAFT_CHANGED_FIELDS   = 1 << 0,
  CAPTIONER_DRAFT_CHANGED_KEYWORDS = 1 << 1,
  CAPTIONER_DRAFT_CHANGED_PEOPLE   = 1 << 2,
  CAPTIONER_DRAFT_CHANGED_CAPTION  = 1 << 3,
  CAPTIONER_DRAFT_CHANGED_LANGUAGES = 1 << 4,  /* a caption language's parts or caption */
  CAPTIONER_DRAFT_CHANGED_ALL      = 0x1f,
} CaptionerDraftChanged;

/* One photo's editable metadata: what the editor sees and what a save writes.
 *
 * It starts from the metadata as read (the baseline) and records every edit in its undo
 * history. The caption follows its parts (people left to right as displayed, the body, the
 * credit, the style) as the editor works, except another program's caption, which it keeps
 * as it was until the editor writes their own words (the ownership rule, in one place:
 * captioner-draft.c). It knows what changed since the baseline field by field and person by
 * person (captioner_draft_dup_changes).
 *
 * People are named by id (CaptionerPerson.id); boxes given here are in the photo as
 * displayed, normalised, x/y the top-left corner.
 *
 * Signals:
 *   changed (CaptionerDraftChanged what)   after every edit, undo, redo and rebase
 * Properties: dirty, caption, caption-kept, can-undo, can-redo, default-style. */
CaptionerDraft          *captioner_draft_new              (const CaptionerMetadata *stored,
                                                           int                      orientation,
                                                           gboolean                 caption_protected);
const CaptionerMetadata *captioner_draft_get_metadata     (CaptionerDraft          *self);
const CaptionerMetadata *captioner_draft_get_baseline     (CaptionerDraft          *self);
int                      captioner_draft_get_orientation  (CaptionerDraft          *self);
gboolean                 captioner_draft_get_dirty        (CaptionerDraft          *self);
/* The caption as it will be stored ("" when there is none). */
const char              *captioner_draft_get_caption      (CaptionerDraft          *self);
/* Whether the caption is another program's, kept as it is rather than composed. */
gboolean                 captioner_draft_get_caption_kept (CaptionerDraft          *self);
/* The caption the parts compose now, whether or not it is the one stored. */
char                    *captioner_draft_compose          (CaptionerDraft          *self);
const char              *captioner_draft_get_default_style (CaptionerDraft         *self);
void                     captioner_draft_set_default_style (CaptionerDraft         *self,
                                                            const char             *style);
const char              *captioner_draft_get_field        (CaptionerDraft          *self,
                                                           CaptionerField           field);
/* The people in left-to-right order as displayed (copies). */
GPtrArray               *captioner_draft_dup_people_ordered (CaptionerDraft        *self);
CaptionerChanges        *captioner_draft_dup_changes      (CaptionerDraft          *self);
/* What a save writes: the draft, less what the ownership rule adds on reading (the other
 * program's caption adopted as the body, while it is unchanged). */
CaptionerMetadata       *captioner_draft_dup_to_save      (CaptionerDraft          *self);

/* Edits. Each is one undo step, except that edits of one group (the field being typed in,
 * "person-3"...) that follow each other replace the step before. NULL group: a step alone. */
void                     captioner_draft_set_field        (CaptionerDraft          *self,
                                                           CaptionerField           field,
                                                           const char              *value);
void                     captioner_draft_set_keywords     (CaptionerDraft          *self,
                                                           const char * const      *keywords);
void                     captioner_draft_add_keywords     (CaptionerDraft          *self,
                                                           const char * const      *keywords);
/* Returns the new person's id. */
guint                    captioner_draft_add_person       (CaptionerDraft          *self,
                                                           const char              *name,
                                                           const CaptionerRect     *displayed);
void                     captioner_draft_rename_person    (CaptionerDraft          *self,
                                                           guint                    id,
                                                           const char              *name);
void                     captioner_draft_move_person      (CaptionerDraft          *self,
                                                           guint                    id,
                                                           const CaptionerRect     *displayed);
/* The row the editor puts them in (1 the front); 0 leaves it to the boxes. */
void                     captioner_draft_set_person_row   (CaptionerDraft          *self,
                                                           guint                    id,
                                                           guint                    row);
void                     captioner_draft_remove_person    (CaptionerDraft          *self,
                                                           guint                    id);
void                     captioner_draft_clear_people     (CaptionerDraft          *self);
/* The whole caption, verbatim: it stays until the next edit of one of its parts. */
void                     captioner_draft_set_caption      (CaptionerDraft          *self,
                                                           const char              *caption);
/* Assists (captioner-draft-assist.c), each one undo step. A template's fields whose switch is
 * on (its variables for the photo @file); returns how many fields changed. */
guint                    captioner_draft_apply_template   (CaptionerDraft          *self,
                                                           CaptionerTemplate       *template,
                                                           GFile                   *file,
                                                           CaptionerTemplateApplyFlags flags);
typedef enum
{
  CAPTIONER_PASTE_FIELDS = 1 << 0,  /* the body and the caption fields, keywords added */
  CAPTIONER_PASTE_PEOPLE = 1 << 1,  /* the people replace this photo's, boxes as displayed */
  CAPTIONER_PASTE_ALL    = CAPTIONER_PASTE_FIELDS | CAPTIONER_PASTE_PEOPLE,
} CaptionerPasteFlags;
/* Another photo's fields and people (copied from its draft), from a photo shown with
 * @from_orientation. The date taken and job id stay this photo's. */
void                     captioner_draft_paste            (CaptionerDraft          *self,
                                                           const CaptionerMetadata *from,
                                                           int                      from_orientation,
                                                           CaptionerPasteFlags      what);
/* The first person of @previous, left to right as displayed, not named here yet: the name a
 * new box is offered on the second frame of a line-up. NULL when there is none. */
char                    *captioner_draft_dup_next_person  (CaptionerDraft          *self,
                                                           const CaptionerMetadata *previous,
                                                           int                      previous_orientation);
/* The same line-up as the previous photo, in one step: the faces found here (boxes as
 * displayed, any order) are named with @previous's boxed people not named here yet, both
 * left to right, and its body and fields (those it has) and keywords are copied. Only when
 * the counts match: otherwise nothing changes and FALSE is returned; @n_people (may be NULL)
 * is how many people of @previous there were to name. */
gboolean                 captioner_draft_apply_lineup     (CaptionerDraft          *self,
                                                           const CaptionerMetadata *previous,
                                                           int                      previous_orientation,
                                                           const CaptionerRect     *faces,
                                                           guint                    n_faces,
                                                           guint                   *n_people);
/* Groups the edits until the matching end into one undo step named group. */
void                     captioner_draft_begin_group      (CaptionerDraft          *self,
                                                           const char              *group);
void                     captioner_draft_end_group        (CaptionerDraft          *self);
/* The next edit starts an undo step of its own, even in the same group (focus moved on). */
void                     captioner_draft_break_group      (CaptionerDraft          *self);

gboolean                 captioner_draft_get_can_undo     (CaptionerDraft          *self);
gboolean                 captioner_draft_get_can_redo     (CaptionerDraft          *self);
void                     captioner_draft_undo             (CaptionerDraft          *self);
void                     captioner_draft_redo             (CaptionerDraft          *self);
/* Goes back to the baseline, as one undoable step. */
void                     captioner_draft_revert           (CaptionerDraft          *self);

/* After a save: saved is what was written, the new baseline. Edits made since the snapshot
 * was taken stay in the draft (it is still dirty then). caption_protected: the sidecar now on
 * disk holds another program's caption. */
void                     captioner_draft_rebase           (CaptionerDraft          *self,
                                                           const CaptionerMetadata *saved,
                                                           gboolean                 caption_protected);

/* Another program saved the photo since the baseline: theirs is what is on disk now (as read,
 * theirs_protected as for captioner_draft_new). Returns the three-way merge of the baseline,
 * the draft and theirs, without changing the draft. */
CaptionerMerge          *captioner_draft_merge            (CaptionerDraft          *self,
                                                           const CaptionerMetadata *theirs,
                                                           gboolean                 theirs_protected);
/* Makes the merge the draft: what is on disk is the new baseline, the merge (its conflicts
 * resolved as sides says, NULL: all mine) what the editor sees. The undo history starts
 * there: the states before it belong to another version. */
void                     captioner_draft_take_merge       (CaptionerDraft          *self,
                                                           const CaptionerMerge    *merge,
                                                           const CaptionerMergeSide *sides,
                                                           const CaptionerMetadata *theirs,
                                                           gboolean                 theirs_protected);

/* Edits journalled before a crash: base is what the editor then started from, mine what they
 * had typed. Merged with what the draft stands on now (what is on disk), the journalled edits
 * winning where both changed; one undoable step. */
void                     captioner_draft_restore          (CaptionerDraft          *self,
                                                           const CaptionerMetadata *base,
                                                           const CaptionerMetadata *mine);

/* Captions in other languages (captioner-draft-language.c; captioner-metadata-language.h).
 * The people's names in a language come from @translate (the people directory:
 * captioner_people_directory_translate_name); without one they are the main names. A
 * language's caption follows its body and style, the people, and the credit, as the main one
 * does, unless it is another program's and the editor has not written that language's body.
 * Each edit is one undo step (group "LANGUAGE-body"...); empty text is no value. */
void                     captioner_draft_set_name_translator (CaptionerDraft       *self,
                                                              CaptionerNameTranslateFunc translate,
                                                              gpointer              user_data,
                                                              GDestroyNotify        destroy);
/* The languages the photo has a caption or parts in, sorted. */
GStrv                    captioner_draft_dup_languages     (CaptionerDraft          *self);
const char              *captioner_draft_get_language      (CaptionerDraft          *self,
                                                            const char              *language,
                                                            CaptionerLanguageField   field);
/* Adds the language when it is new; its style is stored with it (the style named like the
 * language when one is bundled). */
void                     captioner_draft_set_language_body (CaptionerDraft          *self,
                                                            const char              *language,
                                                            const char              *body);
void                     captioner_draft_set_language_style (CaptionerDraft         *self,
                                                             const char             *language,
                                                             const char             *style);
/* The language's whole caption, verbatim: it stays until the next edit of one of its parts. */
void                     captioner_draft_set_language_caption (CaptionerDraft       *self,
                                                               const char           *language,
                                                               const char           *caption);
/* Recomposes the language's caption from its parts, whoever wrote it. */
void                     captioner_draft_recompose_language (CaptionerDraft         *self,
                                                             const char             *language);
/* Removes the language's caption and parts. */
void                     captioner_draft_remove_language   (CaptionerDraft          *self,
                                                            const char              *language);
/* The caption the language's parts compose now. */
char                    *captioner_draft_compose_language  (CaptionerDraft          *self,
                                                            const char              *language);

G_END_DECLS
