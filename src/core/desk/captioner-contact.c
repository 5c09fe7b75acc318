#define G_LOG_DOMAIN "captioner-contact"

#include "config.h"

#include <string.h>

#include "captioner-contact.h"
#include "captioner-text-fold.h"

struct _CaptionerContact
{
  GObject     parent_instance;

  char       *name;
  char       *title;
  char       *short_name;
  char       *code;
  GStrv       aliases;
  GStrv       identifiers;
  GHashTable *localized_names;   /* language → name */
  GHashTable *localized_titles;  /* language → title */
  gint64      last_used;
  gboolean    read_only;

  /* Derived, computed when first asked for, dropped by any change. */
  char       *search_key;
  char       *key;
  char       *collate_key;
  GStrv       name_keys;
};

G_DEFINE_FINAL_TYPE (CaptionerContact, captioner_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_SHORT_NAME,
  PROP_CODE,
  PROP_ALIASES,
  PROP_IDENTIFIERS,
  PROP_LAST_USED,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One line of text, trimmed; NULL when nothing is left. With @in_list, "|" goes too. */
static char *
clean_text (const char *text,
            gboolean    in_list)
{
  char *clean;

  if (text == NULL)
    return NULL;
  clean = g_utf8_make_valid (text, -1);
  g_strdelimit (clean, in_list ? "\t\r\n|" : "\t\r\n", ' ');
  g_strstrip (clean);
  if (*clean == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

static GStrv
clean_list (const char * const *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = clean_text (items[i], TRUE);

      if (item != NULL)
        g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

static void
invalidate (CaptionerContact *self)
{
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->collate_key, g_free);
  g_clear_pointer (&self->name_keys, g_strfreev);
}

/* Sets *field to the cleaned text; FALSE when it was that already. */
static gboolean
set_text (CaptionerContact  *self,
          char             **field,
          const char        *text)
{
  g_autofree char *clean = clean_text (text, FALSE);

  if (g_strcmp0 (*field, clean) == 0)
    return FALSE;
  g_free (*field);
  *field = g_steal_pointer (&clean);
  invalidate (self);
  return TRUE;
}

static gboolean
set_list (CaptionerContact    *self,
          GStrv               *field,
          const char * const  *items)
{
  g_auto(GStrv) clean = clean_list (items);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) clean))
    return FALSE;
  g_strfreev (*field);
  *field = g_steal_pointer (&clean);
  invalidate (self);
  return TRUE;
}

static gboolean
set_localized (CaptionerContact *self,
               GHashTable       *table,
               const char       *language,
               const char       *text)
{
  g_autofree char *clean = clean_text (text, TRUE);

  if (g_strcmp0 (g_hash_table_lookup (table, language), clean) == 0)
    return FALSE;
  if (clean == NULL)
    g_hash_table_remove (table, language);
  else
    g_hash_table_replace (table, g_strdup (language), g_steal_pointer (&clean));
  invalidate (self);
  return TRUE;
}

static void
append_folded (GString    *out,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;
  folded = captioner_text_fold (text);
  if (*folded == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, folded);
}

static void
add_folded (GStrvBuilder *builder,
            const char   *text)
{
  g_autofree char *folded = captioner_text_fold (text);

  g_strv_builder_add (builder, folded);
}

static void
captioner_contact_finalize (GObject *object)
{
  CaptionerContact *self = CAPTIONER_CONTACT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->identifiers, g_strfreev);
  g_clear_pointer (&self->localized_names, g_hash_table_unref);
  g_clear_pointer (&self->localized_titles, g_hash_table_unref);
  invalidate (self);
  G_OBJECT_CLASS (captioner_contact_parent_class)->finalize (object);
}

static void
captioner_contact_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CaptionerContact *self = CAPTIONER_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;
    case PROP_IDENTIFIERS:
      g_value_set_boxed (value, self->identifiers);
      break;
    case PROP_LAST_USED:
      g_value_set_int64 (value, self->last_used);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_contact_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CaptionerContact *self = CAPTIONER_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      captioner_contact_set_name (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      captioner_contact_set_title (self, g_value_get_string (value));
      break;
    case PROP_SHORT_NAME:
      captioner_contact_set_short_name (self, g_value_get_string (value));
      break;
    case PROP_CODE:
      captioner_contact_set_code (self, g_value_get_string (value));
      break;
    case PROP_ALIASES:
      captioner_contact_set_aliases (self, g_value_get_boxed (value));
      break;
    case PROP_IDENTIFIERS:
      captioner_contact_set_identifiers (self, g_value_get_boxed (value));
      break;
    case PROP_LAST_USED:
      captioner_contact_set_last_used (self, g_value_get_int64 (value));
      break;
    case PROP_READ_ONLY:
      captioner_contact_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_contact_class_init (CaptionerContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = captioner_contact_finalize;
  object_class->get_property = captioner_contact_get_property;
  object_class->set_property = captioner_contact_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SHORT_NAME] = g_param_spec_string ("short-name", NULL, NULL, NULL, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_IDENTIFIERS] =
    g_param_spec_boxed ("identifiers", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LAST_USED] =
    g_param_spec_int64 ("last-used", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
captioner_contact_init (CaptionerContact *self)
{
  self->aliases = g_new0 (char *, 1);
  self->identifiers = g_new0 (char *, 1);
  self->localized_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->localized_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CaptionerContact *
captioner_contact_new (const char *name)
{
  return g_object_new (CAPTIONER_TYPE_CONTACT, "name", name, NULL);
}

static void
copy_table (GHashTable *to,
            GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to, g_strdup (key), g_strdup (value));
}

CaptionerContact *
captioner_contact_copy (CaptionerContact *self)
{
  CaptionerContact *copy;

  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);

  copy = g_object_new (CAPTIONER_TYPE_CONTACT,
                       "name", self->name,
                       "title", self->title,
                       "short-name", self->short_name,
                       "code", self->code,
                       "aliases", self->aliases,
                       "identifiers", self->identifiers,
                       "last-used", self->last_used,
                       "read-only", self->read_only,
                       NULL);
  copy_table (copy->localized_names, self->localized_names);
  copy_table (copy->localized_titles, self->localized_titles);
  return copy;
}

#define DEFINE_TEXT_ACCESSORS(field, prop)                                    \
const char *                                                                  \
captioner_contact_get_##field (CaptionerContact *self)                        \
{                                                                             \
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);                   \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
captioner_contact_set_##field (CaptionerContact *self,                        \
                               const char       *field)                       \
{                                                                             \
  g_return_if_fail (CAPTIONER_IS_CONTACT (self));                             \
  if (set_text (self, &self->field, field))                                   \
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);             \
}

DEFINE_TEXT_ACCESSORS (name, PROP_NAME)
DEFINE_TEXT_ACCESSORS (title, PROP_TITLE)
DEFINE_TEXT_ACCESSORS (short_name, PROP_SHORT_NAME)
DEFINE_TEXT_ACCESSORS (code, PROP_CODE)

const char * const *
captioner_contact_get_aliases (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);
  return (const char * const *) self->aliases;
}

void
captioner_contact_set_aliases (CaptionerContact   *self,
                               const char * const *aliases)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT (self));
  if (set_list (self, &self->aliases, aliases))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

const char * const *
captioner_contact_get_identifiers (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);
  return (const char * const *) self->identifiers;
}

void
captioner_contact_set_identifiers (CaptionerContact   *self,
                                   const char * const *identifiers)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT (self));
  if (set_list (self, &self->identifiers, identifiers))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFIERS]);
}

const char *
captioner_contact_get_wikidata (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);

  for (guint i = 0; self->identifiers[i] != NULL; i++)
    if (g_str_has_prefix (self->identifiers[i], "http://www.wikidata.org/") ||
        g_str_has_prefix (self->identifiers[i], "https://www.wikidata.org/"))
      return self->identifiers[i];
  return NULL;
}

const char *
captioner_contact_get_localized_name (CaptionerContact *self,
                                      const char       *language)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  return g_hash_table_lookup (self->localized_names, language);
}

void
captioner_contact_set_localized_name (CaptionerContact *self,
                                      const char       *language,
                                      const char       *name)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT (self));
  g_return_if_fail (language != NULL && *language != '\0');
  set_localized (self, self->localized_names, language, name);
}

const char *
captioner_contact_get_localized_title (CaptionerContact *self,
                                       const char       *language)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  return g_hash_table_lookup (self->localized_titles, language);
}

void
captioner_contact_set_localized_title (CaptionerContact *self,
                                       const char       *language,
                                       const char       *title)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT (self));
  g_return_if_fail (language != NULL && *language != '\0');
  set_localized (self, self->localized_titles, language, title);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
captioner_contact_dup_languages (CaptionerContact *self)
{
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);

  g_hash_table_iter_init (&iter, self->localized_names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (languages, g_strdup (key));
  g_hash_table_iter_init (&iter, self->localized_titles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->localized_names, key))
      g_ptr_array_add (languages, g_strdup (key));
  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&languages), FALSE);
}

char *
captioner_contact_dup_display_name (CaptionerContact *self,
                                    const char       *language)
{
  const char *name, *title;

  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);

  name = self->name;
  title = self->title;
  if (language != NULL && g_hash_table_contains (self->localized_names, language))
    {
      name = g_hash_table_lookup (self->localized_names, language);
      title = g_hash_table_lookup (self->localized_titles, language);
    }
  if (name == NULL)
    return g_strdup (title != NULL ? title : "");
  if (title == NULL)
    return g_strdup (name);
  return g_strconcat (title, " ", name, NULL);
}

gint64
captioner_contact_get_last_used (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), 0);
  return self->last_used;
}

void
captioner_contact_set_last_used (CaptionerContact *self,
                                 gint64            last_used)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT (self));

  if (self->last_used == last_used)
    return;
  self->last_used = last_used;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_USED]);
}

gboolean
captioner_contact_get_read_only (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), FALSE);
  return self->read_only;
}

void
captioner_contact_set_read_only (CaptionerContact *self,
                                 gboolean          read_only)
{
  g_return_if_fail (CAPTIONER_IS_CONTACT (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

const char *
captioner_contact_get_search_key (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);

  if (self->search_key == NULL)
    {
      GString *key = g_string_new (NULL);
      GHashTableIter iter;
      gpointer value;

      append_folded (key, self->name);
      append_folded (key, self->title);
      append_folded (key, self->short_name);
      for (guint i = 0; self->aliases[i] != NULL; i++)
        append_folded (key, self->aliases[i]);
      append_folded (key, self->code);
      g_hash_table_iter_init (&iter, self->localized_names);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        append_folded (key, value);
      g_hash_table_iter_init (&iter, self->localized_titles);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        append_folded (key, value);
      self->search_key = g_string_free (key, FALSE);
    }
  return self->search_key;
}

const char *
captioner_contact_get_key (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);

  if (self->key == NULL)
    self->key = captioner_text_fold (self->name);
  return self->key;
}

const char *
captioner_contact_get_collate_key (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);

  if (self->collate_key == NULL)
    self->collate_key = g_utf8_collate_key (self->name != NULL ? self->name : "", -1);
  return self->collate_key;
}

const char * const *
captioner_contact_get_name_keys (CaptionerContact *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), NULL);

  if (self->name_keys == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree char *display = captioner_contact_dup_display_name (self, NULL);

      g_strv_builder_add (builder, captioner_contact_get_key (self));
      add_folded (builder, display);
      for (guint i = 0; self->aliases[i] != NULL; i++)
        add_folded (builder, self->aliases[i]);
      self->name_keys = g_strv_builder_end (builder);
    }
  return (const char * const *) self->name_keys;
}

gboolean
captioner_contact_is_called (CaptionerContact *self,
                             const char       *folded)
{
  g_return_val_if_fail (CAPTIONER_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (folded != NULL, FALSE);

  return g_strv_contains (captioner_contact_get_name_keys (self), folded);
}
