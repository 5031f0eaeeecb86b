// Generated from api/virt-api.xml by generator/targets/java.py. DO NOT EDIT.
package org.libvirt;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import org.libvirt.jna.*;
import static org.libvirt.Library.libvirt;

/** A virConnect: its methods, one per C function, and its constants. */
public class Connect {
    /** The C handle; null once freed. */
    ConnectionPointer ptr;

    public String getType() throws LibvirtException {
        String r = libvirt.virConnectGetType(this.ptr);
        if (r == null) throw ErrorHandler.error();
        return r;
    }

    public Domain domainLookupByName(final String name) throws LibvirtException {
        DomainPointer r = libvirt.virDomainLookupByName(this.ptr, name);
        if (r == null) throw ErrorHandler.error();
        return new Domain(this, r);
    }

    public void restore(final String from_) throws LibvirtException {
        int r = libvirt.virDomainRestore(this.ptr, from_);
        if (r == -1) throw ErrorHandler.error();
    }
}
