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

# A loop written in Perl (Sys-Virt-Event.pm's register): libvirt calls the
# vkplLoop* functions of vkpl-loop.h.
void
_register_impl()
  PPCODE:
    virEventRegisterImpl(vkplLoopAddHandle, vkplLoopUpdateHandle,
                         vkplLoopRemoveHandle, vkplLoopAddTimeout,
                         vkplLoopUpdateTimeout, vkplLoopRemoveTimeout);

# (watch, fd, events, cb, opaque): the library's handle callback, as given
# to the loop's add_handle.
void
_run_handle_callback_helper(watch, fd, events, cb, opaque)
    int watch
    int fd
    int events
    IV cb
    IV opaque
  PPCODE:
    if (cb)
        (INT2PTR(virEventHandleCallback, cb))(watch, fd, events,
                                               INT2PTR(void *, opaque));

void
_run_timeout_callback_helper(timer, cb, opaque)
    int timer
    IV cb
    IV opaque
  PPCODE:
    if (cb)
        (INT2PTR(virEventTimeoutCallback, cb))(timer, INT2PTR(void *, opaque));

void
_free_callback_opaque_helper(ff, opaque)
    SV *ff
    SV *opaque
  PPCODE:
    if (SvOK(ff) && SvIV(ff))
        (INT2PTR(virFreeCallback, SvIV(ff)))(INT2PTR(void *, SvIV(opaque)));

# Handles and timeouts on whichever loop is registered, with Perl code:
# add_handle(fd, events, cb(watch, fd, events)) -> watch,
# add_timeout(frequency, cb(timer)) -> timer.  A loop object's own methods
# of these names override them.
void
add_handle(fd, events, cb)
    int fd
    int events
    SV *cb
  PPCODE:
    {
        SV *code = newSVsv(cb);
        int watch = virEventAddHandle(fd, events, vkplLoopHandleCallback,
                                      code, vkplLoopFreeCode);
        if (watch < 0) {
            SvREFCNT_dec(code);
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSViv(watch));
    }

void
update_handle(watch, events)
    int watch
    int events
  PPCODE:
    virEventUpdateHandle(watch, events);

void
remove_handle(watch)
    int watch
  PPCODE:
    if (virEventRemoveHandle(watch) < 0)
        vkplCroakLast(aTHX);

void
add_timeout(frequency, cb)
    int frequency
    SV *cb
  PPCODE:
    {
        SV *code = newSVsv(cb);
        int timer = virEventAddTimeout(frequency, vkplLoopTimeoutCallback,
                                       code, vkplLoopFreeCode);
        if (timer < 0) {
            SvREFCNT_dec(code);
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSViv(timer));
    }

void
update_timeout(timer, frequency)
    int timer
    int frequency
  PPCODE:
    virEventUpdateTimeout(timer, frequency);

void
remove_timeout(timer)
    int timer
  PPCODE:
    if (virEventRemoveTimeout(timer) < 0)
        vkplCroakLast(aTHX);


MODULE = Sys::Virt  PACKAGE = Sys::Virt

# $conn->KIND_event_register_any($obj or undef, $eventID, $callback): the
# callback ID; the callback gets ($conn, $obj, the event's values).  The C
# callback of each ID is generated from the IDL (vkplKINDEventCallbackFor).
# An ID the binding does not know goes to libvirt, which refuses it.
# $conn->KIND_event_deregister_any($callbackID): like Sys::Virt, a failure
# (an unknown ID) is not reported.

void
domain_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virDomainPtr obj = NULL;
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
            obj = (virDomainPtr)vkplUnwrap(aTHX_ ST(1), "Sys::Virt::Domain",
                                        "Sys::Virt::domain_event_register_any",
                                        "dom");
            if (!obj)
                XSRETURN_UNDEF;
        }
        id = (int)SvIV(ST(2));
        cb = vkplDomainEventCallbackFor(id);
        if (!cb)
            cb = vkplDomainEventCallbackFor(0);
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectDomainEventRegisterAny(conn, obj, id, cb, data,
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
        virConnectDomainEventDeregisterAny(conn, (int)SvIV(ST(1)));
    }

void
network_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virNetworkPtr obj = NULL;
        int id, ret;
        virConnectNetworkEventGenericCallback cb;
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
        cb = vkplNetworkEventCallbackFor(id);
        if (!cb)
            cb = vkplNetworkEventCallbackFor(0);
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectNetworkEventRegisterAny(conn, obj, id, cb, data,
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

void
storage_pool_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virStoragePoolPtr obj = NULL;
        int id, ret;
        virConnectStoragePoolEventGenericCallback cb;
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
        cb = vkplStoragePoolEventCallbackFor(id);
        if (!cb)
            cb = vkplStoragePoolEventCallbackFor(0);
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectStoragePoolEventRegisterAny(conn, obj, id, cb, data,
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

void
node_device_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virNodeDevicePtr obj = NULL;
        int id, ret;
        virConnectNodeDeviceEventGenericCallback cb;
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
        cb = vkplNodeDeviceEventCallbackFor(id);
        if (!cb)
            cb = vkplNodeDeviceEventCallbackFor(0);
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectNodeDeviceEventRegisterAny(conn, obj, id, cb, data,
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

void
secret_event_register_any(...)
  PPCODE:
    {
        virConnectPtr conn;
        virSecretPtr obj = NULL;
        int id, ret;
        virConnectSecretEventGenericCallback cb;
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
        cb = vkplSecretEventCallbackFor(id);
        if (!cb)
            cb = vkplSecretEventCallbackFor(0);
        data = vkplEventDataNew(aTHX_ ST(0), ST(3), id);
        ret = virConnectSecretEventRegisterAny(conn, obj, id, cb, data,
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

# The old lifecycle-only registration: one callback per connection,
# ($conn, $dom, $event, $detail), removed by domain_event_deregister().
void
domain_event_register(con, cb)
    SV *con
    SV *cb
  PPCODE:
    {
        virConnectPtr conn = (virConnectPtr)vkplUnwrap(aTHX_ con, "Sys::Virt",
                                     "Sys::Virt::domain_event_register", "con");
        vkplEventData *data;

        if (!conn)
            XSRETURN_UNDEF;
        data = vkplEventDataNew(aTHX_ con, cb, 0);
        if (virConnectDomainEventRegister(conn, vkplEvDomainEventCallback,
                                          data, vkplEventDataFree) < 0) {
            vkplEventDataFree(data);
            vkplCroakLast(aTHX);
        }
    }

void
domain_event_deregister(con)
    SV *con
  PPCODE:
    {
        virConnectPtr conn = (virConnectPtr)vkplUnwrap(aTHX_ con, "Sys::Virt",
                                     "Sys::Virt::domain_event_deregister", "con");

        if (!conn)
            XSRETURN_UNDEF;
        virConnectDomainEventDeregister(conn, vkplEvDomainEventCallback);
    }

# $conn->register_close_callback($coderef): $coderef->($conn, $reason)
# when the connection closes.
void
register_close_callback(con, cb)
    SV *con
    SV *cb
  PPCODE:
    {
        virConnectPtr conn = (virConnectPtr)vkplUnwrap(aTHX_ con, "Sys::Virt",
                                     "Sys::Virt::register_close_callback", "con");
        vkplEventData *data;

        if (!conn)
            XSRETURN_UNDEF;
        data = vkplEventDataNew(aTHX_ con, cb, 0);
        if (virConnectRegisterCloseCallback(conn, vkplCloseCallback, data,
                                            vkplEventDataFree) < 0) {
            vkplEventDataFree(data);
            vkplCroakLast(aTHX);
        }
    }

void
unregister_close_callback(con)
    SV *con
  PPCODE:
    {
        virConnectPtr conn = (virConnectPtr)vkplUnwrap(aTHX_ con, "Sys::Virt",
                                     "Sys::Virt::unregister_close_callback", "con");

        if (!conn)
            XSRETURN_UNDEF;
        if (virConnectUnregisterCloseCallback(conn, vkplCloseCallback) < 0)
            vkplCroakLast(aTHX);
    }
