// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Domain;

/** Told when a disk of a domain fails. */
public interface IOErrorListener extends EventListener {
    void onIOError(Domain domain, String srcPath, String devAlias, IOErrorAction action);
}
