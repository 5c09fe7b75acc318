#define G_LOG_DOMAIN "captioner-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-desk-private.h"
#include "captioner-person.h"

static void captioner_desk_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaptionerDesk, captioner_desk, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      captioner_desk_list_model_init))


static GParamSpec *properties[CAPTIONER_DESK_N_PROPS];
static guint signals[CAPTIONER_DESK_N_SIGNALS];

static gboolean
update_known_names_cb (gpointer user_data)
{
  CaptionerDesk *self = user_data;

  self->known_names_idle = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[CAPTIONER_DESK_PROP_KNOWN_NAMES]);
  return G_SOURCE_REMOVE;
}

void
captioner_desk_add_known_names (CaptionerDesk           *self,
                                const CaptionerMetadata *metadata)
{
  for (guint i = 0; i < metadata->people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (metadata->people, i);

      if (person->name == NULL || *person->name == '\0' ||
          g_hash_table_contains (self->known_names, person->name))
        continue;
      g_hash_table_add (self->known_names, g_strdup (person->name));
      if (self->known_names_idle == 0)
        self->known_names_idle = g_idle_add (update_known_names_cb, self);
    }
}

static void
on_people_list_changed_cb (CaptionerPeopleList *people,
                           CaptionerDesk       *self)
{
  g_auto(GStrv) names = captioner_people_list_dup_names (people);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_hash_table_add (self->known_names, g_strdup (names[i])) && self->known_names_idle == 0)
      self->known_names_idle = g_idle_add (update_known_names_cb, self);
}

GParamSpec *
captioner_desk_pspec (guint prop)
{
  return properties[prop];
}

guint
captioner_desk_signal_id (guint signal)
{
  return signals[signal];
}

void
captioner_desk_notify_busy (CaptionerDesk *self)
{
  gboolean busy = captioner_desk_get_busy (self);

  if (busy != self->was_busy)
    {
      self->was_busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[CAPTIONER_DESK_PROP_BUSY]);
    }
}

static GType
captioner_desk_get_item_type (GListModel *model)
{
  return CAPTIONER_TYPE_DESK_ITEM;
}

static guint
captioner_desk_get_n_items (GListModel *model)
{
  return CAPTIONER_DESK (model)->items->len;
}

static gpointer
captioner_desk_list_get_item (GListModel *model,
                              guint       position)
{
  CaptionerDesk *self = CAPTIONER_DESK (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
captioner_desk_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = captioner_desk_get_item_type;
  iface->get_n_items = captioner_desk_get_n_items;
  iface->get_item = captioner_desk_list_get_item;
}

static void
captioner_desk_dispose (GObject *object)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  /* Loads still on their way find a desk that moved on. */
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->known_names_idle, g_source_remove);
  captioner_desk_journal_dispose (self);
  captioner_desk_watch_dispose (self);
  if (self->people != NULL)
    g_signal_handlers_disconnect_by_func (self->people, on_people_list_changed_cb, self);
  g_clear_object (&self->people);
  g_clear_object (&self->header_worker);
  G_OBJECT_CLASS (captioner_desk_parent_class)->dispose (object);
}

static void
captioner_desk_finalize (GObject *object)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->known_names, g_hash_table_unref);
  g_clear_pointer (&self->default_style, g_free);
  G_OBJECT_CLASS (captioner_desk_parent_class)->finalize (object);
}

static void
captioner_desk_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  switch (prop_id)
    {
    case CAPTIONER_DESK_PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    case CAPTIONER_DESK_PROP_N_LOADED:
      g_value_set_uint (value, self->n_loaded);
      break;
    case CAPTIONER_DESK_PROP_N_LOAD_ERRORS:
      g_value_set_uint (value, self->n_load_errors);
      break;
    case CAPTIONER_DESK_PROP_BUSY:
      g_value_set_boolean (value, captioner_desk_get_busy (self));
      break;
    case CAPTIONER_DESK_PROP_AUTOSAVE:
      g_value_set_boolean (value, self->autosave);
      break;
    case CAPTIONER_DESK_PROP_DEFAULT_STYLE:
      g_value_set_string (value, self->default_style);
      break;
    case CAPTIONER_DESK_PROP_WANT_PREVIEWS:
      g_value_set_boolean (value, self->want_previews);
      break;
    case CAPTIONER_DESK_PROP_KNOWN_NAMES:
      g_value_take_boxed (value, captioner_desk_dup_known_names (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_desk_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CaptionerDesk *self = CAPTIONER_DESK (object);

  switch (prop_id)
    {
    case CAPTIONER_DESK_PROP_AUTOSAVE:
      captioner_desk_set_autosave (self, g_value_get_boolean (value));
      break;
    case CAPTIONER_DESK_PROP_DEFAULT_STYLE:
      captioner_desk_set_default_style (self, g_value_get_string (value));
      break;
    case CAPTIONER_DESK_PROP_WANT_PREVIEWS:
      captioner_desk_set_want_previews (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_desk_class_init (CaptionerDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_desk_dispose;
  object_class->finalize = captioner_desk_finalize;
  object_class->get_property = captioner_desk_get_property;
  object_class->set_property = captioner_desk_set_property;

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define WRITABLE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
  properties[CAPTIONER_DESK_PROP_FOLDER] = g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE, READABLE);
  properties[CAPTIONER_DESK_PROP_N_LOADED] = g_param_spec_uint ("n-loaded", NULL, NULL, 0, G_MAXUINT, 0,
                                                 READABLE);
  properties[CAPTIONER_DESK_PROP_N_LOAD_ERRORS] = g_param_spec_uint ("n-load-errors", NULL, NULL, 0,
                                                      G_MAXUINT, 0, READABLE);
  properties[CAPTIONER_DESK_PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, READABLE);
  properties[CAPTIONER_DESK_PROP_AUTOSAVE] = g_param_spec_boolean ("autosave", NULL, NULL, TRUE, WRITABLE);
  properties[CAPTIONER_DESK_PROP_DEFAULT_STYLE] = g_param_spec_string ("default-style", NULL, NULL, NULL,
                                                        WRITABLE);
  properties[CAPTIONER_DESK_PROP_WANT_PREVIEWS] = g_param_spec_boolean ("want-previews", NULL, NULL, FALSE,
                                                         WRITABLE);
  properties[CAPTIONER_DESK_PROP_KNOWN_NAMES] = g_param_spec_boxed ("known-names", NULL, NULL, G_TYPE_STRV,
                                                     READABLE);
#undef READABLE
#undef WRITABLE
  g_object_class_install_properties (object_class, CAPTIONER_DESK_N_PROPS, properties);

  signals[CAPTIONER_DESK_LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, CAPTIONER_TYPE_DESK_ITEM,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[CAPTIONER_DESK_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CAPTIONER_TYPE_DESK_ITEM);
  signals[CAPTIONER_DESK_MERGED] =
    g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CAPTIONER_TYPE_DESK_ITEM);
  signals[CAPTIONER_DESK_CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, CAPTIONER_TYPE_DESK_ITEM);
  signals[CAPTIONER_DESK_SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, CAPTIONER_TYPE_DESK_ITEM,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
captioner_desk_init (CaptionerDesk *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->known_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->header_worker = captioner_desk_new_header_worker ();
  self->cancellable = g_cancellable_new ();
  self->autosave = TRUE;
}

/* people: the list whose names are offered and which remembers the names saved; NULL for
 * none (the CLI). */
CaptionerDesk *
captioner_desk_new (CaptionerPeopleList *people)
{
  CaptionerDesk *self = g_object_new (CAPTIONER_TYPE_DESK, NULL);

  if (people != NULL)
    {
      self->people = g_object_ref (people);
      g_signal_connect (people, "changed", G_CALLBACK (on_people_list_changed_cb), self);
      on_people_list_changed_cb (people, self);
    }
  return self;
}

GFile *
captioner_desk_get_folder (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);
  return self->folder;
}

CaptionerDeskItem *
captioner_desk_get_item (CaptionerDesk *self,
                         guint          position)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);
  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

guint
captioner_desk_find (CaptionerDesk *self,
                     GFile         *file)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (g_file_equal (captioner_desk_item_get_file (g_ptr_array_index (self->items, i)), file))
      return i;
  return G_MAXUINT;
}

guint
captioner_desk_get_n_loaded (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), 0);
  return self->n_loaded;
}

guint
captioner_desk_get_n_load_errors (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), 0);
  return self->n_load_errors;
}

gboolean
captioner_desk_get_busy (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), FALSE);
  return self->loads_in_flight > 0 || self->saves_in_flight > 0 ||
         self->n_loaded < self->items->len;
}

gboolean
captioner_desk_get_autosave (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), TRUE);
  return self->autosave;
}

/* Whether leaving a photo saves it (the window asks otherwise). */
void
captioner_desk_set_autosave (CaptionerDesk *self,
                             gboolean       autosave)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));

  autosave = !!autosave;
  if (self->autosave == autosave)
    return;
  self->autosave = autosave;
  g_object_notify_by_pspec (G_OBJECT (self), properties[CAPTIONER_DESK_PROP_AUTOSAVE]);
}

const char *
captioner_desk_get_default_style (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);
  return self->default_style;
}

void
captioner_desk_set_default_style (CaptionerDesk *self,
                                  const char    *style)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));

  if (g_strcmp0 (self->default_style, style) == 0)
    return;
  g_free (self->default_style);
  self->default_style = g_strdup (style);
  for (guint i = 0; i < self->items->len; i++)
    captioner_desk_item_set_default_style (g_ptr_array_index (self->items, i), style);
  g_object_notify_by_pspec (G_OBJECT (self), properties[CAPTIONER_DESK_PROP_DEFAULT_STYLE]);
}

gboolean
captioner_desk_get_want_previews (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), FALSE);
  return self->want_previews;
}

/* Whether headers come with their EXIF thumbnail decoded (for a grid to show at once). */
void
captioner_desk_set_want_previews (CaptionerDesk *self,
                                  gboolean       want_previews)
{
  g_return_if_fail (CAPTIONER_IS_DESK (self));

  want_previews = !!want_previews;
  if (self->want_previews == want_previews)
    return;
  self->want_previews = want_previews;
  g_object_notify_by_pspec (G_OBJECT (self), properties[CAPTIONER_DESK_PROP_WANT_PREVIEWS]);
}

char **
captioner_desk_dup_known_names (CaptionerDesk *self)
{
  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);
  return captioner_names_dup_sorted (self->known_names);
}

void
captioner_desk_wait (CaptionerDesk *self)
{
  GMainContext *context = g_main_context_ref_thread_default ();

  g_return_if_fail (CAPTIONER_IS_DESK (self));

  while (captioner_desk_get_busy (self))
    g_main_context_iteration (context, TRUE);
  g_main_context_unref (context);
}

typedef struct
{
  const char *value;
  guint       count;
} Tally;

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *left = a;
  const Tally *right = b;

  if (left->count != right->count)
    return left->count > right->count ? -1 : 1;
  return g_utf8_collate (left->value, right->value);
}

char **
captioner_desk_dup_values (CaptionerDesk  *self,
                           CaptionerField  field)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) tallies = g_array_new (FALSE, FALSE, sizeof (Tally));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model = G_LIST_MODEL (self);
  GHashTableIter iter;
  gpointer value, count;

  g_return_val_if_fail (CAPTIONER_IS_DESK (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      CaptionerDeskItem *item = captioner_desk_get_item (self, i);
      CaptionerDraft *draft = captioner_desk_item_get_draft (item);
      CaptionerPhoto *photo = captioner_desk_item_get_photo (item);
      const char *text = NULL;

      /* What the editor sees: the draft, else what was read. */
      if (draft != NULL)
        text = captioner_draft_get_field (draft, field);
      else if (photo != NULL)
        text = captioner_metadata_get (captioner_photo_get_metadata (photo), field);
      if (text == NULL || *text == '\0')
        continue;
      count = g_hash_table_lookup (counts, text);
      g_hash_table_insert (counts, (gpointer) text, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &value, &count))
    {
      Tally tally = { value, GPOINTER_TO_UINT (count) };

      g_array_append_val (tallies, tally);
    }
  g_array_sort (tallies, compare_tallies);
  for (guint i = 0; i < tallies->len; i++)
    g_strv_builder_add (builder, g_array_index (tallies, Tally, i).value);
  return g_strv_builder_end (builder);
}
