    // SPDX-License-Identifier: LGPL-2.1-or-later
    // Hand-written members of org.libvirt.Connect: opening and closing
    // (virConnectOpen, virConnectOpenReadOnly, virConnectOpenAuth with the
    // credentials callback), UUID helpers and the java.util.UUID lookups.

    /** The credentials callback while the connection may still call it. */
    private Libvirt.virConnectAuthCallbackPtr authCallback;

    /** How a connection opens: read-only, without URI aliases. */
    public enum OpenFlags implements BitFlags {
        READONLY(Flags.RO),
        NO_ALIASES(Flags.NO_ALIASES);

        private final int bit;

        OpenFlags(final int bit) {
            this.bit = bit;
        }

        @Override
        public int getBit() {
            return bit;
        }
    }

    private static int bits(final OpenFlags[] flags) {
        int r = 0;
        for (OpenFlags f : flags)
            r |= f.getBit();
        return r;
    }

    /** Opens a connection to uri with flags (OpenFlags.READONLY ...). */
    public Connect(final java.net.URI uri, final OpenFlags... flags)
            throws LibvirtException {
        this(uri == null ? null : uri.toString(), null, bits(flags));
    }

    /** Opens a connection to uri, answering its questions through auth. */
    public Connect(final java.net.URI uri, final ConnectAuth auth,
                   final OpenFlags... flags) throws LibvirtException {
        this(uri == null ? null : uri.toString(), auth, bits(flags));
    }

    public Connect(final java.net.URI uri, final ConnectAuth auth)
            throws LibvirtException {
        this(uri, auth, new OpenFlags[0]);
    }

    /** Opens a read-write connection to uri (null: the default). */
    public Connect(final String uri) throws LibvirtException {
        this(uri, false);
    }

    /** Opens a connection to uri, read-only if asked. */
    public Connect(final String uri, final boolean readOnly)
            throws LibvirtException {
        ptr = readOnly ? libvirt.virConnectOpenReadOnly(uri)
                       : libvirt.virConnectOpen(uri);
        if (ptr == null)
            throw ErrorHandler.error();
    }

    /** Opens a connection to uri, answering its questions through auth;
     * flags are virConnectFlags (Connect.Flags.RO ...). */
    public Connect(final String uri, final ConnectAuth auth, final int flags)
            throws LibvirtException {
        virConnectAuth a = new virConnectAuth();
        if (auth != null) {
            int n = auth.credType == null ? 0 : auth.credType.length;
            com.sun.jna.Memory types = new com.sun.jna.Memory(4L * Math.max(n, 1));
            for (int i = 0; i < n; i++)
                types.setInt(4L * i, auth.credType[i].mapToInt());
            a.credtype = types;
            a.ncredtype = n;
            authCallback = (virConnectCredential cred, int ncred, Pointer cbdata) -> {
                virConnectCredential[] all =
                    (virConnectCredential[]) cred.toArray(ncred);
                ConnectAuth.Credential[] asked = new ConnectAuth.Credential[ncred];
                for (int i = 0; i < ncred; i++)
                    asked[i] = new ConnectAuth.Credential(all[i].type,
                        all[i].prompt, all[i].challenge, all[i].defresult);
                int r = auth.callback(asked);
                if (r != 0)
                    return r;
                for (int i = 0; i < ncred; i++) {
                    // libvirt frees the answer: it must come from malloc
                    byte[] b = asked[i].result == null ? new byte[0]
                        : asked[i].result.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    Pointer p = new Pointer(Native.malloc(b.length + 1));
                    p.write(0, b, 0, b.length);
                    p.setByte(b.length, (byte) 0);
                    all[i].result = p;
                    all[i].resultlen = b.length;
                    all[i].write();
                }
                return 0;
            };
            a.cb = com.sun.jna.CallbackReference.getFunctionPointer(authCallback);
        }
        ptr = libvirt.virConnectOpenAuth(uri, auth == null ? null : a, flags);
        if (ptr == null)
            throw ErrorHandler.error();
    }

    /** Closes the connection: 0, or the number of references left. */
    public synchronized int close() throws LibvirtException {
        int r = 0;
        if (ptr != null) {
            r = libvirt.virConnectClose(ptr);
            ptr = null;
            if (r == -1)
                throw ErrorHandler.error();
        }
        return r;
    }

    @Override
    @SuppressWarnings("deprecation")
    protected void finalize() throws LibvirtException {
        close();
    }

    /** Whether close() has not been called yet. */
    public boolean isConnected() throws LibvirtException {
        return ptr != null;
    }

    /** The library version of conn, or -1 when it cannot be read. */
    public static long connectionVersion(final Connect conn) {
        try {
            return conn.getLibVersion();
        } catch (LibvirtException e) {
            return -1;
        }
    }

    /** 16 bytes -> 16 ints (0..255), as getUUID() answers. */
    public static int[] convertUUIDBytes(final byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++)
            out[i] = bytes[i] & 0xff;
        return out;
    }

    /** 16 ints -> the 16 bytes libvirt takes. */
    public static byte[] createUUIDBytes(final int[] uuid) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16 && i < uuid.length; i++)
            out[i] = (byte) uuid[i];
        return out;
    }

    public Domain domainLookupByUUID(final java.util.UUID uuid)
            throws LibvirtException {
        return domainLookupByUUIDString(uuid.toString());
    }

    public Network networkLookupByUUID(final java.util.UUID uuid)
            throws LibvirtException {
        return networkLookupByUUIDString(uuid.toString());
    }

    public StoragePool storagePoolLookupByUUID(final java.util.UUID uuid)
            throws LibvirtException {
        return storagePoolLookupByUUIDString(uuid.toString());
    }

    public Secret secretLookupByUUID(final java.util.UUID uuid)
            throws LibvirtException {
        return secretLookupByUUIDString(uuid.toString());
    }

    public NetworkFilter networkFilterLookupByUUID(final java.util.UUID uuid)
            throws LibvirtException {
        return networkFilterLookupByUUIDString(uuid.toString());
    }

    /** The version of the hypervisor driver named type (null: the one of
     * this library), as major * 1,000,000 + minor * 1,000 + micro. */
    public long getHypervisorVersion(final String type) throws LibvirtException {
        NativeLongByReference lib = new NativeLongByReference();
        NativeLongByReference hv = new NativeLongByReference();
        if (libvirt.virGetVersion(lib, type, hv) == -1)
            throw ErrorHandler.error();
        return hv.getValue().longValue();
    }

    /** The library version, as getLibVersion(). */
    public long getLibVirVersion() throws LibvirtException {
        return getLibVersion();
    }

    // ---- domain events (the default event loop must run: Library.
    // initEventLoop() before connecting, then processEvent() or
    // runEventLoop()) ----

    /** Each registered listener: its callback id and the JNA callback the
     * library holds (kept here so the garbage collector leaves it). */
    private final java.util.Map<Object, Object[]> listeners =
        new java.util.HashMap<>();

    /** The generated network, pool, node device and secret listeners:
     * listener -> {callback id, the JNA callback}. */
    private final java.util.Map<Object, Object[]> objectListeners =
        new java.util.HashMap<>();

    /** Registers cb for event eventId of dom (null: every domain). */
    synchronized void domainEventRegister(final Domain dom, final int eventId,
                                          final com.sun.jna.Callback cb,
                                          final Object listener)
            throws LibvirtException {
        int id = libvirt.virConnectDomainEventRegisterAny(ptr,
            dom == null ? null : dom.ptr, eventId, cb, null, null);
        if (id == -1)
            throw ErrorHandler.error();
        listeners.put(listener, new Object[] {id, cb});
    }

    synchronized void domainEventDeregister(final Object listener)
            throws LibvirtException {
        Object[] r = listeners.remove(listener);
        if (r != null)
            ErrorHandler.processError(
                libvirt.virConnectDomainEventDeregisterAny(ptr, (Integer) r[0]));
    }

    /** A Domain for the handle an event callback borrows. */
    Domain eventDomain(final DomainPointer d) {
        libvirt.virDomainRef(d);
        return new Domain(this, d);
    }

    Libvirt.virConnectDomainEventCallback lifecycleCallback(
            final org.libvirt.event.LifecycleListener l) {
        return (ConnectionPointer c, DomainPointer d, int event, int detail,
                Pointer opaque) -> {
            l.onLifecycleChange(eventDomain(d), new org.libvirt.event.DomainEvent(
                org.libvirt.event.DomainEventType.fromInt(event), detail));
            return 0;
        };
    }

    Libvirt.virConnectDomainEventGenericCallback rebootCallback(
            final org.libvirt.event.RebootListener l) {
        return (ConnectionPointer c, DomainPointer d, Pointer opaque) ->
            l.onReboot(eventDomain(d));
    }

    /** Calls l on every domain's lifecycle events. */
    public void addLifecycleListener(final org.libvirt.event.LifecycleListener l)
            throws LibvirtException {
        domainEventRegister(null, Domain.EventID.LIFECYCLE, lifecycleCallback(l), l);
    }

    public void removeLifecycleListener(final org.libvirt.event.LifecycleListener l)
            throws LibvirtException {
        domainEventDeregister(l);
    }

    /** Calls l when any domain reboots. */
    public void addRebootListener(final org.libvirt.event.RebootListener l)
            throws LibvirtException {
        domainEventRegister(null, Domain.EventID.REBOOT, rebootCallback(l), l);
    }

    public void removeRebootListener(final org.libvirt.event.RebootListener l)
            throws LibvirtException {
        domainEventDeregister(l);
    }

    // ---- the close callback ----

    private Libvirt.virConnectCloseFunc closeCallback;

    /** Calls l when the connection closes by itself; one at a time. */
    public synchronized void registerCloseListener(
            final org.libvirt.event.ConnectionCloseListener l)
            throws LibvirtException {
        Libvirt.virConnectCloseFunc cb = (ConnectionPointer c, int reason,
                                          Pointer opaque) -> {
            org.libvirt.event.ConnectionCloseReason[] all =
                org.libvirt.event.ConnectionCloseReason.values();
            l.onClose(this, all[reason >= 0 && reason < all.length ? reason
                                : all.length - 1]);
        };
        ErrorHandler.processError(
            libvirt.virConnectRegisterCloseCallback(ptr, cb, null, null));
        closeCallback = cb;
    }

    public synchronized void unregisterCloseListener() throws LibvirtException {
        if (closeCallback == null)
            return;
        ErrorHandler.processError(
            libvirt.virConnectUnregisterCloseCallback(ptr, closeCallback));
        closeCallback = null;
    }

    // ---- the other domain events of libvirt-java ----

    /** all[v], or the last entry past the known ones. */
    private static <T> T at(final T[] all, final int v) {
        return all[v >= 0 && v < all.length ? v : all.length - 1];
    }

    Libvirt.virConnectDomainEventIOErrorCallback ioErrorCallback(
            final org.libvirt.event.IOErrorListener l) {
        return (ConnectionPointer c, DomainPointer d, String srcPath,
                String devAlias, int action, Pointer opaque) ->
            l.onIOError(eventDomain(d), srcPath, devAlias,
                        at(org.libvirt.event.IOErrorAction.values(), action));
    }

    Libvirt.virConnectDomainEventBlockJobCallback blockJobCallback(
            final org.libvirt.event.BlockJobListener l) {
        return (ConnectionPointer c, DomainPointer d, String disk, int type,
                int status, Pointer opaque) ->
            l.onEvent(eventDomain(d), disk,
                      at(org.libvirt.event.BlockJobType.values(), type),
                      at(org.libvirt.event.BlockJobStatus.values(), status));
    }

    Libvirt.virConnectDomainEventPMWakeupCallback pmWakeupCallback(
            final org.libvirt.event.PMWakeupListener l) {
        return (ConnectionPointer c, DomainPointer d, int reason, Pointer opaque) ->
            l.onPMWakeup(eventDomain(d),
                         at(org.libvirt.event.PMWakeupReason.values(), reason));
    }

    Libvirt.virConnectDomainEventPMSuspendCallback pmSuspendCallback(
            final org.libvirt.event.PMSuspendListener l) {
        return (ConnectionPointer c, DomainPointer d, int reason, Pointer opaque) ->
            l.onPMSuspend(eventDomain(d),
                          at(org.libvirt.event.PMSuspendReason.values(), reason));
    }

    Libvirt.virConnectDomainEventAgentLifecycleCallback agentLifecycleCallback(
            final org.libvirt.event.AgentLifecycleListener l) {
        return (ConnectionPointer c, DomainPointer d, int state, int reason,
                Pointer opaque) -> l.onAgentLifecycleChange(eventDomain(d), state, reason);
    }

    public void addIOErrorListener(final org.libvirt.event.IOErrorListener l)
            throws LibvirtException {
        domainEventRegister(null, Domain.EventID.IO_ERROR, ioErrorCallback(l), l);
    }

    public void removeIOErrorListener(final org.libvirt.event.IOErrorListener l)
            throws LibvirtException {
        domainEventDeregister(l);
    }

    public void addBlockJobListener(final org.libvirt.event.BlockJobListener l)
            throws LibvirtException {
        domainEventRegister(null, Domain.EventID.BLOCK_JOB, blockJobCallback(l), l);
    }

    public void removeBlockJobListener(final org.libvirt.event.BlockJobListener l)
            throws LibvirtException {
        domainEventDeregister(l);
    }

    public void addPMWakeupListener(final org.libvirt.event.PMWakeupListener l)
            throws LibvirtException {
        domainEventRegister(null, Domain.EventID.PMWAKEUP, pmWakeupCallback(l), l);
    }

    public void removePMWakeupListener(final org.libvirt.event.PMWakeupListener l)
            throws LibvirtException {
        domainEventDeregister(l);
    }

    public void addPMSuspendListener(final org.libvirt.event.PMSuspendListener l)
            throws LibvirtException {
        domainEventRegister(null, Domain.EventID.PMSUSPEND, pmSuspendCallback(l), l);
    }

    public void removePMSuspendListener(final org.libvirt.event.PMSuspendListener l)
            throws LibvirtException {
        domainEventDeregister(l);
    }

    public void addAgentLifecycleListener(final org.libvirt.event.AgentLifecycleListener l)
            throws LibvirtException {
        domainEventRegister(null, Domain.EventID.AGENT_LIFECYCLE,
                            agentLifecycleCallback(l), l);
    }

    public void removeAgentLifecycleListener(final org.libvirt.event.AgentLifecycleListener l)
            throws LibvirtException {
        domainEventDeregister(l);
    }

    // ---- the host's CPUs, memory and pages; statistics of many domains ----

    /** Which of the host's CPUs are online: one entry per CPU. */
    public boolean[] getCPUMap(final int flags) throws LibvirtException {
        PointerByReference map = new PointerByReference();
        int n = ErrorHandler.processError(libvirt.virNodeGetCPUMap(ptr, map, null, flags));
        byte[] bytes = map.getValue() == null ? new byte[0]
            : map.getValue().getByteArray(0, (n + 7) / 8);
        Library.free(map.getValue());
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++)
            out[i] = (bytes[i / 8] & (1 << (i % 8))) != 0;
        return out;
    }

    public boolean[] getCPUMap() throws LibvirtException {
        return getCPUMap(0);
    }

    /** The host's CPU times in nanoseconds ("kernel", "user", "idle",
     * "iowait" ...) of CPU cpuNum, or of all (Connect.NodeGetCPUStatsAllCPUs
     * .ALL_CPUS, -1), in the library's order. */
    public java.util.Map<String,Long> getCPUStats(final int cpuNum, final int flags)
            throws LibvirtException {
        IntByReference n = new IntByReference(0);
        ErrorHandler.processError(libvirt.virNodeGetCPUStats(ptr, cpuNum, null, n, flags));
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        if (n.getValue() == 0)
            return out;
        virNodeCPUStats[] all = (virNodeCPUStats[]) new virNodeCPUStats().toArray(n.getValue());
        ErrorHandler.processError(libvirt.virNodeGetCPUStats(ptr, cpuNum, all[0], n, flags));
        for (int i = 0; i < n.getValue(); i++) {
            all[i].read();
            out.put(Native.toString(all[i].field), all[i].value);
        }
        return out;
    }

    /** The host's memory in KiB ("total", "free", "buffers", "cached")
     * of NUMA cell cellNum, or of all (-1), in the library's order. */
    public java.util.Map<String,Long> getMemoryStats(final int cellNum, final int flags)
            throws LibvirtException {
        IntByReference n = new IntByReference(0);
        ErrorHandler.processError(libvirt.virNodeGetMemoryStats(ptr, cellNum, null, n, flags));
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        if (n.getValue() == 0)
            return out;
        virNodeMemoryStats[] all = (virNodeMemoryStats[])
            new virNodeMemoryStats().toArray(n.getValue());
        ErrorHandler.processError(libvirt.virNodeGetMemoryStats(ptr, cellNum, all[0], n, flags));
        for (int i = 0; i < n.getValue(); i++) {
            all[i].read();
            out.put(Native.toString(all[i].field), all[i].value);
        }
        return out;
    }

    /** Free pages of each size in pages (KiB) on cellCount cells from
     * startCell: pages.length counts per cell, cell after cell. */
    public long[] getFreePages(final int[] pages, final int startCell,
                               final int cellCount, final int flags)
            throws LibvirtException {
        com.sun.jna.Memory sizes = new com.sun.jna.Memory(4L * Math.max(pages.length, 1));
        sizes.write(0, pages, 0, pages.length);
        int want = pages.length * cellCount;
        com.sun.jna.Memory counts = new com.sun.jna.Memory(8L * Math.max(want, 1));
        counts.clear();
        IntByReference sz = new IntByReference();
        sz.setPointer(sizes);
        LongByReference cnt = new LongByReference();
        cnt.setPointer(counts);
        int n = ErrorHandler.processError(libvirt.virNodeGetFreePages(ptr, pages.length,
            sz, startCell, cellCount, cnt, flags));
        return counts.getLongArray(0, Math.min(n, want));
    }

    /** Allocates (or with Connect.NodeAllocPagesFlags.SET, sets) pageCounts
     * pages of each size in pageSizes (KiB) on cellCount cells from
     * startCell: the number of cells changed. */
    public int allocPages(final int[] pageSizes, final long[] pageCounts,
                          final int startCell, final int cellCount, final int flags)
            throws LibvirtException {
        if (pageSizes.length != pageCounts.length)
            throw new IllegalArgumentException("pageSizes and pageCounts differ in length");
        com.sun.jna.Memory sizes = new com.sun.jna.Memory(4L * Math.max(pageSizes.length, 1));
        sizes.write(0, pageSizes, 0, pageSizes.length);
        com.sun.jna.Memory counts = new com.sun.jna.Memory(8L * Math.max(pageCounts.length, 1));
        counts.write(0, pageCounts, 0, pageCounts.length);
        IntByReference sz = new IntByReference();
        sz.setPointer(sizes);
        LongByReference cnt = new LongByReference();
        cnt.setPointer(counts);
        return ErrorHandler.processError(libvirt.virNodeAllocPages(ptr, pageSizes.length,
            sz, cnt, startCell, cellCount, flags));
    }

    /** Copies n records the library allocated, then frees them. */
    private DomainStatsRecord[] statsRecords(final PointerByReference list, final int n) {
        DomainStatsRecord[] out = new DomainStatsRecord[n];
        Pointer[] each = n > 0 ? list.getValue().getPointerArray(0, n) : new Pointer[0];
        for (int i = 0; i < n; i++) {
            virDomainStatsRecord r = new virDomainStatsRecord(each[i]);
            DomainPointer d = new DomainPointer(r.dom);
            libvirt.virDomainRef(d);
            out[i] = new DomainStatsRecord(new Domain(this, d),
                                           TypedParameter.fromNative(r.params, r.nparams));
        }
        if (list.getValue() != null) {
            PointerByReference all = new PointerByReference();
            all.setPointer(list.getValue());
            libvirt.virDomainStatsRecordListFree(all);
        }
        return out;
    }

    /** Statistics (stats: Domain.StatsTypes bits, 0 for all) of every
     * domain flags selects (Connect.GetAllDomainStatsFlags). */
    public DomainStatsRecord[] getAllDomainStats(final int stats, final int flags)
            throws LibvirtException {
        PointerByReference list = new PointerByReference();
        int n = ErrorHandler.processError(
            libvirt.virConnectGetAllDomainStats(ptr, stats, list, flags));
        return statsRecords(list, n);
    }

    /** Statistics of the domains doms (all of this connection). */
    public DomainStatsRecord[] getDomainListStats(final Domain[] doms, final int stats,
                                                  final int flags)
            throws LibvirtException {
        com.sun.jna.Memory arr = new com.sun.jna.Memory((long) Native.POINTER_SIZE
                                                        * (doms.length + 1));
        for (int i = 0; i < doms.length; i++)
            arr.setPointer((long) i * Native.POINTER_SIZE, doms[i].ptr.getPointer());
        arr.setPointer((long) doms.length * Native.POINTER_SIZE, null);
        PointerByReference in = new PointerByReference();
        in.setPointer(arr);
        PointerByReference list = new PointerByReference();
        int n = ErrorHandler.processError(libvirt.virDomainListGetStats(in, stats, list, flags));
        return statsRecords(list, n);
    }

    // ---- QEMU monitor events (libvirt-qemu.so) ----

    /** Calls l for QEMU monitor events named event (null: all) of dom
     * (null: every domain); flags: Connect.DomainQemuMonitorEventRegisterFlags. */
    public void addQemuMonitorListener(final Domain dom, final String event,
                                       final org.libvirt.event.QemuMonitorListener l,
                                       final int flags)
            throws LibvirtException {
        LibvirtQemu.virConnectDomainQemuMonitorEventCallback cb =
            (ConnectionPointer c, DomainPointer d, String ev, long seconds, int micros,
             String details, Pointer opaque) -> l.onEvent(eventDomain(d), ev, seconds,
                                                          micros, details);
        int id = LibvirtQemu.INSTANCE.virConnectDomainQemuMonitorEventRegister(ptr,
            dom == null ? null : dom.ptr, event, cb, null, null, flags);
        if (id == -1)
            throw ErrorHandler.error();
        synchronized (objectListeners) {
            objectListeners.put(l, new Object[] {id, cb});
        }
    }

    public void removeQemuMonitorListener(final org.libvirt.event.QemuMonitorListener l)
            throws LibvirtException {
        Object[] r;
        synchronized (objectListeners) {
            r = objectListeners.remove(l);
        }
        if (r != null && LibvirtQemu.INSTANCE.virConnectDomainQemuMonitorEventDeregister(
                ptr, (Integer) r[0]) == -1)
            throw ErrorHandler.error();
    }
