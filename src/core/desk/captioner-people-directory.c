#define G_LOG_DOMAIN "captioner-people-directory"

#include "config.h"

#include <string.h>

#include "captioner-people-directory-private.h"
#include "captioner-text-fold.h"
#include "captioner-user-data.h"

static void captioner_people_directory_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaptionerPeopleDirectory, captioner_people_directory,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      captioner_people_directory_list_model_init))

G_DEFINE_QUARK (captioner-people-directory-error-quark, captioner_people_directory_error)

enum {
  PROP_0,
  PROP_WATCH_FILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CaptionerPeopleSource *
captioner_people_source_new (GFile    *file,
                             gboolean  read_only)
{
  CaptionerPeopleSource *source = g_new0 (CaptionerPeopleSource, 1);

  source->file = file ? g_object_ref (file) : NULL;
  source->read_only = read_only;
  source->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  return source;
}

void
captioner_people_source_free (CaptionerPeopleSource *source)
{
  if (source == NULL)
    return;
  if (source->monitor != NULL)
    {
      g_signal_handlers_disconnect_matched (source->monitor, G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                            NULL, source);
      g_file_monitor_cancel (source->monitor);
      g_clear_object (&source->monitor);
    }
  g_clear_object (&source->file);
  g_clear_pointer (&source->etag, g_free);
  g_clear_pointer (&source->contacts, g_ptr_array_unref);
  g_free (source);
}

void
captioner_people_warm_contact (CaptionerContact *contact)
{
  captioner_contact_get_key (contact);
  captioner_contact_get_search_key (contact);
  captioner_contact_get_collate_key (contact);
  captioner_contact_get_name_keys (contact);
}

CaptionerPeopleOp *
captioner_people_op_new (CaptionerContact *contact,
                         gboolean          if_absent)
{
  CaptionerPeopleOp *op = g_new0 (CaptionerPeopleOp, 1);

  op->contact = captioner_contact_copy (contact);
  captioner_contact_set_read_only (op->contact, FALSE);
  captioner_contact_set_last_used (op->contact, 0);
  captioner_people_warm_contact (op->contact);
  op->if_absent = if_absent;
  return op;
}

void
captioner_people_op_free (CaptionerPeopleOp *op)
{
  if (op == NULL)
    return;
  g_clear_object (&op->contact);
  g_free (op);
}

void
captioner_people_ops_apply (GPtrArray *ops,
                            guint      first,
                            GPtrArray *contacts)
{
  /* folded name (the contact's own string) → position + 1 */
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < contacts->len; i++)
    g_hash_table_insert (index, (gpointer) captioner_contact_get_key (contacts->pdata[i]),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = first; i < ops->len; i++)
    {
      CaptionerPeopleOp *op = g_ptr_array_index (ops, i);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index,
                                                        captioner_contact_get_key (op->contact)));
      CaptionerContact *copy;

      if (at > 0 && op->if_absent)
        continue;
      copy = captioner_contact_copy (op->contact);
      captioner_people_warm_contact (copy);
      if (at == 0)
        {
          g_ptr_array_add (contacts, copy);
          at = contacts->len;
        }
      else
        {
          CaptionerContact *old = g_ptr_array_index (contacts, at - 1);

          g_ptr_array_index (contacts, at - 1) = copy;
          g_hash_table_remove (index, captioner_contact_get_key (old));
          g_object_unref (old);
        }
      g_hash_table_insert (index, (gpointer) captioner_contact_get_key (copy),
                           GUINT_TO_POINTER (at));
    }
}

void
captioner_people_directory_apply_ops (CaptionerPeopleDirectory *self)
{
  captioner_people_ops_apply (self->in_flight, 0, self->user->contacts);
  captioner_people_ops_apply (self->pending, 0, self->user->contacts);
}

int
captioner_people_compare_by_name (gconstpointer a,
                                  gconstpointer b)
{
  CaptionerContact *ca = *(CaptionerContact * const *) a;
  CaptionerContact *cb = *(CaptionerContact * const *) b;
  int order = strcmp (captioner_contact_get_collate_key (ca),
                      captioner_contact_get_collate_key (cb));

  return order != 0 ? order : strcmp (captioner_contact_get_key (ca),
                                      captioner_contact_get_key (cb));
}

/* Sources from the one that loses a clash to the one that wins it. */
static GPtrArray *
sources_by_priority (CaptionerPeopleDirectory *self)
{
  GPtrArray *sources = g_ptr_array_new ();

  g_ptr_array_add (sources, self->session);
  for (guint i = 0; i < self->desks->len; i++)
    g_ptr_array_add (sources, g_ptr_array_index (self->desks, i));
  g_ptr_array_add (sources, self->user);
  return sources;
}

void
captioner_people_directory_rebuild (CaptionerPeopleDirectory *self)
{
  g_autoptr(GPtrArray) sources = sources_by_priority (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  /* Keys are copies: a contact changed behind the directory's back does not leave them
   * dangling. */
  GHashTable *by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;
  guint old_n = self->items->len;

  for (guint s = 0; s < sources->len; s++)
    {
      CaptionerPeopleSource *source = g_ptr_array_index (sources, s);

      for (guint i = 0; i < source->contacts->len; i++)
        {
          CaptionerContact *contact = g_ptr_array_index (source->contacts, i);

          g_hash_table_replace (by_key, g_strdup (captioner_contact_get_key (contact)), contact);
        }
    }
  /* Codes of the winners, a code in two files going to the one that wins. */
  for (guint s = 0; s < sources->len; s++)
    {
      CaptionerPeopleSource *source = g_ptr_array_index (sources, s);

      for (guint i = 0; i < source->contacts->len; i++)
        {
          CaptionerContact *contact = g_ptr_array_index (source->contacts, i);
          const char *code = captioner_contact_get_code (contact);

          if (code != NULL &&
              g_hash_table_lookup (by_key, captioner_contact_get_key (contact)) == contact)
            g_hash_table_replace (by_code, g_strdup (code), contact);
        }
    }

  g_hash_table_iter_init (&iter, by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CaptionerContact *contact = value;
      gint64 *used = g_hash_table_lookup (self->recent, captioner_contact_get_name (contact));

      captioner_contact_set_last_used (contact, used ? *used : 0);
      g_ptr_array_add (items, g_object_ref (contact));
    }
  g_ptr_array_sort (items, captioner_people_compare_by_name);

  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  self->by_key = by_key;
  self->by_code = by_code;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->items->len);
}

static GType
captioner_people_directory_get_item_type (GListModel *model)
{
  return CAPTIONER_TYPE_CONTACT;
}

static guint
captioner_people_directory_get_n_items (GListModel *model)
{
  return CAPTIONER_PEOPLE_DIRECTORY (model)->items->len;
}

static gpointer
captioner_people_directory_get_item (GListModel *model,
                                     guint       position)
{
  CaptionerPeopleDirectory *self = CAPTIONER_PEOPLE_DIRECTORY (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
captioner_people_directory_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = captioner_people_directory_get_item_type;
  iface->get_n_items = captioner_people_directory_get_n_items;
  iface->get_item = captioner_people_directory_get_item;
}

static void
captioner_people_directory_finalize (GObject *object)
{
  CaptionerPeopleDirectory *self = CAPTIONER_PEOPLE_DIRECTORY (object);

  g_clear_object (&self->file);
  g_clear_object (&self->recent_file);
  g_clear_pointer (&self->user, captioner_people_source_free);
  g_clear_pointer (&self->desks, g_ptr_array_unref);
  g_clear_pointer (&self->session, captioner_people_source_free);
  g_clear_pointer (&self->session_keys, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->recent, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->in_flight, g_ptr_array_unref);
  g_clear_pointer (&self->save_waiters, g_ptr_array_unref);
  G_OBJECT_CLASS (captioner_people_directory_parent_class)->finalize (object);
}

static void
captioner_people_directory_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  CaptionerPeopleDirectory *self = CAPTIONER_PEOPLE_DIRECTORY (object);

  switch (prop_id)
    {
    case PROP_WATCH_FILES:
      g_value_set_boolean (value, self->watch_files);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_people_directory_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  CaptionerPeopleDirectory *self = CAPTIONER_PEOPLE_DIRECTORY (object);

  switch (prop_id)
    {
    case PROP_WATCH_FILES:
      captioner_people_directory_set_watch_files (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_people_directory_class_init (CaptionerPeopleDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = captioner_people_directory_finalize;
  object_class->get_property = captioner_people_directory_get_property;
  object_class->set_property = captioner_people_directory_set_property;

  properties[PROP_WATCH_FILES] =
    g_param_spec_boolean ("watch-files", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_people_directory_init (CaptionerPeopleDirectory *self)
{
  self->desks = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_people_source_free);
  self->session = captioner_people_source_new (NULL, FALSE);
  self->session_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->recent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_people_op_free);
  self->in_flight = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_people_op_free);
  self->save_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

CaptionerPeopleDirectory *
captioner_people_directory_new (GFile *file,
                                GFile *recent_file)
{
  CaptionerPeopleDirectory *self;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (recent_file == NULL || G_IS_FILE (recent_file), NULL);

  self = g_object_new (CAPTIONER_TYPE_PEOPLE_DIRECTORY, NULL);
  self->file = file ? g_object_ref (file) : captioner_user_data_file ("people.txt");
  self->recent_file = recent_file ? g_object_ref (recent_file)
                                  : captioner_user_state_file ("people-recent.txt");
  self->user = captioner_people_source_new (self->file, FALSE);
  return self;
}

GFile *
captioner_people_directory_get_file (CaptionerPeopleDirectory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), NULL);
  return self->file;
}

GFile *
captioner_people_directory_get_recent_file (CaptionerPeopleDirectory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), NULL);
  return self->recent_file;
}

void
captioner_people_directory_set_desk_files (CaptionerPeopleDirectory *self,
                                           GFile * const            *files,
                                           guint                     n_files)
{
  g_autoptr(GPtrArray) desks = NULL;

  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));
  g_return_if_fail (files != NULL || n_files == 0);

  /* A desk file given again keeps what was read from it. */
  desks = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_people_source_free);
  for (guint i = 0; i < n_files; i++)
    {
      CaptionerPeopleSource *source = NULL;

      for (guint j = 0; j < self->desks->len && source == NULL; j++)
        {
          CaptionerPeopleSource *old = g_ptr_array_index (self->desks, j);

          if (old != NULL && g_file_equal (old->file, files[i]))
            source = g_ptr_array_steal_index (self->desks, j);
        }
      if (source == NULL)
        {
          source = captioner_people_source_new (files[i], TRUE);
          if (self->watch_files)
            captioner_people_directory_watch (self, source);
        }
      g_ptr_array_add (desks, source);
    }
  g_ptr_array_unref (self->desks);
  self->desks = g_steal_pointer (&desks);
  captioner_people_directory_rebuild (self);
}

gboolean
captioner_people_directory_get_watch_files (CaptionerPeopleDirectory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), FALSE);
  return self->watch_files;
}

void
captioner_people_directory_set_watch_files (CaptionerPeopleDirectory *self,
                                            gboolean                  watch_files)
{
  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));

  watch_files = !!watch_files;
  if (self->watch_files == watch_files)
    return;
  self->watch_files = watch_files;
  captioner_people_directory_watch (self, self->user);
  for (guint i = 0; i < self->desks->len; i++)
    captioner_people_directory_watch (self, g_ptr_array_index (self->desks, i));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCH_FILES]);
}

CaptionerContact *
captioner_people_directory_add (CaptionerPeopleDirectory *self,
                                CaptionerContact         *contact)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), NULL);
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (captioner_contact_get_name (contact) != NULL, NULL);

  captioner_people_directory_add_many (self, &contact, 1);
  return g_hash_table_lookup (self->by_key, captioner_contact_get_key (contact));
}

void
captioner_people_directory_add_many (CaptionerPeopleDirectory *self,
                                     CaptionerContact * const *contacts,
                                     guint                     n_contacts)
{
  guint first;

  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));
  g_return_if_fail (contacts != NULL || n_contacts == 0);

  first = self->pending->len;
  for (guint i = 0; i < n_contacts; i++)
    if (captioner_contact_get_name (contacts[i]) != NULL)
      g_ptr_array_add (self->pending, captioner_people_op_new (contacts[i], FALSE));
  captioner_people_ops_apply (self->pending, first, self->user->contacts);
  captioner_people_directory_rebuild (self);
}

gboolean
captioner_people_directory_remember (CaptionerPeopleDirectory *self,
                                     const char * const       *names)
{
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  guint first;

  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), FALSE);

  first = self->pending->len;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(CaptionerContact) contact = captioner_contact_new (names[i]);
      CaptionerContact *known;
      CaptionerPeopleOp *op;

      if (captioner_contact_get_name (contact) == NULL ||
          g_hash_table_contains (added, captioner_contact_get_key (contact)))
        continue;
      /* The session's names are what the directory does not know yet. */
      known = captioner_people_directory_find (self, names[i]);
      if (known != NULL &&
          !g_hash_table_contains (self->session_keys, captioner_contact_get_key (known)))
        continue;
      op = captioner_people_op_new (contact, TRUE);
      g_ptr_array_add (self->pending, op);
      g_hash_table_add (added, (gpointer) captioner_contact_get_key (op->contact));
    }
  if (g_hash_table_size (added) == 0)
    return FALSE;
  captioner_people_ops_apply (self->pending, first, self->user->contacts);
  captioner_people_directory_rebuild (self);
  return TRUE;
}

void
captioner_people_directory_remember_async (CaptionerPeopleDirectory *self,
                                           const char * const       *names,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data)
{
  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));

  captioner_people_directory_remember (self, names);
  captioner_people_directory_save_async (self, cancellable, callback, user_data);
}

gboolean
captioner_people_directory_remember_finish (CaptionerPeopleDirectory *self,
                                            GAsyncResult             *result,
                                            GError                  **error)
{
  return captioner_people_directory_save_finish (self, result, error);
}

void
captioner_people_directory_add_session_names (CaptionerPeopleDirectory *self,
                                              const char * const       *names)
{
  gboolean added = FALSE;

  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      CaptionerContact *contact = captioner_contact_new (names[i]);
      const char *key;

      if (captioner_contact_get_name (contact) == NULL ||
          g_hash_table_contains (self->session_keys, captioner_contact_get_key (contact)))
        {
          g_object_unref (contact);
          continue;
        }
      key = captioner_contact_get_key (contact);
      g_hash_table_add (self->session_keys, g_strdup (key));
      g_ptr_array_add (self->session->contacts, contact);
      added = TRUE;
    }
  if (added)
    captioner_people_directory_rebuild (self);
}

static void
on_background_save_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!captioner_people_directory_save_finish (CAPTIONER_PEOPLE_DIRECTORY (object), result,
                                               &error))
    g_debug ("Recently picked people not saved: %s", error->message);
}

void
captioner_people_directory_mark_used (CaptionerPeopleDirectory *self,
                                      CaptionerContact         *contact)
{
  CaptionerContact *winner;
  gint64 now;

  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));
  g_return_if_fail (CAPTIONER_IS_CONTACT (contact));

  if (captioner_contact_get_name (contact) == NULL)
    return;
  /* Two picks in one second still keep their order. */
  now = MAX (g_get_real_time () / G_USEC_PER_SEC, self->newest_use + 1);
  self->newest_use = now;
  g_hash_table_replace (self->recent, g_strdup (captioner_contact_get_name (contact)),
                        g_memdup2 (&now, sizeof now));
  captioner_contact_set_last_used (contact, now);
  /* A copy of the person (an edit, say) counts for the directory's own entry too. */
  winner = g_hash_table_lookup (self->by_key, captioner_contact_get_key (contact));
  if (winner != NULL)
    captioner_contact_set_last_used (winner, now);
  self->recent_dirty = TRUE;
  captioner_people_directory_save_async (self, NULL, on_background_save_cb, NULL);
}

gboolean
captioner_people_directory_has_unsaved_changes (CaptionerPeopleDirectory *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), FALSE);
  return self->pending->len > 0 || self->in_flight->len > 0 || self->recent_dirty ||
         self->saving;
}
