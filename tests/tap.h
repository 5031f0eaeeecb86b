/* tap.h: a tiny TAP producer for C tests run by automake's TAP driver.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Use ok()/is_int()/is_str(), then `return tap_done();` from main.  The plan
 * is printed at the end ("1..N"), so tests need not count in advance.
 */
#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n_;
static int tap_failed_;


static inline int
tap_ok_(int cond, const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    tap_n_++;
    if (!cond)
        tap_failed_++;
    printf("%s %d - ", cond ? "ok" : "not ok", tap_n_);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    if (!cond)
        printf("#   failed at %s:%d\n", file, line);
    fflush(stdout);
    return cond;
}

#define ok(cond, ...) tap_ok_(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define is_int(got, want, ...) \
    do { \
        long long g_ = (got), w_ = (want); \
        if (!tap_ok_(g_ == w_, __FILE__, __LINE__, __VA_ARGS__)) \
            printf("#   got %lld, want %lld\n", g_, w_); \
    } while (0)

#define is_str(got, want, ...) \
    do { \
        const char *g_ = (got), *w_ = (want); \
        int same_ = (g_ && w_) ? strcmp(g_, w_) == 0 : g_ == w_; \
        if (!tap_ok_(same_, __FILE__, __LINE__, __VA_ARGS__)) \
            printf("#   got  '%s'\n#   want '%s'\n", g_ ? g_ : "(null)", \
                   w_ ? w_ : "(null)"); \
    } while (0)

static inline void
tap_diag(const char *fmt, ...)
{
    va_list ap;

    printf("# ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static inline void
tap_skip(const char *why)
{
    tap_n_++;
    printf("ok %d # SKIP %s\n", tap_n_, why);
}

static inline int
tap_done(void)
{
    printf("1..%d\n", tap_n_);
    /* Flush now: LeakSanitizer ends the process with _exit(). */
    fflush(stdout);
    return tap_failed_ ? 1 : 0;
}
