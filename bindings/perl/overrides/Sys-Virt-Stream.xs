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
        vkplStreamData data;

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
        vkplStreamData data;

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
