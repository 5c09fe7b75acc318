#include "config.h"

#include <locale.h>

#include "captioner-desk.h"
#include "captioner-person.h"
#include "test-util.h"

/* The same edits give the same sidecar from the window and from the command line: each
 * sequence is made through the core API the window drives (desk, draft, save queue) on one
 * copy of a photo and through `captioner-cli set` on another, and the two sidecars are
 * compared as exiftool reads them. */

typedef enum
{
  STEP_END,
  STEP_FIELD,      /* field, text */
  STEP_PERSON,     /* text "NAME@X,Y,W,H" as the CLI takes it */
  STEP_CAPTION,    /* text, verbatim */
  STEP_CLEAR_PEOPLE,
  STEP_SAVE,       /* the window saves; the CLI's `set` ends */
} StepKind;

typedef struct
{
  StepKind        kind;
  CaptionerField  field;
  const char     *text;
} Step;

static const char *
option_for (CaptionerField field)
{
  switch (field)
    {
    case CAPTIONER_FIELD_CAPTION_BODY:
      return "--caption-body";
    case CAPTIONER_FIELD_CREDIT:
      return "--credit";
    case CAPTIONER_FIELD_CITY:
      return "--city";
    case CAPTIONER_FIELD_TITLE:
      return "--title";
    case CAPTIONER_FIELD_COUNTRY_CODE:
      return "--country-code";
    case CAPTIONER_FIELD_SUB_LOCATION:
      return "--sub-location";
    case CAPTIONER_FIELD_CAPTION_WRITER:
      return "--caption-writer";
    case CAPTIONER_FIELD_URGENCY:
      return "--urgency";
    case CAPTIONER_FIELD_CATEGORY:
      return "--category";
    case CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES:
      return "--supplemental-categories";
    default:
      g_assert_not_reached ();
    }
}

static void
on_opened_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
wait_idle (CaptionerDesk *desk)
{
  while (captioner_desk_get_busy (desk))
    g_main_context_iteration (NULL, TRUE);
}

/* What the window does: edits into the draft, a save at each STEP_SAVE. */
static void
run_in_core (const char *path,
             const Step *steps)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CaptionerDesk) desk = captioner_desk_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CaptionerDeskItem *item;
  CaptionerDraft *draft;

  captioner_desk_open_async (desk, &file, 1, NULL, on_opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (captioner_desk_open_finish (desk, result, NULL, NULL, &error));
  wait_idle (desk);
  item = captioner_desk_get_item (desk, 0);
  draft = captioner_desk_item_get_draft (item);
  g_assert_nonnull (draft);

  for (const Step *step = steps; step->kind != STEP_END; step++)
    switch (step->kind)
      {
      case STEP_FIELD:
        captioner_draft_set_field (draft, step->field, step->text);
        break;
      case STEP_PERSON:
        {
          g_autofree char *name = NULL;
          CaptionerRect box;
          gboolean has_box = FALSE;

          g_assert_true (captioner_person_parse_spec (step->text, &name, &box, &has_box, NULL));
          captioner_draft_add_person (draft, name, has_box ? &box : NULL);
        }
        break;
      case STEP_CAPTION:
        captioner_draft_set_caption (draft, step->text);
        break;
      case STEP_CLEAR_PEOPLE:
        captioner_draft_clear_people (draft);
        break;
      case STEP_SAVE:
        captioner_desk_save (desk, item, CAPTIONER_SAVE_NONE);
        wait_idle (desk);
        g_assert_null (captioner_desk_item_get_error (item));
        break;
      case STEP_END:
      default:
        g_assert_not_reached ();
      }
}

static void
run_cli (GPtrArray *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* What an editor types: one `set` per save, with the same edits as options. */
static void
run_in_cli (const char *path,
            const Step *steps)
{
  g_autoptr(GPtrArray) argv = NULL;

  for (const Step *step = steps; step->kind != STEP_END; step++)
    {
      if (argv == NULL)
        {
          argv = g_ptr_array_new ();
          g_ptr_array_add (argv, (char *) CAPTIONER_CLI);
          g_ptr_array_add (argv, (char *) "set");
          g_ptr_array_add (argv, (char *) path);
        }
      switch (step->kind)
        {
        case STEP_FIELD:
          g_ptr_array_add (argv, (char *) option_for (step->field));
          g_ptr_array_add (argv, (char *) step->text);
          break;
        case STEP_PERSON:
          g_ptr_array_add (argv, (char *) "--person");
          g_ptr_array_add (argv, (char *) step->text);
          break;
        case STEP_CAPTION:
          g_ptr_array_add (argv, (char *) "--caption");
          g_ptr_array_add (argv, (char *) step->text);
          break;
        case STEP_CLEAR_PEOPLE:
          g_ptr_array_add (argv, (char *) "--clear-people");
          break;
        case STEP_SAVE:
          run_cli (argv);
          g_clear_pointer (&argv, g_ptr_array_unref);
          break;
        case STEP_END:
        default:
          g_assert_not_reached ();
        }
    }
}

/* The sidecar as other programs read it, without the name of the file. */
static char *
exiftool_dump (const char *path)
{
  g_autofree char *exiftool = g_find_program_in_path ("exiftool");
  g_autofree char *sidecar = g_strconcat (path, ".xmp", NULL);
  const char *argv[] = { exiftool, "-j", "-struct", "-a", "-G1", "-XMP:all", sidecar, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GString *dump = g_string_new (NULL);
  int status = 0;

  g_assert_nonnull (exiftool);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"SourceFile\":") == NULL)
      g_string_append_printf (dump, "%s\n", lines[i]);
  return g_string_free (dump, FALSE);
}

static void
check_parity (gconstpointer data)
{
  const Step *steps = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *core_dir = g_dir_make_tmp ("captioner-parity-core-XXXXXX", &error);
  g_autofree char *cli_dir = g_dir_make_tmp ("captioner-parity-cli-XXXXXX", &error);
  g_autofree char *core_photo = test_write_jpeg (core_dir, "photo.jpg", 300, 200, 0x806040ff);
  g_autofree char *cli_photo = test_write_jpeg (cli_dir, "photo.jpg", 300, 200, 0x806040ff);
  g_autofree char *core_dump = NULL;
  g_autofree char *cli_dump = NULL;

  run_in_core (core_photo, steps);
  run_in_cli (cli_photo, steps);
  core_dump = exiftool_dump (core_photo);
  cli_dump = exiftool_dump (cli_photo);
  g_test_message ("%s", core_dump);
  g_assert_cmpstr (core_dump, ==, cli_dump);
  test_remove_tree (core_dir);
  test_remove_tree (cli_dir);
}

#define LAVROV "Russian Foreign Minister Sergei Lavrov@0.55,0.2,0.1,0.3"
#define FIDAN  "Turkish Foreign Minister Hakan Fidan@0.15,0.25,0.1,0.3"

static const Step credit_only[] = {
  { STEP_FIELD, CAPTIONER_FIELD_CREDIT, "Reuters" }, { STEP_SAVE },
  { STEP_END }
};

static const Step body_then_people[] = {
  { STEP_FIELD, CAPTIONER_FIELD_CAPTION_BODY, "pose for a photo in Tehran." },
  { STEP_FIELD, CAPTIONER_FIELD_CREDIT, "Reuters" }, { STEP_SAVE },
  { STEP_PERSON, 0, LAVROV }, { STEP_PERSON, 0, FIDAN }, { STEP_SAVE },
  { STEP_END }
};

static const Step people_then_wire_caption[] = {
  { STEP_PERSON, 0, LAVROV }, { STEP_PERSON, 0, FIDAN }, { STEP_SAVE },
  { STEP_CAPTION, 0, "TEHRAN (Reuters) - Ministers met on Monday." }, { STEP_SAVE },
  { STEP_FIELD, CAPTIONER_FIELD_CITY, "Tehran" }, { STEP_SAVE },
  { STEP_END }
};

static const Step clearing_people[] = {
  { STEP_PERSON, 0, LAVROV }, { STEP_PERSON, 0, FIDAN },
  { STEP_FIELD, CAPTIONER_FIELD_CAPTION_BODY, "talk." }, { STEP_SAVE },
  { STEP_CLEAR_PEOPLE }, { STEP_SAVE },
  { STEP_END }
};

static const Step wire_fields[] = {
  { STEP_FIELD, CAPTIONER_FIELD_TITLE, "IRAN-CAUCASUS/MEETING" },
  { STEP_FIELD, CAPTIONER_FIELD_COUNTRY_CODE, "IRN" },
  { STEP_FIELD, CAPTIONER_FIELD_SUB_LOCATION, "Foreign Ministry" },
  { STEP_FIELD, CAPTIONER_FIELD_CAPTION_WRITER, "RH/AB" },
  { STEP_FIELD, CAPTIONER_FIELD_URGENCY, "2" },
  { STEP_FIELD, CAPTIONER_FIELD_CATEGORY, "POL" },
  { STEP_FIELD, CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES, "Politics; Diplomacy" }, { STEP_SAVE },
  { STEP_FIELD, CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES, "Diplomacy; Energy" },
  { STEP_FIELD, CAPTIONER_FIELD_URGENCY, "1" }, { STEP_SAVE },
  { STEP_END }
};

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/captioner/parity/credit-only", credit_only, check_parity);
  g_test_add_data_func ("/captioner/parity/body-then-people", body_then_people, check_parity);
  g_test_add_data_func ("/captioner/parity/people-then-wire-caption", people_then_wire_caption,
                        check_parity);
  g_test_add_data_func ("/captioner/parity/clearing-people", clearing_people, check_parity);
  g_test_add_data_func ("/captioner/parity/wire-fields", wire_fields, check_parity);
  return g_test_run ();
}
