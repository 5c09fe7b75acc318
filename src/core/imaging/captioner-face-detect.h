#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "captioner-orientation.h"

G_BEGIN_DECLS

/* Faces found in a photo, offline: dlib's frontal face detector (HOG features and a linear
 * classifier, its model compiled into dlib's header; nothing is downloaded). The photo is
 * decoded for detection with its long side at most CAPTIONER_FACE_DETECT_SIZE pixels, turned
 * as displayed; a smaller photo is enlarged twice over inside the detector, so faces of about
 * 40 pixels are found in it. Everything here is blocking or runs in a thread, and may be called
 * from any number of threads at once (each thread has its own detector). */

#define CAPTIONER_FACE_DETECT_ERROR (captioner_face_detect_error_quark ())

typedef enum
{
  /* The detector failed on the pixels (out of memory, an image it cannot take). */
  CAPTIONER_FACE_DETECT_ERROR_FAILED,
} CaptionerFaceDetectError;

/* The long side, in pixels, of the decode detection looks at. */
#define CAPTIONER_FACE_DETECT_SIZE 1280

typedef struct
{
  /* The face's box in the photo AS DISPLAYED, normalised 0..1 (the coordinates a person's
   * displayed shape uses: captioner_orientation_to_stored() gives the stored box). */
  CaptionerRect rect;
  /* The detector's score: above 0 is a face; the higher, the surer. */
  double        score;
} CaptionerFace;

GQuark  captioner_face_detect_error_quark (void);

/* Unpacks the detector's model (about 600 ms, once per process) in a thread of its own at nice
 * 10, so that the first detection does not wait for it: call it when detection will be wanted.
 * Calling it again, or detecting meanwhile, is fine. */
void    captioner_face_detect_preload     (void);
/* Waits until no thread is inside dlib (the model's unpacking, a detection): for the end of
 * the program, where dlib still running while the process exits crashes it. */
void    captioner_face_detect_drain       (void);

/* The faces in pixbuf (taken as displayed), as a GArray of CaptionerFace sorted left to right
 * (by the boxes' left edges, then top), normalised to the pixbuf's size. Never NULL on success;
 * an empty array when there is no face. */
GArray *captioner_face_detect_pixbuf      (GdkPixbuf            *pixbuf,
                                           GError              **error);

/* Decodes file at the detection size, turned as orientation says (1..8; 0: the file's own
 * EXIF orientation; give captioner_photo_get_orientation() to follow the XMP and the sidecar
 * as the rest of Captioner does) and finds its faces, as captioner_face_detect_pixbuf().
 * Errors name the file; a cancelled call fails with G_IO_ERROR_CANCELLED. */
GArray *captioner_face_detect             (GFile                *file,
                                           int                   orientation,
                                           GCancellable         *cancellable,
                                           GError              **error);
/* The same in a thread of GTask's pool. */
void    captioner_face_detect_async       (GFile                *file,
                                           int                   orientation,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GArray *captioner_face_detect_finish      (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
