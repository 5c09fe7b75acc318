#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until condition holds, failing the test after seconds. */
#define WIDGET_WAIT_UNTIL(condition, seconds) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        g_assert_cmpint (g_get_monotonic_time (), <, end_); \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (1000); \
      } \
  } G_STMT_END

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
