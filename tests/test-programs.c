#define G_LOG_DOMAIN "test-programs"

#include "config.h"

#include <math.h>
#include <string.h>

#include "captioner-person.h"
#include "captioner-photo.h"
#include "cli-test-util.h"

/* Sidecars as Photo Mechanic, Lightroom, digiKam, darktable and an agency system write them
 * (tests/data/programs/), edited the way an editor does: the credit, the caption's body, a
 * person added, moved, removed. exiftool's full dump of the sidecar before and after may
 * differ only in what the edit names and in Captioner's own namespace. */

static const char * const fixtures[] = {
  "photo-mechanic", "lightroom", "digikam", "darktable", "agency",
};

#define MWG_LIST   "[0].XMP-mwg-rs:RegionInfo.RegionList"
#define IPTC_LIST  "[0].XMP-iptcExt:ImageRegion"
#define MP_LIST    "[0].XMP-MP:RegionInfoMP.Regions"
#define PII_LIST   "[0].XMP-iptcExt:PersonInImage"

typedef struct
{
  char *dir;
  char *photo;
  char *sidecar;
  char *photo_sum;
} Desk;

static void
desk_free (Desk *desk)
{
  g_free (desk->dir);
  g_free (desk->photo);
  g_free (desk->sidecar);
  g_free (desk->photo_sum);
  g_free (desk);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Desk, desk_free)

static Desk *
desk_new (const char *fixture)
{
  Desk *desk = g_new0 (Desk, 1);
  g_autofree char *name = g_strconcat (fixture, ".xmp", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "programs", name, NULL);

  desk->dir = test_dir_new ();
  desk->photo = make_jpeg (desk->dir, "photo.jpg", 64, 48);
  desk->sidecar = g_strconcat (desk->photo, ".xmp", NULL);
  copy_file (source, desk->sidecar);
  desk->photo_sum = file_checksum (desk->photo);
  return desk;
}

static JsonFlat *
dump (const char *path)
{
  const char *argv[] = { EXIFTOOL, "-j", "-struct", "-a", "-G1", "-XMP:all", path, NULL };
  g_autoptr(CliRun) run = cli_run_argv (argv, NULL);

  cli_assert_exit (run, 0);
  return json_flat_parse (run->out);
}

static gboolean
is_ignored (const char *key)
{
  /* The document's size, its name, and Captioner's own namespace. */
  return strcmp (key, "") == 0 || strcmp (key, "[0]") == 0 ||
         strcmp (key, "[0].SourceFile") == 0 || g_str_has_prefix (key, "[0].XMP-captioner:");
}

/* key is array[index] or below it. */
static gboolean
in_item (const char *key,
         const char *array,
         guint       index)
{
  g_autofree char *item = g_strdup_printf ("%s[%u]", array, index);
  gsize len = strlen (item);

  return strncmp (key, item, len) == 0 && (key[len] == '\0' || key[len] == '.' || key[len] == '[');
}

typedef gboolean (*AllowedFunc) (const char *key,
                                 JsonFlat   *before,
                                 gpointer    data);

static guint
assert_same_except (JsonFlat    *before,
                    JsonFlat    *after,
                    AllowedFunc  allowed,
                    gpointer     data)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  guint changed = 0;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *a = g_hash_table_lookup (before, key);
      const char *b = g_hash_table_lookup (after, key);

      if (g_strcmp0 (a, b) == 0 || is_ignored (key))
        continue;
      if (allowed != NULL && allowed (key, before, data))
        {
          changed++;
          continue;
        }
      g_test_message ("%s changed: %s -> %s", (const char *) key, a ? a : "(none)",
                      b ? b : "(none)");
      g_test_fail ();
    }
  return changed;
}

static gboolean
allow_exact (const char *key,
             JsonFlat   *before,
             gpointer    data)
{
  return strcmp (key, data) == 0;
}

/* The items of array whose name (at name_suffix below the item) is name. */
static GArray *
items_named (JsonFlat   *flat,
             const char *array,
             const char *name_suffix,
             const char *name)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  int n = json_flat_len (flat, "%s", array);

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (json_flat_str (flat, "%s[%d]%s", array, i, name_suffix), name) == 0)
      {
        guint index = i;
        g_array_append_val (found, index);
      }
  return found;
}

/* A copy of flat without array[index], the items after it moved up one. */
static JsonFlat *
without_item (JsonFlat   *flat,
              const char *array,
              guint       index)
{
  JsonFlat *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  gsize alen = strlen (array);

  g_hash_table_iter_init (&iter, flat);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *k = key;
      guint i;
      char *end = NULL;

      if (strcmp (k, array) == 0)
        {
          g_hash_table_insert (out, g_strdup (k),
                               g_strdup_printf ("a%d", json_flat_len (flat, "%s", array) - 1));
          continue;
        }
      if (strncmp (k, array, alen) != 0 || k[alen] != '[')
        {
          g_hash_table_insert (out, g_strdup (k), g_strdup (value));
          continue;
        }
      i = (guint) strtoul (k + alen + 1, &end, 10);
      if (i == index)
        continue;
      if (i < index)
        g_hash_table_insert (out, g_strdup (k), g_strdup (value));
      else
        g_hash_table_insert (out, g_strdup_printf ("%s[%u%s", array, i - 1, end),
                             g_strdup (value));
    }
  return out;
}

/* Keys of Captioner's own namespace that a save added, removed or changed. */
static guint
own_changes (JsonFlat *before,
             JsonFlat *after)
{
  JsonFlat *sides[] = { before, after };
  guint changed = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, sides[s]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const char *a = g_hash_table_lookup (before, key);
          const char *b = g_hash_table_lookup (after, key);

          if (!g_str_has_prefix (key, "[0].XMP-captioner:") || g_strcmp0 (a, b) == 0 ||
              (s == 1 && a != NULL))
            continue;
          g_test_message ("%s changed: %s -> %s", (const char *) key, a ? a : "(none)",
                          b ? b : "(none)");
          changed++;
        }
    }
  return changed;
}

static void
test_credit (gconstpointer data)
{
  g_autoptr(Desk) desk = desk_new (data);
  g_autoptr(JsonFlat) before = dump (desk->sidecar);
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(CliRun) run = cli_run ("set", desk->photo, "--credit", "Reuters Pool", NULL);
  g_autofree char *sum = NULL;

  cli_assert_exit (run, 0);
  after = dump (desk->sidecar);
  g_assert_cmpuint (assert_same_except (before, after, allow_exact,
                                        "[0].XMP-photoshop:Credit"), ==, 1);
  g_assert_cmpstr (json_flat_str (after, "[0].XMP-photoshop:Credit"), ==, "Reuters Pool");
  /* The other program's caption is still its own: Captioner records nothing of it (its
   * caption adopted as the body is not written while it is unchanged). */
  g_assert_cmpuint (own_changes (before, after), ==, 0);
  sum = file_checksum (desk->photo);
  g_assert_cmpstr (sum, ==, desk->photo_sum);
}

static void
test_caption_body (gconstpointer data)
{
  g_autoptr(Desk) desk = desk_new (data);
  g_autoptr(JsonFlat) before = dump (desk->sidecar);
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(CliRun) run = cli_run ("set", desk->photo, "--caption-body", "meet in Tehran.",
                                   "--force", NULL);

  cli_assert_exit (run, 0);
  after = dump (desk->sidecar);
  /* The x-default caption only: its other languages stay. */
  g_assert_cmpuint (assert_same_except (before, after, allow_exact, "[0].XMP-dc:Description"),
                    ==, 1);
  g_assert_nonnull (strstr (json_flat_str (after, "[0].XMP-dc:Description"), "meet in Tehran."));
  g_assert_cmpstr (json_flat_str (after, "[0].XMP-captioner:CaptionBody"), ==, "meet in Tehran.");
}

static gboolean
allow_added (const char *key,
             JsonFlat   *before,
             gpointer    data)
{
  static const char * const arrays[] = { MWG_LIST, IPTC_LIST, MP_LIST, PII_LIST };

  /* New items at the ends of the region lists (and their lengths); the region containers
   * when there were none, and their dimensions. */
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      int n = MAX (json_flat_len (before, "%s", arrays[i]), 0);

      if (strcmp (key, arrays[i]) == 0)
        return TRUE;
      for (int j = n; j < n + 2; j++)
        if (in_item (key, arrays[i], j))
          return TRUE;
    }
  if (strcmp (key, "[0].XMP-mwg-rs:RegionInfo") == 0)
    return TRUE;   /* its size, when AppliedToDimensions comes with the first region */
  return !g_hash_table_contains (before, key) &&
         (g_str_has_prefix (key, "[0].XMP-mwg-rs:RegionInfo") ||
          g_str_has_prefix (key, "[0].XMP-MP:RegionInfoMP"));
}

static void
test_add_person (gconstpointer data)
{
  g_autoptr(Desk) desk = desk_new (data);
  g_autoptr(JsonFlat) before = dump (desk->sidecar);
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(CliRun) run = cli_run ("set", desk->photo, "--person", "Added Person@0.6,0.6,0.1,0.2",
                                   NULL);
  g_autoptr(GArray) mwg = NULL;
  g_autoptr(GArray) iptc = NULL;

  cli_assert_exit (run, 0);
  after = dump (desk->sidecar);
  g_assert_cmpuint (assert_same_except (before, after, allow_added, NULL), >, 0);
  mwg = items_named (after, MWG_LIST, ".Name", "Added Person");
  iptc = items_named (after, IPTC_LIST, ".PersonInImage[0]", "Added Person");
  g_assert_cmpuint (mwg->len, ==, 1);
  g_assert_cmpuint (iptc->len, ==, 1);
}

/* The first person the photo holds with a box, as read. */
static CaptionerPerson *
first_boxed (GPtrArray *people)
{
  for (guint i = 0; i < people->len; i++)
    if (((CaptionerPerson *) g_ptr_array_index (people, i))->has_region)
      return g_ptr_array_index (people, i);
  return NULL;
}

/* A fixture without boxed people (darktable writes none) gets one first, from the CLI. */
static CaptionerPhoto *
load_with_boxed_person (Desk *desk)
{
  g_autoptr(GFile) file = g_file_new_for_path (desk->photo);
  g_autoptr(GError) error = NULL;
  CaptionerPhoto *photo = captioner_photo_load (file, NULL, &error);

  g_assert_no_error (error);
  if (first_boxed (captioner_photo_get_metadata (photo)->people) == NULL)
    {
      g_autoptr(CliRun) run = cli_run ("set", desk->photo, "--person", "Boxed One@0.1,0.2,0.1,0.2",
                                       "--person", "Boxed Two@0.5,0.2,0.1,0.2", NULL);
      cli_assert_exit (run, 0);
      g_object_unref (photo);
      photo = captioner_photo_load (file, NULL, &error);
      g_assert_no_error (error);
    }
  return photo;
}

typedef struct
{
  const char *name;
} MoveData;

static gboolean
allow_geometry (const char *key,
                JsonFlat   *before,
                gpointer    data)
{
  const MoveData *move = data;
  const struct { const char *array; const char *name; const char *geometry; } schemes[] = {
    { MWG_LIST, ".Name", ".Area." },
    { IPTC_LIST, ".PersonInImage[0]", ".RegionBoundary." },
    { MP_LIST, ".PersonDisplayName", ".Rectangle" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autoptr(GArray) items = items_named (before, schemes[s].array, schemes[s].name,
                                             move->name);

      for (guint i = 0; i < items->len; i++)
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", schemes[s].array,
                                                   g_array_index (items, guint, i));
          if (g_str_has_prefix (key, item) && strstr (key + strlen (item), schemes[s].geometry))
            return TRUE;
        }
    }
  return FALSE;
}

static void
move_and_check (Desk       *desk,
                const char *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (desk->photo);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaptionerPhoto) photo = captioner_photo_load (file, NULL, &error);
  g_autoptr(CaptionerMetadata) md = NULL;
  g_autoptr(JsonFlat) before = dump (desk->sidecar);
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(CaptionerPhoto) again = NULL;
  MoveData move = { name };
  CaptionerPerson *person = NULL;
  CaptionerRect was;

  g_assert_no_error (error);
  md = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  for (guint i = 0; i < md->people->len && person == NULL; i++)
    if (g_strcmp0 (((CaptionerPerson *) g_ptr_array_index (md->people, i))->name, name) == 0)
      person = g_ptr_array_index (md->people, i);
  g_assert_nonnull (person);
  g_assert_true (person->has_region);
  was = person->region;
  /* A little right and down, a little larger: the id stays, so it is a move. */
  person->region.x = MIN (was.x + 0.05, 1 - was.w * 1.1);
  person->region.y = MIN (was.y + 0.02, 1 - was.h * 1.1);
  person->region.w = was.w * 1.1;
  person->region.h = was.h * 1.1;
  g_assert_true (captioner_photo_save (photo, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  after = dump (desk->sidecar);
  g_assert_cmpuint (assert_same_except (before, after, allow_geometry, &move), >, 0);
  again = captioner_photo_load (file, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < captioner_photo_get_metadata (again)->people->len; i++)
    {
      const CaptionerPerson *p = g_ptr_array_index (captioner_photo_get_metadata (again)->people, i);

      if (g_strcmp0 (p->name, name) != 0)
        continue;
      g_assert_cmpfloat_with_epsilon (p->region.x, person->region.x, 1e-4);
      g_assert_cmpfloat_with_epsilon (p->region.w, person->region.w, 1e-4);
      g_assert_cmpint (p->shape, ==, person->shape);
    }
}

static void
test_move_person (gconstpointer data)
{
  g_autoptr(Desk) desk = desk_new (data);
  g_autoptr(CaptionerPhoto) photo = load_with_boxed_person (desk);
  g_autofree char *name = g_strdup (first_boxed (captioner_photo_get_metadata (photo)->people)->name);

  move_and_check (desk, name);
}

/* Circles and polygons stay circles and polygons, their vertices moved with the box. */
static void
test_move_shapes (void)
{
  g_autoptr(Desk) desk = desk_new ("agency");

  move_and_check (desk, "Hossein Amir-Abdollahian");
  move_and_check (desk, "Sergei Lavrov");
}

static void
test_delete_person (gconstpointer data)
{
  g_autoptr(Desk) desk = desk_new (data);
  g_autoptr(CaptionerPhoto) photo = load_with_boxed_person (desk);
  g_autoptr(CaptionerMetadata) md = captioner_metadata_copy (captioner_photo_get_metadata (photo));
  g_autoptr(JsonFlat) before = dump (desk->sidecar);
  g_autoptr(JsonFlat) expected = NULL;
  g_autoptr(JsonFlat) after = NULL;
  g_autoptr(GArray) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (((CaptionerPerson *) g_ptr_array_index (md->people, 0))->name);
  const struct { const char *array; const char *name; } schemes[] = {
    { MWG_LIST, ".Name" }, { IPTC_LIST, ".PersonInImage[0]" }, { MP_LIST, ".PersonDisplayName" },
    { PII_LIST, "" },
  };

  g_ptr_array_remove_index (md->people, 0);
  g_assert_true (captioner_photo_save (photo, md, CAPTIONER_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  after = dump (desk->sidecar);

  /* What exiftool read before, without the person's items, is what it reads now. */
  expected = g_hash_table_ref (before);
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autoptr(GArray) items = items_named (before, schemes[s].array, schemes[s].name, name);

      g_assert_cmpuint (items->len, <=, 1);
      if (items->len == 1)
        {
          JsonFlat *smaller = without_item (expected, schemes[s].array,
                                            g_array_index (items, guint, 0));
          g_hash_table_unref (expected);
          expected = smaller;
        }
    }
  assert_same_except (expected, after, NULL, NULL);
  left = items_named (after, MWG_LIST, ".Name", name);
  g_assert_cmpuint (left->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      static const struct { const char *edit; GTestDataFunc func; } edits[] = {
        { "credit", test_credit },
        { "caption-body", test_caption_body },
        { "add-person", test_add_person },
        { "move-person", test_move_person },
        { "delete-person", test_delete_person },
      };

      for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
        {
          g_autofree char *path = g_strdup_printf ("/captioner/programs/%s/%s", fixtures[i],
                                                   edits[e].edit);
          g_test_add_data_func (path, fixtures[i], edits[e].func);
        }
    }
  g_test_add_func ("/captioner/programs/agency/move-shapes", test_move_shapes);
  return g_test_run ();
}
