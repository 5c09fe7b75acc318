#define G_LOG_DOMAIN "captioner-xmp-rows"

#include "config.h"

#include <stdlib.h>

#include "captioner-person.h"
#include "captioner-xmp-rows.h"
#include "captioner-xmp-util.h"

#define ROWS_NAME "PersonRows"
#define MAX_ROW 99

void
captioner_xmp_read_rows (XmpPtr     xmp,
                         GPtrArray *people)
{
  g_return_if_fail (xmp != NULL && people != NULL);

  for (int i = 1; i < 100000; i++)
    {
      g_autofree char *item = g_strdup_printf (ROWS_NAME "[%d]", i);
      g_autofree char *name_path = NULL;
      g_autofree char *row_path = NULL;
      g_autofree char *name = NULL;
      g_autofree char *row_text = NULL;
      char *end = NULL;
      long row;

      if (!xmp_has_property (xmp, CAPTIONER_NS_CAPTIONER, item))
        break;
      name_path = g_strdup_printf ("%s/captioner:Name", item);
      row_path = g_strdup_printf ("%s/captioner:Row", item);
      name = captioner_xmp_get_text (xmp, CAPTIONER_NS_CAPTIONER, name_path);
      row_text = captioner_xmp_get_text (xmp, CAPTIONER_NS_CAPTIONER, row_path);
      if (name == NULL || row_text == NULL)
        continue;
      row = strtol (row_text, &end, 10);
      if (end == row_text || *end != '\0' || row < 1 || row > MAX_ROW)
        continue;
      for (guint p = 0; p < people->len; p++)
        {
          CaptionerPerson *person = g_ptr_array_index (people, p);

          if (person->row == 0 && g_strcmp0 (person->name, name) == 0)
            {
              person->row = (guint) row;
              break;
            }
        }
    }
}

/* "NAME\nROW\n" for each person with a row, in the people's order. */
static char *
describe_rows (GPtrArray *people)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);

      if (person->row != 0)
        g_string_append_printf (text, "%s\n%u\n", person->name, person->row);
    }
  return g_string_free (text, FALSE);
}

void
captioner_xmp_apply_rows (XmpPtr     xmp,
                          GPtrArray *before,
                          GPtrArray *after)
{
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;
  int n = 0;

  g_return_if_fail (xmp != NULL && after != NULL);

  was = describe_rows (before);
  now = describe_rows (after);
  if (g_strcmp0 (was, now) == 0)
    return;

  xmp_delete_property (xmp, CAPTIONER_NS_CAPTIONER, ROWS_NAME);
  for (guint i = 0; i < after->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (after, i);
      g_autofree char *item = NULL;
      g_autofree char *path = NULL;
      char row[16];

      if (person->row == 0)
        continue;
      xmp_append_array_item (xmp, CAPTIONER_NS_CAPTIONER, ROWS_NAME, XMP_PROP_VALUE_IS_ARRAY,
                             NULL, XMP_PROP_VALUE_IS_STRUCT);
      n++;
      item = g_strdup_printf (ROWS_NAME "[%d]", n);
      path = g_strdup_printf ("%s/captioner:Name", item);
      captioner_xmp_set_text (xmp, CAPTIONER_NS_CAPTIONER, path, person->name);
      g_free (path);
      path = g_strdup_printf ("%s/captioner:Row", item);
      g_snprintf (row, sizeof row, "%u", MIN (person->row, MAX_ROW));
      captioner_xmp_set_text (xmp, CAPTIONER_NS_CAPTIONER, path, row);
    }
}
