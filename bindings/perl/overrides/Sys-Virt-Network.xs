MODULE = Sys::Virt  PACKAGE = Sys::Virt::Network

# get_dhcp_leases($mac=undef, $flags=0): one hash per lease {iface,
# expirytime, type, mac, iaid, ipaddr, prefix, clientid, hostname}.
void
get_dhcp_leases(netsv, mac=&PL_sv_undef, flags=0)
    SV *netsv
    SV *mac
    unsigned int flags
  PPCODE:
    {
        virNetworkPtr net = (virNetworkPtr)vkplUnwrap(aTHX_ netsv, "Sys::Virt::Network",
                                 "Sys::Virt::Network::get_dhcp_leases", "net");
        virNetworkDHCPLeasePtr *leases = NULL;
        int n, i;

        if (!net)
            XSRETURN_UNDEF;
        n = virNetworkGetDHCPLeases(net, SvOK(mac) ? SvPV_nolen(mac) : NULL,
                                    &leases, flags);
        if (n < 0)
            vkplCroakLast(aTHX);
        for (i = 0; i < n; i++) {
            HV *hv = newHV();
            virNetworkDHCPLeasePtr l = leases[i];
            (void)hv_stores(hv, "iface", vkplNewSVstr(l->iface));
            (void)hv_stores(hv, "expirytime", vkplNewSVll(l->expirytime));
            (void)hv_stores(hv, "type", newSViv(l->type));
            (void)hv_stores(hv, "mac", vkplNewSVstr(l->mac));
            (void)hv_stores(hv, "iaid", vkplNewSVstr(l->iaid));
            (void)hv_stores(hv, "ipaddr", vkplNewSVstr(l->ipaddr));
            (void)hv_stores(hv, "prefix", newSVuv(l->prefix));
            (void)hv_stores(hv, "clientid", vkplNewSVstr(l->clientid));
            (void)hv_stores(hv, "hostname", vkplNewSVstr(l->hostname));
            mXPUSHs(newRV_noinc((SV *)hv));
            virNetworkDHCPLeaseFree(l);
        }
        free(leases);
    }
