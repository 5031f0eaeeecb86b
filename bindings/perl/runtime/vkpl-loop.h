/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* An event loop written in Perl (Sys::Virt::Event->register($impl)):
 * libvirt's add/update/remove of handles and timeouts become calls of
 * Sys::Virt::Event::_add_handle ... (which ask the registered object);
 * the library's callback, its data and free function travel through Perl
 * as plain integers, handed back to the _run_*_callback_helper XSUBs. */
#ifndef VKPL_LOOP_H
#define VKPL_LOOP_H

#include "vkpl.h"

/* Call the Perl function name with n integer arguments; its int answer
 * (-1 when it answers nothing or dies). */
static int
vkplLoopCall(const char *name, int n, const IV *args)
{
    dTHX;
    dSP;
    int count, i, ret = -1;

    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    for (i = 0; i < n; i++)
        mXPUSHs(newSViv(args[i]));
    PUTBACK;
    count = call_pv(name, G_SCALAR | G_EVAL);
    SPAGAIN;
    if (count == 1) {
        SV *r = POPs;
        if (!SvTRUE(ERRSV))
            ret = SvOK(r) ? (int)SvIV(r) : 0;
    }
    /* libvirt cannot take a Perl exception: say it, answer -1 */
    if (SvTRUE(ERRSV))
        warn("%s: %s", name, SvPV_nolen(ERRSV));
    PUTBACK;
    FREETMPS;
    LEAVE;
    return ret;
}

static int
vkplLoopAddHandle(int fd, int events, virEventHandleCallback cb,
                  void *opaque, virFreeCallback ff)
{
    IV a[5] = { fd, events, PTR2IV(cb), PTR2IV(opaque), PTR2IV(ff) };
    return vkplLoopCall("Sys::Virt::Event::_add_handle", 5, a);
}

static void
vkplLoopUpdateHandle(int watch, int events)
{
    IV a[2] = { watch, events };
    vkplLoopCall("Sys::Virt::Event::_update_handle", 2, a);
}

static int
vkplLoopRemoveHandle(int watch)
{
    IV a[1] = { watch };
    return vkplLoopCall("Sys::Virt::Event::_remove_handle", 1, a) < 0 ? -1 : 0;
}

static int
vkplLoopAddTimeout(int interval, virEventTimeoutCallback cb, void *opaque,
                   virFreeCallback ff)
{
    IV a[4] = { interval, PTR2IV(cb), PTR2IV(opaque), PTR2IV(ff) };
    return vkplLoopCall("Sys::Virt::Event::_add_timeout", 4, a);
}

static void
vkplLoopUpdateTimeout(int timer, int interval)
{
    IV a[2] = { timer, interval };
    vkplLoopCall("Sys::Virt::Event::_update_timeout", 2, a);
}

static int
vkplLoopRemoveTimeout(int timer)
{
    IV a[1] = { timer };
    return vkplLoopCall("Sys::Virt::Event::_remove_timeout", 1, a) < 0 ? -1 : 0;
}

/* Sys::Virt::Event::add_handle / add_timeout: Perl code called by the
 * registered loop. */
static void
vkplLoopHandleCallback(int watch, int fd, int events, void *opaque)
{
    dTHX;
    dSP;

    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    mXPUSHs(newSViv(watch));
    mXPUSHs(newSViv(fd));
    mXPUSHs(newSViv(events));
    PUTBACK;
    call_sv((SV *)opaque, G_DISCARD);
    FREETMPS;
    LEAVE;
}

static void
vkplLoopTimeoutCallback(int timer, void *opaque)
{
    dTHX;
    dSP;

    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    mXPUSHs(newSViv(timer));
    PUTBACK;
    call_sv((SV *)opaque, G_DISCARD);
    FREETMPS;
    LEAVE;
}

static void
vkplLoopFreeCode(void *opaque)
{
    dTHX;
    SvREFCNT_dec((SV *)opaque);
}

#endif /* VKPL_LOOP_H */
