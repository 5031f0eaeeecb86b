// Generated from api/virt-api.xml by generator/targets/java.py. DO NOT EDIT.
package org.libvirt.jna;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;

/** A virDomainPtr. */
public class DomainPointer extends PointerType {
    public DomainPointer() {
    }

    public DomainPointer(Pointer p) {
        super(p);
    }
}
