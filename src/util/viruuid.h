/* viruuid.h: UUID parse, format and generation.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <libvirt/libvirt.h>   /* VIR_UUID_BUFLEN, VIR_UUID_STRING_BUFLEN */

/* Accepts what libvirt accepts: 32 hex digits (any case), with '-' or ' '
 * allowed between (never inside) byte pairs, and surrounding whitespace.
 * 0 on success, -1 (no error raised) otherwise. */
int virUUIDParse(const char *str, unsigned char *uuid);

/* Writes the canonical lower-case 8-4-4-4-12 form into `buf` (at least
 * VIR_UUID_STRING_BUFLEN bytes) and returns it. */
char *virUUIDFormat(const unsigned char *uuid, char *buf);

/* A random (version 4, RFC 4122 variant) UUID.  Always succeeds. */
void virUUIDGenerate(unsigned char *uuid);

/* False for a UUID whose 16 bytes are all equal (e.g. all zero), which
 * libvirt refuses as a machine or domain UUID. */
bool virUUIDIsValid(const unsigned char *uuid);
