#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The GtkText an entry, an entry row or any editable types into (following its delegates),
 * or NULL when there is none. */
GtkText *captioner_editable_get_text (GtkEditable *editable);

G_END_DECLS
