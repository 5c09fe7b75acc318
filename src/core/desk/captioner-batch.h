#pragma once

#include <gio/gio.h>

#include "captioner-desk.h"
#include "captioner-draft.h"
#include "captioner-template.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_BATCH (captioner_batch_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerBatch, captioner_batch, CAPTIONER, BATCH, GObject)

typedef enum
{
  CAPTIONER_BATCH_NONE = 0,
  /* Queue a save on the desk of every photo the batch edits (and of those its undo or redo
   * changes back), through the desk's save queue. */
  CAPTIONER_BATCH_SAVE = 1 << 0,
} CaptionerBatchFlags;

/* One edit given to several photos of a desk at once (the window's selection, the CLI's
 * files): a field's value, keywords added, a template, another photo's fields pasted.
 *
 * Each photo's draft gets the edit as one undo step of its own, so that its history goes on
 * as before for what is done to it alone later. The batch is the editor's one undo step over
 * all of them: captioner_batch_undo takes the edit back on every draft it changed where it is
 * still the latest step (a draft edited since keeps those later edits and the batch's), and
 * redo puts it back likewise. Photos whose header is not read yet (no draft) and drafts the
 * edit leaves as they were are not touched.
 *
 * Running goes in chunks (a few milliseconds, at most 64 photos) from the thread-default main
 * context (at idle priority), so that a window stays responsive over thousands of photos; "n-done" tells the
 * progress out of "n-total". Cancelling STOPS: the drafts edited so far stay edited, and the
 * batch still undoes them in one step; run_finish then fails with G_IO_ERROR_CANCELLED.
 *
 * Properties: n-done, n-total, n-changed, can-undo, can-redo. */
CaptionerBatch *captioner_batch_new_set_field    (CaptionerDesk           *desk,
                                                  GPtrArray               *items,
                                                  CaptionerField           field,
                                                  const char              *value);
/* Keywords added to those each photo has (the same ones, in order). */
CaptionerBatch *captioner_batch_new_add_keywords (CaptionerDesk           *desk,
                                                  GPtrArray               *items,
                                                  const char * const      *keywords);
/* The keywords of every photo become @keywords. */
CaptionerBatch *captioner_batch_new_set_keywords (CaptionerDesk           *desk,
                                                  GPtrArray               *items,
                                                  const char * const      *keywords);
/* The template's fields whose switch is on, each as its mode says (Replace, Append), with
 * its variables filled in for each photo. */
CaptionerBatch *captioner_batch_new_template     (CaptionerDesk           *desk,
                                                  GPtrArray               *items,
                                                  CaptionerTemplate       *template,
                                                  CaptionerTemplateApplyFlags flags);
/* Another photo's fields (and people, with CAPTIONER_PASTE_PEOPLE) as captioner_draft_paste. */
CaptionerBatch *captioner_batch_new_paste        (CaptionerDesk           *desk,
                                                  GPtrArray               *items,
                                                  const CaptionerMetadata *from,
                                                  int                      from_orientation,
                                                  CaptionerPasteFlags      what);

guint           captioner_batch_get_n_total      (CaptionerBatch          *self);
guint           captioner_batch_get_n_done       (CaptionerBatch          *self);
/* How many drafts the edit changed. */
guint           captioner_batch_get_n_changed    (CaptionerBatch          *self);

/* Runs it all now (the CLI, tests). Once only, like run_async. */
void            captioner_batch_run              (CaptionerBatch          *self,
                                                  CaptionerBatchFlags      flags);
void            captioner_batch_run_async        (CaptionerBatch          *self,
                                                  CaptionerBatchFlags      flags,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
gboolean        captioner_batch_run_finish       (CaptionerBatch          *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error);

gboolean        captioner_batch_get_can_undo     (CaptionerBatch          *self);
gboolean        captioner_batch_get_can_redo     (CaptionerBatch          *self);
/* Whether the batch changed @draft. */
gboolean        captioner_batch_has_draft        (CaptionerBatch          *self,
                                                  CaptionerDraft          *draft);
/* Whether the batch's step is the latest of @draft's (an undo there is the batch's). */
gboolean        captioner_batch_is_latest_on     (CaptionerBatch          *self,
                                                  CaptionerDraft          *draft);
/* Whether @draft is one the batch changed and has undone (a redo there is the batch's). */
gboolean        captioner_batch_is_undone_on     (CaptionerBatch          *self,
                                                  CaptionerDraft          *draft);
/* Returns how many drafts went back (or forward). */
guint           captioner_batch_undo             (CaptionerBatch          *self);
guint           captioner_batch_redo             (CaptionerBatch          *self);

/* For a field across drafts: whether every one holds the same value (stored in *value,
 * NULL when empty, owned by the first draft), or not ("mixed", FALSE). */
gboolean        captioner_drafts_get_common_field (GPtrArray              *drafts,
                                                   CaptionerField          field,
                                                   const char            **value);
/* The same for keywords, compared in order; *keywords owned by the first draft. */
gboolean        captioner_drafts_get_common_keywords (GPtrArray           *drafts,
                                                      const char * const **keywords);

G_END_DECLS
