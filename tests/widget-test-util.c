#include "config.h"

#include "widget-test-util.h"

GtkWidget *
widget_find (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = widget_find (child, match, data)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GType       type;
  const char *css_class;
} TypeAndClass;

static gboolean
is_type_with_class (GtkWidget     *widget,
                    gconstpointer  data)
{
  const TypeAndClass *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->css_class == NULL || gtk_widget_has_css_class (widget, wanted->css_class));
}

GtkWidget *
widget_find_type (GtkWidget  *root,
                  GType       type,
                  const char *css_class)
{
  TypeAndClass wanted = { type, css_class };

  return widget_find (root, is_type_with_class, &wanted);
}
