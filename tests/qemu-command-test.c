/* qemu-command-test: domain XML -> QEMU command line, against golden files.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * tests/data/qemuxml2argv/NAME.xml gives NAME.args (the command as
 * qemuCommandToString prints it) or, when the definition must be refused,
 * NAME.err (the error message).  VIRTKIT_TEST_REGENERATE=1 rewrites the
 * expected files.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "conf/domain_conf.h"
#include "qemu/qemu_command.h"
#include "qemu/qemu_domain.h"
#include "qemu/qemu_json.h"
#include "util/virerror.h"

#define DATA TEST_DATA_DIR "/qemuxml2argv"

static bool regenerate;

static void
compareFile(const char *name, const char *ext, const char *got)
{
    g_autofree char *path = g_strdup_printf("%s/%s.%s", DATA, name, ext);
    g_autofree char *want = NULL;

    if (regenerate)
        g_file_set_contents(path, got, -1, NULL);
    if (!g_file_get_contents(path, &want, NULL, NULL)) {
        ok(0, "%s: %s.%s exists", name, name, ext);
        return;
    }
    is_str(got, want, "%s: %s", name, ext);
}

static void
runCase(const char *name)
{
    g_autofree char *xml = g_strdup_printf("%s/%s.xml", DATA, name);
    g_autofree char *dir = g_strdup_printf("/var/lib/virtkit/qemu/domain-1-%s",
                                           name);
    g_autofree char *mon = g_strdup_printf("%s/monitor.sock", dir);
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(qemuCommand) cmd = NULL;
    static const int tapfds[] = { 27, 28, 29, 30 };
    qemuCommandParams params = {
        .monitorPath = mon,
        .domainDir = dir,
        .tapfds = tapfds,
        .ntapfds = G_N_ELEMENTS(tapfds),
        .vncPort = 5900,
        .kvm = g_str_has_suffix(name, "-kvm"),
    };

    virResetLastError();
    def = virDomainDefParseFile(xml, qemuDomainXMLOption(),
                                VIR_DOMAIN_DEF_PARSE_INACTIVE);
    if (def)
        cmd = qemuBuildCommandLine(def, &params);
    if (cmd) {
        g_autofree char *got = qemuCommandToString(cmd);

        compareFile(name, "args", got);
    } else {
        g_autofree char *got = g_strdup_printf("%s\n",
                                               virGetLastErrorMessage());

        compareFile(name, "err", got);
    }
}

static void
testJSON(void)
{
    static const char *good[] = {
        "{\"return\": {}, \"id\": \"libvirt-1\"}",
        "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, "
        "\"major\": 7}}, \"capabilities\": [\"oob\"]}}",
        "[1, -2.5e3, true, false, null, \"a\\u00e9\\n\\\"\"]",
        "\"\\ud83d\\ude00\"",
    };
    static const char *bad[] = {
        "", "{", "{\"a\" 1}", "[1,]", "\"\\x\"", "tru", "{} x", "\"\x01\"",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
        "[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
        "]]]]]]]]]",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(good); i++) {
        g_autoptr(qemuJSONValue) v = qemuJSONParse(good[i]);
        g_autofree char *again = v ? qemuJSONFormat(v) : NULL;
        g_autoptr(qemuJSONValue) v2 = again ? qemuJSONParse(again) : NULL;
        g_autofree char *again2 = v2 ? qemuJSONFormat(v2) : NULL;

        ok(v != NULL, "json parses: %s", good[i]);
        is_str(again2, again, "json round trip %zu", i);
    }
    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(qemuJSONValue) v = qemuJSONParse(bad[i]);

        ok(v == NULL && strstr(virGetLastErrorMessage(), "cannot parse json"),
           "json refused: bad input %zu", i);
    }
    {
        g_autoptr(qemuJSONValue) v = qemuJSONParse(good[0]);
        long long n = 0;

        is_str(qemuJSONGetString(v, "id"), "libvirt-1", "json member lookup");
        ok(qemuJSONGetLongLong(v, "id", &n) < 0, "json type mismatch");
    }
}

static gint
compareNames(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char * const *)a, *(char * const *)b);
}

int
main(void)
{
    g_autoptr(GDir) dir = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *ent;
    size_t i;

    regenerate = g_getenv("VIRTKIT_TEST_REGENERATE") != NULL;
    if (!(dir = g_dir_open(DATA, 0, NULL))) {
        ok(0, "open %s", DATA);
        return tap_done();
    }
    while ((ent = g_dir_read_name(dir))) {
        if (g_str_has_suffix(ent, ".xml"))
            g_ptr_array_add(names, g_strndup(ent, strlen(ent) - 4));
    }
    g_ptr_array_sort(names, compareNames);
    for (i = 0; i < names->len; i++)
        runCase(names->pdata[i]);
    testJSON();
    return tap_done();
}
