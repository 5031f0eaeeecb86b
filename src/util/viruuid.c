/* viruuid.c: UUID parse, format and generation.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <glib.h>

#include "util/viruuid.h"


int
virUUIDParse(const char *str, unsigned char *uuid)
{
    const char *p = str;
    size_t i = 0;

    if (!p)
        return -1;
    while (g_ascii_isspace(*p))
        p++;

    while (i < VIR_UUID_BUFLEN) {
        int hi, lo;

        if (*p == '-' || *p == ' ') {
            p++;
            continue;
        }
        if ((hi = g_ascii_xdigit_value(p[0])) < 0 ||
            (lo = g_ascii_xdigit_value(p[1])) < 0)
            return -1;
        uuid[i++] = (hi << 4) | lo;
        p += 2;
    }

    while (*p) {
        if (!g_ascii_isspace(*p))
            return -1;
        p++;
    }
    return 0;
}


char *
virUUIDFormat(const unsigned char *uuid, char *buf)
{
    static const char hex[] = "0123456789abcdef";
    char *out = buf;
    size_t i;

    for (i = 0; i < VIR_UUID_BUFLEN; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = '-';
        *out++ = hex[uuid[i] >> 4];
        *out++ = hex[uuid[i] & 0xf];
    }
    *out = '\0';
    return buf;
}


void
virUUIDGenerate(unsigned char *uuid)
{
    size_t got = 0;

    while (got < VIR_UUID_BUFLEN) {
        ssize_t n = getrandom(uuid + got, VIR_UUID_BUFLEN - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        got += n;
    }
    /* No kernel entropy interface: fall back to glib's PRNG. */
    for (; got < VIR_UUID_BUFLEN; got++)
        uuid[got] = g_random_int_range(0, 256);

    uuid[6] = (uuid[6] & 0x0f) | 0x40;  /* version 4 */
    uuid[8] = (uuid[8] & 0x3f) | 0x80;  /* RFC 4122 variant */
}


bool
virUUIDIsValid(const unsigned char *uuid)
{
    size_t i;

    for (i = 1; i < VIR_UUID_BUFLEN; i++) {
        if (uuid[i] != uuid[0])
            return true;
    }
    return false;
}
