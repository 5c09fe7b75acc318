#define G_LOG_DOMAIN "captioner-draft"

#include "config.h"

#include "captioner-draft-private.h"
#include "captioner-person.h"

/* The editor's edits of a draft: each changes the metadata and commits (the caption follows,
 * the history records it, listeners hear of it). */

static CaptionerPerson *
find_person (CaptionerDraft *self,
             guint           id)
{
  CaptionerPerson *person = captioner_people_find (self->current->people, id);

  if (person == NULL)
    g_warning ("No person %u in the draft", id);
  return person;
}

/* Empty text is no value: the property is removed. The caption and the record of what
 * Captioner composed are not fields an editor sets this way. */
void
captioner_draft_set_field (CaptionerDraft *self,
                           CaptionerField  field,
                           const char     *value)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  g_return_if_fail (field < CAPTIONER_N_FIELDS);
  g_return_if_fail (field != CAPTIONER_FIELD_CAPTION && field != CAPTIONER_FIELD_COMPOSED);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->current->fields[field], value) == 0)
    return;
  captioner_metadata_set (self->current, field, value);
  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_FIELDS, captioner_draft_is_part (field), captioner_field_get_name (field));
}

void
captioner_draft_set_keywords (CaptionerDraft     *self,
                              const char * const *keywords)
{
  g_auto(GStrv) before = NULL;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  before = g_strdupv (self->current->keywords);
  captioner_metadata_set_keywords (self->current, keywords);
  if (g_strv_equal ((const char * const *) before, (const char * const *) self->current->keywords))
    return;
  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_KEYWORDS, FALSE, "keywords");
}

/* Adds the keywords not there yet, after the others. */
void
captioner_draft_add_keywords (CaptionerDraft     *self,
                              const char * const *keywords)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) merged = NULL;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  g_strv_builder_addv (builder, (const char **) self->current->keywords);
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) self->current->keywords, keywords[i]))
      g_strv_builder_add (builder, keywords[i]);
  merged = g_strv_builder_end (builder);
  captioner_draft_set_keywords (self, (const char * const *) merged);
}

guint
captioner_draft_add_person (CaptionerDraft      *self,
                            const char          *name,
                            const CaptionerRect *displayed)
{
  CaptionerPerson *person;

  g_return_val_if_fail (CAPTIONER_IS_DRAFT (self), 0);

  person = captioner_person_new_displayed (name, displayed, self->orientation);
  g_strstrip (person->name);
  person->id = self->next_id++;
  g_ptr_array_add (self->current->people, person);
  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_PEOPLE, TRUE, NULL);
  return person->id;
}

void
captioner_draft_rename_person (CaptionerDraft *self,
                               guint           id,
                               const char     *name)
{
  CaptionerPerson *person;
  g_autofree char *trimmed = NULL;
  g_autofree char *group = NULL;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  person = find_person (self, id);
  trimmed = g_strstrip (g_strdup (name ? name : ""));
  if (person == NULL || g_strcmp0 (person->name, trimmed) == 0)
    return;
  g_free (person->name);
  person->name = g_steal_pointer (&trimmed);
  group = g_strdup_printf ("person-%u", id);
  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_PEOPLE, TRUE, group);
}

/* Row 0: the boxes say which row they are in. */
void
captioner_draft_set_person_row (CaptionerDraft *self,
                                guint           id,
                                guint           row)
{
  CaptionerPerson *person;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  person = find_person (self, id);
  if (person == NULL || person->row == row)
    return;
  person->row = row;
  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_PEOPLE, TRUE, NULL);
}

void
captioner_draft_move_person (CaptionerDraft      *self,
                             guint                id,
                             const CaptionerRect *displayed)
{
  CaptionerPerson *person;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  person = find_person (self, id);
  if (person == NULL)
    return;
  if (displayed == NULL)
    person->has_region = FALSE;
  else
    {
      captioner_orientation_to_stored (self->orientation, displayed, &person->region);
      captioner_rect_clamp (&person->region);
      person->has_region = TRUE;
    }
  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_PEOPLE, TRUE, NULL);
}

void
captioner_draft_remove_person (CaptionerDraft *self,
                               guint           id)
{
  CaptionerPerson *person;

  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  person = find_person (self, id);
  if (person == NULL)
    return;
  g_ptr_array_remove (self->current->people, person);
  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_PEOPLE, TRUE, NULL);
}

void
captioner_draft_clear_people (CaptionerDraft *self)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  if (self->current->people->len == 0)
    return;
  g_ptr_array_set_size (self->current->people, 0);
  captioner_draft_commit (self, CAPTIONER_DRAFT_CHANGED_PEOPLE, TRUE, NULL);
}

void
captioner_draft_set_caption (CaptionerDraft *self,
                             const char     *caption)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  if (caption != NULL && *caption == '\0')
    caption = NULL;
  if (g_strcmp0 (self->current->fields[CAPTIONER_FIELD_CAPTION], caption) == 0)
    return;
  captioner_draft_set_own_caption (self, caption);
  if (self->group_depth > 0)
    {
      self->pending |= CAPTIONER_DRAFT_CHANGED_CAPTION;
      return;
    }
  captioner_history_push (self->history, self->current, NULL);
  captioner_draft_notify_state (self, CAPTIONER_DRAFT_CHANGED_CAPTION);
}

void
captioner_draft_begin_group (CaptionerDraft *self,
                             const char     *group)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));

  if (self->group_depth++ == 0)
    {
      g_free (self->group);
      self->group = g_strdup (group);
      self->pending = 0;
    }
}

void
captioner_draft_end_group (CaptionerDraft *self)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  captioner_history_push (self->history, self->current, self->group);
  captioner_draft_notify_state (self, self->pending);
  self->pending = 0;
}

void
captioner_draft_break_group (CaptionerDraft *self)
{
  g_return_if_fail (CAPTIONER_IS_DRAFT (self));
  captioner_history_break_group (self->history);
}

