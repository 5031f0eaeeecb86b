/* conf-nodedev-test.c: node device <device> XML against libvirt's output.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * For each tests/data/nodedev/NAME.xml: parse, format, and compare with
 * NAME.out.xml (written by the real libvirt through regen.py); the output
 * must also parse back to itself.  NAME-bad.xml must fail with exactly the
 * message in NAME-bad.err.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "conf/node_device_conf.h"
#include "util/virerror.h"
#include "tap.h"

static char *
readFile(const char *path)
{
    char *data = NULL;

    if (!g_file_get_contents(path, &data, NULL, NULL))
        return NULL;
    return data;
}


static void
testGood(const char *dir, const char *name)
{
    g_autofree char *in = g_strdup_printf("%s/%s.xml", dir, name);
    g_autofree char *outPath = g_strdup_printf("%s/%s.out.xml", dir, name);
    g_autofree char *xml = readFile(in);
    g_autofree char *want = readFile(outPath);
    g_autoptr(virNodeDeviceDef) def = NULL;
    g_autoptr(virNodeDeviceDef) def2 = NULL;
    g_autofree char *got = NULL;
    g_autofree char *again = NULL;

    def = virNodeDeviceDefParseString(xml, 0);
    if (!ok(def != NULL, "%s parses", name)) {
        virErrorPtr err = virGetLastError();
        tap_diag("error: %s", err && err->message ? err->message : "?");
        return;
    }
    got = virNodeDeviceDefFormat(def);
    is_str(got, want, "%s formats like libvirt", name);

    def2 = virNodeDeviceDefParseString(got, 0);
    again = def2 ? virNodeDeviceDefFormat(def2) : NULL;
    is_str(again, got, "%s round-trips", name);
}


static void
testBad(const char *dir, const char *name)
{
    g_autofree char *in = g_strdup_printf("%s/%s.xml", dir, name);
    g_autofree char *errPath = g_strdup_printf("%s/%s.err", dir, name);
    g_autofree char *xml = readFile(in);
    g_autofree char *want = readFile(errPath);
    g_autoptr(virNodeDeviceDef) def = NULL;
    virErrorPtr err;

    if (want && g_str_has_suffix(want, "\n"))
        want[strlen(want) - 1] = '\0';
    virResetLastError();
    def = virNodeDeviceDefParseString(xml, 0);
    ok(def == NULL, "%s is rejected", name);
    err = virGetLastError();
    is_str(err ? err->message : NULL, want, "%s error message", name);
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
    g_autofree char *dir = g_build_filename(srcdir ? srcdir : ".",
                                            "tests", "data", "nodedev", NULL);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *ent;
    size_t i;

    if (!ok(d != NULL, "data directory %s", dir))
        return tap_done();
    while ((ent = g_dir_read_name(d))) {
        if (!g_str_has_suffix(ent, ".xml") || g_str_has_suffix(ent, ".out.xml"))
            continue;
        g_ptr_array_add(names, g_strndup(ent, strlen(ent) - 4));
    }
    g_ptr_array_sort(names, cmpStr);

    for (i = 0; i < names->len; i++) {
        const char *name = names->pdata[i];
        if (g_str_has_suffix(name, "-bad"))
            testBad(dir, name);
        else
            testGood(dir, name);
    }
    virResetLastError();
    return tap_done();
}
