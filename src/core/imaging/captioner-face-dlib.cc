// The one C++ file of Captioner: dlib's frontal face detector behind a C function
// (captioner_face_detect_pixbuf, declared in captioner-face-detect.h). Nothing else here.
#define G_LOG_DOMAIN "captioner-face-detect"

#include "config.h"

#include <algorithm>
#include <cerrno>
#include <exception>
#include <memory>
#include <new>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_transforms.h>

#include "captioner-face-detect.h"

// A photo whose long side is at most this is enlarged twice over before detection: the
// detector's window is 80 pixels, and in a small photo the faces are smaller than that.
#define UPSAMPLE_BELOW 900

namespace
{

// Unpacking the model compiled into dlib's header takes about 600 ms (it is compressed): once
// per process. The detector keeps scratch buffers while it scans, so each thread scans with its
// own copy of that one (a copy costs well under a millisecond).
const dlib::frontal_face_detector &
model_detector ()
{
  // Never freed: a thread may still be detecting while the process exits.
  static const dlib::frontal_face_detector *model =
    new dlib::frontal_face_detector (dlib::get_frontal_face_detector ());

  return *model;
}

dlib::frontal_face_detector &
thread_detector ()
{
  static thread_local std::unique_ptr<dlib::frontal_face_detector> detector;

  if (!detector)
    detector.reset (new dlib::frontal_face_detector (model_detector ()));
  return *detector;
}

// Luma (BT.601) of an 8-bit RGB or RGBA pixbuf.
void
pixbuf_to_gray (GdkPixbuf                     *pixbuf,
                dlib::array2d<unsigned char>  &gray)
{
  const int width = gdk_pixbuf_get_width (pixbuf);
  const int height = gdk_pixbuf_get_height (pixbuf);
  const int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const int channels = gdk_pixbuf_get_n_channels (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);

  gray.set_size (height, width);
  for (int y = 0; y < height; y++)
    {
      const guint8 *p = pixels + (gsize) y * stride;

      for (int x = 0; x < width; x++, p += channels)
        gray[y][x] = (unsigned char) ((p[0] * 299 + p[1] * 587 + p[2] * 114 + 500) / 1000);
    }
}

// Threads inside dlib now (the model's unpacking, detections): the process waits for them
// before it exits (captioner_face_detect_drain), for dlib run at exit crashes.
GMutex busy_mutex;
GCond busy_cond;
guint busy;

void
busy_enter ()
{
  g_mutex_lock (&busy_mutex);
  busy++;
  g_mutex_unlock (&busy_mutex);
}

void
busy_leave ()
{
  g_mutex_lock (&busy_mutex);
  if (--busy == 0)
    g_cond_broadcast (&busy_cond);
  g_mutex_unlock (&busy_mutex);
}

// Inside dlib for as long as it lives.
struct Busy
{
  Busy () { busy_enter (); }
  ~Busy () { busy_leave (); }
};

} // namespace

extern "C" void
captioner_face_detect_drain (void)
{
  g_mutex_lock (&busy_mutex);
  while (busy > 0)
    g_cond_wait (&busy_cond, &busy_mutex);
  g_mutex_unlock (&busy_mutex);
}

G_DEFINE_QUARK (captioner-face-detect-error-quark, captioner_face_detect_error)

static gpointer
preload_thread (gpointer data)
{
#ifdef __linux__
  // Ahead of need, behind the window: at the workers' nice value (see HACKING.md).
  if (setpriority (PRIO_PROCESS, gettid (), 10) != 0)
    g_debug ("Could not lower the face model thread's priority: %s", g_strerror (errno));
#endif
  try
    {
      model_detector ();
    }
  catch (...)
    {
      // The first detection tries again and reports the error.
    }
  busy_leave ();   // entered by captioner_face_detect_preload
  return NULL;
}

extern "C" void
captioner_face_detect_preload (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      /* Counted before the thread runs, so that a drain right after waits for it. */
      busy_enter ();
      g_thread_unref (g_thread_new ("captioner-face-model", preload_thread, NULL));
      g_once_init_leave (&started, 1);
    }
}

extern "C" GArray *
captioner_face_detect_pixbuf (GdkPixbuf  *pixbuf,
                              GError    **error)
{
  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (pixbuf) == 8, NULL);
  g_return_val_if_fail (gdk_pixbuf_get_n_channels (pixbuf) >= 3, NULL);

  const int width = gdk_pixbuf_get_width (pixbuf);
  const int height = gdk_pixbuf_get_height (pixbuf);
  GArray *faces = g_array_new (FALSE, TRUE, sizeof (CaptionerFace));
  Busy busy_here;

  try
    {
      dlib::array2d<unsigned char> gray;
      std::vector<dlib::rect_detection> found;
      double scale = 1.0;

      pixbuf_to_gray (pixbuf, gray);
      if (std::max (width, height) <= UPSAMPLE_BELOW)
        {
          dlib::pyramid_up (gray);
          scale = 2.0;
        }
      thread_detector () (gray, found, 0.0);

      for (const dlib::rect_detection &detection : found)
        {
          const dlib::rectangle &r = detection.rect;

          // A face at the edge has its box partly outside the photo: keep the part inside.
          const double left = std::max (0.0, r.left () / scale / width);
          const double top = std::max (0.0, r.top () / scale / height);
          const double right = std::min (1.0, (r.right () + 1) / scale / width);
          const double bottom = std::min (1.0, (r.bottom () + 1) / scale / height);
          CaptionerFace face;

          face.rect.x = left;
          face.rect.y = top;
          face.rect.w = right - left;
          face.rect.h = bottom - top;
          face.score = detection.detection_confidence;
          if (face.rect.w > 0 && face.rect.h > 0)
            g_array_append_val (faces, face);
        }
    }
  catch (const std::bad_alloc &)
    {
      g_array_unref (faces);
      g_set_error (error, CAPTIONER_FACE_DETECT_ERROR, CAPTIONER_FACE_DETECT_ERROR_FAILED,
                   "%s", g_strerror (ENOMEM));
      return NULL;
    }
  catch (const std::exception &e)
    {
      g_array_unref (faces);
      g_set_error (error, CAPTIONER_FACE_DETECT_ERROR, CAPTIONER_FACE_DETECT_ERROR_FAILED,
                   "%s", e.what ());
      return NULL;
    }

  CaptionerFace *begin = reinterpret_cast<CaptionerFace *> (faces->data);
  std::sort (begin, begin + faces->len,
             [] (const CaptionerFace &a, const CaptionerFace &b)
             {
               return a.rect.x != b.rect.x ? a.rect.x < b.rect.x : a.rect.y < b.rect.y;
             });
  return faces;
}
