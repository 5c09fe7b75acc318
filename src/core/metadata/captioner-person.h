#pragma once

#include <glib-object.h>

#include "captioner-orientation.h"

G_BEGIN_DECLS

#define CAPTIONER_TYPE_PERSON (captioner_person_get_type ())

/* The shape of a person's region as the file draws it (IPTC ImageRegion rbShape). */
typedef enum
{
  CAPTIONER_SHAPE_RECTANGLE,
  CAPTIONER_SHAPE_CIRCLE,    /* the circle (an ellipse when normalised) inside the region */
  CAPTIONER_SHAPE_POLYGON,   /* the vertices in points */
} CaptionerShape;

/* A point relative to a person's region: 0..1 of its width and height from its top-left. */
typedef struct
{
  double x;
  double y;
} CaptionerPoint;

/* A person named in a photo. The name may carry a title ("Armenian Foreign Minister Ararat
 * Mirzoyan"), and an id that stays theirs while they are renamed or moved. The region, when
 * there is one, is kept as the file stores it: normalised to the image as stored, x/y the
 * top-left corner; for a circle or a polygon it is the bounding box, and it is what orders
 * people left to right. Convert through the orientation for display. Moving or resizing the
 * region moves the shape with it (a polygon's points are relative to the region). */
typedef struct
{
  guint           id;         /* who this is within the photo's metadata; 0 until assigned */
  char           *name;
  gboolean        has_region;
  CaptionerRect   region;
  CaptionerShape  shape;      /* RECTANGLE unless the file drew another shape */
  GArray         *points;     /* CaptionerPoint, POLYGON only (else NULL), relative to region */
  guint           row;        /* the row the editor put them in (1 the front, 2 behind it...),
                               * stored as captioner:PersonRows; 0: the boxes say */
} CaptionerPerson;

GType            captioner_person_get_type            (void) G_GNUC_CONST;
CaptionerPerson *captioner_person_new                 (const char            *name,
                                                       const CaptionerRect   *stored_region);
CaptionerPerson *captioner_person_new_displayed       (const char            *name,
                                                       const CaptionerRect   *displayed_region,
                                                       int                    orientation);
CaptionerPerson *captioner_person_copy                (const CaptionerPerson *person);
void             captioner_person_free                (CaptionerPerson       *person);
gboolean         captioner_person_get_displayed_region (const CaptionerPerson *person,
                                                        int                    orientation,
                                                        CaptionerRect         *displayed);
/* A polygon's vertices in the displayed photo, normalised (CaptionerPoint); NULL when the
 * person has no polygon. */
GArray          *captioner_person_dup_displayed_points (const CaptionerPerson *person,
                                                        int                    orientation);
/* Makes person a polygon with these vertices, normalised to the image as stored: the region
 * becomes their bounding box. */
void             captioner_person_set_polygon         (CaptionerPerson       *person,
                                                       const CaptionerPoint  *stored_points,
                                                       guint                  n_points);
gboolean         captioner_person_parse_spec          (const char            *spec,
                                                       char                 **name,
                                                       CaptionerRect         *displayed_region,
                                                       gboolean              *has_region,
                                                       GError               **error);

GPtrArray       *captioner_people_new                 (void);
GPtrArray       *captioner_people_copy                (GPtrArray             *people);
GPtrArray       *captioner_people_sort_displayed      (GPtrArray             *people,
                                                       int                    orientation);
/* Indices (guint) into people, in left-to-right order as displayed. */
GArray          *captioner_people_order_displayed     (GPtrArray             *people,
                                                       int                    orientation);
gboolean         captioner_people_equal               (GPtrArray             *a,
                                                       GPtrArray             *b);
/* Gives every person without an id (0) the next free one. People read from a file are
 * numbered 1..N in the order the file lists them, so reading the same bytes again gives the
 * same ids: an edit can name the person it changed, and a save can find their regions. */
void             captioner_people_assign_ids          (GPtrArray             *people);
CaptionerPerson *captioner_people_find                (GPtrArray             *people,
                                                       guint                  id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaptionerPerson, captioner_person_free)

G_END_DECLS
