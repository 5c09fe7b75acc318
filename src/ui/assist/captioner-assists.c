#define G_LOG_DOMAIN "captioner-assists"

#include "config.h"

#include "captioner-assists.h"
#include "captioner-desk-files.h"

/* How often the desk folders' files are looked at: a colleague's new person or code reaches
 * this window within that. */
#define DESK_POLL_SECONDS 3

struct _CaptionerAssists
{
  GObject                   parent_instance;

  /* Owned references */
  CaptionerPeopleDirectory *directory;
  CaptionerCodeExpander    *expander;
  CaptionerSpellChecker    *spell_checker;
  GPtrArray                *templates;
  CaptionerMetadata        *copied;
  GPtrArray                *desks;       /* GFile*: the desk folders read after the user's */
  char                     *delimiter;   /* the codes' delimiter, NULL for "=" */
  char                     *desk_state;  /* the desks' files as last read, NULL before */

  int                       copied_orientation;
  guint                     generation;  /* of the sources: set_sources counts up */
  guint                     loading;     /* loads on their way */
  guint                     poll_source;
  gboolean                  polling;
};

G_DEFINE_FINAL_TYPE (CaptionerAssists, captioner_assists, G_TYPE_OBJECT)

enum
{
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  /* Asked for, set before the thread runs. */
  GPtrArray                *desks;
  char                     *delimiter;
  guint                     generation;
  /* Read by the thread. */
  char                     *desk_state;  /* before the files were read */
  CaptionerPeopleDirectory *directory;
  CaptionerReplacements    *codes;
  CaptionerSpeller         *speller;
  GPtrArray                *templates;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->directory);
  g_clear_object (&loaded->codes);
  g_clear_pointer (&loaded->desks, g_ptr_array_unref);
  g_free (loaded->delimiter);
  g_free (loaded->desk_state);
  g_clear_object (&loaded->speller);
  g_clear_pointer (&loaded->templates, g_ptr_array_unref);
  g_free (loaded);
}

/* The worker: the user's people, codes (with the people's codes behind them), templates and
 * the caption's dictionaries (the people's names known to them). */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Loaded *loaded = task_data;
  GFile * const *desks = (GFile * const *) loaded->desks->pdata;
  guint n_desks = loaded->desks->len;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) folders = captioner_desk_template_folders (desks, n_desks);

  /* Taken first: a file changed while it is being read is read again at the next poll. */
  loaded->desk_state = captioner_desk_files_state (desks, n_desks, cancellable);
  loaded->templates = captioner_template_list ((GFile * const *) folders->pdata, folders->len,
                                               NULL, cancellable);
  loaded->directory = captioner_desk_open_people (desks, n_desks, cancellable, &error);
  if (loaded->directory != NULL)
    loaded->codes = captioner_desk_load_codes (desks, n_desks, loaded->directory,
                                               loaded->delimiter, cancellable, &error);
  /* No dictionary is told only when nothing worse is. */
  loaded->speller = captioner_speller_new (NULL, error == NULL ? &error : NULL);
  if (loaded->speller != NULL && loaded->directory != NULL)
    captioner_people_directory_teach_speller (loaded->directory, loaded->speller);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CaptionerAssists *self = CAPTIONER_ASSISTS (source);
  g_autoptr(GTask) task = user_data;
  GTask *inner = G_TASK (result);
  Loaded *loaded = g_task_get_task_data (inner);
  g_autoptr(GError) error = NULL;

  self->loading--;
  if (loaded->generation == self->generation)
    {
      g_free (self->desk_state);
      self->desk_state = g_steal_pointer (&loaded->desk_state);
    }
  if (loaded->directory != NULL)
    g_set_object (&self->directory, loaded->directory);
  if (loaded->codes != NULL)
    captioner_code_expander_set_replacements (self->expander, loaded->codes);
  if (loaded->speller != NULL)
    captioner_spell_checker_set_speller (self->spell_checker, loaded->speller);
  if (loaded->templates != NULL)
    {
      g_ptr_array_unref (self->templates);
      self->templates = g_ptr_array_ref (loaded->templates);
    }
  g_task_propagate_boolean (inner, &error);
  g_signal_emit (self, signals[LOADED], 0, error != NULL ? error->message : NULL);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
captioner_assists_load_async (CaptionerAssists   *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  GTask *task;
  g_autoptr(GTask) inner = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  g_return_if_fail (CAPTIONER_IS_ASSISTS (self));

  loaded->desks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->desks != NULL && i < self->desks->len; i++)
    g_ptr_array_add (loaded->desks, g_object_ref (g_ptr_array_index (self->desks, i)));
  loaded->delimiter = g_strdup (self->delimiter);
  loaded->generation = self->generation;
  self->loading++;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, captioner_assists_load_async);
  inner = g_task_new (self, cancellable, load_done_cb, task);
  g_task_set_task_data (inner, loaded, (GDestroyNotify) loaded_free);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
captioner_assists_load_finish (CaptionerAssists  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A desk's files, shared and changed by others (GVfs shares have no file monitor): looked at
 * every DESK_POLL_SECONDS in a thread, and everything read again when they changed. */
typedef struct
{
  GPtrArray *desks;
  guint      generation;
} Poll;

static void
poll_free (Poll *poll)
{
  g_ptr_array_unref (poll->desks);
  g_free (poll);
}

static void
poll_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Poll *poll = task_data;

  g_task_return_pointer (task, captioner_desk_files_state ((GFile * const *) poll->desks->pdata,
                                                           poll->desks->len, cancellable),
                         g_free);
}

static void
on_polled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CaptionerAssists *self = CAPTIONER_ASSISTS (source);
  Poll *poll = g_task_get_task_data (G_TASK (result));
  g_autofree char *state = g_task_propagate_pointer (G_TASK (result), NULL);

  self->polling = FALSE;
  if (self->desks == NULL || poll->generation != self->generation || self->loading > 0 ||
      self->desk_state == NULL || g_strcmp0 (state, self->desk_state) == 0)
    return;
  g_debug ("A desk folder's files changed: reading them again");
  captioner_assists_load_async (self, NULL, NULL, NULL);
}

static gboolean
poll_cb (gpointer user_data)
{
  CaptionerAssists *self = user_data;
  g_autoptr(GTask) task = NULL;
  Poll *poll;

  if (self->polling || self->loading > 0)
    return G_SOURCE_CONTINUE;
  poll = g_new0 (Poll, 1);
  poll->desks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->desks->len; i++)
    g_ptr_array_add (poll->desks, g_object_ref (g_ptr_array_index (self->desks, i)));
  poll->generation = self->generation;
  self->polling = TRUE;
  task = g_task_new (self, NULL, on_polled_cb, NULL);
  g_task_set_source_tag (task, poll_cb);
  g_task_set_task_data (task, poll, (GDestroyNotify) poll_free);
  g_task_run_in_thread (task, poll_thread);
  return G_SOURCE_CONTINUE;
}

void
captioner_assists_set_sources (CaptionerAssists *self,
                               GFile * const    *desks,
                               guint             n_desks,
                               const char       *delimiter)
{
  g_return_if_fail (CAPTIONER_IS_ASSISTS (self));

  g_ptr_array_set_size (self->desks, 0);
  for (guint i = 0; i < n_desks; i++)
    g_ptr_array_add (self->desks, g_object_ref (desks[i]));
  g_free (self->delimiter);
  self->delimiter = delimiter != NULL && *delimiter != '\0' ? g_strdup (delimiter) : NULL;
  self->generation++;
  g_clear_pointer (&self->desk_state, g_free);
  if (n_desks == 0)
    g_clear_handle_id (&self->poll_source, g_source_remove);
  else if (self->poll_source == 0)
    self->poll_source = g_timeout_add_seconds (DESK_POLL_SECONDS, poll_cb, self);
}

CaptionerPeopleDirectory *
captioner_assists_get_directory (CaptionerAssists *self)
{
  g_return_val_if_fail (CAPTIONER_IS_ASSISTS (self), NULL);

  return self->directory;
}

CaptionerCodeExpander *
captioner_assists_get_expander (CaptionerAssists *self)
{
  g_return_val_if_fail (CAPTIONER_IS_ASSISTS (self), NULL);

  return self->expander;
}

CaptionerSpellChecker *
captioner_assists_get_spell_checker (CaptionerAssists *self)
{
  g_return_val_if_fail (CAPTIONER_IS_ASSISTS (self), NULL);

  return self->spell_checker;
}

GPtrArray *
captioner_assists_get_templates (CaptionerAssists *self)
{
  g_return_val_if_fail (CAPTIONER_IS_ASSISTS (self), NULL);

  return self->templates;
}

CaptionerTemplate *
captioner_assists_find_template (CaptionerAssists *self,
                                 const char       *name)
{
  g_return_val_if_fail (CAPTIONER_IS_ASSISTS (self), NULL);

  return captioner_template_find (self->templates, name);
}

void
captioner_assists_copy (CaptionerAssists        *self,
                        const CaptionerMetadata *metadata,
                        int                      orientation)
{
  g_return_if_fail (CAPTIONER_IS_ASSISTS (self));
  g_return_if_fail (metadata != NULL);

  g_clear_pointer (&self->copied, captioner_metadata_free);
  self->copied = captioner_metadata_copy (metadata);
  self->copied_orientation = orientation;
}

const CaptionerMetadata *
captioner_assists_get_copied (CaptionerAssists *self,
                              int              *orientation)
{
  g_return_val_if_fail (CAPTIONER_IS_ASSISTS (self), NULL);

  if (orientation != NULL)
    *orientation = self->copied_orientation;
  return self->copied;
}

static void
captioner_assists_dispose (GObject *object)
{
  CaptionerAssists *self = CAPTIONER_ASSISTS (object);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_pointer (&self->desk_state, g_free);
  g_clear_object (&self->directory);
  g_clear_object (&self->expander);
  g_clear_object (&self->spell_checker);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->copied, captioner_metadata_free);
  g_clear_pointer (&self->desks, g_ptr_array_unref);
  g_clear_pointer (&self->delimiter, g_free);

  G_OBJECT_CLASS (captioner_assists_parent_class)->dispose (object);
}

static void
captioner_assists_class_init (CaptionerAssistsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_assists_dispose;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
captioner_assists_init (CaptionerAssists *self)
{
  self->desks = g_ptr_array_new_with_free_func (g_object_unref);
  self->expander = captioner_code_expander_new ();
  self->spell_checker = captioner_spell_checker_new ();
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
}

CaptionerAssists *
captioner_assists_new (void)
{
  return g_object_new (CAPTIONER_TYPE_ASSISTS, NULL);
}
