/* fuzz-rpc.c: the RPC decoders (the generated XDR codecs and the frame
 * header), on bytes as a client or a daemon would receive them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Input layout:
 *   byte 0        what to decode: 0 a call's (or event's) arguments, 1 a
 *                 reply's return value, 2 a reply's error, 3 a whole frame
 *                 (the value is taken modulo 4);
 *   bytes 1..2    for 0-2, the remote procedure number, big-endian, modulo
 *                 the size of the procedure table (gaps are skipped);
 *   the rest      the payload; for 3 the frame: length word, header and
 *                 payload, with the codec chosen from the header like the
 *                 daemon and the client do.
 * A value that decodes is freed with xdr_free; it must encode back into
 * the bytes it used (fewer when a string held a NUL), and that encoding
 * must decode and encode again to the same bytes.
 */
#include <config.h>

#include <stdbool.h>

#include "gen/remote_protocol.h"
#include "fuzz.h"

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

#define FUZZ_FRAME_HEADER_LEN (VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX)


/* Decode `len` bytes; *used tells how many the value took. */
static bool
fuzzDecode(const uint8_t *buf, size_t len, xdrproc_t filter, void *obj,
           size_t *used)
{
    XDR xdr;
    bool ok;

    xdrmem_create(&xdr, (char *)buf, len, XDR_DECODE);
    ok = filter(&xdr, obj, 0);
    *used = xdr_getpos(&xdr);
    xdr_destroy(&xdr);
    return ok;
}


/* Encode into a buffer of exactly `cap` bytes; NULL if it does not fit. */
static uint8_t *
fuzzEncode(xdrproc_t filter, void *obj, size_t cap, size_t *len)
{
    g_autofree uint8_t *buf = g_malloc0(cap ? cap : 1);
    XDR xdr;
    bool ok;

    xdrmem_create(&xdr, (char *)buf, cap, XDR_ENCODE);
    ok = filter(&xdr, obj, 0);
    *len = xdr_getpos(&xdr);
    xdr_destroy(&xdr);
    return ok ? g_steal_pointer(&buf) : NULL;
}


static void
fuzzPayload(const char *what, const uint8_t *buf, size_t len,
            xdrproc_t filter, size_t objSize)
{
    g_autofree void *obj = g_malloc0(objSize ? objSize : 1);
    g_autofree void *obj2 = g_malloc0(objSize ? objSize : 1);
    g_autofree uint8_t *enc = NULL;
    g_autofree uint8_t *enc2 = NULL;
    size_t used;
    size_t encLen;
    size_t enc2Len;
    size_t used2;

    if (!fuzzDecode(buf, len, filter, obj, &used)) {
        xdr_free(filter, obj);
        return;
    }

    /* It fits in the bytes it came from: XDR sizes do not depend on the
     * values, except that a string is cut at an embedded NUL. */
    if (!(enc = fuzzEncode(filter, obj, used, &encLen)) || encLen > used)
        fuzzFail("%s: a decoded value does not encode back into the %zu "
                 "bytes it came from", what, used);
    xdr_free(filter, obj);

    if (!fuzzDecode(enc, encLen, filter, obj2, &used2) || used2 != encLen)
        fuzzFail("%s: our own encoding does not decode", what);
    if (!(enc2 = fuzzEncode(filter, obj2, encLen, &enc2Len)) ||
        enc2Len != encLen || memcmp(enc, enc2, encLen) != 0)
        fuzzFail("%s: decode -> encode is not stable", what);
    xdr_free(filter, obj2);
}


static void
fuzzProcedure(unsigned int mode, const uint8_t *data, size_t size)
{
    const virWireProgram *prog = &virWireProgramRemote;
    const virWireProc *proc;
    unsigned int number;

    if (size < 2)
        return;
    number = ((unsigned int)data[0] << 8 | data[1]) % prog->nprocs;
    if (!(proc = virWireProgramProc(prog, number)))
        return;
    data += 2;
    size -= 2;

    switch (mode) {
    case 0:
        fuzzPayload(proc->name, data, size, proc->args_filter, proc->args_size);
        break;
    case 1:
        fuzzPayload(proc->name, data, size, proc->ret_filter, proc->ret_size);
        break;
    default:
        fuzzPayload("remote_error", data, size, (xdrproc_t)xdr_remote_error,
                    sizeof(remote_error));
        break;
    }
}


/* A frame as read from a socket: the length word counts itself. */
static void
fuzzFrame(const uint8_t *data, size_t size)
{
    virNetMessageHeader hdr = { 0 };
    const virWireProc *proc;
    XDR xdr;
    u_int len = 0;
    bool ok;

    if (size < FUZZ_FRAME_HEADER_LEN)
        return;
    xdrmem_create(&xdr, (char *)data, FUZZ_FRAME_HEADER_LEN, XDR_DECODE);
    ok = xdr_u_int(&xdr, &len) && xdr_virNetMessageHeader(&xdr, &hdr);
    xdr_destroy(&xdr);
    if (!ok || len != size || len > VIR_NET_MESSAGE_MAX)
        return;

    proc = virWireProgramProc(virWireProgramFind(hdr.prog, hdr.vers), hdr.proc);
    if (!proc)
        return;
    data += FUZZ_FRAME_HEADER_LEN;
    size -= FUZZ_FRAME_HEADER_LEN;

    switch (hdr.type) {
    case VIR_NET_CALL:
    case VIR_NET_CALL_WITH_FDS:
    case VIR_NET_MESSAGE:
        fuzzPayload(proc->name, data, size, proc->args_filter, proc->args_size);
        break;
    case VIR_NET_REPLY:
    case VIR_NET_REPLY_WITH_FDS:
        if (hdr.status == VIR_NET_ERROR)
            fuzzPayload("remote_error", data, size,
                        (xdrproc_t)xdr_remote_error, sizeof(remote_error));
        else
            fuzzPayload(proc->name, data, size, proc->ret_filter,
                        proc->ret_size);
        break;
    case VIR_NET_STREAM_HOLE:
        fuzzPayload("virNetStreamHole", data, size,
                    (xdrproc_t)xdr_virNetStreamHole, sizeof(virNetStreamHole));
        break;
    case VIR_NET_STREAM:
    default:
        /* raw stream data, or a type nobody accepts */
        break;
    }
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned int mode;

    if (size < 1 || size > FUZZ_MAX_INPUT)
        return 0;
    mode = data[0] % 4;
    if (mode == 3)
        fuzzFrame(data + 1, size - 1);
    else
        fuzzProcedure(mode, data + 1, size - 1);
    return 0;
}
