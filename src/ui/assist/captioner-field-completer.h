#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_FIELD_COMPLETER (captioner_field_completer_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerFieldCompleter, captioner_field_completer, CAPTIONER,
                      FIELD_COMPLETER, GObject)


typedef struct _CaptionerFieldCompleter CaptionerFieldCompleter;

/* The values a field may complete to, newly allocated, best first. */
typedef char **(*CaptionerFieldValuesFunc) (CaptionerFieldCompleter *completer,
                                            gpointer                 user_data);

/* Completion for a one-line field (an entry row of the caption panel, where GtkEntryCompletion
 * cannot go): as the editor types, a list under the field offers the values whose words start
 * with what is typed (ignoring case and accents), those used this session first, then @func's
 * (the folder's, asked when the field gets the focus). Down and Up pick, Enter or Tab takes
 * the value picked, Escape closes the list, a click takes a value. The completer belongs to
 * the editable and goes with it. */
CaptionerFieldCompleter *captioner_field_completer_attach      (GtkEditable             *editable,
                                                                CaptionerFieldValuesFunc func,
                                                                gpointer                 user_data);
CaptionerFieldCompleter *captioner_field_completer_get         (GtkEditable             *editable);
/* A value the editor used (saved): offered first from now on, in any folder. */
void                     captioner_field_completer_remember    (CaptionerFieldCompleter *self,
                                                                const char              *value);
/* The values the list offers now, in order; empty when it is closed. */
char                   **captioner_field_completer_dup_offered (CaptionerFieldCompleter *self);

G_END_DECLS
