/* stream-rpc-test.c: both ends of remote streams in one process.  The
 * daemon's stream code (src/daemon/remote_daemon_stream.c) serves a fake
 * hypervisor whose volumes are files and whose console is a socket pair;
 * our remote driver talks to it over a unix socket.  Covers what the test
 * driver cannot: uploads with holes, sparse downloads, offsets, errors
 * raised by the daemon mid-stream, aborts, and a console both ways.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "datatypes.h"
#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_stream.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "rpc/virnetserver.h"
#include "util/virerror.h"
#include "util/virfdstream.h"
#include "tap.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

static char *tmpdir;
static virConnectPtr daemonConn;    /* the daemon's connection to "h6fake" */
static int guestFd = -1;            /* the guest's end of the console */
static gint loopQuit;


/* ---- the fake hypervisor ------------------------------------------------- */

static virDrvOpenStatus
fakeOpen(virConnectPtr conn G_GNUC_UNUSED, const char *uri,
         virConnectAuthPtr auth G_GNUC_UNUSED, unsigned int flags G_GNUC_UNUSED)
{
    if (!uri || !g_str_has_prefix(uri, "h6fake:///"))
        return VIR_DRV_OPEN_DECLINED;
    return VIR_DRV_OPEN_SUCCESS;
}


static int
fakeClose(virConnectPtr conn G_GNUC_UNUSED)
{
    return 0;
}


static char *
volPath(virStorageVolPtr vol)
{
    return g_build_filename(tmpdir, vol->name, NULL);
}


static int
fakeVolUpload(virStorageVolPtr vol, virStreamPtr st, unsigned long long offset,
              unsigned long long length, unsigned int flags G_GNUC_UNUSED)
{
    g_autofree char *path = volPath(vol);

    return virFDStreamCreateFile(st, path, offset, length, O_WRONLY, 0600);
}


static int
fakeVolDownload(virStorageVolPtr vol, virStreamPtr st,
                unsigned long long offset, unsigned long long length,
                unsigned int flags G_GNUC_UNUSED)
{
    g_autofree char *path = volPath(vol);

    return virFDStreamOpenFile(st, path, offset, length, O_RDONLY);
}


static int
fakeOpenConsole(virDomainPtr dom G_GNUC_UNUSED, const char *devname,
                virStreamPtr st, unsigned int flags G_GNUC_UNUSED)
{
    int sv[2];

    if (devname && strcmp(devname, "serial0") != 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "cannot find character device %s", devname);
        return -1;
    }
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        return -1;
    guestFd = sv[1];
    return virFDStreamOpen(st, sv[0]);
}


static const char *const fakeSchemes[] = { "h6fake", NULL };

static virHypervisorDriver fakeHypervisor = {
    .name = "h6fake",
    .connectOpen = fakeOpen,
    .connectClose = fakeClose,
    .domainOpenConsole = fakeOpenConsole,
};

static virStorageDriver fakeStorage = {
    .storageVolUpload = fakeVolUpload,
    .storageVolDownload = fakeVolDownload,
};

static virConnectDriver fakeDriver = {
    .name = "h6fake",
    .uriSchemes = fakeSchemes,
    .localOnly = true,
    .hypervisorDriver = &fakeHypervisor,
    .storageDriver = &fakeStorage,
};


/* ---- the daemon: only what streams need ---------------------------------- */

/* remote_daemon_stream.c gets its connection here. */
virConnectPtr
remoteDaemonGetConn(virNetServerClient *client G_GNUC_UNUSED)
{
    return virObjectRef(daemonConn);
}


static int
stubOK(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client G_GNUC_UNUSED,
       virNetMessage *msg G_GNUC_UNUSED, void *args G_GNUC_UNUSED,
       void *ret G_GNUC_UNUSED)
{
    return 0;
}


static void
clientClosed(virNetServerClient *client)
{
    remoteDaemonStreamsClientClosed(client);
}


static gpointer
loopThread(gpointer opaque G_GNUC_UNUSED)
{
    while (!g_atomic_int_get(&loopQuit))
        virEventRunDefaultImpl();
    return NULL;
}


static void
wakeLoop(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}


/* ---- helpers --------------------------------------------------------------- */

static const char *
lastMessage(void)
{
    virErrorPtr err = virGetLastError();

    return err && err->message ? err->message : "(none)";
}


/* 64 KiB of data, a 1 MiB hole, 64 KiB of data, a 512 KiB hole. */
static void
makeSparse(const char *path)
{
    g_autofree char *block = g_malloc(65536);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    size_t i;

    for (i = 0; i < 65536; i++)
        block[i] = (char)(i * 7 + 3);
    if (fd < 0 || write(fd, block, 65536) != 65536 ||
        lseek(fd, 1024 * 1024, SEEK_CUR) < 0 ||
        write(fd, block, 65536) != 65536 ||
        ftruncate(fd, 2 * 65536 + 1536 * 1024) < 0)
        abort();
    close(fd);
}


static bool
sameFiles(const char *a, const char *b)
{
    g_autofree char *da = NULL;
    g_autofree char *db = NULL;
    gsize la = 0, lb = 0;

    if (!g_file_get_contents(a, &da, &la, NULL) ||
        !g_file_get_contents(b, &db, &lb, NULL))
        return false;
    return la == lb && memcmp(da, db, la) == 0;
}


static bool
isSparse(const char *path)
{
    struct stat sb;

    return stat(path, &sb) == 0 && sb.st_blocks * 512LL < sb.st_size;
}


/* Local file handlers for the sparse transfer loops. */
typedef struct {
    int fd;
    long long holes;            /* hole bytes seen */
} fileIO;

static int
srcData(virStreamPtr st G_GNUC_UNUSED, char *data, size_t n, void *opaque)
{
    return read(((fileIO *)opaque)->fd, data, n);
}


static int
srcHole(virStreamPtr st G_GNUC_UNUSED, int *inData, long long *len,
        void *opaque)
{
    fileIO *io = opaque;
    off_t pos = lseek(io->fd, 0, SEEK_CUR);
    off_t end = lseek(io->fd, 0, SEEK_END);
    off_t data;

    lseek(io->fd, pos, SEEK_SET);
    if (pos >= end) {
        *inData = 0;
        *len = 0;
        return 0;
    }
    data = lseek(io->fd, pos, SEEK_DATA);
    if (data < 0 || data > pos) {
        *inData = 0;
        *len = (data < 0 ? end : data) - pos;
    } else {
        *inData = 1;
        *len = lseek(io->fd, pos, SEEK_HOLE) - pos;
    }
    lseek(io->fd, pos, SEEK_SET);
    return 0;
}


static int
srcSkip(virStreamPtr st G_GNUC_UNUSED, long long len, void *opaque)
{
    fileIO *io = opaque;

    io->holes += len;
    return lseek(io->fd, len, SEEK_CUR) < 0 ? -1 : 0;
}


static int
sinkData(virStreamPtr st G_GNUC_UNUSED, const char *data, size_t n,
         void *opaque)
{
    return write(((fileIO *)opaque)->fd, data, n);
}


static int
sinkHole(virStreamPtr st G_GNUC_UNUSED, long long len, void *opaque)
{
    fileIO *io = opaque;
    off_t pos = lseek(io->fd, len, SEEK_CUR);

    io->holes += len;
    return pos < 0 || ftruncate(io->fd, pos) < 0 ? -1 : 0;
}


/* ---- the tests ------------------------------------------------------------- */

static void
testVolumes(virConnectPtr conn)
{
    g_autofree char *src = g_build_filename(tmpdir, "src.img", NULL);
    g_autofree char *vol1 = g_build_filename(tmpdir, "vol1", NULL);
    g_autofree char *back = g_build_filename(tmpdir, "back.img", NULL);
    g_autofree char *full = g_build_filename(tmpdir, "full.img", NULL);
    virStorageVolPtr vol = virGetStorageVol(conn, "pool", "vol1", "key1",
                                            NULL, NULL);
    virStreamPtr st;
    fileIO io = { -1, 0 };
    char buf[64];

    makeSparse(src);
    g_file_set_contents(vol1, "", 0, NULL);

    /* Upload with holes. */
    st = virStreamNew(conn, 0);
    is_int(virStorageVolUpload(vol, st, 0, 0,
                               VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM), 0,
           "sparse upload opens");
    io.fd = open(src, O_RDONLY);
    is_int(virStreamSparseSendAll(st, srcData, srcHole, srcSkip, &io), 0,
           "sparse upload sends (%s)", lastMessage());
    close(io.fd);
    ok(io.holes == 1536 * 1024, "the holes were sent as holes (%lld)",
       io.holes);
    is_int(virStreamFinish(st), 0, "sparse upload finishes (%s)",
           lastMessage());
    virStreamFree(st);
    ok(sameFiles(src, vol1), "the volume has the file's bytes");
    ok(isSparse(vol1), "the volume is sparse");

    /* Download with holes. */
    st = virStreamNew(conn, 0);
    is_int(virStorageVolDownload(vol, st, 0, 0,
                                 VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM), 0,
           "sparse download opens");
    io.fd = open(back, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    io.holes = 0;
    is_int(virStreamSparseRecvAll(st, sinkData, sinkHole, &io), 0,
           "sparse download receives (%s)", lastMessage());
    close(io.fd);
    ok(io.holes == 1536 * 1024, "holes arrived as holes (%lld)", io.holes);
    is_int(virStreamFinish(st), 0, "sparse download finishes");
    virStreamFree(st);
    ok(sameFiles(src, back), "the download has the volume's bytes");
    ok(isSparse(back), "the download is sparse");

    /* Plain download: holes come as zeros. */
    st = virStreamNew(conn, 0);
    virStorageVolDownload(vol, st, 0, 0, 0);
    io.fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    is_int(virStreamRecvAll(st, sinkData, &io), 0, "plain download");
    close(io.fd);
    is_int(virStreamFinish(st), 0, "plain download finishes");
    virStreamFree(st);
    ok(sameFiles(src, full), "... the same bytes");

    /* A range. */
    st = virStreamNew(conn, 0);
    virStorageVolDownload(vol, st, 65530, 10, 0);
    is_int(virStreamRecv(st, buf, sizeof(buf)), 10, "range: 10 bytes");
    ok(buf[0] == (char)(65530 * 7 + 3) && buf[5] == (char)(65535 * 7 + 3) &&
       memcmp(buf + 6, "\0\0\0\0", 4) == 0,
       "range: the last data bytes, then zeros from the hole");
    is_int(virStreamRecv(st, buf, sizeof(buf)), 0, "range: then the end");
    is_int(virStreamFinish(st), 0, "range: finish");
    virStreamFree(st);

    /* Upload at an offset, with a length the sender then exceeds: the
     * daemon's error comes back. */
    st = virStreamNew(conn, 0);
    is_int(virStorageVolUpload(vol, st, 10, 4, 0), 0, "limited upload opens");
    is_int(virStreamSend(st, "ABCDEFGH", 8), 8, "the client sends 8 bytes");
    ok(virStreamFinish(st) < 0, "finish reports the daemon's error");
    ok(strstr(lastMessage(), "No space left on device") != NULL,
       "... which is the driver's (%s)", lastMessage());
    is_int(virStreamFinish(st), -1, "finishing again fails");
    virStreamFree(st);
    {
        g_autofree char *got = NULL;
        gsize len = 0;

        g_file_get_contents(vol1, &got, &len, NULL);
        ok(len > 14 && memcmp(got + 10, "ABCD", 4) == 0,
           "the allowed bytes landed at the offset");
    }

    /* A hole on a stream opened without the sparse flag is refused. */
    st = virStreamNew(conn, 0);
    virStorageVolUpload(vol, st, 0, 0, 0);
    virStreamSendHole(st, 4096, 0);
    ok(virStreamFinish(st) < 0 && strstr(lastMessage(), "hole"),
       "a hole on a plain upload is refused (%s)", lastMessage());
    virStreamFree(st);

    /* Abort half-way; the connection goes on. */
    st = virStreamNew(conn, 0);
    virStorageVolDownload(vol, st, 0, 0, 0);
    ok(virStreamRecv(st, buf, sizeof(buf)) > 0, "abort: some data first");
    is_int(virStreamAbort(st), 0, "abort");
    is_int(virStreamRecv(st, buf, sizeof(buf)), -1, "recv after abort fails");
    is_str(lastMessage(), "operation failed: stream is closed",
           "... as libvirt's remote streams do");
    virStreamFree(st);
    st = virStreamNew(conn, 0);
    is_int(virStorageVolDownload(vol, st, 0, 4, 0), 0,
           "the connection still serves streams");
    is_int(virStreamRecv(st, buf, sizeof(buf)), 4, "... and their data");
    virStreamFinish(st);
    virStreamFree(st);

    virObjectUnref(vol);
}


static void
testConsole(virConnectPtr conn)
{
    unsigned char uuid[VIR_UUID_BUFLEN] = { 1, 2, 3 };
    virDomainPtr dom = virGetDomain(conn, "g", uuid, 1);
    virStreamPtr st = virStreamNew(conn, 0);
    char buf[64];
    int n;

    is_int(virDomainOpenConsole(dom, "nosuch", st, 0), -1,
           "console: unknown device");
    is_str(lastMessage(), "internal error: cannot find character device nosuch",
           "... the driver's error");
    is_int(virDomainOpenConsole(dom, NULL, st, 0), 0, "console opens");
    if (write(guestFd, "login: ", 7) != 7)
        abort();
    n = virStreamRecv(st, buf, sizeof(buf));
    ok(n == 7 && memcmp(buf, "login: ", 7) == 0, "the guest's output arrives");
    is_int(virStreamSend(st, "root\n", 5), 5, "typing");
    n = read(guestFd, buf, sizeof(buf));
    ok(n == 5 && memcmp(buf, "root\n", 5) == 0, "the guest gets the input");
    close(guestFd);
    is_int(virStreamRecv(st, buf, sizeof(buf)), 0,
           "the guest hangs up: end of stream");
    is_int(virStreamFinish(st), 0, "console finishes");
    virStreamFree(st);
    virObjectUnref(dom);
}


static void
quietErrors(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}


int
main(void)
{
    static virNetServerProcFunc funcs[REMOTE_PROC_DOMAIN_FD_ASSOCIATE + 1];
    virNetServerConfig cfg;
    virNetServer *srv;
    g_autofree char *sock = NULL;
    g_autofree char *uri = NULL;
    GThread *loop;
    virConnectPtr conn;
    int timer;

    tmpdir = g_dir_make_tmp("stream-rpc-XXXXXX", NULL);
    sock = g_build_filename(tmpdir, "sock", NULL);
    virSetErrorFunc(NULL, quietErrors);
    if (virInitialize() < 0 || virRegisterConnectDriver(&fakeDriver) < 0 ||
        virEventRegisterDefaultImpl() < 0)
        return 1;
    daemonConn = virConnectOpen("h6fake:///");
    ok(daemonConn != NULL, "the fake hypervisor opens (%s)", lastMessage());

    virNetServerConfigDefaults(&cfg);
    cfg.keepaliveInterval = -1;
    srv = virNetServerNew(&cfg, NULL, clientClosed, NULL, NULL);
    funcs[REMOTE_PROC_CONNECT_OPEN] = stubOK;
    funcs[REMOTE_PROC_CONNECT_CLOSE] = stubOK;
    funcs[REMOTE_PROC_CONNECT_SUPPORTS_FEATURE] = stubOK;
    funcs[REMOTE_PROC_STORAGE_VOL_UPLOAD] = remoteDispatchStorageVolUpload;
    funcs[REMOTE_PROC_STORAGE_VOL_DOWNLOAD] = remoteDispatchStorageVolDownload;
    funcs[REMOTE_PROC_DOMAIN_OPEN_CONSOLE] = remoteDispatchDomainOpenConsole;
    virNetServerAddProgram(srv, &virWireProgramRemote, funcs,
                           G_N_ELEMENTS(funcs));
    virNetServerSetStreamHandler(srv, remoteDaemonStreamFrame, NULL);
    is_int(virNetServerAddUnixService(srv, sock, 0700, (gid_t)-1, false), 0,
           "the server listens");
    /* A timer keeps the loop thread from sleeping through the end. */
    timer = virEventAddTimeout(100, wakeLoop, NULL, NULL);
    loop = g_thread_new("loop", loopThread, NULL);

    uri = g_strdup_printf("h6fake+unix:///x?socket=%s", sock);
    conn = virConnectOpen(uri);
    ok(conn != NULL, "the client connects (%s)", lastMessage());
    if (conn) {
        testVolumes(conn);
        testConsole(conn);
        virConnectClose(conn);
    }

    virNetServerClose(srv);
    g_atomic_int_set(&loopQuit, 1);
    g_thread_join(loop);
    virEventRemoveTimeout(timer);
    virNetServerFree(srv);
    virConnectClose(daemonConn);
    {
        g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            ok(0, "clean up");
    }
    g_free(tmpdir);
    return tap_done();
}
