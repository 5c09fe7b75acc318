#define G_LOG_DOMAIN "captioner-changes"

#include "config.h"

#include <math.h>

#include "captioner-changes.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"

G_STATIC_ASSERT (CAPTIONER_N_FIELDS <= 32);

static gboolean
same_region (const CaptionerPerson *a,
             const CaptionerPerson *b)
{
  if (a->has_region != b->has_region)
    return FALSE;
  return !a->has_region ||
         (fabs (a->region.x - b->region.x) <= 1e-6 && fabs (a->region.y - b->region.y) <= 1e-6 &&
          fabs (a->region.w - b->region.w) <= 1e-6 && fabs (a->region.h - b->region.h) <= 1e-6);
}

static void
add_delta (GArray                *people,
           guint                  id,
           CaptionerPersonChange  change)
{
  CaptionerPersonDelta delta = { id, change };

  g_array_append_val (people, delta);
}

CaptionerChanges *
captioner_changes_between (const CaptionerMetadata *before,
                           const CaptionerMetadata *after)
{
  CaptionerChanges *changes;

  g_return_val_if_fail (before != NULL && after != NULL, NULL);

  changes = g_new0 (CaptionerChanges, 1);
  changes->people = g_array_new (FALSE, FALSE, sizeof (CaptionerPersonDelta));
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    if (g_strcmp0 (before->fields[i], after->fields[i]) != 0)
      changes->fields |= 1u << i;
  changes->keywords = !g_strv_equal ((const char * const *) before->keywords,
                                     (const char * const *) after->keywords);
  changes->languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    g_auto(GStrv) codes = captioner_languages_union (before, after);

    for (guint i = 0; codes[i] != NULL; i++)
      {
        guint mask = captioner_languages_diff (before, after, codes[i]);

        if (mask != 0)
          g_hash_table_insert (changes->languages, g_strdup (codes[i]), GUINT_TO_POINTER (mask));
      }
  }

  /* People are matched by id: a person without one (0) is new. */
  for (guint i = 0; i < before->people->len; i++)
    {
      const CaptionerPerson *old = g_ptr_array_index (before->people, i);
      const CaptionerPerson *now = old->id != 0 ? captioner_people_find (after->people, old->id)
                                                : NULL;
      CaptionerPersonChange change = CAPTIONER_PERSON_CHANGE_NONE;

      if (now == NULL)
        change = CAPTIONER_PERSON_CHANGE_REMOVED;
      else
        {
          if (g_strcmp0 (old->name, now->name) != 0)
            change |= CAPTIONER_PERSON_CHANGE_RENAMED;
          if (!same_region (old, now))
            change |= CAPTIONER_PERSON_CHANGE_MOVED;
          if (old->row != now->row)
            change |= CAPTIONER_PERSON_CHANGE_ROW;
        }
      if (change != CAPTIONER_PERSON_CHANGE_NONE)
        add_delta (changes->people, old->id, change);
    }
  for (guint i = 0; i < after->people->len; i++)
    {
      const CaptionerPerson *now = g_ptr_array_index (after->people, i);

      if (now->id == 0 || captioner_people_find (before->people, now->id) == NULL)
        add_delta (changes->people, now->id, CAPTIONER_PERSON_CHANGE_ADDED);
    }
  return changes;
}

void
captioner_changes_free (CaptionerChanges *changes)
{
  if (changes == NULL)
    return;
  g_array_unref (changes->people);
  g_hash_table_unref (changes->languages);
  g_free (changes);
}

gboolean
captioner_changes_is_empty (const CaptionerChanges *changes)
{
  g_return_val_if_fail (changes != NULL, TRUE);
  return changes->fields == 0 && !changes->keywords && changes->people->len == 0 &&
         g_hash_table_size (changes->languages) == 0;
}

gboolean
captioner_changes_has_field (const CaptionerChanges *changes,
                             CaptionerField          field)
{
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (field < CAPTIONER_N_FIELDS, FALSE);
  return (changes->fields & (1u << field)) != 0;
}

CaptionerPersonChange
captioner_changes_get_person (const CaptionerChanges *changes,
                              guint                   id)
{
  g_return_val_if_fail (changes != NULL, CAPTIONER_PERSON_CHANGE_NONE);

  for (guint i = 0; i < changes->people->len; i++)
    {
      const CaptionerPersonDelta *delta = &g_array_index (changes->people, CaptionerPersonDelta, i);

      if (delta->id == id)
        return delta->change;
    }
  return CAPTIONER_PERSON_CHANGE_NONE;
}

gboolean
captioner_changes_has_people (const CaptionerChanges *changes)
{
  g_return_val_if_fail (changes != NULL, FALSE);
  return changes->people->len > 0;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
captioner_changes_dup_languages (const CaptionerChanges *changes)
{
  GPtrArray *codes;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (changes != NULL, NULL);

  codes = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, changes->languages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (codes, g_strdup (key));
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (codes, FALSE);
}

guint
captioner_changes_get_language (const CaptionerChanges *changes,
                                const char             *language)
{
  g_return_val_if_fail (changes != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (changes->languages, language));
}
