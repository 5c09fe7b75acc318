#define G_LOG_DOMAIN "captioner-batch-history"

#include "config.h"

#include "captioner-batch-history.h"

/* Batches kept for undo. */
#define HISTORY_LIMIT 50

typedef struct
{
  CaptionerBatch      *batch;
  CaptionerBatchFlags  flags;
} Queued;

struct _CaptionerBatchHistory
{
  GObject         parent_instance;

  /* Owned references */
  GPtrArray      *batches;      /* CaptionerBatch: [0, n_applied) applied, the rest undone */
  GQueue          queue;        /* Queued, waiting for the one running */
  CaptionerBatch *running;
  GCancellable   *cancellable;  /* the running one's */

  guint           n_applied;
};

G_DEFINE_FINAL_TYPE (CaptionerBatchHistory, captioner_batch_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_next (CaptionerBatchHistory *self);

static void
queued_free (Queued *queued)
{
  g_object_unref (queued->batch);
  g_free (queued);
}

static void
on_run_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CaptionerBatchHistory) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!captioner_batch_run_finish (CAPTIONER_BATCH (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("A batch edit failed: %s", error->message);
  g_clear_object (&self->running);
  g_clear_object (&self->cancellable);
  run_next (self);
  if (self->running == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
run_next (CaptionerBatchHistory *self)
{
  Queued *queued = g_queue_pop_head (&self->queue);

  if (queued == NULL)
    return;
  /* What was undone cannot be redone once something else was done. */
  g_ptr_array_set_size (self->batches, self->n_applied);
  g_ptr_array_add (self->batches, g_object_ref (queued->batch));
  if (self->batches->len > HISTORY_LIMIT)
    g_ptr_array_remove_index (self->batches, 0);
  self->n_applied = self->batches->len;

  self->running = g_object_ref (queued->batch);
  self->cancellable = g_cancellable_new ();
  captioner_batch_run_async (queued->batch, queued->flags, self->cancellable, on_run_cb,
                             g_object_ref (self));
  queued_free (queued);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
captioner_batch_history_dispose (GObject *object)
{
  CaptionerBatchHistory *self = CAPTIONER_BATCH_HISTORY (object);

  g_queue_clear_full (&self->queue, (GDestroyNotify) queued_free);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  G_OBJECT_CLASS (captioner_batch_history_parent_class)->dispose (object);
}

static void
captioner_batch_history_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CaptionerBatchHistory *self = CAPTIONER_BATCH_HISTORY (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_object (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_batch_history_class_init (CaptionerBatchHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_batch_history_dispose;
  object_class->get_property = captioner_batch_history_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_object ("running", NULL, NULL, CAPTIONER_TYPE_BATCH,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_batch_history_init (CaptionerBatchHistory *self)
{
  self->batches = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->queue);
}

CaptionerBatchHistory *
captioner_batch_history_new (void)
{
  return g_object_new (CAPTIONER_TYPE_BATCH_HISTORY, NULL);
}

void
captioner_batch_history_run (CaptionerBatchHistory *self,
                             CaptionerBatch        *batch,
                             CaptionerBatchFlags    flags)
{
  Queued *queued;

  g_return_if_fail (CAPTIONER_IS_BATCH_HISTORY (self));
  g_return_if_fail (CAPTIONER_IS_BATCH (batch));

  queued = g_new0 (Queued, 1);
  queued->batch = g_object_ref (batch);
  queued->flags = flags;
  g_queue_push_tail (&self->queue, queued);
  if (self->running == NULL)
    run_next (self);
}

CaptionerBatch *
captioner_batch_history_get_running (CaptionerBatchHistory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_BATCH_HISTORY (self), NULL);
  return self->running;
}

void
captioner_batch_history_cancel (CaptionerBatchHistory *self)
{
  g_return_if_fail (CAPTIONER_IS_BATCH_HISTORY (self));

  g_queue_clear_full (&self->queue, (GDestroyNotify) queued_free);
  g_queue_init (&self->queue);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

CaptionerBatch *
captioner_batch_history_get_undo (CaptionerBatchHistory *self,
                                  CaptionerDraft        *draft)
{
  CaptionerBatch *batch;

  g_return_val_if_fail (CAPTIONER_IS_BATCH_HISTORY (self), NULL);

  if (self->running != NULL || self->n_applied == 0)
    return NULL;
  batch = g_ptr_array_index (self->batches, self->n_applied - 1);
  if (!captioner_batch_get_can_undo (batch))
    return NULL;
  if (draft != NULL && !captioner_batch_is_latest_on (batch, draft))
    return NULL;
  return batch;
}

CaptionerBatch *
captioner_batch_history_get_redo (CaptionerBatchHistory *self,
                                  CaptionerDraft        *draft)
{
  CaptionerBatch *batch;

  g_return_val_if_fail (CAPTIONER_IS_BATCH_HISTORY (self), NULL);

  if (self->running != NULL || self->n_applied >= self->batches->len)
    return NULL;
  batch = g_ptr_array_index (self->batches, self->n_applied);
  if (!captioner_batch_get_can_redo (batch))
    return NULL;
  if (draft != NULL && !captioner_batch_is_undone_on (batch, draft))
    return NULL;
  return batch;
}

gboolean
captioner_batch_history_undo (CaptionerBatchHistory *self,
                              CaptionerDraft        *draft)
{
  CaptionerBatch *batch = captioner_batch_history_get_undo (self, draft);

  if (batch == NULL)
    return FALSE;
  captioner_batch_undo (batch);
  self->n_applied--;
  return TRUE;
}

gboolean
captioner_batch_history_redo (CaptionerBatchHistory *self,
                              CaptionerDraft        *draft)
{
  CaptionerBatch *batch = captioner_batch_history_get_redo (self, draft);

  if (batch == NULL)
    return FALSE;
  captioner_batch_redo (batch);
  self->n_applied++;
  return TRUE;
}
