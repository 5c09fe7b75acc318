#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Helpers for the tests that drive captioner-cli as a user or a script would: run it (and
 * exiftool, the oracle) in a subprocess with a timeout, make photos, read JSON output. */

#define CLI_TEST_TIMEOUT_SECONDS 20

typedef struct
{
  int       exit_status;  /* -1 when the process did not exit normally */
  int       term_signal;  /* the signal that killed it, or 0 */
  gboolean  timed_out;
  char     *out;          /* never NULL */
  char     *err;          /* never NULL */
} CliRun;

void     cli_test_init          (int          *argc,
                                 char       ***argv);

CliRun  *cli_run_argv           (const char * const *argv,
                                 const char         *input);
/* Runs captioner-cli with the given arguments (NULL-terminated). */
CliRun  *cli_run                (const char  *first_arg,
                                 ...) G_GNUC_NULL_TERMINATED;
/* captioner-cli COMMAND PHOTO ARGS... (@args NULL-terminated, may be NULL). */
CliRun  *cli_run_command        (const char         *command,
                                 const char         *photo,
                                 const char * const *args);
void     cli_run_free           (CliRun      *run);
guint    cli_run_count_err_lines (const CliRun *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* A run that did not crash, did not hang and exited with @status. */
#define cli_assert_exit(run, status) G_STMT_START {                                     \
    const CliRun *_r = (run);                                                           \
    if (_r->exit_status != (status) || _r->timed_out || _r->term_signal != 0)           \
      g_test_message ("exit %d signal %d timed out %d\nstdout: %s\nstderr: %s",         \
                      _r->exit_status, _r->term_signal, _r->timed_out, _r->out, _r->err); \
    g_assert_false (_r->timed_out);                                                     \
    g_assert_cmpint (_r->term_signal, ==, 0);                                           \
    g_assert_cmpint (_r->exit_status, ==, (status));                                    \
  } G_STMT_END

/* Exit 1 and exactly one line on stderr that names @name. */
#define cli_assert_one_error(run, name) G_STMT_START {                                  \
    const CliRun *_e = (run);                                                           \
    cli_assert_exit (_e, 1);                                                            \
    g_assert_cmpuint (cli_run_count_err_lines (_e), ==, 1);                             \
    g_assert_nonnull (strstr (_e->err, (name)));                                        \
  } G_STMT_END

/* Flattened JSON: every value under a path such as "[0].people[1].region.x"; arrays and
 * objects also record their length. */
typedef GHashTable JsonFlat;

JsonFlat   *json_flat_parse     (const char  *json_text);
gboolean    json_flat_has       (JsonFlat    *flat,
                                 const char  *path_format,
                                 ...) G_GNUC_PRINTF (2, 3);
gboolean    json_flat_is_null   (JsonFlat    *flat,
                                 const char  *path_format,
                                 ...) G_GNUC_PRINTF (2, 3);
/* A string or number as text; NULL when absent or null. */
const char *json_flat_str       (JsonFlat    *flat,
                                 const char  *path_format,
                                 ...) G_GNUC_PRINTF (2, 3);
/* A number (or a string holding one); NAN when absent. */
double      json_flat_num       (JsonFlat    *flat,
                                 const char  *path_format,
                                 ...) G_GNUC_PRINTF (2, 3);
/* The length of an array or object; -1 when absent or not one. */
int         json_flat_len       (JsonFlat    *flat,
                                 const char  *path_format,
                                 ...) G_GNUC_PRINTF (2, 3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JsonFlat, g_hash_table_unref)

/* exiftool -j -struct -G1 -n FILE, flattened; keys look like "[0].XMP-dc:Description". */
JsonFlat   *exiftool_read       (const char  *path);
/* exiftool -overwrite_original -n ARGS... FILE; asserts it succeeded. */
void        exiftool_write      (const char  *path,
                                 const char  *first_arg,
                                 ...) G_GNUC_NULL_TERMINATED;

/* A directory for this test's files, inside the isolated home. */
char       *test_dir_new        (void);
/* A JPEG of @width x @height pixels drawn with GdkPixbuf, no metadata. */
char       *make_jpeg           (const char  *dir,
                                 const char  *name,
                                 int          width,
                                 int          height);
GBytes     *read_bytes          (const char  *path);
void        write_bytes         (const char  *path,
                                 const void  *data,
                                 gsize        len);
void        copy_file           (const char  *from,
                                 const char  *to);
/* SHA-256 of the file, or "missing" when it does not exist. */
char       *file_checksum       (const char  *path);
/* The names in @dir, sorted and joined by spaces. */
char       *list_dir            (const char  *dir);
/* "NAME@X,Y,W,H" with a C-locale decimal point. */
char       *person_arg          (const char  *name,
                                 double       x,
                                 double       y,
                                 double       w,
                                 double       h);

G_END_DECLS
