MODULE = Sys::Virt  PACKAGE = Sys::Virt::Stream

# $st->recv($data, $nbytes, $flags=0): up to nbytes into $data; the count
# (0 at the end, -2 when a non-blocking stream has nothing yet).
void
recv(...)
  PPCODE:
    {
        virStreamPtr st;
        size_t nbytes;
        unsigned int flags;
        char *buf;
        int ret;

        if (items < 3 || items > 4)
            croak_xs_usage(cv, "st, data, nbytes, flags=0");
        st = (virStreamPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Stream",
                                      "Sys::Virt::Stream::recv", "st");
        if (!st)
            XSRETURN_UNDEF;
        nbytes = (size_t)SvUV(ST(2));
        flags = items > 3 ? (unsigned int)SvUV(ST(3)) : 0;
        Newx(buf, nbytes + 1, char);
        ret = flags ? virStreamRecvFlags(st, buf, nbytes, flags)
                    : virStreamRecv(st, buf, nbytes);
        if (ret == -1) {
            Safefree(buf);
            vkplCroakLast(aTHX);
        }
        sv_setpvn(ST(1), buf, ret > 0 ? (STRLEN)ret : 0);
        SvSETMAGIC(ST(1));
        Safefree(buf);
        mXPUSHs(newSViv(ret));
    }

# $st->recv_all($handler): handler($st, $data, $nbytes) for each piece, in
# virStreamRecvAll; a negative answer stops it.
void
recv_all(...)
  PPCODE:
    {
        virStreamPtr st;
        vkplStreamData data = { NULL, NULL, NULL, NULL };

        if (items != 2)
            croak_xs_usage(cv, "st, handler");
        st = (virStreamPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Stream",
                                      "Sys::Virt::Stream::recv_all", "st");
        if (!st)
            XSRETURN_UNDEF;
        data.st = ST(0);
        data.handler = ST(1);
        if (virStreamRecvAll(st, vkplStreamSink, &data) < 0)
            vkplCroakLast(aTHX);
    }

# $st->send_all($handler): handler($st, $data, $nbytes) sets $data to the
# next piece (at most nbytes) and answers its length, 0 at the end.
void
send_all(...)
  PPCODE:
    {
        virStreamPtr st;
        vkplStreamData data = { NULL, NULL, NULL, NULL };

        if (items != 2)
            croak_xs_usage(cv, "st, handler");
        st = (virStreamPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Stream",
                                      "Sys::Virt::Stream::send_all", "st");
        if (!st)
            XSRETURN_UNDEF;
        data.st = ST(0);
        data.handler = ST(1);
        if (virStreamSendAll(st, vkplStreamSource, &data) < 0)
            vkplCroakLast(aTHX);
    }

# $st->sparse_recv_all($handler, $hole_handler): as recv_all, and
# $hole_handler->($st, $length) for each hole.
void
sparse_recv_all(stsv, handler, hole)
    SV *stsv
    SV *handler
    SV *hole
  PPCODE:
    {
        virStreamPtr st = (virStreamPtr)vkplUnwrap(aTHX_ stsv, "Sys::Virt::Stream",
                                 "Sys::Virt::Stream::sparse_recv_all", "st");
        vkplStreamData data = { stsv, handler, hole, NULL };

        if (!st)
            XSRETURN_UNDEF;
        if (virStreamSparseRecvAll(st, vkplStreamSink, vkplStreamSinkHole,
                                   &data) < 0)
            vkplCroakLast(aTHX);
    }

# $st->sparse_send_all($handler, $hole_handler, $skip_handler): as
# send_all; $hole_handler->($st) answers ($in_data, $section_length),
# $skip_handler->($st, $length) moves past a hole of the source.
void
sparse_send_all(stsv, handler, hole, skip)
    SV *stsv
    SV *handler
    SV *hole
    SV *skip
  PPCODE:
    {
        virStreamPtr st = (virStreamPtr)vkplUnwrap(aTHX_ stsv, "Sys::Virt::Stream",
                                 "Sys::Virt::Stream::sparse_send_all", "st");
        vkplStreamData data = { stsv, handler, hole, skip };

        if (!st)
            XSRETURN_UNDEF;
        if (virStreamSparseSendAll(st, vkplStreamSource, vkplStreamSourceHole,
                                   vkplStreamSourceSkip, &data) < 0)
            vkplCroakLast(aTHX);
    }

# $st->add_callback($events, $coderef): $coderef->($st, $events) when the
# stream has one of the events; update_callback and remove_callback are
# generated.
void
add_callback(stsv, events, cb)
    SV *stsv
    int events
    SV *cb
  PPCODE:
    {
        virStreamPtr st = (virStreamPtr)vkplUnwrap(aTHX_ stsv, "Sys::Virt::Stream",
                                 "Sys::Virt::Stream::add_callback", "st");
        vkplEventData *data;

        if (!st)
            XSRETURN_UNDEF;
        data = vkplEventDataNew(aTHX_ stsv, cb, 0);
        if (virStreamEventAddCallback(st, events, vkplStreamEventCallback,
                                      data, vkplEventDataFree) < 0) {
            vkplEventDataFree(data);
            vkplCroakLast(aTHX);
        }
    }
