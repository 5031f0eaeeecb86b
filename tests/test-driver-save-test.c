/* test-driver-save-test.c: saved state and guest settings of the test
 * hypervisor through the public API.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The scenario is the one tests/data/testdriver/regen-save.py runs against
 * libvirt's own test driver (save/restore, core dumps, managed save,
 * vcpus and memory, guest agent calls, host CPU statistics and free
 * pages, interface change transactions, snapshots, snapshots of a <node>
 * file): the same calls in the same order, each result compared with the
 * one libvirt gave (expected-save.txt and the out-*.xml files it names).
 * Values are written as Python prints them.
 */
#include <config.h>

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tap.h"
#include "testdriver-expected.h"

#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif
#define DATADIR TEST_DATA_DIR "/testdriver"

static GHashTable *expected;
static GPtrArray *events;
static char *tmpdir;
static GRegex *timeRegex;


/* ---- expected values ---- */

/* What regen-save.py does to every value: the scratch directory and the
 * snapshot clock are written symbolically. */
static char *
cleanValue(const char *value)
{
    g_auto(GStrv) parts = g_strsplit(value, tmpdir, -1);
    g_autofree char *tmpless = g_strjoinv("@TMPDIR@", parts);
    g_auto(GStrv) parts2 = g_strsplit(tmpless, DATADIR, -1);
    g_autofree char *joined = g_strjoinv("@DATADIR@", parts2);

    return g_regex_replace_literal(timeRegex, joined, -1, 0,
                                   "<creationTime>@TIME@</creationTime>",
                                   0, NULL);
}


/* Where our public entry points are known to differ from libvirt's (the
 * API description has no "flag X requires flag Y" rule yet): shown as
 * TODO, not failed. */
static const char *const entryPointGaps[] = {
    "vcpu.test.max-live",     /* VCPU_MAXIMUM requires AFFECT_CONFIG */
    NULL,
};


static void
check(const char *key, const char *value)
{
    const char *want = g_hash_table_lookup(expected, key);
    g_autofree char *got = cleanValue(value);
    g_autofree char *gotFlags = testUnknownFlagError(got);
    g_autofree char *wantFlags = want ? testUnknownFlagError(want) : NULL;
    size_t i;

    if (!want) {
        ok(0, "%s: no expected value", key);
        return;
    }
    for (i = 0; entryPointGaps[i]; i++) {
        if (strcmp(entryPointGaps[i], key) == 0 && strcmp(got, want) != 0) {
            printf("not ok %d - %s # TODO entry point check missing\n",
                   ++tap_n_, key);
            return;
        }
    }
    if (gotFlags && wantFlags) {
        is_str(gotFlags, wantFlags, "%s (unknown flag refused)", key);
        return;
    }
    is_str(got, want, "%s", key);
}


static void G_GNUC_PRINTF(2, 3)
checkf(const char *key, const char *fmt, ...)
{
    g_autofree char *value = NULL;
    va_list ap;

    va_start(ap, fmt);
    value = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    check(key, value);
}


static char *
errText(void)
{
    virErrorPtr err = virGetLastError();

    if (!err)
        return g_strdup("ERR (no error set)");
    return g_strdup_printf("ERR %d %d %s", err->code, err->domain,
                           err->message ? err->message : "");
}


static void
checkErr(const char *key)
{
    g_autofree char *text = errText();

    check(key, text);
}


/* An int result, or the error when it is negative. */
static void
checkInt(const char *key, int ret)
{
    if (ret < 0)
        checkErr(key);
    else
        checkf(key, "%d", ret);
}


/* A string result (freed here), or the error if it is NULL. */
static void
checkStr(const char *key, char *str)
{
    if (!str)
        checkErr(key);
    else
        check(key, str);
    free(str);
}


static void
checkBool(const char *key, bool value)
{
    check(key, value ? "True" : "False");
}


/* An XML document (freed here) against out-NAME.xml. */
static void
checkXML(const char *name, char *xml)
{
    g_autofree char *path = g_strdup_printf("%s/out-%s.xml", DATADIR, name);
    g_autofree char *want = NULL;
    g_autofree char *got = NULL;

    if (!xml) {
        g_autofree char *text = errText();
        ok(0, "XML %s: %s", name, text);
        return;
    }
    got = cleanValue(xml);
    free(xml);
    if (!g_file_get_contents(path, &want, NULL, NULL)) {
        ok(0, "read %s", path);
        return;
    }
    is_str(got, want, "XML %s", name);
}


/* ---- events ---- */

static void
onLifecycle(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int event,
            int detail, void *opaque G_GNUC_UNUSED)
{
    g_ptr_array_add(events, g_strdup_printf("%s:%d:%d:%d",
                                            virDomainGetName(dom),
                                            (int)virDomainGetID(dom),
                                            event, detail));
}


static void
noopTimer(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}


static void
drain(const char *key)
{
    g_autofree char *joined = NULL;
    int timer = virEventAddTimeout(10, noopTimer, NULL, NULL);
    int i;

    for (i = 0; i < 3; i++)
        virEventRunDefaultImpl();
    virEventRemoveTimeout(timer);
    g_ptr_array_add(events, NULL);
    joined = g_strjoinv(" ", (char **)events->pdata);
    g_ptr_array_set_size(events, 0);
    check(key, joined);
}


/* ---- helpers mirroring regen-save.py ---- */

static char *
tmp(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}


static void
writeFile(const char *name, const void *data, size_t len)
{
    g_autofree char *path = tmp(name);

    g_file_set_contents(path, data, len, NULL);
}


static bool
tmpExists(const char *name)
{
    g_autofree char *path = tmp(name);

    return g_file_test(path, G_FILE_TEST_EXISTS);
}


/* State, reason and id of a domain looked up afresh. */
static void
checkState(const char *key, virConnectPtr conn, const char *name)
{
    virDomainPtr dom = virDomainLookupByName(conn, name);
    int st, reason;

    if (!dom || virDomainGetState(dom, &st, &reason, 0) < 0) {
        checkErr(key);
    } else {
        checkf(key, "%d:%d id=%d", st, reason, (int)virDomainGetID(dom));
    }
    if (dom)
        virDomainFree(dom);
}


static char *
infoText(virDomainPtr dom)
{
    virDomainInfo info;

    if (virDomainGetInfo(dom, &info) < 0)
        return errText();
    return g_strdup_printf("%d %lu %lu %d", info.state, info.maxMem,
                           info.memory, info.nrVirtCpu);
}


static void
checkInfo(const char *key, virDomainPtr dom)
{
    g_autofree char *text = infoText(dom);

    check(key, text);
}


static char *
hexText(const unsigned char *data, size_t len)
{
    GString *str = g_string_new(NULL);
    size_t i;

    for (i = 0; i < len; i++)
        g_string_append_printf(str, "%02x", data[i]);
    return g_string_free(str, FALSE);
}


static void
checkFileHex(const char *key, const char *name)
{
    g_autofree char *path = tmp(name);
    g_autofree char *data = NULL;
    g_autofree char *hex = NULL;
    gsize len;

    if (!g_file_get_contents(path, &data, &len, NULL)) {
        ok(0, "%s: read %s", key, path);
        return;
    }
    hex = hexText((unsigned char *)data, len);
    check(key, hex);
}


/* Python's view of the host: virNodeGetCPUMap's 8 CPUs, one map byte. */
#define PY_CPUS 8
#define PY_MAPLEN 1

static char *
mapText(const unsigned char *map)
{
    GString *str = g_string_new(NULL);
    int i;

    for (i = 0; i < PY_CPUS; i++)
        g_string_append_c(str, (map[i / 8] & (1 << (i % 8))) ? '1' : '0');
    return g_string_free(str, FALSE);
}


static int
nrVirtCpu(virDomainPtr dom)
{
    virDomainInfo info;

    if (virDomainGetInfo(dom, &info) < 0)
        return -1;
    return info.nrVirtCpu;
}


/* "number:state:cpu:map" per vcpu, as regen-save.py's vcpus_text. */
static void
checkVcpus(const char *key, virDomainPtr dom)
{
    int n = nrVirtCpu(dom);
    g_autofree virVcpuInfoPtr info = NULL;
    g_autofree unsigned char *maps = NULL;
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *joined = NULL;
    int got;
    int i;

    if (n < 0) {
        checkErr(key);
        return;
    }
    info = g_new0(virVcpuInfo, n);
    maps = g_new0(unsigned char, n * PY_MAPLEN);
    if ((got = virDomainGetVcpus(dom, info, n, maps, PY_MAPLEN)) < 0) {
        checkErr(key);
        return;
    }
    for (i = 0; i < got; i++) {
        g_autofree char *map = mapText(VIR_GET_CPUMAP(maps, PY_MAPLEN, i));

        g_ptr_array_add(parts, g_strdup_printf("%u:%d:%d:%s", info[i].number,
                                               info[i].state, info[i].cpu,
                                               map));
    }
    g_ptr_array_add(parts, NULL);
    joined = g_strjoinv(" ", (char **)parts->pdata);
    check(key, joined);
}


static void
checkPinInfo(const char *key, virDomainPtr dom, unsigned int flags)
{
    int n = nrVirtCpu(dom);
    g_autofree unsigned char *maps = NULL;
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *joined = NULL;
    int got;
    int i;

    if (n < 0) {
        checkErr(key);
        return;
    }
    maps = g_new0(unsigned char, n * PY_MAPLEN);
    if ((got = virDomainGetVcpuPinInfo(dom, n, maps, PY_MAPLEN, flags)) < 0) {
        checkErr(key);
        return;
    }
    for (i = 0; i < got; i++)
        g_ptr_array_add(parts, mapText(VIR_GET_CPUMAP(maps, PY_MAPLEN, i)));
    g_ptr_array_add(parts, NULL);
    joined = g_strjoinv(" ", (char **)parts->pdata);
    check(key, joined);
}


static void
checkEmulatorPin(const char *key, virDomainPtr dom)
{
    unsigned char map[PY_MAPLEN] = { 0 };
    g_autofree char *text = NULL;

    if (virDomainGetEmulatorPinInfo(dom, map, PY_MAPLEN, 0) < 0) {
        checkErr(key);
        return;
    }
    text = mapText(map);
    check(key, text);
}


/* A pin map from a list of 0/1 characters, as Python builds it. */
static int
pinVcpu(virDomainPtr dom, unsigned int vcpu, const char *bits,
        unsigned int flags)
{
    unsigned char map[PY_MAPLEN] = { 0 };
    size_t i;

    for (i = 0; bits[i] && i < PY_CPUS; i++) {
        if (bits[i] == '1')
            map[i / 8] |= 1 << (i % 8);
    }
    if (flags)
        return virDomainPinVcpuFlags(dom, vcpu, map, PY_MAPLEN, flags);
    return virDomainPinVcpu(dom, vcpu, map, PY_MAPLEN);
}


static int
pinEmulator(virDomainPtr dom, const char *bits)
{
    unsigned char map[PY_MAPLEN] = { 0 };
    size_t i;

    for (i = 0; bits[i] && i < PY_CPUS; i++) {
        if (bits[i] == '1')
            map[i / 8] |= 1 << (i % 8);
    }
    return virDomainPinEmulator(dom, map, PY_MAPLEN, 0);
}


static void
checkCounts(const char *key, virDomainPtr dom)
{
    static const unsigned int flags[] = {
        0, VIR_DOMAIN_AFFECT_LIVE, VIR_DOMAIN_AFFECT_CONFIG,
        VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_VCPU_MAXIMUM,
        VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_VCPU_MAXIMUM,
    };
    g_autoptr(GString) out = g_string_new(NULL);
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(flags); i++) {
        int n = virDomainGetVcpusFlags(dom, flags[i]);

        if (out->len)
            g_string_append_c(out, ' ');
        if (n < 0)
            g_string_append_printf(out, "E%d", virGetLastErrorCode());
        else
            g_string_append_printf(out, "%d", n);
    }
    check(key, out->str);
}


static int
cmpStr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}


/* Sorted and joined with `sep`; frees the names. */
static char *
joinSorted(char **names, int n, const char *sep, bool sort)
{
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func(free);
    int i;

    for (i = 0; i < n; i++)
        g_ptr_array_add(list, names[i]);
    if (sort && list->len > 1)
        qsort(list->pdata, list->len, sizeof(char *), cmpStr);
    g_ptr_array_add(list, NULL);
    return g_strjoinv(sep, (char **)list->pdata);
}


static char *
snapNames(virDomainPtr dom, unsigned int flags, bool sort, bool *failed)
{
    int n = virDomainSnapshotNum(dom, flags);
    g_autofree char **names = NULL;
    int got;

    *failed = true;
    if (n < 0)
        return NULL;
    names = g_new0(char *, n + 1);
    if ((got = virDomainSnapshotListNames(dom, names, n, flags)) < 0)
        return NULL;
    *failed = false;
    return joinSorted(names, got, ",", sort);
}


static void
checkSnapNames(const char *key, virDomainPtr dom, unsigned int flags,
               bool sort)
{
    bool failed;
    g_autofree char *text = snapNames(dom, flags, sort, &failed);

    if (failed)
        checkErr(key);
    else
        check(key, text);
}


static char *
snapHandleNames(virDomainSnapshotPtr *snaps, int n)
{
    char **names = g_new0(char *, n + 1);
    g_autofree char *ret = NULL;
    int i;

    for (i = 0; i < n; i++) {
        names[i] = strdup(virDomainSnapshotGetName(snaps[i]));
        virDomainSnapshotFree(snaps[i]);
    }
    free(snaps);
    ret = joinSorted(names, n, ",", true);
    g_free(names);
    return g_steal_pointer(&ret);
}


static void
checkSnapAll(const char *key, virDomainPtr dom, unsigned int flags)
{
    virDomainSnapshotPtr *snaps = NULL;
    int n = virDomainListAllSnapshots(dom, &snaps, flags);
    g_autofree char *text = NULL;

    if (n < 0) {
        checkErr(key);
        return;
    }
    text = snapHandleNames(snaps, n);
    check(key, text);
}


static virDomainSnapshotPtr
snapCreate(virDomainPtr dom, const char *name, unsigned int flags,
           const char *body)
{
    g_autofree char *xml = g_strdup_printf(
        "<domainsnapshot><name>%s</name>%s</domainsnapshot>", name, body);

    return virDomainSnapshotCreateXML(dom, xml, flags);
}


/* The name of a new snapshot, or the error. */
static void
checkSnapCreate(const char *key, virDomainSnapshotPtr snap)
{
    if (!snap) {
        checkErr(key);
        return;
    }
    check(key, virDomainSnapshotGetName(snap));
    virDomainSnapshotFree(snap);
}


static void
checkSnapXML(const char *name, virDomainPtr dom, const char *snapName)
{
    virDomainSnapshotPtr snap = virDomainSnapshotLookupByName(dom, snapName,
                                                              0);

    if (!snap) {
        g_autofree char *text = errText();
        ok(0, "XML %s: %s", name, text);
        return;
    }
    checkXML(name, virDomainSnapshotGetXMLDesc(snap, 0));
    virDomainSnapshotFree(snap);
}


static char *
currentName(virDomainPtr dom)
{
    virDomainSnapshotPtr cur = virDomainSnapshotCurrent(dom, 0);
    char *ret;

    if (!cur)
        return g_strdup_printf("none(%d)", virGetLastErrorCode());
    ret = g_strdup(virDomainSnapshotGetName(cur));
    virDomainSnapshotFree(cur);
    return ret;
}


static void
checkStateCur(const char *key, virConnectPtr conn, virDomainPtr dom)
{
    virDomainPtr fresh = virDomainLookupByName(conn, "test");
    g_autofree char *cur = currentName(dom);
    int st, reason;

    if (!fresh || virDomainGetState(fresh, &st, &reason, 0) < 0)
        checkErr(key);
    else
        checkf(key, "%d:%d id=%d cur=%s", st, reason,
               (int)virDomainGetID(fresh), cur);
    if (fresh)
        virDomainFree(fresh);
}


static void
checkParentName(const char *key, virDomainSnapshotPtr snap)
{
    virDomainSnapshotPtr parent = virDomainSnapshotGetParent(snap, 0);

    if (!parent) {
        checkErr(key);
        return;
    }
    check(key, virDomainSnapshotGetName(parent));
    virDomainSnapshotFree(parent);
}


static void
checkChildren(const char *key, virDomainSnapshotPtr snap, unsigned int flags)
{
    int num = virDomainSnapshotNumChildren(snap, flags);
    g_autofree char **names = NULL;
    virDomainSnapshotPtr *all = NULL;
    g_autofree char *joined = NULL;
    g_autofree char *allText = NULL;
    int n;

    if (num < 0) {
        checkErr(key);
        return;
    }
    names = g_new0(char *, num + 1);
    if ((n = virDomainSnapshotListChildrenNames(snap, names, num, flags)) < 0) {
        checkErr(key);
        return;
    }
    joined = joinSorted(names, n, ",", true);
    if ((n = virDomainSnapshotListAllChildren(snap, &all, flags)) < 0) {
        checkErr(key);
        return;
    }
    allText = snapHandleNames(all, n);
    checkf(key, "%d %s %s", num, joined, allText);
}


/* Replace the first `from` in `str` by `to`. */
static char *
replaceOnce(const char *str, const char *from, const char *to)
{
    const char *at = strstr(str, from);

    if (!at)
        return g_strdup(str);
    return g_strdup_printf("%.*s%s%s", (int)(at - str), str, to,
                           at + strlen(from));
}


static char *
replaceAll(const char *str, const char *from, const char *to)
{
    g_auto(GStrv) parts = g_strsplit(str, from, -1);

    return g_strjoinv(to, parts);
}


/* Cut [from, end of `until`) out of `str`, the first time; `until` is
 * looked for after `from`. */
static char *
cutOut(const char *str, const char *from, const char *until,
       const char *with)
{
    const char *a = strstr(str, from);
    const char *b = a ? strstr(a, until) : NULL;

    if (!a || !b)
        return g_strdup(str);
    b += strlen(until);
    return g_strdup_printf("%.*s%s%s", (int)(a - str), str, with, b);
}


static char *
extract(const char *str, const char *from, const char *until)
{
    const char *a = strstr(str, from);
    const char *b = a ? strstr(a, until) : NULL;

    if (!a || !b)
        return g_strdup("");
    return g_strndup(a, b + strlen(until) - a);
}


/* ---- save, restore, core dump ---- */

static void
scenarioSave(virConnectPtr conn)
{
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainPtr tr;
    g_autofree char *a = tmp("a.img");
    g_autofree char *b = tmp("b.img");
    g_autofree char *c = tmp("c.img");
    g_autofree char *missing = tmp("missing.img");
    g_autofree char *data = NULL;
    g_autofree char *x = NULL;
    g_autofree char *xsmall = NULL;
    g_autofree char *cwd = NULL;
    gsize len = 0;

    checkInt("save.save", virDomainSave(dom, a));
    drain("save.save.events");
    checkState("save.save.state", conn, "test");
    checkInt("save.save-off", virDomainSave(dom, b));
    checkBool("save.exists-off", tmpExists("b.img"));
    if (g_file_get_contents(a, &data, &len, NULL) && len >= 19) {
        g_autofree char *magic = hexText((unsigned char *)data, 15);
        int32_t n;

        memcpy(&n, data + 15, sizeof(n));
        check("save.image.magic", magic);
        checkBool("save.image.len", n == (int32_t)len - 19);
    } else {
        ok(0, "read %s", a);
    }
    checkXML("save-image", virDomainSaveImageGetXMLDesc(conn, a, 0));
    {
        char *one = virDomainSaveImageGetXMLDesc(conn, a,
                                                 VIR_DOMAIN_SAVE_IMAGE_XML_SECURE);
        char *two = virDomainSaveImageGetXMLDesc(conn, a, 0);

        if (!one)
            checkErr("save.getxml-secure");
        else
            checkBool("save.getxml-secure", g_strcmp0(one, two) == 0);
        free(one);
        free(two);
    }
    checkStr("save.getxml-badflag", virDomainSaveImageGetXMLDesc(conn, a, 2));
    checkInt("save.restore", virDomainRestore(conn, a));
    drain("save.restore.events");
    checkState("save.restore.state", conn, "test");
    checkInt("save.restore-again", virDomainRestore(conn, a));
    checkInt("save.restoreflags-dxml",
             virDomainRestoreFlags(conn, a, "<domain/>", 0));
    checkInt("save.restoreflags-flag",
             virDomainRestoreFlags(conn, a, NULL, VIR_DOMAIN_SAVE_PAUSED));
    checkInt("save.saveflags-dxml", virDomainSaveFlags(dom, b, "<domain/>", 0));
    checkInt("save.saveflags-flag",
             virDomainSaveFlags(dom, b, NULL, VIR_DOMAIN_SAVE_BYPASS_CACHE));
    {
        g_autofree char *nodir = tmp("no/such/dir.img");
        checkInt("save.save-nodir", virDomainSave(dom, nodir));
    }

    /* Broken images. */
    {
        static const char magic[] = "TestGuestMagic";
        static const char wrong[] = "NotAGuestMagic";
        g_autofree char *p = NULL;
        unsigned char buf[64];
        int32_t n;

        checkInt("save.restore-missing", virDomainRestore(conn, missing));
        writeFile("short.img", "TestGuest", 9);
        p = tmp("short.img");
        checkInt("save.restore-short", virDomainRestore(conn, p));
        g_clear_pointer(&p, g_free);

        memcpy(buf, wrong, 15);
        n = 4;
        memcpy(buf + 15, &n, 4);
        memcpy(buf + 19, "<a/>", 4);
        writeFile("magic.img", buf, 23);
        p = tmp("magic.img");
        checkInt("save.restore-magic", virDomainRestore(conn, p));
        g_clear_pointer(&p, g_free);

        memcpy(buf, magic, 15);
        buf[15] = 1;
        buf[16] = 2;
        writeFile("nolen.img", buf, 17);
        p = tmp("nolen.img");
        checkInt("save.restore-nolen", virDomainRestore(conn, p));
        g_clear_pointer(&p, g_free);

        n = 0;
        memcpy(buf + 15, &n, 4);
        writeFile("len0.img", buf, 19);
        p = tmp("len0.img");
        checkInt("save.restore-len0", virDomainRestore(conn, p));
        g_clear_pointer(&p, g_free);

        n = 8193;
        memcpy(buf + 15, &n, 4);
        writeFile("len-big.img", buf, 19);
        p = tmp("len-big.img");
        checkInt("save.restore-lenbig", virDomainRestore(conn, p));
        g_clear_pointer(&p, g_free);

        n = 100;
        memcpy(buf + 15, &n, 4);
        memcpy(buf + 19, "<dom", 4);
        writeFile("cut.img", buf, 23);
        p = tmp("cut.img");
        checkInt("save.restore-cut", virDomainRestore(conn, p));
        g_clear_pointer(&p, g_free);

        n = 7;
        memcpy(buf + 15, &n, 4);
        memcpy(buf + 19, "<domain", 7);
        writeFile("badxml.img", buf, 26);
        p = tmp("badxml.img");
        checkInt("save.restore-badxml", virDomainRestore(conn, p));
        g_clear_pointer(&p, g_free);

        checkStr("save.getxml-missing",
                 virDomainSaveImageGetXMLDesc(conn, missing, 0));
        p = tmp("magic.img");
        checkStr("save.getxml-magic", virDomainSaveImageGetXMLDesc(conn, p, 0));
        g_clear_pointer(&p, g_free);
    }

    /* Changing the domain an image holds. */
    virDomainSave(dom, c);
    drain("save.c.events");
    x = virDomainSaveImageGetXMLDesc(conn, c, 0);
    xsmall = replaceAll(x ? x : "", "2097152", "1048576");
    checkInt("save.define", virDomainSaveImageDefineXML(conn, c, xsmall, 0));
    checkXML("save-image-defined", virDomainSaveImageGetXMLDesc(conn, c, 0));
    checkInt("save.define-flags",
             virDomainSaveImageDefineXML(conn, c, x, VIR_DOMAIN_SAVE_RUNNING));
    checkInt("save.define-badflag",
             virDomainSaveImageDefineXML(conn, c, x,
                                         VIR_DOMAIN_SAVE_BYPASS_CACHE));
    checkInt("save.define-badxml",
             virDomainSaveImageDefineXML(conn, c, "<domain", 0));
    checkInt("save.define-noname",
             virDomainSaveImageDefineXML(conn, c, "<domain type='test'/>", 0));
    checkInt("save.define-missing",
             virDomainSaveImageDefineXML(conn, missing, x, 0));
    free(g_steal_pointer(&x));
    checkInt("save.restore-defined", virDomainRestore(conn, c));
    drain("save.restore-defined.events");
    {
        virDomainPtr fresh = virDomainLookupByName(conn, "test");
        checkInfo("save.restore-defined.info", fresh);
        virDomainFree(fresh);
    }

    /* A transient domain goes away when saved and comes back transient. */
    tr = virDomainCreateXML(conn,
                            "<domain type='test'><name>tr</name>"
                            "<uuid>11111111-2222-3333-4444-999999999999</uuid>"
                            "<memory>1024</memory><os><type>hvm</type></os>"
                            "</domain>", 0);
    drain("save.tr.create.events");
    {
        g_autofree char *trimg = tmp("tr.img");
        virDomainPtr fresh;

        checkInt("save.tr.save", virDomainSave(tr, trimg));
        drain("save.tr.save.events");
        if (!(fresh = virDomainLookupByName(conn, "tr")))
            checkErr("save.tr.gone");
        else
            ok(0, "save.tr.gone: still there");
        checkInt("save.tr.restore", virDomainRestore(conn, trimg));
        drain("save.tr.restore.events");
        checkState("save.tr.state", conn, "tr");
        fresh = virDomainLookupByName(conn, "tr");
        checkInt("save.tr.persistent", virDomainIsPersistent(fresh));
        checkXML("save-tr-restored", virDomainGetXMLDesc(fresh, 0));
        checkInt("save.tr.restore-dup", virDomainRestore(conn, trimg));
        virDomainDestroy(fresh);
        virDomainFree(fresh);
        drain("save.tr.destroy.events");
    }
    virDomainFree(tr);

    /* A relative path names a file in the caller's directory. */
    cwd = g_get_current_dir();
    virDomainFree(dom);
    dom = virDomainLookupByName(conn, "test");
    if (chdir(tmpdir) == 0) {
        checkInt("save.relative", virDomainSave(dom, "rel.img"));
        drain("save.relative.events");
        if (chdir(cwd) < 0)
            ok(0, "chdir back: %s", g_strerror(errno));
    }
    checkBool("save.relative.exists", tmpExists("rel.img"));
    {
        g_autofree char *rel = tmp("rel.img");
        checkInt("save.relative.restore", virDomainRestore(conn, rel));
        drain("save.relative.restore.events");
    }

    /* Core dumps: only the magic is written. */
    virDomainFree(dom);
    dom = virDomainLookupByName(conn, "test");
    {
        g_autofree char *core = tmp("core");
        g_autofree char *core2 = tmp("core2");
        g_autofree char *core3 = tmp("core3");
        g_autofree char *nocore = tmp("no/core");
        g_autofree char *core4 = tmp("core4");
        g_autofree char *core5 = tmp("core5");

        checkInt("dump.dump", virDomainCoreDump(dom, core, 0));
        checkFileHex("dump.content", "core");
        checkState("dump.state", conn, "test");
        checkInt("dump.kdump",
                 virDomainCoreDumpWithFormat(dom, core2,
                                             VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_ZLIB,
                                             0));
        checkBool("dump.kdump.written", tmpExists("core2"));
        checkInt("dump.badflag", virDomainCoreDump(dom, core3, VIR_DUMP_LIVE));
        checkInt("dump.nodir", virDomainCoreDump(dom, nocore, 0));
        checkInt("dump.crash", virDomainCoreDump(dom, core4, VIR_DUMP_CRASH));
        drain("dump.crash.events");
        checkState("dump.crash.state", conn, "test");
        checkInt("dump.off", virDomainCoreDump(dom, core5, 0));
    }
    virDomainCreate(dom);
    drain("dump.create.events");
    virDomainFree(dom);
}


/* ---- managed save ---- */

static void
scenarioManagedSave(virConnectPtr conn)
{
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainPtr *list = NULL;
    int n;

    checkInt("ms.badflag",
             virDomainManagedSave(dom, VIR_DOMAIN_SAVE_RESET_NVRAM));
    checkInt("ms.has-badflag", virDomainHasManagedSaveImage(dom, 1));
    checkInt("ms.remove-badflag", virDomainManagedSaveRemove(dom, 1));
    checkInt("ms.save", virDomainManagedSave(dom, VIR_DOMAIN_SAVE_PAUSED));
    drain("ms.save.events");
    if ((n = virConnectListAllDomains(conn, &list,
                                      VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE)) < 0) {
        checkErr("ms.list");
    } else {
        char **names = g_new0(char *, n + 1);
        g_autofree char *joined = NULL;
        int i;

        for (i = 0; i < n; i++) {
            names[i] = strdup(virDomainGetName(list[i]));
            virDomainFree(list[i]);
        }
        free(list);
        joined = joinSorted(names, n, ",", true);
        g_free(names);
        check("ms.list", joined);
    }
    checkInt("ms.undefine", virDomainUndefineFlags(dom, 0));
    checkInt("ms.undefine-nvram",
             virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_NVRAM));
    checkInt("ms.undefine-managed",
             virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE));
    drain("ms.undefine-managed.events");
    if (!virDomainLookupByName(conn, "test"))
        checkErr("ms.gone");
    else
        ok(0, "ms.gone: still there");
    virDomainFree(dom);
}


/* ---- vcpus and memory ---- */

#define VCPU_XML \
    "<domain type='test'><name>vc</name>" \
    "<uuid>11111111-2222-3333-4444-888888888888</uuid>" \
    "<memory>1048576</memory><currentMemory>524288</currentMemory>" \
    "<maxMemory slots='2'>2097152</maxMemory>" \
    "<vcpu cpuset='1-3' current='2'>4</vcpu>" \
    "<cputune><shares>100</shares>" \
    "<vcpupin vcpu='3' cpuset='5'/><emulatorpin cpuset='1'/>" \
    "</cputune><os><type>hvm</type></os></domain>"

static void
checkMemInfo(const char *key, virDomainPtr dom, int ret)
{
    if (ret < 0)
        checkErr(key);
    else
        checkInfo(key, dom);
}


static void
scenarioVcpus(virConnectPtr conn)
{
    const unsigned int L = VIR_DOMAIN_AFFECT_LIVE;
    const unsigned int C = VIR_DOMAIN_AFFECT_CONFIG;
    const unsigned int M = VIR_DOMAIN_VCPU_MAXIMUM;
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainPtr v;

    checkVcpus("vcpu.test.vcpus", dom);
    {
        virVcpuInfo info[2];
        unsigned char maps[2];
        int n = virDomainGetVcpus(dom, info, 2, maps, 1);
        double when = (double)info[0].cpuTime / 1e5;

        checkBool("vcpu.test.time",
                  n > 0 && ABS(when - (double)time(NULL)) < 60);
    }
    checkPinInfo("vcpu.test.pininfo", dom, 0);
    checkPinInfo("vcpu.test.pininfo-config", dom, C);
    checkCounts("vcpu.test.counts", dom);
    checkInt("vcpu.test.set1", virDomainSetVcpus(dom, 1));
    checkVcpus("vcpu.test.set1.vcpus", dom);
    checkCounts("vcpu.test.set1.counts", dom);
    checkInt("vcpu.test.set3", virDomainSetVcpus(dom, 3));
    checkInt("vcpu.test.set33", virDomainSetVcpus(dom, 33));
    checkInt("vcpu.test.set0", virDomainSetVcpus(dom, 0));
    checkInt("vcpu.test.max-live", virDomainSetVcpusFlags(dom, 4, L | M));
    checkInt("vcpu.test.max-config", virDomainSetVcpusFlags(dom, 4, C | M));
    checkCounts("vcpu.test.max-config.counts", dom);
    checkInt("vcpu.test.max-both", virDomainSetVcpusFlags(dom, 2, L | C | M));
    checkCounts("vcpu.test.max-both.counts", dom);
    checkInt("vcpu.test.config3", virDomainSetVcpusFlags(dom, 3, C));
    checkInt("vcpu.test.config5", virDomainSetVcpusFlags(dom, 5, C));
    checkInt("vcpu.test.both2", virDomainSetVcpusFlags(dom, 2, L | C));
    checkCounts("vcpu.test.both.counts", dom);
    checkInt("vcpu.test.badflag",
             virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_VCPU_GUEST));
    checkXML("vcpu-test-live", virDomainGetXMLDesc(dom, 0));
    checkXML("vcpu-test-config",
             virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    checkInt("vcpu.test.pin0", pinVcpu(dom, 0, "101", 0));
    checkInt("vcpu.test.pin5", pinVcpu(dom, 5, "1", 0));
    checkInt("vcpu.test.pin-flags", pinVcpu(dom, 0, "1", C));
    checkVcpus("vcpu.test.pin.vcpus", dom);
    checkPinInfo("vcpu.test.pin.pininfo", dom, 0);
    checkPinInfo("vcpu.test.pin.pininfo-config", dom, C);
    checkInt("vcpu.test.pin1-empty", pinVcpu(dom, 1, "00", 0));
    checkVcpus("vcpu.test.pin1.vcpus", dom);
    checkXML("vcpu-test-pinned", virDomainGetXMLDesc(dom, 0));
    checkInt("vcpu.test.maxvcpus", virDomainGetMaxVcpus(dom));
    checkEmulatorPin("vcpu.test.emulator", dom);
    checkInt("vcpu.test.pin-emulator", pinEmulator(dom, "01"));
    checkInt("vcpu.test.pin-emulator-empty", pinEmulator(dom, "0"));
    checkEmulatorPin("vcpu.test.emulator-after", dom);
    checkXML("vcpu-test-emulator", virDomainGetXMLDesc(dom, 0));

    v = virDomainDefineXML(conn, VCPU_XML);
    checkXML("vcpu-vc-defined", virDomainGetXMLDesc(v, 0));
    {
        virVcpuInfo info[4];
        checkInt("vcpu.vc.vcpus-off", virDomainGetVcpus(v, info, 4, NULL, 0));
    }
    checkPinInfo("vcpu.vc.pininfo-off", v, 0);
    checkPinInfo("vcpu.vc.pininfo-off-live", v, L);
    checkInt("vcpu.vc.pin-off", pinVcpu(v, 0, "1", 0));
    checkInt("vcpu.vc.set-off", virDomainSetVcpus(v, 1));
    checkInt("vcpu.vc.maxvcpus-off", virDomainGetMaxVcpus(v));
    checkCounts("vcpu.vc.counts-off", v);
    checkEmulatorPin("vcpu.vc.emulator-off", v);
    virDomainCreate(v);
    checkVcpus("vcpu.vc.vcpus", v);
    checkPinInfo("vcpu.vc.pininfo", v, 0);
    checkInt("vcpu.vc.pin3", pinVcpu(v, 3, "1", 0));
    checkInt("vcpu.vc.set4", virDomainSetVcpus(v, 4));
    checkInt("vcpu.vc.pin3-again", pinVcpu(v, 3, "01111", 0));
    checkInt("vcpu.vc.pin0", pinVcpu(v, 0, "001", 0));
    checkInt("vcpu.vc.set1", virDomainSetVcpus(v, 1));
    checkXML("vcpu-vc-live", virDomainGetXMLDesc(v, 0));
    checkPinInfo("vcpu.vc.pininfo-after", v, 0);
    checkInt("vcpu.vc.max-lower", virDomainSetVcpusFlags(v, 1, C | M));
    checkXML("vcpu-vc-config", virDomainGetXMLDesc(v, VIR_DOMAIN_XML_INACTIVE));
    checkInt("vcpu.vc.max-raise", virDomainSetVcpusFlags(v, 6, C | M));
    checkCounts("vcpu.vc.counts", v);
    virDomainDestroy(v);

    /* Memory sizes, shut off so the maximum can change. */
    checkMemInfo("mem.vc.setmax-lower", v, virDomainSetMaxMemory(v, 262144));
    checkInt("mem.vc.setmax-over", virDomainSetMaxMemory(v, 4194304));
    checkMemInfo("mem.vc.setmem", v, virDomainSetMemoryFlags(v, 100000, C));
    checkInt("mem.vc.setmem-over", virDomainSetMemoryFlags(v, 300000, C));
    checkInt("mem.vc.setmem-live", virDomainSetMemoryFlags(v, 1000, L));
    checkMemInfo("mem.vc.setmax-raise", v, virDomainSetMaxMemory(v, 2097152));
    checkInt("mem.vc.undefine", virDomainUndefine(v));
    virDomainFree(v);
    virDomainFree(dom);
}


/* ---- the guest ---- */

static void
checkTime(const char *key, virDomainPtr dom)
{
    long long secs;
    unsigned int nsecs;

    if (virDomainGetTime(dom, &secs, &nsecs, 0) < 0)
        checkErr(key);
    else
        checkf(key, "%lld %u", secs, nsecs);
}


static void
checkControl(const char *key, virDomainPtr dom, unsigned int flags)
{
    virDomainControlInfo info;

    if (virDomainGetControlInfo(dom, &info, flags) < 0)
        checkErr(key);
    else
        checkf(key, "%u %u %llu", info.state, info.details, info.stateTime);
}


static int
freeze(virDomainPtr dom, const char *a, const char *b, const char *c,
       bool thaw)
{
    const char *mounts[3];
    unsigned int n = 0;

    if (a)
        mounts[n++] = a;
    if (b)
        mounts[n++] = b;
    if (c)
        mounts[n++] = c;
    if (thaw)
        return virDomainFSThaw(dom, n ? mounts : NULL, n, 0);
    return virDomainFSFreeze(dom, n ? mounts : NULL, n, 0);
}


static void
checkFSInfo(const char *key, virDomainPtr dom, bool count)
{
    virDomainFSInfoPtr *info = NULL;
    g_autoptr(GString) out = g_string_new(NULL);
    int n = virDomainGetFSInfo(dom, &info, 0);
    int i;

    if (n < 0) {
        checkErr(key);
        return;
    }
    for (i = 0; i < n; i++) {
        size_t j;

        if (out->len)
            g_string_append_c(out, ' ');
        g_string_append_printf(out, "%s:%s:%s:", info[i]->mountpoint,
                               info[i]->name, info[i]->fstype);
        for (j = 0; j < info[i]->ndevAlias; j++)
            g_string_append_printf(out, "%s%s", j ? "," : "",
                                   info[i]->devAlias[j]);
        virDomainFSInfoFree(info[i]);
    }
    free(info);
    if (count)
        checkf(key, "%d", n);
    else
        check(key, out->str);
}


static void
checkDiskErrors(const char *key, virDomainPtr dom)
{
    virDomainDiskError errs[8];
    g_autoptr(GString) out = g_string_new(NULL);
    int n = virDomainGetDiskErrors(dom, NULL, 0, 0);
    int i;

    if (n < 0 || (n = virDomainGetDiskErrors(dom, errs, n, 0)) < 0) {
        checkErr(key);
        return;
    }
    for (i = 0; i < n; i++) {
        g_string_append_printf(out, "%s%s:%d", i ? " " : "", errs[i].disk,
                               errs[i].error);
        free(errs[i].disk);
    }
    check(key, out->str);
}


static void
checkPeek(const char *key, virDomainPtr dom, unsigned long long start,
          size_t size, unsigned int flags)
{
    unsigned char buf[16];
    g_autofree char *hex = NULL;

    if (virDomainMemoryPeek(dom, start, size, buf, flags) < 0) {
        checkErr(key);
        return;
    }
    hex = hexText(buf, size);
    check(key, hex);
}


static void
checkMessages(const char *key, virDomainPtr dom, unsigned int flags)
{
    char **msgs = NULL;
    int n = virDomainGetMessages(dom, &msgs, flags);
    int i;

    if (n < 0) {
        checkErr(key);
        return;
    }
    for (i = 0; i < n; i++)
        free(msgs[i]);
    free(msgs);
    checkf(key, "%s", n ? "(messages)" : "");
}


static void
scenarioGuest(virConnectPtr conn)
{
    const unsigned int L = VIR_DOMAIN_AFFECT_LIVE;
    const unsigned int C = VIR_DOMAIN_AFFECT_CONFIG;
    static const long long seconds[] = { 5, 20000, 35001, 35002, 35003,
                                         35004, 70000 };
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainPtr o;
    virDomainPtr tr;
    size_t i;

    checkStr("guest.hostname", virDomainGetHostname(dom, 0));
    checkStr("guest.hostname-badflag", virDomainGetHostname(dom, 1));
    checkTime("guest.time", dom);
    checkControl("guest.control", dom, 0);
    for (i = 0; i < G_N_ELEMENTS(seconds); i++) {
        g_autofree char *k1 = g_strdup_printf("guest.settime-%lld", seconds[i]);
        g_autofree char *k2 = g_strdup_printf("guest.control-%lld", seconds[i]);

        checkInt(k1, virDomainSetTime(dom, seconds[i], 7, 0));
        checkControl(k2, dom, 0);
    }
    checkTime("guest.time-after", dom);
    checkInt("guest.settime-sync",
             virDomainSetTime(dom, 0, 0, VIR_DOMAIN_TIME_SYNC));
    checkTime("guest.time-sync", dom);
    checkControl("guest.control-badflag", dom, 1);
    checkInt("guest.nmi", virDomainInjectNMI(dom, 0));
    checkInt("guest.nmi-badflag", virDomainInjectNMI(dom, 1));
    checkInt("guest.signal", virDomainSendProcessSignal(dom, 1, 9, 0));
    checkInt("guest.signal-pid", virDomainSendProcessSignal(dom, 2, 9, 0));
    checkInt("guest.signal-num", virDomainSendProcessSignal(dom, 1, 65, 0));
    checkInt("guest.password", virDomainSetUserPassword(dom, "root", "pw", 0));
    checkInt("guest.password-enc",
             virDomainSetUserPassword(dom, "root", "pw",
                                      VIR_DOMAIN_PASSWORD_ENCRYPTED));
    checkInt("guest.freeze", freeze(dom, NULL, NULL, NULL, false));
    checkInt("guest.freeze-again", freeze(dom, NULL, NULL, NULL, false));
    checkInt("guest.thaw-boot", freeze(dom, "/boot", NULL, NULL, true));
    checkInt("guest.freeze-list", freeze(dom, "/boot", "/", "/boot", false));
    checkInt("guest.thaw-bad", freeze(dom, "/", "/x", NULL, true));
    checkInt("guest.thaw", freeze(dom, NULL, NULL, NULL, true));
    checkInt("guest.thaw-again", freeze(dom, NULL, NULL, NULL, true));
    checkFSInfo("guest.fsinfo", dom, false);
    checkDiskErrors("guest.diskerrors", dom);
    checkPeek("guest.peek", dom, 250, 10, VIR_MEMORY_VIRTUAL);
    checkPeek("guest.peek-phys", dom, 0, 3, VIR_MEMORY_PHYSICAL);
    checkMessages("guest.messages", dom, 0);
    checkMessages("guest.messages-flags", dom,
                  VIR_DOMAIN_MESSAGE_DEPRECATION | VIR_DOMAIN_MESSAGE_TAINTING);
    checkInt("guest.lifecycle-coredump",
             virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_POWEROFF,
                                         VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY,
                                         0));
    checkInt("guest.lifecycle-crash",
             virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_CRASH,
                                         VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART,
                                         0));
    checkInt("guest.lifecycle-reboot",
             virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_REBOOT,
                                         VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE,
                                         L | C));
    checkInt("guest.lifecycle-badflag",
             virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_REBOOT,
                                         VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE,
                                         4));
    checkInt("guest.period", virDomainSetMemoryStatsPeriod(dom, 5, 0));
    checkInt("guest.period-config", virDomainSetMemoryStatsPeriod(dom, 7, C));
    checkXML("guest-live", virDomainGetXMLDesc(dom, 0));
    checkXML("guest-config", virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    checkInt("guest.rename-running", virDomainRename(dom, "t2", 0));

    virDomainDestroy(dom);
    drain("guest.destroy.events");
    {
        virDomainControlInfo info;
        virDomainFSInfoPtr *fs = NULL;
        virDomainDiskError errs[4];
        unsigned char buf[4];

        checkStr("guest.off.hostname", virDomainGetHostname(dom, 0));
        checkInt("guest.off.settime", virDomainSetTime(dom, 1, 0, 0));
        checkInt("guest.off.control", virDomainGetControlInfo(dom, &info, 0));
        checkInt("guest.off.nmi", virDomainInjectNMI(dom, 0));
        checkInt("guest.off.signal", virDomainSendProcessSignal(dom, 1, 1, 0));
        checkInt("guest.off.password",
                 virDomainSetUserPassword(dom, "a", "b", 0));
        checkInt("guest.off.freeze", freeze(dom, NULL, NULL, NULL, false));
        checkInt("guest.off.thaw", freeze(dom, NULL, NULL, NULL, true));
        checkInt("guest.off.fsinfo", virDomainGetFSInfo(dom, &fs, 0));
        checkInt("guest.off.diskerrors",
                 virDomainGetDiskErrors(dom, errs, 4, 0));
        checkInt("guest.off.peek",
                 virDomainMemoryPeek(dom, 0, 4, buf, VIR_MEMORY_VIRTUAL));
        checkInt("guest.off.period", virDomainSetMemoryStatsPeriod(dom, 3, 0));
        checkInt("guest.off.period-live",
                 virDomainSetMemoryStatsPeriod(dom, 3, L));
        checkInt("guest.off.lifecycle",
                 virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_POWEROFF,
                                             VIR_DOMAIN_LIFECYCLE_ACTION_RESTART,
                                             0));
        checkInt("guest.off.lifecycle-live",
                 virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_POWEROFF,
                                             VIR_DOMAIN_LIFECYCLE_ACTION_RESTART,
                                             L));
    }
    checkXML("guest-off", virDomainGetXMLDesc(dom, 0));

    /* Renaming a shut-off domain. */
    o = virDomainDefineXML(conn, "<domain type='test'><name>o</name>"
                           "<uuid>11111111-2222-3333-4444-aaaaaaaaaaaa</uuid>"
                           "<memory>1024</memory><os><type>hvm</type></os>"
                           "</domain>");
    drain("guest.define-o.events");
    checkInt("guest.rename", virDomainRename(dom, "t2", 0));
    drain("guest.rename.events");
    {
        virDomainPtr t2 = virDomainLookupByName(conn, "t2");
        char uuid[VIR_UUID_STRING_BUFLEN];

        if (!t2 || virDomainGetUUIDString(t2, uuid) < 0)
            checkErr("guest.rename.lookup");
        else
            check("guest.rename.lookup", uuid);
        if (!virDomainLookupByName(conn, "test"))
            checkErr("guest.rename.old");
        else
            ok(0, "guest.rename.old: still there");
        checkInt("guest.rename-same", virDomainRename(t2, "t2", 0));
        checkInt("guest.rename-taken", virDomainRename(t2, "o", 0));
        checkInt("guest.rename-slash", virDomainRename(t2, "a/b", 0));
        checkInt("guest.rename-badflag", virDomainRename(t2, "q", 1));
        if (t2)
            virDomainFree(t2);
    }
    checkInt("guest.period-noballoon", virDomainSetMemoryStatsPeriod(o, 3, 0));
    tr = virDomainCreateXML(conn, "<domain type='test'><name>tr</name>"
                            "<uuid>11111111-2222-3333-4444-999999999999</uuid>"
                            "<memory>1024</memory><os><type>hvm</type></os>"
                            "<devices><disk type='file' device='cdrom'>"
                            "<target dev='hdc'/></disk></devices></domain>", 0);
    drain("guest.tr.events");
    checkFSInfo("guest.tr.fsinfo", tr, true);
    checkDiskErrors("guest.tr.diskerrors", tr);
    checkInt("guest.tr.rename", virDomainRename(tr, "tr2", 0));
    checkInt("guest.tr.lifecycle-config",
             virDomainSetLifecycleAction(tr, VIR_DOMAIN_LIFECYCLE_POWEROFF,
                                         VIR_DOMAIN_LIFECYCLE_ACTION_RESTART,
                                         C));
    virDomainDestroy(tr);
    drain("guest.tr.destroy.events");
    virDomainFree(tr);
    virDomainFree(o);
    virDomainFree(dom);
}


/* ---- host CPU statistics and free pages ---- */

static void
checkCPUStats(const char *key, virConnectPtr conn, int want, unsigned int flags)
{
    virNodeCPUStats stats[6];
    g_autoptr(GString) out = g_string_new(NULL);
    int n = want;
    int i;

    if (virNodeGetCPUStats(conn, flags ? 0 : 3, stats, &n, flags) < 0) {
        checkErr(key);
        return;
    }
    for (i = 0; i < n; i++)
        g_string_append_printf(out, "%s%s=%llu", i ? " " : "", stats[i].field,
                               stats[i].value);
    check(key, out->str);
}


static void
checkFreePages(const char *key, virConnectPtr conn, int start,
               unsigned int ncells, unsigned int flags)
{
    unsigned int pages[3] = { 4, 2048, 1048576 };
    unsigned long long counts[12] = { 0 };
    g_autoptr(GString) out = g_string_new(NULL);
    int r = virNodeGetFreePages(conn, 3, pages, start, ncells, counts, flags);
    size_t i;

    if (r < 0) {
        checkErr(key);
        return;
    }
    g_string_append_printf(out, "%d:", r);
    for (i = 0; i < G_N_ELEMENTS(counts); i++)
        g_string_append_printf(out, " %llu", counts[i]);
    check(key, out->str);
}


/* "name:active" for every host interface, sorted by name. */
static void
checkIfaces(const char *key, virConnectPtr conn)
{
    virInterfacePtr *list = NULL;
    int n = virConnectListAllInterfaces(conn, &list, 0);
    char **names;
    g_autofree char *joined = NULL;
    int i;

    if (n < 0) {
        checkErr(key);
        return;
    }
    names = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        char *text = g_strdup_printf("%s:%d", virInterfaceGetName(list[i]),
                                     virInterfaceIsActive(list[i]));

        names[i] = strdup(text);
        g_free(text);
        virInterfaceFree(list[i]);
    }
    free(list);
    joined = joinSorted(names, n, " ", true);
    g_free(names);
    check(key, joined);
}


static void
checkIfaceDefine(const char *key, virConnectPtr conn, const char *xml)
{
    virInterfacePtr iface = virInterfaceDefineXML(conn, xml, 0);

    if (!iface) {
        checkErr(key);
        return;
    }
    check(key, virInterfaceGetName(iface));
    virInterfaceFree(iface);
}


static void
scenarioInterfaceChanges(virConnectPtr conn)
{
    const char *x = "<interface type='ethernet' name='eth9'>"
                    "<mac address='aa:bb:cc:dd:ee:01'/></interface>";
    virInterfacePtr eth9;

    checkInt("iface.commit-none", virInterfaceChangeCommit(conn, 0));
    checkInt("iface.rollback-none", virInterfaceChangeRollback(conn, 0));
    checkInt("iface.begin", virInterfaceChangeBegin(conn, 0));
    checkInt("iface.begin-again", virInterfaceChangeBegin(conn, 0));
    checkInt("iface.begin-badflag", virInterfaceChangeBegin(conn, 1));
    checkIfaceDefine("iface.define", conn, x);
    checkIfaces("iface.list", conn);
    checkInt("iface.rollback", virInterfaceChangeRollback(conn, 0));
    checkIfaces("iface.rollback.list", conn);
    checkInt("iface.rollback-again", virInterfaceChangeRollback(conn, 0));
    checkInt("iface.begin2", virInterfaceChangeBegin(conn, 0));
    checkIfaceDefine("iface.define2", conn, x);
    checkInt("iface.commit-badflag", virInterfaceChangeCommit(conn, 1));
    checkInt("iface.commit", virInterfaceChangeCommit(conn, 0));
    checkIfaces("iface.commit.list", conn);
    eth9 = virInterfaceLookupByName(conn, "eth9");
    checkInt("iface.eth9.create", virInterfaceCreate(eth9, 0));
    checkInt("iface.begin3", virInterfaceChangeBegin(conn, 0));
    checkInt("iface.undefine", virInterfaceUndefine(eth9));
    checkInt("iface.rollback-badflag", virInterfaceChangeRollback(conn, 1));
    checkInt("iface.rollback3", virInterfaceChangeRollback(conn, 0));
    checkIfaces("iface.rollback3.list", conn);
    virInterfaceFree(eth9);
    eth9 = virInterfaceLookupByName(conn, "eth9");
    checkXML("iface-eth9", eth9 ? virInterfaceGetXMLDesc(eth9, 0) : NULL);
    if (eth9)
        virInterfaceFree(eth9);
}


static void
scenarioHost(virConnectPtr conn)
{
    unsigned char *map = NULL;
    unsigned int online = 0;
    int n = 0;
    int r;

    r = virNodeGetCPUStats(conn, -1, NULL, &n, 0);
    checkf("host.cpustats-count", "%d %d", r, n);
    checkCPUStats("host.cpustats-4", conn, 4, 0);
    checkCPUStats("host.cpustats-2", conn, 2, 0);
    checkCPUStats("host.cpustats-6", conn, 6, 0);
    checkCPUStats("host.cpustats-badflag", conn, 4, 1);
    checkFreePages("host.freepages-0-2", conn, 0, 2, 0);
    checkFreePages("host.freepages-1-3", conn, 1, 3, 0);
    checkFreePages("host.freepages-badflag", conn, 0, 1, 1);
    if ((r = virNodeGetCPUMap(conn, &map, &online, 0)) < 0) {
        checkErr("host.cpumap");
    } else {
        g_autoptr(GString) out = g_string_new(NULL);
        int i;

        for (i = 0; i < r; i++)
            g_string_append_printf(out, "%s%s", i ? ", " : "",
                                   (map[i / 8] & (1 << (i % 8))) ? "True" : "False");
        checkf("host.cpumap", "%d [%s] %u", r, out->str, online);
        free(map);
    }
    checkInt("host.cpumap-badflag", virNodeGetCPUMap(conn, NULL, NULL, 1));
    scenarioInterfaceChanges(conn);
}


/* ---- snapshots ---- */

static void
scenarioSnapshotErrors(virDomainPtr dom)
{
    static const struct {
        const char *key;
        unsigned int flags;
        const char *body;
    } cases[] = {
        { "snap.disk-only", VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY, "" },
        { "snap.no-metadata", VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA, "" },
        { "snap.mem-nofile", 0, "<memory snapshot='external'/>" },
        { "snap.mem-file-internal", 0, "<memory snapshot='internal' file='/m'/>" },
        { "snap.mem-relative", 0, "<memory file='m'/>" },
        { "snap.mem-manual", 0, "<memory snapshot='manual'/>" },
        { "snap.mem-bad", 0, "<memory snapshot='bogus'/>" },
        { "snap.mem-external", 0, "<memory snapshot='external' file='/m'/>" },
        { "snap.disk-manual", 0,
          "<disks><disk name='vda' snapshot='manual'/></disks>" },
        { "snap.disk-external", 0,
          "<disks><disk name='vda'><source file='/x.qcow2'/></disk></disks>" },
        { "snap.disk-unknown", 0, "<disks><disk name='vdz'/></disks>" },
        { "snap.disk-twice", 0,
          "<disks><disk name='vda'/><disk name='/guest/diskimage1'/></disks>" },
        { "snap.disk-noname", 0, "<disks><disk/></disks>" },
        { "snap.disk-no", 0, "<disks><disk name='vda' snapshot='no'/></disks>" },
        { "snap.disk-dir", 0, "<disks><disk name='vda' type='dir'/></disks>" },
        { "snap.disk-driver", 0,
          "<disks><disk name='vda'><driver type='bogus'/></disk></disks>" },
        { "snap.disk-relative", 0,
          "<disks><disk name='vda'><source file='r.img'/></disk></disks>" },
        { "snap.disk-default", 0,
          "<disks><disk name='vda' snapshot='default'/></disks>" },
        { "snap.too-many", 0,
          "<disks><disk name='vda'/><disk name='vdb'/></disks>" },
    };
    size_t i;

    checkSnapCreate("snap.dup", snapCreate(dom, "a", 0, ""));
    checkSnapCreate("snap.badxml",
                    virDomainSnapshotCreateXML(dom, "<domainsnapshot", 0));
    checkSnapCreate("snap.empty", virDomainSnapshotCreateXML(dom, "", 0));
    checkSnapCreate("snap.badroot", virDomainSnapshotCreateXML(dom, "<foo/>", 0));
    for (i = 0; i < G_N_ELEMENTS(cases); i++)
        checkSnapCreate(cases[i].key,
                        snapCreate(dom, "x", cases[i].flags, cases[i].body));
    checkSnapCreate("snap.x-gone", virDomainSnapshotLookupByName(dom, "x", 0));
}


static void
scenarioSnapshotNameless(virDomainPtr dom)
{
    virDomainSnapshotPtr s = virDomainSnapshotCreateXML(
        dom, "<domainsnapshot><disks><disk name=\"/guest/diskimage1\"/></disks>"
        "</domainsnapshot>", 0);
    g_autofree char *xml = NULL;
    g_autofree char *ctime = NULL;
    const char *name;

    if (!s) {
        checkErr("snap.nameless");
        return;
    }
    name = virDomainSnapshotGetName(s);
    xml = virDomainSnapshotGetXMLDesc(s, 0);
    ctime = extract(xml ? xml : "", "<creationTime>", "</creationTime>");
    {
        long long t = 0;
        bool parsed = sscanf(ctime, "<creationTime>%lld", &t) == 1;
        g_autofree char *stamp = g_strdup_printf("%lld", t);
        bool same = parsed && g_strcmp0(stamp, name) == 0;

        checkBool("snap.nameless", same && ABS(t - (long long)time(NULL)) < 60);
    }
    checkXML("snap-nameless", replaceAll(xml ? xml : "", name, "@NAME@"));
    checkInt("snap.nameless.delete", virDomainSnapshotDelete(s, 0));
    virDomainSnapshotFree(s);
}


static void
scenarioSnapshotLists(virDomainPtr dom)
{
    g_autofree char *cur = currentName(dom);
    int bit;

    check("snap.current", cur);
    checkInt("snap.num", virDomainSnapshotNum(dom, 0));
    checkSnapNames("snap.names", dom, 0, true);
    for (bit = 0; bit < 12; bit++) {
        unsigned int fl = 1U << bit;
        g_autofree char *k1 = g_strdup_printf("snap.num-%u", fl);
        g_autofree char *k2 = g_strdup_printf("snap.names-%u", fl);
        g_autofree char *k3 = g_strdup_printf("snap.all-%u", fl);

        checkInt(k1, virDomainSnapshotNum(dom, fl));
        checkSnapNames(k2, dom, fl, true);
        checkSnapAll(k3, dom, fl);
    }
    checkSnapNames("snap.names-topo", dom,
                   VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL, false);
    checkSnapNames("snap.names-roots-leaves", dom,
                   VIR_DOMAIN_SNAPSHOT_LIST_ROOTS |
                   VIR_DOMAIN_SNAPSHOT_LIST_LEAVES, true);
    checkSnapNames("snap.names-all-leaves", dom,
                   VIR_DOMAIN_SNAPSHOT_LIST_LEAVES |
                   VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES, true);
    checkSnapNames("snap.names-meta-both", dom,
                   VIR_DOMAIN_SNAPSHOT_LIST_METADATA |
                   VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA, true);
}


static void
scenarioSnapshotRevert(virConnectPtr conn, virDomainPtr dom,
                       virDomainSnapshotPtr b, virDomainSnapshotPtr cs)
{
    virDomainSnapshotPtr off = virDomainSnapshotLookupByName(dom, "off", 0);
    const struct {
        const char *name;
        virDomainSnapshotPtr snap;
        unsigned int flags;
    } steps[] = {
        { "off-from-off", off, 0 },
        { "b-from-off", b, 0 },
        { "off-from-running", off, 0 },
        { "off-paused", off, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED },
        { "off-running", off, VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING },
        { "c-from-off", cs, 0 },
        { "b-paused", b, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED },
        { "c-running", cs, VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING },
        { "b-force", b, VIR_DOMAIN_SNAPSHOT_REVERT_FORCE },
        { "b-badflag", b, VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(steps); i++) {
        g_autofree char *k = g_strdup_printf("snap.revert.%s", steps[i].name);
        g_autofree char *ke = g_strdup_printf("snap.revert.%s.events",
                                              steps[i].name);
        g_autofree char *ks = g_strdup_printf("snap.revert.%s.state",
                                              steps[i].name);

        checkInt(k, virDomainRevertToSnapshot(steps[i].snap, steps[i].flags));
        drain(ke);
        checkStateCur(ks, conn, dom);
    }
    checkXML("snap-reverted", virDomainGetXMLDesc(dom, 0));
    virDomainSnapshotFree(off);
}


static void
scenarioSnapshotRedefine(virDomainPtr dom)
{
    const unsigned int R = VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE;
    virDomainSnapshotPtr off = virDomainSnapshotLookupByName(dom, "off", 0);
    g_autofree char *offxml = virDomainSnapshotGetXMLDesc(off, 0);
    g_autofree char *cur = NULL;
    g_autofree char *newxml = NULL;
    g_autofree char *dompart = NULL;
    g_autofree char *fixed = NULL;
    g_autofree char *nodom = NULL;
    g_autofree char *tmpl = NULL;
    g_autofree char *parentless = NULL;
    char *x;

    checkSnapCreate("snap.redefine", virDomainSnapshotCreateXML(dom, offxml, R));
    cur = currentName(dom);
    check("snap.redefine.current", cur);
    checkSnapCreate("snap.redefine-current",
                    virDomainSnapshotCreateXML(dom, offxml,
                                               R | VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT));
    g_free(cur);
    cur = currentName(dom);
    check("snap.redefine-current.current", cur);

    newxml = replaceOnce(offxml, "<name>off</name>", "<name>r1</name>");
    checkSnapCreate("snap.redefine-new",
                    virDomainSnapshotCreateXML(dom, newxml, R));
    checkSnapXML("snap-r1", dom, "r1");
    {
        virDomainSnapshotPtr r1 = virDomainSnapshotLookupByName(dom, "r1", 0);
        checkParentName("snap.redefine-new.parent", r1);
        virDomainSnapshotFree(r1);
    }
    dompart = extract(offxml, "  <domain ", "</domain>\n");
    fixed = g_strdup_printf("<domainsnapshot><name>r2</name><state>running</state>"
                            "<parent><name>r1</name></parent>"
                            "<creationTime>12345</creationTime>"
                            "<description>kept</description>"
                            "<disks><disk name='vda'/></disks>%s"
                            "</domainsnapshot>", dompart);
    checkSnapCreate("snap.redefine-fixed",
                    virDomainSnapshotCreateXML(dom, fixed, R));
    checkSnapXML("snap-r2", dom, "r2");

    /* The same document under another name and parent. */
    parentless = cutOut(offxml, "<parent>", "</parent>", "%2$s");
    tmpl = replaceOnce(parentless, "<name>off</name>", "<name>%1$s</name>");
#define REDEF(key, name, parent) \
    do { \
        g_autofree char *t_ = replaceAll(tmpl, "%1$s", name); \
        g_autofree char *d_ = replaceAll(t_, "%2$s", parent); \
        checkSnapCreate(key, virDomainSnapshotCreateXML(dom, d_, R)); \
    } while (0)
    REDEF("snap.redefine-noparent", "r3", "<parent><name>nosuch</name></parent>");
    REDEF("snap.redefine-self", "r3", "<parent><name>r3</name></parent>");
    REDEF("snap.redefine-cycle", "r1", "<parent><name>r2</name></parent>");
#undef REDEF

    x = replaceAll(offxml, "<state>shutoff</state>", "<state>running</state>");
    checkSnapCreate("snap.redefine-online", virDomainSnapshotCreateXML(dom, x, R));
    g_free(x);
    x = replaceAll(offxml, "6695eb01-f6a4-8304-79aa-97f2502e193f",
                   "11111111-2222-3333-4444-555555555555");
    checkSnapCreate("snap.redefine-uuid", virDomainSnapshotCreateXML(dom, x, R));
    g_free(x);
    nodom = cutOut(offxml, "  <domain ", "</domain>\n", "");
    checkSnapCreate("snap.redefine-nodomain",
                    virDomainSnapshotCreateXML(dom, nodom, R));
    checkSnapXML("snap-off-nodomain", dom, "off");
    x = replaceOnce(nodom, "<name>off</name>", "<name>r4</name>");
    checkSnapCreate("snap.redefine-nodomain-new",
                    virDomainSnapshotCreateXML(dom, x, R));
    g_free(x);
    x = replaceAll(offxml, "shutoff", "bogus");
    checkSnapCreate("snap.redefine-badstate", virDomainSnapshotCreateXML(dom, x, R));
    g_free(x);
    x = replaceAll(offxml, "<state>shutoff</state>", "");
    checkSnapCreate("snap.redefine-nostate", virDomainSnapshotCreateXML(dom, x, R));
    g_free(x);
    x = replaceOnce(offxml, "<name>off</name>", "");
    checkSnapCreate("snap.redefine-noname", virDomainSnapshotCreateXML(dom, x, R));
    g_free(x);
    x = cutOut(offxml, "<creationTime>", "</creationTime>", "");
    checkSnapCreate("snap.redefine-notime", virDomainSnapshotCreateXML(dom, x, R));
    g_free(x);
    x = replaceAll(offxml, "<memory snapshot='no'/>",
                   "<memory snapshot='internal'/>");
    checkSnapCreate("snap.redefine-memory", virDomainSnapshotCreateXML(dom, x, R));
    g_free(x);
    {
        g_autofree char *inactive1 = replaceAll(dompart, "<domain ",
                                                "<inactiveDomain ");
        g_autofree char *inactive = replaceAll(inactive1, "</domain>",
                                               "</inactiveDomain>");
        g_autofree char *tail = g_strdup_printf("%s</domainsnapshot>", inactive);
        g_autofree char *with = replaceAll(offxml, "</domainsnapshot>", tail);

        x = replaceOnce(with, "<name>off</name>", "<name>r5</name>");
        checkSnapCreate("snap.redefine-inactive",
                        virDomainSnapshotCreateXML(dom, x, R));
        g_free(x);
        checkSnapXML("snap-r5", dom, "r5");
    }
    virDomainSnapshotFree(off);
}


static void
scenarioSnapshots(virConnectPtr conn)
{
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainSnapshotPtr a, b, cs;
    g_autofree char *cur = currentName(dom);
    static const unsigned int childFlags[] = {
        0, VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS,
        VIR_DOMAIN_SNAPSHOT_LIST_LEAVES,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_LEAVES,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS |
        VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL,
        VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES,
        VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE,
        VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA,
    };
    size_t i;

    checkInt("snap.none.num", virDomainSnapshotNum(dom, 0));
    check("snap.none.current", cur);
    checkInt("snap.none.has", virDomainHasCurrentSnapshot(dom, 0));
    checkSnapCreate("snap.none.lookup", virDomainSnapshotLookupByName(dom, "a", 0));

    checkSnapCreate("snap.a", snapCreate(dom, "a", 0,
                                         "<description>first &amp; \"one\"</description>"));
    checkSnapXML("snap-a", dom, "a");
    a = virDomainSnapshotLookupByName(dom, "a", 0);
    {
        char *one = virDomainSnapshotGetXMLDesc(a, VIR_DOMAIN_SNAPSHOT_XML_SECURE);
        char *two = virDomainSnapshotGetXMLDesc(a, 0);

        checkBool("snap.a.secure", one && g_strcmp0(one, two) == 0);
        free(one);
        free(two);
    }
    checkStr("snap.a.xml-badflag", virDomainSnapshotGetXMLDesc(a, 2));
    checkSnapCreate("snap.b", snapCreate(dom, "b", 0, ""));
    virDomainSuspend(dom);
    drain("snap.suspend.events");
    checkSnapCreate("snap.c-paused", snapCreate(dom, "c", 0, ""));
    checkSnapXML("snap-c", dom, "c");
    virDomainResume(dom);
    drain("snap.resume.events");

    scenarioSnapshotErrors(dom);
    scenarioSnapshotNameless(dom);
    scenarioSnapshotLists(dom);

    b = virDomainSnapshotLookupByName(dom, "b", 0);
    cs = virDomainSnapshotLookupByName(dom, "c", 0);
    checkSnapCreate("snap.lookup-badflag", virDomainSnapshotLookupByName(dom, "a", 1));
    checkParentName("snap.parent.c", cs);
    checkSnapCreate("snap.parent.a", virDomainSnapshotGetParent(a, 0));
    checkSnapCreate("snap.parent-badflag", virDomainSnapshotGetParent(cs, 1));
    checkf("snap.iscurrent", "%d %d %d", virDomainSnapshotIsCurrent(a, 0),
           virDomainSnapshotIsCurrent(b, 0), virDomainSnapshotIsCurrent(cs, 0));
    checkInt("snap.hasmeta", virDomainSnapshotHasMetadata(a, 0));
    checkInt("snap.has", virDomainHasCurrentSnapshot(dom, 0));
    checkInt("snap.has-badflag", virDomainHasCurrentSnapshot(dom, 1));
    checkSnapCreate("snap.current-badflag", virDomainSnapshotCurrent(dom, 1));
    checkInt("snap.iscurrent-badflag", virDomainSnapshotIsCurrent(a, 1));
    checkInt("snap.hasmeta-badflag", virDomainSnapshotHasMetadata(a, 1));

    /* A second branch: back to a, then d and e under it. */
    checkInt("snap.revert-a", virDomainRevertToSnapshot(a, 0));
    drain("snap.revert-a.events");
    checkState("snap.revert-a.state", conn, "test");
    checkSnapCreate("snap.d", snapCreate(dom, "d", 0, ""));
    checkSnapCreate("snap.e", snapCreate(dom, "e", 0, ""));
    {
        virDomainSnapshotPtr d = virDomainSnapshotLookupByName(dom, "d", 0);
        checkParentName("snap.parent.d", d);
        virDomainSnapshotFree(d);
    }
    checkSnapNames("snap.topo", dom, VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL, false);
    checkSnapNames("snap.roots", dom, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS, false);
    for (i = 0; i < G_N_ELEMENTS(childFlags); i++) {
        g_autofree char *k = g_strdup_printf("snap.a.children-%u", childFlags[i]);
        checkChildren(k, a, childFlags[i]);
    }
    {
        char *names[8] = { NULL };
        int n = virDomainSnapshotListChildrenNames(
            a, names, 8, VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS |
            VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL);
        g_autofree char *joined = NULL;

        if (n < 0) {
            checkErr("snap.a.children-topo");
        } else {
            joined = joinSorted(names, n, ",", false);
            check("snap.a.children-topo", joined);
        }
    }
    checkInt("snap.a.children-badflag",
             virDomainSnapshotNumChildren(a, VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL << 1));

    /* Halting, and snapshots of a shut-off domain. */
    checkSnapCreate("snap.halt", snapCreate(dom, "h", VIR_DOMAIN_SNAPSHOT_CREATE_HALT, ""));
    drain("snap.halt.events");
    checkState("snap.halt.state", conn, "test");
    checkSnapCreate("snap.off", snapCreate(dom, "off", 0, ""));
    checkSnapXML("snap-off", dom, "off");
    checkSnapCreate("snap.halt-off",
                    snapCreate(dom, "h2", VIR_DOMAIN_SNAPSHOT_CREATE_HALT, ""));
    drain("snap.halt-off.events");
    checkSnapNames("snap.inactive", dom, VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE, true);
    checkSnapNames("snap.active", dom, VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE, true);

    scenarioSnapshotRevert(conn, dom, b, cs);
    scenarioSnapshotRedefine(dom);

    /* Deleting: children move up, or go with the flags. */
    checkSnapNames("snap.topo-before-delete", dom,
                   VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL, false);
    checkInt("snap.delete-b", virDomainSnapshotDelete(b, 0));
    {
        virDomainSnapshotPtr c2 = virDomainSnapshotLookupByName(dom, "c", 0);
        checkParentName("snap.delete-b.parent-c", c2);
        virDomainSnapshotFree(c2);
    }
    checkInt("snap.delete-b-again", virDomainSnapshotDelete(b, 0));
    checkInt("snap.delete-badflag",
             virDomainSnapshotDelete(a, VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY));
    checkSnapNames("snap.topo-after-b", dom,
                   VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL, false);
    {
        virDomainSnapshotPtr e = virDomainSnapshotLookupByName(dom, "e", 0);
        virDomainSnapshotPtr d = virDomainSnapshotLookupByName(dom, "d", 0);
        g_autofree char *names1 = NULL;
        g_autofree char *cur1 = NULL;
        g_autofree char *names2 = NULL;
        g_autofree char *cur2 = NULL;
        bool failed;

        checkInt("snap.revert-e", virDomainRevertToSnapshot(e, 0));
        drain("snap.revert-e.events");
        checkInt("snap.delete-d-children-only",
                 virDomainSnapshotDelete(d, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY));
        names1 = snapNames(dom, 0, true, &failed);
        cur1 = currentName(dom);
        checkf("snap.after-children-only", "%s cur=%s", names1, cur1);
        checkInt("snap.delete-a-children",
                 virDomainSnapshotDelete(a, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN));
        names2 = snapNames(dom, 0, true, &failed);
        cur2 = currentName(dom);
        checkf("snap.after-a-children", "%s cur=%s", names2, cur2);
        virDomainSnapshotFree(e);
        virDomainSnapshotFree(d);
    }
    {
        const unsigned int which[] = { VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT,
                                       VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT };
        char *parts[2] = { NULL, NULL };

        for (i = 0; i < 2; i++) {
            virDomainPtr *list = NULL;
            int n = virConnectListAllDomains(conn, &list, which[i]);
            char **names = g_new0(char *, n + 1);
            int j;

            for (j = 0; j < n; j++) {
                names[j] = strdup(virDomainGetName(list[j]));
                virDomainFree(list[j]);
            }
            free(list);
            parts[i] = joinSorted(names, n, ",", true);
            g_free(names);
        }
        checkf("snap.listdomains", "%s / %s", parts[0], parts[1]);
        g_free(parts[0]);
        g_free(parts[1]);
    }
    checkStr("snap.stale-handle", virDomainSnapshotGetXMLDesc(a, 0));

    /* Undefining a shut-off domain that has snapshots. */
    virDomainDestroy(dom);
    drain("snap.destroy.events");
    checkInt("snap.undefine", virDomainUndefine(dom));
    checkInt("snap.undefine-meta",
             virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA));
    drain("snap.undefine-meta.events");

    /* A transient domain cannot halt, and must start to revert. */
    {
        virDomainPtr t = virDomainCreateXML(
            conn, "<domain type='test'><name>tr</name>"
            "<uuid>11111111-2222-3333-4444-999999999999</uuid>"
            "<memory>1024</memory><os><type>hvm</type></os></domain>", 0);
        virDomainSnapshotPtr s1;

        checkSnapCreate("snap.tr.halt",
                        snapCreate(t, "x", VIR_DOMAIN_SNAPSHOT_CREATE_HALT, ""));
        checkSnapCreate("snap.tr.s1", snapCreate(t, "s1", 0, ""));
        checkSnapXML("snap-tr-s1", t, "s1");
        drain("snap.tr.events");
        s1 = virDomainSnapshotLookupByName(t, "s1", 0);
        checkInt("snap.tr.revert", virDomainRevertToSnapshot(s1, 0));
        drain("snap.tr.revert.events");
        checkState("snap.tr.state", conn, "tr");
        virDomainDestroy(t);
        drain("snap.tr.destroy.events");
        virDomainSnapshotFree(s1);
        virDomainFree(t);
    }

    virDomainSnapshotFree(a);
    virDomainSnapshotFree(b);
    virDomainSnapshotFree(cs);
    virDomainFree(dom);
}


/* ---- snapshots from a <node> file ---- */

static void
scenarioFileSnapshots(void)
{
    static const char *const bad[] = { "active", "parent", "noactive", "dup",
                                       "file" };
    virConnectPtr conn;
    virDomainPtr dom;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *key = g_strdup_printf("fsnap.bad-%s", bad[i]);
        g_autofree char *uri = g_strdup_printf("test://%s/bad-snapshot-%s.xml",
                                               DATADIR, bad[i]);

        if ((conn = virConnectOpen(uri))) {
            ok(0, "%s: opened", key);
            virConnectClose(conn);
        } else {
            checkErr(key);
        }
    }

    if (!(conn = virConnectOpen("test://" DATADIR "/node-snapshot.xml"))) {
        ok(0, "open node-snapshot.xml: %s", virGetLastErrorMessage());
        return;
    }
    dom = virDomainLookupByName(conn, "fs");
    checkSnapNames("fsnap.names", dom, 0, true);
    {
        g_autofree char *cur = currentName(dom);
        virDomainSnapshotPtr s1 = virDomainSnapshotLookupByName(dom, "s1", 0);
        char *names[4] = { NULL };
        int n = virDomainSnapshotListChildrenNames(s1, names, 4, 0);
        g_autofree char *joined = joinSorted(names, n < 0 ? 0 : n, ",", true);
        virDomainPtr *list = NULL;
        int nd = virConnectListAllDomains(conn, &list,
                                          VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT);
        int j;

        check("fsnap.current", cur);
        check("fsnap.children", joined);
        check("fsnap.list-domains", nd == 1 ? virDomainGetName(list[0]) : "?");
        for (j = 0; j < nd; j++)
            virDomainFree(list[j]);
        free(list);
        virDomainSnapshotFree(s1);
    }
    checkSnapXML("fsnap-s1", dom, "s1");
    checkSnapXML("fsnap-s2", dom, "s2");
    {
        virDomainSnapshotPtr s2 = virDomainSnapshotLookupByName(dom, "s2", 0);
        virDomainSnapshotPtr s1 = virDomainSnapshotLookupByName(dom, "s1", 0);
        virDomainPtr fresh;

        checkInt("fsnap.revert-s2", virDomainRevertToSnapshot(s2, 0));
        checkInt("fsnap.revert-s1", virDomainRevertToSnapshot(s1, 0));
        fresh = virDomainLookupByName(conn, "fs");
        checkInfo("fsnap.revert-s1.info", fresh);
        virDomainFree(fresh);
        virDomainSnapshotFree(s1);
        virDomainSnapshotFree(s2);
    }
    checkInt("fsnap.undefine", virDomainUndefine(dom));
    virDomainFree(dom);
    is_int(virConnectClose(conn), 0, "node-snapshot.xml connection freed");

    /* (libvirt 9.0 itself crashes closing this one.) */
    if (!(conn = virConnectOpen("test://" DATADIR "/node-snapshot-file.xml"))) {
        ok(0, "open node-snapshot-file.xml: %s", virGetLastErrorMessage());
        return;
    }
    dom = virDomainLookupByName(conn, "fs");
    checkSnapNames("fsnap.file.names", dom, 0, true);
    {
        g_autofree char *cur = currentName(dom);
        virDomainSnapshotPtr s3 = virDomainSnapshotLookupByName(dom, "s3", 0);

        check("fsnap.file.current", cur);
        checkParentName("fsnap.file.parent", s3);
        virDomainSnapshotFree(s3);
    }
    checkSnapXML("fsnap-file-s3", dom, "s3");
    virDomainFree(dom);
    is_int(virConnectClose(conn), 0, "node-snapshot-file.xml connection freed");
}


/* ---- driver ---- */

static void
quietErrors(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}


static void
runGroup(int n, void (*first)(virConnectPtr), void (*second)(virConnectPtr))
{
    virConnectPtr conn = virConnectOpen("test:///default");
    g_autofree char *key = g_strdup_printf("end%d.events", n);
    int cid;

    if (!conn) {
        ok(0, "open test:///default: %s", virGetLastErrorMessage());
        return;
    }
    cid = virConnectDomainEventRegisterAny(conn, NULL,
                                           VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           (virConnectDomainEventGenericCallback)(void (*)(void))onLifecycle,
                                           NULL, NULL);
    first(conn);
    if (second)
        second(conn);
    drain(key);
    virConnectDomainEventDeregisterAny(conn, cid);
    is_int(virConnectClose(conn), 0, "group %d: connection freed on close", n);
}


int
main(void)
{
    setenv("LIBVIRT_DEFAULT_URI", "", 1);
    virSetErrorFunc(NULL, quietErrors);
    if (virEventRegisterDefaultImpl() < 0) {
        ok(0, "virEventRegisterDefaultImpl: %s", virGetLastErrorMessage());
        return tap_done();
    }
    if (!(tmpdir = g_dir_make_tmp("virtkit-save-XXXXXX", NULL))) {
        ok(0, "scratch directory");
        return tap_done();
    }
    timeRegex = g_regex_new("<creationTime>[0-9]{9,}</creationTime>", 0, 0,
                            NULL);
    events = g_ptr_array_new_with_free_func(g_free);
    expected = testExpectedLoad(DATADIR "/expected-save.txt", NULL);

    runGroup(0, scenarioSave, scenarioManagedSave);
    runGroup(1, scenarioVcpus, NULL);
    runGroup(2, scenarioGuest, scenarioHost);
    runGroup(3, scenarioSnapshots, NULL);
    scenarioFileSnapshots();

    {
        GDir *dir = g_dir_open(tmpdir, 0, NULL);
        const char *name;

        while (dir && (name = g_dir_read_name(dir))) {
            g_autofree char *path = g_build_filename(tmpdir, name, NULL);
            g_unlink(path);
        }
        if (dir)
            g_dir_close(dir);
        g_rmdir(tmpdir);
    }
    g_free(tmpdir);
    g_regex_unref(timeRegex);
    g_ptr_array_free(events, TRUE);
    g_hash_table_destroy(expected);
    return tap_done();
}
