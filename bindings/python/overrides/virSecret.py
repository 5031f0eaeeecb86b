# SPDX-License-Identifier: LGPL-2.1-or-later
# virSecret methods written by hand.


class virSecret(object):
    def value(self, flags=0):
        """The secret's value as bytes."""
        ret = libvirtmod.virSecretGetValue(self._o, flags)
        if ret is None:
            raise libvirtError('virSecretGetValue() failed')
        return ret
