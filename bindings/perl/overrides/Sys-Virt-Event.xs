MODULE = Sys::Virt  PACKAGE = Sys::Virt::Event

# The default event loop: register it once, then run one iteration per call.
void
register_default()
  PPCODE:
    if (virEventRegisterDefaultImpl() < 0)
        vkplCroakLast(aTHX);

void
run_default()
  PPCODE:
    if (virEventRunDefaultImpl() < 0)
        vkplCroakLast(aTHX);


MODULE = Sys::Virt  PACKAGE = Sys::Virt

# $conn->domain_event_register_any($dom or undef, $eventID, $callback):
# the callback ID.  vkplDomainEventCallback (vkpl-events.h) calls Perl.
void
domain_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virDomainPtr dom = NULL;
        int id, ret;
        virConnectDomainEventGenericCallback cb;
        vkplEventData *data;

        if (items != 4)
            croak_xs_usage(cv, "con, dom, eventID, cb");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::domain_event_register_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        if (SvOK(ST(1))) {
            dom = (virDomainPtr)vkplUnwrap(aTHX_ ST(1), "Sys::Virt::Domain",
                                           "Sys::Virt::domain_event_register_any",
                                           "dom");
            if (!dom)
                XSRETURN_UNDEF;
        }
        id = (int)SvIV(ST(2));
        cb = vkplDomainEventCallbackFor(id);
        /* IDs libvirt does not know: it answers the error itself */
        if (!cb && id >= 0 && id <= VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE)
            croak("domain event ID %d is not supported by this binding yet", id);
        if (!cb)
            cb = VIR_DOMAIN_EVENT_CALLBACK(vkplEventGeneric);
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectDomainEventRegisterAny(conn, dom, id, cb, data,
                                               vkplEventDataFree);
        if (ret < 0) {
            vkplEventDataFree(data);
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSViv(ret));
    }

void
domain_event_deregister_any(...)
  PPCODE:
    {
        virConnectPtr conn;

        if (items != 2)
            croak_xs_usage(cv, "con, callbackID");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::domain_event_deregister_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        /* Sys::Virt does not report a failure here (an unknown ID) */
        virConnectDomainEventDeregisterAny(conn, (int)SvIV(ST(1)));
    }


MODULE = Sys::Virt  PACKAGE = Sys::Virt

# $conn->network_event_register_any($net or undef, $eventID, $callback)
void
network_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virNetworkPtr obj = NULL;
        int id, ret;
        vkplEventData *data;

        if (items != 4)
            croak_xs_usage(cv, "con, net, eventID, cb");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::network_event_register_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        if (SvOK(ST(1))) {
            obj = (virNetworkPtr)vkplUnwrap(aTHX_ ST(1), "Sys::Virt::Network",
                                          "Sys::Virt::network_event_register_any",
                                          "net");
            if (!obj)
                XSRETURN_UNDEF;
        }
        id = (int)SvIV(ST(2));
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectNetworkEventRegisterAny(conn, obj, id,
                  VIR_NETWORK_EVENT_CALLBACK(vkplEventNetworkLifecycle), data,
                  vkplEventDataFree);
        if (ret < 0) {
            vkplEventDataFree(data);
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSViv(ret));
    }

void
network_event_deregister_any(...)
  PPCODE:
    {
        virConnectPtr conn;

        if (items != 2)
            croak_xs_usage(cv, "con, callbackID");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::network_event_deregister_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        virConnectNetworkEventDeregisterAny(conn, (int)SvIV(ST(1)));
    }

# $conn->storage_pool_event_register_any($pool or undef, $eventID, $callback)
void
storage_pool_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virStoragePoolPtr obj = NULL;
        int id, ret;
        vkplEventData *data;

        if (items != 4)
            croak_xs_usage(cv, "con, pool, eventID, cb");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::storage_pool_event_register_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        if (SvOK(ST(1))) {
            obj = (virStoragePoolPtr)vkplUnwrap(aTHX_ ST(1), "Sys::Virt::StoragePool",
                                          "Sys::Virt::storage_pool_event_register_any",
                                          "pool");
            if (!obj)
                XSRETURN_UNDEF;
        }
        id = (int)SvIV(ST(2));
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectStoragePoolEventRegisterAny(conn, obj, id,
                  VIR_STORAGE_POOL_EVENT_CALLBACK(vkplEventStoragePoolLifecycle), data,
                  vkplEventDataFree);
        if (ret < 0) {
            vkplEventDataFree(data);
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSViv(ret));
    }

void
storage_pool_event_deregister_any(...)
  PPCODE:
    {
        virConnectPtr conn;

        if (items != 2)
            croak_xs_usage(cv, "con, callbackID");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::storage_pool_event_deregister_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        virConnectStoragePoolEventDeregisterAny(conn, (int)SvIV(ST(1)));
    }

# $conn->node_device_event_register_any($dev or undef, $eventID, $callback)
void
node_device_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virNodeDevicePtr obj = NULL;
        int id, ret;
        vkplEventData *data;

        if (items != 4)
            croak_xs_usage(cv, "con, dev, eventID, cb");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::node_device_event_register_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        if (SvOK(ST(1))) {
            obj = (virNodeDevicePtr)vkplUnwrap(aTHX_ ST(1), "Sys::Virt::NodeDevice",
                                          "Sys::Virt::node_device_event_register_any",
                                          "dev");
            if (!obj)
                XSRETURN_UNDEF;
        }
        id = (int)SvIV(ST(2));
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectNodeDeviceEventRegisterAny(conn, obj, id,
                  VIR_NODE_DEVICE_EVENT_CALLBACK(vkplEventNodeDeviceLifecycle), data,
                  vkplEventDataFree);
        if (ret < 0) {
            vkplEventDataFree(data);
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSViv(ret));
    }

void
node_device_event_deregister_any(...)
  PPCODE:
    {
        virConnectPtr conn;

        if (items != 2)
            croak_xs_usage(cv, "con, callbackID");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::node_device_event_deregister_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        virConnectNodeDeviceEventDeregisterAny(conn, (int)SvIV(ST(1)));
    }

# $conn->secret_event_register_any($secret or undef, $eventID, $callback)
void
secret_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virSecretPtr obj = NULL;
        int id, ret;
        vkplEventData *data;

        if (items != 4)
            croak_xs_usage(cv, "con, secret, eventID, cb");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::secret_event_register_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        if (SvOK(ST(1))) {
            obj = (virSecretPtr)vkplUnwrap(aTHX_ ST(1), "Sys::Virt::Secret",
                                          "Sys::Virt::secret_event_register_any",
                                          "secret");
            if (!obj)
                XSRETURN_UNDEF;
        }
        id = (int)SvIV(ST(2));
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectSecretEventRegisterAny(conn, obj, id,
                  VIR_SECRET_EVENT_CALLBACK(vkplEventSecretLifecycle), data,
                  vkplEventDataFree);
        if (ret < 0) {
            vkplEventDataFree(data);
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSViv(ret));
    }

void
secret_event_deregister_any(...)
  PPCODE:
    {
        virConnectPtr conn;

        if (items != 2)
            croak_xs_usage(cv, "con, callbackID");
        conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt",
                                         "Sys::Virt::secret_event_deregister_any",
                                         "con");
        if (!conn)
            XSRETURN_UNDEF;
        virConnectSecretEventDeregisterAny(conn, (int)SvIV(ST(1)));
    }
