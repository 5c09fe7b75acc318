#define G_LOG_DOMAIN "captioner-photo-item"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-photo-item.h"

struct _CaptionerPhotoItem
{
  GObject              parent_instance;
  CaptionerDeskItem   *desk_item;    /* owned */
  GdkTexture          *thumbnail;    /* owned */
  guint                decoded_thumbnail : 1;
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
    case CAPTIONER_PHOTO_STATE_SAVING:
      return "document-save-symbolic";
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
    "none", "none", "captioned", "unsaved", "conflict", "error", "saving",
  };

  g_return_val_if_fail (state <= CAPTIONER_PHOTO_STATE_SAVING, "none");
  return names[state];
}

char *
captioner_photo_item_dup_description (CaptionerPhotoItem *self)
{
  const char *name;
  const char *error;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);

  name = captioner_desk_item_get_name (self->desk_item);
  error = captioner_desk_item_get_error (self->desk_item);
  switch (captioner_desk_item_get_state (self->desk_item))
    {
    case CAPTIONER_PHOTO_STATE_CAPTIONED:
      return g_strdup_printf (_("%s — captioned"), name);
    case CAPTIONER_PHOTO_STATE_NOT_CAPTIONED:
      return g_strdup_printf (_("%s — not captioned"), name);
    case CAPTIONER_PHOTO_STATE_UNSAVED:
      return g_strdup_printf (_("%s — unsaved changes"), name);
    case CAPTIONER_PHOTO_STATE_CONFLICT:
      return g_strdup_printf (_("%s — changed on disk by someone else"), name);
    case CAPTIONER_PHOTO_STATE_ERROR:
      return g_strdup_printf ("%s — %s", name, error ? error : _("error"));
    case CAPTIONER_PHOTO_STATE_SAVING:
      return g_strdup_printf (_("%s — saving"), name);
    case CAPTIONER_PHOTO_STATE_LOADING:
    default:
      return g_strdup (name);
    }
}

static void
captioner_photo_item_finalize (GObject *object)
{
  CaptionerPhotoItem *self = CAPTIONER_PHOTO_ITEM (object);

  g_signal_handlers_disconnect_by_data (self->desk_item, self);
  g_clear_object (&self->desk_item);
  g_clear_object (&self->thumbnail);
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
      g_value_set_object (value, captioner_desk_item_get_file (self->desk_item));
      break;
    case PROP_NAME:
      g_value_set_string (value, captioner_desk_item_get_name (self->desk_item));
      break;
    case PROP_THUMBNAIL:
      g_value_set_object (value, self->thumbnail);
      break;
    case PROP_STATE:
      g_value_set_int (value, captioner_desk_item_get_state (self->desk_item));
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
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, CAPTIONER_PHOTO_STATE_SAVING,
                                             0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_photo_item_init (CaptionerPhotoItem *self)
{
}

static void
on_desk_item_state_cb (CaptionerDeskItem  *desk_item,
                       GParamSpec         *pspec,
                       CaptionerPhotoItem *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* The EXIF thumbnail read beside the header shows until the decoded one comes. */
static void
on_desk_item_preview_cb (CaptionerDeskItem  *desk_item,
                         GParamSpec         *pspec,
                         CaptionerPhotoItem *self)
{
  GdkPixbuf *preview = captioner_desk_item_get_preview (desk_item);
  g_autoptr(GdkTexture) texture = NULL;

  if (preview == NULL)
    return;
  if (!self->decoded_thumbnail)
    {
      texture = gdk_texture_new_for_pixbuf (preview);
      captioner_photo_item_set_thumbnail (self, texture, FALSE);
    }
  captioner_desk_item_set_preview (desk_item, NULL);
}

CaptionerPhotoItem *
captioner_photo_item_new_for_desk_item (CaptionerDeskItem *desk_item)
{
  CaptionerPhotoItem *self;

  g_return_val_if_fail (CAPTIONER_IS_DESK_ITEM (desk_item), NULL);

  self = g_object_new (CAPTIONER_TYPE_PHOTO_ITEM, NULL);
  self->desk_item = g_object_ref (desk_item);
  g_signal_connect (desk_item, "notify::state", G_CALLBACK (on_desk_item_state_cb), self);
  g_signal_connect (desk_item, "notify::preview", G_CALLBACK (on_desk_item_preview_cb), self);
  return self;
}

/* An item of a desk of its own (tests of the grid's cells). */
CaptionerPhotoItem *
captioner_photo_item_new (GFile *file)
{
  g_autoptr(CaptionerDeskItem) desk_item = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  desk_item = captioner_desk_item_new (file);
  return captioner_photo_item_new_for_desk_item (desk_item);
}

CaptionerDeskItem *
captioner_photo_item_get_desk_item (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return self->desk_item;
}

GFile *
captioner_photo_item_get_file (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return captioner_desk_item_get_file (self->desk_item);
}

const char *
captioner_photo_item_get_name (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return captioner_desk_item_get_name (self->desk_item);
}

CaptionerPhoto *
captioner_photo_item_get_photo (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return captioner_desk_item_get_photo (self->desk_item);
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
  return captioner_desk_item_get_state (self->desk_item);
}

void
captioner_photo_item_set_state (CaptionerPhotoItem  *self,
                                CaptionerPhotoState  state)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));
  captioner_desk_item_set_state (self->desk_item, state);
}

const char *
captioner_photo_item_get_error (CaptionerPhotoItem *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);
  return captioner_desk_item_get_error (self->desk_item);
}

void
captioner_photo_item_set_error (CaptionerPhotoItem *self,
                                const char         *message)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_ITEM (self));
  captioner_desk_item_set_error (self->desk_item, message);
}

const CaptionerMetadata *
captioner_photo_item_get_draft (CaptionerPhotoItem *self)
{
  CaptionerDraft *draft;

  g_return_val_if_fail (CAPTIONER_IS_PHOTO_ITEM (self), NULL);

  draft = captioner_desk_item_peek_draft (self->desk_item);
  return draft != NULL && captioner_draft_get_dirty (draft) ? captioner_draft_get_metadata (draft)
                                                              : NULL;
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
