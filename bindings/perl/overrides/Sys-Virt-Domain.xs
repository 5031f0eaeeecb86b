MODULE = Sys::Virt  PACKAGE = Sys::Virt::Domain

# Lists of structs, CPU maps and typed parameter lists whose Perl shape is
# Sys::Virt's own (its key names, maps as bit strings, one hash per item).

# get_vcpu_info($flags=0): one hash per vCPU {number, state, cpuTime, cpu,
# affinity}; without flags from virDomainGetVcpus (a running domain), else
# (or when that fails) only the pinning, the other values 0.
void
get_vcpu_info(domsv, flags=0)
    SV *domsv
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_vcpu_info", "dom");
        virDomainInfo info;
        virVcpuInfoPtr vcpus = NULL;
        unsigned char *maps = NULL;
        int maplen, n = -1, i;

        if (!dom)
            XSRETURN_UNDEF;
        if (virDomainGetInfo(dom, &info) < 0)
            vkplCroakLast(aTHX);
        maplen = vkplHostMapLen(aTHX_ virDomainGetConnect(dom));
        Newxz(maps, (size_t)maplen * (info.nrVirtCpu ? info.nrVirtCpu : 1),
              unsigned char);
        if (flags == 0) {
            Newxz(vcpus, info.nrVirtCpu ? info.nrVirtCpu : 1, virVcpuInfo);
            n = virDomainGetVcpus(dom, vcpus, info.nrVirtCpu, maps, maplen);
        }
        if (n < 0) {
            Safefree(vcpus);
            vcpus = NULL;
            n = virDomainGetVcpuPinInfo(dom, info.nrVirtCpu, maps, maplen,
                                        flags);
        }
        if (n < 0) {
            Safefree(maps);
            vkplCroakLast(aTHX);
        }
        for (i = 0; i < n; i++) {
            HV *hv = newHV();
            (void)hv_stores(hv, "number", newSViv(vcpus ? (IV)vcpus[i].number : i));
            (void)hv_stores(hv, "state", newSViv(vcpus ? vcpus[i].state : 0));
            (void)hv_stores(hv, "cpuTime",
                            vkplNewSVull(vcpus ? vcpus[i].cpuTime : 0));
            (void)hv_stores(hv, "cpu", newSViv(vcpus ? vcpus[i].cpu : 0));
            (void)hv_stores(hv, "affinity",
                            newSVpvn((char *)VIR_GET_CPUMAP(maps, maplen, i),
                                     maplen));
            mXPUSHs(newRV_noinc((SV *)hv));
        }
        Safefree(vcpus);
        Safefree(maps);
    }

# get_emulator_pin_info($flags=0): the emulator's CPU map, a bit string.
void
get_emulator_pin_info(domsv, flags=0)
    SV *domsv
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_emulator_pin_info", "dom");
        unsigned char *map;
        int maplen;

        if (!dom)
            XSRETURN_UNDEF;
        maplen = vkplHostMapLen(aTHX_ virDomainGetConnect(dom));
        Newxz(map, maplen, unsigned char);
        if (virDomainGetEmulatorPinInfo(dom, map, maplen, flags) < 0) {
            Safefree(map);
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSVpvn((char *)map, maplen));
        Safefree(map);
    }

# get_iothread_info($flags=0): one hash per IOThread {number, affinity}.
void
get_iothread_info(domsv, flags=0)
    SV *domsv
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_iothread_info", "dom");
        virDomainIOThreadInfoPtr *list = NULL;
        int n, i;

        if (!dom)
            XSRETURN_UNDEF;
        if ((n = virDomainGetIOThreadInfo(dom, &list, flags)) < 0)
            vkplCroakLast(aTHX);
        for (i = 0; i < n; i++) {
            HV *hv = newHV();
            (void)hv_stores(hv, "number", newSVuv(list[i]->iothread_id));
            (void)hv_stores(hv, "affinity",
                            newSVpvn((char *)list[i]->cpumap, list[i]->cpumaplen));
            mXPUSHs(newRV_noinc((SV *)hv));
            virDomainIOThreadInfoFree(list[i]);
        }
        free(list);
    }

# get_fs_info($flags=0): one hash per guest filesystem {name, fstype,
# mountpoint, devalias => [...]}.
void
get_fs_info(domsv, flags=0)
    SV *domsv
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_fs_info", "dom");
        virDomainFSInfoPtr *list = NULL;
        int n, i;
        size_t j;

        if (!dom)
            XSRETURN_UNDEF;
        if ((n = virDomainGetFSInfo(dom, &list, flags)) < 0)
            vkplCroakLast(aTHX);
        for (i = 0; i < n; i++) {
            HV *hv = newHV();
            AV *av = newAV();
            (void)hv_stores(hv, "name", vkplNewSVstr(list[i]->name));
            (void)hv_stores(hv, "fstype", vkplNewSVstr(list[i]->fstype));
            (void)hv_stores(hv, "mountpoint", vkplNewSVstr(list[i]->mountpoint));
            for (j = 0; j < list[i]->ndevAlias; j++)
                av_push(av, vkplNewSVstr(list[i]->devAlias[j]));
            (void)hv_stores(hv, "devalias", newRV_noinc((SV *)av));
            mXPUSHs(newRV_noinc((SV *)hv));
            virDomainFSInfoFree(list[i]);
        }
        free(list);
    }

# get_interface_addresses($src, $flags=0): one hash per interface {name,
# hwaddr, addrs => [{type, addr, prefix}]}.
void
get_interface_addresses(domsv, src, flags=0)
    SV *domsv
    unsigned int src
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_interface_addresses", "dom");
        virDomainInterfacePtr *list = NULL;
        int n, i;
        size_t j;

        if (!dom)
            XSRETURN_UNDEF;
        if ((n = virDomainInterfaceAddresses(dom, &list, src, flags)) < 0)
            vkplCroakLast(aTHX);
        for (i = 0; i < n; i++) {
            HV *hv = newHV();
            AV *av = newAV();
            (void)hv_stores(hv, "name", vkplNewSVstr(list[i]->name));
            (void)hv_stores(hv, "hwaddr", vkplNewSVstr(list[i]->hwaddr));
            for (j = 0; j < list[i]->naddrs; j++) {
                HV *a = newHV();
                (void)hv_stores(a, "type", newSViv(list[i]->addrs[j].type));
                (void)hv_stores(a, "addr", vkplNewSVstr(list[i]->addrs[j].addr));
                (void)hv_stores(a, "prefix", newSVuv(list[i]->addrs[j].prefix));
                av_push(av, newRV_noinc((SV *)a));
            }
            (void)hv_stores(hv, "addrs", newRV_noinc((SV *)av));
            mXPUSHs(newRV_noinc((SV *)hv));
            virDomainInterfaceFree(list[i]);
        }
        free(list);
    }

# get_security_label_list(): one hash per label {label, enforcing}, as
# get_security_label gives the first.
void
get_security_label_list(domsv)
    SV *domsv
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_security_label_list", "dom");
        virSecurityLabelPtr labels = NULL;
        int n, i;

        if (!dom)
            XSRETURN_UNDEF;
        if ((n = virDomainGetSecurityLabelList(dom, &labels)) < 0)
            vkplCroakLast(aTHX);
        for (i = 0; i < n; i++) {
            HV *hv = newHV();
            (void)hv_stores(hv, "label", newSVpv(labels[i].label, 0));
            (void)hv_stores(hv, "enforcing", newSViv(labels[i].enforcing));
            mXPUSHs(newRV_noinc((SV *)hv));
        }
        free(labels);
    }

# get_cpu_stats($startCpu, $numCpus, $flags=0): one hash per host CPU
# (start -1, count 1: one hash for the whole domain).
void
get_cpu_stats(domsv, start, ncpus, flags=0)
    SV *domsv
    int start
    unsigned int ncpus
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_cpu_stats", "dom");
        virTypedParameterPtr params;
        int nparams, r, i;

        if (!dom)
            XSRETURN_UNDEF;
        if (start < 0)
            ncpus = 1;
        if ((nparams = virDomainGetCPUStats(dom, NULL, 0, start, ncpus, flags)) < 0)
            vkplCroakLast(aTHX);
        Newxz(params, (size_t)nparams * ncpus + 1, virTypedParameter);
        r = virDomainGetCPUStats(dom, params, nparams, start, ncpus, flags);
        if (r < 0) {
            Safefree(params);
            vkplCroakLast(aTHX);
        }
        /* r: the values per CPU filled in; the CPUs answered: all asked */
        for (i = 0; i < (int)ncpus; i++)
            mXPUSHs(vkplParamsToHV(aTHX_ params + (size_t)i * nparams,
                                   start < 0 ? r : nparams));
        virTypedParamsClear(params, nparams * ncpus);
        Safefree(params);
    }

# get_guest_vcpus($flags=0): {vcpus, online, offlinable} as the guest
# agent reports them.
void
get_guest_vcpus(domsv, flags=0)
    SV *domsv
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_guest_vcpus", "dom");
        virTypedParameterPtr params = NULL;
        unsigned int nparams = 0;

        if (!dom)
            XSRETURN_UNDEF;
        if (virDomainGetGuestVcpus(dom, &params, &nparams, flags) < 0)
            vkplCroakLast(aTHX);
        mXPUSHs(vkplParamsToHV(aTHX_ params, (int)nparams));
        virTypedParamsFree(params, (int)nparams);
    }

# memory_stats($flags=0): {name => value}, the names being the tags' in
# lower case (vkplMemoryStatName, generated from the IDL's enum).
void
memory_stats(domsv, flags=0)
    SV *domsv
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::memory_stats", "dom");
        virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
        HV *hv;
        int n, i;

        if (!dom)
            XSRETURN_UNDEF;
        if ((n = virDomainMemoryStats(dom, stats, VIR_DOMAIN_MEMORY_STAT_NR,
                                      flags)) < 0)
            vkplCroakLast(aTHX);
        hv = newHV();
        for (i = 0; i < n; i++) {
            const char *name = vkplMemoryStatName(stats[i].tag);
            if (name)
                (void)hv_store(hv, name, strlen(name),
                               vkplNewSVull(stats[i].val), 0);
        }
        mXPUSHs(newRV_noinc((SV *)hv));
    }

# get_disk_errors($flags=0): one hash per disk in error {path, error}.
void
get_disk_errors(domsv, flags=0)
    SV *domsv
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::get_disk_errors", "dom");
        virDomainDiskErrorPtr errs;
        int n, i;

        if (!dom)
            XSRETURN_UNDEF;
        if ((n = virDomainGetDiskErrors(dom, NULL, 0, 0)) < 0)
            vkplCroakLast(aTHX);
        Newxz(errs, n + 1, virDomainDiskError);
        if ((n = virDomainGetDiskErrors(dom, errs, n, flags)) < 0) {
            Safefree(errs);
            vkplCroakLast(aTHX);
        }
        for (i = 0; i < n; i++) {
            HV *hv = newHV();
            (void)hv_stores(hv, "path", vkplNewSVstr(errs[i].disk));
            (void)hv_stores(hv, "error", newSViv(errs[i].error));
            mXPUSHs(newRV_noinc((SV *)hv));
            free(errs[i].disk);
        }
        Safefree(errs);
    }

# fd_associate($name, \@fds, $flags=0)
void
fd_associate(domsv, name, fdsv, flags=0)
    SV *domsv
    const char *name
    SV *fdsv
    unsigned int flags
  PPCODE:
    {
        virDomainPtr dom = (virDomainPtr)vkplUnwrap(aTHX_ domsv, "Sys::Virt::Domain",
                                  "Sys::Virt::Domain::fd_associate", "dom");
        AV *av;
        int *fds;
        SSize_t n, j;
        int r;

        if (!dom)
            XSRETURN_UNDEF;
        if (!SvROK(fdsv) || SvTYPE(SvRV(fdsv)) != SVt_PVAV)
            croak("fds must be an array reference");
        av = (AV *)SvRV(fdsv);
        n = av_len(av) + 1;
        Newxz(fds, n + 1, int);
        for (j = 0; j < n; j++) {
            SV **e = av_fetch(av, j, 0);
            fds[j] = e ? (int)SvIV(*e) : -1;
        }
        r = virDomainFDAssociate(dom, name, (unsigned int)n, fds, flags);
        Safefree(fds);
        if (r < 0)
            vkplCroakLast(aTHX);
    }
