#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_CONTACT (captioner_contact_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerContact, captioner_contact, CAPTIONER, CONTACT, GObject)

/* One person of the people directory: a name ("Sergei Lavrov"), a title or role ("Russian
 * Foreign Minister"), the short form for later mentions ("Lavrov"), aliases and
 * transliterations ("Sergey Lavrov"), a code for code replacements ("lav"), identifiers such
 * as a Wikidata URI, and optionally the name and title in other languages ("hy").
 * Lists are NULL-terminated and never NULL. Text is kept on one line: tabs and line breaks
 * become spaces, and "|" (which separates list items in the directory's file) is not allowed
 * inside an alias or identifier. A contact is used by one thread at a time. */
CaptionerContact   *captioner_contact_new                (const char         *name);
CaptionerContact   *captioner_contact_copy               (CaptionerContact   *self);

const char         *captioner_contact_get_name           (CaptionerContact   *self);
void                captioner_contact_set_name           (CaptionerContact   *self,
                                                          const char         *name);
const char         *captioner_contact_get_title          (CaptionerContact   *self);
void                captioner_contact_set_title          (CaptionerContact   *self,
                                                          const char         *title);
const char         *captioner_contact_get_short_name     (CaptionerContact   *self);
void                captioner_contact_set_short_name     (CaptionerContact   *self,
                                                          const char         *short_name);
const char         *captioner_contact_get_code           (CaptionerContact   *self);
void                captioner_contact_set_code           (CaptionerContact   *self,
                                                          const char         *code);
const char * const *captioner_contact_get_aliases        (CaptionerContact   *self);
void                captioner_contact_set_aliases        (CaptionerContact   *self,
                                                          const char * const *aliases);
const char * const *captioner_contact_get_identifiers    (CaptionerContact   *self);
void                captioner_contact_set_identifiers    (CaptionerContact   *self,
                                                          const char * const *identifiers);
/* The Wikidata URI among the identifiers (http(s)://www.wikidata.org/...), or NULL. */
const char         *captioner_contact_get_wikidata       (CaptionerContact   *self);

/* Names and titles in other languages (BCP 47 tags such as "hy"); NULL clears one. */
const char         *captioner_contact_get_localized_name  (CaptionerContact   *self,
                                                           const char         *language);
void                captioner_contact_set_localized_name  (CaptionerContact   *self,
                                                           const char         *language,
                                                           const char         *name);
const char         *captioner_contact_get_localized_title (CaptionerContact   *self,
                                                           const char         *language);
void                captioner_contact_set_localized_title (CaptionerContact   *self,
                                                           const char         *language,
                                                           const char         *title);
/* The languages with a name or title, sorted. */
GStrv               captioner_contact_dup_languages       (CaptionerContact   *self);

/* How a caption names the person: "title name" ("Russian Foreign Minister Sergei Lavrov"), or
 * the name alone without a title. With a language that has a name, its name and title (or
 * that name alone); otherwise the default ones. */
char               *captioner_contact_dup_display_name    (CaptionerContact   *self,
                                                           const char         *language);

/* When the editor last picked the person (seconds since 1970, 0 never). */
gint64              captioner_contact_get_last_used      (CaptionerContact   *self);
void                captioner_contact_set_last_used      (CaptionerContact   *self,
                                                          gint64              last_used);
/* A contact from a desk's file: the editor cannot change that file. */
gboolean            captioner_contact_get_read_only      (CaptionerContact   *self);
void                captioner_contact_set_read_only      (CaptionerContact   *self,
                                                          gboolean            read_only);

/* What a search compares, folded (captioner_text_fold): name, title, short form, aliases,
 * code and localized names and titles, one a line. Computed when first asked for. */
const char         *captioner_contact_get_search_key     (CaptionerContact   *self);
/* The folded name: two contacts with the same one are the same person. */
const char         *captioner_contact_get_key            (CaptionerContact   *self);
/* For sorting by name as the locale does (g_utf8_collate_key). */
const char         *captioner_contact_get_collate_key    (CaptionerContact   *self);
/* The folded name, display name and aliases: what the person is called. */
const char * const *captioner_contact_get_name_keys      (CaptionerContact   *self);
/* Whether @folded (captioner_text_fold) is the contact's name, display name or an alias. */
gboolean            captioner_contact_is_called          (CaptionerContact   *self,
                                                          const char         *folded);

G_END_DECLS
