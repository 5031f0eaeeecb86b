// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import org.libvirt.jna.virError;
import static org.libvirt.Library.libvirt;

/** Turns the thread's last libvirt error into a LibvirtException.  A JNA
 * call runs on the calling Java thread, so the error read right after a
 * failed call is that call's. */
public class ErrorHandler {
    static LibvirtException error() {
        virError e = libvirt.virGetLastError();
        if (e == null)
            return new LibvirtException(new Error(
                Error.ErrorNumber.VIR_ERR_INTERNAL_ERROR,
                "an error occurred, but the cause is unknown"));
        return new LibvirtException(new Error(e));
    }

    static int processError(final int ret) throws LibvirtException {
        if (ret == -1)
            throw error();
        return ret;
    }
}
