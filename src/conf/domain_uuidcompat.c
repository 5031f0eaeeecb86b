/* domain_uuidcompat.c: UUID and MAC helpers for the domain parser.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Stand-ins until src/util/viruuid.h exists; then these become thin
 * wrappers around it (or go away).
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "conf/domain_conf_priv.h"


static int
virDomHexVal(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}


/* 32 hex digits, dashes allowed between byte pairs, blanks around. */
int
virDomUUIDParse(const char *str, unsigned char *uuid)
{
    const char *p = str;
    size_t i;

    while (g_ascii_isspace(*p))
        p++;
    for (i = 0; i < VIR_UUID_BUFLEN; i++) {
        int hi, lo;

        if (*p == '-')
            p++;
        hi = virDomHexVal(p[0]);
        if (hi < 0)
            return -1;
        lo = virDomHexVal(p[1]);
        if (lo < 0)
            return -1;
        uuid[i] = (hi << 4) | lo;
        p += 2;
    }
    while (g_ascii_isspace(*p))
        p++;
    return *p ? -1 : 0;
}


void
virDomUUIDFormat(const unsigned char *uuid, char *str)
{
    snprintf(str, VIR_UUID_STRING_BUFLEN,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             uuid[0], uuid[1], uuid[2], uuid[3], uuid[4], uuid[5],
             uuid[6], uuid[7], uuid[8], uuid[9], uuid[10], uuid[11],
             uuid[12], uuid[13], uuid[14], uuid[15]);
}


static void
virDomRandomBytes(unsigned char *buf, size_t len)
{
    FILE *fp = fopen("/dev/urandom", "rb");
    size_t got = 0;
    size_t i;

    if (fp) {
        got = fread(buf, 1, len, fp);
        fclose(fp);
    }
    for (i = got; i < len; i++)
        buf[i] = g_random_int_range(0, 256);
}


/* A random (version 4) UUID. */
void
virDomUUIDGenerate(unsigned char *uuid)
{
    virDomRandomBytes(uuid, VIR_UUID_BUFLEN);
    uuid[6] = (uuid[6] & 0x0f) | 0x40;
    uuid[8] = (uuid[8] & 0x3f) | 0x80;
}


/* 52:54:00 (the prefix libvirt uses for QEMU and test guests) + random. */
void
virDomMACGenerate(unsigned char *mac)
{
    mac[0] = 0x52;
    mac[1] = 0x54;
    mac[2] = 0x00;
    virDomRandomBytes(mac + 3, 3);
}
