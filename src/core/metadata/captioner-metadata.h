#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_METADATA (captioner_metadata_get_type ())

/* The caption fields of a photo, as read (sidecar over embedded XMP over IIM over EXIF) or as
 * the editor wants them written. Text fields are NULL when absent. */
typedef enum
{
  CAPTIONER_FIELD_CAPTION,
  CAPTIONER_FIELD_CAPTION_BODY,
  CAPTIONER_FIELD_HEADLINE,
  CAPTIONER_FIELD_CREDIT,
  CAPTIONER_FIELD_BYLINE,
  CAPTIONER_FIELD_SOURCE,
  CAPTIONER_FIELD_COPYRIGHT,
  CAPTIONER_FIELD_EVENT,
  CAPTIONER_FIELD_CITY,
  CAPTIONER_FIELD_STATE,
  CAPTIONER_FIELD_COUNTRY,
  CAPTIONER_FIELD_INSTRUCTIONS,
  CAPTIONER_FIELD_JOB_ID,
  CAPTIONER_FIELD_DATE_CREATED,
  CAPTIONER_FIELD_STYLE,
  CAPTIONER_FIELD_COMPOSED,
  /* The wire's fields (issue 18), appended so that every value above keeps its meaning. */
  CAPTIONER_FIELD_TITLE,                    /* Object Name: dc:title, IIM 2:05 */
  CAPTIONER_FIELD_COUNTRY_CODE,             /* ISO 3166 code: Iptc4xmpCore:CountryCode, 2:100 */
  CAPTIONER_FIELD_SUB_LOCATION,             /* Iptc4xmpCore:Location, IIM 2:92 */
  CAPTIONER_FIELD_CAPTION_WRITER,           /* photoshop:CaptionWriter, IIM 2:122 */
  CAPTIONER_FIELD_URGENCY,                  /* "1" (most urgent) to "8": photoshop:Urgency, 2:10 */
  CAPTIONER_FIELD_CATEGORY,                 /* photoshop:Category, IIM 2:15 */
  /* photoshop:SupplementalCategories (a bag), IIM 2:20 (repeated): the items joined with
   * "; ", as the by-line's are. */
  CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES,
  CAPTIONER_N_FIELDS
} CaptionerField;

typedef struct
{
  char      *fields[CAPTIONER_N_FIELDS];
  GStrv      keywords;   /* NULL-terminated, never NULL */
  GPtrArray *people;     /* CaptionerPerson*, as the editor gave them; never NULL */
  /* The captions in other languages than the main one, NULL when none: read and written
   * through captioner-metadata-language.h. */
  GHashTable *languages;
} CaptionerMetadata;

GType              captioner_metadata_get_type     (void) G_GNUC_CONST;
CaptionerMetadata *captioner_metadata_new          (void);
CaptionerMetadata *captioner_metadata_copy         (const CaptionerMetadata *metadata);
void               captioner_metadata_free         (CaptionerMetadata       *metadata);
gboolean           captioner_metadata_equal        (const CaptionerMetadata *a,
                                                    const CaptionerMetadata *b);
const char        *captioner_metadata_get          (const CaptionerMetadata *metadata,
                                                    CaptionerField           field);
void               captioner_metadata_set          (CaptionerMetadata       *metadata,
                                                    CaptionerField           field,
                                                    const char              *value);
void               captioner_metadata_set_keywords (CaptionerMetadata       *metadata,
                                                    const char * const      *keywords);
const char        *captioner_field_get_name        (CaptionerField           field);
/* A caption that is more than a credit or what the camera writes (captioner-caption-check.h). */
gboolean           captioner_metadata_is_captioned (const CaptionerMetadata *metadata);
/* Whether a caption is another program's: there is one, and it is not the one Captioner
 * composed and recorded there (CAPTIONER_FIELD_COMPOSED). The rule every reader of a stored
 * caption follows; what a draft does with such a caption is in captioner-draft.c. */
gboolean           captioner_caption_is_foreign    (const char              *caption,
                                                    const char              *composed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerMetadata, captioner_metadata_free)

G_END_DECLS
