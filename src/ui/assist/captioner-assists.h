#pragma once

#include <gio/gio.h>

#include "captioner-code-expander.h"
#include "captioner-metadata.h"
#include "captioner-people-directory.h"
#include "captioner-spell-checker.h"
#include "captioner-template.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_ASSISTS (captioner_assists_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerAssists, captioner_assists, CAPTIONER, ASSISTS, GObject)

/* What the window offers the editor beside the photo: the people directory (name completion),
 * the code replacements (a CaptionerCodeExpander for every text field), the templates, and the
 * fields and people copied from a photo. The user's files are read in a thread by load; until
 * it finishes (and when a file cannot be read: told by load's error) the directory is empty and
 * codes stay as typed. "loaded" (const char *problem, NULL when none) is emitted when they are
 * there, or what could be. */
CaptionerAssists         *captioner_assists_new             (void);
void                      captioner_assists_load_async      (CaptionerAssists   *self,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);
gboolean                  captioner_assists_load_finish     (CaptionerAssists   *self,
                                                             GAsyncResult       *result,
                                                             GError            **error);
/* Where the next load reads from besides the user's own files: desk folders (shared,
 * read-only; a later one wins) and the codes' delimiter (NULL or "" for "="). Once loaded,
 * the desk folders' files are looked at every few seconds, and read again (a load, "loaded"
 * after it) when one was added, removed or changed. */
void                      captioner_assists_set_sources     (CaptionerAssists   *self,
                                                             GFile * const      *desks,
                                                             guint               n_desks,
                                                             const char         *delimiter);
/* NULL until loaded. */
CaptionerPeopleDirectory *captioner_assists_get_directory   (CaptionerAssists   *self);
CaptionerCodeExpander    *captioner_assists_get_expander    (CaptionerAssists   *self);
/* Spell check of the caption's words, checking nothing until loaded. */
CaptionerSpellChecker    *captioner_assists_get_spell_checker (CaptionerAssists *self);
/* CaptionerTemplate*, sorted by name; empty until loaded. */
GPtrArray                *captioner_assists_get_templates   (CaptionerAssists   *self);
CaptionerTemplate        *captioner_assists_find_template   (CaptionerAssists   *self,
                                                             const char         *name);
/* Copy and paste between photos: the metadata of the photo copied from, shown with
 * @orientation. */
void                      captioner_assists_copy            (CaptionerAssists        *self,
                                                             const CaptionerMetadata *metadata,
                                                             int                      orientation);
const CaptionerMetadata  *captioner_assists_get_copied      (CaptionerAssists        *self,
                                                             int                     *orientation);

G_END_DECLS
