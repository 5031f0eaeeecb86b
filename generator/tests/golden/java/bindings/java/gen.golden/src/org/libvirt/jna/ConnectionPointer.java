// Generated from api/virt-api.xml by generator/targets/java.py. DO NOT EDIT.
package org.libvirt.jna;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;

/** A virConnectPtr. */
public class ConnectionPointer extends PointerType {
    public ConnectionPointer() {
    }

    public ConnectionPointer(Pointer p) {
        super(p);
    }
}
