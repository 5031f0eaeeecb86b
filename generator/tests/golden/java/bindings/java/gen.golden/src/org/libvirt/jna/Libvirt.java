// Generated from api/virt-api.xml by generator/targets/java.py. DO NOT EDIT.
package org.libvirt.jna;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/** libvirt.so, one method per C function, as JNA maps it. */
public interface Libvirt extends Library {
    /** The library: libvirt.so.0 (system property
     * virtkit.library names another file). */
    Libvirt INSTANCE = Native.load(System.getProperty(
        "virtkit.library", "virt"), Libvirt.class);

    interface virFreeCallback extends Callback {
        void invoke(Pointer opaque);
    }

    interface virConnectCloseFunc extends Callback {
        void invoke(ConnectionPointer conn, int reason, Pointer opaque);
    }

    ConnectionPointer virConnectOpen(String name);
    int virConnectClose(ConnectionPointer conn);
    String virConnectGetType(ConnectionPointer conn);
    int virConnectRegisterCloseCallback(ConnectionPointer conn, virConnectCloseFunc cb, Pointer opaque, virFreeCallback freecb);
    DomainPointer virDomainLookupByName(ConnectionPointer conn, String name);
    int virDomainRestore(ConnectionPointer conn, String from_);
    int virDomainDestroyFlags(DomainPointer domain, int flags);
    Pointer virDomainGetXMLDesc(DomainPointer domain, int flags);
    int virDomainGetState(DomainPointer domain, IntByReference state, IntByReference reason, int flags);
    int virDomainSetSchedulerParametersFlags(DomainPointer domain, Pointer params, int nparams, int flags);
    int virDomainSetMetadata(DomainPointer domain, String metadata, int flags);
    int virDomainRef(DomainPointer domain);
    int virDomainFree(DomainPointer domain);
    String virDomainGetName(DomainPointer domain);
    int virDomainGetID(DomainPointer domain);
    int virDomainGetUUID(DomainPointer domain, byte[] uuid);
    ConnectionPointer virDomainGetConnect(DomainPointer dom);
    void virTypedParamsClear(Pointer params, int nparams);
}
