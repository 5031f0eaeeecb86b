// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** What every failing call throws: libvirt's error, as an Error. */
public class LibvirtException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Error virError;

    LibvirtException(final Error virError) {
        super(virError.getMessage());
        this.virError = virError;
    }

    public Error getError() {
        return virError;
    }
}
