/* virnetmessage.c: RPC frames and their XDR encoding; see virnetmessage.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "rpc/virnetmessage.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_RPC

/* The largest frame: the payload limit plus header plus length word. */
#define FRAME_MAX (VIR_NET_MESSAGE_MAX + VIR_NET_MESSAGE_LEN_MAX)

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif


virNetMessage *
virNetMessageNew(void)
{
    return g_new0(virNetMessage, 1);
}


void
virNetMessageFree(virNetMessage *msg)
{
    if (!msg)
        return;
    g_free(msg->buffer);
    g_free(msg);
}


void
virNetMessagePrepareRead(virNetMessage *msg)
{
    memset(&msg->header, 0, sizeof(msg->header));
    g_free(msg->buffer);
    msg->buffer = g_malloc0(VIR_NET_MESSAGE_LEN_MAX);
    msg->bufferLength = VIR_NET_MESSAGE_LEN_MAX;
    msg->bufferOffset = 0;
}


void
virNetMessageQueuePush(virNetMessage **queue, virNetMessage *msg)
{
    while (*queue)
        queue = &(*queue)->next;
    msg->next = NULL;
    *queue = msg;
}


virNetMessage *
virNetMessageQueueServe(virNetMessage **queue)
{
    virNetMessage *msg = *queue;

    if (msg) {
        *queue = msg->next;
        msg->next = NULL;
    }
    return msg;
}


void
virNetMessageQueueFree(virNetMessage **queue)
{
    virNetMessage *msg;

    while ((msg = virNetMessageQueueServe(queue)))
        virNetMessageFree(msg);
}


int
virNetMessageDecodeLength(virNetMessage *msg)
{
    guint32 be;
    size_t len;

    if (msg->bufferOffset < VIR_NET_MESSAGE_LEN_MAX) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to decode message length");
        return -1;
    }
    memcpy(&be, msg->buffer, sizeof(be));
    len = GUINT32_FROM_BE(be);
    if (len < VIR_NET_MESSAGE_PREFIX_LEN) {
        virReportError(VIR_ERR_RPC,
                       "packet %zu bytes received from peer too small, want %d",
                       len, VIR_NET_MESSAGE_PREFIX_LEN);
        return -1;
    }
    if (len > FRAME_MAX) {
        virReportError(VIR_ERR_RPC,
                       "packet %zu bytes received from peer too large, "
                       "want at most %d", len, FRAME_MAX);
        return -1;
    }
    msg->buffer = g_realloc(msg->buffer, len);
    msg->bufferLength = len;
    return 0;
}


int
virNetMessageDecodeHeader(virNetMessage *msg)
{
    XDR xdr;
    int ret = 0;

    if (msg->bufferLength < VIR_NET_MESSAGE_PREFIX_LEN) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to decode message header");
        return -1;
    }
    xdrmem_create(&xdr, msg->buffer, msg->bufferLength, XDR_DECODE);
    if (!xdr_setpos(&xdr, VIR_NET_MESSAGE_LEN_MAX) ||
        !xdr_virNetMessageHeader(&xdr, &msg->header)) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to decode message header");
        ret = -1;
    }
    xdr_destroy(&xdr);
    msg->bufferOffset = VIR_NET_MESSAGE_PREFIX_LEN;
    return ret;
}


int
virNetMessageDecodePayload(virNetMessage *msg, xdrproc_t filter, void *data)
{
    XDR xdr;
    int ret = 0;

    xdrmem_create(&xdr, msg->buffer, msg->bufferLength, XDR_DECODE);
    if (!xdr_setpos(&xdr, VIR_NET_MESSAGE_PREFIX_LEN) ||
        !filter(&xdr, data, 0)) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to decode message payload");
        xdr_free(filter, data);
        ret = -1;
    } else if (xdr_getpos(&xdr) != msg->bufferLength) {
        virReportError(VIR_ERR_RPC,
                       "message payload has %u trailing bytes",
                       (unsigned int)(msg->bufferLength - xdr_getpos(&xdr)));
        xdr_free(filter, data);
        ret = -1;
    }
    xdr_destroy(&xdr);
    return ret;
}


/* One try at encoding into the current buffer; false if it did not fit. */
static bool
encodeOnce(virNetMessage *msg, xdrproc_t filter, void *data)
{
    XDR xdr;
    unsigned int len;
    bool ok;

    xdrmem_create(&xdr, msg->buffer, msg->bufferLength, XDR_ENCODE);
    ok = xdr_setpos(&xdr, VIR_NET_MESSAGE_LEN_MAX) &&
         xdr_virNetMessageHeader(&xdr, &msg->header) &&
         (!filter || filter(&xdr, data, 0));
    if (ok) {
        len = xdr_getpos(&xdr);
        ok = xdr_setpos(&xdr, 0) && xdr_u_int(&xdr, &len);
        msg->bufferLength = len;
    }
    xdr_destroy(&xdr);
    return ok;
}


int
virNetMessageEncode(virNetMessage *msg, xdrproc_t filter, void *data)
{
    size_t size = VIR_NET_MESSAGE_INITIAL + VIR_NET_MESSAGE_LEN_MAX;

    for (;;) {
        g_free(msg->buffer);
        msg->buffer = g_malloc(size);
        msg->bufferLength = size;
        msg->bufferOffset = 0;
        if (encodeOnce(msg, filter, data)) {
            /* Queued frames keep only their own size, not 64 KiB each. */
            msg->buffer = g_realloc(msg->buffer, msg->bufferLength);
            return 0;
        }
        if (size >= FRAME_MAX)
            break;
        size = MIN(size * 4, FRAME_MAX);
    }
    g_clear_pointer(&msg->buffer, g_free);
    msg->bufferLength = 0;
    virReportError(VIR_ERR_RPC, "%s",
                   "Unable to encode message payload (too large or invalid)");
    return -1;
}


virNetMessage *
virNetMessageNewEmpty(unsigned int prog, unsigned int vers, int proc,
                      virNetMessageType type, unsigned int serial,
                      virNetMessageStatus status)
{
    virNetMessage *msg = virNetMessageNew();

    msg->header.prog = prog;
    msg->header.vers = vers;
    msg->header.proc = proc;
    msg->header.type = type;
    msg->header.serial = serial;
    msg->header.status = status;
    if (virNetMessageEncode(msg, NULL, NULL) < 0) {
        virNetMessageFree(msg);
        return NULL;
    }
    return msg;
}


const char *
virNetMessageTypeName(int type)
{
    static const char *const names[] = {
        "CALL", "REPLY", "MESSAGE", "STREAM", "CALL_WITH_FDS",
        "REPLY_WITH_FDS", "STREAM_HOLE",
    };

    if (type >= 0 && type < (int)G_N_ELEMENTS(names))
        return names[type];
    return "UNKNOWN";
}


static remote_string
optString(const char *s)
{
    remote_string r;

    if (!s)
        return NULL;
    r = g_new0(char *, 1);
    *r = g_strdup(s);
    return r;
}


void
virNetMessageSaveError(remote_error *rerr)
{
    virErrorPtr err = virGetLastError();

    memset(rerr, 0, sizeof(*rerr));
    if (err && err->code != VIR_ERR_OK) {
        rerr->code = err->code;
        rerr->domain = err->domain;
        rerr->message = optString(err->message);
        rerr->level = err->level;
        rerr->str1 = optString(err->str1);
        rerr->str2 = optString(err->str2);
        rerr->str3 = optString(err->str3);
        rerr->int1 = err->int1;
        rerr->int2 = err->int2;
    } else {
        /* A failure without an error: say so rather than send nothing. */
        rerr->code = VIR_ERR_INTERNAL_ERROR;
        rerr->domain = VIR_FROM_RPC;
        rerr->level = VIR_ERR_ERROR;
        rerr->message = optString("Library function returned error but did "
                                  "not set virError");
    }
}


void
virNetMessageRaiseError(const remote_error *rerr)
{
    virError err = { 0 };

    err.code = rerr->code;
    err.domain = rerr->domain;
    err.message = rerr->message ? *rerr->message : NULL;
    err.level = rerr->level;
    err.str1 = rerr->str1 ? *rerr->str1 : NULL;
    err.str2 = rerr->str2 ? *rerr->str2 : NULL;
    err.str3 = rerr->str3 ? *rerr->str3 : NULL;
    err.int1 = rerr->int1;
    err.int2 = rerr->int2;
    if (err.code == VIR_ERR_OK) {
        /* The peer said "error" but sent none: never leave it unset. */
        err.code = VIR_ERR_RPC;
        err.domain = VIR_FROM_RPC;
        err.level = VIR_ERR_ERROR;
        err.message = (char *)"RPC error: the peer reported an error "
                              "without details";
    }
    virSetError(&err);
}
