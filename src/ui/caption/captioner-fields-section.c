#define G_LOG_DOMAIN "captioner-fields-section"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-fields-section.h"

struct _CaptionerFieldsSection
{
  CaptionerCaptionSection  parent_instance;

  /* Template widgets */
  GtkWidget               *credit_row;
  GtkWidget               *byline_row;
  GtkWidget               *headline_row;
  GtkWidget               *event_row;
  GtkWidget               *city_row;
  GtkWidget               *country_row;
  GtkWidget               *keywords_row;
  GtkWidget               *wire_row;
  GtkWidget               *title_row;
  GtkWidget               *sub_location_row;
  GtkWidget               *state_row;
  GtkWidget               *source_row;
  GtkWidget               *country_code_row;
  GtkWidget               *caption_writer_row;
  GtkWidget               *urgency_row;
  GtkWidget               *category_row;
  GtkWidget               *supplemental_categories_row;

  /* Several photos selected (captioner_fields_section_set_selection); NULL: the draft's alone */
  CaptionerDesk           *desk;
  CaptionerBatchHistory   *history;
  GPtrArray               *items;     /* CaptionerDeskItem */
  guint                    refresh_idle;
  gboolean                 refreshing;
};

G_DEFINE_FINAL_TYPE (CaptionerFieldsSection, captioner_fields_section,
                     CAPTIONER_TYPE_CAPTION_SECTION)

typedef struct
{
  CaptionerField field;
  gsize          offset;
} FieldRow;

static const FieldRow field_rows[] = {
  { CAPTIONER_FIELD_CREDIT, G_STRUCT_OFFSET (CaptionerFieldsSection, credit_row) },
  { CAPTIONER_FIELD_BYLINE, G_STRUCT_OFFSET (CaptionerFieldsSection, byline_row) },
  { CAPTIONER_FIELD_HEADLINE, G_STRUCT_OFFSET (CaptionerFieldsSection, headline_row) },
  { CAPTIONER_FIELD_EVENT, G_STRUCT_OFFSET (CaptionerFieldsSection, event_row) },
  { CAPTIONER_FIELD_CITY, G_STRUCT_OFFSET (CaptionerFieldsSection, city_row) },
  { CAPTIONER_FIELD_COUNTRY, G_STRUCT_OFFSET (CaptionerFieldsSection, country_row) },
  { CAPTIONER_FIELD_TITLE,
    G_STRUCT_OFFSET (CaptionerFieldsSection, title_row) },
  { CAPTIONER_FIELD_SUB_LOCATION,
    G_STRUCT_OFFSET (CaptionerFieldsSection, sub_location_row) },
  { CAPTIONER_FIELD_STATE,
    G_STRUCT_OFFSET (CaptionerFieldsSection, state_row) },
  { CAPTIONER_FIELD_SOURCE,
    G_STRUCT_OFFSET (CaptionerFieldsSection, source_row) },
  { CAPTIONER_FIELD_COUNTRY_CODE,
    G_STRUCT_OFFSET (CaptionerFieldsSection, country_code_row) },
  { CAPTIONER_FIELD_CAPTION_WRITER,
    G_STRUCT_OFFSET (CaptionerFieldsSection, caption_writer_row) },
  { CAPTIONER_FIELD_URGENCY,
    G_STRUCT_OFFSET (CaptionerFieldsSection, urgency_row) },
  { CAPTIONER_FIELD_CATEGORY,
    G_STRUCT_OFFSET (CaptionerFieldsSection, category_row) },
  { CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES,
    G_STRUCT_OFFSET (CaptionerFieldsSection, supplemental_categories_row) },
};

#define ROW_AT(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))

static GStrv
split_keywords (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
on_row_changed_cb (GtkEditable            *editable,
                   CaptionerFieldsSection *self)
{
  CaptionerCaptionSection *section = CAPTIONER_CAPTION_SECTION (self);
  CaptionerDraft *draft = captioner_caption_section_get_draft (section);
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "field"));

  if (self->items != NULL)
    {
      /* Given to every photo when the editor is done with it (Enter, or leaving it). */
      if (!self->refreshing)
        g_object_set_data (G_OBJECT (editable), "typed", GINT_TO_POINTER (TRUE));
      return;
    }
  if (draft != NULL && !captioner_caption_section_is_updating (section) && !self->refreshing)
    captioner_draft_set_field (draft, field, gtk_editable_get_text (editable));
}

static void
on_keywords_changed_cb (GtkEditable            *editable,
                        CaptionerFieldsSection *self)
{
  CaptionerCaptionSection *section = CAPTIONER_CAPTION_SECTION (self);
  CaptionerDraft *draft = captioner_caption_section_get_draft (section);
  g_auto(GStrv) keywords = NULL;

  if (self->items != NULL)
    {
      if (!self->refreshing)
        g_object_set_data (G_OBJECT (editable), "typed", GINT_TO_POINTER (TRUE));
      return;
    }
  if (draft == NULL || captioner_caption_section_is_updating (section) || self->refreshing)
    return;
  keywords = split_keywords (gtk_editable_get_text (editable));
  captioner_draft_set_keywords (draft, (const char * const *) keywords);
}

static void captioner_fields_section_refresh_batch (CaptionerFieldsSection *self);

/* Several photos: a row shows what they all hold, or nothing and "Mixed" in its title. */
static void
show_mixed (GtkWidget *row,
            gboolean   mixed)
{
  const char *title = g_object_get_data (G_OBJECT (row), "title");
  g_autofree char *marked = NULL;

  if (title == NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "title",
                              g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))),
                              g_free);
      title = g_object_get_data (G_OBJECT (row), "title");
    }
  /* TRANSLATORS: a field's title when the selected photos hold different values in it */
  marked = mixed ? g_strdup_printf (_("%s (Mixed)"), title) : NULL;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mixed ? marked : title);
  if (mixed)
    gtk_widget_add_css_class (row, "mixed");
  else
    gtk_widget_remove_css_class (row, "mixed");
}

static GPtrArray *
dup_drafts (CaptionerFieldsSection *self)
{
  GPtrArray *drafts = g_ptr_array_new ();

  for (guint i = 0; i < self->items->len; i++)
    {
      CaptionerDraft *draft = captioner_desk_item_get_draft (g_ptr_array_index (self->items, i));

      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }
  return drafts;
}

static void
captioner_fields_section_refresh_batch (CaptionerFieldsSection *self)
{
  g_autoptr(GPtrArray) drafts = dup_drafts (self);
  const char * const *keywords = NULL;

  self->refreshing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = ROW_AT (self, field_rows[i].offset);
      const char *value = NULL;
      gboolean same;

      /* What the editor is typing stays until they are done with it. */
      if (g_object_get_data (G_OBJECT (row), "typed") != NULL)
        continue;
      same = drafts->len == 0 ||
             captioner_drafts_get_common_field (drafts, field_rows[i].field, &value);
      show_mixed (row, !same);
      captioner_caption_section_show_text (GTK_EDITABLE (row), value);
    }
  if (g_object_get_data (G_OBJECT (self->keywords_row), "typed") == NULL)
    {
      gboolean same = drafts->len == 0 || captioner_drafts_get_common_keywords (drafts, &keywords);
      g_autofree char *joined = keywords ? g_strjoinv (", ", (char **) keywords) : NULL;

      show_mixed (self->keywords_row, !same);
      captioner_caption_section_show_text (GTK_EDITABLE (self->keywords_row), joined);
    }
  self->refreshing = FALSE;
}

static gboolean
refresh_cb (gpointer user_data)
{
  CaptionerFieldsSection *self = user_data;

  self->refresh_idle = 0;
  if (self->items != NULL)
    captioner_fields_section_refresh_batch (self);
  return G_SOURCE_REMOVE;
}

static void
on_item_edited_cb (CaptionerDeskItem      *item,
                   CaptionerFieldsSection *self)
{
  /* Once for a batch over thousands of photos. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_LOW, refresh_cb, self, NULL);
}

/* What the editor typed in a row goes to every selected photo, as one undo step. */
static void
commit_row (CaptionerFieldsSection *self,
            GtkWidget              *row)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(CaptionerBatch) batch = NULL;

  if (self->items == NULL || g_object_get_data (G_OBJECT (row), "typed") == NULL)
    return;
  g_object_set_data (G_OBJECT (row), "typed", NULL);
  if (field == CAPTIONER_N_FIELDS)
    {
      g_auto(GStrv) keywords = split_keywords (text);
      g_autoptr(GPtrArray) drafts = dup_drafts (self);

      /* Keywords typed over different lists are added to each; a common list is edited. */
      if (captioner_drafts_get_common_keywords (drafts, NULL))
        batch = captioner_batch_new_set_keywords (self->desk, self->items,
                                                  (const char * const *) keywords);
      else
        batch = captioner_batch_new_add_keywords (self->desk, self->items,
                                                  (const char * const *) keywords);
    }
  else
    {
      g_autofree char *value = g_strstrip (g_strdup (text));

      batch = captioner_batch_new_set_field (self->desk, self->items, field, value);
    }
  captioner_batch_history_run (self->history, batch,
                               captioner_desk_get_autosave (self->desk) ? CAPTIONER_BATCH_SAVE
                                                                        : CAPTIONER_BATCH_NONE);
}

static void
on_row_activated_cb (GtkWidget              *row,
                     CaptionerFieldsSection *self)
{
  commit_row (self, row);
}

static void
on_row_focus_leave_cb (GtkEventControllerFocus *controller,
                       CaptionerFieldsSection  *self)
{
  commit_row (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
captioner_fields_section_init_batch (CaptionerFieldsSection *self,
                                     GtkWidget              *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (row, "entry-activated", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_row_focus_leave_cb), self);
  gtk_widget_add_controller (row, focus);
}

static void
captioner_fields_section_update (CaptionerCaptionSection *section,
                                 CaptionerDraft          *draft,
                                 CaptionerDraftChanged    what)
{
  CaptionerFieldsSection *self = CAPTIONER_FIELDS_SECTION (section);
  const CaptionerMetadata *md = draft ? captioner_draft_get_metadata (draft) : NULL;

  if (self->items != NULL)
    {
      captioner_fields_section_refresh_batch (self);
      return;
    }
  if (what & CAPTIONER_DRAFT_CHANGED_FIELDS)
    for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
      captioner_caption_section_show_text (GTK_EDITABLE (ROW_AT (self, field_rows[i].offset)),
                                           md ? md->fields[field_rows[i].field] : NULL);
  /* The wire's Object Name ("IRAN-CAUCASUS/MEETING") shows while the wire fields are folded. */
  if (what & CAPTIONER_DRAFT_CHANGED_FIELDS)
    {
      const char *title = md ? md->fields[CAPTIONER_FIELD_TITLE] : NULL;

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->wire_row), title ? title : "");
    }

  /* Keywords are compared as a list so that typing "a, " is not rewritten to "a". */
  if (what & CAPTIONER_DRAFT_CHANGED_KEYWORDS)
    {
      g_auto(GStrv) typed = split_keywords (gtk_editable_get_text (GTK_EDITABLE (self->keywords_row)));
      const char * const empty[] = { NULL };
      const char * const *wanted = md ? (const char * const *) md->keywords : empty;

      if (!g_strv_equal ((const char * const *) typed, wanted))
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) wanted);
          gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), joined);
        }
    }
}

static void
captioner_fields_section_dispose (GObject *object)
{
  captioner_fields_section_set_selection (CAPTIONER_FIELDS_SECTION (object), NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CAPTIONER_TYPE_FIELDS_SECTION);
  G_OBJECT_CLASS (captioner_fields_section_parent_class)->dispose (object);
}

static void
captioner_fields_section_class_init (CaptionerFieldsSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_fields_section_dispose;
  CAPTIONER_CAPTION_SECTION_CLASS (klass)->update = captioner_fields_section_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-fields-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, credit_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, byline_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, headline_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, event_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, city_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, country_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, wire_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, title_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, sub_location_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, state_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, source_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, country_code_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, caption_writer_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, category_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerFieldsSection, supplemental_categories_row);
}

static void
captioner_fields_section_init (CaptionerFieldsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The draft keeps one undo history for boxes, names and fields: Ctrl+Z goes there. */
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = ROW_AT (self, field_rows[i].offset);

      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field_rows[i].field));
      g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), self);
      captioner_fields_section_init_batch (self, row);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->wire_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->keywords_row), FALSE);
  g_signal_connect (self->keywords_row, "changed", G_CALLBACK (on_keywords_changed_cb), self);
  g_object_set_data (G_OBJECT (self->keywords_row), "field", GUINT_TO_POINTER (CAPTIONER_N_FIELDS));
  captioner_fields_section_init_batch (self, self->keywords_row);
}

GtkWidget *
captioner_fields_section_new (void)
{
  return g_object_new (CAPTIONER_TYPE_FIELDS_SECTION, NULL);
}

GtkEditable *
captioner_fields_section_get_editable (CaptionerFieldsSection *self,
                                       CaptionerField          field)
{
  g_return_val_if_fail (CAPTIONER_IS_FIELDS_SECTION (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if (field_rows[i].field == field)
      return GTK_EDITABLE (ROW_AT (self, field_rows[i].offset));
  return NULL;
}

/* Several photos selected (@items, two or more, of @desk): the rows show what they all hold
 * ("Mixed" where they differ) and what the editor types in one goes to all of them as a batch
 * run in @history. NULL items: the draft's alone, as before. */
void
captioner_fields_section_set_selection (CaptionerFieldsSection *self,
                                        CaptionerDesk          *desk,
                                        CaptionerBatchHistory  *history,
                                        GPtrArray              *items)
{
  GtkWidget *rows[G_N_ELEMENTS (field_rows) + 1];

  g_return_if_fail (CAPTIONER_IS_FIELDS_SECTION (self));

  if (items != NULL && items->len < 2)
    items = NULL;
  if (self->items == NULL && items == NULL)
    return;
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->items, i),
                                          on_item_edited_cb, self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_set_object (&self->desk, desk);
  g_set_object (&self->history, history);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    rows[i] = ROW_AT (self, field_rows[i].offset);
  rows[G_N_ELEMENTS (field_rows)] = self->keywords_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_object_set_data (G_OBJECT (rows[i]), "typed", NULL);
      show_mixed (rows[i], FALSE);
    }

  if (items != NULL && desk != NULL && history != NULL)
    {
      self->items = g_ptr_array_ref (items);
      for (guint i = 0; i < items->len; i++)
        g_signal_connect (g_ptr_array_index (items, i), "edited", G_CALLBACK (on_item_edited_cb),
                          self);
      captioner_fields_section_refresh_batch (self);
    }
  else
    {
      CaptionerCaptionSection *section = CAPTIONER_CAPTION_SECTION (self);

      g_clear_object (&self->desk);
      g_clear_object (&self->history);
      self->refreshing = TRUE;
      captioner_fields_section_update (section, captioner_caption_section_get_draft (section),
                                       CAPTIONER_DRAFT_CHANGED_ALL);
      self->refreshing = FALSE;
    }
}
