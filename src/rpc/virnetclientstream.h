/* virnetclientstream.h: streams over an RPC connection (client side), and
 * the stream frame helpers the daemon shares.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The wire rules (libvirt's): a stream belongs to the call that opened it
 * and every frame of it carries that call's prog, vers, proc and serial.
 * Data goes in VIR_NET_STREAM frames with status CONTINUE and the bytes as
 * the raw payload; a hole is a VIR_NET_STREAM_HOLE frame carrying a
 * virNetStreamHole.  The server ends the data it sends with an empty
 * CONTINUE frame.  The client finishes with an empty STREAM frame with
 * status OK and gets an empty OK back (or an ERROR carrying a
 * remote_error); an OK from the server never comes unasked.  Aborting is
 * an empty STREAM frame with status ERROR.  A server-side failure is an
 * ERROR frame carrying the remote_error.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "rpc/virnetclient.h"
#include "rpc/virnetmessage.h"

/* ---- frames (both sides) ---- */

/* The most data bytes put in one frame. */
#define VIR_NET_STREAM_CHUNK VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX

/* A STREAM frame like `call` (prog, vers, proc, serial) with `status` and
 * `len` raw bytes (at most VIR_NET_STREAM_CHUNK).  NULL with an error. */
virNetMessage *virNetStreamMessageNew(const virNetMessageHeader *call,
                                      int status, const char *data,
                                      size_t len);
/* A STREAM_HOLE frame of `length` bytes.  NULL with an error. */
virNetMessage *virNetStreamHoleMessageNew(const virNetMessageHeader *call,
                                          long long length,
                                          unsigned int flags);
/* The raw payload of a received frame (header already decoded). */
void virNetStreamMessagePayload(virNetMessage *msg, const char **data,
                                size_t *len);

/* ---- client streams ---- */

typedef struct _virNetClientStream virNetClientStream;

/* A stream for a call of `prog`/`vers`/`proc`; the serial is set when the
 * call is sent by virNetClientCallStream. */
virNetClientStream *virNetClientStreamNew(unsigned int prog,
                                          unsigned int vers, int proc);
virNetClientStream *virNetClientStreamRef(virNetClientStream *st);
void virNetClientStreamUnref(virNetClientStream *st);

/* Called (from whichever thread read the frame, possibly with the client's
 * lock held: it must only schedule work) each time a frame was queued. */
typedef void (*virNetClientStreamNotifyFunc)(virNetClientStream *st,
                                             void *opaque);
void virNetClientStreamSetNotify(virNetClientStream *st,
                                 virNetClientStreamNotifyFunc func,
                                 void *opaque);
/* Whether Recv would return at once (data, a hole, the end or an error). */
bool virNetClientStreamHasInput(virNetClientStream *st);

/* For virnetclient.c: does this frame belong to the stream?  Then queue
 * it (the message is taken). */
bool virNetClientStreamMatches(virNetClientStream *st,
                               const virNetMessageHeader *hdr);
void virNetClientStreamSetCall(virNetClientStream *st,
                               const virNetMessageHeader *call);
void virNetClientStreamQueuePacket(virNetClientStream *st,
                                   virNetMessage *msg);

/* The operations, each on `client`'s socket. */
int virNetClientStreamSendData(virNetClientStream *st, virNetClient *client,
                               const char *data, size_t nbytes);
int virNetClientStreamSendHole(virNetClientStream *st, virNetClient *client,
                               long long length, unsigned int flags);
/* Bytes received, 0 at the end, -1 error, -2 would block (nonblock),
 * -3 a hole is next (only with stopAtHole). */
int virNetClientStreamRecv(virNetClientStream *st, virNetClient *client,
                           char *data, size_t nbytes, bool nonblock,
                           bool stopAtHole);
int virNetClientStreamRecvHole(virNetClientStream *st, virNetClient *client,
                               long long *length);
/* Finish (OK) or abort (ERROR) and wait for the server's answer; the
 * stream is then removed from the client.  0 or -1. */
int virNetClientStreamFinish(virNetClientStream *st, virNetClient *client);
int virNetClientStreamAbort(virNetClientStream *st, virNetClient *client);
