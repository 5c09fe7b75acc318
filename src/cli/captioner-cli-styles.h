#pragma once

#include "captioner-desk.h"

G_BEGIN_DECLS

/* `captioner-cli styles`: one line per style known, "ID\tNAME\tLANGUAGE\tEXAMPLE". */
int      captioner_cli_styles       (int            argc,
                                     char         **argv);
/* Reads the user's named styles (styles/ in the user data folder), once. */
void     captioner_cli_load_styles  (void);
/* FALSE, after a line on stderr naming @id and the known ids, when no style has that id. */
gboolean captioner_cli_check_style  (const char    *command,
                                     const char    *id);
/* Stores @id as each photo's style (CAPTIONER_FIELD_STYLE, the caption composed in it) and
 * saves, as `set` does; reports each file that cannot be saved and returns 1 then, else 0. */
int      captioner_cli_apply_style  (CaptionerDesk *desk,
                                     const char    *id);

G_END_DECLS
