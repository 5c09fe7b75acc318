#pragma once

#include <gio/gio.h>

#include "captioner-people-directory.h"
#include "captioner-replacements.h"

G_BEGIN_DECLS

/* What a desk shares. A desk folder (a shared folder its editors read; read-only here) and the
 * user's data folder have the same layout:
 *   people.txt                       the people directory (captioner-people-file.h)
 *   replacements/ *.txt              code replacements, Photo Mechanic's format, in name order
 *   templates/ *.captioner-template  templates (captioner-template.h)
 * The user's own files win over a desk's; of two desks, the one given later wins. */

/* The desk folders a preference lists (paths or URIs, as typed; empty ones skipped), as
 * GFile. */
GPtrArray                *captioner_desk_folders_from_strv  (const char * const *folders);
GFile                    *captioner_desk_people_file        (GFile          *desk);
/* What the desks' shared files are now (people.txt, replacements/ and templates/: each one's
 * name, etag and size), as one text: a desk file was added, removed or changed when a later
 * one differs. GVfs sftp and smb have no file monitor (their etag is the mtime in whole
 * seconds); this is what is polled instead. Blocking. */
char                     *captioner_desk_files_state        (GFile * const  *desks,
                                                             guint           n_desks,
                                                             GCancellable   *cancellable);
/* The user's templates/ first, then the desks', the one given last first (the order
 * captioner_template_list wants: an earlier folder wins). */
GPtrArray                *captioner_desk_template_folders   (GFile * const  *desks,
                                                             guint           n_desks);
/* Each desk's replacement files, then the user's, so the user's are loaded last and win.
 * Missing folders have none. Blocking. */
GPtrArray                *captioner_desk_replacement_files  (GFile * const  *desks,
                                                             guint           n_desks,
                                                             GCancellable   *cancellable,
                                                             GError        **error);
/* The user's directory with the desks' people.txt, loaded. Blocking (the CLI, a worker). */
CaptionerPeopleDirectory *captioner_desk_open_people        (GFile * const  *desks,
                                                             guint           n_desks,
                                                             GCancellable   *cancellable,
                                                             GError        **error);
/* The code replacements of the user and the desks, with @directory's codes behind them
 * (may be NULL) and @delimiter (NULL: "="). Blocking. */
CaptionerReplacements    *captioner_desk_load_codes         (GFile * const  *desks,
                                                             guint           n_desks,
                                                             CaptionerPeopleDirectory *directory,
                                                             const char     *delimiter,
                                                             GCancellable   *cancellable,
                                                             GError        **error);
/* For every text option of `captioner-cli set` ("--person =lav=@X,Y,W,H"): @text with its
 * codes expanded; @unknown (optional) gets the codes nobody knows, as typed ("=xyz="), which
 * stay in the text. */
char                     *captioner_desk_expand_codes       (CaptionerReplacements *codes,
                                                             const char     *text,
                                                             GStrv          *unknown);

G_END_DECLS
