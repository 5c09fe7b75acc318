#define G_LOG_DOMAIN "captioner-caption-style"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-caption-style.h"
#include "captioner-user-data.h"

/* The bundled styles, as written; their names are translated when the registry is built. */
typedef struct
{
  const char           *id;
  const char           *name;
  const char           *language;
  const char           *from_left;
  const char           *conjunction;
  gboolean              serial_comma;
  CaptionerCreditStyle  credit_style;
  const char           *credit_format;
} Bundled;

static const Bundled bundled[] = {
  { "default", N_("Default"), "en", "From left,", "and", FALSE, CAPTIONER_CREDIT_SUFFIX,
    "(%s photo)" },
  { "serial-comma", N_("Serial comma"), "en", "From left,", "and", TRUE,
    CAPTIONER_CREDIT_SUFFIX, "(%s photo)" },
  { "from-left-colon", N_("“From left:”"), "en", "From left:", "and", FALSE,
    CAPTIONER_CREDIT_SUFFIX, "(%s photo)" },
  { "l-r", N_("“L-R:”"), "en", "L-R:", "and", FALSE, CAPTIONER_CREDIT_SUFFIX, "(%s photo)" },
  { "l-r-parens", N_("“(L-R)” after the names"), "en", "(L-R)", "and", FALSE,
    CAPTIONER_CREDIT_SUFFIX, "(%s photo)" },
  { "reuters", N_("Reuters"), "en", "From left,", "and", FALSE, CAPTIONER_CREDIT_AGENCY_BYLINE,
    "(%s photo)" },
  { "ap", N_("Associated Press"), "en", "From left,", "and", FALSE, CAPTIONER_CREDIT_AP,
    "(%s photo)" },
};

static const char * const english_rows[] = { "front row", "middle row", "back row" };
static const char * const english_positions[] = { "left", "right", "centre", "second from left",
                                                  "second from right" };
static const char * const english_ordinals[] = { "second", "third", "fourth", "fifth", "sixth",
                                                 "seventh", "eighth", "ninth", "tenth", NULL };

static const char * const armenian_rows[] = { "առաջին շարքում", "միջին շարքում",
                                              "վերջին շարքում" };
static const char * const armenian_positions[] = { "ձախում", "աջում", "կենտրոնում",
                                                   "ձախից երկրորդը", "աջից երկրորդը" };
static const char * const armenian_ordinals[] = { "երկրորդ", "երրորդ", "չորրորդ", "հինգերորդ",
                                                  "վեցերորդ", "յոթերորդ", "ութերորդ",
                                                  "իններորդ", "տասներորդ", NULL };

/* The registry: styles by id. Replaced styles are retired, not freed, so that a pointer
 * lookup returned stays valid. */
static GMutex registry_lock;
static GHashTable *registry;   /* id -> CaptionerCaptionStyle, owned */
static GPtrArray *retired;     /* CaptionerCaptionStyle, owned */
static CaptionerCaptionStyle *default_style;

G_DEFINE_QUARK (captioner-caption-style-error-quark, captioner_caption_style_error)

CaptionerCaptionStyle *
captioner_caption_style_copy (const CaptionerCaptionStyle *style)
{
  CaptionerCaptionStyle *copy;

  g_return_val_if_fail (style != NULL, NULL);

  copy = g_new0 (CaptionerCaptionStyle, 1);
  copy->id = g_strdup (style->id);
  copy->name = g_strdup (style->name);
  copy->language = g_strdup (style->language);
  copy->from_left = g_strdup (style->from_left);
  copy->separator = g_strdup (style->separator);
  copy->conjunction = g_strdup (style->conjunction);
  copy->serial_comma = style->serial_comma;
  for (guint i = 0; i < G_N_ELEMENTS (style->rows); i++)
    copy->rows[i] = g_strdup (style->rows[i]);
  copy->row_from_left = g_strdup (style->row_from_left);
  for (guint i = 0; i < G_N_ELEMENTS (style->positions); i++)
    copy->positions[i] = g_strdup (style->positions[i]);
  copy->credit_style = style->credit_style;
  copy->credit_format = g_strdup (style->credit_format);
  copy->ordinals = g_strdupv (style->ordinals);
  copy->nth_from_left = g_strdup (style->nth_from_left);
  copy->nth_from_right = g_strdup (style->nth_from_right);
  copy->nth_row = g_strdup (style->nth_row);
  return copy;
}

void
captioner_caption_style_free (CaptionerCaptionStyle *style)
{
  if (style == NULL)
    return;
  g_free (style->id);
  g_free (style->name);
  g_free (style->language);
  g_free (style->from_left);
  g_free (style->separator);
  g_free (style->conjunction);
  for (guint i = 0; i < G_N_ELEMENTS (style->rows); i++)
    g_free (style->rows[i]);
  g_free (style->row_from_left);
  for (guint i = 0; i < G_N_ELEMENTS (style->positions); i++)
    g_free (style->positions[i]);
  g_free (style->credit_format);
  g_strfreev (style->ordinals);
  g_free (style->nth_from_left);
  g_free (style->nth_from_right);
  g_free (style->nth_row);
  g_free (style);
}

static CaptionerCaptionStyle *
english_style (const Bundled *b)
{
  CaptionerCaptionStyle *style = g_new0 (CaptionerCaptionStyle, 1);

  style->id = g_strdup (b->id);
  style->name = g_strdup (_(b->name));
  style->language = g_strdup (b->language);
  style->from_left = g_strdup (b->from_left);
  style->separator = g_strdup (", ");
  style->conjunction = g_strdup (b->conjunction);
  style->serial_comma = b->serial_comma;
  for (guint i = 0; i < G_N_ELEMENTS (style->rows); i++)
    style->rows[i] = g_strdup (english_rows[i]);
  style->row_from_left = g_strdup ("from left");
  for (guint i = 0; i < G_N_ELEMENTS (style->positions); i++)
    style->positions[i] = g_strdup (english_positions[i]);
  style->credit_style = b->credit_style;
  style->credit_format = g_strdup (b->credit_format);
  style->ordinals = g_strdupv ((char **) english_ordinals);
  style->nth_from_left = g_strdup ("%s from left");
  style->nth_from_right = g_strdup ("%s from right");
  style->nth_row = g_strdup ("%s row");
  return style;
}

static CaptionerCaptionStyle *
armenian_style (void)
{
  CaptionerCaptionStyle *style = g_new0 (CaptionerCaptionStyle, 1);

  style->id = g_strdup ("hy");
  style->name = g_strdup (_("Armenian"));
  style->language = g_strdup ("hy");
  style->from_left = g_strdup ("Ձախից աջ՝");
  style->separator = g_strdup (", ");
  style->conjunction = g_strdup ("և");
  style->serial_comma = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (style->rows); i++)
    style->rows[i] = g_strdup (armenian_rows[i]);
  style->row_from_left = g_strdup ("ձախից");
  for (guint i = 0; i < G_N_ELEMENTS (style->positions); i++)
    style->positions[i] = g_strdup (armenian_positions[i]);
  style->credit_style = CAPTIONER_CREDIT_SUFFIX;
  style->credit_format = g_strdup ("(Լուսանկարը՝ %s)");
  style->ordinals = g_strdupv ((char **) armenian_ordinals);
  style->nth_from_left = g_strdup ("ձախից %sը");
  style->nth_from_right = g_strdup ("աջից %sը");
  style->nth_row = g_strdup ("%s շարքում");
  return style;
}

static void
add_bundled (GHashTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    {
      CaptionerCaptionStyle *style = english_style (&bundled[i]);
      g_hash_table_replace (table, style->id, style);
    }
  {
    CaptionerCaptionStyle *style = armenian_style ();
    g_hash_table_replace (table, style->id, style);
  }
}

/* With registry_lock held. */
static void
ensure_registry (void)
{
  if (registry != NULL)
    return;
  registry = g_hash_table_new (g_str_hash, g_str_equal);
  retired = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_caption_style_free);
  default_style = english_style (&bundled[0]);
  add_bundled (registry);
}

const CaptionerCaptionStyle *
captioner_caption_style_default (void)
{
  const CaptionerCaptionStyle *style;

  g_mutex_lock (&registry_lock);
  ensure_registry ();
  style = default_style;
  g_mutex_unlock (&registry_lock);
  return style;
}

const CaptionerCaptionStyle *
captioner_caption_style_lookup (const char *id)
{
  const CaptionerCaptionStyle *style = NULL;

  g_mutex_lock (&registry_lock);
  ensure_registry ();
  if (id != NULL)
    style = g_hash_table_lookup (registry, id);
  if (style == NULL)
    style = g_hash_table_lookup (registry, "default");
  if (style == NULL)
    style = default_style;
  g_mutex_unlock (&registry_lock);
  return style;
}

gboolean
captioner_caption_style_exists (const char *id)
{
  gboolean found;

  g_return_val_if_fail (id != NULL, FALSE);

  g_mutex_lock (&registry_lock);
  ensure_registry ();
  found = g_hash_table_contains (registry, id);
  g_mutex_unlock (&registry_lock);
  return found;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const CaptionerCaptionStyle *sa = *(const CaptionerCaptionStyle * const *) a;
  const CaptionerCaptionStyle *sb = *(const CaptionerCaptionStyle * const *) b;
  g_autofree char *ka = g_utf8_collate_key (sa->name, -1);
  g_autofree char *kb = g_utf8_collate_key (sb->name, -1);
  int order = strcmp (ka, kb);

  return order != 0 ? order : strcmp (sa->id, sb->id);
}

GPtrArray *
captioner_caption_style_list (void)
{
  GPtrArray *list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&registry_lock);
  ensure_registry ();
  g_hash_table_iter_init (&iter, registry);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, value);
  g_mutex_unlock (&registry_lock);
  g_ptr_array_sort (list, compare_names);
  return list;
}

static int
compare_basenames (gconstpointer a,
                   gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile * const *) a);
  g_autofree char *nb = g_file_get_basename (*(GFile * const *) b);

  return strcmp (na, nb);
}

/* The styles of one folder, in name order, into table. */
static void
load_folder (GFile      *folder,
             GHashTable *table)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (children == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        {
          g_autofree char *path = g_file_get_parse_name (folder);
          g_warning ("%s: %s", path, error->message);
        }
      return;
    }
  while ((info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".captioner-style") && name[0] != '.')
        g_ptr_array_add (found, g_file_get_child (folder, name));
      g_object_unref (info);
    }
  if (error != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (folder);
      g_warning ("%s: %s", path, error->message);
    }
  g_ptr_array_sort (found, compare_basenames);
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      CaptionerCaptionStyle *style;
      CaptionerCaptionStyle *old;

      style = captioner_caption_style_new_from_file (g_ptr_array_index (found, i), &local_error);
      if (style == NULL)
        {
          /* The message names the file. */
          g_warning ("%s", local_error->message);
          continue;
        }
      old = g_hash_table_lookup (table, style->id);
      g_hash_table_replace (table, style->id, style);
      if (old != NULL)
        captioner_caption_style_free (old);
    }
}

void
captioner_caption_styles_load (GFile * const *desk_folders,
                               guint          n_folders)
{
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GFile) user = captioner_user_data_file ("styles");
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (desk_folders != NULL || n_folders == 0);

  add_bundled (table);
  load_folder (user, table);
  for (guint i = 0; i < n_folders; i++)
    {
      g_autoptr(GFile) folder = g_file_get_child (desk_folders[i], "styles");
      load_folder (folder, table);
    }

  g_mutex_lock (&registry_lock);
  ensure_registry ();
  g_hash_table_iter_init (&iter, registry);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (retired, value);
  g_hash_table_unref (registry);
  registry = g_steal_pointer (&table);
  g_mutex_unlock (&registry_lock);
}

GFile *
captioner_caption_style_dup_user_file (const char *id)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (id != NULL && *id != '\0' && strchr (id, '/') == NULL, NULL);

  folder = captioner_user_data_file ("styles");
  name = g_strconcat (id, ".captioner-style", NULL);
  return g_file_get_child (folder, name);
}
