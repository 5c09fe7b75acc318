#define G_LOG_DOMAIN "captioner-photo-view"

#include "config.h"

#include <string.h>

#include "captioner-photo-view-private.h"

/* Naming a box: the name entry's popover, pointing at the box, and its completion. */

static gboolean
named_here (CaptionerPhotoView *self,
            const char         *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < self->boxes->len; i++)
    {
      Box *box = captioner_photo_view_get_box (self, i);
      g_autofree char *other = box->name ? g_utf8_casefold (box->name, -1) : NULL;

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Under a new box's name entry: the previous photo's people not named here yet, with their
 * numbers there. */
static void
fill_previous (CaptionerPhotoView *self,
               gboolean            new_box)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->previous_list))) != NULL)
    gtk_list_box_remove (self->previous_list, child);
  for (guint i = 0; new_box && self->previous_people != NULL && self->previous_people[i] != NULL &&
                    i < 9; i++)
    {
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (*self->previous_people[i] == '\0' || named_here (self, self->previous_people[i]))
        continue;
      text = g_strdup_printf ("%u   %s", i + 1, self->previous_people[i]);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_append (self->previous_list, label);
      g_object_set_data (G_OBJECT (gtk_widget_get_parent (label)), "person-number",
                         GUINT_TO_POINTER (i + 1));
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->previous_list), any);
}

static gboolean
activate_idle_cb (gpointer data)
{
  CaptionerPhotoView *self = data;

  if (self->naming != NAMING_NONE)
    g_signal_emit_by_name (self->name_entry, "activate");
  return G_SOURCE_REMOVE;
}

/* Names the new box with the previous photo's person number @number, if offered. */
static gboolean
pick_previous (CaptionerPhotoView *self,
               guint               number)
{
  const char *name;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->previous_list)) ||
      self->previous_people == NULL || number == 0 ||
      number > g_strv_length (self->previous_people))
    return FALSE;
  name = self->previous_people[number - 1];
  if (*name == '\0' || named_here (self, name))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  /* After the key's own handling, as Enter would. */
  g_idle_add_full (G_PRIORITY_DEFAULT, activate_idle_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

static void
on_previous_row_activated_cb (GtkListBox         *list,
                              GtkListBoxRow      *row,
                              CaptionerPhotoView *self)
{
  pick_previous (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "person-number")));
}

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

  /* The name offered is not typed: no completion pops up over it until the editor types. */
  self->naming = NAMING_NONE;
  gtk_list_store_clear (self->known_names);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text ? text : "");
  self->naming = mode;
  self->naming_index = index;
  self->naming_rect = *rect;

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
  fill_previous (self, mode == NAMING_NEW);
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

/* The completion offers what refill put in the list for the text typed. */
gboolean
captioner_photo_view_match_name (GtkEntryCompletion *completion,
                                 const char         *key,
                                 GtkTreeIter        *iter,
                                 gpointer            user_data)
{
  return *key != '\0';
}

/* Whether a word of @name starts with @key (both folded): typing a surname finds the person. */
static gboolean
word_starts_with (const char *name,
                  const char *key)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = NULL;

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

#define MAX_OFFERED 12

/* The directory's people for @text, as the directory ranks them (the code's owner, the most
 * recently picked, then by name), then the folder's names that it does not have. */
static void
refill (CaptionerPhotoView *self,
        const char         *text)
{
  g_autoptr(GHashTable) offered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autofree char *key = g_utf8_casefold (normalized ? normalized : "", -1);
  guint n = 0;

  gtk_list_store_clear (self->known_names);
  g_strstrip (key);
  if (*key == '\0')
    return;
  if (self->directory != NULL)
    {
      g_autoptr(GListModel) found = captioner_people_directory_search (self->directory, text,
                                                                       MAX_OFFERED);

      for (guint i = 0; i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(CaptionerContact) contact = g_list_model_get_item (found, i);
          char *display = captioner_contact_dup_display_name (contact, NULL);

          if (!g_hash_table_add (offered, display))
            continue;
          gtk_list_store_insert_with_values (self->known_names, NULL, -1, 0, display, -1);
          n++;
        }
    }
  for (guint i = 0; self->session_names != NULL && self->session_names[i] != NULL; i++)
    {
      const char *name = self->session_names[i];

      if (n >= MAX_OFFERED)
        break;
      if (g_hash_table_contains (offered, name) || !word_starts_with (name, key))
        continue;
      g_hash_table_add (offered, g_strdup (name));
      gtk_list_store_insert_with_values (self->known_names, NULL, -1, 0, name, -1);
      n++;
    }
}

static void
on_name_changed_cb (GtkEditable        *editable,
                    CaptionerPhotoView *self)
{
  if (self->naming != NAMING_NONE)
    refill (self, gtk_editable_get_text (editable));
}

/* The completion's list, when it is open: a popover of the entry's own. */
static GtkPopover *
open_completion (CaptionerPhotoView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->name_entry));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return GTK_POPOVER (child);
  return NULL;
}

/* Escape with the list of names open closes the list and keeps the box and what was typed;
 * the next Escape drops the new box. A digit picks the previous photo's person. */
static gboolean
on_naming_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          CaptionerPhotoView    *self)
{
  GtkPopover *completion = open_completion (self);
  int start, end;

  if (keyval == GDK_KEY_Escape && completion != NULL)
    {
      gtk_popover_popdown (completion);
      return GDK_EVENT_STOP;
    }
  /* A digit over the name offered (all selected, as when the box was drawn) or an empty
   * entry picks the previous photo's person of that number. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0 &&
      ((keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9) ||
       (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
      gboolean untouched = *text == '\0' ||
        (gtk_editable_get_selection_bounds (GTK_EDITABLE (self->name_entry), &start, &end) &&
         start == 0 && end == (int) g_utf8_strlen (text, -1));
      guint number = keyval >= GDK_KEY_KP_1 ? keyval - GDK_KEY_KP_0 : keyval - GDK_KEY_0;

      if (untouched && pick_previous (self, number))
        return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

void
captioner_photo_view_naming_init (CaptionerPhotoView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->known_names = gtk_list_store_new (1, G_TYPE_STRING);
  /* Before the completion's own handler, so that it filters the names for this text. */
  g_signal_connect (self->name_entry, "changed", G_CALLBACK (on_name_changed_cb), self);
  self->completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (self->completion, GTK_TREE_MODEL (self->known_names));
  gtk_entry_completion_set_text_column (self->completion, 0);
  gtk_entry_completion_set_match_func (self->completion, captioner_photo_view_match_name, self,
                                       NULL);
  gtk_entry_completion_set_minimum_key_length (self->completion, 1);
  gtk_entry_set_completion (self->name_entry, self->completion);
  /* Before the popover's own Escape, which closes it. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_naming_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->name_popover), keys);
  g_signal_connect (self->previous_list, "row-activated",
                    G_CALLBACK (on_previous_row_activated_cb), self);
}

void
captioner_photo_view_naming_dispose (CaptionerPhotoView *self)
{
  g_clear_object (&self->completion);
  g_clear_object (&self->known_names);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->session_names, g_strfreev);
  g_clear_pointer (&self->suggested_name, g_free);
  g_clear_pointer (&self->previous_people, g_strfreev);
}

/* The editor named a box: a person of the directory comes first in completions from now on. */
void
captioner_photo_view_mark_named (CaptionerPhotoView *self,
                                 const char         *name)
{
  CaptionerContact *contact;

  if (self->directory == NULL)
    return;
  contact = captioner_people_directory_find (self->directory, name);
  if (contact != NULL)
    captioner_people_directory_mark_used (self->directory, contact);
}

void
captioner_photo_view_set_known_names (CaptionerPhotoView *self,
                                      const char * const *names)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  g_strfreev (self->session_names);
  self->session_names = g_strdupv ((char **) names);
}

void
captioner_photo_view_set_directory (CaptionerPhotoView       *self,
                                    CaptionerPeopleDirectory *directory)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  g_set_object (&self->directory, directory);
}

void
captioner_photo_view_set_suggested_name (CaptionerPhotoView *self,
                                         const char         *name)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  g_free (self->suggested_name);
  self->suggested_name = g_strdup (name);
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

void
captioner_photo_view_set_previous_people (CaptionerPhotoView *self,
                                          const char * const *names)
{
  g_return_if_fail (CAPTIONER_IS_PHOTO_VIEW (self));

  g_strfreev (self->previous_people);
  self->previous_people = g_strdupv ((char **) names);
}
