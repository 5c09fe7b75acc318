#define G_LOG_DOMAIN "captioner-face-detect"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "captioner-face-detect.h"
#include "captioner-image.h"

/* Detections run one at a time in a thread of their own, a little below the window's thread:
 * with the shown photo's decode on the other core, the window still gets a core for its
 * frames first. Above the thumbnails and headers (nice 15 and 10): the editor is waiting. */
#define DETECT_NICENESS 5

/* The dlib side is captioner-face-dlib.cc (captioner_face_detect_pixbuf and the error
 * domain); this is the GIO side: decoding at the detection size, orientation, threads. */

typedef struct
{
  GFile *file;
  int    orientation;
} DetectData;

static void
detect_data_free (gpointer data)
{
  DetectData *detect = data;

  g_object_unref (detect->file);
  g_free (detect);
}

GArray *
captioner_face_detect (GFile         *file,
                       int            orientation,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  GArray *faces;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (orientation == 0 || captioner_orientation_is_valid (orientation), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Errors of the decode already name the file. */
  pixbuf = captioner_image_load_oriented (file, orientation, CAPTIONER_FACE_DETECT_SIZE,
                                          CAPTIONER_FACE_DETECT_SIZE, cancellable, error);
  if (pixbuf == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  faces = captioner_face_detect_pixbuf (pixbuf, &local_error);
  if (faces == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_array_unref (faces);
      return NULL;
    }
  return faces;
}

/* The pool's one thread (exclusive: never shared with GLib's other pools, so its lowered
 * priority stays with detection). */
static void
detect_job (gpointer job,
            gpointer pool_data)
{
  g_autoptr(GTask) task = job;
  DetectData *data = g_task_get_task_data (task);
  static gboolean lowered;
  GError *error = NULL;
  GArray *faces;

  if (!lowered)
    {
      lowered = TRUE;
#ifdef __linux__
      if (setpriority (PRIO_PROCESS, gettid (), DETECT_NICENESS) != 0)
        g_debug ("Could not lower the detection thread's priority: %s", g_strerror (errno));
#endif
    }
  faces = captioner_face_detect (data->file, data->orientation, g_task_get_cancellable (task),
                                 &error);
  if (faces == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, faces, (GDestroyNotify) g_array_unref);
}

static GThreadPool *
detect_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (detect_job, NULL, 1, TRUE, NULL));
  return pool;
}

void
captioner_face_detect_async (GFile               *file,
                             int                  orientation,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DetectData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (orientation == 0 || captioner_orientation_is_valid (orientation));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (DetectData, 1);
  data->file = g_object_ref (file);
  data->orientation = orientation;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_face_detect_async);
  g_task_set_task_data (task, data, detect_data_free);
  /* Cancelled already: answered here, nothing decoded. Not return-on-cancel: GLib 2.74's
   * g_task_run_in_thread() leaks the error it makes for such a task that starts cancelled,
   * and a detection takes a tenth of a second; its result is dropped as cancelled. A
   * detection queued behind another starts cancelled when it was replaced meanwhile. */
  if (g_task_return_error_if_cancelled (task))
    return;
  g_thread_pool_push (detect_pool (), g_steal_pointer (&task), NULL);
}

GArray *
captioner_face_detect_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, captioner_face_detect_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
