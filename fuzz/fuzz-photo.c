/* The photo reader: captioner_photo_load on a file holding the input (the JPEG marker walk,
 * EXIF with libexif, IIM, embedded XMP through the checks and exempi), then the caption
 * composed from what was read. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "captioner-caption.h"
#include "captioner-photo.h"

static char *dir;
static char *path;

static void
remove_file (void)
{
  g_unlink (path);
  g_rmdir (dir);
}

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;

  if (path == NULL)
    {
      dir = g_dir_make_tmp ("captioner-fuzz-photo-XXXXXX", NULL);
      g_assert (dir != NULL);
      path = g_build_filename (dir, "fuzz.jpg", NULL);
      atexit (remove_file);
    }
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    return 0;
  file = g_file_new_for_path (path);
  photo = captioner_photo_load (file, NULL, NULL);
  if (photo != NULL)
    {
      g_autofree char *caption =
        captioner_caption_compose_metadata (captioner_photo_get_metadata (photo),
                                            captioner_photo_get_orientation (photo));

      g_assert (caption != NULL && g_utf8_validate (caption, -1, NULL));
    }
  return 0;
}
