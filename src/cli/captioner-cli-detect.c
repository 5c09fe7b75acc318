#define G_LOG_DOMAIN "captioner-cli-detect"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "captioner-cli-commands.h"
#include "captioner-cli-detect.h"
#include "captioner-face-detect.h"
#include "captioner-image.h"
#include "captioner-json.h"
#include "captioner-photo.h"

/* One face as a line: "PATH: N X,Y,W,H (PX,PY PWxPH px)", the box in the photo as displayed,
 * normalised (what `set --person "NAME@X,Y,W,H"` takes) and in the displayed photo's pixels. */
static void
print_face (const char          *path,
            guint                number,
            const CaptionerFace *face,
            int                  width,
            int                  height)
{
  printf ("%s: %u %.4f,%.4f,%.4f,%.4f (%ld,%ld %ldx%ld px)\n", path, number,
          face->rect.x, face->rect.y, face->rect.w, face->rect.h,
          lround (face->rect.x * width), lround (face->rect.y * height),
          lround (face->rect.w * width), lround (face->rect.h * height));
}

static void
append_face_json (GString             *out,
                  guint                number,
                  const CaptionerFace *face,
                  int                  width,
                  int                  height)
{
  g_string_append_printf (out,
                          "{\"number\": %u, \"x\": %.6f, \"y\": %.6f, \"w\": %.6f, \"h\": %.6f, "
                          "\"score\": %.3f, \"pixels\": {\"x\": %ld, \"y\": %ld, \"w\": %ld, "
                          "\"h\": %ld}}",
                          number, face->rect.x, face->rect.y, face->rect.w, face->rect.h,
                          face->score, lround (face->rect.x * width),
                          lround (face->rect.y * height), lround (face->rect.w * width),
                          lround (face->rect.h * height));
}

static void
append_photo_json (GString    *out,
                   const char *path,
                   int         width,
                   int         height,
                   int         orientation,
                   GArray     *faces)
{
  g_string_append (out, "  {\"file\": ");
  captioner_json_append_string (out, path);
  g_string_append_printf (out, ", \"width\": %d, \"height\": %d, \"orientation\": %d, "
                          "\"faces\": [", width, height, orientation);
  for (guint f = 0; f < faces->len; f++)
    {
      if (f > 0)
        g_string_append (out, ", ");
      append_face_json (out, f + 1, &g_array_index (faces, CaptionerFace, f), width, height);
    }
  g_string_append (out, "]}");
}

/* captioner_face_detect() at another size than the default (benchmarks/detect tries them),
 * or the decode alone (decode_only: an empty array). */
static GArray *
detect (GFile    *file,
        int       orientation,
        int       size,
        gboolean  decode_only,
        GError  **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  GArray *faces;

  if (size == CAPTIONER_FACE_DETECT_SIZE && !decode_only)
    return captioner_face_detect (file, orientation, NULL, error);
  pixbuf = captioner_image_load_oriented (file, orientation, size, size, NULL, error);
  if (pixbuf == NULL)
    return NULL;
  if (decode_only)
    return g_array_new (FALSE, TRUE, sizeof (CaptionerFace));
  faces = captioner_face_detect_pixbuf (pixbuf, &local_error);
  if (faces == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
    }
  return faces;
}

/* `captioner-cli detect [--json] FILE|FOLDER...`. The hidden --decode-only decodes each photo
 * at the detection size and finds nothing: what benchmarks/detect compares detection with. */
int
captioner_cli_detect (int    argc,
                      char **argv)
{
  g_auto(GStrv) rest = NULL;
  gboolean json = FALSE;
  gboolean decode_only = FALSE;
  int size = CAPTIONER_FACE_DETECT_SIZE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON array"), NULL },
    { "decode-only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &decode_only, NULL, NULL },
    { "size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &size, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("FILE|FOLDER…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerDesk) desk = NULL;
  g_autoptr(GString) out = g_string_new ("[\n");
  guint n_printed = 0;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rest == NULL)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli detect: %s\n",
               error ? error->message : _("no file given"));
      return 2;
    }

  if (!decode_only)
    captioner_face_detect_preload ();
  desk = captioner_cli_open_desk (rest, &status);
  for (guint i = 0; desk != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerPhoto *photo = captioner_desk_item_get_photo (captioner_desk_get_item (desk, i));
      g_autoptr(GArray) faces = NULL;
      g_autofree char *path = NULL;
      int orientation;

      if (photo == NULL)
        continue;
      path = g_file_get_parse_name (captioner_photo_get_file (photo));
      /* The orientation as the rest of Captioner decides it: sidecar, XMP, then EXIF. */
      orientation = captioner_photo_get_orientation (photo);
      faces = detect (captioner_photo_get_file (photo), orientation, size, decode_only, &error);
      if (faces == NULL)
        {
          captioner_cli_report (error);
          g_clear_error (&error);
          status = 1;
          continue;
        }
      if (json)
        {
          if (n_printed++ > 0)
            g_string_append (out, ",\n");
          append_photo_json (out, path, captioner_photo_get_width (photo),
                             captioner_photo_get_height (photo), orientation, faces);
        }
      else
        for (guint f = 0; f < faces->len; f++)
          print_face (path, f + 1, &g_array_index (faces, CaptionerFace, f),
                      captioner_photo_get_width (photo), captioner_photo_get_height (photo));
    }
  if (json)
    {
      g_string_append (out, n_printed > 0 ? "\n]\n" : "]\n");
      fputs (out->str, stdout);
    }
  return status;
}
