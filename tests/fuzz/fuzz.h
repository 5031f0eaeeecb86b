/* fuzz.h: what the fuzz targets share.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each tests/fuzz/fuzz-NAME.c defines libFuzzer's entry point.  With clang
 * (`make fuzz`) libFuzzer supplies main(); with gcc (`make check`) the plain
 * driver fuzz-main.c does, running the seed corpus once.
 *
 * A target prints nothing unless an invariant breaks; then it says which
 * one on stderr and aborts, so that both drivers record it as a crash.
 */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Big inputs only make the parsers slow, not more interesting. */
#define FUZZ_MAX_INPUT (256 * 1024)

/* The input as a C string: it ends at the first NUL byte, as it would for
 * any caller of a char * API. */
static inline char *
fuzzString(const uint8_t *data, size_t size)
{
    return g_strndup((const char *)data, size);
}


static inline void
fuzzFail(const char *fmt, ...) G_GNUC_PRINTF(1, 2) G_GNUC_NORETURN;

static inline void
fuzzFail(const char *fmt, ...)
{
    va_list ap;

    fputs("fuzz invariant broken: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}


/* Two texts that must be equal: show the first line that differs. */
static inline void
fuzzSameText(const char *what, const char *a, const char *b)
{
    size_t line = 1;
    const char *la = a;
    const char *lb = b;
    size_t i;

    if (strcmp(a, b) == 0)
        return;
    for (i = 0; a[i] && a[i] == b[i]; i++) {
        if (a[i] == '\n') {
            line++;
            la = a + i + 1;
            lb = b + i + 1;
        }
    }
    fprintf(stderr, "--- first text:\n%s--- second text:\n%s---\n", a, b);
    fuzzFail("%s: the texts differ at line %zu:\n  first:  %.*s\n  second: %.*s",
             what, line, (int)strcspn(la, "\n"), la, (int)strcspn(lb, "\n"), lb);
}
