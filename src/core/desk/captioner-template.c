#define G_LOG_DOMAIN "captioner-template"

#include "config.h"

#include <string.h>

#include "captioner-template-private.h"

typedef struct
{
  char                 *value;
  gboolean              apply;
  CaptionerTemplateMode mode;
} Slot;

struct _CaptionerTemplate
{
  GObject   parent_instance;

  char     *name;
  GFile    *file;
  gboolean  read_only;
  Slot      slots[CAPTIONER_TEMPLATE_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (CaptionerTemplate, captioner_template, G_TYPE_OBJECT)

G_DEFINE_QUARK (captioner-template-error-quark, captioner_template_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_FILE,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct
{
  const char     *name;
  CaptionerField  metadata_field;
} field_info[CAPTIONER_TEMPLATE_N_FIELDS] = {
  { "credit",       CAPTIONER_FIELD_CREDIT },
  { "byline",       CAPTIONER_FIELD_BYLINE },
  { "source",       CAPTIONER_FIELD_SOURCE },
  { "copyright",    CAPTIONER_FIELD_COPYRIGHT },
  { "event",        CAPTIONER_FIELD_EVENT },
  { "city",         CAPTIONER_FIELD_CITY },
  { "state",        CAPTIONER_FIELD_STATE },
  { "country",      CAPTIONER_FIELD_COUNTRY },
  { "keywords",     CAPTIONER_N_FIELDS },
  { "instructions", CAPTIONER_FIELD_INSTRUCTIONS },
  { "body",         CAPTIONER_FIELD_CAPTION_BODY },
};

const char *
captioner_template_field_get_name (CaptionerTemplateField field)
{
  g_return_val_if_fail (field < CAPTIONER_TEMPLATE_N_FIELDS, NULL);
  return field_info[field].name;
}

gboolean
captioner_template_field_from_name (const char             *name,
                                    CaptionerTemplateField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; name != NULL && i < CAPTIONER_TEMPLATE_N_FIELDS; i++)
    if (g_ascii_strcasecmp (name, field_info[i].name) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

CaptionerField
captioner_template_field_get_metadata_field (CaptionerTemplateField field)
{
  g_return_val_if_fail (field < CAPTIONER_TEMPLATE_N_FIELDS, CAPTIONER_N_FIELDS);
  return field_info[field].metadata_field;
}

static void
captioner_template_finalize (GObject *object)
{
  CaptionerTemplate *self = CAPTIONER_TEMPLATE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->file);
  for (guint i = 0; i < CAPTIONER_TEMPLATE_N_FIELDS; i++)
    g_clear_pointer (&self->slots[i].value, g_free);
  G_OBJECT_CLASS (captioner_template_parent_class)->finalize (object);
}

static void
captioner_template_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CaptionerTemplate *self = CAPTIONER_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_template_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CaptionerTemplate *self = CAPTIONER_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      captioner_template_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
captioner_template_class_init (CaptionerTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = captioner_template_finalize;
  object_class->get_property = captioner_template_get_property;
  object_class->set_property = captioner_template_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
captioner_template_init (CaptionerTemplate *self)
{
}

CaptionerTemplate *
captioner_template_new (const char *name)
{
  return g_object_new (CAPTIONER_TYPE_TEMPLATE, "name", name, NULL);
}

CaptionerTemplate *
captioner_template_copy (CaptionerTemplate *self)
{
  CaptionerTemplate *copy;

  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), NULL);

  copy = captioner_template_new (self->name);
  for (guint i = 0; i < CAPTIONER_TEMPLATE_N_FIELDS; i++)
    {
      copy->slots[i] = self->slots[i];
      copy->slots[i].value = g_strdup (self->slots[i].value);
    }
  captioner_template_set_origin (copy, self->file, self->read_only);
  return copy;
}

const char *
captioner_template_get_name (CaptionerTemplate *self)
{
  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), NULL);
  return self->name;
}

void
captioner_template_set_name (CaptionerTemplate *self,
                             const char        *name)
{
  g_return_if_fail (CAPTIONER_IS_TEMPLATE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

GFile *
captioner_template_get_file (CaptionerTemplate *self)
{
  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), NULL);
  return self->file;
}

gboolean
captioner_template_get_read_only (CaptionerTemplate *self)
{
  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), FALSE);
  return self->read_only;
}

void
captioner_template_set_origin (CaptionerTemplate *self,
                               GFile             *file,
                               gboolean           read_only)
{
  read_only = !!read_only;
  if (self->file != file &&
      (self->file == NULL || file == NULL || !g_file_equal (self->file, file)))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

const char *
captioner_template_get_value (CaptionerTemplate      *self,
                              CaptionerTemplateField  field)
{
  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (field < CAPTIONER_TEMPLATE_N_FIELDS, NULL);
  return self->slots[field].value;
}

void
captioner_template_set_value (CaptionerTemplate      *self,
                              CaptionerTemplateField  field,
                              const char             *value)
{
  Slot *slot;

  g_return_if_fail (CAPTIONER_IS_TEMPLATE (self));
  g_return_if_fail (field < CAPTIONER_TEMPLATE_N_FIELDS);

  slot = &self->slots[field];
  if (g_strcmp0 (slot->value, value) == 0 && (value == NULL || slot->apply))
    return;
  g_free (slot->value);
  slot->value = g_strdup (value);
  /* As in Photo Mechanic: typing into a field turns it on. */
  if (value != NULL && *value != '\0')
    slot->apply = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
captioner_template_get_apply (CaptionerTemplate      *self,
                              CaptionerTemplateField  field)
{
  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (field < CAPTIONER_TEMPLATE_N_FIELDS, FALSE);
  return self->slots[field].apply;
}

void
captioner_template_set_apply (CaptionerTemplate      *self,
                              CaptionerTemplateField  field,
                              gboolean                apply)
{
  g_return_if_fail (CAPTIONER_IS_TEMPLATE (self));
  g_return_if_fail (field < CAPTIONER_TEMPLATE_N_FIELDS);

  apply = !!apply;
  if (self->slots[field].apply == apply)
    return;
  self->slots[field].apply = apply;
  g_signal_emit (self, signals[CHANGED], 0);
}

CaptionerTemplateMode
captioner_template_get_mode (CaptionerTemplate      *self,
                             CaptionerTemplateField  field)
{
  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), CAPTIONER_TEMPLATE_MODE_REPLACE);
  g_return_val_if_fail (field < CAPTIONER_TEMPLATE_N_FIELDS, CAPTIONER_TEMPLATE_MODE_REPLACE);
  return self->slots[field].mode;
}

void
captioner_template_set_mode (CaptionerTemplate      *self,
                             CaptionerTemplateField  field,
                             CaptionerTemplateMode   mode)
{
  g_return_if_fail (CAPTIONER_IS_TEMPLATE (self));
  g_return_if_fail (field < CAPTIONER_TEMPLATE_N_FIELDS);
  g_return_if_fail (mode == CAPTIONER_TEMPLATE_MODE_REPLACE ||
                    mode == CAPTIONER_TEMPLATE_MODE_APPEND);

  if (self->slots[field].mode == mode)
    return;
  self->slots[field].mode = mode;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The date taken (ISO 8601, as the metadata keeps it) as a GDateTime in its own time. */
static GDateTime *
parse_date (const char *date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *full = NULL;

  if (date == NULL || strlen (date) < 10)
    return NULL;
  full = strlen (date) == 10 ? g_strconcat (date, "T00:00:00", NULL) : g_strdup (date);
  return g_date_time_new_from_iso8601 (full, utc);
}

/* A variable's value, or NULL when there is no such variable. */
static char *
variable_value (const char              *name,
                const CaptionerMetadata *metadata,
                GFile                   *file)
{
  const char *date = metadata ? metadata->fields[CAPTIONER_FIELD_DATE_CREATED] : NULL;

  if (g_str_equal (name, "filename") || g_str_equal (name, "filenamebase"))
    {
      g_autofree char *base = file ? g_file_get_basename (file) : g_strdup ("");
      char *dot = strrchr (base, '.');

      if (name[8] != '\0' && dot != NULL && dot != base)
        *dot = '\0';
      return g_steal_pointer (&base);
    }
  if (g_str_equal (name, "date"))
    {
      g_autoptr(GDateTime) when = parse_date (date);

      return when ? g_date_time_format (when, "%Y-%m-%d") : g_strdup ("");
    }
  if (g_str_has_prefix (name, "date:"))
    {
      g_autoptr(GDateTime) when = parse_date (date);
      char *text = when ? g_date_time_format (when, name + 5) : NULL;

      return text ? text : g_strdup ("");
    }
  if (g_str_equal (name, "city"))
    return g_strdup (metadata ? metadata->fields[CAPTIONER_FIELD_CITY] : NULL);
  if (g_str_equal (name, "country"))
    return g_strdup (metadata ? metadata->fields[CAPTIONER_FIELD_COUNTRY] : NULL);
  if (g_str_equal (name, "credit"))
    return g_strdup (metadata ? metadata->fields[CAPTIONER_FIELD_CREDIT] : NULL);
  if (g_str_equal (name, "byline"))
    return g_strdup (metadata ? metadata->fields[CAPTIONER_FIELD_BYLINE] : NULL);
  return NULL;
}

static gboolean
is_variable_name (const char *name)
{
  return g_str_equal (name, "filename") || g_str_equal (name, "filenamebase") ||
         g_str_equal (name, "date") || g_str_has_prefix (name, "date:") ||
         g_str_equal (name, "city") || g_str_equal (name, "country") ||
         g_str_equal (name, "credit") || g_str_equal (name, "byline");
}

char *
captioner_template_expand_variables (const char              *text,
                                     const CaptionerMetadata *metadata,
                                     GFile                   *file)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      const char *close = *p == '{' ? strchr (p + 1, '}') : NULL;

      if (close != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, close - p - 1);

          if (is_variable_name (name))
            {
              g_autofree char *value = variable_value (name, metadata, file);

              if (value != NULL)
                g_string_append (out, value);
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static GStrv
split_keywords (const char *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (value != NULL ? value : "", ",;", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
has_keyword (GPtrArray  *keywords,
             const char *keyword)
{
  g_autofree char *folded = g_utf8_casefold (keyword, -1);

  for (guint i = 0; i < keywords->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (keywords, i), -1);

      if (g_str_equal (folded, other))
        return TRUE;
    }
  return FALSE;
}

static void
apply_keywords (CaptionerMetadata     *metadata,
                const char            *value,
                CaptionerTemplateMode  mode)
{
  g_auto(GStrv) wanted = split_keywords (value);
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();

  if (mode == CAPTIONER_TEMPLATE_MODE_APPEND)
    for (guint i = 0; metadata->keywords[i] != NULL; i++)
      g_ptr_array_add (keywords, metadata->keywords[i]);
  for (guint i = 0; wanted[i] != NULL; i++)
    if (!has_keyword (keywords, wanted[i]))
      g_ptr_array_add (keywords, wanted[i]);
  g_ptr_array_add (keywords, NULL);
  captioner_metadata_set_keywords (metadata, (const char * const *) keywords->pdata);
}

static void
apply_field (CaptionerTemplate           *self,
             CaptionerTemplateField       field,
             CaptionerMetadata           *metadata,
             const CaptionerMetadata     *context,
             GFile                       *file,
             CaptionerTemplateApplyFlags  flags)
{
  const Slot *slot = &self->slots[field];
  CaptionerField target = field_info[field].metadata_field;
  g_autofree char *value = NULL;
  const char *current;

  if (!slot->apply)
    return;
  if (target == CAPTIONER_N_FIELDS)
    current = metadata->keywords[0];
  else
    current = metadata->fields[target];
  if ((flags & CAPTIONER_TEMPLATE_APPLY_ONLY_EMPTY) && current != NULL && *current != '\0')
    return;

  value = captioner_template_expand_variables (slot->value ? slot->value : "", context, file);
  if (target == CAPTIONER_N_FIELDS)
    {
      apply_keywords (metadata, value, slot->mode);
      return;
    }
  if (slot->mode == CAPTIONER_TEMPLATE_MODE_REPLACE)
    captioner_metadata_set (metadata, target, *value != '\0' ? value : NULL);
  else if (*value == '\0' || (current != NULL && g_str_has_suffix (current, value)))
    return;
  else if (current == NULL || *current == '\0')
    captioner_metadata_set (metadata, target, value);
  else
    {
      g_autofree char *joined = g_strconcat (current, " ", value, NULL);

      captioner_metadata_set (metadata, target, joined);
    }
}

/* Fields other fields' variables name: filled first, so that "{city}" in the body is the
 * city the template gives. */
static gboolean
is_variable_field (CaptionerTemplateField field)
{
  return field == CAPTIONER_TEMPLATE_FIELD_CITY || field == CAPTIONER_TEMPLATE_FIELD_COUNTRY ||
         field == CAPTIONER_TEMPLATE_FIELD_CREDIT || field == CAPTIONER_TEMPLATE_FIELD_BYLINE;
}

CaptionerChanges *
captioner_template_apply (CaptionerTemplate           *self,
                          CaptionerMetadata           *metadata,
                          GFile                       *file,
                          CaptionerTemplateApplyFlags  flags)
{
  g_autoptr(CaptionerMetadata) before = NULL;

  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (metadata != NULL, NULL);

  before = captioner_metadata_copy (metadata);
  for (guint f = 0; f < CAPTIONER_TEMPLATE_N_FIELDS; f++)
    if (is_variable_field (f))
      apply_field (self, f, metadata, before, file, flags);
  for (guint f = 0; f < CAPTIONER_TEMPLATE_N_FIELDS; f++)
    if (!is_variable_field (f))
      apply_field (self, f, metadata, metadata, file, flags);
  return captioner_changes_between (before, metadata);
}
