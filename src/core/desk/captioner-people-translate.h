#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A CaptionerNameTranslateFunc (caption/captioner-caption-language.h) with a
 * CaptionerPeopleDirectory as user data: the name in @language of the directory's person
 * called @name (their name, display name or an alias). Named with their title in the photo
 * ("Russian Foreign Minister Sergei Lavrov"), they keep it: the title in that language, when
 * the directory has one, and their name in it. NULL when the directory does not know them or
 * has no name for them in @language: the main name stays. */
char *captioner_people_directory_translate_name (const char *name,
                                                 const char *language,
                                                 gpointer    directory);

G_END_DECLS
