MODULE = Sys::Virt  PACKAGE = Sys::Virt

# Opening a connection: Sys::Virt->new() (Sys-Virt.pm) picks the call.
# _open(uri, readonly): virConnectOpen or virConnectOpenReadOnly.
void
_open(...)
  PPCODE:
    {
        const char *uri = (items > 0 && SvOK(ST(0))) ? SvPV_nolen(ST(0)) : NULL;
        int readonly = items > 1 ? SvTRUE(ST(1)) : 0;
        virConnectPtr conn;

        conn = readonly ? virConnectOpenReadOnly(uri) : virConnectOpen(uri);
        if (!conn)
            vkplCroakLast(aTHX);
        mXPUSHs(vkplWrap(aTHX_ "Sys::Virt", conn));
    }

# _open_auth(uri, credlist, callback, flags): virConnectOpenAuth with a
# Perl callback answering the credentials (vkplAuthCallback).
void
_open_auth(...)
  PPCODE:
    {
        const char *uri = (items > 0 && SvOK(ST(0))) ? SvPV_nolen(ST(0)) : NULL;
        unsigned int flags = items > 3 ? (unsigned int)SvUV(ST(3)) : 0;
        virConnectAuth auth;
        AV *creds = NULL;
        int *types = NULL;
        SSize_t n = 0, j;
        virConnectPtr conn;

        if (items < 3)
            croak_xs_usage(cv, "uri, credlist, callback, flags=0");
        if (SvROK(ST(1)) && SvTYPE(SvRV(ST(1))) == SVt_PVAV)
            creds = (AV *)SvRV(ST(1));
        if (creds)
            n = av_len(creds) + 1;
        Newxz(types, n + 1, int);
        for (j = 0; j < n; j++) {
            SV **e = av_fetch(creds, j, 0);
            types[j] = e ? (int)SvIV(*e) : 0;
        }
        auth.credtype = types;
        auth.ncredtype = (unsigned int)n;
        auth.cb = vkplAuthCallback;
        auth.cbdata = ST(2);
        conn = virConnectOpenAuth(uri, &auth, flags);
        Safefree(types);
        if (!conn)
            vkplCroakLast(aTHX);
        mXPUSHs(vkplWrap(aTHX_ "Sys::Virt", conn));
    }

# _get_library_version(): virGetVersion's library version.
void
_get_library_version(...)
  PPCODE:
    {
        unsigned long version = 0;

        if (virGetVersion(&version, NULL, NULL) < 0)
            vkplCroakLast(aTHX);
        mXPUSHs(newSVuv(version));
    }

# get_node_cpu_stats(cpuNum=-1, flags=0), get_node_memory_stats(cellNum=-1,
# flags=0): {field => value}, from the {field, value} arrays the library
# fills (counted first).
void
get_node_cpu_stats(...)
  PPCODE:
    {
        virConnectPtr conn;
        int num = items > 1 ? (int)SvIV(ST(1)) : VIR_NODE_CPU_STATS_ALL_CPUS;
        unsigned int flags = items > 2 ? (unsigned int)SvUV(ST(2)) : 0;
        virNodeCPUStatsPtr params;
        int nparams = 0, i;
        HV *hv;

        if (items < 1 || items > 3)
            croak_xs_usage(cv, "con, cpuNum=-1, flags=0");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::get_node_cpu_stats", "con");
        if (!conn)
            XSRETURN_UNDEF;
        if (virNodeGetCPUStats(conn, num, NULL, &nparams, flags) < 0)
            vkplCroakLast(aTHX);
        Newxz(params, nparams + 1, virNodeCPUStats);
        if (virNodeGetCPUStats(conn, num, params, &nparams, flags) < 0) {
            Safefree(params);
            vkplCroakLast(aTHX);
        }
        hv = newHV();
        for (i = 0; i < nparams; i++)
            (void)hv_store(hv, params[i].field, strlen(params[i].field),
                           vkplNewSVull(params[i].value), 0);
        Safefree(params);
        mXPUSHs(newRV_noinc((SV *)hv));
    }

void
get_node_memory_stats(...)
  PPCODE:
    {
        virConnectPtr conn;
        int num = items > 1 ? (int)SvIV(ST(1)) : VIR_NODE_MEMORY_STATS_ALL_CELLS;
        unsigned int flags = items > 2 ? (unsigned int)SvUV(ST(2)) : 0;
        virNodeMemoryStatsPtr params;
        int nparams = 0, i;
        HV *hv;

        if (items < 1 || items > 3)
            croak_xs_usage(cv, "con, cellNum=-1, flags=0");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::get_node_memory_stats", "con");
        if (!conn)
            XSRETURN_UNDEF;
        if (virNodeGetMemoryStats(conn, num, NULL, &nparams, flags) < 0)
            vkplCroakLast(aTHX);
        Newxz(params, nparams + 1, virNodeMemoryStats);
        if (virNodeGetMemoryStats(conn, num, params, &nparams, flags) < 0) {
            Safefree(params);
            vkplCroakLast(aTHX);
        }
        hv = newHV();
        for (i = 0; i < nparams; i++)
            (void)hv_store(hv, params[i].field, strlen(params[i].field),
                           vkplNewSVull(params[i].value), 0);
        Safefree(params);
        mXPUSHs(newRV_noinc((SV *)hv));
    }

# get_node_cpu_map($flags=0): (the number of host CPUs, the online ones as
# a bit string, how many are online).
void
get_node_cpu_map(consv, flags=0)
    SV *consv
    unsigned int flags
  PPCODE:
    {
        virConnectPtr conn = (virConnectPtr)vkplUnwrap(aTHX_ consv, "Sys::Virt",
                                 "Sys::Virt::get_node_cpu_map", "con");
        unsigned char *map = NULL;
        unsigned int online = 0;
        int n;

        if (!conn)
            XSRETURN_UNDEF;
        if ((n = virNodeGetCPUMap(conn, &map, &online, flags)) < 0)
            vkplCroakLast(aTHX);
        mXPUSHs(newSViv(n));
        mXPUSHs(newSVpvn((char *)map, VIR_CPU_MAPLEN(n)));
        mXPUSHs(newSVuv(online));
        free(map);
    }

# get_all_domain_stats($stats, \@doms=undef, $flags=0): one hash per domain
# {dom => Sys::Virt::Domain, data => {name => value}}; with a list of
# domains, their statistics only (virDomainListGetStats).
void
get_all_domain_stats(consv, stats, doms=&PL_sv_undef, flags=0)
    SV *consv
    unsigned int stats
    SV *doms
    unsigned int flags
  PPCODE:
    {
        virConnectPtr conn = (virConnectPtr)vkplUnwrap(aTHX_ consv, "Sys::Virt",
                                 "Sys::Virt::get_all_domain_stats", "con");
        virDomainStatsRecordPtr *recs = NULL;
        int n, i;

        if (!conn)
            XSRETURN_UNDEF;
        if (SvROK(doms) && SvTYPE(SvRV(doms)) == SVt_PVAV) {
            AV *av = (AV *)SvRV(doms);
            SSize_t len = av_len(av) + 1, j;
            virDomainPtr *list;
            Newxz(list, len + 1, virDomainPtr);
            for (j = 0; j < len; j++) {
                SV **e = av_fetch(av, j, 0);
                list[j] = e ? (virDomainPtr)vkplUnwrap(aTHX_ *e, "Sys::Virt::Domain",
                                  "Sys::Virt::get_all_domain_stats", "doms") : NULL;
                if (!list[j]) {
                    Safefree(list);
                    XSRETURN_UNDEF;
                }
            }
            n = virDomainListGetStats(list, stats, &recs, flags);
            Safefree(list);
        } else {
            n = virConnectGetAllDomainStats(conn, stats, &recs, flags);
        }
        if (n < 0)
            vkplCroakLast(aTHX);
        for (i = 0; i < n; i++) {
            HV *hv = newHV();
            virDomainRef(recs[i]->dom);
            (void)hv_stores(hv, "dom", vkplWrap(aTHX_ "Sys::Virt::Domain",
                                                recs[i]->dom));
            (void)hv_stores(hv, "data", vkplParamsToHV(aTHX_ recs[i]->params,
                                                       recs[i]->nparams));
            mXPUSHs(newRV_noinc((SV *)hv));
        }
        virDomainStatsRecordListFree(recs);
    }
