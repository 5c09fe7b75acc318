#define G_LOG_DOMAIN "captioner-caption-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "captioner-caption-panel.h"
#include "captioner-caption.h"
#include "captioner-person.h"

struct _CaptionerCaptionPanel
{
  GtkWidget    parent_instance;

  GtkWidget   *scroller;       /* template */
  GtkListBox  *people_list;    /* template */
  GtkTextView *body_view;      /* template */
  GtkWidget   *credit_row;     /* template */
  GtkWidget   *byline_row;     /* template */
  GtkWidget   *headline_row;   /* template */
  GtkWidget   *event_row;      /* template */
  GtkWidget   *city_row;       /* template */
  GtkWidget   *country_row;    /* template */
  GtkWidget   *keywords_row;   /* template */
  GtkLabel    *composed_label; /* template */
  GtkLabel    *length_label;   /* template */
  GtkWidget   *warning_label;  /* template */
  GtkLabel    *exif_label;     /* template */

  GArray      *order;          /* guint: metadata->people indices, left to right */
  GPtrArray   *person_entries; /* GtkEditable*, in displayed order */
  char        *composed;       /* the caption as it will be stored */
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (CaptionerCaptionPanel, captioner_caption_panel, GTK_TYPE_WIDGET)

enum {
  FIELD_CHANGED,
  KEYWORDS_CHANGED,
  PERSON_RENAMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CaptionerField field;
  gsize          offset;
} FieldRow;

static const FieldRow field_rows[] = {
  { CAPTIONER_FIELD_CREDIT, G_STRUCT_OFFSET (CaptionerCaptionPanel, credit_row) },
  { CAPTIONER_FIELD_BYLINE, G_STRUCT_OFFSET (CaptionerCaptionPanel, byline_row) },
  { CAPTIONER_FIELD_HEADLINE, G_STRUCT_OFFSET (CaptionerCaptionPanel, headline_row) },
  { CAPTIONER_FIELD_EVENT, G_STRUCT_OFFSET (CaptionerCaptionPanel, event_row) },
  { CAPTIONER_FIELD_CITY, G_STRUCT_OFFSET (CaptionerCaptionPanel, city_row) },
  { CAPTIONER_FIELD_COUNTRY, G_STRUCT_OFFSET (CaptionerCaptionPanel, country_row) },
};

#define ROW_AT(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static char *
get_body (CaptionerCaptionPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
format_exif (const CaptionerExif *exif)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) exposure = g_ptr_array_new_with_free_func (g_free);

  if (exif->make != NULL || exif->model != NULL)
    g_string_append_printf (text, _("Camera: %s %s\n"), exif->make ? exif->make : "",
                            exif->model ? exif->model : "");
  if (exif->lens != NULL)
    g_string_append_printf (text, _("Lens: %s\n"), exif->lens);
  if (exif->exposure_time != NULL)
    g_ptr_array_add (exposure, g_strdup_printf (_("%s s"), exif->exposure_time));
  if (exif->f_number > 0)
    g_ptr_array_add (exposure, g_strdup_printf ("f/%.1f", exif->f_number));
  if (exif->iso > 0)
    g_ptr_array_add (exposure, g_strdup_printf ("ISO %d", exif->iso));
  if (exif->focal_length > 0)
    g_ptr_array_add (exposure, g_strdup_printf (_("%.0f mm"), exif->focal_length));
  if (exposure->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (exposure, NULL);
      joined = g_strjoinv (", ", (char **) exposure->pdata);
      g_string_append_printf (text, _("Exposure: %s\n"), joined);
    }
  if (exif->datetime_original != NULL)
    g_string_append_printf (text, _("Taken: %s\n"), exif->datetime_original);
  if (exif->has_gps)
    g_string_append_printf (text, _("Location: %.5f, %.5f\n"), exif->gps_latitude,
                            exif->gps_longitude);
  if (exif->artist != NULL)
    g_string_append_printf (text, _("Artist: %s\n"), exif->artist);
  if (exif->copyright != NULL)
    g_string_append_printf (text, _("Copyright: %s\n"), exif->copyright);
  if (text->len == 0)
    g_string_append (text, _("No camera details in this photo"));
  else
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

static void
on_person_entry_changed_cb (GtkEditable           *entry,
                            CaptionerCaptionPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "person-index"));

  if (!self->updating)
    g_signal_emit (self, signals[PERSON_RENAMED], 0, index, gtk_editable_get_text (entry));
}

static void
rebuild_people (CaptionerCaptionPanel   *self,
                const CaptionerMetadata *metadata,
                GArray                  *order)
{
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->people_list, 0))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  g_ptr_array_set_size (self->person_entries, 0);

  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, guint, i);
      const CaptionerPerson *person = g_ptr_array_index (metadata->people, index);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *label = g_strdup_printf (_("Person %u"), i + 1);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), person->name ? person->name : "");
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), gtk_label_new (number));
      g_object_set_data (G_OBJECT (row), "person-index", GUINT_TO_POINTER (index));
      g_signal_connect (row, "changed", G_CALLBACK (on_person_entry_changed_cb), self);
      gtk_list_box_append (self->people_list, row);
      g_ptr_array_add (self->person_entries, row);
    }
}

static gboolean
same_order (GArray *a,
            GArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  /* Two empty arrays may have no data at all: memcmp must not be given NULL. */
  if (a->len == 0)
    return TRUE;
  return memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

static void
on_body_buffer_changed_cb (GtkTextBuffer         *buffer,
                           CaptionerCaptionPanel *self)
{
  g_autofree char *body = NULL;

  if (self->updating)
    return;
  body = get_body (self);
  g_signal_emit (self, signals[FIELD_CHANGED], 0, (guint) CAPTIONER_FIELD_CAPTION_BODY, body);
}

static void
on_field_row_changed_cb (GtkEditable           *editable,
                         CaptionerCaptionPanel *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "field"));

  if (!self->updating)
    g_signal_emit (self, signals[FIELD_CHANGED], 0, field, gtk_editable_get_text (editable));
}

static void
on_keywords_row_changed_cb (GtkEditable           *editable,
                            CaptionerCaptionPanel *self)
{
  g_auto(GStrv) keywords = NULL;

  if (self->updating)
    return;
  keywords = g_strsplit (gtk_editable_get_text (editable), ",", -1);
  g_signal_emit (self, signals[KEYWORDS_CHANGED], 0, keywords);
}

static void
captioner_caption_panel_dispose (GObject *object)
{
  CaptionerCaptionPanel *self = CAPTIONER_CAPTION_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_CAPTION_PANEL);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->person_entries, g_ptr_array_unref);
  g_clear_pointer (&self->composed, g_free);
  G_OBJECT_CLASS (captioner_caption_panel_parent_class)->dispose (object);
}

static void
captioner_caption_panel_class_init (CaptionerCaptionPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_caption_panel_dispose;

  signals[FIELD_CHANGED] =
    g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_UINT, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[KEYWORDS_CHANGED] =
    g_signal_new ("keywords-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
  signals[PERSON_RENAMED] =
    g_signal_new ("person-renamed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_UINT, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/captioner-caption-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, people_list);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, body_view);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, credit_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, byline_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, headline_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, event_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, city_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, country_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, composed_label);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, length_label);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, warning_label);
  gtk_widget_class_bind_template_child (widget_class, CaptionerCaptionPanel, exif_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "captioner-caption-panel");
}

static void
captioner_caption_panel_init (CaptionerCaptionPanel *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_entries = g_ptr_array_new ();
  /* The window keeps one undo history for boxes, names and fields: Ctrl+Z goes there. */
  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_body_buffer_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = ROW_AT (self, field_rows[i].offset);

      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field_rows[i].field));
      g_signal_connect (row, "changed", G_CALLBACK (on_field_row_changed_cb), self);
    }
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->keywords_row), FALSE);
  g_signal_connect (self->keywords_row, "changed", G_CALLBACK (on_keywords_row_changed_cb), self);
  captioner_caption_panel_set_exif (self, NULL);
}

GtkWidget *
captioner_caption_panel_new (void)
{
  return g_object_new (CAPTIONER_TYPE_CAPTION_PANEL, NULL);
}

/* Shows metadata. Widgets whose text is already right are left alone, so the cursor of the
 * field being typed in does not move. */
void
captioner_caption_panel_set_metadata (CaptionerCaptionPanel   *self,
                                      const CaptionerMetadata *metadata,
                                      int                      orientation)
{
  g_autoptr(GArray) order = NULL;
  g_autofree char *body = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *current_keywords = NULL;
  g_autofree char *length = NULL;
  const char *new_body;
  gsize bytes;

  g_return_if_fail (CAPTIONER_IS_CAPTION_PANEL (self));
  g_return_if_fail (metadata != NULL);

  self->updating = TRUE;

  order = captioner_people_order_displayed (metadata->people, orientation);
  if (!same_order (order, self->order))
    {
      rebuild_people (self, metadata, order);
      g_clear_pointer (&self->order, g_array_unref);
      self->order = g_array_ref (order);
    }
  else
    for (guint i = 0; i < order->len; i++)
      {
        const CaptionerPerson *person = g_ptr_array_index (metadata->people,
                                                           g_array_index (order, guint, i));
        set_editable_text (g_ptr_array_index (self->person_entries, i), person->name);
      }

  body = get_body (self);
  new_body = metadata->fields[CAPTIONER_FIELD_CAPTION_BODY];
  if (g_strcmp0 (body, new_body ? new_body : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                              new_body ? new_body : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    set_editable_text (GTK_EDITABLE (ROW_AT (self, field_rows[i].offset)),
                       metadata->fields[field_rows[i].field]);

  /* Keywords are compared as a list so that typing "a, " is not rewritten to "a". */
  {
    g_auto(GStrv) typed = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->keywords_row)),
                                      ",", -1);
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) typed_clean = NULL;

    for (guint i = 0; typed[i] != NULL; i++)
      {
        g_strstrip (typed[i]);
        if (*typed[i] != '\0')
          g_strv_builder_add (builder, typed[i]);
      }
    typed_clean = g_strv_builder_end (builder);
    if (!g_strv_equal ((const char * const *) typed_clean,
                       (const char * const *) metadata->keywords))
      {
        keywords = g_strjoinv (", ", metadata->keywords);
        gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), keywords);
      }
  }

  /* The window keeps the caption field composed from the parts as the editor works; until then
   * it is what the file holds (a wire caption without the house-style credit, say). */
  if (metadata->fields[CAPTIONER_FIELD_CAPTION] != NULL &&
      *metadata->fields[CAPTIONER_FIELD_CAPTION] != '\0')
    composed = g_strdup (metadata->fields[CAPTIONER_FIELD_CAPTION]);
  else
    composed = captioner_metadata_compose (metadata, orientation);
  g_free (self->composed);
  self->composed = g_strdup (composed);
  bytes = strlen (composed);
  gtk_label_set_text (self->composed_label, *composed ? composed : _("(empty)"));
  length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu byte of %d", "%zu bytes of %d",
                                         bytes),
                            bytes, CAPTIONER_CAPTION_MAX_BYTES);
  gtk_label_set_text (self->length_label, length);
  gtk_widget_set_visible (self->warning_label, bytes > CAPTIONER_CAPTION_MAX_BYTES);

  self->updating = FALSE;
}

void
captioner_caption_panel_set_exif (CaptionerCaptionPanel *self,
                                  const CaptionerExif   *exif)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CAPTIONER_IS_CAPTION_PANEL (self));

  text = exif ? format_exif (exif) : g_strdup (_("No photo"));
  gtk_label_set_text (self->exif_label, text);
}

void
captioner_caption_panel_set_sensitive_fields (CaptionerCaptionPanel *self,
                                              gboolean               sensitive)
{
  g_return_if_fail (CAPTIONER_IS_CAPTION_PANEL (self));
  gtk_widget_set_sensitive (self->scroller, sensitive);
}

GtkEditable *
captioner_caption_panel_get_field_editable (CaptionerCaptionPanel *self,
                                            CaptionerField         field)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if (field_rows[i].field == field)
      return GTK_EDITABLE (ROW_AT (self, field_rows[i].offset));
  return NULL;
}

GtkTextView *
captioner_caption_panel_get_body_view (CaptionerCaptionPanel *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return self->body_view;
}

GtkEditable *
captioner_caption_panel_get_person_editable (CaptionerCaptionPanel *self,
                                             guint                  position)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);

  if (position >= self->person_entries->len)
    return NULL;
  return g_ptr_array_index (self->person_entries, position);
}

const char *
captioner_caption_panel_get_composed (CaptionerCaptionPanel *self)
{
  g_return_val_if_fail (CAPTIONER_IS_CAPTION_PANEL (self), NULL);
  return self->composed ? self->composed : "";
}

/* Focuses the name entry of metadata->people[index]. */
void
captioner_caption_panel_focus_person (CaptionerCaptionPanel *self,
                                      guint                  index)
{
  g_return_if_fail (CAPTIONER_IS_CAPTION_PANEL (self));

  for (guint i = 0; self->order != NULL && i < self->order->len; i++)
    if (g_array_index (self->order, guint, i) == index)
      gtk_widget_grab_focus (g_ptr_array_index (self->person_entries, i));
}
