#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The photos in a folder (not recursive), sorted by name as a person reads them. Sidecars and
 * other files are left out. Returns a GPtrArray of GFile. */
GPtrArray *captioner_folder_list_photos (GFile         *folder,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The photos that files and folders named together (on a command line, in a drop) stand for,
 * in the desk's order, each once: a folder's photos in its order; photos named beside their
 * folder in the folder's place, not ahead of it (`captioner DIR DIR/a.jpg` lists a.jpg once,
 * where DIR has it); other files in the order given. Files that are not photos by name are
 * kept, so that the caller reports them. The window and the CLI list photos only this way. */
typedef struct
{
  GPtrArray *photos;   /* GFile */
  GFile     *folder;   /* the first folder named, or NULL */
  GFile     *select;   /* a photo named beside that folder, to show first, or NULL */
  gboolean   remote;   /* the photos are on a network share */
} CaptionerFolderListing;

CaptionerFolderListing *captioner_folder_listing_new  (GFile                 **files,
                                                       guint                   n_files,
                                                       GCancellable           *cancellable,
                                                       GError                **error);
void                    captioner_folder_listing_free (CaptionerFolderListing *listing);
/* The listing's photos alone. */
GPtrArray              *captioner_folder_expand       (GFile                 **files,
                                                       guint                   n_files,
                                                       GCancellable           *cancellable,
                                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerFolderListing, captioner_folder_listing_free)

G_END_DECLS
