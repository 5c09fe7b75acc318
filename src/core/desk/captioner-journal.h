#pragma once

#include <gio/gio.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* Unsaved edits kept where a crash does not lose them: one file per folder in the user's state
 * folder (STATE_DIR/captioner/journal/), written within a second of an edit and removed once
 * everything is saved. The next start offers to restore them photo by photo. */

typedef struct
{
  GFile             *file;    /* the photo */
  CaptionerMetadata *base;    /* what the editor started from */
  CaptionerMetadata *mine;    /* what the editor had typed */
} CaptionerJournalPhoto;

typedef struct
{
  GFile     *folder;
  GFile     *journal;  /* the journal file itself */
  GPtrArray *photos;   /* CaptionerJournalPhoto */
} CaptionerJournalEntry;

void                   captioner_journal_photo_free (CaptionerJournalPhoto *photo);
void                   captioner_journal_entry_free (CaptionerJournalEntry *entry);

/* The journal file of a folder. */
GFile                 *captioner_journal_file_for   (GFile                 *folder);
/* Text for the journal file: photos, CaptionerJournalPhoto. */
char                  *captioner_journal_serialize  (GFile                 *folder,
                                                     GPtrArray             *photos);
/* Reads a journal file; NULL with error when it is not one. */
CaptionerJournalEntry *captioner_journal_read       (GFile                 *journal,
                                                     GError               **error);
/* Every journal left behind (CaptionerJournalEntry), newest first; blocking. */
GPtrArray             *captioner_journal_list       (GCancellable          *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerJournalEntry, captioner_journal_entry_free)

G_END_DECLS
