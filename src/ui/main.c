#define G_LOG_DOMAIN "captioner"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "captioner-i18n.h"
#include "captioner-application.h"

/* The worker threads decode thousands of JPEGs, and glibc's malloc maps, grows and returns
 * memory to the kernel for their buffers as it goes. Each of those takes the process's
 * memory-map lock for writing, which the window's thread needs to take a page fault: a
 * worker at nice 19 preempted while holding or queued for it held up frames for 50-90 ms (frames
 * with 15 ms of CPU taking 68 ms, cold openings of a 2,000-photo folder). Keeping freed memory
 * and growing the heap in larger steps makes those rare. GUI only; the CLI is single-threaded
 * and short-lived. */
static void
tune_malloc (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  mallopt (M_TOP_PAD, 64 * 1024 * 1024);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaptionerApplication) application = NULL;

  tune_malloc ();
  captioner_i18n_init ();

  application = captioner_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
