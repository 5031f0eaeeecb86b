/* virnetmessage.h: one RPC frame (length word, 24-byte header, payload),
 * its XDR encoding and decoding, and the remote_error <-> virError bridge.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A frame is a 4-byte big-endian length that counts itself, then the
 * header (prog, vers, proc, type, serial, status), then the payload.  The
 * length may not exceed VIR_NET_MESSAGE_MAX plus the length word, nor be
 * shorter than the length word plus the header.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

#include "gen/remote_protocol.h"

/* Bytes before the payload: the length word and the header. */
#define VIR_NET_MESSAGE_PREFIX_LEN \
    (VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX)

typedef struct _virNetMessage virNetMessage;
struct _virNetMessage {
    virNetMessageHeader header;
    char *buffer;               /* the whole frame */
    size_t bufferLength;        /* its size (while reading: expected so far) */
    size_t bufferOffset;        /* bytes read or written so far */
    bool tracked;               /* a call counted against its client */
    virNetMessage *next;        /* queue link */
};

virNetMessage *virNetMessageNew(void);
void virNetMessageFree(virNetMessage *msg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetMessage, virNetMessageFree)

/* Forget the frame and get ready to read the next one: the first
 * VIR_NET_MESSAGE_LEN_MAX bytes to read are the length word. */
void virNetMessagePrepareRead(virNetMessage *msg);

/* FIFO queues linked through msg->next. */
void virNetMessageQueuePush(virNetMessage **queue, virNetMessage *msg);
virNetMessage *virNetMessageQueueServe(virNetMessage **queue);
void virNetMessageQueueFree(virNetMessage **queue);

/* Reading.  After the length word has been read: check it and size the
 * buffer for the whole frame.  0, or -1 with VIR_ERR_RPC set (too short,
 * too long). */
int virNetMessageDecodeLength(virNetMessage *msg);
/* After the whole frame has been read: the header.  0 or -1. */
int virNetMessageDecodeHeader(virNetMessage *msg);
/* The payload into `data` (which the caller zeroed) with `filter`; the
 * whole rest of the frame must be used.  On failure the partly decoded value is freed.
 * 0, or -1 with VIR_ERR_RPC set. */
int virNetMessageDecodePayload(virNetMessage *msg, xdrproc_t filter,
                               void *data);

/* Writing: msg->header followed by the payload `data` encoded by `filter`
 * (NULL: no payload), the length word filled in; offset reset to 0.
 * The buffer grows up to the frame limit.  0, or -1 with VIR_ERR_RPC. */
int virNetMessageEncode(virNetMessage *msg, xdrproc_t filter, void *data);

/* A ready-to-send message with just a header (keepalive, stream end). */
virNetMessage *virNetMessageNewEmpty(unsigned int prog, unsigned int vers,
                                     int proc, virNetMessageType type,
                                     unsigned int serial,
                                     virNetMessageStatus status);

/* Name of a message type / status for logs. */
const char *virNetMessageTypeName(int type);

/* Fill `rerr` (zeroed first) from the calling thread's last error, or a
 * generic error if none is set.  Free it with xdr_free(xdr_remote_error). */
void virNetMessageSaveError(remote_error *rerr);

/* Make `rerr` (received from the peer) the calling thread's last error. */
void virNetMessageRaiseError(const remote_error *rerr);
