#pragma once

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* What changed between two versions of a photo's metadata, field by field and person by
 * person (people are matched by id, see captioner_people_assign_ids). A save writes only
 * these; a conflict compares what the editor changed with what changed on disk. */
typedef enum
{
  CAPTIONER_PERSON_CHANGE_NONE    = 0,
  CAPTIONER_PERSON_CHANGE_ADDED   = 1 << 0,
  CAPTIONER_PERSON_CHANGE_REMOVED = 1 << 1,
  CAPTIONER_PERSON_CHANGE_RENAMED = 1 << 2,
  CAPTIONER_PERSON_CHANGE_MOVED   = 1 << 3,  /* the box moved, was resized, added or removed */
  CAPTIONER_PERSON_CHANGE_ROW     = 1 << 4,  /* the editor put them in another row */
} CaptionerPersonChange;

typedef struct
{
  guint                 id;
  CaptionerPersonChange change;
} CaptionerPersonDelta;

typedef struct
{
  guint32  fields;    /* 1 << CaptionerField for each text field that differs */
  gboolean keywords;
  GArray  *people;    /* CaptionerPersonDelta, one per person that changed, never NULL */
  /* The caption languages that changed (captioner-metadata-language.h): language →
   * GUINT_TO_POINTER (1 << CaptionerLanguageField for each part that differs); never NULL. */
  GHashTable *languages;
} CaptionerChanges;

CaptionerChanges     *captioner_changes_between     (const CaptionerMetadata *before,
                                                     const CaptionerMetadata *after);
void                  captioner_changes_free        (CaptionerChanges        *changes);
gboolean              captioner_changes_is_empty    (const CaptionerChanges  *changes);
gboolean              captioner_changes_has_field   (const CaptionerChanges  *changes,
                                                     CaptionerField           field);
/* How the person with id changed (NONE when they did not). */
CaptionerPersonChange captioner_changes_get_person  (const CaptionerChanges  *changes,
                                                     guint                    id);
gboolean              captioner_changes_has_people  (const CaptionerChanges  *changes);
/* The languages that changed, sorted (never NULL), and which of their parts. */
GStrv                 captioner_changes_dup_languages (const CaptionerChanges *changes);
guint                 captioner_changes_get_language  (const CaptionerChanges *changes,
                                                       const char             *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerChanges, captioner_changes_free)

G_END_DECLS
