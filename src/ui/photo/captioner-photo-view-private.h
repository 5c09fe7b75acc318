#pragma once

#include "captioner-draft.h"
#include "captioner-people-directory.h"
#include "captioner-person.h"
#include "captioner-photo-view.h"

G_BEGIN_DECLS

/* Shared by captioner-photo-view.c (the class, naming, public API),
 * captioner-photo-view-drag.c (geometry, hit tests, drags) and
 * captioner-photo-view-draw.c (snapshot). */

#define MIN_DRAG       5.0   /* px: a shorter drag is a click */
#define HANDLE_SIZE    9.0   /* px: the corner handles of the selected box */
#define HANDLE_REACH  10.0   /* px: how near a corner a press grabs it */
#define LABEL_PADDING  3.0
#define NATURAL_WIDTH  800   /* when fitting, the size the view would like */
#define NATURAL_HEIGHT 600

typedef enum
{
  DRAG_NONE,
  DRAG_CREATE,
  DRAG_MOVE,
  DRAG_RESIZE,
} DragMode;

typedef enum
{
  NAMING_NONE,
  NAMING_NEW,
  NAMING_RENAME,
} NamingMode;

typedef enum
{
  CORNER_TOP_LEFT,
  CORNER_TOP_RIGHT,
  CORNER_BOTTOM_LEFT,
  CORNER_BOTTOM_RIGHT,
} Corner;

typedef struct
{
  char           *name;
  gboolean        has_region;
  CaptionerRect   rect;      /* normalised, as displayed: the bounding box */
  guint           number;    /* 1..N left to right */
  CaptionerShape  shape;     /* drawn as the file has it: rectangle, circle or polygon */
  GArray         *points;    /* CaptionerPoint, a polygon's, relative to rect; else NULL */
} Box;

struct _CaptionerPhotoView
{
  GtkWidget           parent_instance;

  GtkGesture         *drag_gesture;  /* template */
  GtkPopover         *name_popover;  /* template */
  GtkEntry           *name_entry;    /* template */
  GtkListBox         *previous_list; /* template: the previous photo's people, numbered */

  GtkEntryCompletion *completion;
  GtkListStore       *known_names;   /* what the completion offers for the text typed */
  GStrv               session_names; /* the folder's names, offered without a directory */
  CaptionerPeopleDirectory *directory;
  char               *suggested_name;  /* offered first for a new box */
  GStrv               previous_people; /* the previous photo's, left to right; NULL if none */
  GdkTexture         *texture;
  int                 allocated_width;   /* the size last allocated, for "resized" */
  int                 allocated_height;
  GArray             *boxes;         /* Box, one per person given */
  int                 orientation;
  int                 selected;
  gboolean            zoom_fit;
  const char         *cursor_name;   /* static string */

  DragMode            drag_mode;
  guint               drag_index;
  Corner              drag_corner;
  gboolean            drag_moved;
  double              drag_x0;
  double              drag_y0;
  CaptionerRect       drag_start;    /* normalised, the box as the drag began */
  CaptionerRect       drag_rect;     /* normalised, the box as dragged so far */

  NamingMode          naming;
  guint               naming_index;
  CaptionerRect       naming_rect;

  CaptionerDraft     *draft;          /* followed and edited, or NULL */
  GSignalGroup       *draft_signals;

  /* captioner-photo-view-suggest.c */
  GFile              *suggest_file;   /* the photo suggestions are for, or NULL */
  int                 suggest_orientation;
  GCancellable       *suggest_cancellable;  /* the detection running, or NULL */
  char               *detect_key;     /* what it is for: face_key(), or NULL */
  GHashTable         *faces_known;    /* face_key() -> GArray of CaptionerRect, this session */
  GFile              *ahead_file;     /* the photo likely shown next, detected when idle */
  int                 ahead_orientation;
  gint64              suggest_started;      /* monotonic µs, for the debug log */
  GArray             *suggestions;    /* CaptionerRect, displayed, left to right; or NULL */
  GHashTable         *dismissed;      /* URI -> GArray of CaptionerRect dismissed this session */
};

static inline Box *
captioner_photo_view_get_box (CaptionerPhotoView *self,
                              guint               index)
{
  g_assert (index < self->boxes->len);
  return &g_array_index (self->boxes, Box, index);
}

/* Where the texture is drawn, in widget coordinates. */

gboolean             captioner_photo_view_get_image_bounds    (CaptionerPhotoView    *self,
                                                               graphene_rect_t       *bounds);
void                 captioner_photo_view_rect_to_widget      (const graphene_rect_t *image,
                                                               const CaptionerRect   *rect,
                                                               graphene_rect_t       *out);
const CaptionerRect *captioner_photo_view_get_shown_rect      (CaptionerPhotoView    *self,
                                                               guint                  index);
void                 captioner_photo_view_get_corner          (const graphene_rect_t *rect,
                                                               Corner                 corner,
                                                               graphene_point_t      *point);
gboolean             captioner_photo_view_hit_handle          (CaptionerPhotoView    *self,
                                                               double                 x,
                                                               double                 y,
                                                               Corner                *corner);
int                  captioner_photo_view_hit_box             (CaptionerPhotoView    *self,
                                                               double                 x,
                                                               double                 y);
void                 captioner_photo_view_drag_begin          (CaptionerPhotoView    *self,
                                                               double                 x,
                                                               double                 y);
void                 captioner_photo_view_drag_update         (CaptionerPhotoView    *self,
                                                               double                 dx,
                                                               double                 dy);
void                 captioner_photo_view_drag_end            (CaptionerPhotoView    *self,
                                                               double                 dx,
                                                               double                 dy);
void                 captioner_photo_view_open_naming         (CaptionerPhotoView    *self,
                                                               NamingMode             mode,
                                                               guint                  index,
                                                               const CaptionerRect   *rect,
                                                               const char            *text);
void                 captioner_photo_view_close_naming        (CaptionerPhotoView    *self);
void                 captioner_photo_view_class_init_keys     (GtkWidgetClass        *widget_class);
void                 captioner_photo_view_emit_person_changed (CaptionerPhotoView    *self,
                                                               guint                  index,
                                                               const CaptionerRect   *rect);
void                 captioner_photo_view_snapshot            (GtkWidget             *widget,
                                                               GtkSnapshot           *snapshot);

/* captioner-photo-view-naming.c */
void                 captioner_photo_view_naming_init         (CaptionerPhotoView    *self);
void                 captioner_photo_view_naming_dispose      (CaptionerPhotoView    *self);
void                 captioner_photo_view_mark_named          (CaptionerPhotoView    *self,
                                                               const char            *name);
gboolean             captioner_photo_view_match_name          (GtkEntryCompletion    *completion,
                                                               const char            *key,
                                                               GtkTreeIter           *iter,
                                                               gpointer               user_data);

/* captioner-photo-view-suggest.c: face suggestions */
void                 captioner_photo_view_suggest_class_init  (GtkWidgetClass        *widget_class);
void                 captioner_photo_view_suggest_init        (CaptionerPhotoView    *self);
void                 captioner_photo_view_suggest_dispose     (CaptionerPhotoView    *self);
void                 captioner_photo_view_snapshot_suggestions (CaptionerPhotoView   *self,
                                                                GtkSnapshot          *snapshot,
                                                                const graphene_rect_t *image);
/* A click at (x, y) on a suggestion (accepts it) or its × (dismisses it): TRUE when it was. */
gboolean             captioner_photo_view_click_suggestion    (CaptionerPhotoView    *self,
                                                               double                 x,
                                                               double                 y);

/* captioner-photo-view-draft.c: the view as an editor of a draft */
void                 captioner_photo_view_draft_init          (CaptionerPhotoView    *self);
void                 captioner_photo_view_draft_dispose       (CaptionerPhotoView    *self);

G_END_DECLS
