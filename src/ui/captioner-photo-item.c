#define G_LOG_DOMAIN "captioner-photo-item"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-photo-item.h"

struct _CaptionerPhotoItem
{
  GObject              parent_instance;
  GFile               *file;
  char                *name;
  CaptionerPhoto      *photo;
  GdkTexture          *thumbnail;
  CaptionerMetadata   *draft;
  char                *error;
  CaptionerPhotoState  state;
  guint                decoded_thumbnail : 1;
  guint                loading : 1;
  guint                thumbnail_queued : 1;
  guint                thumbnail_tried : 1;
};

G_DEFINE_FINAL_TYPE (CaptionerPhotoItem, captioner_photo_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_THUMBNAIL,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
captioner_photo_item_state_icon_name (CaptionerPhotoState state)
{
  switch (state)
    {
    case CAPTIONER_PHOTO_STATE_CAPTIONED:
      return "emblem-ok-symbolic";
    case CAPTIONER_PHOTO_STATE_UNSAVED:
      return "document-modified-symbolic";
    case CAPTIONER_PHOTO_STATE_CONFLICT:
      return "emblem-shared-symbolic";
    case CAPTIONER_PHOTO_STATE_ERROR:
      return "dialog-warning-symbolic";
    case CAPTIONER_PHOTO_STATE_LOADING:
    case CAPTIONER_PHOTO_STATE_NOT_CAPTIONED:
    default:
      return NULL;
    }
}

const char *
captioner_photo_item_state_class (CaptionerPhotoState state)
{
  static const char * const names[] = {
    "none", "none", "captioned", "unsaved", "conflict", "error",
  };

  g_return_val_if_fail (state <= CAPTIONER_PHOTO_STATE_ERROR, "none");
  return names[state];
}

char *
captioner_photo_item_dup_description (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);

  switch (self->state)
    {
    case CAPTIONER_PHOTO_STATE_CAPTIONED:
      return g_strdup_printf (_("%s — captioned"), self->name);
    case CAPTIONER_PHOTO_STATE_NOT_CAPTIONED:
      return g_strdup_printf (_("%s — not captioned"), self->name);
    case CAPTIONER_PHOTO_STATE_UNSAVED:
      return g_strdup_printf (_("%s — unsaved changes"), self->name);
    case CAPTIONER_PHOTO_STATE_CONFLICT:
      return g_strdup_printf (_("%s — changed on disk by someone else"), self->name);
    case CAPTIONER_PHOTO_STATE_ERROR:
      return g_strdup_printf ("%s — %s", self->name, self->error ? self->error : _("error"));
    case CAPTIONER_PHOTO_STATE_LOADING:
    default:
      return g_strdup (self->name);
    }
}

static void
captioner_photo_item_finalize (GObject *object)
{
  CaptionerPhotoItem *self = CAPTIONER_PHOTO_ITEM (object);

  g_clear_object (&self->file);
  g_clear_object (&self->photo);
  g_clear_object (&self->thumbnail);
  g_clear_pointer (&self->draft, captioner_metadata_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (captioner_photo_item_parent_class)->finalize (object);
}

static void
captioner_photo_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CaptionerPhotoItem *self = CAPTIONER_PHOTO_ITEM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_THUMBNAIL:
      g_value_set_object (value, self->thumbnail);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_photo_item_class_init (CaptionerPhotoItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = captioner_photo_item_finalize;
  object_class->get_property = captioner_photo_item_get_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_THUMBNAIL] = g_param_spec_object ("thumbnail", NULL, NULL, GDK_TYPE_TEXTURE,
                                                    flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, CAPTIONER_PHOTO_STATE_ERROR,
                                             0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_photo_item_init (CaptionerPhotoItem *self)
{
  self->state = CAPTIONER_PHOTO_STATE_LOADING;
}

CaptionerPhotoItem *
captioner_photo_item_new (GFile *file)
{
  CaptionerPhotoItem *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CAPTIONER_TYPE_PHOTO_ITEM, NULL);
  self->file = g_object_ref (file);
  self->name = g_file_get_basename (file);
  return self;
}

GFile *
captioner_photo_item_get_file (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return self->file;
}

const char *
captioner_photo_item_get_name (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return self->name;
}

CaptionerPhoto *
captioner_photo_item_get_photo (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return self->photo;
}

void
captioner_photo_item_set_photo (CaptionerPhotoItem *self,
                                CaptionerPhoto     *photo)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));

  g_set_object (&self->photo, photo);
  if (self->draft == NULL)
    captioner_photo_item_reset_state (self);
}

GdkTexture *
captioner_photo_item_get_thumbnail (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return self->thumbnail;
}

/* decoded: the thumbnail was decoded from the photo (better than the embedded one, which it
 * replaces and is never replaced by). */
void
captioner_photo_item_set_thumbnail (CaptionerPhotoItem *self,
                                    GdkTexture         *thumbnail,
                                    gboolean            decoded)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));

  if (self->decoded_thumbnail && !decoded)
    return;
  self->decoded_thumbnail = decoded;
  if (g_set_object (&self->thumbnail, thumbnail))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THUMBNAIL]);
}

gboolean
captioner_photo_item_has_decoded_thumbnail (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), FALSE);
  return self->decoded_thumbnail;
}

CaptionerPhotoState
captioner_photo_item_get_state (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), CAPTIONER_PHOTO_STATE_LOADING);
  return self->state;
}

void
captioner_photo_item_set_state (CaptionerPhotoItem  *self,
                                CaptionerPhotoState  state)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
captioner_photo_item_reset_state (CaptionerPhotoItem *self)
{
  CaptionerPhotoState state = CAPTIONER_PHOTO_STATE_LOADING;

  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));

  if (self->photo != NULL)
    state = captioner_metadata_is_captioned (captioner_photo_get_metadata (self->photo))
            ? CAPTIONER_PHOTO_STATE_CAPTIONED : CAPTIONER_PHOTO_STATE_NOT_CAPTIONED;
  else if (self->error != NULL)
    state = CAPTIONER_PHOTO_STATE_ERROR;
  captioner_photo_item_set_state (self, state);
}

const char *
captioner_photo_item_get_error (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return self->error;
}

void
captioner_photo_item_set_error (CaptionerPhotoItem *self,
                                const char         *message)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));

  g_free (self->error);
  self->error = g_strdup (message);
}

const CaptionerMetadata *
captioner_photo_item_get_draft (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return self->draft;
}

void
captioner_photo_item_set_draft (CaptionerPhotoItem      *self,
                                const CaptionerMetadata *draft)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));

  if (draft == self->draft)
    return;
  g_clear_pointer (&self->draft, captioner_metadata_free);
  if (draft != NULL)
    self->draft = captioner_metadata_copy (draft);
}

gboolean
captioner_photo_item_get_loading (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), FALSE);
  return self->loading;
}

void
captioner_photo_item_set_loading (CaptionerPhotoItem *self,
                                  gboolean            loading)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));
  self->loading = !!loading;
}

/* The window's bookkeeping of thumbnail work: queued (waiting or being made), and tried (made,
 * or failed: not to be queued again). */
gboolean
captioner_photo_item_get_thumbnail_queued (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), FALSE);
  return self->thumbnail_queued;
}

void
captioner_photo_item_set_thumbnail_queued (CaptionerPhotoItem *self,
                                           gboolean            queued)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));
  self->thumbnail_queued = !!queued;
}

gboolean
captioner_photo_item_get_thumbnail_tried (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), FALSE);
  return self->thumbnail_tried;
}

void
captioner_photo_item_set_thumbnail_tried (CaptionerPhotoItem *self)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));
  self->thumbnail_tried = TRUE;
}
