#define G_LOG_DOMAIN "captioner-people-section"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-people-section.h"
#include "captioner-person.h"

struct _CaptionerPeopleSection
{
  CaptionerCaptionSection  parent_instance;

  /* Template widgets */
  GtkListBox              *people_list;

  /* Owned references */
  GArray                  *ids;       /* guint: the people's ids, left to right */
  GPtrArray               *entries;   /* GtkEditable*, in the same order */
  GPtrArray               *row_actions; /* GSimpleAction "person.row", in the same order, or
                                         * empty when too few people stand in rows */
  GMenuModel              *row_menu;
};

/* With fewer people, rows would be one person each: no row button. */
#define MIN_PEOPLE_FOR_ROWS 3

G_DEFINE_FINAL_TYPE (CaptionerPeopleSection, captioner_people_section,
                     CAPTIONER_TYPE_CAPTION_SECTION)

static void
on_entry_changed_cb (GtkEditable            *entry,
                     CaptionerPeopleSection *self)
{
  CaptionerCaptionSection *section = CAPTIONER_CAPTION_SECTION (self);
  CaptionerDraft *draft = captioner_caption_section_get_draft (section);
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "person-id"));

  if (draft != NULL && !captioner_caption_section_is_updating (section))
    captioner_draft_rename_person (draft, id, gtk_editable_get_text (entry));
}

/* The rows a person can be put in; 0 lets the boxes say. */
static GMenuModel *
row_menu (void)
{
  static const char * const labels[] = {
    N_("As the Boxes Say"), N_("Front Row"), N_("Second Row"), N_("Third Row"),
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(labels[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "person.row", g_variant_new_uint32 (i));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static const char *
row_tooltip (guint row)
{
  switch (row)
    {
    case 0:
      return _("Row: as the boxes say");
    case 1:
      return _("Row: front");
    case 2:
      return _("Row: second");
    default:
      return _("Row: third");
    }
}

/* The editor puts someone in another row than the boxes say: stored, and the caption's rows
 * follow. */
static void
on_row_change_state_cb (GSimpleAction          *action,
                        GVariant               *value,
                        CaptionerPeopleSection *self)
{
  CaptionerDraft *draft = captioner_caption_section_get_draft (CAPTIONER_CAPTION_SECTION (self));
  guint index;

  if (draft == NULL || !g_ptr_array_find (self->row_actions, action, &index))
    return;
  g_simple_action_set_state (action, value);
  captioner_draft_set_person_row (draft, g_array_index (self->ids, guint, index),
                                  g_variant_get_uint32 (value));
}

static GtkWidget *
row_button (CaptionerPeopleSection *self,
            GtkWidget              *row,
            const CaptionerPerson  *person)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("row", G_VARIANT_TYPE_UINT32,
                                                                  g_variant_new_uint32 (
                                                                    MIN (person->row, 3)));
  GtkWidget *button = gtk_menu_button_new ();
  /* TRANSLATORS: a button's name for screen readers; %s is a person's name */
  g_autofree char *label = g_strdup_printf (_("Row of %s"),
                                            person->name != NULL ? person->name : "");

  g_signal_connect_object (action, "change-state", G_CALLBACK (on_row_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (row, "person", G_ACTION_GROUP (group));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-grid-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), self->row_menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, row_tooltip (person->row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_ptr_array_add (self->row_actions, g_object_ref (action));
  g_object_set_data (G_OBJECT (action), "button", button);
  return button;
}

static gboolean
same_ids (GArray    *ids,
          GPtrArray *people)
{
  if (ids->len != people->len)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    if (g_array_index (ids, guint, i) != ((CaptionerPerson *) g_ptr_array_index (people, i))->id)
      return FALSE;
  return TRUE;
}

static void
rebuild (CaptionerPeopleSection *self,
         GPtrArray              *people)
{
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->people_list, 0))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  g_ptr_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->row_actions, 0);
  g_array_set_size (self->ids, 0);

  for (guint i = 0; i < people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *label = g_strdup_printf (_("Person %u"), i + 1);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      /* The draft keeps one undo history for boxes, names and fields: Ctrl+Z goes there. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), person->name ? person->name : "");
      /* A long name is wider than the panel: the whole name on hover. */
      gtk_widget_set_tooltip_text (row, person->name);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), gtk_label_new (number));
      if (people->len >= MIN_PEOPLE_FOR_ROWS)
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), row_button (self, row, person));
      g_object_set_data (G_OBJECT (row), "person-id", GUINT_TO_POINTER (person->id));
      g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed_cb), self);
      gtk_list_box_append (self->people_list, row);
      g_ptr_array_add (self->entries, row);
      g_array_append_val (self->ids, person->id);
    }
}

static void
captioner_people_section_update (CaptionerCaptionSection *section,
                                 CaptionerDraft          *draft,
                                 CaptionerDraftChanged    what)
{
  CaptionerPeopleSection *self = CAPTIONER_PEOPLE_SECTION (section);
  g_autoptr(GPtrArray) people = NULL;

  if (!(what & CAPTIONER_DRAFT_CHANGED_PEOPLE))
    return;
  people = draft ? captioner_draft_dup_people_ordered (draft) : captioner_people_new ();
  if (!same_ids (self->ids, people))
    {
      rebuild (self, people);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      const CaptionerPerson *person = g_ptr_array_index (people, i);

      captioner_caption_section_show_text (g_ptr_array_index (self->entries, i), person->name);
      gtk_widget_set_tooltip_text (g_ptr_array_index (self->entries, i), person->name);
      if (i < self->row_actions->len)
        {
          GSimpleAction *action = g_ptr_array_index (self->row_actions, i);

          g_simple_action_set_state (action, g_variant_new_uint32 (MIN (person->row, 3)));
          gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (action), "button"),
                                       row_tooltip (person->row));
        }
    }
}

static void
captioner_people_section_dispose (GObject *object)
{
  CaptionerPeopleSection *self = CAPTIONER_PEOPLE_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_PEOPLE_SECTION);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->row_actions, g_ptr_array_unref);
  g_clear_object (&self->row_menu);
  G_OBJECT_CLASS (captioner_people_section_parent_class)->dispose (object);
}

static void
captioner_people_section_class_init (CaptionerPeopleSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_people_section_dispose;
  CAPTIONER_CAPTION_SECTION_CLASS (klass)->update = captioner_people_section_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-people-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerPeopleSection, people_list);
}

static void
captioner_people_section_init (CaptionerPeopleSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->entries = g_ptr_array_new ();
  self->row_actions = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_menu = row_menu ();
}

GtkWidget *
captioner_people_section_new (void)
{
  return g_object_new (CAPTIONER_TYPE_PEOPLE_SECTION, NULL);
}

GtkEditable *
captioner_people_section_get_editable (CaptionerPeopleSection *self,
                                       guint                   position)
{
  g_return_val_if_fail (CAPTIONER_IS_PEOPLE_SECTION (self), NULL);
  return position < self->entries->len ? g_ptr_array_index (self->entries, position) : NULL;
}

void
captioner_people_section_focus_person (CaptionerPeopleSection *self,
                                       guint                   id)
{
  g_return_if_fail (CAPTIONER_IS_PEOPLE_SECTION (self));

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, guint, i) == id)
      gtk_widget_grab_focus (g_ptr_array_index (self->entries, i));
}
