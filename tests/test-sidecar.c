#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "captioner-error.h"
#include "captioner-person.h"
#include "captioner-photo.h"
#include "captioner-sidecar.h"
#include "test-util.h"

typedef struct
{
  char  *dir;
  GFile *photo;
  GFile *sidecar;
  char  *photo_sum;
} Fixture;

static char *
file_checksum (GFile *file)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
read_text (GFile *file)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return g_steal_pointer (&contents);
}

static void
write_text (GFile      *file,
            const char *text)
{
  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("captioner-sidecar-XXXXXX", &error);
  g_assert_no_error (error);
  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  path = g_build_filename (f->dir, "photo.jpg", NULL);
  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL);
  g_assert_no_error (error);
  f->photo = g_file_new_for_path (path);
  f->sidecar = captioner_sidecar_file_for (f->photo);
  f->photo_sum = file_checksum (f->photo);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *now = file_checksum (f->photo);

  /* Whatever a test did, the photo itself is untouched. */
  g_assert_cmpstr (now, ==, f->photo_sum);
  g_clear_object (&f->photo);
  g_clear_object (&f->sidecar);
  g_free (f->photo_sum);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

#define OTHER_PROGRAM_SIDECAR \
  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" \
  " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" \
  "  <rdf:Description rdf:about=\"\"\n" \
  "    xmlns:crs=\"http://ns.adobe.com/camera-raw-settings/1.0/\"\n" \
  "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n" \
  "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n" \
  "    crs:Exposure2012=\"+0.50\" xmp:Rating=\"4\">\n" \
  "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n" \
  "  </rdf:Description>\n" \
  " </rdf:RDF>\n" \
  "</x:xmpmeta>\n"

static gboolean
save_credit (CaptionerPhoto      *photo,
             const char          *credit,
             CaptionerSaveFlags   flags,
             GError             **error)
{
  g_autoptr(CaptionerMetadata) md = captioner_metadata_copy (captioner_photo_get_metadata (photo));

  captioner_metadata_set (md, CAPTIONER_FIELD_CREDIT, credit);
  return captioner_photo_save (photo, md, flags, NULL, error);
}

static void
test_conflict_leaves_file_alone (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = captioner_photo_load (f->photo, NULL, &error);
  g_autofree char *theirs = g_strdup_printf (OTHER_PROGRAM_SIDECAR, "Theirs");
  g_autofree char *after = NULL;
  g_autoptr(CaptionerPhoto) reloaded = NULL;

  g_assert_no_error (error);
  g_assert_null (captioner_photo_get_sidecar (photo));

  /* Another editor on the share writes a sidecar after we loaded. */
  write_text (f->sidecar, theirs);
  g_assert_false (save_credit (photo, "Reuters", CAPTIONER_SAVE_NONE, &error));
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "photo.jpg.xmp"));
  after = read_text (f->sidecar);
  g_assert_cmpstr (after, ==, theirs);
  g_clear_error (&error);

  /* "Keep mine" writes, and keeps the other program's properties. */
  g_assert_true (save_credit (photo, "Reuters", CAPTIONER_SAVE_IGNORE_CONFLICT, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = read_text (f->sidecar);
  g_assert_nonnull (strstr (after, "Exposure2012"));
  g_assert_nonnull (strstr (after, "Rating"));
  g_assert_nonnull (strstr (after, "Reuters"));

  reloaded = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_photo_get_metadata (reloaded)->fields[CAPTIONER_FIELD_CREDIT], ==, "Reuters");
}

static void
test_second_save_after_first (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = captioner_photo_load (f->photo, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (save_credit (photo, "AP", CAPTIONER_SAVE_NONE, &error));
  g_assert_no_error (error);
  /* The photo remembers what it wrote: saving again is not a conflict. */
  g_assert_true (save_credit (photo, "AFP", CAPTIONER_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (captioner_photo_get_sidecar (photo), f->sidecar));
}

static void
test_foreign_caption_needs_force (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(CaptionerPhoto) again = NULL;
  g_autoptr(CaptionerMetadata) md = NULL;
  g_autofree char *theirs = g_strdup_printf (OTHER_PROGRAM_SIDECAR, "Typed in Lightroom.");
  g_autofree char *after = NULL;

  write_text (f->sidecar, theirs);
  photo = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CAPTION], ==,
                   "Typed in Lightroom.");

  md = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  captioner_metadata_set (md, CAPTIONER_FIELD_CAPTION, "Composed by Captioner.");
  g_assert_false (captioner_photo_save (photo, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_CAPTION_CHANGED);
  after = read_text (f->sidecar);
  g_assert_cmpstr (after, ==, theirs);
  g_clear_error (&error);

  /* Other fields can still be saved: the caption is not being replaced. */
  g_assert_true (save_credit (photo, "Reuters", CAPTIONER_SAVE_NONE, &error));
  g_assert_no_error (error);

  g_assert_true (captioner_photo_save (photo, md, CAPTIONER_SAVE_FORCE_CAPTION, NULL, &error));
  g_assert_no_error (error);
  again = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (captioner_photo_get_metadata (again)->fields[CAPTIONER_FIELD_CAPTION], ==,
                   "Composed by Captioner.");
}

static void
test_adobe_name_read_and_disagreement (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *adobe_path = g_build_filename (f->dir, "photo.xmp", NULL);
  g_autoptr(GFile) adobe = g_file_new_for_path (adobe_path);
  g_autofree char *adobe_text = g_strdup_printf (OTHER_PROGRAM_SIDECAR, "Adobe caption");
  g_autofree char *ours_text = g_strdup_printf (OTHER_PROGRAM_SIDECAR, "Our caption");
  g_autoptr(CaptionerPhoto) photo = NULL;
  g_autoptr(CaptionerPhoto) both = NULL;

  write_text (adobe, adobe_text);
  photo = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (captioner_photo_get_sidecar (photo), adobe));
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CAPTION], ==,
                   "Adobe caption");
  g_assert_null (captioner_photo_get_warning (photo));

  write_text (f->sidecar, ours_text);
  both = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (captioner_photo_get_sidecar (both), f->sidecar));
  g_assert_cmpstr (captioner_photo_get_metadata (both)->fields[CAPTIONER_FIELD_CAPTION], ==,
                   "Our caption");
  g_assert_nonnull (captioner_photo_get_warning (both));
  g_assert_nonnull (strstr (captioner_photo_get_warning (both), "photo.xmp"));
}

static void
test_people_round_trip_stored (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = captioner_photo_load (f->photo, NULL, &error);
  g_autoptr(CaptionerPhoto) again = NULL;
  g_autoptr(CaptionerMetadata) md = NULL;
  CaptionerRect right = { 0.6, 0.1, 0.2, 0.3 };
  CaptionerRect left = { 0.1, 0.2, 0.2, 0.3 };
  const CaptionerPerson *first;

  g_assert_no_error (error);
  md = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  g_ptr_array_add (md->people, captioner_person_new ("Right Person", &right));
  g_ptr_array_add (md->people, captioner_person_new ("Left Person", &left));
  g_ptr_array_add (md->people, captioner_person_new ("Unboxed Person", NULL));
  g_assert_true (captioner_photo_save (photo, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  again = captioner_photo_load (f->photo, NULL, &error);
  g_assert_no_error (error);
  md = (captioner_metadata_free (md), captioner_metadata_copy (captioner_photo_get_metadata (again)));
  g_assert_cmpuint (md->people->len, ==, 3);
  /* Written left to right; the unboxed person keeps a place after the boxes. */
  first = g_ptr_array_index (md->people, 0);
  g_assert_cmpstr (first->name, ==, "Left Person");
  g_assert_true (first->has_region);
  g_assert_cmpfloat_with_epsilon (first->region.x, 0.1, 1e-6);
  g_assert_cmpfloat_with_epsilon (first->region.y, 0.2, 1e-6);
  g_assert_cmpfloat_with_epsilon (first->region.w, 0.2, 1e-6);
  g_assert_cmpfloat_with_epsilon (first->region.h, 0.3, 1e-6);
  g_assert_cmpstr (((CaptionerPerson *) g_ptr_array_index (md->people, 2))->name, ==, "Unboxed Person");
  g_assert_false (((CaptionerPerson *) g_ptr_array_index (md->people, 2))->has_region);
}

static void
test_bad_sidecar_is_refused (Fixture       *f,
                             gconstpointer  data)
{
  static const char *bad[] = {
    "<x:xmpmeta><broken",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">&b;</x:xmpmeta>",
    "\xff\xfe not utf-8",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CaptionerPhoto) photo = NULL;
      g_autofree char *after = NULL;

      write_text (f->sidecar, bad[i]);
      photo = captioner_photo_load (f->photo, NULL, &error);
      g_assert_null (photo);
      g_assert_error (error, CAPTIONER_ERROR, CAPTIONER_ERROR_BAD_SIDECAR);
      g_assert_true (g_str_has_prefix (error->message, g_file_peek_path (f->sidecar)));
      after = read_text (f->sidecar);
      g_assert_cmpstr (after, ==, bad[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/captioner/sidecar/conflict", test_conflict_leaves_file_alone);
  ADD ("/captioner/sidecar/second-save", test_second_save_after_first);
  ADD ("/captioner/sidecar/foreign-caption", test_foreign_caption_needs_force);
  ADD ("/captioner/sidecar/adobe-name", test_adobe_name_read_and_disagreement);
  ADD ("/captioner/sidecar/people-round-trip", test_people_round_trip_stored);
  ADD ("/captioner/sidecar/bad-sidecar", test_bad_sidecar_is_refused);
#undef ADD
  return g_test_run ();
}
