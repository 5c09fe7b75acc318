#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include "captioner-photo-view-private.h"

/* The view as an editor of a draft: it shows the draft's people and turns what the editor does
 * to a box (drawn, moved, resized, named, removed) into the draft's edit. Indices in the
 * signals are into the people last shown, which are the draft's, in its order. */

static guint
person_id (CaptionerPhotoView *self,
           guint               index)
{
  GPtrArray *people = captioner_draft_get_metadata (self->draft)->people;

  return index < people->len ? ((CaptionerPerson *) g_ptr_array_index (people, index))->id : 0;
}

static void
show_people (CaptionerPhotoView *self)
{
  if (self->draft == NULL)
    captioner_photo_view_set_people (self, NULL, 1);
  else
    captioner_photo_view_set_people (self, captioner_draft_get_metadata (self->draft)->people,
                                     captioner_draft_get_orientation (self->draft));
}

static void
on_draft_changed_cb (CaptionerDraft     *draft,
                     guint               what,
                     CaptionerPhotoView *self)
{
  if (what & CAPTIONER_DRAFT_CHANGED_PEOPLE)
    show_people (self);
}

static void
on_person_added_cb (CaptionerPhotoView *self,
                    const char         *name,
                    double              x,
                    double              y,
                    double              w,
                    double              h)
{
  CaptionerRect displayed = { x, y, w, h };

  if (self->draft != NULL)
    captioner_draft_add_person (self->draft, name, &displayed);
}

static void
on_person_changed_cb (CaptionerPhotoView *self,
                      guint               index,
                      double              x,
                      double              y,
                      double              w,
                      double              h)
{
  CaptionerRect displayed = { x, y, w, h };

  if (self->draft != NULL && person_id (self, index) != 0)
    captioner_draft_move_person (self->draft, person_id (self, index), &displayed);
}

static void
on_person_removed_cb (CaptionerPhotoView *self,
                      guint               index)
{
  if (self->draft != NULL && person_id (self, index) != 0)
    captioner_draft_remove_person (self->draft, person_id (self, index));
}

static void
on_person_renamed_cb (CaptionerPhotoView *self,
                      guint               index,
                      const char         *name)
{
  if (self->draft != NULL && person_id (self, index) != 0)
    captioner_draft_rename_person (self->draft, person_id (self, index), name);
}

void
captioner_photo_view_draft_init (CaptionerPhotoView *self)
{
  self->draft_signals = g_signal_group_new (CAPTIONER_TYPE_DRAFT);
  g_signal_group_connect_object (self->draft_signals, "changed",
                                 G_CALLBACK (on_draft_changed_cb), self, 0);
  /* After the signal's other handlers: they see the view as the editor left it. */
  g_signal_connect_after (self, "person-added", G_CALLBACK (on_person_added_cb), NULL);
  g_signal_connect_after (self, "person-changed", G_CALLBACK (on_person_changed_cb), NULL);
  g_signal_connect_after (self, "person-removed", G_CALLBACK (on_person_removed_cb), NULL);
  g_signal_connect_after (self, "person-renamed", G_CALLBACK (on_person_renamed_cb), NULL);
}

void
captioner_photo_view_draft_dispose (CaptionerPhotoView *self)
{
  if (self->draft_signals != NULL)
    g_signal_group_set_target (self->draft_signals, NULL);
  g_clear_object (&self->draft_signals);
  g_clear_object (&self->draft);
}

void
captioner_photo_view_set_draft (CaptionerPhotoView *self,
                                CaptionerDraft     *draft)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));
  g_return_if_fail (draft == NULL || CAPTIONER_IS_DRAFT (draft));

  if (!g_set_object (&self->draft, draft))
    return;
  g_signal_group_set_target (self->draft_signals, draft);
  if (draft == NULL)
    captioner_photo_view_suggest_faces (self, NULL, 1);
  show_people (self);
}
