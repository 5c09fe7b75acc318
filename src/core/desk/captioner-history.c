#define G_LOG_DOMAIN "captioner-history"

#include "config.h"

#include "captioner-history.h"

struct _CaptionerHistory
{
  GObject    parent_instance;
  GPtrArray *states;   /* CaptionerMetadata*, oldest first */
  guint      current;  /* index into states */
  guint      limit;
  char      *group;    /* group of the top snapshot, or NULL */
};

G_DEFINE_FINAL_TYPE (CaptionerHistory, captioner_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_changes (CaptionerHistory *self,
                gboolean          could_undo,
                gboolean          could_redo)
{
  if (could_undo != captioner_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != captioner_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
captioner_history_finalize (GObject *object)
{
  CaptionerHistory *self = CAPTIONER_HISTORY (object);

  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->group, g_free);
  G_OBJECT_CLASS (captioner_history_parent_class)->finalize (object);
}

static void
captioner_history_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CaptionerHistory *self = CAPTIONER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, captioner_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, captioner_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_history_class_init (CaptionerHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = captioner_history_finalize;
  object_class->get_property = captioner_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_history_init (CaptionerHistory *self)
{
  self->states = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_metadata_free);
  g_ptr_array_add (self->states, captioner_metadata_new ());
}

/* limit: how many snapshots to keep (0 for no limit). */
CaptionerHistory *
captioner_history_new (guint limit)
{
  CaptionerHistory *self = g_object_new (CAPTIONER_TYPE_HISTORY, NULL);

  self->limit = limit;
  return self;
}

/* Forgets everything: initial becomes the only state (a new photo was opened). */
void
captioner_history_reset (CaptionerHistory        *self,
                         const CaptionerMetadata *initial)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (CAPTIONER_IS_HISTORY (self));
  g_return_if_fail (initial != NULL);

  could_undo = captioner_history_can_undo (self);
  could_redo = captioner_history_can_redo (self);
  g_ptr_array_set_size (self->states, 0);
  g_ptr_array_add (self->states, captioner_metadata_copy (initial));
  self->current = 0;
  g_clear_pointer (&self->group, g_free);
  notify_changes (self, could_undo, could_redo);
}

/* Records state as the newest snapshot, dropping what could be redone. Returns FALSE when state
 * equals the current snapshot (nothing recorded). A non-NULL group equal to the previous push's
 * group replaces the top snapshot. */
gboolean
captioner_history_push (CaptionerHistory        *self,
                        const CaptionerMetadata *state,
                        const char              *group)
{
  gboolean could_undo, could_redo;

  g_return_val_if_fail (CAPTIONER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (captioner_metadata_equal (state, g_ptr_array_index (self->states, self->current)))
    return FALSE;

  could_undo = captioner_history_can_undo (self);
  could_redo = captioner_history_can_redo (self);
  g_ptr_array_set_size (self->states, self->current + 1);

  if (group != NULL && self->current > 0 && g_strcmp0 (group, self->group) == 0)
    {
      captioner_metadata_free (g_ptr_array_steal_index (self->states, self->current));
      g_ptr_array_add (self->states, captioner_metadata_copy (state));
    }
  else
    {
      g_ptr_array_add (self->states, captioner_metadata_copy (state));
      self->current++;
      if (self->limit > 0 && self->states->len > self->limit)
        {
          g_ptr_array_remove_index (self->states, 0);
          self->current--;
        }
    }
  g_free (self->group);
  self->group = g_strdup (group);
  notify_changes (self, could_undo, could_redo);
  return TRUE;
}

/* The next push starts a new snapshot even in the same group (focus left the field). */
void
captioner_history_break_group (CaptionerHistory *self)
{
  g_return_if_fail (CAPTIONER_IS_HISTORY (self));
  g_clear_pointer (&self->group, g_free);
}

gboolean
captioner_history_can_undo (CaptionerHistory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_HISTORY (self), FALSE);
  return self->current > 0;
}

gboolean
captioner_history_can_redo (CaptionerHistory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_HISTORY (self), FALSE);
  return self->current + 1 < self->states->len;
}

/* Returns the state to show after undoing, or NULL when there is nothing to undo. */
const CaptionerMetadata *
captioner_history_undo (CaptionerHistory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_HISTORY (self), NULL);

  if (!captioner_history_can_undo (self))
    return NULL;
  self->current--;
  g_clear_pointer (&self->group, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  return g_ptr_array_index (self->states, self->current);
}

const CaptionerMetadata *
captioner_history_redo (CaptionerHistory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_HISTORY (self), NULL);

  if (!captioner_history_can_redo (self))
    return NULL;
  self->current++;
  g_clear_pointer (&self->group, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  return g_ptr_array_index (self->states, self->current);
}

const CaptionerMetadata *
captioner_history_get_current (CaptionerHistory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_HISTORY (self), NULL);
  return g_ptr_array_index (self->states, self->current);
}
