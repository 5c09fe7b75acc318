#define G_LOG_DOMAIN "captioner-language-section"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-caption-style.h"
#include "captioner-language-section.h"

struct _CaptionerLanguageSection
{
  CaptionerCaptionSection  parent_instance;

  /* Template widgets */
  AdwComboRow             *language_row;
  GtkStringList           *language_names;
  AdwEntryRow             *body_row;
  GtkLabel                *caption_label;

  GPtrArray               *codes;      /* char *: the languages offered, as language_names */
  char                    *language;   /* the one shown, or NULL when none is offered */
  gboolean                 listing;
};

G_DEFINE_FINAL_TYPE (CaptionerLanguageSection, captioner_language_section,
                     CAPTIONER_TYPE_CAPTION_SECTION)

/* "Armenian (hy)": the name of a style that writes it, else the code alone. */
static char *
language_title (GPtrArray  *styles,
                const char *code)
{
  for (guint i = 0; i < styles->len; i++)
    {
      const CaptionerCaptionStyle *style = g_ptr_array_index (styles, i);

      if (g_strcmp0 (style->language, code) == 0 && g_strcmp0 (style->id, code) == 0)
        /* TRANSLATORS: a caption language: its name, its code ("Armenian (hy)") */
        return g_strdup_printf (_("%s (%s)"), style->name, code);
    }
  return g_strdup (code);
}

static void
add_code (GPtrArray  *codes,
          const char *code)
{
  if (code == NULL || g_str_equal (code, "en") ||
      g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
    return;
  g_ptr_array_add (codes, g_strdup (code));
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The photo's languages, then those a style writes. */
static void
list_languages (CaptionerLanguageSection *self,
                CaptionerDraft           *draft)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) styles = captioner_caption_style_list ();
  g_auto(GStrv) own = draft != NULL ? captioner_draft_dup_languages (draft) : NULL;
  gboolean same = TRUE;
  guint selected = 0;

  for (guint i = 0; own != NULL && own[i] != NULL; i++)
    add_code (codes, own[i]);
  for (guint i = 0; i < styles->len; i++)
    add_code (codes, ((const CaptionerCaptionStyle *) g_ptr_array_index (styles, i))->language);
  g_ptr_array_sort (codes, compare_codes);

  same = codes->len == self->codes->len;
  for (guint i = 0; same && i < codes->len; i++)
    same = g_str_equal (g_ptr_array_index (codes, i), g_ptr_array_index (self->codes, i));
  if (same)
    return;
  self->listing = TRUE;
  gtk_string_list_splice (self->language_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->language_names)), NULL);
  for (guint i = 0; i < codes->len; i++)
    {
      g_autofree char *title = language_title (styles, g_ptr_array_index (codes, i));

      gtk_string_list_append (self->language_names, title);
      if (g_strcmp0 (g_ptr_array_index (codes, i), self->language) == 0)
        selected = i;
    }
  g_ptr_array_unref (self->codes);
  self->codes = g_steal_pointer (&codes);
  g_free (self->language);
  self->language = self->codes->len > 0 ? g_strdup (g_ptr_array_index (self->codes, selected))
                                        : NULL;
  adw_combo_row_set_selected (self->language_row, selected);
  self->listing = FALSE;
}

static void
show_language (CaptionerLanguageSection *self,
               CaptionerDraft           *draft)
{
  const char *body = NULL;
  const char *caption = NULL;
  g_autofree char *composed = NULL;
  gboolean offered = self->language != NULL && draft != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), self->language != NULL);
  if (offered)
    {
      body = captioner_draft_get_language (draft, self->language, CAPTIONER_LANGUAGE_BODY);
      caption = captioner_draft_get_language (draft, self->language, CAPTIONER_LANGUAGE_CAPTION);
    }
  captioner_caption_section_show_text (GTK_EDITABLE (self->body_row), body);
  /* Nothing written in it yet: what it would say, dimmed. */
  if (offered && caption == NULL)
    caption = composed = captioner_draft_compose_language (draft, self->language);
  gtk_label_set_text (self->caption_label, caption != NULL ? caption : "");
  if (offered && captioner_draft_get_language (draft, self->language,
                                               CAPTIONER_LANGUAGE_CAPTION) == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->caption_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->caption_label), "dim-label");
}

static void
on_language_row_selected_cb (AdwComboRow              *row,
                             GParamSpec               *pspec,
                             CaptionerLanguageSection *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->listing || selected >= self->codes->len)
    return;
  g_free (self->language);
  self->language = g_strdup (g_ptr_array_index (self->codes, selected));
  show_language (self, captioner_caption_section_get_draft (CAPTIONER_CAPTION_SECTION (self)));
}

static void
on_body_row_changed_cb (GtkEditable              *editable,
                        CaptionerLanguageSection *self)
{
  CaptionerCaptionSection *section = CAPTIONER_CAPTION_SECTION (self);
  CaptionerDraft *draft = captioner_caption_section_get_draft (section);

  if (draft == NULL || self->language == NULL || captioner_caption_section_is_updating (section))
    return;
  captioner_draft_set_language_body (draft, self->language, gtk_editable_get_text (editable));
}

static void
captioner_language_section_update (CaptionerCaptionSection *section,
                                   CaptionerDraft          *draft,
                                   CaptionerDraftChanged    what)
{
  CaptionerLanguageSection *self = CAPTIONER_LANGUAGE_SECTION (section);

  /* Another photo is all changed; an edit of a word only changes the caption shown. */
  if (what & CAPTIONER_DRAFT_CHANGED_LANGUAGES)
    list_languages (self, draft);
  show_language (self, draft);
}

static void
captioner_language_section_dispose (GObject *object)
{
  CaptionerLanguageSection *self = CAPTIONER_LANGUAGE_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAPTIONER_TYPE_LANGUAGE_SECTION);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
  G_OBJECT_CLASS (captioner_language_section_parent_class)->dispose (object);
}

static void
captioner_language_section_class_init (CaptionerLanguageSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = captioner_language_section_dispose;
  CAPTIONER_CAPTION_SECTION_CLASS (klass)->update = captioner_language_section_update;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Captioner/"
                                               "captioner-language-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CaptionerLanguageSection, language_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerLanguageSection, language_names);
  gtk_widget_class_bind_template_child (widget_class, CaptionerLanguageSection, body_row);
  gtk_widget_class_bind_template_child (widget_class, CaptionerLanguageSection, caption_label);
  gtk_widget_class_bind_template_callback (widget_class, on_language_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_body_row_changed_cb);
}

static void
captioner_language_section_init (CaptionerLanguageSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The draft keeps one undo history for boxes, names and fields: Ctrl+Z goes there. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->body_row), FALSE);
  self->codes = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
captioner_language_section_new (void)
{
  return g_object_new (CAPTIONER_TYPE_LANGUAGE_SECTION, NULL);
}

const char *
captioner_language_section_get_language (CaptionerLanguageSection *self)
{
  g_return_val_if_fail (CAPTIONER_IS_LANGUAGE_SECTION (self), NULL);
  return self->language;
}

void
captioner_language_section_set_language (CaptionerLanguageSection *self,
                                         const char               *language)
{
  guint index;

  g_return_if_fail (CAPTIONER_IS_LANGUAGE_SECTION (self));

  if (g_ptr_array_find_with_equal_func (self->codes, language, g_str_equal, &index))
    adw_combo_row_set_selected (self->language_row, index);
}

GtkEditable *
captioner_language_section_get_body (CaptionerLanguageSection *self)
{
  g_return_val_if_fail (CAPTIONER_IS_LANGUAGE_SECTION (self), NULL);
  return GTK_EDITABLE (self->body_row);
}

const char *
captioner_language_section_get_caption (CaptionerLanguageSection *self)
{
  g_return_val_if_fail (CAPTIONER_IS_LANGUAGE_SECTION (self), NULL);
  return gtk_label_get_text (self->caption_label);
}
