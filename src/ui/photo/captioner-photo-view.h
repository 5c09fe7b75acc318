#pragma once

#include <gtk/gtk.h>

#include "captioner-draft.h"
#include "captioner-people-directory.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PHOTO_VIEW (captioner_photo_view_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerPhotoView, captioner_photo_view, CAPTIONER, PHOTO_VIEW, GtkWidget)

/* The photo of the caption desk with its people boxes.
 *
 * The texture is shown as given (orient it for display first, see captioner_image_load()),
 * fitted to the widget when zoom-fit is set (the default), else at one texture pixel per widget
 * pixel ("100%" of the texture, which is only as large as it was decoded): then the view asks
 * for the texture's size and belongs in a GtkScrolledWindow.
 *
 * Rectangles in signals are four doubles x, y, w, h: normalised (0..1) to the photo AS
 * DISPLAYED, x/y the top-left corner; store them with captioner_person_new_displayed() or
 * captioner_orientation_to_stored(). Indices are indices into the people array last given
 * to captioner_photo_view_set_people(), not the numbers drawn on the boxes.
 *
 * Given a draft (captioner_photo_view_set_draft), the view shows its people and makes the
 * edits the signals describe in it. Without one, it never changes the people itself: handle
 * the signals, change the model and call captioner_photo_view_set_people() again.
 *
 * Signals:
 *   person-added   (const char *name, double x, double y, double w, double h)
 *   person-changed (guint index, double x, double y, double w, double h)   moved or resized
 *   person-removed (guint index)                                           Delete
 *   person-renamed (guint index, const char *name)                          F2, person.rename
 *   resized        ()    the view was given another size: the photo can be decoded for it
 *   suggestions-shown (guint n)   the shown photo's face suggestions arrived
 *
 * Actions: person.rename (F2), person.remove (Delete).
 */

GtkWidget   *captioner_photo_view_new               (void);

GdkTexture  *captioner_photo_view_get_texture       (CaptionerPhotoView  *self);
/* A new texture drops a box being drawn or named; the selection is the caller's to reset. */
void         captioner_photo_view_set_texture       (CaptionerPhotoView  *self,
                                                     GdkTexture          *texture);
/* The same photo decoded at another size: what is being drawn or named stays. */
void         captioner_photo_view_set_sharper_texture (CaptionerPhotoView *self,
                                                       GdkTexture         *texture);
gboolean     captioner_photo_view_get_zoom_fit      (CaptionerPhotoView  *self);
void         captioner_photo_view_set_zoom_fit      (CaptionerPhotoView  *self,
                                                     gboolean             zoom_fit);
/* The draft whose people are shown and edited, or NULL. */
void         captioner_photo_view_set_draft         (CaptionerPhotoView  *self,
                                                     CaptionerDraft      *draft);
/* people: CaptionerPerson, regions as stored; orientation: the photo's EXIF orientation.
 * The view keeps a copy. */
void         captioner_photo_view_set_people        (CaptionerPhotoView  *self,
                                                     GPtrArray           *people,
                                                     int                  orientation);
int          captioner_photo_view_get_selected      (CaptionerPhotoView  *self);
void         captioner_photo_view_set_selected      (CaptionerPhotoView  *self,
                                                     int                  selected);
/* Names offered by the name entry's completion (NULL-terminated). */
void         captioner_photo_view_set_known_names   (CaptionerPhotoView  *self,
                                                     const char * const  *names);
/* The people directory the name entry completes from (any part of name, title, alias or
 * code; most recently picked first); the known names are offered as well. NULL: the known
 * names alone. */
void         captioner_photo_view_set_directory     (CaptionerPhotoView  *self,
                                                     CaptionerPeopleDirectory *directory);
/* The name a new box is offered, selected so that typing replaces it and Enter takes it (the
 * previous photo's next person in a line-up); NULL for none. */
void         captioner_photo_view_set_suggested_name (CaptionerPhotoView *self,
                                                      const char         *name);
/* The previous photo's people, left to right (its caption's order): offered, numbered, under
 * the name entry of a new box; a digit picks one ("same people, new order"). */
void         captioner_photo_view_set_previous_people (CaptionerPhotoView *self,
                                                       const char * const *names);
/* Opens the name entry on the selected person, as F2 does. */
void         captioner_photo_view_rename_selected   (CaptionerPhotoView  *self);

/* The number drawn on a person's box (1..N, left to right as displayed), 0 when out of range. */
guint        captioner_photo_view_get_person_number (CaptionerPhotoView  *self,
                                                     guint                index);
/* A person's box in widget coordinates; FALSE when the person has no region. */
gboolean     captioner_photo_view_get_person_bounds (CaptionerPhotoView  *self,
                                                     guint                index,
                                                     graphene_rect_t     *bounds);

/* Does what a mouse drag from (x0, y0) to (x1, y1) in widget coordinates does, through the
 * same code: from outside the boxes it draws a new box and opens the name entry (or, when
 * shorter than a few pixels, is a click that clears the selection); from inside a box it
 * selects and moves it; from a corner handle of the selected box it resizes it. */
void         captioner_photo_view_drag_box          (CaptionerPhotoView  *self,
                                                     double               x0,
                                                     double               y0,
                                                     double               x1,
                                                     double               y1);
/* The name entry of the naming popover. Activating it confirms (Enter), closing its popover
 * cancels (Escape). */
GtkEditable *captioner_photo_view_get_name_entry    (CaptionerPhotoView  *self);
gboolean     captioner_photo_view_is_naming        (CaptionerPhotoView  *self);

/* Face suggestions (captioner-photo-view-suggest.c): the faces found in file, turned as
 * orientation says (the photo's, as displayed), in a thread; drawn dashed and numbered left to
 * right. A click or Enter accepts one (a new box, the name entry opens), its × or Delete (no
 * box selected) dismisses it for the session. Another file (or NULL) cancels the detection
 * and drops the suggestions; the same file again keeps them. The draft is never touched until
 * a suggestion is named. Indices are into the suggestions shown, left to right. */
void         captioner_photo_view_suggest_faces     (CaptionerPhotoView  *self,
                                                     GFile               *file,
                                                     int                  orientation);
guint        captioner_photo_view_get_n_suggestions (CaptionerPhotoView  *self);
gboolean     captioner_photo_view_get_suggestion_bounds (CaptionerPhotoView *self,
                                                         guint               index,
                                                         graphene_rect_t    *bounds);
void         captioner_photo_view_accept_suggestion (CaptionerPhotoView  *self,
                                                     guint                index);
void         captioner_photo_view_dismiss_suggestion (CaptionerPhotoView *self,
                                                      guint               index);
/* The photo likely shown next (NULL: none): its faces are looked for once the shown photo's
 * are known, so that its suggestions come with it. */
void         captioner_photo_view_detect_ahead      (CaptionerPhotoView  *self,
                                                     GFile               *file,
                                                     int                  orientation);
/* Whether file's faces, turned so, were found already this session. */
gboolean     captioner_photo_view_get_faces_known   (CaptionerPhotoView  *self,
                                                     GFile               *file,
                                                     int                  orientation);
/* The suggestions shown (CaptionerRect, displayed, normalised), left to right. */
GArray      *captioner_photo_view_dup_suggestions   (CaptionerPhotoView  *self);

G_END_DECLS
