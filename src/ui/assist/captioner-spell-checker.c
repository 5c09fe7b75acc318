#define G_LOG_DOMAIN "captioner-spell-checker"

#include "config.h"

#include <glib/gi18n.h>

#include "captioner-spell-checker.h"

#define MISSPELLED_TAG "captioner-misspelled"
#define MAX_SUGGESTIONS 5

/* One checked widget: a GtkTextView or a GtkText. Kept as the widget's data, so it goes with
 * the widget; the checker keeps a list of them to check again when the speller or the names
 * change. */
typedef struct
{
  CaptionerSpellChecker *checker;       /* NULL once the checker is gone */
  GtkWidget             *widget;
  GPtrArray             *flagged;       /* CaptionerMisspelling underlined now */
  GMenu                 *menu;          /* the context menu's spelling section */
  GSimpleActionGroup    *actions;       /* "spell.replace" (s), "spell.add" */
  char                  *menu_word;     /* the word the menu is for, or NULL */
  int                    menu_start;    /* where it is, in characters */
  int                    menu_end;
  guint                  idle_id;
  gboolean               typing;        /* the last change was typing at the cursor */
} Attachment;

struct _CaptionerSpellChecker
{
  GObject           parent_instance;

  CaptionerSpeller *speller;
  GStrv             names;
  GPtrArray        *attachments;  /* Attachment*, owned by their widgets */
};

G_DEFINE_FINAL_TYPE (CaptionerSpellChecker, captioner_spell_checker, G_TYPE_OBJECT)

static Attachment *
attachment_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "captioner-spell-checker");
}

static void
attachment_free (Attachment *attachment)
{
  if (attachment->checker != NULL)
    g_ptr_array_remove (attachment->checker->attachments, attachment);
  g_clear_handle_id (&attachment->idle_id, g_source_remove);
  g_clear_pointer (&attachment->flagged, g_ptr_array_unref);
  g_clear_object (&attachment->menu);
  g_clear_object (&attachment->actions);
  g_free (attachment->menu_word);
  g_free (attachment);
}

static char *
widget_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_TEXT (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static int
cursor_offset (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter cursor;

  if (GTK_IS_TEXT (widget))
    return gtk_editable_get_position (GTK_EDITABLE (widget));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&cursor);
}

/* The misspelling at character @offset (its end included: the word just typed), or NULL. */
static CaptionerMisspelling *
flagged_at (Attachment *attachment,
            int         offset)
{
  for (guint i = 0; i < attachment->flagged->len; i++)
    {
      CaptionerMisspelling *misspelling = g_ptr_array_index (attachment->flagged, i);

      if (misspelling->start <= offset && offset <= misspelling->end)
        return misspelling;
    }
  return NULL;
}

/* The context menu's section, for the word at @offset. */
static void
update_menu (Attachment *attachment,
             int         offset)
{
  CaptionerMisspelling *misspelling = flagged_at (attachment, offset);
  CaptionerSpellChecker *self = attachment->checker;
  g_auto(GStrv) suggestions = NULL;
  g_autofree char *add = NULL;

  if (misspelling != NULL && g_strcmp0 (misspelling->word, attachment->menu_word) == 0 &&
      misspelling->start == attachment->menu_start)
    return;
  g_menu_remove_all (attachment->menu);
  g_clear_pointer (&attachment->menu_word, g_free);
  if (misspelling == NULL || self == NULL || self->speller == NULL)
    return;

  attachment->menu_word = g_strdup (misspelling->word);
  attachment->menu_start = misspelling->start;
  attachment->menu_end = misspelling->end;
  suggestions = captioner_speller_suggest (self->speller, misspelling->word, MAX_SUGGESTIONS);
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target (item, "spell.replace", "s", suggestions[i]);
      g_menu_append_item (attachment->menu, item);
    }
  if (suggestions[0] == NULL)
    g_menu_append (attachment->menu, _("No Suggestions"), "spell.none");
  /* TRANSLATORS: %s is a word the dictionary does not know */
  add = g_strdup_printf (_("Add “%s” to Dictionary"), misspelling->word);
  g_menu_append (attachment->menu, add, "spell.add");
}

static void
underline (Attachment *attachment)
{
  GtkWidget *widget = attachment->widget;

  if (GTK_IS_TEXT (widget))
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      for (guint i = 0; i < attachment->flagged->len; i++)
        {
          CaptionerMisspelling *misspelling = g_ptr_array_index (attachment->flagged, i);
          PangoAttribute *attribute = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);

          attribute->start_index = misspelling->start_byte;
          attribute->end_index = misspelling->end_byte;
          pango_attr_list_insert (attributes, attribute);
        }
      gtk_text_set_attributes (GTK_TEXT (widget), attributes);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, MISSPELLED_TAG, &start, &end);
      for (guint i = 0; i < attachment->flagged->len; i++)
        {
          CaptionerMisspelling *misspelling = g_ptr_array_index (attachment->flagged, i);

          gtk_text_buffer_get_iter_at_offset (buffer, &start, misspelling->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, misspelling->end);
          gtk_text_buffer_apply_tag_by_name (buffer, MISSPELLED_TAG, &start, &end);
        }
    }
}

static void
check (Attachment *attachment)
{
  CaptionerSpellChecker *self = attachment->checker;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) misspellings = NULL;
  int cursor;

  if (self == NULL)
    return;
  g_ptr_array_set_size (attachment->flagged, 0);
  if (self->speller != NULL)
    {
      text = widget_text (attachment->widget);
      misspellings = captioner_speller_check (self->speller, text,
                                              (const char * const *) self->names);
      cursor = cursor_offset (attachment->widget);
      for (guint i = 0; i < misspellings->len; i++)
        {
          CaptionerMisspelling *misspelling = g_ptr_array_index (misspellings, i);

          /* Not the word being typed: it is not finished. */
          if (attachment->typing && misspelling->end == cursor)
            continue;
          g_ptr_array_add (attachment->flagged, g_ptr_array_steal_index (misspellings, i--));
        }
    }
  underline (attachment);
  g_clear_pointer (&attachment->menu_word, g_free);
  update_menu (attachment, cursor_offset (attachment->widget));
}

static gboolean
check_idle_cb (gpointer data)
{
  Attachment *attachment = data;

  attachment->idle_id = 0;
  check (attachment);
  return G_SOURCE_REMOVE;
}

static void
queue_check (Attachment *attachment)
{
  if (attachment->idle_id == 0 && attachment->checker != NULL)
    attachment->idle_id = g_idle_add_full (G_PRIORITY_LOW, check_idle_cb, attachment, NULL);
}

static void
on_changed_cb (GObject   *buffer_or_text,
               GtkWidget *widget)
{
  Attachment *attachment = attachment_of (widget);

  /* Typed, not a photo's caption shown. */
  attachment->typing = gtk_widget_has_focus (widget);
  queue_check (attachment);
}

/* The editor moved away from the word typed: it may be underlined now. */
static void
cursor_moved (GtkWidget *widget)
{
  Attachment *attachment = attachment_of (widget);

  if (attachment->typing && attachment->idle_id == 0)
    {
      int cursor = cursor_offset (widget);
      g_autofree char *text = widget_text (widget);
      gunichar before = cursor > 0 ? g_utf8_get_char (g_utf8_offset_to_pointer (text, cursor - 1)) : ' ';

      /* Still at the end of a word being typed: nothing to do until it is finished. */
      if (!g_unichar_isalpha (before))
        {
          attachment->typing = FALSE;
          queue_check (attachment);
          return;
        }
    }
  update_menu (attachment, cursor_offset (widget));
}

static void
on_mark_set_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                GtkTextMark   *mark,
                GtkWidget     *widget)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    cursor_moved (widget);
}

static void
on_position_cb (GObject    *text,
                GParamSpec *pspec,
                GtkWidget  *widget)
{
  cursor_moved (widget);
}

/* A right click: the menu is for the word under the pointer (a text view), or at the cursor
 * (a one-line field, which puts the cursor there). */
static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               GtkWidget       *widget)
{
  Attachment *attachment = attachment_of (widget);
  GtkTextIter iter;
  int bx, by;

  if (!GTK_IS_TEXT_VIEW (widget))
    {
      update_menu (attachment, cursor_offset (widget));
      return;
    }
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (widget), GTK_TEXT_WINDOW_WIDGET, x, y,
                                         &bx, &by);
  if (gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (widget), &iter, bx, by))
    update_menu (attachment, gtk_text_iter_get_offset (&iter));
}

static void
replace_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  Attachment *attachment = data;
  const char *word = g_variant_get_string (parameter, NULL);
  int start = attachment->menu_start;
  int end = attachment->menu_end;

  if (attachment->menu_word == NULL)
    return;
  if (GTK_IS_TEXT (attachment->widget))
    {
      GtkEditable *editable = GTK_EDITABLE (attachment->widget);

      gtk_editable_delete_text (editable, start, end);
      gtk_editable_insert_text (editable, word, -1, &start);
      gtk_editable_set_position (editable, start);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (attachment->widget));
      GtkTextIter from, to;

      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
      gtk_text_buffer_delete (buffer, &from, &to);
      gtk_text_buffer_insert (buffer, &from, word, -1);
      gtk_text_buffer_place_cursor (buffer, &from);
      gtk_text_buffer_end_user_action (buffer);
    }
  attachment->typing = FALSE;
}

static void
check_all (CaptionerSpellChecker *self)
{
  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      attachment->typing = FALSE;
      queue_check (attachment);
    }
}

static void
add_activated_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  Attachment *attachment = data;

  if (attachment->menu_word == NULL || attachment->checker == NULL ||
      attachment->checker->speller == NULL)
    return;
  captioner_speller_add_word (attachment->checker->speller, attachment->menu_word);
  check_all (attachment->checker);
}

/* The menu a widget adds to its context menu: the suggestions as a section of their own. */
static GMenuModel *
extra_menu (Attachment *attachment)
{
  GMenu *menu = g_menu_new ();

  g_menu_append_section (menu, NULL, G_MENU_MODEL (attachment->menu));
  return G_MENU_MODEL (menu);
}

/* A widget being destroyed is checked no more. */
static void
on_destroy_cb (GtkWidget *widget,
               gpointer   data)
{
  Attachment *attachment = attachment_of (widget);

  if (attachment == NULL)
    return;
  g_clear_handle_id (&attachment->idle_id, g_source_remove);
  if (attachment->checker != NULL)
    g_ptr_array_remove (attachment->checker->attachments, attachment);
  attachment->checker = NULL;
}

static Attachment *
attach (CaptionerSpellChecker *self,
        GtkWidget             *widget)
{
  Attachment *attachment = g_new0 (Attachment, 1);
  const GActionEntry entries[] = {
    { "replace", replace_activated_cb, "s" },
    { "add", add_activated_cb },
    { "none", NULL },
  };
  GtkGesture *gesture = gtk_gesture_click_new ();

  attachment->checker = self;
  attachment->widget = widget;
  attachment->flagged = g_ptr_array_new_with_free_func ((GDestroyNotify) captioner_misspelling_free);
  attachment->menu = g_menu_new ();
  attachment->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (attachment->actions), entries,
                                   G_N_ELEMENTS (entries), attachment);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (
                                 G_ACTION_MAP (attachment->actions), "none")), FALSE);
  gtk_widget_insert_action_group (widget, "spell", G_ACTION_GROUP (attachment->actions));
  g_object_set_data_full (G_OBJECT (widget), "captioner-spell-checker", attachment,
                          (GDestroyNotify) attachment_free);
  g_ptr_array_add (self->attachments, attachment);
  g_signal_connect (widget, "destroy", G_CALLBACK (on_destroy_cb), NULL);

  /* Before the widget's own click handling opens the menu. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed_cb), widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
  return attachment;
}

void
captioner_spell_checker_attach_view (CaptionerSpellChecker *self,
                                     GtkTextView           *view)
{
  g_autoptr(GMenuModel) menu = NULL;
  GtkTextBuffer *buffer;

  g_return_if_fail (CAPTIONER_IS_SPELL_CHECKER (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_create_tag (buffer, MISSPELLED_TAG, "underline", PANGO_UNDERLINE_ERROR, NULL);
  menu = extra_menu (attach (self, GTK_WIDGET (view)));
  gtk_text_view_set_extra_menu (view, menu);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_changed_cb), view, 0);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set_cb), view, 0);
  queue_check (attachment_of (GTK_WIDGET (view)));
}

void
captioner_spell_checker_attach_text (CaptionerSpellChecker *self,
                                     GtkText               *text)
{
  g_autoptr(GMenuModel) menu = NULL;

  g_return_if_fail (CAPTIONER_IS_SPELL_CHECKER (self));
  g_return_if_fail (GTK_IS_TEXT (text));

  menu = extra_menu (attach (self, GTK_WIDGET (text)));
  gtk_text_set_extra_menu (text, menu);
  g_signal_connect_object (text, "changed", G_CALLBACK (on_changed_cb), text, 0);
  g_signal_connect_object (text, "notify::cursor-position", G_CALLBACK (on_position_cb), text, 0);
  queue_check (attachment_of (GTK_WIDGET (text)));
}

static void
captioner_spell_checker_dispose (GObject *object)
{
  CaptionerSpellChecker *self = CAPTIONER_SPELL_CHECKER (object);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      attachment->checker = NULL;
      g_clear_handle_id (&attachment->idle_id, g_source_remove);
    }
  g_ptr_array_set_size (self->attachments, 0);
  g_clear_object (&self->speller);
  G_OBJECT_CLASS (captioner_spell_checker_parent_class)->dispose (object);
}

static void
captioner_spell_checker_finalize (GObject *object)
{
  CaptionerSpellChecker *self = CAPTIONER_SPELL_CHECKER (object);

  g_ptr_array_unref (self->attachments);
  g_strfreev (self->names);
  G_OBJECT_CLASS (captioner_spell_checker_parent_class)->finalize (object);
}

static void
captioner_spell_checker_class_init (CaptionerSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = captioner_spell_checker_dispose;
  object_class->finalize = captioner_spell_checker_finalize;
}

static void
captioner_spell_checker_init (CaptionerSpellChecker *self)
{
  self->attachments = g_ptr_array_new ();
}

CaptionerSpellChecker *
captioner_spell_checker_new (void)
{
  return g_object_new (CAPTIONER_TYPE_SPELL_CHECKER, NULL);
}

void
captioner_spell_checker_set_speller (CaptionerSpellChecker *self,
                                     CaptionerSpeller      *speller)
{
  g_return_if_fail (CAPTIONER_IS_SPELL_CHECKER (self));

  if (g_set_object (&self->speller, speller))
    check_all (self);
}

CaptionerSpeller *
captioner_spell_checker_get_speller (CaptionerSpellChecker *self)
{
  g_return_val_if_fail (CAPTIONER_IS_SPELL_CHECKER (self), NULL);
  return self->speller;
}

void
captioner_spell_checker_set_names (CaptionerSpellChecker *self,
                                   const char * const    *names)
{
  g_return_if_fail (CAPTIONER_IS_SPELL_CHECKER (self));

  if (names == NULL && self->names == NULL)
    return;
  if (names != NULL && self->names != NULL &&
      g_strv_equal (names, (const char * const *) self->names))
    return;
  g_strfreev (self->names);
  self->names = g_strdupv ((char **) names);
  for (guint i = 0; i < self->attachments->len; i++)
    queue_check (g_ptr_array_index (self->attachments, i));
}

char *
captioner_spell_checker_dup_flagged (CaptionerSpellChecker *self,
                                     GtkWidget             *widget)
{
  Attachment *attachment = attachment_of (widget);
  GString *words = g_string_new (NULL);

  g_return_val_if_fail (CAPTIONER_IS_SPELL_CHECKER (self), NULL);
  for (guint i = 0; attachment != NULL && i < attachment->flagged->len; i++)
    g_string_append_printf (words, "%s%s", i ? " " : "",
                            ((CaptionerMisspelling *) g_ptr_array_index (attachment->flagged,
                                                                         i))->word);
  return g_string_free (words, FALSE);
}

GStrv
captioner_spell_checker_dup_suggestions (CaptionerSpellChecker *self,
                                         GtkWidget             *widget,
                                         int                    offset)
{
  CaptionerMisspelling *misspelling;
  Attachment *attachment = attachment_of (widget);

  g_return_val_if_fail (CAPTIONER_IS_SPELL_CHECKER (self), NULL);
  if (attachment == NULL || self->speller == NULL ||
      (misspelling = flagged_at (attachment, offset)) == NULL)
    return NULL;
  return captioner_speller_suggest (self->speller, misspelling->word, MAX_SUGGESTIONS);
}
