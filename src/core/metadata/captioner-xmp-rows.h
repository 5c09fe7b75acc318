#pragma once

#include <exempi/xmp.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* The rows the editor put people in (CaptionerPerson.row), in Captioner's own namespace:
 * captioner:PersonRows, a bag of structs { captioner:Name, captioner:Row }. Other programs'
 * region schemes have no place for a row, and a person is found again by name. */

/* Gives each person the row the packet names them in (the first person of that name whose
 * row is not set yet). */
void captioner_xmp_read_rows  (XmpPtr                   xmp,
                               GPtrArray               *people);
/* Writes after's rows when they differ from before's (by name and row); removes the property
 * when no person has a row. Nothing is touched otherwise. */
void captioner_xmp_apply_rows (XmpPtr                   xmp,
                               GPtrArray               *before,
                               GPtrArray               *after);

G_END_DECLS
