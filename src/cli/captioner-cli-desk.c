#define G_LOG_DOMAIN "captioner-cli-desk"

#include "config.h"

#include "captioner-cli-commands.h"

static void
on_opened_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The photos that args name, read through the desk as the window reads them (the same order,
 * each once). Reports what cannot be listed or read, one line each, in the desk's order, and
 * sets *status to 1 then. Returns NULL when nothing could be listed. */
CaptionerDesk *
captioner_cli_open_desk (char **args,
                         int   *status)
{
  g_autoptr(CaptionerDesk) desk = captioner_desk_new (NULL);
  g_autoptr(GPtrArray) files = captioner_cli_files_from_args (args);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  captioner_desk_open_async (desk, (GFile **) files->pdata, files->len, NULL, on_opened_cb,
                             &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!captioner_desk_open_finish (desk, result, NULL, NULL, &error))
    {
      captioner_cli_report (error);
      *status = 1;
      return NULL;
    }
  captioner_desk_wait (desk);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDeskItem *item = captioner_desk_get_item (desk, i);

      if (captioner_desk_item_get_photo (item) == NULL)
        {
          captioner_cli_report_message (captioner_desk_item_get_error (item));
          *status = 1;
        }
    }
  return g_steal_pointer (&desk);
}
