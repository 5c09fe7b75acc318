#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_THUMBNAIL_FEEDER (captioner_thumbnail_feeder_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerThumbnailFeeder, captioner_thumbnail_feeder, CAPTIONER,
                      THUMBNAIL_FEEDER, GObject)

/* Which thumbnails of a grid of CaptionerPhotoItem are made when. The photos on screen come
 * first: a cell bound to a photo without its thumbnail asks for it at once, ahead of the
 * queue, and gives the request up when it scrolls away before the work began. Meanwhile the
 * rest of the folder is fed to the thumbnailer a few at a time in the grid's order, so that
 * queuing 10,000 photos never holds the window's thread, and so that the folder ends up
 * cached for the next time.
 *
 * Signals: progress ()   a thumbnail came back (made or failed) */
CaptionerThumbnailFeeder *captioner_thumbnail_feeder_new     (GListModel               *photos,
                                                              GtkListItemFactory       *factory);
/* A folder's photos are in the grid: thumbnails for the cells already bound, then the rest. */
void                      captioner_thumbnail_feeder_start   (CaptionerThumbnailFeeder *self);
/* Before another folder: what was asked for is dropped. */
void                      captioner_thumbnail_feeder_stop    (CaptionerThumbnailFeeder *self);
/* Thumbnails back since the last start. */
guint                     captioner_thumbnail_feeder_get_n_done (CaptionerThumbnailFeeder *self);

G_END_DECLS
