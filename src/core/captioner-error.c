#define G_LOG_DOMAIN "captioner-error"

#include "config.h"

#include "captioner-error.h"

G_DEFINE_QUARK (captioner-error-quark, captioner_error)
