#define G_LOG_DOMAIN "captioner-draft"

#include "config.h"

#include "captioner-caption.h"
#include "captioner-draft-private.h"
#include "captioner-person.h"

/* Undo steps kept per photo. */
#define HISTORY_LIMIT 200

G_DEFINE_FINAL_TYPE (CaptionerDraft, captioner_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_CAPTION,
  PROP_CAPTION_KEPT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DEFAULT_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The ownership rule.
 *
 * A caption another program wrote (captioner_caption_is_foreign: there is one and Captioner
 * did not compose it) is adopted as the body when no people are named, so that what is shown
 * is what is stored, and can be edited. A wire photo's caption adopted this way is composed
 * in house style by the first edit, whatever it is (credit suffix and all).
 *
 * It is protected when it is in the sidecar (another editor's words on a shared folder,
 * Photo Mechanic's or Lightroom's), or when people are named beside it (composing would put
 * a list of names in place of its words): then it is kept as it is until the editor writes
 * their own words by editing the body (naming a person adds no names to it either). A
 * protected caption that a save would replace needs the editor's say (the save fails with
 * CAPTIONER_ERROR_CAPTION_CHANGED unless forced).
 *
 * Otherwise the caption follows its parts: people, body, credit and style. Another field's
 * edit leaves it alone, so that a caption set verbatim stays until one of its parts changes.
 *
 * An adopted body that is still the other program's caption, unchanged and not composed, is
 * not saved: reading the photo again adopts it again, and a save writes only what the editor
 * changed (captioner_draft_dup_to_save). */

gboolean
captioner_draft_is_part (CaptionerField field)
{
  return field == CAPTIONER_FIELD_CAPTION_BODY || field == CAPTIONER_FIELD_CREDIT ||
         field == CAPTIONER_FIELD_STYLE;
}

static void
start_from (CaptionerDraft          *self,
            const CaptionerMetadata *stored,
            gboolean                 sidecar_foreign)
{
  CaptionerMetadata *opened = captioner_metadata_copy (stored);
  const char *caption = opened->fields[CAPTIONER_FIELD_CAPTION];
  gboolean foreign = captioner_caption_is_foreign (caption,
                                                   opened->fields[CAPTIONER_FIELD_COMPOSED]);

  captioner_people_assign_ids (opened->people);
  for (guint i = 0; i < opened->people->len; i++)
    self->next_id = MAX (self->next_id,
                         ((CaptionerPerson *) g_ptr_array_index (opened->people, i))->id + 1);
  self->adopted = foreign && opened->people->len == 0;
  self->body_stored = opened->fields[CAPTIONER_FIELD_CAPTION_BODY] != NULL;
  if (self->adopted)
    captioner_metadata_set (opened, CAPTIONER_FIELD_CAPTION_BODY, caption);
  self->caption_protected = foreign && (sidecar_foreign || !self->adopted);
  g_clear_pointer (&self->opened, captioner_metadata_free);
  self->opened = opened;
}

/* Whether the caption is being composed from its parts rather than kept as another program
 * wrote it. */
static gboolean
composing (CaptionerDraft          *self,
           const CaptionerMetadata *md)
{
  if (!self->caption_protected)
    return TRUE;
  return g_strcmp0 (md->fields[CAPTIONER_FIELD_CAPTION_BODY],
                    self->opened->fields[CAPTIONER_FIELD_CAPTION_BODY]) != 0;
}

/* The adopted wire caption, not edited yet: the first edit of any field composes it. */
static gboolean
adoption_pending (CaptionerDraft          *self,
                  const CaptionerMetadata *md)
{
  return self->adopted && !self->caption_protected &&
         g_strcmp0 (md->fields[CAPTIONER_FIELD_CAPTION],
                    self->opened->fields[CAPTIONER_FIELD_CAPTION]) == 0;
}

/* A caption the draft writes is Captioner's, and recorded as such (as the save does). */
void
captioner_draft_set_own_caption (CaptionerDraft *self,
                 const char     *caption)
{
  captioner_metadata_set (self->current, CAPTIONER_FIELD_CAPTION, caption);
  captioner_metadata_set (self->current, CAPTIONER_FIELD_COMPOSED, caption);
}

static void
recompose (CaptionerDraft *self)
{
  g_autofree char *caption = NULL;

  if (!composing (self, self->current))
    return;
  if (self->current->fields[CAPTIONER_FIELD_STYLE] == NULL && self->default_style != NULL)
    captioner_metadata_set (self->current, CAPTIONER_FIELD_STYLE, self->default_style);
  caption = captioner_caption_compose_metadata (self->current, self->orientation);
  captioner_draft_set_own_caption (self, *caption ? caption : NULL);
}

void
captioner_draft_notify_state (CaptionerDraft        *self,
              CaptionerDraftChanged  what)
{
  gboolean dirty = captioner_draft_get_dirty (self);
  gboolean kept = captioner_draft_get_caption_kept (self);
  gboolean can_undo = captioner_history_can_undo (self->history);
  gboolean can_redo = captioner_history_can_redo (self->history);
  const char *caption = captioner_draft_get_caption (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (caption, self->was_caption) != 0)
    {
      g_free (self->was_caption);
      self->was_caption = g_strdup (caption);
      what |= CAPTIONER_DRAFT_CHANGED_CAPTION;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
    }
#define NOTIFY_IF_CHANGED(now, was, prop) \
  if ((now) != (was)) { (was) = (now); g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); }
  NOTIFY_IF_CHANGED (dirty, self->was_dirty, PROP_DIRTY);
  NOTIFY_IF_CHANGED (kept, self->was_kept, PROP_CAPTION_KEPT);
  NOTIFY_IF_CHANGED (can_undo, self->could_undo, PROP_CAN_UNDO);
  NOTIFY_IF_CHANGED (can_redo, self->could_redo, PROP_CAN_REDO);
#undef NOTIFY_IF_CHANGED
  g_object_thaw_notify (G_OBJECT (self));
  if (what != 0)
    g_signal_emit (self, signals[CHANGED], 0, what);
}

/* Every edit ends here: the caption follows, the history records it, listeners hear of it. */
void
captioner_draft_commit (CaptionerDraft        *self,
                        CaptionerDraftChanged  what,
                        gboolean               part,
                        const char            *group)
{
  if (part || adoption_pending (self, self->current))
    {
      recompose (self);
      captioner_draft_recompose_languages (self);
    }
  if (self->group_depth > 0)
    {
      self->pending |= what;
      return;
    }
  captioner_history_push (self->history, self->current, group);
  captioner_draft_notify_state (self, what);
}

static void
captioner_draft_finalize (GObject *object)
{
  CaptionerDraft *self = CAPTIONER_DRAFT (object);

  g_clear_pointer (&self->current, captioner_metadata_free);
  g_clear_pointer (&self->baseline, captioner_metadata_free);
  g_clear_pointer (&self->opened, captioner_metadata_free);
  g_clear_object (&self->history);
  g_clear_pointer (&self->default_style, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->was_caption, g_free);
  if (self->translate_destroy != NULL)
    g_clear_pointer (&self->translate_data, self->translate_destroy);
  G_OBJECT_CLASS (captioner_draft_parent_class)->finalize (object);
}

static void
captioner_draft_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CaptionerDraft *self = CAPTIONER_DRAFT (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, captioner_draft_get_dirty (self));
      break;
    case PROP_CAPTION:
      g_value_set_string (value, captioner_draft_get_caption (self));
      break;
    case PROP_CAPTION_KEPT:
      g_value_set_boolean (value, captioner_draft_get_caption_kept (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, captioner_draft_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, captioner_draft_get_can_redo (self));
      break;
    case PROP_DEFAULT_STYLE:
      g_value_set_string (value, self->default_style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_draft_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CaptionerDraft *self = CAPTIONER_DRAFT (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_STYLE:
      captioner_draft_set_default_style (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_draft_class_init (CaptionerDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = captioner_draft_finalize;
  object_class->get_property = captioner_draft_get_property;
  object_class->set_property = captioner_draft_set_property;

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, READABLE);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, "", READABLE);
  properties[PROP_CAPTION_KEPT] = g_param_spec_boolean ("caption-kept", NULL, NULL, FALSE,
                                                        READABLE);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, READABLE);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, READABLE);
#undef READABLE
  properties[PROP_DEFAULT_STYLE] =
    g_param_spec_string ("default-style", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
captioner_draft_init (CaptionerDraft *self)
{
  self->history = captioner_history_new (HISTORY_LIMIT);
  self->orientation = 1;
  self->next_id = 1;
}

/* stored: the metadata as read; orientation: the photo's; caption_protected: the sidecar
 * holds another program's caption (captioner_photo_has_foreign_caption). */
CaptionerDraft *
captioner_draft_new (const CaptionerMetadata *stored,
                     int                      orientation,
                     gboolean                 caption_protected)
{
  CaptionerDraft *self;

  g_return_val_if_fail (stored != NULL, NULL);

  self = g_object_new (CAPTIONER_TYPE_DRAFT, NULL);
  self->orientation = orientation;
  start_from (self, stored, caption_protected);
  self->baseline = captioner_metadata_copy (self->opened);
  self->current = captioner_metadata_copy (self->opened);
  captioner_history_reset (self->history, self->current);
  self->was_caption = g_strdup (captioner_draft_get_caption (self));
  self->was_kept = captioner_draft_get_caption_kept (self);
  return self;
}

const CaptionerMetadata *
captioner_draft_get_metadata (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return self->current;
}

const CaptionerMetadata *
captioner_draft_get_baseline (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return self->baseline;
}

int
captioner_draft_get_orientation (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), 1);
  return self->orientation;
}

gboolean
captioner_draft_get_dirty (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), FALSE);
  return !captioner_metadata_equal (self->current, self->baseline);
}

const char *
captioner_draft_get_caption (CaptionerDraft *self)
{
  const char *caption;

  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), "");
  caption = self->current->fields[CAPTIONER_FIELD_CAPTION];
  return caption ? caption : "";
}

gboolean
captioner_draft_get_caption_kept (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), FALSE);
  return !composing (self, self->current);
}

char *
captioner_draft_compose (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return captioner_caption_compose_metadata (self->current, self->orientation);
}

const char *
captioner_draft_get_default_style (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return self->default_style;
}

/* The style a caption is composed in when it has none stored yet. */
void
captioner_draft_set_default_style (CaptionerDraft *self,
                                   const char     *style)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  if (g_strcmp0 (self->default_style, style) == 0)
    return;
  g_free (self->default_style);
  self->default_style = g_strdup (style);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_STYLE]);
}

const char *
captioner_draft_get_field (CaptionerDraft *self,
                           CaptionerField  field)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return captioner_metadata_get (self->current, field);
}

GPtrArray *
captioner_draft_dup_people_ordered (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return captioner_people_sort_displayed (self->current->people, self->orientation);
}

CaptionerChanges *
captioner_draft_dup_changes (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  return captioner_changes_between (self->baseline, self->current);
}

gboolean
captioner_draft_get_can_undo (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), FALSE);
  return captioner_history_can_undo (self->history);
}

gboolean
captioner_draft_get_can_redo (CaptionerDraft *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), FALSE);
  return captioner_history_can_redo (self->history);
}

static void
show_state (CaptionerDraft          *self,
            const CaptionerMetadata *state)
{
  if (state == NULL)
    return;
  captioner_metadata_free (self->current);
  self->current = captioner_metadata_copy (state);
  captioner_draft_notify_state (self, CAPTIONER_DRAFT_CHANGED_ALL);
}

void
captioner_draft_undo (CaptionerDraft *self)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  show_state (self, captioner_history_undo (self->history));
}

void
captioner_draft_redo (CaptionerDraft *self)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  show_state (self, captioner_history_redo (self->history));
}

void
captioner_draft_revert (CaptionerDraft *self)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  if (!captioner_draft_get_dirty (self))
    return;
  captioner_metadata_free (self->current);
  self->current = captioner_metadata_copy (self->baseline);
  captioner_history_push (self->history, self->current, NULL);
  captioner_draft_notify_state (self, CAPTIONER_DRAFT_CHANGED_ALL);
}

/* Whether the body is the adopted caption as it was adopted: the caption is still the other
 * program's, word for word, and nothing of it was composed. */
static gboolean
body_only_adopted (CaptionerDraft          *self,
                   const CaptionerMetadata *md)
{
  return self->adopted && !self->body_stored && md->people->len == 0 &&
         g_strcmp0 (md->fields[CAPTIONER_FIELD_CAPTION_BODY],
                    self->opened->fields[CAPTIONER_FIELD_CAPTION_BODY]) == 0 &&
         g_strcmp0 (md->fields[CAPTIONER_FIELD_CAPTION],
                    self->opened->fields[CAPTIONER_FIELD_CAPTION]) == 0 &&
         g_strcmp0 (md->fields[CAPTIONER_FIELD_COMPOSED],
                    self->opened->fields[CAPTIONER_FIELD_COMPOSED]) == 0;
}

CaptionerMetadata *
captioner_draft_dup_to_save (CaptionerDraft *self)
{
  CaptionerMetadata *saved;

  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);

  saved = captioner_metadata_copy (self->current);
  if (body_only_adopted (self, saved))
    captioner_metadata_set (saved, CAPTIONER_FIELD_CAPTION_BODY, NULL);
  return saved;
}

void
captioner_draft_rebase (CaptionerDraft          *self,
                        const CaptionerMetadata *saved,
                        gboolean                 caption_protected)
{
  gboolean unchanged;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  g_return_if_fail (saved != NULL);

  /* What was saved, as the ownership rule reads it (an adopted body included), is the new
   * baseline; the draft goes on from where the editor is. */
  start_from (self, saved, caption_protected);
  unchanged = captioner_metadata_equal (self->current, saved) ||
              captioner_metadata_equal (self->current, self->opened);
  g_clear_pointer (&self->baseline, captioner_metadata_free);
  self->baseline = captioner_metadata_copy (self->opened);
  if (unchanged)
    {
      captioner_metadata_free (self->current);
      self->current = captioner_metadata_copy (self->baseline);
    }
  captioner_draft_notify_state (self, 0);
}

/* What another program's version looks like to the rule: as a draft would start from it. */
static CaptionerMetadata *
view_of (CaptionerDraft          *self,
         const CaptionerMetadata *theirs,
         gboolean                 theirs_protected)
{
  g_autoptr(CaptionerDraft) other = captioner_draft_new (theirs, self->orientation,
                                                         theirs_protected);

  return captioner_metadata_copy (other->baseline);
}

CaptionerMerge *
captioner_draft_merge (CaptionerDraft          *self,
                       const CaptionerMetadata *theirs,
                       gboolean                 theirs_protected)
{
  g_autoptr(CaptionerMetadata) view = NULL;

  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);
  g_return_val_if_fail (theirs != NULL, NULL);

  view = view_of (self, theirs, theirs_protected);
  return captioner_merge_new (self->baseline, self->current, view);
}

void
captioner_draft_take_merge (CaptionerDraft           *self,
                            const CaptionerMerge     *merge,
                            const CaptionerMergeSide *sides,
                            const CaptionerMetadata  *theirs,
                            gboolean                  theirs_protected)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  g_return_if_fail (merge != NULL && theirs != NULL);

  start_from (self, theirs, theirs_protected);
  g_clear_pointer (&self->baseline, captioner_metadata_free);
  self->baseline = captioner_metadata_copy (self->opened);
  captioner_metadata_free (self->current);
  self->current = captioner_merge_result (merge, sides);
  /* People the other program added get ids the draft has not given. */
  for (guint i = 0; i < self->current->people->len; i++)
    self->next_id = MAX (self->next_id,
                         ((CaptionerPerson *) g_ptr_array_index (self->current->people, i))->id + 1);
  /* Names another program added to a caption the editor composes are composed in. */
  if (composing (self, self->current) &&
      !captioner_metadata_equal (self->current, self->baseline))
    recompose (self);
  /* The states before were of another version, whose people were numbered otherwise. */
  captioner_history_reset (self->history, self->current);
  captioner_draft_notify_state (self, CAPTIONER_DRAFT_CHANGED_ALL);
}

void
captioner_draft_restore (CaptionerDraft          *self,
                         const CaptionerMetadata *base,
                         const CaptionerMetadata *mine)
{
  g_autoptr(CaptionerMerge) merge = NULL;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  g_return_if_fail (base != NULL && mine != NULL);

  merge = captioner_merge_new (base, mine, self->baseline);
  captioner_metadata_free (self->current);
  self->current = captioner_merge_result (merge, NULL);
  for (guint i = 0; i < self->current->people->len; i++)
    self->next_id = MAX (self->next_id,
                         ((CaptionerPerson *) g_ptr_array_index (self->current->people, i))->id + 1);
  captioner_history_push (self->history, self->current, NULL);
  captioner_draft_notify_state (self, CAPTIONER_DRAFT_CHANGED_ALL);
}
