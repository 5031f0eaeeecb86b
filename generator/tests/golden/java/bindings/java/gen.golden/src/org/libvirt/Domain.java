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

/** A virDomain: its methods, one per C function, and its constants. */
public class Domain {
    public static final class DestroyFlags {
        public static final int DEFAULT = 0;
        public static final int GRACEFUL = 1;
        public static final int CURRENT = 0;
    }

    public static final class ModificationImpact {
        public static final int CURRENT = 0;
        public static final int LIVE = 1;
        public static final int CONFIG = 2;
    }

    public static final class State {
        public static final int NOSTATE = 0;
        public static final int RUNNING = 1;
        public static final int PAUSED = 3;
        public static final int PMSUSPENDED = 7;
    }

    public static final class XMLFlags {
        public static final int SECURE = 1;
        public static final int INACTIVE = 2;
        public static final int MIGRATABLE = 8;
        public static final int HIGH_BIT = -2147483648;
    }

    /** The C handle; null once freed. */
    DomainPointer ptr;
    /** The connection the handle belongs to. */
    Connect virConnect;

    Domain(final Connect virConnect, final DomainPointer ptr) {
        this.virConnect = virConnect;
        this.ptr = ptr;
    }

    public Connect getConnect() {
        return virConnect;
    }

    /** Drops the handle's reference; the object is unusable after. */
    public synchronized int free() throws LibvirtException {
        int r = 0;
        if (ptr != null) {
            r = libvirt.virDomainFree(ptr);
            ptr = null;
            if (r == -1)
                throw ErrorHandler.error();
        }
        return r;
    }

    @Override
    @SuppressWarnings("deprecation")
    protected void finalize() throws LibvirtException {
        free();
    }

    public void destroyFlags(final int flags) throws LibvirtException {
        int r = libvirt.virDomainDestroyFlags(this.ptr, flags);
        if (r == -1) throw ErrorHandler.error();
    }

    public String getXMLDesc(final int flags) throws LibvirtException {
        Pointer r = libvirt.virDomainGetXMLDesc(this.ptr, flags);
        if (r == null) throw ErrorHandler.error();
        return Library.getString(r);
    }

    public void setSchedulerParametersFlags(final TypedParameter[] params, final int flags) throws LibvirtException {
        int r = libvirt.virDomainSetSchedulerParametersFlags(this.ptr, TypedParameter.toNative(params), params.length, flags);
        if (r == -1) throw ErrorHandler.error();
    }

    public void setMetadata(final String metadata, final int flags) throws LibvirtException {
        int r = libvirt.virDomainSetMetadata(this.ptr, metadata, flags);
        if (r == -1) throw ErrorHandler.error();
    }

    public String getName() throws LibvirtException {
        String r = libvirt.virDomainGetName(this.ptr);
        if (r == null) throw ErrorHandler.error();
        return r;
    }

    public int getID() throws LibvirtException {
        int r = libvirt.virDomainGetID(this.ptr);
        if (r == -1) throw ErrorHandler.error();
        return r;
    }

    public int[] getUUID() throws LibvirtException {
        byte[] uuid = new byte[16];
        int r = libvirt.virDomainGetUUID(this.ptr, uuid);
        if (r == -1) throw ErrorHandler.error();
        return Connect.convertUUIDBytes(uuid);
    }

    public void destroyFlags() throws LibvirtException {
        destroyFlags(0);
    }

    public String getXMLDesc() throws LibvirtException {
        return getXMLDesc(0);
    }

    public void setSchedulerParametersFlags(final TypedParameter[] params) throws LibvirtException {
        setSchedulerParametersFlags(params, 0);
    }

    public void setMetadata(final String metadata) throws LibvirtException {
        setMetadata(metadata, 0);
    }
}
