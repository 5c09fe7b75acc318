#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget under @root (depth first, @root itself left out) that @match accepts. */
GtkWidget *widget_find      (GtkWidget     *root,
                             WidgetMatch    match,
                             gconstpointer  data);
/* The first widget under @root that is a @type, with @css_class unless NULL. */
GtkWidget *widget_find_type (GtkWidget     *root,
                             GType          type,
                             const char    *css_class);

G_END_DECLS
