#define G_LOG_DOMAIN "captioner-editable"

#include "config.h"

#include "captioner-editable.h"

GtkText *
captioner_editable_get_text (GtkEditable *editable)
{
  while (editable != NULL && !GTK_IS_TEXT (editable))
    editable = gtk_editable_get_delegate (editable);
  return editable != NULL ? GTK_TEXT (editable) : NULL;
}
