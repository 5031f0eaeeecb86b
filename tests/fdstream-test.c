/* fdstream-test.c: local streams over pipes and files (src/util/virfdstream)
 * through the public stream API.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "datatypes.h"
#include "util/virfdstream.h"
#include "tap.h"

static char *tmpdir;


static const char *
lastMessage(void)
{
    virErrorPtr err = virGetLastError();

    return err && err->message ? err->message : "(none)";
}


static char *
tmpPath(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}


/* A pipe: bytes sent at one end come out of a stream at the other. */
static void
testPipe(virConnectPtr conn)
{
    int fds[2];
    virStreamPtr rd, wr;
    char buf[64];
    int n;

    if (pipe(fds) < 0)
        abort();
    rd = virStreamNew(conn, 0);
    wr = virStreamNew(conn, 0);
    is_int(virFDStreamOpen(rd, fds[0]), 0, "pipe: bind read end");
    is_int(virFDStreamOpen(wr, fds[1]), 0, "pipe: bind write end");
    is_int(virStreamSend(wr, "hello", 5), 5, "pipe: send 5 bytes");
    is_int(virStreamFinish(wr), 0, "pipe: finish the writer");
    n = virStreamRecv(rd, buf, sizeof(buf));
    is_int(n, 5, "pipe: receive 5 bytes");
    ok(n == 5 && memcmp(buf, "hello", 5) == 0, "pipe: the same bytes");
    is_int(virStreamRecv(rd, buf, sizeof(buf)), 0, "pipe: then end of stream");
    is_int(virStreamFinish(rd), 0, "pipe: finish the reader");
    is_int(virStreamFinish(rd), 0, "pipe: finishing twice is fine");
    is_int(virStreamAbort(rd), 0, "pipe: abort after finish is fine");
    is_int(virStreamRecv(rd, buf, sizeof(buf)), -1, "recv after finish fails");
    is_str(lastMessage(), "internal error: stream is not open",
           "recv after finish: message");
    ok(virGetLastError() &&
       virGetLastError()->domain == VIR_FROM_STREAMS &&
       virGetLastError()->code == VIR_ERR_INTERNAL_ERROR,
       "recv after finish: domain and code");
    is_int(virStreamSend(wr, "x", 1), -1, "send after finish fails");
    virStreamFree(rd);
    virStreamFree(wr);
}


/* Non-blocking: an empty pipe gives -2 instead of waiting. */
static void
testNonBlock(virConnectPtr conn)
{
    int fds[2];
    virStreamPtr rd;
    char buf[8];

    if (pipe(fds) < 0)
        abort();
    rd = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    is_int(virFDStreamOpen(rd, fds[0]), 0, "nonblock: bind");
    is_int(virStreamRecv(rd, buf, sizeof(buf)), -2, "nonblock: empty pipe: -2");
    if (write(fds[1], "ab", 2) != 2)
        abort();
    is_int(virStreamRecv(rd, buf, sizeof(buf)), 2, "nonblock: then the data");
    close(fds[1]);
    is_int(virStreamRecv(rd, buf, sizeof(buf)), 0, "nonblock: then EOF");
    is_int(virStreamAbort(rd), 0, "nonblock: abort");
    virStreamFree(rd);
}


/* Errors with libvirt's messages. */
static void
testErrors(virConnectPtr conn)
{
    g_autofree char *path = tmpPath("ro");
    g_autofree char *missing = tmpPath("no/such/file");
    virStreamPtr st;

    g_file_set_contents(path, "data", 4, NULL);
    st = virStreamNew(conn, 0);
    is_int(virFDStreamOpenFile(st, path, 0, 0, O_RDONLY), 0, "open read-only");
    is_int(virStreamSend(st, "x", 1), -1, "send on a read stream fails");
    is_str(lastMessage(), "cannot write to stream: Bad file descriptor",
           "send on a read stream: message");
    is_int(virStreamSendHole(st, 10, 0), -1, "hole on a read stream fails");
    is_str(lastMessage(), "unable to truncate: Invalid argument",
           "hole on a read stream: message");
    is_int(virStreamRecvHole(st, &(long long){0}, 0), -1,
           "RecvHole is not a local stream's");
    is_int(virGetLastError() ? virGetLastError()->code : 0,
           VIR_ERR_NO_SUPPORT, "RecvHole: no support");
    is_int(virFDStreamOpenFile(st, path, 0, 0, O_RDONLY), -1,
           "a stream binds once");
    virStreamAbort(st);
    virStreamFree(st);

    st = virStreamNew(conn, 0);
    is_int(virFDStreamOpenFile(st, missing, 0, 0, O_RDONLY), -1,
           "missing file");
    ok(strstr(lastMessage(), "No such file or directory") != NULL,
       "missing file: message (%s)", lastMessage());
    is_int(virStreamFinish(st), -1, "unbound stream cannot finish");
    is_int(virStreamAbort(st), 0, "unbound stream aborts quietly");
    virStreamFree(st);
}


/* Offset and length on a file being read and one being written. */
static void
testOffsetLength(virConnectPtr conn)
{
    g_autofree char *path = tmpPath("ol");
    g_autofree char *got = NULL;
    virStreamPtr st;
    char buf[64];
    gsize len = 0;

    g_file_set_contents(path, "0123456789", 10, NULL);
    st = virStreamNew(conn, 0);
    is_int(virFDStreamOpenFile(st, path, 3, 4, O_RDONLY), 0, "ol: open");
    is_int(virStreamRecv(st, buf, sizeof(buf)), 4, "ol: 4 bytes");
    ok(memcmp(buf, "3456", 4) == 0, "ol: from offset 3");
    is_int(virStreamRecv(st, buf, sizeof(buf)), 0, "ol: length reached");
    virStreamFinish(st);
    virStreamFree(st);

    st = virStreamNew(conn, 0);
    is_int(virFDStreamOpenFile(st, path, 2, 3, O_WRONLY), 0, "ol: open w");
    is_int(virStreamSend(st, "abcdef", 6), 3, "ol: write up to length");
    is_int(virStreamSend(st, "d", 1), -1, "ol: past length fails");
    is_str(lastMessage(), "cannot write to stream: No space left on device",
           "ol: past length: message");
    is_int(virStreamFinish(st), 0, "ol: finish");
    virStreamFree(st);
    g_file_get_contents(path, &got, &len, NULL);
    ok(len == 10 && memcmp(got, "01abc56789", 10) == 0,
       "ol: written in the middle, rest kept");
}


/* Holes: written by SendHole, found by streamInData, copied sparse. */
static void
testHoles(virConnectPtr conn)
{
    g_autofree char *path = tmpPath("sparse");
    g_autofree char *block = g_malloc(65536);
    virStreamPtr st;
    struct stat sb;
    int inData = -1;
    long long len = -1;
    char buf[65536];

    memset(block, 'x', 65536);
    st = virStreamNew(conn, 0);
    is_int(virFDStreamCreateFile(st, path, 0, 0, O_WRONLY | O_TRUNC, 0600),
           0, "holes: create");
    is_int(virStreamSend(st, block, 65536), 65536, "holes: data");
    is_int(virStreamSendHole(st, 1024 * 1024, 0), 0, "holes: 1 MiB hole");
    is_int(virStreamSend(st, block, 65536), 65536, "holes: data again");
    is_int(virStreamSendHole(st, 1024 * 1024, 0), 0, "holes: trailing hole");
    is_int(virStreamFinish(st), 0, "holes: finish");
    virStreamFree(st);
    stat(path, &sb);
    is_int(sb.st_size, 2 * 65536 + 2 * 1024 * 1024, "holes: size");
    ok(sb.st_blocks * 512LL < sb.st_size, "holes: file is sparse (%lld < %lld)",
       (long long)sb.st_blocks * 512, (long long)sb.st_size);

    /* Read it back section by section, the way a sparse sender does. */
    st = virStreamNew(conn, 0);
    is_int(virFDStreamOpenFile(st, path, 0, 0, O_RDONLY), 0, "holes: reopen");
    is_int(st->driver->streamInData(st, &inData, &len), 0, "inData: 1");
    ok(inData == 1 && len == 65536, "inData: data section (%d %lld)",
       inData, len);
    is_int(virStreamRecv(st, buf, sizeof(buf)), 65536, "inData: read it");
    st->driver->streamInData(st, &inData, &len);
    ok(inData == 0 && len == 1024 * 1024, "inData: hole section (%d %lld)",
       inData, len);
    virStreamAbort(st);
    virStreamFree(st);

    /* The public sparse send loop over a sparse file source. */
    st = virStreamNew(conn, 0);
    {
        g_autofree char *copy = tmpPath("sparse-copy");
        virStreamPtr src = virStreamNew(conn, 0);
        long long total = 0;

        virFDStreamOpenFile(src, path, 0, 0, O_RDONLY);
        virFDStreamCreateFile(st, copy, 0, 0, O_WRONLY | O_TRUNC, 0600);
        for (;;) {
            int n;

            src->driver->streamInData(src, &inData, &len);
            if (!inData && len > 0) {
                virStreamSendHole(st, len, 0);
                /* Skip the hole in the source by reading it away. */
                while (len > 0) {
                    n = virStreamRecv(src, buf,
                                      len < (long long)sizeof(buf) ?
                                      len : (long long)sizeof(buf));
                    len -= n;
                    total += n;
                }
                continue;
            }
            n = virStreamRecv(src, buf, sizeof(buf));
            if (n <= 0)
                break;
            virStreamSend(st, buf, n);
            total += n;
        }
        is_int(total, 2 * 65536 + 2 * 1024 * 1024, "sparse copy: all bytes");
        is_int(virStreamFinish(st), 0, "sparse copy: finish");
        stat(copy, &sb);
        is_int(sb.st_size, 2 * 65536 + 2 * 1024 * 1024, "sparse copy: size");
        ok(sb.st_blocks * 512LL < sb.st_size, "sparse copy: sparse too");
        virStreamFinish(src);
        virStreamFree(src);
    }
    virStreamFree(st);
}


/* The whole-transfer helpers on local streams. */
static int
sourceFunc(virStreamPtr st G_GNUC_UNUSED, char *data, size_t nbytes,
           void *opaque)
{
    int *left = opaque;
    int n = nbytes < (size_t)*left ? (int)nbytes : *left;

    memset(data, 'q', n);
    *left -= n;
    return n;
}


static int
sinkFunc(virStreamPtr st G_GNUC_UNUSED, const char *data G_GNUC_UNUSED,
         size_t nbytes, void *opaque)
{
    *(long long *)opaque += nbytes;
    return nbytes;
}


static void
testAll(virConnectPtr conn)
{
    g_autofree char *path = tmpPath("all");
    virStreamPtr st;
    int left = 200000;
    long long got = 0;

    st = virStreamNew(conn, 0);
    virFDStreamCreateFile(st, path, 0, 0, O_WRONLY | O_TRUNC, 0600);
    is_int(virStreamSendAll(st, sourceFunc, &left), 0, "SendAll");
    is_int(virStreamFinish(st), 0, "SendAll: finish");
    virStreamFree(st);

    st = virStreamNew(conn, 0);
    virFDStreamOpenFile(st, path, 0, 0, O_RDONLY);
    is_int(virStreamRecvAll(st, sinkFunc, &got), 0, "RecvAll");
    is_int(got, 200000, "RecvAll: every byte");
    is_int(virStreamFinish(st), 0, "RecvAll: finish");
    virStreamFree(st);
}


/* Event callbacks through the default event loop. */
typedef struct {
    int calls;
    int events;
    int frees;
    char data[16];
} cbState;

static void
streamCb(virStreamPtr st, int events, void *opaque)
{
    cbState *s = opaque;
    int n;

    s->calls++;
    s->events = events;
    n = virStreamRecv(st, s->data, sizeof(s->data) - 1);
    if (n >= 0)
        s->data[n] = '\0';
    virStreamEventRemoveCallback(st);
}


static void
cbFree(void *opaque)
{
    ((cbState *)opaque)->frees++;
}


static void
testEvents(virConnectPtr conn)
{
    cbState s = { 0 };
    int fds[2];
    virStreamPtr st;
    int i;

    if (pipe(fds) < 0)
        abort();
    st = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    virFDStreamOpen(st, fds[0]);
    is_int(virStreamEventUpdateCallback(st, 1), -1, "update without callback");
    is_str(lastMessage(),
           "internal error: stream does not have a callback registered",
           "update without callback: message");
    is_int(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE,
                                     streamCb, &s, cbFree), 0,
           "add a callback");
    is_int(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE,
                                     streamCb, &s, NULL), -1,
           "a second callback is refused");
    is_str(lastMessage(),
           "internal error: stream already has a callback registered",
           "second callback: message");
    if (write(fds[1], "ping", 4) != 4)
        abort();
    for (i = 0; i < 5 && (s.calls == 0 || s.frees == 0); i++)
        virEventRunDefaultImpl();
    is_int(s.calls, 1, "callback ran once");
    is_int(s.events, VIR_STREAM_EVENT_READABLE, "callback: readable");
    is_str(s.data, "ping", "callback read the data");
    is_int(s.frees, 1, "free callback ran after removal");
    is_int(virStreamEventRemoveCallback(st), -1, "remove twice fails");
    close(fds[1]);
    virStreamFinish(st);
    virStreamFree(st);
}


static void
quietErrors(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}


int
main(void)
{
    virConnectPtr conn;

    tmpdir = g_dir_make_tmp("fdstream-XXXXXX", NULL);
    virSetErrorFunc(NULL, quietErrors);
    if (virEventRegisterDefaultImpl() < 0)
        return 1;
    conn = virConnectOpen("test:///default");
    ok(conn != NULL, "open test:///default");
    if (!conn)
        return tap_done();

    testPipe(conn);
    testNonBlock(conn);
    testErrors(conn);
    testOffsetLength(conn);
    testHoles(conn);
    testAll(conn);
    testEvents(conn);

    virConnectClose(conn);
    {
        g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            ok(0, "clean up %s", tmpdir);
    }
    g_free(tmpdir);
    return tap_done();
}
