# SPDX-License-Identifier: LGPL-2.1-or-later
# virStorageVol attributes written by hand.


class virStorageVol(object):
    _BINDING_ONLY = {
        "streamBufSize": "the buffer size libvirt-python's stream helpers "
                         "use: one stream packet's payload",
    }

    # bytes per chunk for sendAll/recvAll style transfers
    streamBufSize = 262120
