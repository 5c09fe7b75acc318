#define G_LOG_DOMAIN "captioner-desk-item"

#include "config.h"

#include "captioner-desk-item-private.h"
#include "captioner-error.h"

struct _CaptionerDeskItem
{
  GObject              parent_instance;

  /* Owned references */
  GFile               *file;
  char                *name;
  CaptionerPhoto      *photo;
  CaptionerDraft      *draft;
  GdkPixbuf           *preview;
  char                *error;
  char                *conflict;
  CaptionerMerge      *merge;          /* the conflict's, or NULL */
  CaptionerPhoto      *theirs;         /* what is on disk now, with the merge */

  const char          *default_style;  /* interned */
  CaptionerPhotoState  state;
  int                  conflict_code;
  guint                loading : 1;
  guint                saving : 1;
  guint                save_again : 1;
  guint                release_when_clean : 1;
};

G_DEFINE_FINAL_TYPE (CaptionerDeskItem, captioner_desk_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_PHOTO,
  PROP_DRAFT,
  PROP_STATE,
  PROP_ERROR,
  PROP_LOADING,
  PROP_SAVING,
  PROP_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CaptionerPhotoState
derive_state (CaptionerDeskItem *self)
{
  if (self->error != NULL)
    return CAPTIONER_PHOTO_STATE_ERROR;
  if (self->conflict != NULL)
    return CAPTIONER_PHOTO_STATE_CONFLICT;
  if (self->saving)
    return CAPTIONER_PHOTO_STATE_SAVING;
  if (captioner_desk_item_is_dirty (self))
    return CAPTIONER_PHOTO_STATE_UNSAVED;
  if (self->photo == NULL)
    return CAPTIONER_PHOTO_STATE_LOADING;
  return captioner_metadata_is_captioned (captioner_photo_get_metadata (self->photo))
           ? CAPTIONER_PHOTO_STATE_CAPTIONED : CAPTIONER_PHOTO_STATE_NOT_CAPTIONED;
}

void
captioner_desk_item_update_state (CaptionerDeskItem *self)
{
  captioner_desk_item_set_state (self, derive_state (self));
}

static void
on_draft_dirty_cb (CaptionerDraft    *draft,
                   GParamSpec        *pspec,
                   CaptionerDeskItem *self)
{
  captioner_desk_item_update_state (self);
}

static void
on_draft_changed_cb (CaptionerDraft    *draft,
                     guint              what,
                     CaptionerDeskItem *self)
{
  g_signal_emit (self, signals[EDITED], 0);
}

static void
drop_draft (CaptionerDeskItem *self)
{
  if (self->draft == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->draft, on_draft_dirty_cb, self);
  g_signal_handlers_disconnect_by_func (self->draft, on_draft_changed_cb, self);
  g_clear_object (&self->draft);
}

static void
captioner_desk_item_finalize (GObject *object)
{
  CaptionerDeskItem *self = CAPTIONER_DESK_ITEM (object);

  drop_draft (self);
  g_clear_object (&self->file);
  g_clear_object (&self->photo);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->conflict, g_free);
  g_clear_pointer (&self->merge, captioner_merge_free);
  g_clear_object (&self->theirs);
  G_OBJECT_CLASS (captioner_desk_item_parent_class)->finalize (object);
}

static void
captioner_desk_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CaptionerDeskItem *self = CAPTIONER_DESK_ITEM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PHOTO:
      g_value_set_object (value, self->photo);
      break;
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_string (value, captioner_desk_item_get_error (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_PREVIEW:
      g_value_set_object (value, self->preview);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_desk_item_class_init (CaptionerDeskItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = captioner_desk_item_finalize;
  object_class->get_property = captioner_desk_item_get_property;

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, READABLE);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, READABLE);
  properties[PROP_PHOTO] = g_param_spec_object ("photo", NULL, NULL, CAPTIONER_TYPE_PHOTO,
                                                READABLE);
  properties[PROP_DRAFT] = g_param_spec_object ("draft", NULL, NULL, CAPTIONER_TYPE_DRAFT,
                                                READABLE);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, CAPTIONER_PHOTO_STATE_LOADING,
                                             CAPTIONER_PHOTO_STATE_SAVING,
                                             CAPTIONER_PHOTO_STATE_LOADING, READABLE);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, READABLE);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, READABLE);
  properties[PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE, READABLE);
  properties[PROP_PREVIEW] = g_param_spec_object ("preview", NULL, NULL, GDK_TYPE_PIXBUF,
                                                  READABLE);
#undef READABLE
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
captioner_desk_item_init (CaptionerDeskItem *self)
{
  self->state = CAPTIONER_PHOTO_STATE_LOADING;
}

CaptionerDeskItem *
captioner_desk_item_new (GFile *file)
{
  CaptionerDeskItem *self;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CAPTIONER_TYPE_DESK_ITEM, NULL);
  self->file = g_object_ref (file);
  basename = g_file_get_basename (file);
  self->name = g_filename_display_name (basename);
  return self;
}

GFile *
captioner_desk_item_get_file (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);
  return self->file;
}

const char *
captioner_desk_item_get_name (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);
  return self->name;
}

CaptionerPhoto *
captioner_desk_item_get_photo (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);
  return self->photo;
}

/* A photo read (again): the draft made from the old one goes with it. */
void
captioner_desk_item_set_photo (CaptionerDeskItem *self,
                               CaptionerPhoto    *photo)
{
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (self));
  g_return_if_fail (photo == NULL || CAPTIONER_IS_PHOTO (photo));

  if (self->photo == photo)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->photo, photo);
  if (self->draft != NULL)
    {
      drop_draft (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
  captioner_desk_item_update_state (self);
  g_object_thaw_notify (G_OBJECT (self));
}

CaptionerDraft *
captioner_desk_item_get_draft (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);

  self->release_when_clean = FALSE;
  if (self->draft == NULL && self->photo != NULL)
    {
      self->draft = captioner_draft_new (captioner_photo_get_metadata (self->photo),
                                         captioner_photo_get_orientation (self->photo),
                                         captioner_photo_has_foreign_caption (self->photo));
      captioner_draft_set_default_style (self->draft, self->default_style);
      g_signal_connect (self->draft, "notify::dirty", G_CALLBACK (on_draft_dirty_cb), self);
      g_signal_connect (self->draft, "changed", G_CALLBACK (on_draft_changed_cb), self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
    }
  return self->draft;
}

/* Whoever showed the draft is done with it: a draft without changes goes (the next one starts
 * from what is saved, with a history of its own); one with changes goes once they are saved. */
void
captioner_desk_item_release_draft (CaptionerDeskItem *self)
{
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (self));

  if (self->draft == NULL)
    return;
  self->release_when_clean = TRUE;
  captioner_desk_item_release_if_clean (self);
}

void
captioner_desk_item_release_if_clean (CaptionerDeskItem *self)
{
  if (self->draft == NULL || !self->release_when_clean || self->saving ||
      captioner_draft_get_dirty (self->draft))
    return;
  self->release_when_clean = FALSE;
  drop_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

CaptionerDraft *
captioner_desk_item_peek_draft (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);
  return self->draft;
}

gboolean
captioner_desk_item_is_dirty (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), FALSE);
  return self->draft != NULL && captioner_draft_get_dirty (self->draft);
}

CaptionerPhotoState
captioner_desk_item_get_state (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), CAPTIONER_PHOTO_STATE_LOADING);
  return self->state;
}

/* The desk keeps the state in step with the item; a test may force one to see its badge. */
void
captioner_desk_item_set_state (CaptionerDeskItem   *self,
                               CaptionerPhotoState  state)
{
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (self));

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
captioner_desk_item_get_error (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);
  return self->error != NULL ? self->error : self->conflict;
}

void
captioner_desk_item_set_error (CaptionerDeskItem *self,
                               const char        *message)
{
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  captioner_desk_item_update_state (self);
}

gboolean
captioner_desk_item_get_conflict (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), FALSE);
  return self->conflict != NULL;
}

void
captioner_desk_item_set_conflict (CaptionerDeskItem *self,
                                  const GError      *error)
{
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (self));

  g_clear_pointer (&self->conflict, g_free);
  g_clear_pointer (&self->merge, captioner_merge_free);
  g_clear_object (&self->theirs);
  self->conflict_code = 0;
  if (error != NULL)
    {
      self->conflict = g_strdup (error->message);
      self->conflict_code = error->code;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  captioner_desk_item_update_state (self);
}

int
captioner_desk_item_get_conflict_code (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), 0);
  return self->conflict_code;
}

gboolean
captioner_desk_item_get_loading (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), FALSE);
  return self->loading;
}

void
captioner_desk_item_set_loading (CaptionerDeskItem *self,
                                 gboolean           loading)
{
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (self));

  loading = !!loading;
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
captioner_desk_item_get_saving (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), FALSE);
  return self->saving;
}

void
captioner_desk_item_set_saving (CaptionerDeskItem *self,
                                gboolean           saving)
{
  saving = !!saving;
  if (self->saving == saving)
    return;
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
  captioner_desk_item_update_state (self);
}

gboolean
captioner_desk_item_take_save_again (CaptionerDeskItem *self)
{
  gboolean again = self->save_again;

  self->save_again = FALSE;
  return again;
}

void
captioner_desk_item_set_save_again (CaptionerDeskItem *self)
{
  self->save_again = TRUE;
}

GdkPixbuf *
captioner_desk_item_get_preview (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);
  return self->preview;
}

void
captioner_desk_item_set_preview (CaptionerDeskItem *self,
                                 GdkPixbuf         *preview)
{
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (self));

  if (g_set_object (&self->preview, preview))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW]);
}

void
captioner_desk_item_set_default_style (CaptionerDeskItem *self,
                                       const char        *style)
{
  g_return_if_fail (CAPTIONER_IS_DESK_ITEM (self));

  self->default_style = g_intern_string (style);
  if (self->draft != NULL)
    captioner_draft_set_default_style (self->draft, style);
}

const CaptionerMerge *
captioner_desk_item_get_merge (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);
  return self->merge;
}

CaptionerPhoto *
captioner_desk_item_get_theirs (CaptionerDeskItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (self), NULL);
  return self->theirs;
}

void
captioner_desk_item_set_merge (CaptionerDeskItem *self,
                               const GError      *error,
                               CaptionerMerge    *merge,
                               CaptionerPhoto    *theirs)
{
  captioner_desk_item_set_conflict (self, error);
  self->merge = merge;
  self->theirs = theirs ? g_object_ref (theirs) : NULL;
}

/* The photo read again after a merge: the draft, standing on it now, stays. */
void
captioner_desk_item_adopt_photo (CaptionerDeskItem *self,
                                 CaptionerPhoto    *photo)
{
  if (g_set_object (&self->photo, photo))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}
