#define G_LOG_DOMAIN "captioner-people-directory"

#include "config.h"

#include <string.h>

#include "captioner-people-directory-private.h"
#include "captioner-text-fold.h"

/* Looking people up: completion, codes, names. Nothing here reads a file. */

typedef struct
{
  CaptionerContact *contact;
  gboolean          code_matches;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;
  gint64 ua, ub;

  if (ma->code_matches != mb->code_matches)
    return ma->code_matches ? -1 : 1;
  ua = captioner_contact_get_last_used (ma->contact);
  ub = captioner_contact_get_last_used (mb->contact);
  if (ua != ub)
    return ua > ub ? -1 : 1;
  /* Otherwise as the model has them, by name: the sort is stable. */
  return 0;
}

GListModel *
captioner_people_directory_search (CaptionerPeopleDirectory *self,
                                   const char               *query,
                                   guint                     limit)
{
  g_autofree char *folded = NULL;
  g_autofree char *code = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GListStore *store;

  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), NULL);

  folded = captioner_text_fold (query);
  words = g_strsplit (folded, " ", -1);
  code = g_strstrip (g_strdup (query != NULL ? query : ""));
  matches = g_array_new (FALSE, FALSE, sizeof (Match));

  for (guint i = 0; i < self->items->len; i++)
    {
      CaptionerContact *contact = g_ptr_array_index (self->items, i);
      const char *key = captioner_contact_get_search_key (contact);
      gboolean all = TRUE;
      Match match;

      for (guint w = 0; words[w] != NULL && all; w++)
        all = *words[w] == '\0' || strstr (key, words[w]) != NULL;
      if (!all)
        continue;
      match.contact = contact;
      match.code_matches = *code != '\0' &&
                           g_strcmp0 (captioner_contact_get_code (contact), code) == 0;
      g_array_append_val (matches, match);
    }
  g_array_sort (matches, compare_matches);
  if (limit > 0 && matches->len > limit)
    g_array_set_size (matches, limit);

  found = g_ptr_array_sized_new (matches->len);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (found, g_array_index (matches, Match, i).contact);
  store = g_list_store_new (CAPTIONER_TYPE_CONTACT);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (store);
}

CaptionerContact *
captioner_people_directory_find_by_code (CaptionerPeopleDirectory *self,
                                         const char               *code)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), NULL);

  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_code, code);
}

CaptionerContact *
captioner_people_directory_find (CaptionerPeopleDirectory *self,
                                 const char               *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self), NULL);

  if (name == NULL)
    return NULL;
  if (self->by_name == NULL)
    {
      /* Names first, then display names, then aliases: a name wins over another's alias. */
      self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint pass = 0; pass < 3; pass++)
        for (guint i = 0; i < self->items->len; i++)
          {
            CaptionerContact *contact = g_ptr_array_index (self->items, i);
            const char * const *keys = captioner_contact_get_name_keys (contact);
            guint end = pass < 2 ? pass + 1 : G_MAXUINT;

            for (guint j = pass; j < end && keys[j] != NULL; j++)
              if (*keys[j] != '\0' && !g_hash_table_contains (self->by_name, keys[j]))
                g_hash_table_insert (self->by_name, g_strdup (keys[j]), contact);
          }
    }
  folded = captioner_text_fold (name);
  return g_hash_table_lookup (self->by_name, folded);
}

char *
captioner_people_directory_expand_code (const char *code,
                                        guint       alternate,
                                        gpointer    directory)
{
  CaptionerContact *contact;
  const char *text = NULL;

  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (directory), NULL);

  contact = captioner_people_directory_find_by_code (directory, code);
  if (contact == NULL)
    return NULL;
  switch (alternate)
    {
    case 1:
      return captioner_contact_dup_display_name (contact, NULL);
    case 2:
      text = captioner_contact_get_name (contact);
      break;
    case 3:
      text = captioner_contact_get_short_name (contact);
      break;
    default:
      break;
    }
  return g_strdup (text);
}

void
captioner_people_directory_teach_speller (CaptionerPeopleDirectory *self,
                                          CaptionerSpeller         *speller)
{
  GListModel *model = G_LIST_MODEL (self);

  g_return_if_fail (CAPTIONER_IS_PEOPLE_DIRECTORY (self));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CaptionerContact) contact = g_list_model_get_item (model, i);
      const char * const *aliases = captioner_contact_get_aliases (contact);
      g_auto(GStrv) languages = captioner_contact_dup_languages (contact);

      captioner_speller_add_known (speller, captioner_contact_get_name (contact));
      captioner_speller_add_known (speller, captioner_contact_get_short_name (contact));
      captioner_speller_add_known (speller, captioner_contact_get_code (contact));
      for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
        captioner_speller_add_known (speller, aliases[a]);
      for (guint l = 0; languages != NULL && languages[l] != NULL; l++)
        captioner_speller_add_known (speller,
                                     captioner_contact_get_localized_name (contact, languages[l]));
    }
}
