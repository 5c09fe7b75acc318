#define G_LOG_DOMAIN "captioner-cli-styles"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "captioner-caption.h"
#include "captioner-cli-commands.h"
#include "captioner-cli-styles.h"
#include "captioner-photo.h"

void
captioner_cli_load_styles (void)
{
  static gboolean loaded;

  if (loaded)
    return;
  loaded = TRUE;
  captioner_caption_styles_load (NULL, 0);
}

gboolean
captioner_cli_check_style (const char *command,
                           const char *id)
{
  g_autoptr(GPtrArray) styles = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *message = NULL;

  captioner_cli_load_styles ();
  if (id != NULL && captioner_caption_style_exists (id))
    return TRUE;
  styles = captioner_caption_style_list ();
  for (guint i = 0; i < styles->len; i++)
    {
      const CaptionerCaptionStyle *style = g_ptr_array_index (styles, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", style->id);
    }
  /* TRANSLATORS: a style id as given, then the list of the known ones */
  message = g_strdup_printf (_("no style “%s”; the styles are: %s"), id ? id : "", ids->str);
  fprintf (captioner_cli_stderr (), "captioner-cli %s: %s\n", command, message);
  return FALSE;
}

int
captioner_cli_apply_style (CaptionerDesk *desk,
                           const char    *id)
{
  int status = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDeskItem *item = captioner_desk_get_item (desk, i);
      CaptionerDraft *draft = captioner_desk_item_get_draft (item);

      if (draft == NULL)
        continue;
      captioner_draft_set_field (draft, CAPTIONER_FIELD_STYLE, id);
      captioner_desk_save (desk, item, CAPTIONER_SAVE_NONE);
    }
  captioner_desk_wait (desk);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (desk)); i++)
    {
      CaptionerDeskItem *item = captioner_desk_get_item (desk, i);

      if (captioner_desk_item_get_photo (item) == NULL ||
          captioner_desk_item_get_error (item) == NULL)
        continue;
      captioner_cli_report_message (captioner_desk_item_get_error (item));
      status = 1;
    }
  return status;
}

/* `captioner-cli styles`: every style known (bundled, then the user's), sorted by name. */
int
captioner_cli_styles (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) styles = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      fprintf (captioner_cli_stderr (), "captioner-cli styles: %s\n",
               error ? error->message : _("no arguments are taken"));
      return 2;
    }
  captioner_cli_load_styles ();
  styles = captioner_caption_style_list ();
  for (guint i = 0; i < styles->len; i++)
    {
      const CaptionerCaptionStyle *style = g_ptr_array_index (styles, i);
      g_autofree char *example = captioner_caption_compose_example (style);

      printf ("%s\t%s\t%s\t%s\n", style->id, style->name, style->language, example);
    }
  return 0;
}
