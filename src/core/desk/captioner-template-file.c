#define G_LOG_DOMAIN "captioner-template"

#include "config.h"

#include "captioner-error.h"

#include <glib/gi18n.h>
#include <string.h>

#include "captioner-template-private.h"
#include "captioner-user-data.h"

#define GROUP     "Template"
#define EXTENSION ".captioner-template"

GFile *
captioner_template_user_folder (void)
{
  return captioner_user_data_file ("templates");
}

static CaptionerTemplate *
template_from_key_file (GKeyFile    *key_file,
                        const char  *origin,
                        GError     **error)
{
  g_autoptr(CaptionerTemplate) self = NULL;
  g_autofree char *name = g_key_file_get_string (key_file, GROUP, "Name", NULL);

  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_set_error (error, CAPTIONER_TEMPLATE_ERROR, CAPTIONER_TEMPLATE_ERROR_INVALID,
                   _("%s: not a template (no Name in [Template])"), origin);
      return NULL;
    }
  self = captioner_template_new (name);
  for (guint f = 0; f < CAPTIONER_TEMPLATE_N_FIELDS; f++)
    {
      const char *group = captioner_template_field_get_name (f);
      g_autofree char *value = NULL;
      g_autofree char *mode = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean apply;

      if (!g_key_file_has_group (key_file, group))
        continue;
      value = g_key_file_get_string (key_file, group, "Value", NULL);
      apply = g_key_file_get_boolean (key_file, group, "Apply", &local_error);
      if (local_error != NULL)
        apply = TRUE;
      mode = g_key_file_get_string (key_file, group, "Mode", NULL);
      captioner_template_set_value (self, f, value);
      captioner_template_set_apply (self, f, apply);
      captioner_template_set_mode (self, f, g_strcmp0 (mode, "append") == 0
                                            ? CAPTIONER_TEMPLATE_MODE_APPEND
                                            : CAPTIONER_TEMPLATE_MODE_REPLACE);
    }
  return g_steal_pointer (&self);
}

CaptionerTemplate *
captioner_template_load (GFile         *file,
                         gboolean       read_only,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *contents = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(GError) local_error = NULL;
  CaptionerTemplate *self;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  origin = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    {
      if (error != NULL && *error != NULL && strstr ((*error)->message, origin) == NULL)
        g_prefix_error (error, "%s: ", origin);
      return NULL;
    }
  if (!g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_KEEP_COMMENTS,
                                  &local_error))
    {
      g_set_error (error, CAPTIONER_TEMPLATE_ERROR, CAPTIONER_TEMPLATE_ERROR_INVALID,
                   _("%s: not a template (%s)"), origin, local_error->message);
      return NULL;
    }
  self = template_from_key_file (key_file, origin, error);
  if (self != NULL)
    captioner_template_set_origin (self, file, read_only);
  return self;
}

char *
captioner_template_to_data (CaptionerTemplate *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), NULL);

  g_key_file_set_string (key_file, GROUP, "Name", captioner_template_get_name (self)
                                                  ? captioner_template_get_name (self) : "");
  g_key_file_set_comment (key_file, NULL, NULL,
                          " Captioner template: one group per field it fills, with its Value,\n"
                          " Apply (true or false) and Mode (replace or append).", NULL);
  for (guint f = 0; f < CAPTIONER_TEMPLATE_N_FIELDS; f++)
    {
      const char *group = captioner_template_field_get_name (f);
      const char *value = captioner_template_get_value (self, f);
      gboolean apply = captioner_template_get_apply (self, f);

      if (value == NULL && !apply)
        continue;
      g_key_file_set_string (key_file, group, "Value", value ? value : "");
      g_key_file_set_boolean (key_file, group, "Apply", apply);
      g_key_file_set_string (key_file, group, "Mode",
                             captioner_template_get_mode (self, f) == CAPTIONER_TEMPLATE_MODE_APPEND
                             ? "append" : "replace");
    }
  return g_key_file_to_data (key_file, NULL, NULL);
}

/* A file name from the template's name: any script, without what a file system refuses. */
static char *
file_name_for (const char *name,
               guint       n)
{
  g_autofree char *base = g_strdup (name != NULL ? name : "");
  GString *out = g_string_new (NULL);

  g_strstrip (base);
  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c) ||
          (out->len == 0 && c == '.'))
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    g_string_append (out, "template");
  if (n > 1)
    g_string_append_printf (out, "-%u", n);
  g_string_append (out, EXTENSION);
  return g_string_free (out, FALSE);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b ? b : "", -1);

  return g_str_equal (fa, fb);
}

gboolean
captioner_template_save (CaptionerTemplate  *self,
                         GFile              *folder,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GFile) user_folder = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *data = NULL;
  GFile *file;

  g_return_val_if_fail (CAPTIONER_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), FALSE);

  if (folder == NULL)
    folder = user_folder = captioner_template_user_folder ();
  file = captioner_template_get_file (self);
  if (file != NULL && !captioner_template_get_read_only (self))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL && g_file_equal (parent, folder))
        target = g_object_ref (file);
    }
  /* A file of that name holding another template is not replaced: a number goes on. */
  for (guint n = 1; target == NULL; n++)
    {
      g_autofree char *name = file_name_for (captioner_template_get_name (self), n);
      g_autoptr(GFile) candidate = g_file_get_child (folder, name);
      g_autoptr(CaptionerTemplate) there = NULL;

      if (!g_file_query_exists (candidate, cancellable))
        target = g_steal_pointer (&candidate);
      else if ((there = captioner_template_load (candidate, FALSE, cancellable, NULL)) != NULL &&
               same_name (captioner_template_get_name (there), captioner_template_get_name (self)))
        target = g_steal_pointer (&candidate);
    }

  data = captioner_template_to_data (self);
  if (!captioner_user_file_write (target, data, strlen (data), error))
    return FALSE;
  captioner_template_set_origin (self, target, FALSE);
  return TRUE;
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  CaptionerTemplate *ta = *(CaptionerTemplate * const *) a;
  CaptionerTemplate *tb = *(CaptionerTemplate * const *) b;

  return g_utf8_collate (captioner_template_get_name (ta), captioner_template_get_name (tb));
}

static void
list_folder (GFile        *folder,
             gboolean      read_only,
             GPtrArray    *templates,
             GPtrArray    *problems,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (children == NULL)
    {
      if (!captioner_error_is_missing (error) && problems != NULL)
        g_ptr_array_add (problems, g_steal_pointer (&error));
      return;
    }
  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, EXTENSION) && name[0] != '.')
        g_ptr_array_add (found, g_file_get_child (folder, name));
      g_object_unref (info);
    }
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(GError) load_error = NULL;
      CaptionerTemplate *template;

      template = captioner_template_load (g_ptr_array_index (found, i), read_only, cancellable,
                                          &load_error);
      if (template == NULL)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_steal_pointer (&load_error));
          continue;
        }
      if (captioner_template_find (templates, captioner_template_get_name (template)) != NULL)
        g_object_unref (template);
      else
        g_ptr_array_add (templates, template);
    }
}

GPtrArray *
captioner_template_list (GFile * const  *folders,
                         guint           n_folders,
                         GPtrArray     **problems,
                         GCancellable   *cancellable)
{
  g_autoptr(GFile) user_folder = captioner_template_user_folder ();
  GPtrArray *templates = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (folders != NULL || n_folders == 0, NULL);

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  for (guint i = 0; i < n_folders; i++)
    list_folder (folders[i], !g_file_equal (folders[i], user_folder), templates,
                 problems ? *problems : NULL, cancellable);
  g_ptr_array_sort (templates, compare_templates);
  return templates;
}

CaptionerTemplate *
captioner_template_find (GPtrArray  *templates,
                         const char *name)
{
  g_return_val_if_fail (templates != NULL, NULL);

  for (guint i = 0; name != NULL && i < templates->len; i++)
    if (same_name (captioner_template_get_name (g_ptr_array_index (templates, i)), name))
      return g_ptr_array_index (templates, i);
  return NULL;
}
