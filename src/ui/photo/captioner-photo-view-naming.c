#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include <string.h>

#include "captioner-photo-view-private.h"

/* Naming a box: the name entry's popover, pointing at the box, and its completion. */

void
captioner_photo_view_open_naming (CaptionerPhotoView  *self,
                                  NamingMode           mode,
                                  guint                index,
                                  const CaptionerRect *rect,
                                  const char          *text)
{
  graphene_rect_t image;
  graphene_rect_t bounds;
  GdkRectangle pointing;

  self->naming = mode;
  self->naming_index = index;
  self->naming_rect = *rect;

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");
  if (captioner_photo_view_get_image_bounds (self, &image))
    {
      captioner_photo_view_rect_to_widget (&image, rect, &bounds);
      pointing.x = (int) bounds.origin.x;
      pointing.y = (int) bounds.origin.y;
      pointing.width = MAX (1, (int) bounds.size.width);
      pointing.height = MAX (1, (int) bounds.size.height);
      gtk_popover_set_pointing_to (self->name_popover, &pointing);
    }
  gtk_popover_popup (self->name_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->name_entry), 0, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Closes the name entry; the name is dropped unless the caller took it before. */
void
captioner_photo_view_close_naming (CaptionerPhotoView *self)
{
  self->naming = NAMING_NONE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->name_popover)))
    gtk_popover_popdown (self->name_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
captioner_photo_view_match_name (GtkEntryCompletion *completion,
                                 const char         *key,
                                 GtkTreeIter        *iter,
                                 gpointer            user_data)
{
  CaptionerPhotoView *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;

  /* Typing a surname finds the person too. The completion gives the key normalised and
   * case-folded; do the same to the name. */
  gtk_tree_model_get (GTK_TREE_MODEL (self->known_names), iter, 0, &name, -1);
  if (name == NULL || *key == '\0')
    return FALSE;
  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  if (normalized == NULL)
    return FALSE;
  folded = g_utf8_casefold (normalized, -1);
  for (const char *word = folded; word != NULL && *word != '\0'; )
    {
      if (g_str_has_prefix (word, key))
        return TRUE;
      word = strchr (word, ' ');
      if (word != NULL)
        word++;
    }
  return FALSE;
}

void
captioner_photo_view_set_known_names (CaptionerPhotoView *self,
                                      const char * const *names)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  gtk_list_store_clear (self->known_names);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->known_names, NULL, -1, 0, names[i], -1);
}

void
captioner_photo_view_rename_selected (CaptionerPhotoView *self)
{
  Box *box;
  CaptionerRect whole = { 0.0, 0.0, 1.0, 1.0 };

  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  if (self->selected < 0 || self->naming != NAMING_NONE || self->drag_mode != DRAG_NONE)
    return;
  box = captioner_photo_view_get_box (self, self->selected);
  captioner_photo_view_open_naming (self, NAMING_RENAME, self->selected,
                                    box->has_region ? &box->rect : &whole, box->name);
}

GtkEditable *
captioner_photo_view_get_name_entry (CaptionerPhotoView *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), NULL);

  return GTK_EDITABLE (self->name_entry);
}

gboolean
captioner_photo_view_is_naming (CaptionerPhotoView *self)
{
  g_return_val_if_fail (CAPTIONER_IS_PHOTO_VIEW (self), FALSE);

  return self->naming != NAMING_NONE;
}
