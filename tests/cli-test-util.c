#define G_LOG_DOMAIN "captioner-cli-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cli-test-util.h"

typedef struct
{
  GBytes   *out;
  GBytes   *err;
  GError   *error;
  gboolean  done;
} Communication;

void
cli_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* One failing check reports and lets the other cases run. */
  g_test_set_nonfatal_assertions ();
}

static char *
bytes_to_string (GBytes *bytes)
{
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return g_strdup ("");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
on_communicate_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Communication *comm = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result,
                                   &comm->out, &comm->err, &comm->error);
  comm->done = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static CliRun *
run_and_collect (const char * const  *argv,
                 const char          *input,
                 GBytes             **raw_out)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GBytes) input_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSource) timeout = NULL;
  Communication comm = { 0 };
  CliRun *run = g_new0 (CliRun, 1);

  run->exit_status = -1;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  if (process == NULL)
    {
      run->out = g_strdup ("");
      run->err = g_strdup ("");
      return run;
    }

  /* A stdin pipe (so nothing reads the test's own stdin) needs some bytes to send. */
  input_bytes = g_bytes_new (input != NULL ? input : "", input != NULL ? strlen (input) : 0);

  g_main_context_push_thread_default (context);
  g_subprocess_communicate_async (process, input_bytes, NULL, on_communicate_cb, &comm);
  timeout = g_timeout_source_new_seconds (CLI_TEST_TIMEOUT_SECONDS);
  g_source_set_callback (timeout, on_timeout_cb, &run->timed_out, NULL);
  g_source_attach (timeout, context);

  while (!comm.done && !run->timed_out)
    g_main_context_iteration (context, TRUE);
  if (!comm.done)
    {
      g_test_message ("%s did not finish in %d s: killed", argv[0], CLI_TEST_TIMEOUT_SECONDS);
      g_subprocess_force_exit (process);
      while (!comm.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  g_assert_no_error (comm.error);
  g_clear_error (&comm.error);
  run->out = bytes_to_string (comm.out);
  run->err = bytes_to_string (comm.err);
  if (raw_out != NULL)
    *raw_out = comm.out != NULL ? g_bytes_ref (comm.out) : g_bytes_new (NULL, 0);
  g_clear_pointer (&comm.out, g_bytes_unref);
  g_clear_pointer (&comm.err, g_bytes_unref);

  if (g_subprocess_get_if_exited (process))
    run->exit_status = g_subprocess_get_exit_status (process);
  else if (g_subprocess_get_if_signaled (process))
    run->term_signal = g_subprocess_get_term_sig (process);

  return run;
}

CliRun *
cli_run_argv (const char * const *argv,
              const char         *input)
{
  return run_and_collect (argv, input, NULL);
}

CliRun *
cli_run (const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) CAPTIONER_CLI);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return cli_run_argv ((const char * const *) argv->pdata, NULL);
}

/* captioner-cli COMMAND PHOTO ARGS... */
CliRun *
cli_run_command (const char         *command,
                 const char         *photo,
                 const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) CAPTIONER_CLI);
  g_ptr_array_add (argv, (gpointer) command);
  g_ptr_array_add (argv, (gpointer) photo);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return cli_run_argv ((const char * const *) argv->pdata, NULL);
}

void
cli_run_free (CliRun *run)
{
  if (run == NULL)
    return;
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

guint
cli_run_count_err_lines (const CliRun *run)
{
  g_auto(GStrv) lines = g_strsplit (run->err, "\n", -1);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* A trailing newline does not start another line. */
      if (lines[i + 1] == NULL && lines[i][0] == '\0')
        break;
      count++;
    }
  return count;
}

/* Python's json module is the JSON parser: it prints "path\0type value\0" for every value. */
static const char flatten_script[] =
  "import json, sys\n"
  "out = sys.stdout.buffer\n"
  "def put(path, kind, value):\n"
  "    text = (path + '\\0' + kind + value.replace('\\0', '\\ufffd')).encode('utf-8', 'replace')\n"
  "    out.write(text + b'\\0')\n"
  "def walk(path, value):\n"
  "    path = path.replace('\\0', '\\ufffd')\n"
  "    if isinstance(value, dict):\n"
  "        put(path, 'o', str(len(value)))\n"
  "        for key, item in value.items():\n"
  "            walk(path + '.' + key, item)\n"
  "    elif isinstance(value, list):\n"
  "        put(path, 'a', str(len(value)))\n"
  "        for index, item in enumerate(value):\n"
  "            walk('%s[%d]' % (path, index), item)\n"
  "    elif value is None:\n"
  "        put(path, 'n', '')\n"
  "    elif isinstance(value, bool):\n"
  "        put(path, 'b', 'true' if value else 'false')\n"
  "    elif isinstance(value, (int, float)):\n"
  "        put(path, 'd', repr(value))\n"
  "    else:\n"
  "        put(path, 's', value)\n"
  "walk('', json.loads(sys.stdin.buffer.read().decode('utf-8')))\n";

JsonFlat *
json_flat_parse (const char *json_text)
{
  const char *argv[] = { PYTHON3, "-c", flatten_script, NULL };
  GHashTable *flat = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(CliRun) run = run_and_collect (argv, json_text, &raw);
  const char *p, *end;
  gsize len = 0;

  if (run->exit_status != 0 || raw == NULL)
    {
      g_test_message ("not valid JSON (%s):\n%s", run->err, json_text);
      g_test_fail ();
      return flat;
    }

  /* The output holds NULs between keys and values: walk it by its length. */
  p = g_bytes_get_data (raw, &len);
  end = p + len;
  while (p != NULL && p < end)
    {
      const char *key = p;
      const char *value = memchr (key, '\0', end - key);
      const char *next;

      if (value == NULL || ++value >= end)
        break;
      next = memchr (value, '\0', end - value);
      if (next == NULL)
        break;
      g_hash_table_insert (flat, g_strdup (key), g_strdup (value));
      p = next + 1;
    }
  return flat;
}

static const char *
lookup (JsonFlat   *flat,
        const char *path_format,
        va_list     args) G_GNUC_PRINTF (2, 0);

static const char *
lookup (JsonFlat   *flat,
        const char *path_format,
        va_list     args)
{
  g_autofree char *path = g_strdup_vprintf (path_format, args);

  return g_hash_table_lookup (flat, path);
}

gboolean
json_flat_has (JsonFlat   *flat,
               const char *path_format,
               ...)
{
  const char *value;
  va_list args;

  va_start (args, path_format);
  value = lookup (flat, path_format, args);
  va_end (args);
  return value != NULL;
}

gboolean
json_flat_is_null (JsonFlat   *flat,
                   const char *path_format,
                   ...)
{
  const char *value;
  va_list args;

  va_start (args, path_format);
  value = lookup (flat, path_format, args);
  va_end (args);
  return value != NULL && value[0] == 'n';
}

const char *
json_flat_str (JsonFlat   *flat,
               const char *path_format,
               ...)
{
  const char *value;
  va_list args;

  va_start (args, path_format);
  value = lookup (flat, path_format, args);
  va_end (args);
  if (value == NULL || (value[0] != 's' && value[0] != 'd'))
    return NULL;
  return value + 1;
}

double
json_flat_num (JsonFlat   *flat,
               const char *path_format,
               ...)
{
  const char *value;
  char *end = NULL;
  double number;
  va_list args;

  va_start (args, path_format);
  value = lookup (flat, path_format, args);
  va_end (args);
  if (value == NULL || (value[0] != 's' && value[0] != 'd'))
    return NAN;
  number = g_ascii_strtod (value + 1, &end);
  if (end == value + 1)
    return NAN;
  return number;
}

int
json_flat_len (JsonFlat   *flat,
               const char *path_format,
               ...)
{
  const char *value;
  va_list args;

  va_start (args, path_format);
  value = lookup (flat, path_format, args);
  va_end (args);
  if (value == NULL || (value[0] != 'a' && value[0] != 'o'))
    return -1;
  return atoi (value + 1);
}

JsonFlat *
exiftool_read (const char *path)
{
  const char *argv[] = { EXIFTOOL, "-j", "-struct", "-G1", "-n", path, NULL };
  g_autoptr(CliRun) run = cli_run_argv (argv, NULL);

  cli_assert_exit (run, 0);
  return json_flat_parse (run->out);
}

void
exiftool_write (const char *path,
                const char *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(CliRun) run = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) EXIFTOOL);
  g_ptr_array_add (argv, (gpointer) "-q");
  g_ptr_array_add (argv, (gpointer) "-overwrite_original");
  g_ptr_array_add (argv, (gpointer) "-n");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, NULL);

  run = cli_run_argv ((const char * const *) argv->pdata, NULL);
  cli_assert_exit (run, 0);
}

char *
test_dir_new (void)
{
  char *dir = g_build_filename (g_get_home_dir (), "photos", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

char *
make_jpeg (const char *dir,
           const char *name,
           int         width,
           int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);

  /* A gradient, so the picture has a visible left, right, top and bottom. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *pixel = pixels + y * rowstride + x * 3;

        pixel[0] = (guchar) (255 * x / width);
        pixel[1] = (guchar) (255 * y / height);
        pixel[2] = 128;
      }

  gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "80", NULL);
  g_assert_no_error (error);
  return path;
}

GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  if (contents == NULL)
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (contents, len);
}

void
write_bytes (const char *path,
             const void *data,
             gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = read_bytes (from);

  write_bytes (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

char *
person_arg (const char *name,
            double      x,
            double      y,
            double      w,
            double      h)
{
  char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];
  char bw[G_ASCII_DTOSTR_BUF_SIZE], bh[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s@%s,%s,%s,%s", name,
                          g_ascii_formatd (bx, sizeof bx, "%.4f", x),
                          g_ascii_formatd (by, sizeof by, "%.4f", y),
                          g_ascii_formatd (bw, sizeof bw, "%.4f", w),
                          g_ascii_formatd (bh, sizeof bh, "%.4f", h));
}
