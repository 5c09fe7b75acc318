#pragma once

#include "captioner-photo.h"

G_BEGIN_DECLS

void captioner_json_append_string (GString        *out,
                                   const char     *value);
/* The object that `captioner-cli info --json` prints for one photo. */
void captioner_json_append_photo  (GString        *out,
                                   CaptionerPhoto *photo,
                                   const char     *indent);

G_END_DECLS
