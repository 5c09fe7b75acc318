#define G_LOG_DOMAIN "captioner-draft"

#include "config.h"

#include "captioner-draft-private.h"
#include "captioner-caption.h"
#include "captioner-person.h"

/* What makes the second frame of a line-up nearly free: a template's fields, another
 * photo's fields and people pasted, and the previous photo's next person offered for a new
 * box. Each is one undo step, through the same setters as the editor's own edits. */

/* The fields a paste copies: what describes the scene and its credit, not what belongs to
 * one frame (the date taken, the job id, the caption Captioner composes from these). */
static const CaptionerField pasted_fields[] = {
  CAPTIONER_FIELD_CAPTION_BODY, CAPTIONER_FIELD_HEADLINE, CAPTIONER_FIELD_CREDIT,
  CAPTIONER_FIELD_BYLINE, CAPTIONER_FIELD_SOURCE, CAPTIONER_FIELD_COPYRIGHT,
  CAPTIONER_FIELD_EVENT, CAPTIONER_FIELD_CITY, CAPTIONER_FIELD_STATE,
  CAPTIONER_FIELD_COUNTRY, CAPTIONER_FIELD_INSTRUCTIONS,
};

guint
captioner_draft_apply_template (CaptionerDraft              *self,
                                CaptionerTemplate           *template,
                                GFile                       *file,
                                CaptionerTemplateApplyFlags  flags)
{
  g_autoptr(CaptionerMetadata) filled = NULL;
  g_autoptr(CaptionerChanges) changes = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), 0);
  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (template), 0);

  filled = captioner_metadata_copy (self->current);
  changes = captioner_template_apply (template, filled, file, flags);
  captioner_draft_begin_group (self, "template");
  for (guint field = 0; field < CAPTIONER_N_FIELDS; field++)
    if (captioner_changes_has_field (changes, field))
      {
        captioner_draft_set_field (self, field, filled->fields[field]);
        n_changed++;
      }
  if (changes->keywords)
    {
      captioner_draft_set_keywords (self, (const char * const *) filled->keywords);
      n_changed++;
    }
  captioner_draft_end_group (self);
  captioner_draft_break_group (self);
  return n_changed;
}

void
captioner_draft_paste (CaptionerDraft          *self,
                       const CaptionerMetadata *from,
                       int                      from_orientation,
                       CaptionerPasteFlags      what)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  g_return_if_fail (from != NULL);

  captioner_draft_begin_group (self, "paste");
  if (what & CAPTIONER_PASTE_FIELDS)
    {
      for (guint i = 0; i < G_N_ELEMENTS (pasted_fields); i++)
        captioner_draft_set_field (self, pasted_fields[i], from->fields[pasted_fields[i]]);
      captioner_draft_add_keywords (self, (const char * const *) from->keywords);
    }
  if (what & CAPTIONER_PASTE_PEOPLE)
    {
      /* The people replace this photo's, boxes where they were on the other photo as
       * displayed (the same framing, give or take; the editor moves what moved). */
      captioner_draft_clear_people (self);
      for (guint i = 0; i < from->people->len; i++)
        {
          const CaptionerPerson *person = g_ptr_array_index (from->people, i);
          CaptionerRect displayed;

          if (person->has_region &&
              captioner_person_get_displayed_region (person, from_orientation, &displayed))
            captioner_draft_add_person (self, person->name, &displayed);
          else
            captioner_draft_add_person (self, person->name, NULL);
        }
    }
  captioner_draft_end_group (self);
  captioner_draft_break_group (self);
}

/* Whether @people names @name (ignoring case). */
static gboolean
names_person (GPtrArray  *people,
              const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);
      g_autofree char *other = NULL;

      if (person->name == NULL)
        continue;
      other = g_utf8_casefold (person->name, -1);
      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
captioner_draft_dup_next_person (CaptionerDraft          *self,
                                 const CaptionerMetadata *previous,
                                 int                      previous_orientation)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), NULL);

  if (previous == NULL)
    return NULL;
  names = captioner_caption_dup_names (previous, previous_orientation);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (*names[i] != '\0' && !names_person (self->current->people, names[i]))
      return g_strdup (names[i]);
  return NULL;
}

typedef struct
{
  const char    *name;
  CaptionerRect  box;
} Placed;

static int
compare_left_to_right (gconstpointer a,
                       gconstpointer b)
{
  const CaptionerRect *left = &((const Placed *) a)->box;
  const CaptionerRect *right = &((const Placed *) b)->box;
  double x_a = left->x + left->w / 2;
  double x_b = right->x + right->w / 2;

  return (x_a > x_b) - (x_a < x_b);
}

gboolean
captioner_draft_apply_lineup (CaptionerDraft          *self,
                              const CaptionerMetadata *previous,
                              int                      previous_orientation,
                              const CaptionerRect     *faces,
                              guint                    n_faces,
                              guint                   *n_people)
{
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (previous != NULL, FALSE);

  /* The previous photo's boxed and named people not named here yet, left to right. */
  for (guint i = 0; i < previous->people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (previous->people, i);
      Placed placed = { person->name };

      if (person->name == NULL || *person->name == '\0' || !person->has_region ||
          !captioner_person_get_displayed_region (person, previous_orientation, &placed.box) ||
          names_person (self->current->people, person->name))
        continue;
      g_array_append_val (people, placed);
    }
  if (n_people != NULL)
    *n_people = people->len;
  if (people->len == 0 || people->len != n_faces)
    return FALSE;
  g_array_sort (people, compare_left_to_right);
  for (guint i = 0; i < n_faces; i++)
    {
      Placed placed = { NULL, faces[i] };

      g_array_append_val (boxes, placed);
    }
  g_array_sort (boxes, compare_left_to_right);

  captioner_draft_begin_group (self, "lineup");
  for (guint i = 0; i < G_N_ELEMENTS (pasted_fields); i++)
    if (previous->fields[pasted_fields[i]] != NULL && *previous->fields[pasted_fields[i]] != '\0')
      captioner_draft_set_field (self, pasted_fields[i], previous->fields[pasted_fields[i]]);
  captioner_draft_add_keywords (self, (const char * const *) previous->keywords);
  for (guint i = 0; i < n_faces; i++)
    captioner_draft_add_person (self, g_array_index (people, Placed, i).name,
                                &g_array_index (boxes, Placed, i).box);
  captioner_draft_end_group (self);
  captioner_draft_break_group (self);
  return TRUE;
}
