/* The sidecar reader: captioner_xmp_parse_packet (the checks, UTF-16) and captioner_xmp_read_metadata
 * on the input, as a sidecar. What was read is then changed and written back the way a save does, and what
 * Captioner writes it must be able to read again: the fuzzer aborts when it cannot. */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "captioner-xmp.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CaptionerXmp) xmp = NULL;
  g_autoptr(CaptionerXmp) again = NULL;
  g_autoptr(CaptionerMetadata) metadata = NULL;
  g_autoptr(CaptionerMetadata) after = NULL;
  g_autoptr(CaptionerChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CaptionerXmpNotes notes = CAPTIONER_XMP_NOTE_NONE;
  gsize length = 0;

  /* UTF-16 packets are converted first; everything else goes through the checks. */
  xmp = captioner_xmp_parse_packet ((const char *) data, size, &notes, NULL);
  if (xmp == NULL)
    return 0;
  metadata = captioner_metadata_new ();
  captioner_xmp_read_metadata (xmp, 6000, 4000, metadata);

  /* A save: one field changed, written as a change over the packet read. */
  after = captioner_metadata_copy (metadata);
  captioner_metadata_set (after, CAPTIONER_FIELD_CAPTION, "From left, A and B. (Reuters photo)");
  changes = captioner_changes_between (metadata, after);
  captioner_xmp_apply_changes (xmp, metadata, after, changes, 6000, 4000, 1);
  text = captioner_xmp_serialize (xmp, NULL, &length, &error);
  if (text == NULL)
    return 0;
  /* abort(), not g_error(): libFuzzer keeps the input of a SIGABRT, not of G_BREAKPOINT's trap. */
  if (!captioner_xmp_check (text, length, &error))
    {
      fprintf (stderr, "what Captioner wrote is refused when read back: %s\n%s\n",
               error->message, text);
      abort ();
    }
  again = captioner_xmp_parse (text, length, &error);
  if (again == NULL)
    {
      fprintf (stderr, "what Captioner wrote cannot be parsed back: %s\n%s\n", error->message,
               text);
      abort ();
    }
  return 0;
}
