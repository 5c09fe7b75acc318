#define G_LOG_DOMAIN "captioner-caption-rows"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "captioner-caption-rows.h"
#include "captioner-person.h"

/* Centres further apart than this many face heights, one above the other, are two rows. */
#define ROW_GAP 0.6
/* Rows stand behind each other when their spans overlap by this much of the narrower one. */
#define ROW_OVERLAP 0.5
#define MAX_GEOMETRIC_ROWS 4

typedef struct
{
  guint  index;
  double cx;
  double cy;
  double h;
  double x0;
  double x1;
} Box;

typedef struct
{
  GArray *boxes;   /* Box */
  double  cy;      /* mean centre */
} Row;

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static int
compare_cy (const void *a,
            const void *b)
{
  const Box *ba = a;
  const Box *bb = b;

  if (ba->cy != bb->cy)
    return ba->cy < bb->cy ? -1 : 1;
  return (ba->index > bb->index) - (ba->index < bb->index);
}

static int
compare_cx (const void *a,
            const void *b)
{
  const Box *ba = a;
  const Box *bb = b;

  if (ba->cx != bb->cx)
    return ba->cx < bb->cx ? -1 : 1;
  return (ba->index > bb->index) - (ba->index < bb->index);
}

static void
row_span (const Row *row,
          double    *x0,
          double    *x1)
{
  *x0 = G_MAXDOUBLE;
  *x1 = -G_MAXDOUBLE;
  for (guint i = 0; i < row->boxes->len; i++)
    {
      const Box *b = &g_array_index (row->boxes, Box, i);

      *x0 = MIN (*x0, b->x0);
      *x1 = MAX (*x1, b->x1);
    }
}

/* Whether two rows stand one behind the other: beside each other (the left and the right
 * half of a slanted line-up) they are one row. */
static gboolean
rows_overlap (const Row *a,
              const Row *b)
{
  double a0, a1, b0, b1, inter;

  row_span (a, &a0, &a1);
  row_span (b, &b0, &b1);
  inter = MIN (a1, b1) - MAX (a0, b0);
  return inter > ROW_OVERLAP * MIN (a1 - a0, b1 - b0);
}

static void
row_update (Row *row)
{
  double sum = 0;

  for (guint i = 0; i < row->boxes->len; i++)
    sum += g_array_index (row->boxes, Box, i).cy;
  row->cy = row->boxes->len > 0 ? sum / row->boxes->len : 0;
}

static void
row_clear (gpointer data)
{
  g_clear_pointer (&((Row *) data)->boxes, g_array_unref);
}

/* Rows from the boxes, top first: split where centres (sorted top to bottom) jump by more
 * than ROW_GAP face heights, then join neighbouring rows that stand beside each other. */
static GArray *
geometric_rows (GArray *boxes)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  gboolean joined = TRUE;

  g_array_set_clear_func (rows, row_clear);
  g_array_sort (boxes, compare_cy);
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *b = &g_array_index (boxes, Box, i);

      if (i == 0 || b->cy - g_array_index (boxes, Box, i - 1).cy >
                    ROW_GAP * (b->h + g_array_index (boxes, Box, i - 1).h) / 2)
        {
          Row row = { g_array_new (FALSE, FALSE, sizeof (Box)), 0 };
          g_array_append_val (rows, row);
        }
      g_array_append_val (g_array_index (rows, Row, rows->len - 1).boxes, *b);
    }
  while (joined && rows->len > 1)
    {
      joined = FALSE;
      for (guint i = 0; i + 1 < rows->len; i++)
        {
          Row *upper = &g_array_index (rows, Row, i);
          Row *lower = &g_array_index (rows, Row, i + 1);

          if (!rows_overlap (upper, lower))
            {
              g_array_append_vals (upper->boxes, lower->boxes->data, lower->boxes->len);
              g_array_remove_index (rows, i + 1);
              joined = TRUE;
              break;
            }
        }
    }
  for (guint i = 0; i < rows->len; i++)
    row_update (&g_array_index (rows, Row, i));
  return rows;
}

static void
row_extent (const Row *row,
            double    *top,
            double    *bottom)
{
  *top = G_MAXDOUBLE;
  *bottom = -G_MAXDOUBLE;
  for (guint i = 0; i < row->boxes->len; i++)
    {
      *top = MIN (*top, g_array_index (row->boxes, Box, i).cy);
      *bottom = MAX (*bottom, g_array_index (row->boxes, Box, i).cy);
    }
}

/* Clear rows: two people or more side by side in each, and further apart than each row's own
 * rise and fall (a zigzag of faces one above the other is no rows). */
static gboolean
rows_are_clear (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      double top, bottom, next_top, next_bottom;

      if (row->boxes->len < 2)
        return FALSE;
      if (i + 1 == rows->len)
        continue;
      row_extent (row, &top, &bottom);
      row_extent (&g_array_index (rows, Row, i + 1), &next_top, &next_bottom);
      if (next_top - bottom <= MAX (bottom - top, next_bottom - next_top))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
captioner_caption_rows_find (GPtrArray *people,
                             int        orientation)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr(GArray) rows = NULL;
  g_autofree guint *row_of = NULL;
  gboolean editor_rows = FALSE;
  guint n_geometric = 1;
  guint max_row = 0;
  GPtrArray *result;

  g_return_val_if_fail (people != NULL, NULL);

  for (guint i = 0; i < people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);
      CaptionerRect d;

      if (is_blank (person->name))
        {
          if (person->has_region)
            return NULL;   /* someone boxed and unnamed: partial naming */
          continue;
        }
      if (!captioner_person_get_displayed_region (person, orientation, &d))
        return NULL;
      g_array_append_val (boxes, ((Box) { i, d.x + d.w / 2, d.y + d.h / 2, d.h,
                                          d.x, d.x + d.w }));
      editor_rows |= person->row != 0;
    }
  if (boxes->len < 2 || (boxes->len < 3 && !editor_rows))
    return NULL;

  /* Each person's row, front 1: the editor's, else the boxes'. */
  row_of = g_new0 (guint, people->len);
  rows = geometric_rows (boxes);
  if (rows->len <= MAX_GEOMETRIC_ROWS && rows_are_clear (rows))
    n_geometric = rows->len;
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);

      for (guint i = 0; i < row->boxes->len; i++)
        row_of[g_array_index (row->boxes, Box, i).index] = n_geometric > 1 ? rows->len - r : 1;
    }
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *b = &g_array_index (boxes, Box, i);
      const CaptionerPerson *person = g_ptr_array_index (people, b->index);

      if (person->row != 0)
        row_of[b->index] = person->row;
      max_row = MAX (max_row, row_of[b->index]);
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 1; r <= max_row; r++)
    {
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (Box));
      GArray *order;

      for (guint i = 0; i < boxes->len; i++)
        if (row_of[g_array_index (boxes, Box, i).index] == r)
          g_array_append_val (members, g_array_index (boxes, Box, i));
      if (members->len == 0)
        continue;
      g_array_sort (members, compare_cx);
      order = g_array_sized_new (FALSE, FALSE, sizeof (guint), members->len);
      for (guint i = 0; i < members->len; i++)
        g_array_append_val (order, g_array_index (members, Box, i).index);
      g_ptr_array_add (result, order);
    }
  if (result->len < 2)
    g_clear_pointer (&result, g_ptr_array_unref);
  return result;
}

/* The words of a row in the style: front, middle, back; of more than three rows the ones
 * between are "second row", "third row"... */
static char *
row_word (const CaptionerCaptionStyle *style,
          guint                        row,
          guint                        n_rows)
{
  const char *mark;
  g_autofree char *ordinal = NULL;

  if (row == 0)
    return g_strdup (style->rows[0]);
  if (row == n_rows - 1)
    return g_strdup (style->rows[2]);
  if (n_rows == 3)
    return g_strdup (style->rows[1]);
  if (style->ordinals != NULL && row - 1 < g_strv_length (style->ordinals))
    ordinal = g_strdup (style->ordinals[row - 1]);
  else
    ordinal = g_strdup_printf ("%u", row + 1);
  mark = style->nth_row ? strstr (style->nth_row, "%s") : NULL;
  if (mark == NULL)
    return g_steal_pointer (&ordinal);
  return g_strdup_printf ("%.*s%s%s", (int) (mark - style->nth_row), style->nth_row, ordinal,
                          mark + 2);
}

static void
append_names (GString                     *text,
              const CaptionerCaptionStyle *style,
              GPtrArray                   *people,
              GArray                      *order)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < order->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, g_array_index (order, guint, i));

      g_ptr_array_add (names, g_strstrip (g_strdup (person->name)));
    }
  captioner_caption_append_list (text, style, names, FALSE);
}

/* The first letter of a caption is a capital, in any script ("Front row", "Առաջին շարքում"). */
static void
append_capitalised (GString    *text,
                    const char *word)
{
  gunichar first = g_utf8_get_char (word);

  g_string_append_unichar (text, g_unichar_totitle (first));
  g_string_append (text, g_utf8_next_char (word));
}

char *
captioner_caption_rows_compose (const CaptionerCaptionStyle *style,
                                GPtrArray                   *people,
                                int                          orientation)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *text;

  g_return_val_if_fail (people != NULL, NULL);

  if (style == NULL)
    style = captioner_caption_style_default ();
  rows = captioner_caption_rows_find (people, orientation);
  if (rows == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint r = 0; r < rows->len; r++)
    {
      GArray *order = g_ptr_array_index (rows, r);
      g_autofree char *word = row_word (style, r, rows->len);

      if (r > 0)
        g_string_append (text, "; ");
      if (r == 0 && *word != '\0')
        append_capitalised (text, word);
      else
        g_string_append (text, word);
      if (order->len > 1)
        g_string_append_printf (text, ", %s: ", style->row_from_left);
      else
        g_string_append (text, ": ");
      append_names (text, style, people, order);
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}
