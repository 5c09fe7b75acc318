#define G_LOG_DOMAIN "captioner-merge"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "captioner-merge.h"
#include "captioner-metadata-language.h"
#include "captioner-person.h"

/* Boxes that overlap this much (intersection over union) are one person's. */
#define SAME_PERSON_IOU 0.5

static const CaptionerField caption_unit[] = {
  CAPTIONER_FIELD_CAPTION, CAPTIONER_FIELD_COMPOSED, CAPTIONER_FIELD_CAPTION_BODY,
  CAPTIONER_FIELD_STYLE,
};

static gboolean
in_caption_unit (CaptionerField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (caption_unit); i++)
    if (caption_unit[i] == field)
      return TRUE;
  return FALSE;
}

static const char *
field_label (CaptionerField field)
{
  switch (field)
    {
    case CAPTIONER_FIELD_CAPTION: return _("Caption");
    case CAPTIONER_FIELD_HEADLINE: return _("Headline");
    case CAPTIONER_FIELD_CREDIT: return _("Credit");
    case CAPTIONER_FIELD_BYLINE: return _("Byline");
    case CAPTIONER_FIELD_SOURCE: return _("Source");
    case CAPTIONER_FIELD_COPYRIGHT: return _("Copyright");
    case CAPTIONER_FIELD_EVENT: return _("Event");
    case CAPTIONER_FIELD_CITY: return _("City");
    case CAPTIONER_FIELD_STATE: return _("State");
    case CAPTIONER_FIELD_COUNTRY: return _("Country");
    case CAPTIONER_FIELD_INSTRUCTIONS: return _("Instructions");
    case CAPTIONER_FIELD_JOB_ID: return _("Job ID");
    case CAPTIONER_FIELD_DATE_CREATED: return _("Date");
    case CAPTIONER_FIELD_TITLE: return _("Title");
    case CAPTIONER_FIELD_COUNTRY_CODE: return _("Country Code");
    case CAPTIONER_FIELD_SUB_LOCATION: return _("Sub-location");
    case CAPTIONER_FIELD_CAPTION_WRITER: return _("Caption Writer");
    case CAPTIONER_FIELD_URGENCY: return _("Urgency");
    case CAPTIONER_FIELD_CATEGORY: return _("Category");
    case CAPTIONER_FIELD_SUPPLEMENTAL_CATEGORIES: return _("Supplemental Categories");
    default: return captioner_field_get_name (field);
    }
}

static gboolean
same_region (const CaptionerPerson *a,
             const CaptionerPerson *b)
{
  if (a->has_region != b->has_region)
    return FALSE;
  return !a->has_region ||
         (fabs (a->region.x - b->region.x) <= 1e-6 && fabs (a->region.y - b->region.y) <= 1e-6 &&
          fabs (a->region.w - b->region.w) <= 1e-6 && fabs (a->region.h - b->region.h) <= 1e-6);
}

static double
overlap (const CaptionerPerson *a,
         const CaptionerPerson *b)
{
  double x0, y0, x1, y1, inter, uni;

  if (!a->has_region || !b->has_region)
    return 0.0;
  x0 = MAX (a->region.x, b->region.x);
  y0 = MAX (a->region.y, b->region.y);
  x1 = MIN (a->region.x + a->region.w, b->region.x + b->region.w);
  y1 = MIN (a->region.y + a->region.h, b->region.y + b->region.h);
  inter = MAX (0.0, x1 - x0) * MAX (0.0, y1 - y0);
  uni = a->region.w * a->region.h + b->region.w * b->region.h - inter;
  return uni > 0 ? inter / uni : 0.0;
}

static char *
describe_person (const CaptionerPerson *person)
{
  if (person == NULL)
    return g_strdup (_("(removed)"));
  if (!person->has_region)
    return g_strdup (person->name);
  /* TRANSLATORS: a person's name and their box: left, top, width and height in percent */
  return g_strdup_printf (_("%s (box at %.0f %%, %.0f %%, %.0f × %.0f %%)"), person->name,
                          person->region.x * 100, person->region.y * 100,
                          person->region.w * 100, person->region.h * 100);
}

static void
conflict_free (CaptionerMergeConflict *conflict)
{
  g_free (conflict->label);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict);
}

/* One pass over the three versions: builds the result, and either records the conflicts
 * (sides NULL and conflicts given) or resolves them as sides says, in the same order. */
typedef struct
{
  const CaptionerMetadata  *base;
  const CaptionerMetadata  *mine;
  const CaptionerMetadata  *theirs;
  const CaptionerMergeSide *sides;
  GPtrArray                *conflicts;
  guint                     n_conflicts;
  CaptionerMetadata        *result;
} Pass;

/* A conflict met: which side wins. Records it on the first pass (where mine wins). */
static CaptionerMergeSide
conflict (Pass           *pass,
          CaptionerField  field,
          guint           person_id,
          const char     *label,
          char           *mine,
          char           *theirs)
{
  guint index = pass->n_conflicts++;

  if (pass->conflicts != NULL)
    {
      CaptionerMergeConflict *c = g_new0 (CaptionerMergeConflict, 1);

      c->field = field;
      c->person_id = person_id;
      c->label = g_strdup (label);
      c->mine = mine;
      c->theirs = theirs;
      g_ptr_array_add (pass->conflicts, c);
    }
  else
    {
      g_free (mine);
      g_free (theirs);
    }
  return pass->sides != NULL ? pass->sides[index] : CAPTIONER_MERGE_MINE;
}

static void
merge_fields (Pass *pass)
{
  for (guint i = 0; i < CAPTIONER_N_FIELDS; i++)
    {
      const char *b = pass->base->fields[i];
      const char *m = pass->mine->fields[i];
      const char *t = pass->theirs->fields[i];
      gboolean mine_changed = g_strcmp0 (m, b) != 0;
      gboolean theirs_changed = g_strcmp0 (t, b) != 0;
      const char *value = b;

      if (in_caption_unit (i))
        continue;
      if (mine_changed && theirs_changed && g_strcmp0 (m, t) != 0)
        value = conflict (pass, i, 0, field_label (i), g_strdup (m ? m : ""),
                          g_strdup (t ? t : "")) == CAPTIONER_MERGE_MINE ? m : t;
      else if (mine_changed)
        value = m;
      else if (theirs_changed)
        value = t;
      captioner_metadata_set (pass->result, i, value);
    }
}

static gboolean
people_parts_changed (const CaptionerMetadata *a,
                      const CaptionerMetadata *b)
{
  return !captioner_people_equal (a->people, b->people) ||
         g_strcmp0 (a->fields[CAPTIONER_FIELD_CREDIT], b->fields[CAPTIONER_FIELD_CREDIT]) != 0 ||
         g_strcmp0 (a->fields[CAPTIONER_FIELD_STYLE], b->fields[CAPTIONER_FIELD_STYLE]) != 0;
}

static void
take_caption_unit (Pass                    *pass,
                   const CaptionerMetadata *from)
{
  for (guint i = 0; i < G_N_ELEMENTS (caption_unit); i++)
    captioner_metadata_set (pass->result, caption_unit[i], from->fields[caption_unit[i]]);
}

static void
merge_caption (Pass *pass)
{
  const CaptionerMetadata *b = pass->base, *m = pass->mine, *t = pass->theirs;
  gboolean body_changed = g_strcmp0 (m->fields[CAPTIONER_FIELD_CAPTION_BODY],
                                     b->fields[CAPTIONER_FIELD_CAPTION_BODY]) != 0;
  gboolean caption_changed = g_strcmp0 (m->fields[CAPTIONER_FIELD_CAPTION],
                                        b->fields[CAPTIONER_FIELD_CAPTION]) != 0;
  /* The editor wrote the caption: their words, or a caption set with nothing else changed. */
  gboolean mine_wrote = body_changed || (caption_changed && !people_parts_changed (m, b));
  gboolean theirs_changed =
    g_strcmp0 (t->fields[CAPTIONER_FIELD_CAPTION], b->fields[CAPTIONER_FIELD_CAPTION]) != 0 ||
    g_strcmp0 (t->fields[CAPTIONER_FIELD_CAPTION_BODY],
               b->fields[CAPTIONER_FIELD_CAPTION_BODY]) != 0;

  if (mine_wrote && theirs_changed &&
      g_strcmp0 (m->fields[CAPTIONER_FIELD_CAPTION], t->fields[CAPTIONER_FIELD_CAPTION]) != 0)
    {
      const char *mc = m->fields[CAPTIONER_FIELD_CAPTION];
      const char *tc = t->fields[CAPTIONER_FIELD_CAPTION];

      take_caption_unit (pass, conflict (pass, CAPTIONER_FIELD_CAPTION, 0,
                                         field_label (CAPTIONER_FIELD_CAPTION),
                                         g_strdup (mc ? mc : ""), g_strdup (tc ? tc : ""))
                                 == CAPTIONER_MERGE_MINE ? m : t);
    }
  else if (mine_wrote || !theirs_changed)
    take_caption_unit (pass, m);
  else
    take_caption_unit (pass, t);
}

static void
take_language (Pass                    *pass,
               const CaptionerMetadata *from,
               const char              *language)
{
  for (guint f = 0; f < CAPTIONER_N_LANGUAGE_FIELDS; f++)
    captioner_metadata_set_language (pass->result, language, f,
                                     captioner_metadata_get_language (from, language, f));
}

/* Each caption language is a unit of its own, as the main caption is: two editors who wrote
 * different languages of one photo both keep theirs. */
static void
merge_languages (Pass *pass)
{
  const CaptionerMetadata *b = pass->base, *m = pass->mine, *t = pass->theirs;
  g_auto(GStrv) some = captioner_languages_union (b, m);
  g_auto(GStrv) all = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) in_theirs = captioner_metadata_dup_languages (t);

  g_strv_builder_addv (builder, (const char **) some);
  for (guint i = 0; in_theirs[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) some, in_theirs[i]))
      g_strv_builder_add (builder, in_theirs[i]);
  all = g_strv_builder_end (builder);
  for (guint i = 0; all[i] != NULL; i++)
    {
      const char *language = all[i];
      guint mine_diff = captioner_languages_diff (b, m, language);
      gboolean mine_wrote = (mine_diff & ((1u << CAPTIONER_LANGUAGE_BODY) |
                                          (1u << CAPTIONER_LANGUAGE_STYLE))) != 0 ||
                            ((mine_diff & (1u << CAPTIONER_LANGUAGE_CAPTION)) != 0 &&
                             !people_parts_changed (m, b));
      gboolean theirs_changed = captioner_languages_diff (b, t, language) != 0;
      const char *mc = captioner_metadata_get_language (m, language, CAPTIONER_LANGUAGE_CAPTION);
      const char *tc = captioner_metadata_get_language (t, language, CAPTIONER_LANGUAGE_CAPTION);

      if (mine_wrote && theirs_changed && g_strcmp0 (mc, tc) != 0)
        {
          /* TRANSLATORS: a conflict's label: %s is a caption language ("hy") */
          g_autofree char *label = g_strdup_printf (_("Caption (%s)"), language);

          take_language (pass, conflict (pass, CAPTIONER_FIELD_CAPTION, 0, label,
                                         g_strdup (mc ? mc : ""), g_strdup (tc ? tc : ""))
                               == CAPTIONER_MERGE_MINE ? m : t, language);
        }
      else if (mine_wrote || !theirs_changed)
        take_language (pass, m, language);
      else
        take_language (pass, t, language);
    }
}

static void
add_keyword (GPtrArray  *kept,
             const char *keyword)
{
  for (guint i = 0; i < kept->len; i++)
    if (g_str_equal (g_ptr_array_index (kept, i), keyword))
      return;
  g_ptr_array_add (kept, (gpointer) keyword);
}

static void
merge_keywords (Pass *pass)
{
  const char * const *b = (const char * const *) pass->base->keywords;
  const char * const *m = (const char * const *) pass->mine->keywords;
  const char * const *t = (const char * const *) pass->theirs->keywords;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; b[i] != NULL; i++)
    if (g_strv_contains (m, b[i]) && g_strv_contains (t, b[i]))
      add_keyword (kept, b[i]);
  for (guint i = 0; m[i] != NULL; i++)
    if (!g_strv_contains (b, m[i]))
      add_keyword (kept, m[i]);
  for (guint i = 0; t[i] != NULL; i++)
    if (!g_strv_contains (b, t[i]))
      add_keyword (kept, t[i]);
  g_ptr_array_add (kept, NULL);
  captioner_metadata_set_keywords (pass->result, (const char * const *) kept->pdata);
}

/* Theirs' people matched to base's: by name first, then by an overlapping box. */
static GPtrArray *
match_theirs (const CaptionerMetadata *base,
              const CaptionerMetadata *theirs,
              gboolean                *used)
{
  GPtrArray *matched = g_ptr_array_new ();

  for (guint i = 0; i < base->people->len; i++)
    {
      const CaptionerPerson *b = g_ptr_array_index (base->people, i);
      int found = -1;

      for (guint j = 0; j < theirs->people->len && found < 0; j++)
        if (!used[j] && g_strcmp0 (((CaptionerPerson *) g_ptr_array_index (theirs->people, j))->name,
                                   b->name) == 0)
          found = j;
      for (guint j = 0; j < theirs->people->len && found < 0; j++)
        if (!used[j] && overlap (b, g_ptr_array_index (theirs->people, j)) >= SAME_PERSON_IOU)
          found = j;
      if (found >= 0)
        used[found] = TRUE;
      g_ptr_array_add (matched, found >= 0 ? g_ptr_array_index (theirs->people, found) : NULL);
    }
  return matched;
}

static gboolean
person_changed (const CaptionerPerson *before,
                const CaptionerPerson *after)
{
  return after == NULL || g_strcmp0 (before->name, after->name) != 0 ||
         !same_region (before, after) || before->row != after->row;
}

static void
merge_people (Pass *pass)
{
  const CaptionerMetadata *base = pass->base;
  g_autofree gboolean *used = g_new0 (gboolean, pass->theirs->people->len + 1);
  g_autoptr(GPtrArray) matched = match_theirs (base, pass->theirs, used);
  GPtrArray *people = pass->result->people;

  g_ptr_array_set_size (people, 0);
  for (guint i = 0; i < base->people->len; i++)
    {
      const CaptionerPerson *b = g_ptr_array_index (base->people, i);
      const CaptionerPerson *m = captioner_people_find (pass->mine->people, b->id);
      const CaptionerPerson *t = g_ptr_array_index (matched, i);
      gboolean m_changed = person_changed (b, m);
      gboolean t_changed = person_changed (b, t);
      const CaptionerPerson *keep = b;

      if (m_changed && t_changed &&
          (m == NULL || t == NULL || person_changed (m, t)) && !(m == NULL && t == NULL))
        keep = conflict (pass, CAPTIONER_N_FIELDS, b->id, b->name, describe_person (m),
                         describe_person (t)) == CAPTIONER_MERGE_MINE ? m : t;
      else if (m_changed)
        keep = m;
      else if (t_changed)
        keep = t;
      if (keep != NULL)
        {
          CaptionerPerson *copy = captioner_person_copy (keep);

          /* The merge stands on theirs: their ids, a new one for a person they lack. */
          copy->id = t != NULL ? t->id : 0;
          g_ptr_array_add (people, copy);
        }
    }
  /* Added by the editor, then by the other program. */
  for (guint i = 0; i < pass->mine->people->len; i++)
    {
      const CaptionerPerson *m = g_ptr_array_index (pass->mine->people, i);

      if (m->id == 0 || captioner_people_find (base->people, m->id) == NULL)
        {
          CaptionerPerson *copy = captioner_person_copy (m);

          copy->id = 0;
          g_ptr_array_add (people, copy);
        }
    }
  for (guint j = 0; j < pass->theirs->people->len; j++)
    if (!used[j])
      g_ptr_array_add (people, captioner_person_copy (g_ptr_array_index (pass->theirs->people, j)));
  captioner_people_assign_ids (people);
}

static CaptionerMetadata *
run (const CaptionerMerge     *merge,
     const CaptionerMergeSide *sides,
     GPtrArray                *conflicts)
{
  Pass pass = { merge->base, merge->mine, merge->theirs, sides, conflicts, 0, NULL };

  pass.result = captioner_metadata_new ();
  merge_fields (&pass);
  merge_caption (&pass);
  merge_languages (&pass);
  merge_keywords (&pass);
  merge_people (&pass);
  return pass.result;
}

CaptionerMerge *
captioner_merge_new (const CaptionerMetadata *base,
                     const CaptionerMetadata *mine,
                     const CaptionerMetadata *theirs)
{
  CaptionerMerge *merge;

  g_return_val_if_fail (base != NULL && mine != NULL && theirs != NULL, NULL);

  merge = g_new0 (CaptionerMerge, 1);
  merge->base = captioner_metadata_copy (base);
  merge->mine = captioner_metadata_copy (mine);
  merge->theirs = captioner_metadata_copy (theirs);
  merge->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  captioner_metadata_free (run (merge, NULL, merge->conflicts));
  return merge;
}

void
captioner_merge_free (CaptionerMerge *merge)
{
  if (merge == NULL)
    return;
  captioner_metadata_free (merge->base);
  captioner_metadata_free (merge->mine);
  captioner_metadata_free (merge->theirs);
  g_ptr_array_unref (merge->conflicts);
  g_free (merge);
}

gboolean
captioner_merge_has_conflicts (const CaptionerMerge *merge)
{
  g_return_val_if_fail (merge != NULL, FALSE);
  return merge->conflicts->len > 0;
}

char *
captioner_merge_describe (const CaptionerMerge *merge)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_return_val_if_fail (merge != NULL, NULL);

  for (guint i = 0; i < merge->conflicts->len; i++)
    g_ptr_array_add (labels, ((CaptionerMergeConflict *) g_ptr_array_index (merge->conflicts, i))->label);
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

CaptionerMetadata *
captioner_merge_result (const CaptionerMerge     *merge,
                        const CaptionerMergeSide *sides)
{
  g_return_val_if_fail (merge != NULL, NULL);
  return run (merge, sides, NULL);
}
