    // SPDX-License-Identifier: LGPL-2.1-or-later
    // Hand-written members of org.libvirt.Domain: the scheduler parameters
    // (their count comes from virDomainGetSchedulerType, and libvirt-java
    // gives them as SchedParameter objects).

    /** The number of scheduler parameters, from the scheduler's type. */
    private int schedulerParameterCount() throws LibvirtException {
        IntByReference n = new IntByReference();
        Pointer type = libvirt.virDomainGetSchedulerType(ptr, n);
        if (type == null)
            throw ErrorHandler.error();
        Library.free(type);
        return n.getValue();
    }

    /** The scheduler's parameters (virDomainGetSchedulerParameters). */
    public SchedParameter[] getSchedulerParameters() throws LibvirtException {
        IntByReference n = new IntByReference(schedulerParameterCount());
        if (n.getValue() == 0)
            return new SchedParameter[0];
        com.sun.jna.Memory m = new com.sun.jna.Memory((long) TypedParameter.SIZE * n.getValue());
        m.clear();
        if (libvirt.virDomainGetSchedulerParameters(ptr, m, n) == -1)
            throw ErrorHandler.error();
        TypedParameter[] t = TypedParameter.fromNative(m, n.getValue());
        libvirt.virTypedParamsClear(m, n.getValue());
        return SchedParameter.fromTyped(t);
    }

    /** The scheduler's parameters, live or persistent (flags: Domain.
     * ModificationImpact), by virDomainGetSchedulerParametersFlags. */
    public SchedParameter[] getSchedulerParameters(final int flags) throws LibvirtException {
        IntByReference n = new IntByReference(schedulerParameterCount());
        if (n.getValue() == 0)
            return new SchedParameter[0];
        com.sun.jna.Memory m = new com.sun.jna.Memory((long) TypedParameter.SIZE * n.getValue());
        m.clear();
        if (libvirt.virDomainGetSchedulerParametersFlags(ptr, m, n, flags) == -1)
            throw ErrorHandler.error();
        TypedParameter[] t = TypedParameter.fromNative(m, n.getValue());
        libvirt.virTypedParamsClear(m, n.getValue());
        return SchedParameter.fromTyped(t);
    }

    /** Changes scheduler parameters (virDomainSetSchedulerParameters). */
    public void setSchedulerParameters(final SchedParameter[] params) throws LibvirtException {
        ErrorHandler.processError(libvirt.virDomainSetSchedulerParameters(ptr,
            TypedParameter.toNative(SchedParameter.toTyped(params)), params.length));
    }

    /** Changes scheduler parameters, live or persistent. */
    public void setSchedulerParameters(final SchedParameter[] params, final int flags)
            throws LibvirtException {
        ErrorHandler.processError(libvirt.virDomainSetSchedulerParametersFlags(ptr,
            TypedParameter.toNative(SchedParameter.toTyped(params)), params.length, flags));
    }

    /** Calls l on this domain's lifecycle events. */
    public void addLifecycleListener(final org.libvirt.event.LifecycleListener l)
            throws LibvirtException {
        virConnect.domainEventRegister(this, Domain.EventID.LIFECYCLE,
                                       virConnect.lifecycleCallback(l), l);
    }

    /** Calls l when this domain reboots. */
    public void addRebootListener(final org.libvirt.event.RebootListener l)
            throws LibvirtException {
        virConnect.domainEventRegister(this, Domain.EventID.REBOOT,
                                       virConnect.rebootCallback(l), l);
    }

    /** What each virtual CPU does (virDomainGetVcpus without CPU maps). */
    public VcpuInfo[] getVcpusInfo() throws LibvirtException {
        int n = getInfo().nrVirtCpu;
        virVcpuInfo[] info = (virVcpuInfo[]) new virVcpuInfo().toArray(Math.max(n, 1));
        int r = libvirt.virDomainGetVcpus(ptr, info[0], n, null, 0);
        if (r == -1)
            throw ErrorHandler.error();
        VcpuInfo[] out = new VcpuInfo[r];
        for (int i = 0; i < r; i++) {
            info[i].read();
            out[i] = new VcpuInfo(info[i]);
        }
        return out;
    }

    /** The bytes a CPU map of maxCpus CPUs takes. */
    public int cpuMapLength(final int maxCpus) {
        return (maxCpus + 7) / 8;
    }

    public void addIOErrorListener(final org.libvirt.event.IOErrorListener l)
            throws LibvirtException {
        virConnect.domainEventRegister(this, Domain.EventID.IO_ERROR,
                                       virConnect.ioErrorCallback(l), l);
    }

    public void addBlockJobListener(final org.libvirt.event.BlockJobListener l)
            throws LibvirtException {
        virConnect.domainEventRegister(this, Domain.EventID.BLOCK_JOB,
                                       virConnect.blockJobCallback(l), l);
    }

    public void removeBlockJobListener(final org.libvirt.event.BlockJobListener l)
            throws LibvirtException {
        virConnect.domainEventDeregister(l);
    }

    public void addPMWakeupListener(final org.libvirt.event.PMWakeupListener l)
            throws LibvirtException {
        virConnect.domainEventRegister(this, Domain.EventID.PMWAKEUP,
                                       virConnect.pmWakeupCallback(l), l);
    }

    public void addPMSuspendListener(final org.libvirt.event.PMSuspendListener l)
            throws LibvirtException {
        virConnect.domainEventRegister(this, Domain.EventID.PMSUSPEND,
                                       virConnect.pmSuspendCallback(l), l);
    }

    public void addAgentLifecycleListener(final org.libvirt.event.AgentLifecycleListener l)
            throws LibvirtException {
        virConnect.domainEventRegister(this, Domain.EventID.AGENT_LIFECYCLE,
                                       virConnect.agentLifecycleCallback(l), l);
    }

    /** The current (or, with flags, the completed) job's type and
     * statistics (virDomainGetJobStats). */
    public DomainJobStats getJobStats(final int flags) throws LibvirtException {
        IntByReference type = new IntByReference();
        PointerByReference params = new PointerByReference();
        IntByReference n = new IntByReference();
        if (libvirt.virDomainGetJobStats(ptr, type, params, n, flags) == -1)
            throw ErrorHandler.error();
        TypedParameter[] stats = params.getValue() == null ? new TypedParameter[0]
            : TypedParameter.fromNative(params.getValue(), n.getValue());
        libvirt.virTypedParamsFree(params.getValue(), n.getValue());
        return new DomainJobStats(type.getValue(), stats);
    }

    /** CPU statistics: of ncpus host CPUs from start_cpu, one after the
     * other, or (start_cpu -1, ncpus 1) the domain's total. */
    public TypedParameter[] getCPUStats(final int start_cpu, final int ncpus)
            throws LibvirtException {
        int n = ErrorHandler.processError(
            libvirt.virDomainGetCPUStats(ptr, null, 0, start_cpu, ncpus, 0));
        int cpus = Math.max(ncpus, 1);
        com.sun.jna.Memory m = new com.sun.jna.Memory(
            (long) TypedParameter.SIZE * Math.max(n * cpus, 1));
        m.clear();
        int r = ErrorHandler.processError(
            libvirt.virDomainGetCPUStats(ptr, m, n, start_cpu, ncpus, 0));
        java.util.List<TypedParameter> out = new java.util.ArrayList<>();
        for (int i = 0; i < cpus; i++)
            for (TypedParameter t : TypedParameter.fromNative(
                     m.share((long) TypedParameter.SIZE * i * n), r))
                if (t != null && !t.field.isEmpty())
                    out.add(t);
        libvirt.virTypedParamsClear(m, n * cpus);
        return out.toArray(new TypedParameter[0]);
    }

    /** Suspends the guest into target (memory, disk or both). */
    public void PMsuspend(final SuspendTarget target) throws LibvirtException {
        PMsuspendFor(target, 0, 0);
    }

    /** The guest's interfaces and their addresses, as source (Domain.
     * InterfaceAddressesSource) knows them. */
    public java.util.Collection<DomainInterface> interfaceAddresses(final int source,
                                                                    final int flags)
            throws LibvirtException {
        PointerByReference list = new PointerByReference();
        int n = libvirt.virDomainInterfaceAddresses(ptr, list, source, flags);
        if (n == -1)
            throw ErrorHandler.error();
        java.util.List<DomainInterface> out = new java.util.ArrayList<>();
        Pointer[] each = n > 0 ? list.getValue().getPointerArray(0, n) : new Pointer[0];
        for (Pointer p : each) {
            virDomainInterface c = new virDomainInterface(p);
            DomainInterface i = new DomainInterface();
            i.name = c.name == null ? null : c.name.getString(0);
            i.hwAddr = c.hwaddr == null ? null : c.hwaddr.getString(0);
            java.util.List<DomainInterface.InterfaceAddress> addrs = new java.util.ArrayList<>();
            if (c.naddrs > 0 && c.addrs != null) {
                virDomainIPAddress[] a = (virDomainIPAddress[])
                    new virDomainIPAddress(c.addrs).toArray(c.naddrs);
                for (virDomainIPAddress x : a)
                    addrs.add(DomainInterface.InterfaceAddress.parse(
                        x.addr.getString(0), x.prefix));
            }
            i.addrs = addrs;
            out.add(i);
            libvirt.virDomainInterfaceFree(c);
        }
        Library.free(list.getValue());
        return out;
    }

    // ---- two values at once, CPU maps, lists of structs ----

    /** The state and its reason: {state (DomainInfo.DomainState's
     * ordinal, virDomainState), reason (the state's reason enum)}. */
    public int[] getState(final int flags) throws LibvirtException {
        IntByReference state = new IntByReference();
        IntByReference reason = new IntByReference();
        ErrorHandler.processError(libvirt.virDomainGetState(ptr, state, reason, flags));
        return new int[] {state.getValue(), reason.getValue()};
    }

    public int[] getState() throws LibvirtException {
        return getState(0);
    }

    /** The guest's clock (through its agent): {seconds, nanoseconds}. */
    public long[] getTime(final int flags) throws LibvirtException {
        LongByReference seconds = new LongByReference();
        IntByReference nseconds = new IntByReference();
        ErrorHandler.processError(libvirt.virDomainGetTime(ptr, seconds, nseconds, flags));
        return new long[] {seconds.getValue(), nseconds.getValue() & 0xffffffffL};
    }

    public long[] getTime() throws LibvirtException {
        return getTime(0);
    }

    /** The number of the host's CPUs, which sizes a CPU map. */
    private int hostCpus() throws LibvirtException {
        return ErrorHandler.processError(
            libvirt.virNodeGetCPUMap(virConnect.ptr, null, null, 0));
    }

    /** Each vCPU's CPU map (flags: Domain.ModificationImpact), one after
     * the other, cpuMapLength(host CPUs) ints each (an int per byte, as
     * getVcpusCpuMaps() gives them). */
    public int[] getVcpuPinInfo(final int flags) throws LibvirtException {
        int maplen = cpuMapLength(hostCpus());
        int vcpus = ErrorHandler.processError(libvirt.virDomainGetVcpusFlags(ptr,
            (flags & ModificationImpact.CONFIG) | VcpuFlags.MAXIMUM));
        byte[] maps = new byte[Math.max(vcpus * maplen, 1)];
        int n = ErrorHandler.processError(
            libvirt.virDomainGetVcpuPinInfo(ptr, vcpus, maps, maplen, flags));
        return Library.toInts(java.util.Arrays.copyOf(maps, n * maplen));
    }

    public int[] getVcpuPinInfo() throws LibvirtException {
        return getVcpuPinInfo(0);
    }

    /** The emulator threads' CPU map (an int per byte). */
    public int[] getEmulatorPinInfo(final int flags) throws LibvirtException {
        byte[] map = new byte[cpuMapLength(hostCpus())];
        ErrorHandler.processError(
            libvirt.virDomainGetEmulatorPinInfo(ptr, map, map.length, flags));
        return Library.toInts(map);
    }

    public int[] getEmulatorPinInfo() throws LibvirtException {
        return getEmulatorPinInfo(0);
    }

    /** The guest's mounted file systems (through its agent). */
    public DomainFSInfo[] getFSInfo(final int flags) throws LibvirtException {
        PointerByReference list = new PointerByReference();
        int n = ErrorHandler.processError(libvirt.virDomainGetFSInfo(ptr, list, flags));
        DomainFSInfo[] out = new DomainFSInfo[n];
        Pointer[] each = n > 0 ? list.getValue().getPointerArray(0, n) : new Pointer[0];
        for (int i = 0; i < n; i++) {
            virDomainFSInfo c = new virDomainFSInfo(each[i]);
            int na = (int) c.ndevAlias.longValue();
            String[] aliases = na > 0 && c.devAlias != null
                ? c.devAlias.getStringArray(0, na) : new String[0];
            out[i] = new DomainFSInfo(str(c.mountpoint), str(c.name),
                                      str(c.fstype), aliases);
            libvirt.virDomainFSInfoFree(c);
        }
        Library.free(list.getValue());
        return out;
    }

    public DomainFSInfo[] getFSInfo() throws LibvirtException {
        return getFSInfo(0);
    }

    private static String str(final Pointer p) {
        return p == null ? null : p.getString(0);
    }

    /** The domain's I/O threads and the CPUs each may run on. */
    public DomainIOThreadInfo[] getIOThreadInfo(final int flags) throws LibvirtException {
        PointerByReference list = new PointerByReference();
        int n = ErrorHandler.processError(libvirt.virDomainGetIOThreadInfo(ptr, list, flags));
        DomainIOThreadInfo[] out = new DomainIOThreadInfo[n];
        Pointer[] each = n > 0 ? list.getValue().getPointerArray(0, n) : new Pointer[0];
        for (int i = 0; i < n; i++) {
            virDomainIOThreadInfo c = new virDomainIOThreadInfo(each[i]);
            byte[] map = c.cpumaplen > 0 && c.cpumap != null
                ? c.cpumap.getByteArray(0, c.cpumaplen) : new byte[0];
            out[i] = new DomainIOThreadInfo(c.iothread_id, Library.toInts(map));
            libvirt.virDomainIOThreadInfoFree(c);
        }
        Library.free(list.getValue());
        return out;
    }

    public DomainIOThreadInfo[] getIOThreadInfo() throws LibvirtException {
        return getIOThreadInfo(0);
    }

    /** Every security label of the domain (one per security driver). */
    public SecurityLabel[] getSecurityLabelList() throws LibvirtException {
        PointerByReference list = new PointerByReference();
        int n = ErrorHandler.processError(libvirt.virDomainGetSecurityLabelList(ptr, list));
        SecurityLabel[] out = new SecurityLabel[n];
        if (n > 0) {
            virSecurityLabel[] all = (virSecurityLabel[])
                new virSecurityLabel(list.getValue()).toArray(n);
            for (int i = 0; i < n; i++)
                out[i] = new SecurityLabel(all[i]);
        }
        Library.free(list.getValue());
        return out;
    }

    /** File descriptors (in this process) of the container's namespaces
     * (libvirt-lxc.so); the caller closes them. */
    public int[] lxcOpenNamespace(final int flags) throws LibvirtException {
        PointerByReference fds = new PointerByReference();
        int n = ErrorHandler.processError(
            LibvirtLxc.INSTANCE.virDomainLxcOpenNamespace(ptr, fds, flags));
        int[] out = n > 0 ? fds.getValue().getIntArray(0, n) : new int[0];
        Library.free(fds.getValue());
        return out;
    }
