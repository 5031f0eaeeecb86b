# SPDX-License-Identifier: LGPL-2.1-or-later
# libvirtaio (python3-libvirt's asyncio event loop, written against
# libvirt-python's virEventRegisterImpl) runs unchanged on our module:
# domain events arrive in an asyncio program.  Run on Debian's
# python3-libvirt it makes expected/scenario_libvirtaio.out.
import asyncio

import libvirt
import libvirtaio


async def main():
    libvirtaio.virEventRegisterAsyncIOImpl()
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open("test:///default")
    done = asyncio.Event()
    events = []

    def lifecycle(c, dom, event, detail, opaque):
        events.append((dom.name(), event, detail, opaque))
        if len(events) == 2:
            done.set()

    cid = conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, lifecycle, "aio")
    dom = conn.lookupByName("test")
    dom.suspend()
    dom.resume()
    await asyncio.wait_for(done.wait(), 10)
    print("events through asyncio:", events)
    conn.domainEventDeregisterAny(cid)
    # the loop frees the callback's data once the library lets it go
    await asyncio.sleep(0.1)
    print("close:", conn.close() >= 0)


asyncio.run(main())
