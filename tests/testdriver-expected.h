/* testdriver-expected.h: reading the values the real libvirt gave (recorded
 * by tests/data/testdriver/regen*.py) for the test-driver tests.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A file holds one "key<TAB>value" a line, '#' comments; "\n" in a value
 * stands for a newline.
 */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "tap.h"

/* key -> value; `fixup` (may be NULL) rewrites each value, taking ownership
 * of nothing and returning a new string.  An unreadable file is one failed
 * test and an empty table. */
static inline GHashTable *
testExpectedLoad(const char *path, char *(*fixup)(const char *value))
{
    GHashTable *table = g_hash_table_new_full(g_str_hash, g_str_equal,
                                              g_free, g_free);
    g_autofree char *data = NULL;
    g_auto(GStrv) lines = NULL;
    size_t i;

    if (!g_file_get_contents(path, &data, NULL, NULL)) {
        ok(0, "read %s", path);
        return table;
    }
    lines = g_strsplit(data, "\n", -1);
    for (i = 0; lines[i]; i++) {
        g_auto(GStrv) kv = NULL;
        g_auto(GStrv) parts = NULL;
        g_autofree char *value = NULL;

        if (!*lines[i] || lines[i][0] == '#')
            continue;
        kv = g_strsplit(lines[i], "\t", 2);
        if (!kv[0] || !kv[1])
            continue;
        parts = g_strsplit(kv[1], "\\n", -1);
        value = g_strjoinv("\n", parts);
        g_hash_table_insert(table, g_strdup(kv[0]),
                            fixup ? fixup(value) : g_steal_pointer(&value));
    }
    return table;
}


/* One deliberate difference from libvirt: a flag bit the API description
 * does not know is refused by the generated entry point, before the
 * driver, so the error names the public function (and its error domain)
 * where libvirt's names the test driver's.  Same code and wording
 * otherwise.  For an "ERR code domain unsupported flags ..." value, the
 * part both agree on; NULL for any other value. */
static inline char *
testUnknownFlagError(const char *value)
{
    int code, domain;
    unsigned int bits;
    char func[128];

    if (sscanf(value, "ERR %d %d unsupported flags (0x%x) in function %127s",
               &code, &domain, &bits, func) != 4)
        return NULL;
    return g_strdup_printf("ERR %d unsupported flags (0x%x)", code, bits);
}
