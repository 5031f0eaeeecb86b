// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Domain;

/** Told when a block job (pull, copy, commit) of a domain ends or is ready. */
public interface BlockJobListener extends EventListener {
    void onEvent(Domain domain, String diskPath, BlockJobType type, BlockJobStatus status);
}
