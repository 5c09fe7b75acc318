#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Helpers shared by the export tests: fixtures, spawning the CLI and the oracles. */
char   *export_test_make_dir      (void);
void    export_test_remove_dir    (const char  *dir);
/* A 160×120 JPEG with EXIF (DateTimeOriginal, camera, GPS, a thumbnail, the three text tags),
 * legacy IIM (Latin-1, no 1:90) and embedded XMP, made with GdkPixbuf and exiftool. */
char   *export_test_make_jpeg     (const char  *dir,
                                   const char  *name);
int     export_test_run           (const char * const *argv,
                                   char              **out,
                                   char              **err);
int     export_test_cli           (char              **out,
                                   char              **err,
                                   ...) G_GNUC_NULL_TERMINATED;
char   *export_test_exiftool      (const char         *first,
                                   ...) G_GNUC_NULL_TERMINATED;
char   *export_test_sha256        (const char         *path);
/* Asserts that the file at path has that SHA-256 (freeing what it computed: a sum compared
 * inline, export_test_sha256 () == x, leaked one string per call). */
void    export_test_assert_sha256 (const char         *path,
                                   const char         *expected);
/* Runs python3 with the script and arguments; returns its standard output. */
char   *export_test_python        (const char         *script,
                                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
