#pragma once

#include "captioner-template.h"

G_BEGIN_DECLS

/* Where a template was read from or written to (captioner-template-file.c). */
void captioner_template_set_origin (CaptionerTemplate *self,
                                    GFile             *file,
                                    gboolean           read_only);

G_END_DECLS
