#pragma once

#include "captioner-batch.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_BATCH_HISTORY (captioner_batch_history_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerBatchHistory, captioner_batch_history, CAPTIONER, BATCH_HISTORY,
                      GObject)

/* The editor's batch edits on a desk, in order: runs them one after the other from the main
 * loop and keeps them for undo and redo beside each photo's own history.
 *
 * The undo of the editor's Ctrl+Z is the latest batch's when the batch is the latest step of
 * the draft in question (or when no one draft is in question, several photos being selected),
 * else the draft's own; redo likewise.
 *
 * Properties: running (CaptionerBatch, the one being run, NULL when none). */
CaptionerBatchHistory *captioner_batch_history_new      (void);
/* Runs @batch (after those queued before it) and keeps it: batches undone before are dropped,
 * as an edit drops what a draft could redo. */
void                   captioner_batch_history_run      (CaptionerBatchHistory *self,
                                                         CaptionerBatch        *batch,
                                                         CaptionerBatchFlags    flags);
CaptionerBatch        *captioner_batch_history_get_running (CaptionerBatchHistory *self);
/* Stops the batch being run (what it did stays, one undo step) and drops those queued. */
void                   captioner_batch_history_cancel   (CaptionerBatchHistory *self);
/* The batch an undo (redo) takes back (puts back) for @draft, NULL for the selection as a
 * whole; NULL when it is the draft's own step, or while a batch runs. */
CaptionerBatch        *captioner_batch_history_get_undo (CaptionerBatchHistory *self,
                                                         CaptionerDraft        *draft);
CaptionerBatch        *captioner_batch_history_get_redo (CaptionerBatchHistory *self,
                                                         CaptionerDraft        *draft);
/* Undoes (redoes) that batch; returns FALSE when there is none. */
gboolean               captioner_batch_history_undo     (CaptionerBatchHistory *self,
                                                         CaptionerDraft        *draft);
gboolean               captioner_batch_history_redo     (CaptionerBatchHistory *self,
                                                         CaptionerDraft        *draft);

G_END_DECLS
