#include "config.h"

#include <locale.h>

#include "captioner-desk.h"
#include "captioner-error.h"
#include "captioner-folder.h"
#include "captioner-sidecar.h"
#include "test-util.h"

/* The desk as the window and the CLI use it: a folder's photos in order, each once, read in
 * the background; one photo's saves in order; a conflict as the photo's state. */

typedef struct
{
  char          *dir;
  CaptionerDesk *desk;
} Fixture;

#define WAIT_UNTIL(condition)                                                   \
  G_STMT_START {                                                                \
    gint64 end_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;                \
    while (!(condition))                                                        \
      {                                                                         \
        g_assert_cmpint (g_get_monotonic_time (), <, end_);                     \
        g_main_context_iteration (NULL, TRUE);                                  \
      }                                                                         \
  } G_STMT_END

static GFile *
child (Fixture    *f,
       const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const names[] = { "photo 10.jpg", "photo 2.jpg", "photo 1.JPG" };
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;

  f->dir = g_dir_make_tmp ("captioner-desk-XXXXXX", &error);
  g_assert_no_error (error);
  /* As a person reads them: photo 2 before photo 10. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (test_write_jpeg (f->dir, names[i], 64, 48, 0x336699ff));
  notes = g_build_filename (f->dir, "notes.txt", NULL);
  g_file_set_contents (notes, "not a photo", -1, &error);
  g_assert_no_error (error);
  f->desk = captioner_desk_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->desk != NULL)
    captioner_desk_wait (f->desk);
  g_clear_object (&f->desk);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
on_opened_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Opens files on the desk and waits for every header; returns the position to show first. */
static guint
open_files (Fixture *f,
            GFile  **files,
            guint    n_files)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint position = G_MAXUINT;

  captioner_desk_open_async (f->desk, files, n_files, NULL, on_opened_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_true (captioner_desk_open_finish (f->desk, result, &position, NULL, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));
  return position;
}

static void
open_folder (Fixture *f)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);

  g_assert_cmpuint (open_files (f, &folder, 1), ==, 0);
}

static char *
name_at (Fixture *f,
         guint    position)
{
  return g_strdup (captioner_desk_item_get_name (captioner_desk_get_item (f->desk, position)));
}

static void
test_folder_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GFile) two = child (f, "photo 2.jpg");
  g_autoptr(GFile) ten = child (f, "photo 10.jpg");
  GFile *photo_then_folder[] = { two, folder, ten };
  g_autoptr(GPtrArray) expanded = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "photo 1.JPG", "photo 2.jpg", "photo 10.jpg" };

  /* A photo named beside its folder: listed once, in the folder's place, and shown first. */
  g_assert_cmpuint (open_files (f, photo_then_folder, G_N_ELEMENTS (photo_then_folder)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->desk)), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = name_at (f, i);
      g_assert_cmpstr (name, ==, expected[i]);
    }
  g_assert_true (g_file_equal (captioner_desk_get_folder (f->desk), folder));
  g_assert_cmpuint (captioner_desk_get_n_loaded (f->desk), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (captioner_desk_item_get_state (captioner_desk_get_item (f->desk, i)), ==,
                     CAPTIONER_PHOTO_STATE_NOT_CAPTIONED);

  /* The CLI's listing is the same one. */
  expanded = captioner_folder_expand (photo_then_folder, G_N_ELEMENTS (photo_then_folder), NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expanded->len, ==, 3);
  for (guint i = 0; i < expanded->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (expanded, i));
      g_assert_cmpstr (name, ==, expected[i]);
    }
}

/* Photos named alone keep the order given, each once. */
static void
test_files_given (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) two = child (f, "photo 2.jpg");
  g_autoptr(GFile) one = child (f, "photo 1.JPG");
  g_autoptr(GFile) notes = child (f, "notes.txt");
  GFile *files[] = { two, one, two, notes };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  CaptionerDeskItem *bad;

  g_assert_cmpuint (open_files (f, files, G_N_ELEMENTS (files)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->desk)), ==, 3);
  first = name_at (f, 0);
  second = name_at (f, 1);
  g_assert_cmpstr (first, ==, "photo 2.jpg");
  g_assert_cmpstr (second, ==, "photo 1.JPG");
  /* A file named that is no photo is the desk's to report, naming it. */
  bad = captioner_desk_get_item (f->desk, 2);
  g_assert_cmpint (captioner_desk_item_get_state (bad), ==, CAPTIONER_PHOTO_STATE_ERROR);
  g_assert_nonnull (strstr (captioner_desk_item_get_error (bad), "notes.txt"));
  g_assert_cmpuint (captioner_desk_get_n_load_errors (f->desk), ==, 1);
}

static CaptionerPhoto *
read_back (Fixture    *f,
           const char *name)
{
  g_autoptr(GFile) file = child (f, name);
  g_autoptr(GError) error = NULL;
  CaptionerPhoto *photo = captioner_photo_load (file, NULL, &error);

  g_assert_no_error (error);
  return photo;
}

/* Two saves of one photo asked for back to back: one at a time, the newer on disk. */
static void
test_ordered_saves (Fixture       *f,
                    gconstpointer  data)
{
  CaptionerDeskItem *item;
  CaptionerDraft *draft;
  g_autoptr(CaptionerPhoto) photo = NULL;
  guint saved = 0;

  open_folder (f);
  item = captioner_desk_get_item (f->desk, 0);
  draft = captioner_desk_item_get_draft (item);
  g_signal_connect_swapped (f->desk, "saved", G_CALLBACK (g_atomic_int_inc), &saved);

  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AP");
  g_assert_cmpint (captioner_desk_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_UNSAVED);
  captioner_desk_save (f->desk, item, CAPTIONER_SAVE_NONE);
  g_assert_cmpint (captioner_desk_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_SAVING);
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "Reuters");
  captioner_draft_add_person (draft, "Hakan Fidan", NULL);
  captioner_desk_save (f->desk, item, CAPTIONER_SAVE_NONE);
  /* The second waits for the first. */
  g_assert_cmpuint (captioner_desk_get_saves_in_flight (f->desk), ==, 1);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));

  g_assert_cmpuint (saved, ==, 2);
  g_assert_false (captioner_draft_get_dirty (draft));
  g_assert_cmpint (captioner_desk_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
  photo = read_back (f, "photo 1.JPG");
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CREDIT], ==,
                   "Reuters");
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CAPTION], ==,
                   "Hakan Fidan (Reuters photo)");
  /* Nothing to save is no save. */
  captioner_desk_save (f->desk, item, CAPTIONER_SAVE_NONE);
  g_assert_cmpuint (captioner_desk_get_saves_in_flight (f->desk), ==, 0);
}

static void
on_save_failed_cb (CaptionerDesk     *desk,
                   CaptionerDeskItem *item,
                   const GError      *error,
                   int               *code)
{
  g_assert_true (error->domain == CAPTIONER_ERROR);
  *code = error->code;
}

/* Another program saves the sidecar after it was read, with another caption: the photo is in
 * conflict, the editor's words stay in the draft, and a reload brings what is on disk. */
static void
test_conflict_state (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) photo = child (f, "photo 2.jpg");
  g_autoptr(GFile) sidecar = captioner_sidecar_file_for (photo);
  const char *theirs = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                       "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                       "<rdf:Description rdf:about=\"\" "
                       "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" "
                       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" photoshop:City=\"Yerevan\">"
                       "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Theirs.</rdf:li>"
                       "</rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>\n";
  CaptionerDeskItem *item;
  CaptionerDraft *draft;
  int code = -1;

  open_folder (f);
  item = captioner_desk_get_item (f->desk, 1);
  draft = captioner_desk_item_get_draft (item);
  g_signal_connect (f->desk, "save-failed", G_CALLBACK (on_save_failed_cb), &code);
  g_assert_true (g_file_replace_contents (sidecar, theirs, strlen (theirs), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));

  captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, "Mine.");
  captioner_desk_save (f->desk, item, CAPTIONER_SAVE_NONE);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));
  g_assert_cmpint (code, ==, CAPTIONER_ERROR_CONFLICT);
  g_assert_cmpint (captioner_desk_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_CONFLICT);
  g_assert_true (captioner_desk_item_get_conflict (item));
  g_assert_nonnull (strstr (captioner_desk_item_get_error (item), "photo 2.jpg.xmp"));
  g_assert_true (captioner_draft_get_dirty (draft));
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Mine.");

  captioner_desk_reload (f->desk, item);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));
  g_assert_false (captioner_desk_item_get_conflict (item));
  draft = captioner_desk_item_get_draft (item);
  g_assert_false (captioner_draft_get_dirty (draft));
  g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_CITY), ==, "Yerevan");
  g_assert_cmpstr (captioner_draft_get_caption (draft), ==, "Theirs.");
  g_assert_cmpint (captioner_desk_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
}

static void
write_theirs (GFile      *sidecar,
              const char *description,
              const char *city)
{
  g_autofree char *xmp = g_strdup_printf (
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
    "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" photoshop:City=\"%s\">"
    "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt>"
    "</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>\n", city, description);

  g_assert_true (g_file_replace_contents (sidecar, xmp, strlen (xmp), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
}

/* Two editors on one photo, different fields: both changes are on disk, nobody is asked. */
static void
test_merged_on_save (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = child (f, "photo 10.jpg");
  g_autoptr(GFile) sidecar = captioner_sidecar_file_for (file);
  g_autoptr(CaptionerPhoto) photo = NULL;
  CaptionerDeskItem *item;
  CaptionerDraft *draft;
  guint merged = 0;

  open_folder (f);
  item = captioner_desk_get_item (f->desk, 2);
  draft = captioner_desk_item_get_draft (item);
  g_signal_connect_swapped (f->desk, "merged", G_CALLBACK (g_atomic_int_inc), &merged);
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "Reuters");
  captioner_draft_add_person (draft, "Hakan Fidan", NULL);
  write_theirs (sidecar, "", "Ankara");
  captioner_desk_save (f->desk, item, CAPTIONER_SAVE_NONE);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));

  g_assert_cmpuint (merged, ==, 1);
  g_assert_false (captioner_desk_item_get_conflict (item));
  g_assert_false (captioner_draft_get_dirty (draft));
  photo = read_back (f, "photo 10.jpg");
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CITY], ==, "Ankara");
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CREDIT], ==,
                   "Reuters");
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CAPTION], ==,
                   "Hakan Fidan (Reuters photo)");
}

/* Two editors, one field: a conflict naming it, nothing written until resolved. */
static void
test_conflict_resolved (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = child (f, "photo 10.jpg");
  g_autoptr(GFile) sidecar = captioner_sidecar_file_for (file);
  g_autoptr(CaptionerPhoto) photo = NULL;
  CaptionerDeskItem *item;
  CaptionerDraft *draft;
  const CaptionerMerge *merge;
  CaptionerMergeSide sides[2] = { CAPTIONER_MERGE_THEIRS, CAPTIONER_MERGE_MINE };

  open_folder (f);
  item = captioner_desk_get_item (f->desk, 2);
  draft = captioner_desk_item_get_draft (item);
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CITY, "Tehran");
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CAPTION_BODY, "Mine.");
  write_theirs (sidecar, "Theirs.", "Teheran");
  captioner_desk_save (f->desk, item, CAPTIONER_SAVE_NONE);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));

  g_assert_cmpint (captioner_desk_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_CONFLICT);
  merge = captioner_desk_item_get_merge (item);
  g_assert_nonnull (merge);
  g_assert_nonnull (strstr (captioner_desk_item_get_error (item), "City, Caption"));
  photo = read_back (f, "photo 10.jpg");
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CITY], ==, "Teheran");
  g_clear_object (&photo);

  captioner_desk_resolve (f->desk, item, sides);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));
  g_assert_cmpint (captioner_desk_item_get_state (item), ==, CAPTIONER_PHOTO_STATE_CAPTIONED);
  photo = read_back (f, "photo 10.jpg");
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CITY], ==, "Teheran");
  g_assert_cmpstr (captioner_photo_get_metadata (photo)->fields[CAPTIONER_FIELD_CAPTION], ==, "Mine.");
}

/* The photo the editor is on changes on disk: read again when the editor has no changes,
 * merged when they have, without a save. */
static void
test_watched (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) file = child (f, "photo 2.jpg");
  g_autoptr(GFile) sidecar = captioner_sidecar_file_for (file);
  CaptionerDeskItem *item;
  CaptionerDraft *draft;
  guint reread = 0, merged = 0;

  open_folder (f);
  item = captioner_desk_get_item (f->desk, 1);
  g_signal_connect_swapped (f->desk, "changed-on-disk", G_CALLBACK (g_atomic_int_inc), &reread);
  g_signal_connect_swapped (f->desk, "merged", G_CALLBACK (g_atomic_int_inc), &merged);
  captioner_desk_watch (f->desk, item);
  write_theirs (sidecar, "", "Yerevan");
  WAIT_UNTIL (reread == 1);
  g_assert_cmpstr (captioner_photo_get_metadata (captioner_desk_item_get_photo (item))->fields[CAPTIONER_FIELD_CITY],
                   ==, "Yerevan");

  draft = captioner_desk_item_get_draft (item);
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AP");
  write_theirs (sidecar, "", "Gyumri");
  WAIT_UNTIL (merged == 1);
  g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_CITY), ==, "Gyumri");
  g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_CREDIT), ==, "AP");
  g_assert_true (captioner_draft_get_dirty (draft));
  captioner_desk_watch (f->desk, NULL);
}

/* A draft the editor left goes once nothing is left to save: the next one starts afresh. */
static void
test_release_draft (Fixture       *f,
                    gconstpointer  data)
{
  CaptionerDeskItem *item;
  CaptionerDraft *draft;

  open_folder (f);
  item = captioner_desk_get_item (f->desk, 2);
  draft = captioner_desk_item_get_draft (item);
  captioner_draft_set_field (draft, CAPTIONER_FIELD_CREDIT, "AFP");
  captioner_desk_save (f->desk, item, CAPTIONER_SAVE_NONE);
  captioner_desk_item_release_draft (item);
  g_assert_true (captioner_desk_item_peek_draft (item) == draft);
  WAIT_UNTIL (!captioner_desk_get_busy (f->desk));
  g_assert_null (captioner_desk_item_peek_draft (item));
  draft = captioner_desk_item_get_draft (item);
  g_assert_false (captioner_draft_get_can_undo (draft));
  g_assert_cmpstr (captioner_draft_get_field (draft, CAPTIONER_FIELD_CREDIT), ==, "AFP");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/captioner/desk/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("folder-order", test_folder_order);
  ADD ("files-given", test_files_given);
  ADD ("ordered-saves", test_ordered_saves);
  ADD ("conflict-state", test_conflict_state);
  ADD ("release-draft", test_release_draft);
  ADD ("merged-on-save", test_merged_on_save);
  ADD ("conflict-resolved", test_conflict_resolved);
  ADD ("watched", test_watched);
#undef ADD
  return g_test_run ();
}
