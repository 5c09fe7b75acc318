#pragma once

#include <gio/gio.h>

#include "captioner-changes.h"
#include "captioner-metadata.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_TEMPLATE (captioner_template_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerTemplate, captioner_template, CAPTIONER, TEMPLATE, GObject)

#define CAPTIONER_TEMPLATE_ERROR (captioner_template_error_quark ())

typedef enum
{
  CAPTIONER_TEMPLATE_ERROR_INVALID,    /* not a template file (the message names it) */
  CAPTIONER_TEMPLATE_ERROR_NOT_FOUND,  /* no template of that name */
} CaptionerTemplateError;

GQuark captioner_template_error_quark (void);

/* The fields a template fills, in the order a form shows them. */
typedef enum
{
  CAPTIONER_TEMPLATE_FIELD_CREDIT,
  CAPTIONER_TEMPLATE_FIELD_BYLINE,
  CAPTIONER_TEMPLATE_FIELD_SOURCE,
  CAPTIONER_TEMPLATE_FIELD_COPYRIGHT,
  CAPTIONER_TEMPLATE_FIELD_EVENT,
  CAPTIONER_TEMPLATE_FIELD_CITY,
  CAPTIONER_TEMPLATE_FIELD_STATE,
  CAPTIONER_TEMPLATE_FIELD_COUNTRY,
  CAPTIONER_TEMPLATE_FIELD_KEYWORDS,      /* separated by "," or ";" */
  CAPTIONER_TEMPLATE_FIELD_INSTRUCTIONS,
  CAPTIONER_TEMPLATE_FIELD_BODY,          /* the caption's body (CAPTIONER_FIELD_CAPTION_BODY) */
  CAPTIONER_TEMPLATE_N_FIELDS
} CaptionerTemplateField;

typedef enum
{
  CAPTIONER_TEMPLATE_MODE_REPLACE,  /* the field becomes the template's value (empty clears) */
  CAPTIONER_TEMPLATE_MODE_APPEND,   /* after what the field holds, with a space between (keywords:
                                     * those missing are added); not again when it ends so */
} CaptionerTemplateMode;

typedef enum
{
  CAPTIONER_TEMPLATE_APPLY_DEFAULT    = 0,
  /* Only fields that are empty on the photo (for every photo of a folder, automatically). */
  CAPTIONER_TEMPLATE_APPLY_ONLY_EMPTY = 1 << 0,
} CaptionerTemplateApplyFlags;

/* "credit", "byline", ..., "body": the group names of the file format. */
const char     *captioner_template_field_get_name           (CaptionerTemplateField field);
gboolean        captioner_template_field_from_name          (const char            *name,
                                                             CaptionerTemplateField *field);
/* The metadata field it fills; CAPTIONER_N_FIELDS for keywords (metadata->keywords). */
CaptionerField  captioner_template_field_get_metadata_field (CaptionerTemplateField field);

/* A named set of fields ("stationery"), each with a value, an apply switch and a mode. Values
 * may hold variables: {filename} (DSC_0001.JPG), {filenamebase} (DSC_0001), {date} (the date
 * taken, 2024-10-18), {date:FORMAT} (as g_date_time_format, "{date:%B %-d, %Y}"), and the
 * photo's {city}, {country}, {credit} and {byline} as the template leaves them. A variable
 * without a value is empty; an unknown one stays as written. Setting a value turns its field's
 * apply switch on. The "changed" signal tells any change of the fields. */
CaptionerTemplate    *captioner_template_new        (const char            *name);
CaptionerTemplate    *captioner_template_copy       (CaptionerTemplate     *self);
const char           *captioner_template_get_name  (CaptionerTemplate     *self);
void                  captioner_template_set_name  (CaptionerTemplate     *self,
                                                    const char            *name);
/* Where it was loaded from or saved to; NULL for a new template. */
GFile                *captioner_template_get_file  (CaptionerTemplate     *self);
/* From a desk folder: saving it saves the user's own copy. */
gboolean              captioner_template_get_read_only (CaptionerTemplate *self);

const char           *captioner_template_get_value (CaptionerTemplate     *self,
                                                    CaptionerTemplateField field);
void                  captioner_template_set_value (CaptionerTemplate     *self,
                                                    CaptionerTemplateField field,
                                                    const char            *value);
gboolean              captioner_template_get_apply (CaptionerTemplate     *self,
                                                    CaptionerTemplateField field);
void                  captioner_template_set_apply (CaptionerTemplate     *self,
                                                    CaptionerTemplateField field,
                                                    gboolean               apply);
CaptionerTemplateMode captioner_template_get_mode  (CaptionerTemplate     *self,
                                                    CaptionerTemplateField field);
void                  captioner_template_set_mode  (CaptionerTemplate     *self,
                                                    CaptionerTemplateField field,
                                                    CaptionerTemplateMode  mode);

/* @text with its variables replaced for the photo @file with @metadata (either may be NULL). */
char                 *captioner_template_expand_variables (const char              *text,
                                                           const CaptionerMetadata *metadata,
                                                           GFile                   *file);
/* Fills @metadata's fields whose switch is on. Returns what changed (never NULL; empty when
 * nothing did). The caption is not composed again here: the caller does, as after any edit
 * of the body or credit. */
CaptionerChanges     *captioner_template_apply      (CaptionerTemplate          *self,
                                                     CaptionerMetadata          *metadata,
                                                     GFile                      *file,
                                                     CaptionerTemplateApplyFlags flags);

/* Files: NAME.captioner-template, a GKeyFile:
 *   [Template]
 *   Name=Summit pool
 *   [credit]
 *   Value=Reuters
 *   Apply=true
 *   Mode=replace          (or append)
 * one group per field the template has ("credit" ... "body"); a field without a group is off.
 * The user's templates are in the data folder's templates/, a desk's in its templates/. */
CaptionerTemplate    *captioner_template_load       (GFile                 *file,
                                                     gboolean               read_only,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
char                 *captioner_template_to_data    (CaptionerTemplate     *self);
/* Writes it atomically into @folder (the user's templates/ when NULL), as the file it came
 * from when that is in @folder, else under a file name made from its name. Blocking. */
gboolean              captioner_template_save       (CaptionerTemplate     *self,
                                                     GFile                 *folder,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
GFile                *captioner_template_user_folder (void);
/* The templates of @folders (CaptionerTemplate*, sorted by name); on a clash of names the
 * earlier folder wins (give the user's first). A folder that is missing has none; a file that
 * cannot be read is left out and, with @problems, reported there (GError*). Blocking. */
GPtrArray            *captioner_template_list       (GFile * const         *folders,
                                                     guint                  n_folders,
                                                     GPtrArray            **problems,
                                                     GCancellable          *cancellable);
/* The template called @name (ignoring case) in @templates, or NULL. */
CaptionerTemplate    *captioner_template_find       (GPtrArray             *templates,
                                                     const char            *name);

G_END_DECLS
