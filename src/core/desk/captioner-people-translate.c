#define G_LOG_DOMAIN "captioner-people-translate"

#include "config.h"

#include "captioner-contact.h"
#include "captioner-people-directory.h"
#include "captioner-people-translate.h"
#include "captioner-text-fold.h"

char *
captioner_people_directory_translate_name (const char *name,
                                           const char *language,
                                           gpointer    directory)
{
  CaptionerContact *contact;
  const char *localized;
  g_autofree char *folded = NULL;
  g_autofree char *display = NULL;
  g_autofree char *folded_display = NULL;

  g_return_val_if_fail (directory == NULL || CAPTIONER_IS_PEOPLE_DIRECTORY (directory), NULL);

  if (directory == NULL || name == NULL || language == NULL)
    return NULL;
  contact = captioner_people_directory_find (directory, name);
  if (contact == NULL)
    return NULL;
  localized = captioner_contact_get_localized_name (contact, language);
  if (localized == NULL || *localized == '\0')
    return NULL;
  folded = captioner_text_fold (name);
  display = captioner_contact_dup_display_name (contact, NULL);
  folded_display = captioner_text_fold (display);
  if (captioner_contact_get_title (contact) != NULL &&
      g_strcmp0 (folded, folded_display) == 0 &&
      g_strcmp0 (folded, captioner_contact_get_key (contact)) != 0)
    return captioner_contact_dup_display_name (contact, language);
  return g_strdup (localized);
}
