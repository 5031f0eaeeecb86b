/* fuzz-dispatch.c: the daemon's side of a connection: frames from a
 * client go through virNetServer and the real dispatch table of the
 * remote program, with test:///default behind it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One server, started once, listens on a unix socket in a private folder
 * with one worker (so calls run in the order sent).  Each input is one
 * client connection: a CONNECT_OPEN of test:///default, then the input's
 * frames, then a sentinel call; the input is done when the sentinel's
 * reply or the end of the connection arrives.  No reply within 20 s is a
 * hang, and fails.
 *
 * Input layout: if byte 0 is 0xff, the rest is sent as it is (raw frames,
 * length words included, and the sending side is shut down after them,
 * since a frame may be left half sent).  Otherwise it is a list of records, at most 64:
 *   byte 0      bits 0-1: message type (call, call, message, stream),
 *               bit 2: status error, bit 3: the keepalive program,
 *               bit 4: a wrong program version;
 *   bytes 1-2   procedure number, big-endian;
 *   bytes 3-4   payload length, big-endian (cut to what is left);
 *   then the payload, which fuzz-rpc's seeds show the shape of.
 */
#include <config.h>

#include <errno.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_stream.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "remote/remote_driver.h"
#include "util/virerror.h"
#include "fuzz.h"

#define FUZZ_SENTINEL_SERIAL 0x7ffffff0u
#define FUZZ_MAX_RECORDS 64

static char *fuzzDir;
static char *fuzzSock;
static virNetServer *fuzzServer;


static void
fuzzCleanup(void)
{
    int i;

    /* The server stays up until exit, but the last input's client may
     * still be closing: let it go, so that a leak checker sees none. */
    for (i = 0; fuzzServer && i < 500 &&
                virNetServerClientCount(fuzzServer) > 0; i++)
        g_usleep(10 * 1000);
    if (fuzzSock)
        unlink(fuzzSock);
    if (fuzzDir)
        rmdir(fuzzDir);
}


static gpointer
fuzzEventThread(gpointer opaque G_GNUC_UNUSED)
{
    for (;;)
        virEventRunDefaultImpl();
    return NULL;
}


static void
fuzzSilent(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}


int
LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    virNetServerConfig scfg;
    virNetServer *srv;

    virSetErrorFunc(NULL, fuzzSilent);
    if (virInitialize() < 0 || virEventRegisterDefaultImpl() < 0)
        fuzzFail("cannot initialize");
    remoteSetInsideDaemon(true);

    if (!(fuzzDir = g_dir_make_tmp("fuzz-dispatch.XXXXXX", NULL)))
        fuzzFail("cannot make a temporary folder");
    fuzzSock = g_build_filename(fuzzDir, "sock", NULL);
    atexit(fuzzCleanup);

    virNetServerConfigDefaults(&scfg);
    scfg.minWorkers = 1;
    scfg.maxWorkers = 1;
    scfg.prioWorkers = 0;
    scfg.maxClientRequests = 1;
    scfg.keepaliveInterval = -1;
    if (!(srv = virNetServerNew(&scfg, remoteDaemonClientInit,
                                remoteDaemonClientClosed,
                                remoteDaemonClientFree, NULL)))
        fuzzFail("virNetServerNew: %s", virGetLastErrorMessage());
    virNetServerSetStreamHandler(srv, remoteDaemonStreamFrame, NULL);
    virNetServerAddProgram(srv, &virWireProgramRemote, remoteDispatchProcs,
                           remoteDispatchNProcs);
    if (virNetServerAddUnixService(srv, fuzzSock, 0700, (gid_t)-1, false) < 0)
        fuzzFail("cannot listen: %s", virGetLastErrorMessage());
    fuzzServer = srv;
    g_thread_unref(g_thread_new("fuzz-events", fuzzEventThread, NULL));
    return 0;
}


/* One frame: length word, header, payload. */
static void
fuzzAddFrame(GByteArray *out, unsigned int prog, unsigned int vers,
             unsigned int proc, int type, unsigned int serial, int status,
             xdrproc_t filter, void *args, const uint8_t *raw, size_t rawLen)
{
    /* the header, small encoded arguments and the raw payload */
    size_t cap = VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX + 1024 +
                 rawLen;
    g_autofree uint8_t *buf = g_malloc0(cap);
    virNetMessageHeader hdr = {
        .prog = prog, .vers = vers, .proc = proc, .type = type,
        .serial = serial, .status = status,
    };
    XDR xdr;
    u_int len;

    xdrmem_create(&xdr, (char *)buf, cap, XDR_ENCODE);
    xdr_setpos(&xdr, VIR_NET_MESSAGE_LEN_MAX);
    if (!xdr_virNetMessageHeader(&xdr, &hdr) ||
        (filter && !filter(&xdr, args, 0)))
        fuzzFail("cannot encode a frame");
    len = xdr_getpos(&xdr);
    xdr_destroy(&xdr);
    if (raw) {
        memcpy(buf + len, raw, rawLen);
        len += rawLen;
    }
    xdrmem_create(&xdr, (char *)buf, VIR_NET_MESSAGE_LEN_MAX, XDR_ENCODE);
    xdr_u_int(&xdr, &len);
    xdr_destroy(&xdr);
    g_byte_array_append(out, buf, len);
}


/* Send everything; the server may hang up early, which is fine. */
static bool
fuzzSend(int fd, const uint8_t *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buf += n;
        len -= n;
    }
    return true;
}


/* Read replies until the sentinel's or the end of the connection. */
static void
fuzzDrain(int fd)
{
    g_autoptr(GByteArray) in = g_byte_array_new();
    uint8_t chunk[65536];

    for (;;) {
        ssize_t n = recv(fd, chunk, sizeof(chunk), 0);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            fuzzFail("no reply in 20 s: the dispatcher hangs");
        if (n <= 0)
            return;
        g_byte_array_append(in, chunk, n);

        /* look at every complete frame */
        while (in->len >= VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX) {
            virNetMessageHeader hdr = { 0 };
            u_int len = 0;
            XDR xdr;

            xdrmem_create(&xdr, (char *)in->data, in->len, XDR_DECODE);
            if (!xdr_u_int(&xdr, &len) || !xdr_virNetMessageHeader(&xdr, &hdr))
                fuzzFail("the server sent a bad header");
            xdr_destroy(&xdr);
            if (len < VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX ||
                len > VIR_NET_MESSAGE_MAX)
                fuzzFail("the server sent a frame of length %u", len);
            if (in->len < len)
                break;
            if (hdr.type == VIR_NET_REPLY && hdr.serial == FUZZ_SENTINEL_SERIAL)
                return;
            g_byte_array_remove_range(in, 0, len);
        }
    }
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int types[] = {
        VIR_NET_CALL, VIR_NET_CALL, VIR_NET_MESSAGE, VIR_NET_STREAM,
    };
    g_autoptr(GByteArray) out = g_byte_array_new();
    remote_connect_open_args open = { 0 };
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    struct timeval tv = { .tv_sec = 20 };
    unsigned int serial = 1;
    size_t records = 0;
    bool raw = size > 0 && data[0] == 0xff;
    int fd;

    if (size > FUZZ_MAX_INPUT)
        return 0;

    open.name = &(char *){ (char *)"test:///default" };
    fuzzAddFrame(out, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                 REMOTE_PROC_CONNECT_OPEN, VIR_NET_CALL, serial++, VIR_NET_OK,
                 (xdrproc_t)xdr_remote_connect_open_args, &open, NULL, 0);

    if (raw) {
        g_byte_array_append(out, data + 1, size - 1);
    } else {
        while (size >= 5 && records++ < FUZZ_MAX_RECORDS) {
            unsigned int flags = data[0];
            unsigned int proc = (unsigned int)data[1] << 8 | data[2];
            size_t len = (size_t)data[3] << 8 | data[4];

            data += 5;
            size -= 5;
            if (len > size)
                len = size;
            fuzzAddFrame(out,
                         flags & 8 ? KEEPALIVE_PROGRAM : REMOTE_PROGRAM,
                         flags & 16 ? 2 : 1, proc, types[flags & 3], serial++,
                         flags & 4 ? VIR_NET_ERROR : VIR_NET_OK,
                         NULL, NULL, data, len);
            data += len;
            size -= len;
        }
    }
    fuzzAddFrame(out, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                 REMOTE_PROC_CONNECT_GET_LIB_VERSION, VIR_NET_CALL,
                 FUZZ_SENTINEL_SERIAL, VIR_NET_OK, NULL, NULL, NULL, 0);

    if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
        fuzzFail("socket: %s", strerror(errno));
    g_strlcpy(sa.sun_path, fuzzSock, sizeof(sa.sun_path));
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
        fuzzFail("connect: %s", strerror(errno));
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));

    if (fuzzSend(fd, out->data, out->len)) {
        /* raw bytes may leave a frame half sent, which the server waits
         * for (keepalive would end it): the end of the connection does */
        if (raw)
            shutdown(fd, SHUT_WR);
        fuzzDrain(fd);
    }
    close(fd);
    return 0;
}
