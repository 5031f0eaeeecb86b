# SPDX-License-Identifier: LGPL-2.1-or-later
# virStream methods written by hand.


class virStream(object):
    def __del__(self):
        if self._o is not None:
            libvirtmod.virStreamFree(self._o)
        self._o = None
