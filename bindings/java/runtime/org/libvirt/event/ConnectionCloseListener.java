// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Connect;

/** Told when a connection closes by itself (an error, the end of the
 * stream, keepalive). */
public interface ConnectionCloseListener {
    void onClose(Connect conn, ConnectionCloseReason reason);
}
