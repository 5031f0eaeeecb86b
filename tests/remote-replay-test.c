/* remote-replay-test: our remote driver sends, byte for byte, the frames
 * Debian's virsh sent for `virsh -c test+unix:///default?socket=... list
 * --all` (tests/data/rpc/virsh-list/), when a fake server answers with the
 * replies libvirtd sent.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The calls are the ones virsh makes: open (with an event loop, so the
 * keepalive probe is sent), register a close callback, list all domains
 * (flags 3), the state of each, unregister, close.
 */
#include <config.h>

#include <errno.h>
#include <glib.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tap.h"

#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif
#define SESSION TEST_DATA_DIR "/rpc/virsh-list"

typedef struct {
    char *name;
    bool c2s;
    GByteArray *bytes;
} frame;

static GPtrArray *frames;
static int listenfd = -1;
static GPtrArray *results;      /* char *: "ok ..." or "not ok ..." */


static GByteArray *
readHex(const char *path)
{
    g_autofree char *text = NULL;
    GByteArray *out;
    const char *p;
    int hi = -1;

    if (!g_file_get_contents(path, &text, NULL, NULL))
        return NULL;
    out = g_byte_array_new();
    for (p = text; *p; p++) {
        int v;

        if (*p == '#') {
            while (*p && *p != '\n')
                p++;
            if (!*p)
                break;
            continue;
        }
        if ((v = g_ascii_xdigit_value(*p)) < 0)
            continue;
        if (hi < 0) {
            hi = v;
        } else {
            guint8 b = hi << 4 | v;

            g_byte_array_append(out, &b, 1);
            hi = -1;
        }
    }
    return out;
}


static int
cmpNames(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}


static void
frameFree(gpointer p)
{
    frame *f = p;

    g_free(f->name);
    g_byte_array_unref(f->bytes);
    g_free(f);
}


static bool
loadFrames(void)
{
    g_autoptr(GDir) dir = g_dir_open(SESSION, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *n;
    size_t i;

    if (!dir)
        return false;
    while ((n = g_dir_read_name(dir)))
        if (g_str_has_suffix(n, ".hex"))
            g_ptr_array_add(names, g_strdup(n));
    g_ptr_array_sort(names, cmpNames);
    frames = g_ptr_array_new_with_free_func(frameFree);
    for (i = 0; i < names->len; i++) {
        g_autofree char *path = g_build_filename(SESSION, names->pdata[i],
                                                 NULL);
        frame *f = g_new0(frame, 1);

        f->name = g_strdup(names->pdata[i]);
        f->c2s = strstr(f->name, "-c2s-") != NULL;
        if (!(f->bytes = readHex(path))) {
            frameFree(f);
            return false;
        }
        g_ptr_array_add(frames, f);
    }
    return frames->len > 0;
}


static bool
readAll(int fd, guint8 *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = read(fd, buf, len);

        if (n <= 0)
            return false;
        buf += n;
        len -= n;
    }
    return true;
}


/* The fake libvirtd: check each frame the client sends, answer with the
 * recorded reply. */
static gpointer
serverMain(gpointer opaque G_GNUC_UNUSED)
{
    int fd = accept(listenfd, NULL, NULL);
    size_t i;

    for (i = 0; fd >= 0 && i < frames->len; i++) {
        frame *f = frames->pdata[i];

        if (f->c2s) {
            guint8 len[4];
            guint32 n;
            g_autofree guint8 *buf = NULL;

            if (!readAll(fd, len, 4)) {
                g_ptr_array_add(results, g_strdup_printf(
                    "not ok - %s: the client sent nothing", f->name));
                break;
            }
            memcpy(&n, len, 4);
            n = GUINT32_FROM_BE(n);
            if (n < 4 || n > 1 << 20) {
                g_ptr_array_add(results, g_strdup_printf(
                    "not ok - %s: bad length %u", f->name, n));
                break;
            }
            buf = g_malloc(n);
            memcpy(buf, len, 4);
            if (!readAll(fd, buf + 4, n - 4)) {
                g_ptr_array_add(results, g_strdup_printf(
                    "not ok - %s: short frame", f->name));
                break;
            }
            if (n == f->bytes->len && memcmp(buf, f->bytes->data, n) == 0) {
                g_ptr_array_add(results, g_strdup_printf(
                    "ok - %s: the same %u bytes", f->name, n));
            } else {
                GString *d = g_string_new(NULL);
                guint32 k;

                g_string_append_printf(d, "not ok - %s: differs (%u bytes, "
                                       "want %u)\n#   got ", f->name, n,
                                       f->bytes->len);
                for (k = 0; k < n; k++)
                    g_string_append_printf(d, "%02x%s", buf[k],
                                           k % 4 == 3 ? " " : "");
                g_ptr_array_add(results, g_string_free(d, FALSE));
            }
        } else {
            if (write(fd, f->bytes->data, f->bytes->len) !=
                (ssize_t)f->bytes->len)
                break;
        }
    }
    if (fd >= 0)
        close(fd);
    return NULL;
}


static volatile gint loopQuit;

static gpointer
loopMain(gpointer opaque G_GNUC_UNUSED)
{
    while (!g_atomic_int_get(&loopQuit))
        virEventRunDefaultImpl();
    return NULL;
}


static void
closeCb(virConnectPtr conn G_GNUC_UNUSED, int reason G_GNUC_UNUSED,
        void *opaque G_GNUC_UNUSED)
{
}


static void
wake(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}


int
main(void)
{
    g_autofree char *dir = g_dir_make_tmp("remote-replay-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *uri = g_strdup_printf("test+unix:///default?socket=%s",
                                           path);
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    virConnectPtr conn;
    virDomainPtr *doms = NULL;
    GThread *server, *loop;
    int timer;
    int n, i;
    size_t k;

    if (!loadFrames()) {
        printf("1..0 # SKIP no recorded frames in %s\n", SESSION);
        return 0;
    }
    results = g_ptr_array_new_with_free_func(g_free);
    listenfd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_strlcpy(addr.sun_path, path, sizeof(addr.sun_path));
    ok(listenfd >= 0 && bind(listenfd, (struct sockaddr *)&addr,
                             sizeof(addr)) == 0 && listen(listenfd, 1) == 0,
       "fake server listens");
    server = g_thread_new("server", serverMain, NULL);

    virSetErrorFunc(NULL, NULL);
    virEventRegisterDefaultImpl();
    timer = virEventAddTimeout(-1, wake, NULL, NULL);
    loop = g_thread_new("loop", loopMain, NULL);

    conn = virConnectOpen(uri);
    ok(conn != NULL, "open %s", uri);
    if (conn) {
        ok(virConnectRegisterCloseCallback(conn, closeCb, NULL, NULL) == 0,
           "register a close callback");
        n = virConnectListAllDomains(conn, &doms, 3);
        is_int(n, 1, "one domain");
        for (i = 0; i < n; i++) {
            int state = -1, reason = -1;

            ok(virDomainGetState(doms[i], &state, &reason, 0) == 0 &&
               state == VIR_DOMAIN_RUNNING, "%s is running",
               virDomainGetName(doms[i]));
            virDomainFree(doms[i]);
        }
        free(doms);
        ok(virConnectUnregisterCloseCallback(conn, closeCb) == 0,
           "unregister it");
        is_int(virConnectClose(conn), 0, "close");
    }
    g_thread_join(server);
    for (k = 0; k < results->len; k++) {
        const char *r = results->pdata[k];

        ok(g_str_has_prefix(r, "ok"), "%s", strchr(r, '-') + 2);
    }
    is_int(results->len, 10, "every recorded call was compared");

    g_atomic_int_set(&loopQuit, 1);
    virEventUpdateTimeout(timer, 0);
    g_thread_join(loop);
    virEventRemoveTimeout(timer);
    close(listenfd);
    unlink(path);
    rmdir(dir);
    g_ptr_array_free(results, TRUE);
    g_ptr_array_free(frames, TRUE);
    return tap_done();
}
