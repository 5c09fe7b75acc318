#pragma once

#include <glib.h>

#include "captioner-metadata.h"

G_BEGIN_DECLS

/* What captioner-iptc.c (writing) and captioner-iptc-read.c share. IPTC IIM 4.2: each dataset
 * is 0x1C, record, dataset, a 16-bit big-endian length (or an extended length when the top
 * bit is set), then the value. */

#define IIM_TAG 0x1C
#define IRB_IPTC 0x0404
#define IRB_IPTC_DIGEST 0x0425

typedef struct
{
  guint8         dataset;
  CaptionerField field;
} CaptionerIimField;

/* The record 2 datasets of the caption fields, the keywords (25) and the date (55, 60) aside. */
#define CAPTIONER_IIM_N_FIELDS 11
extern const CaptionerIimField captioner_iim_fields[];

/* The wire's datasets (Object Name, Urgency, Category, Supplemental Category, Sub-location,
 * Country Code, Writer/Editor). Written from a field that has a value; a field without one
 * keeps the old block's datasets, as datasets Captioner does not manage are kept. Only 2:20
 * repeats: its values are the field's items, joined with "; ". */
#define CAPTIONER_IIM_N_WIRE_FIELDS 7
extern const CaptionerIimField captioner_iim_wire_fields[];

/* Calls func (when not NULL) for every dataset of an IIM block; stops at the first malformed
 * one. Returns FALSE when it stopped on damage, TRUE when the block ended or only zero padding
 * was left. */
gboolean captioner_iim_parse (const guint8 *data,
                              gsize         length,
                              void        (*func) (guint8, guint8, const guint8 *, gsize, gpointer),
                              gpointer      user_data);
/* Walks the resources of a Photoshop image resource block. Returns FALSE when it is
 * malformed; func gets each resource's id, its whole encoding and its data, and returns FALSE
 * to stop. */
gboolean captioner_irb_walk  (const guint8 *irb,
                              gsize         length,
                              gboolean    (*func) (guint16, const guint8 *, gsize, const guint8 *,
                                                   gsize, gpointer),
                              gpointer      user_data);

G_END_DECLS
