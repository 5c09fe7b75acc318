#define G_LOG_DOMAIN "captioner-batch"

#include "config.h"

#include "captioner-batch.h"

/* Time given to one chunk of the batch before the main loop gets its turn again, and the
 * most photos in one (the progress moves on at least that often). */
#define CHUNK_USEC  4000
#define CHUNK_ITEMS 64

typedef enum
{
  KIND_SET_FIELD,
  KIND_ADD_KEYWORDS,
  KIND_SET_KEYWORDS,
  KIND_TEMPLATE,
  KIND_PASTE,
} Kind;

/* A draft the edit changed: what it was before and after the batch's step. */
typedef struct
{
  CaptionerDeskItem *item;
  CaptionerDraft    *draft;
  CaptionerMetadata *before;
  CaptionerMetadata *after;
} Touched;

struct _CaptionerBatch
{
  GObject              parent_instance;

  /* Owned references */
  CaptionerDesk       *desk;      /* may be NULL: nothing is saved */
  GPtrArray           *items;     /* CaptionerDeskItem */
  GPtrArray           *touched;   /* Touched */
  char                *value;
  GStrv                keywords;
  CaptionerTemplate   *template;
  CaptionerMetadata   *from;
  GTask               *task;

  Kind                 kind;
  CaptionerField       field;
  CaptionerTemplateApplyFlags template_flags;
  int                  from_orientation;
  CaptionerPasteFlags  paste;
  CaptionerBatchFlags  flags;
  guint                n_done;
  guint                idle_id;
  gboolean             started;
  gboolean             undone;
};

G_DEFINE_FINAL_TYPE (CaptionerBatch, captioner_batch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_TOTAL,
  PROP_N_DONE,
  PROP_N_CHANGED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
touched_free (Touched *touched)
{
  g_clear_object (&touched->item);
  g_clear_object (&touched->draft);
  g_clear_pointer (&touched->before, captioner_metadata_free);
  g_clear_pointer (&touched->after, captioner_metadata_free);
  g_free (touched);
}

static void
edit_draft (CaptionerBatch    *self,
            CaptionerDraft    *draft,
            CaptionerDeskItem *item)
{
  switch (self->kind)
    {
    case KIND_SET_FIELD:
      captioner_draft_set_field (draft, self->field, self->value);
      break;
    case KIND_ADD_KEYWORDS:
      captioner_draft_add_keywords (draft, (const char * const *) self->keywords);
      break;
    case KIND_SET_KEYWORDS:
      captioner_draft_set_keywords (draft, (const char * const *) self->keywords);
      break;
    case KIND_TEMPLATE:
      captioner_draft_apply_template (draft, self->template, captioner_desk_item_get_file (item),
                                      self->template_flags);
      break;
    case KIND_PASTE:
      captioner_draft_paste (draft, self->from, self->from_orientation, self->paste);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
save_item (CaptionerBatch    *self,
           CaptionerDeskItem *item)
{
  if (self->desk != NULL && (self->flags & CAPTIONER_BATCH_SAVE))
    captioner_desk_save (self->desk, item, CAPTIONER_SAVE_NONE);
}

/* One photo: its draft gets the edit as an undo step of its own. */
static void
run_one (CaptionerBatch    *self,
         CaptionerDeskItem *item)
{
  CaptionerDraft *draft = captioner_desk_item_get_draft (item);
  g_autoptr(CaptionerMetadata) before = NULL;
  Touched *touched;

  if (draft == NULL)
    return;
  before = captioner_metadata_copy (captioner_draft_get_metadata (draft));
  /* Neither the step before (a field being typed in) nor the one after joins this one. */
  captioner_draft_break_group (draft);
  captioner_draft_begin_group (draft, "batch");
  edit_draft (self, draft, item);
  captioner_draft_end_group (draft);
  captioner_draft_break_group (draft);
  if (captioner_metadata_equal (before, captioner_draft_get_metadata (draft)))
    return;

  touched = g_new0 (Touched, 1);
  touched->item = g_object_ref (item);
  touched->draft = g_object_ref (draft);
  touched->before = g_steal_pointer (&before);
  touched->after = captioner_metadata_copy (captioner_draft_get_metadata (draft));
  g_ptr_array_add (self->touched, touched);
  save_item (self, item);
}

/* Runs photos until @deadline or CHUNK_ITEMS of them (0: all of them); returns whether it is
 * done. */
static gboolean
run_until (CaptionerBatch *self,
           gint64          deadline)
{
  guint was_changed = self->touched->len;
  guint n = 0;

  g_object_freeze_notify (G_OBJECT (self));
  while (self->n_done < self->items->len)
    {
      run_one (self, g_ptr_array_index (self->items, self->n_done));
      self->n_done++;
      if (deadline != 0 && (++n >= CHUNK_ITEMS || g_get_monotonic_time () >= deadline))
        break;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  if (self->touched->len != was_changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHANGED]);
      if (was_changed == 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return self->n_done == self->items->len;
}

static gboolean
run_chunk_cb (gpointer user_data)
{
  CaptionerBatch *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (!g_task_return_error_if_cancelled (self->task))
    {
      if (!run_until (self, g_get_monotonic_time () + CHUNK_USEC))
        return G_SOURCE_CONTINUE;
      g_task_return_boolean (self->task, TRUE);
    }
  /* Cancelled: what is done stays done, and undoes as one step. */
  self->idle_id = 0;
  task = g_steal_pointer (&self->task);
  return G_SOURCE_REMOVE;
}

static void
captioner_batch_dispose (GObject *object)
{
  CaptionerBatch *self = CAPTIONER_BATCH (object);

  /* A task holds the batch while it runs: this is after it ended. */
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->desk);
  g_clear_object (&self->template);
  G_OBJECT_CLASS (captioner_batch_parent_class)->dispose (object);
}

static void
captioner_batch_finalize (GObject *object)
{
  CaptionerBatch *self = CAPTIONER_BATCH (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_ptr_array_unref);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->keywords, g_strfreev);
  g_clear_pointer (&self->from, captioner_metadata_free);
  G_OBJECT_CLASS (captioner_batch_parent_class)->finalize (object);
}

static void
captioner_batch_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CaptionerBatch *self = CAPTIONER_BATCH (object);

  switch (prop_id)
    {
    case PROP_N_TOTAL:
      g_value_set_uint (value, captioner_batch_get_n_total (self));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_CHANGED:
      g_value_set_uint (value, self->touched->len);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, captioner_batch_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, captioner_batch_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_batch_class_init (CaptionerBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_batch_dispose;
  object_class->finalize = captioner_batch_finalize;
  object_class->get_property = captioner_batch_get_property;

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, READABLE);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, READABLE);
  properties[PROP_N_CHANGED] = g_param_spec_uint ("n-changed", NULL, NULL, 0, G_MAXUINT, 0,
                                                  READABLE);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, READABLE);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, READABLE);
#undef READABLE
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_batch_init (CaptionerBatch *self)
{
  self->touched = g_ptr_array_new_with_free_func ((GDestroyNotify) touched_free);
}

static CaptionerBatch *
batch_new (CaptionerDesk *desk,
           GPtrArray     *items,
           Kind           kind)
{
  CaptionerBatch *self = g_object_new (CAPTIONER_TYPE_BATCH, NULL);

  self->desk = desk ? g_object_ref (desk) : NULL;
  self->items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
  self->kind = kind;
  return self;
}

CaptionerBatch *
captioner_batch_new_set_field (CaptionerDesk  *desk,
                               GPtrArray      *items,
                               CaptionerField  field,
                               const char     *value)
{
  CaptionerBatch *self;

  g_return_val_if_fail (desk == NULL || CAPTIONER_IS_DESK (desk), NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (field < CAPTIONER_N_FIELDS, NULL);

  self = batch_new (desk, items, KIND_SET_FIELD);
  self->field = field;
  self->value = g_strdup (value);
  return self;
}

CaptionerBatch *
captioner_batch_new_add_keywords (CaptionerDesk      *desk,
                                  GPtrArray          *items,
                                  const char * const *keywords)
{
  CaptionerBatch *self;

  g_return_val_if_fail (desk == NULL || CAPTIONER_IS_DESK (desk), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = batch_new (desk, items, KIND_ADD_KEYWORDS);
  self->keywords = keywords ? g_strdupv ((char **) keywords) : g_new0 (char *, 1);
  return self;
}

CaptionerBatch *
captioner_batch_new_set_keywords (CaptionerDesk      *desk,
                                  GPtrArray          *items,
                                  const char * const *keywords)
{
  CaptionerBatch *self = captioner_batch_new_add_keywords (desk, items, keywords);

  if (self != NULL)
    self->kind = KIND_SET_KEYWORDS;
  return self;
}

CaptionerBatch *
captioner_batch_new_template (CaptionerDesk               *desk,
                              GPtrArray                   *items,
                              CaptionerTemplate           *template,
                              CaptionerTemplateApplyFlags  flags)
{
  CaptionerBatch *self;

  g_return_val_if_fail (desk == NULL || CAPTIONER_IS_DESK (desk), NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (template), NULL);

  self = batch_new (desk, items, KIND_TEMPLATE);
  /* As it is now: the editor may go on changing theirs. */
  self->template = captioner_template_copy (template);
  self->template_flags = flags;
  return self;
}

CaptionerBatch *
captioner_batch_new_paste (CaptionerDesk           *desk,
                           GPtrArray               *items,
                           const CaptionerMetadata *from,
                           int                      from_orientation,
                           CaptionerPasteFlags      what)
{
  CaptionerBatch *self;

  g_return_val_if_fail (desk == NULL || CAPTIONER_IS_DESK (desk), NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);

  self = batch_new (desk, items, KIND_PASTE);
  self->from = captioner_metadata_copy (from);
  self->from_orientation = from_orientation;
  self->paste = what;
  return self;
}

guint
captioner_batch_get_n_total (CaptionerBatch *self)
{
  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), 0);
  return self->items->len;
}

guint
captioner_batch_get_n_done (CaptionerBatch *self)
{
  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), 0);
  return self->n_done;
}

guint
captioner_batch_get_n_changed (CaptionerBatch *self)
{
  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), 0);
  return self->touched->len;
}

void
captioner_batch_run (CaptionerBatch      *self,
                     CaptionerBatchFlags  flags)
{
  g_return_if_fail (CAPTIONER_IS_BATCH (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  self->flags = flags;
  run_until (self, 0);
}

void
captioner_batch_run_async (CaptionerBatch      *self,
                           CaptionerBatchFlags  flags,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GSource) source = NULL;

  g_return_if_fail (CAPTIONER_IS_BATCH (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  self->flags = flags;
  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, captioner_batch_run_async);
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, run_chunk_cb, self, NULL);
  g_source_set_static_name (source, "[captioner] batch");
  self->idle_id = g_source_attach (source, g_main_context_get_thread_default ());
}

gboolean
captioner_batch_run_finish (CaptionerBatch  *self,
                            GAsyncResult    *result,
                            GError         **error)
{
  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
captioner_batch_get_can_undo (CaptionerBatch *self)
{
  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), FALSE);
  return !self->undone && self->touched->len > 0;
}

gboolean
captioner_batch_get_can_redo (CaptionerBatch *self)
{
  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), FALSE);
  return self->undone;
}

static Touched *
find_touched (CaptionerBatch *self,
              CaptionerDraft *draft)
{
  for (guint i = 0; i < self->touched->len; i++)
    {
      Touched *touched = g_ptr_array_index (self->touched, i);

      if (touched->draft == draft)
        return touched;
    }
  return NULL;
}

/* The draft is still the item's and stands where the batch left it (or where its undo did). */
static gboolean
stands_at (Touched                 *touched,
           const CaptionerMetadata *state)
{
  return captioner_desk_item_peek_draft (touched->item) == touched->draft &&
         captioner_metadata_equal (captioner_draft_get_metadata (touched->draft), state);
}

gboolean
captioner_batch_has_draft (CaptionerBatch *self,
                           CaptionerDraft *draft)
{
  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), FALSE);
  return find_touched (self, draft) != NULL;
}

gboolean
captioner_batch_is_latest_on (CaptionerBatch *self,
                              CaptionerDraft *draft)
{
  Touched *touched;

  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), FALSE);

  touched = find_touched (self, draft);
  return !self->undone && touched != NULL && stands_at (touched, touched->after) &&
         captioner_draft_get_can_undo (draft);
}

gboolean
captioner_batch_is_undone_on (CaptionerBatch *self,
                              CaptionerDraft *draft)
{
  Touched *touched;

  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), FALSE);

  touched = find_touched (self, draft);
  return self->undone && touched != NULL && stands_at (touched, touched->before) &&
         captioner_draft_get_can_redo (draft);
}

static void
set_undone (CaptionerBatch *self,
            gboolean        undone)
{
  self->undone = undone;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
captioner_batch_undo (CaptionerBatch *self)
{
  guint n = 0;

  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), 0);
  g_return_val_if_fail (self->task == NULL, 0);

  if (!captioner_batch_get_can_undo (self))
    return 0;
  for (guint i = 0; i < self->touched->len; i++)
    {
      Touched *touched = g_ptr_array_index (self->touched, i);

      if (!captioner_batch_is_latest_on (self, touched->draft))
        continue;
      captioner_draft_undo (touched->draft);
      save_item (self, touched->item);
      n++;
    }
  set_undone (self, TRUE);
  return n;
}

guint
captioner_batch_redo (CaptionerBatch *self)
{
  guint n = 0;

  g_return_val_if_fail (CAPTIONER_IS_BATCH (self), 0);
  g_return_val_if_fail (self->task == NULL, 0);

  if (!captioner_batch_get_can_redo (self))
    return 0;
  for (guint i = 0; i < self->touched->len; i++)
    {
      Touched *touched = g_ptr_array_index (self->touched, i);

      if (!captioner_batch_is_undone_on (self, touched->draft))
        continue;
      captioner_draft_redo (touched->draft);
      save_item (self, touched->item);
      n++;
    }
  set_undone (self, FALSE);
  return n;
}
