#pragma once

#include <gio/gio.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* What the fault tests share: a photo to save, captioner-cli run or started, and reading a
 * sidecar's fields back with the core's own reader. */

/* A small JPEG (GdkPixbuf) at dir/name; returns its path. */
char       *fault_test_make_photo     (const char          *dir,
                                       const char          *name);
/* Runs captioner-cli with the arguments (NULL-terminated) as a script would; returns its exit
 * status (-1 when killed) and its standard error. child_setup may drop privileges. */
int         fault_test_cli            (char               **err,
                                       GSpawnChildSetupFunc child_setup,
                                       ...) G_GNUC_NULL_TERMINATED;
/* Starts captioner-cli; its standard error is read by fault_test_wait(). */
GPid        fault_test_cli_start      (int                 *err_fd,
                                       const char * const  *args);
/* Waits for a started CLI: its exit status (-1 when killed by a signal) and standard error. */
int         fault_test_wait           (GPid                 pid,
                                       int                  err_fd,
                                       char               **err);
/* The metadata a sidecar's bytes hold, or NULL when they are not a complete, valid sidecar. */
CaptionerMetadata *fault_test_parse   (GBytes              *bytes);
GBytes     *fault_test_read           (const char          *path);
/* The names in a folder, sorted, joined by spaces. */
char       *fault_test_list           (const char          *dir);
char       *fault_test_sha256         (const char          *path);

G_END_DECLS
