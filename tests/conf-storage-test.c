/* conf-storage-test.c: storage pool and volume XML against libvirt's output.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * tests/data/storage/pool-NAME.xml and vol-NAME.xml are parsed, passed
 * through what libvirt's test driver does on define/create (a pool gets
 * 100 GiB capacity, all available; a volume gets the path POOL/NAME as its
 * path and key), formatted, and compared with NAME.out.xml (from the real
 * libvirt, see regen.py).  NAME-bad.xml must fail with NAME-bad.err's text.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "conf/storage_conf.h"
#include "util/virerror.h"
#include "tap.h"

static const char *dir;

static char *
readData(const char *name, const char *suffix)
{
    g_autofree char *path = g_strdup_printf("%s/%s%s", dir, name, suffix);
    char *data = NULL;

    if (!g_file_get_contents(path, &data, NULL, NULL))
        return NULL;
    return data;
}


/* What the test driver does to a freshly defined pool. */
static void
poolDriverDefaults(virStoragePoolDef *def)
{
    def->capacity = 107374182400ULL;
    def->allocation = 0;
    def->available = def->capacity;
}


static void
checkError(const char *name)
{
    g_autofree char *want = readData(name, ".err");
    virErrorPtr err = virGetLastError();

    if (want && g_str_has_suffix(want, "\n"))
        want[strlen(want) - 1] = '\0';
    is_str(err ? err->message : NULL, want, "%s error message", name);
}


static void
testPool(const char *name)
{
    g_autofree char *xml = readData(name, ".xml");
    g_autofree char *want = NULL;
    g_autoptr(virStoragePoolDef) def = NULL;
    g_autoptr(virStoragePoolDef) def2 = NULL;
    g_autofree char *got = NULL;
    g_autofree char *again = NULL;

    virResetLastError();
    def = virStoragePoolDefParseString(xml, 0);
    if (g_str_has_suffix(name, "-bad")) {
        ok(def == NULL, "%s is rejected", name);
        checkError(name);
        return;
    }
    if (!ok(def != NULL, "%s parses", name)) {
        virErrorPtr err = virGetLastError();
        tap_diag("error: %s", err && err->message ? err->message : "?");
        return;
    }
    poolDriverDefaults(def);
    got = virStoragePoolDefFormat(def, 0);
    want = readData(name, ".out.xml");
    is_str(got, want, "%s formats like libvirt", name);

    def2 = virStoragePoolDefParseString(got, 0);
    again = def2 ? virStoragePoolDefFormat(def2, 0) : NULL;
    is_str(again, got, "%s round-trips", name);
}


static void
testVol(const char *name)
{
    g_autofree char *xml = readData(name, ".xml");
    g_autofree char *poolName = NULL;
    g_autofree char *poolXML = NULL;
    g_autofree char *want = NULL;
    g_autofree char *got = NULL;
    g_autoptr(virStoragePoolDef) pool = NULL;
    g_autoptr(virStorageVolDef) def = NULL;
    const char *p;

    /* an optional leading "<!-- pool: FILE.xml -->" picks the pool */
    if ((p = strstr(xml, "<!-- pool: ")) && p - xml < 4) {
        const char *s = p + strlen("<!-- pool: ");
        poolName = g_strndup(s, strcspn(s, ". "));
    } else {
        poolName = g_strdup("pool-testdriver-default");
    }
    poolXML = readData(poolName, ".xml");
    if (!ok(poolXML && (pool = virStoragePoolDefParseString(poolXML, 0)),
            "%s: pool %s", name, poolName))
        return;

    virResetLastError();
    def = virStorageVolDefParseString(pool, xml, 0);
    if (g_str_has_suffix(name, "-bad")) {
        ok(def == NULL, "%s is rejected", name);
        checkError(name);
        return;
    }
    if (!ok(def != NULL, "%s parses", name)) {
        virErrorPtr err = virGetLastError();
        tap_diag("error: %s", err && err->message ? err->message : "?");
        return;
    }
    /* the test driver's createXML */
    g_free(def->target.path);
    def->target.path = g_strdup_printf("%s/%s", pool->target.path, def->name);
    g_free(def->key);
    def->key = g_strdup(def->target.path);

    got = virStorageVolDefFormat(pool, def);
    want = readData(name, ".out.xml");
    is_str(got, want, "%s formats like libvirt", name);
}


static gint
cmpStr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char **)a, *(const char **)b);
}


int
main(void)
{
    const char *srcdir = getenv("srcdir");
    g_autofree char *path = g_build_filename(srcdir ? srcdir : ".", "tests",
                                             "data", "storage", NULL);
    g_autoptr(GDir) d = g_dir_open(path, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *ent;
    size_t i;

    dir = path;
    if (!ok(d != NULL, "data directory %s", path))
        return tap_done();
    while ((ent = g_dir_read_name(d))) {
        if (!g_str_has_suffix(ent, ".xml") || g_str_has_suffix(ent, ".out.xml"))
            continue;
        g_ptr_array_add(names, g_strndup(ent, strlen(ent) - 4));
    }
    g_ptr_array_sort(names, cmpStr);

    for (i = 0; i < names->len; i++) {
        const char *name = names->pdata[i];
        if (g_str_has_prefix(name, "pool-"))
            testPool(name);
        else if (g_str_has_prefix(name, "vol-"))
            testVol(name);
    }
    virResetLastError();
    return tap_done();
}
