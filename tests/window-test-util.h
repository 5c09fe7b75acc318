#pragma once

#include <adwaita.h>

#include "captioner-caption-panel.h"
#include "captioner-photo-item.h"
#include "captioner-photo-view.h"
#include "captioner-window.h"
#include "widget-test-util.h"

G_BEGIN_DECLS

/* The caption desk for window tests: a real CaptionerWindow on a temporary folder of three
 * generated 600×400 JPEGs (a-summit, b-talks, c-press), and what an editor does to it. */
typedef struct
{
  AdwApplication  *application;
  GSettings       *settings;
  CaptionerWindow *window;
  char            *dir;
} Desk;

#define DESK_WAIT_UNTIL(condition) WIDGET_WAIT_UNTIL (condition, 20)

extern AdwApplication *desk_application;

char                  *desk_init           (int              *argc,
                                            char           ***argv);
void                   desk_finish         (const char       *home);
/* Writes the user's own file NAME (under the user's data folder's captioner/) before a
 * window opens, as a desk's editor has them. */
void                   desk_write_user_file (const char      *name,
                                             const char      *text);
void                   desk_set_up         (Desk             *desk,
                                            gconstpointer     data);
void                   desk_tear_down      (Desk             *desk,
                                            gconstpointer     data);
void                   desk_write_jpeg     (const char       *dir,
                                            const char       *name,
                                            guint32           color);
char                  *desk_checksum       (const char       *dir,
                                            const char       *name);
char                  *desk_exiftool       (const char       *dir,
                                            const char       *tag,
                                            const char       *name);
CaptionerPhotoItem    *desk_item_at        (Desk             *desk,
                                            guint             position);
CaptionerPhotoView    *desk_view           (Desk             *desk);
CaptionerCaptionPanel *desk_panel          (Desk             *desk);
gboolean               desk_photo_is_shown (Desk             *desk);
void                   desk_open_folder    (Desk             *desk);
void                   desk_tag            (Desk             *desk,
                                            double            x0,
                                            double            y0,
                                            double            x1,
                                            double            y1,
                                            const char       *name);
void                   desk_set_body       (Desk             *desk,
                                            const char       *body);
void                   desk_set_field      (Desk             *desk,
                                            CaptionerField    field,
                                            const char       *value);
void                   desk_activate       (Desk             *desk,
                                            const char       *action);
void                   desk_assert_caption (Desk             *desk,
                                            const char       *expected);
void                   desk_respond        (AdwMessageDialog *dialog,
                                            const char       *response);
/* The last visible window of type (an export dialog, say), or NULL. */
GtkWindow             *desk_find_window    (GType             type);
AdwMessageDialog      *desk_find_dialog    (void);
const char            *desk_field_text     (Desk             *desk,
                                            CaptionerField    field);
const char            *desk_person_text    (Desk             *desk,
                                            guint             position);
GtkWidget             *desk_find_cell      (Desk             *desk,
                                            CaptionerPhotoItem *item);
void                   desk_assert_cell    (Desk             *desk,
                                            guint             position,
                                            const char       *name,
                                            const char       *badge_class);

G_END_DECLS
