#define G_LOG_DOMAIN "captioner-stage-costs"

/* Where does `captioner-cli info` spend its time? Runs each stage of captioner_photo_load on its
 * own over a whole folder (warm cache: one untimed pass first) and prints milliseconds for the
 * folder and microseconds a file, next to the prototype replacements measured the same way.
 *
 * Usage: stage-costs FOLDER */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "captioner-exif.h"
#include "captioner-fastread.h"
#include "captioner-folder.h"
#include "captioner-jpeg.h"
#include "captioner-json.h"
#include "captioner-metadata.h"
#include "captioner-photo.h"
#include "captioner-sidecar.h"
#include "captioner-xmp.h"

#define CORE_HEAD  (128 * 1024)
#define SMALL_HEAD (16 * 1024)

typedef struct
{
  char    *path;
  GFile   *file;
  GBytes  *head;   /* what the core reads: 128 KiB */
} Item;

static GPtrArray *items;
static guint n_iim, n_xmp;
static gint64 part2_us;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->path);
  g_object_unref (item->file);
  g_bytes_unref (item->head);
  g_free (item);
}

static void
report (const char *label,
        double      seconds,
        guint       files)
{
  printf ("  %-58s %9.1f ms  %8.1f µs/file (%u files)\n", label, seconds * 1000,
          files ? seconds * 1e6 / files : 0.0, files);
}

/* The core's read_head: open, read 128 KiB, read the last 4 KiB for the EOI check, close. */
static void
stage_read_core (gboolean keep)
{
  guint8 *buffer = g_malloc (CORE_HEAD);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autoptr(GFileInputStream) stream = g_file_read (item->file, NULL, NULL);
      gsize got = 0;
      guint8 tail[4096];
      gsize tail_got = 0;

      g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, CORE_HEAD, &got, NULL, NULL);
      g_seekable_seek (G_SEEKABLE (stream), -4096, G_SEEK_END, NULL, NULL);
      g_input_stream_read_all (G_INPUT_STREAM (stream), tail, sizeof tail, &tail_got, NULL, NULL);
      if (keep)
        {
          g_clear_pointer (&item->head, g_bytes_unref);
          item->head = g_bytes_new (buffer, got);
        }
    }
  g_free (buffer);
}

/* Prototype: POSIX open, pread 16 KiB (growing x4 only when the frame header is further), pread
 * the last 2 bytes for the EOI check; no GObject stream per file. */
static void
stage_read_small (void)
{
  guint8 *buffer = g_malloc (CORE_HEAD * 4);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      int fd = open (item->path, O_RDONLY | O_CLOEXEC);
      gsize want = SMALL_HEAD;
      ssize_t got;
      off_t end;
      guint8 eoi[2];

      if (fd < 0)
        continue;
      for (;;)
        {
          CaptionerJpegInfo info;
          gboolean needs_more = FALSE;

          got = pread (fd, buffer, want, 0);
          if (got < (ssize_t) want ||
              captioner_jpeg_scan (buffer, got, &info, &needs_more, NULL) || !needs_more ||
              want >= CORE_HEAD * 4)
            break;
          want *= 4;
        }
      end = lseek (fd, 0, SEEK_END);
      if (end >= 2 && pread (fd, eoi, 2, end - 2) != 2)
        g_warning ("%s: cannot read its last bytes", item->path);
      close (fd);
    }
  g_free (buffer);
}

static void
stage_scan (void)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      gsize length;
      const guint8 *data = g_bytes_get_data (item->head, &length);
      CaptionerJpegInfo info;

      captioner_jpeg_scan (data, length, &info, NULL, NULL);
    }
}

static void
stage_exif (void)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      gsize length;
      const guint8 *data = g_bytes_get_data (item->head, &length);
      CaptionerJpegInfo info;

      if (captioner_jpeg_scan (data, length, &info, NULL, NULL))
        captioner_exif_free (captioner_exif_new_from_data (info.exif, info.exif_length));
    }
}

static void
stage_xmp_packet (gboolean count)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      gsize length;
      const guint8 *data = g_bytes_get_data (item->head, &length);
      CaptionerJpegInfo info;
      g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
      g_autoptr(CaptionerXmp) xmp = NULL;

      if (!captioner_jpeg_scan (data, length, &info, NULL, NULL) || info.xmp == NULL)
        continue;
      n_xmp += count;
      xmp = captioner_xmp_parse ((const char *) info.xmp, info.xmp_length, NULL);
      if (xmp != NULL)
        captioner_xmp_read_metadata (xmp, info.width, info.height, md);
    }
}

/* What captioner_photo_load sets from EXIF before the embedded XMP overrides it. */
/* The packet parse split in its parts: 0 GMarkup well-formedness check, 1 exempi xmp_parse,
 * 2 read_metadata on an already parsed packet. */
static void
stage_xmp_part (int part)
{
  static const GMarkupParser no_callbacks = { NULL, NULL, NULL, NULL, NULL };

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      gsize length;
      const guint8 *data = g_bytes_get_data (item->head, &length);
      CaptionerJpegInfo info;

      if (!captioner_jpeg_scan (data, length, &info, NULL, NULL) || info.xmp == NULL)
        continue;
      if (part == 0)
        {
          g_autoptr(GMarkupParseContext) context =
            g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
          g_markup_parse_context_parse (context, (const char *) info.xmp, info.xmp_length, NULL);
        }
      else
        {
          XmpPtr xmp = xmp_new_empty ();

          xmp_parse (xmp, (const char *) info.xmp, info.xmp_length);
          if (part == 2)
            {
              g_autoptr(CaptionerMetadata) md = captioner_metadata_new ();
              gint64 t0 = g_get_monotonic_time ();

              captioner_xmp_read_metadata (xmp, info.width, info.height, md);
              part2_us += g_get_monotonic_time () - t0;
            }
          xmp_free (xmp);
        }
    }
}

static CaptionerMetadata *
new_with_exif_fallbacks (const CaptionerJpegInfo *info)
{
  CaptionerMetadata *md = captioner_metadata_new ();
  g_autoptr(CaptionerExif) exif = captioner_exif_new_from_data (info->exif, info->exif_length);

  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, exif->image_description);
  captioner_metadata_set (md, CAPTIONER_FIELD_BYLINE, exif->artist);
  captioner_metadata_set (md, CAPTIONER_FIELD_COPYRIGHT, exif->copyright);
  captioner_metadata_set (md, CAPTIONER_FIELD_DATE_CREATED, exif->datetime_original);
  return md;
}

static CaptionerMetadata *
read_smart (Item *item)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (item->head, &length);
  CaptionerJpegInfo info;
  CaptionerMetadata *md;
  g_autoptr(CaptionerXmp) xmp = NULL;

  if (!captioner_jpeg_scan (data, length, &info, NULL, NULL))
    return captioner_metadata_new ();
  md = new_with_exif_fallbacks (&info);
  xmp = captioner_xmp_read_embedded (item->path, NULL);
  if (xmp != NULL)
    captioner_xmp_read_metadata (xmp, info.width, info.height, md);
  return md;
}

static CaptionerMetadata *
read_fast (Item *item)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (item->head, &length);
  CaptionerJpegInfo info;
  CaptionerMetadata *md;

  if (!captioner_jpeg_scan (data, length, &info, NULL, NULL))
    return captioner_metadata_new ();
  md = new_with_exif_fallbacks (&info);
  captioner_fastread_iim (info.iptc, info.iptc_length, md);
  if (info.xmp != NULL)
    {
      g_autoptr(CaptionerXmp) xmp = captioner_xmp_parse ((const char *) info.xmp,
                                                         info.xmp_length, NULL);
      if (xmp != NULL)
        captioner_xmp_read_metadata (xmp, info.width, info.height, md);
    }
  return md;
}

static gboolean
has_iim (Item *item)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (item->head, &length);
  CaptionerJpegInfo info;

  return captioner_jpeg_scan (data, length, &info, NULL, NULL) && info.iptc != NULL;
}

static void
stage_smart (void)
{
  for (guint i = 0; i < items->len; i++)
    if (has_iim (g_ptr_array_index (items, i)))
      captioner_metadata_free (read_smart (g_ptr_array_index (items, i)));
}

static void
stage_fast (void)
{
  for (guint i = 0; i < items->len; i++)
    if (has_iim (g_ptr_array_index (items, i)))
      captioner_metadata_free (read_fast (g_ptr_array_index (items, i)));
}

static void
stage_sidecar_probe (void)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autoptr(GFile) target = captioner_sidecar_file_for (item->file);
      g_autoptr(GFile) adobe = captioner_sidecar_adobe_file_for (item->file);
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;

      captioner_sidecar_read (target, &a, NULL, NULL);
      captioner_sidecar_read (adobe, &b, NULL, NULL);
    }
}

/* Prototype: the folder listing already saw every name; keep the *.xmp ones in a set and only
 * open a sidecar that is known to exist. */
static void
stage_sidecar_set (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xmp") || g_str_has_suffix (name, ".XMP"))
      g_hash_table_add (names, g_strdup (name));
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autofree char *base = g_path_get_basename (item->path);
      g_autofree char *target = g_strconcat (base, ".xmp", NULL);

      if (g_hash_table_contains (names, target))
        {
          g_autoptr(GFile) file = captioner_sidecar_file_for (item->file);
          g_autoptr(GBytes) bytes = NULL;

          captioner_sidecar_read (file, &bytes, NULL, NULL);
        }
    }
}

static void
stage_list (GFile *folder)
{
  g_autoptr(GPtrArray) list = captioner_folder_list_photos (folder, NULL, NULL);
}

typedef struct
{
  char  *key;
  GFile *file;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Keyed *) a)->key, ((const Keyed *) b)->key);
}

/* Prototype: the same listing, with each collation key computed once instead of twice per
 * comparison (about 2 x n log2 n = 44,000 keys for 2,000 names). */
static void
stage_list_keyed (GFile *folder)
{
  g_autoptr(GFileEnumerator) enumerator =
    g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                               G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                               G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                               G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GArray) keyed = g_array_new (FALSE, FALSE, sizeof (Keyed));

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      Keyed k;

      if (enumerator == NULL || !g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) ||
          info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          g_file_info_get_is_hidden (info) ||
          !captioner_file_is_photo_name (g_file_info_get_name (info)))
        continue;
      k.key = g_utf8_collate_key_for_filename (g_file_info_get_name (info), -1);
      k.file = g_object_ref (child);
      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    {
      g_free (g_array_index (keyed, Keyed, i).key);
      g_object_unref (g_array_index (keyed, Keyed, i).file);
    }
}

static void
stage_load_and_json (gboolean json)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autoptr(CaptionerPhoto) photo = captioner_photo_load (item->file, NULL, NULL);

      if (photo != NULL && json)
        captioner_json_append_photo (out, photo, "  ");
    }
}

/* Prototype, end to end: everything captioner_photo_load reads for a JPEG, the fast way —
 * listing with keys computed once, pread of the head, libexif, IIM from the APP13 block, the
 * XMP packet, sidecars looked up in the listing. */
static void
stage_all_fast (GFile      *folder,
                const char *folder_path)
{
  guint8 *buffer = g_malloc (CORE_HEAD * 4);

  stage_list_keyed (folder);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      int fd = open (item->path, O_RDONLY | O_CLOEXEC);
      gsize want = SMALL_HEAD;
      ssize_t got = 0;
      off_t end;
      guint8 eoi[2];
      CaptionerJpegInfo info;
      gboolean needs_more = FALSE, ok = FALSE;
      g_autoptr(CaptionerMetadata) md = NULL;

      if (fd < 0)
        continue;
      for (;;)
        {
          got = pread (fd, buffer, want, 0);
          ok = got > 0 && captioner_jpeg_scan (buffer, got, &info, &needs_more, NULL);
          if (ok || !needs_more || got < (ssize_t) want || want >= CORE_HEAD * 4)
            break;
          want *= 4;
        }
      end = lseek (fd, 0, SEEK_END);
      if (end >= 2 && pread (fd, eoi, 2, end - 2) != 2)
        g_warning ("%s: cannot read its last bytes", item->path);
      close (fd);
      if (!ok)
        continue;
      md = new_with_exif_fallbacks (&info);
      captioner_fastread_iim (info.iptc, info.iptc_length, md);
      if (info.xmp != NULL)
        {
          g_autoptr(CaptionerXmp) xmp = captioner_xmp_parse ((const char *) info.xmp,
                                                             info.xmp_length, NULL);
          if (xmp != NULL)
            captioner_xmp_read_metadata (xmp, info.width, info.height, md);
        }
    }
  stage_sidecar_set (folder_path);
  g_free (buffer);
}

#define TIME(label, files, call)                                   \
  G_STMT_START {                                                   \
    gint64 t0;                                                     \
    call;                                                          \
    t0 = g_get_monotonic_time ();                                  \
    call;                                                          \
    report (label, (g_get_monotonic_time () - t0) / 1e6, files);   \
  } G_STMT_END

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  guint mismatches = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FOLDER\n", argv[0]);
      return 2;
    }
  folder = g_file_new_for_commandline_arg (argv[1]);
  files = captioner_folder_list_photos (folder, NULL, &error);
  if (files == NULL)
    {
      fprintf (stderr, "stage-costs: %s\n", error->message);
      return 1;
    }
  items = g_ptr_array_new_with_free_func (item_free);
  for (guint i = 0; i < files->len; i++)
    {
      Item *item = g_new0 (Item, 1);

      item->file = g_object_ref (g_ptr_array_index (files, i));
      item->path = g_file_get_path (item->file);
      g_ptr_array_add (items, item);
    }
  stage_read_core (TRUE);
  for (guint i = 0; i < items->len; i++)
    n_iim += has_iim (g_ptr_array_index (items, i));
  stage_xmp_packet (TRUE);
  captioner_xmp_init ();

  printf ("stage-costs: %s, %u photos, %u with IPTC IIM, %u with an XMP packet\n",
          argv[1], items->len, n_iim, n_xmp);
  printf ("core as it is (each stage alone over the folder, second of two passes):\n");
  TIME ("captioner_photo_load, all stages", items->len, stage_load_and_json (FALSE));
  TIME ("captioner_photo_load + captioner_json_append_photo", items->len, stage_load_and_json (TRUE));
  TIME ("captioner_folder_list_photos (enumerate, collate sort)", items->len, stage_list (folder));
  TIME ("read head: GFileInputStream 128 KiB + 4 KiB tail", items->len, stage_read_core (FALSE));
  TIME ("captioner_jpeg_scan", items->len, stage_scan ());
  TIME ("captioner_jpeg_scan + captioner_exif_new_from_data", items->len, stage_exif ());
  TIME ("XMP packet: captioner_xmp_parse + read_metadata", n_xmp, stage_xmp_packet (FALSE));
  TIME ("  of which GMarkup well-formedness check", n_xmp, stage_xmp_part (0));
  TIME ("  of which exempi xmp_parse", n_xmp, stage_xmp_part (1));
  part2_us = 0;
  stage_xmp_part (2);
  report ("  of which captioner_xmp_read_metadata", part2_us / 1e6, n_xmp);
  TIME ("IIM files: exempi smart handler + read_metadata", n_iim, stage_smart ());
  TIME ("sidecars: two captioner_sidecar_read (absent)", items->len, stage_sidecar_probe ());
  printf ("prototypes:\n");
  TIME ("all of the above end to end (list, read, EXIF, IIM, XMP, sidecars)", items->len,
        stage_all_fast (folder, argv[1]));
  TIME ("  vs captioner_photo_load, all stages, timed again now", items->len,
        stage_load_and_json (FALSE));
  TIME ("listing with each collation key computed once", items->len, stage_list_keyed (folder));
  TIME ("read head: pread 16 KiB (x4 if needed) + 2-byte tail", items->len, stage_read_small ());
  TIME ("IIM files: captioner_fastread_iim + XMP packet", n_iim, stage_fast ());
  TIME ("sidecars: one listing, open only those that exist", items->len,
        stage_sidecar_set (argv[1]));

  /* The prototype must read what exempi reads. */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autoptr(CaptionerMetadata) smart = NULL;
      g_autoptr(CaptionerMetadata) fast = NULL;

      if (!has_iim (item))
        continue;
      smart = read_smart (item);
      fast = read_fast (item);
      if (!captioner_metadata_equal (smart, fast))
        {
          if (mismatches++ < 3)
            for (guint f = 0; f < CAPTIONER_N_FIELDS; f++)
              if (g_strcmp0 (smart->fields[f], fast->fields[f]) != 0)
                printf ("  differs: %s %s: exempi \"%s\", fastread \"%s\"\n", item->path,
                        captioner_field_get_name (f), smart->fields[f], fast->fields[f]);
        }
    }
  printf ("fastread vs exempi on the %u IIM files: %u differ\n", n_iim, mismatches);
  g_ptr_array_unref (items);
  return 0;
}
