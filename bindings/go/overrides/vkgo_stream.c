/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* C side of stream_more.go. */
#include <stdint.h>
#include "vkgo.h"
#include "_cgo_export.h"

int
vkgoStreamRecvFlags(virStreamPtr st, char *data, size_t n,
                    unsigned int flags, virErrorPtr err)
{
    int ret = virStreamRecvFlags(st, data, n, flags);
    if (ret == -1)
        virCopyLastError(err);
    return ret;
}

static void
vkgoStreamEventCb(virStreamPtr st, int events, void *opaque)
{
    vkgoStreamEvent(st, events, (long)(intptr_t)opaque);
}

static void
vkgoStreamFreeCb(void *opaque)
{
    vkgoFreeHandle((long)(intptr_t)opaque);
}

int
vkgoStreamEventAddCallback(virStreamPtr st, int events, long handle,
                           virErrorPtr err)
{
    int ret = virStreamEventAddCallback(st, events, vkgoStreamEventCb,
                                        (void *)(intptr_t)handle,
                                        vkgoStreamFreeCb);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}
