#define G_LOG_DOMAIN "captioner-batch"

#include "config.h"

#include "captioner-batch.h"

/* What several drafts hold in common: the window's fields over a selection show it, or
 * "Mixed" where they differ. */

gboolean
captioner_drafts_get_common_field (GPtrArray       *drafts,
                                   CaptionerField   field,
                                   const char     **value)
{
  const char *first = NULL;

  g_return_val_if_fail (drafts != NULL, FALSE);
  g_return_val_if_fail (field < CAPTIONER_N_FIELDS, FALSE);

  for (guint i = 0; i < drafts->len; i++)
    {
      const char *its = captioner_draft_get_field (g_ptr_array_index (drafts, i), field);

      if (its != NULL && *its == '\0')
        its = NULL;
      if (i == 0)
        first = its;
      else if (g_strcmp0 (first, its) != 0)
        {
          if (value != NULL)
            *value = NULL;
          return FALSE;
        }
    }
  if (value != NULL)
    *value = first;
  return TRUE;
}

gboolean
captioner_drafts_get_common_keywords (GPtrArray           *drafts,
                                      const char * const **keywords)
{
  const char * const *first = NULL;

  g_return_val_if_fail (drafts != NULL, FALSE);

  for (guint i = 0; i < drafts->len; i++)
    {
      const CaptionerMetadata *md = captioner_draft_get_metadata (g_ptr_array_index (drafts, i));
      const char * const *its = (const char * const *) md->keywords;

      if (i == 0)
        first = its;
      else if (!g_strv_equal (first, its))
        {
          if (keywords != NULL)
            *keywords = NULL;
          return FALSE;
        }
    }
  if (keywords != NULL)
    *keywords = first;
  return TRUE;
}
