#pragma once

#include <gio/gio.h>
#include <stdio.h>

#include "captioner-desk.h"

G_BEGIN_DECLS

/* Each takes argv with argv[0] the command name and returns the exit status:
 * 0 every file succeeded, 1 some file failed (one stderr line each), 2 bad usage. */
int  captioner_cli_info    (int    argc,
                            char **argv);
int  captioner_cli_set     (int    argc,
                            char **argv);
int  captioner_cli_compose (int    argc,
                            char **argv);

/* Shared helpers of the commands. Messages for the user go to captioner_cli_stderr (): the
 * process's own stderr is closed to libraries that print there behind our back. */
FILE *captioner_cli_stderr (void);
void captioner_cli_report  (const GError *error);
void captioner_cli_report_message (const char *message);
GPtrArray *captioner_cli_files_from_args (char **args);
/* A string the window's preferences hold (GSettings), or NULL when its schema is not
 * installed: the CLI then keeps its own default. */
char *captioner_cli_dup_setting_string (const char *key);
CaptionerDesk *captioner_cli_open_desk (char **args,
                                        int   *status);

G_END_DECLS
