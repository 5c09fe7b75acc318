#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAPTIONER_TYPE_APPLICATION (captioner_application_get_type ())

G_DECLARE_FINAL_TYPE (CaptionerApplication, captioner_application, CAPTIONER, APPLICATION,
                      AdwApplication)

CaptionerApplication *captioner_application_new          (void);
GSettings            *captioner_application_get_settings (CaptionerApplication *self);

G_END_DECLS
