/* nodeepbind.c: preloaded before ASan by php-test.sh when libvirt.so is
 * built with sanitizers.  php dlopen()s extensions with RTLD_DEEPBIND,
 * which the ASan runtime refuses; this drops the flag and lets ASan's
 * own dlopen do the rest. */
#define _GNU_SOURCE
#include <dlfcn.h>

void *
dlopen(const char *file, int mode)
{
    static void *(*next)(const char *, int);

    if (!next)
        next = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
    return next(file, mode & ~RTLD_DEEPBIND);
}
