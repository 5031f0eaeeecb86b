# SPDX-License-Identifier: LGPL-2.1-or-later
# Streams on test:///default: a screenshot read with recv, recvAll and
# through stream events on the default event loop; the errors of a finished
# or aborted stream and of failing handlers.  Run on Debian's
# python3-libvirt it makes expected/binding_streams.out.  virtkit's test
# driver has no screenshot yet, so the output is compared on libvirt 9.0.
import hashlib

import libvirt


def digest(data):
    """Bytes as (length, short digest): the screenshot is an image."""
    if isinstance(data, bytes):
        return (len(data), hashlib.sha256(data).hexdigest()[:12])
    return data


def show(label, fn):
    try:
        print(f"{label}: {digest(fn())!r}")
    except libvirt.libvirtError as e:
        print(f"{label}: error code={e.get_error_code()} "
              f"domain={e.get_error_domain()} {e.get_error_message()}")
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


libvirt.registerErrorHandler(lambda ctx, err: None, None)
libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")


def screenshot(flags=0):
    st = conn.newStream(flags)
    show("screenshot", lambda: dom.screenshot(st, 0, 0))
    return st


st = screenshot()
show("recv(100)", lambda: st.recv(100))
show("recv(0)", lambda: st.recv(0))
show("recvFlags", lambda: st.recvFlags(100, 0))
show("recvHole", lambda: st.recvHole(0))
pieces = []
show("recvAll", lambda: st.recvAll(lambda s, data, o: o.append(data), pieces))
show("recvAll pieces", lambda: [digest(p) for p in pieces])
show("recv at the end", lambda: st.recv(100))
show("finish", st.finish)
show("recv after finish", lambda: st.recv(100))
show("send after finish", lambda: st.send(b"data"))
del st

st = screenshot()
show("sparseRecvAll", lambda: st.sparseRecvAll(
    lambda s, data, o: 0, lambda s, length, o: 0, None))
show("abort", st.abort)

st = screenshot()


def failing(stream, data, opaque):
    raise KeyError("handler failed")


show("recvAll, handler raises", lambda: st.recvAll(failing, None))
show("recv after the abort", lambda: st.recv(10))

st = screenshot()
show("recvAll, handler returns -1", lambda: st.recvAll(
    lambda s, data, o: -1, None))

st = screenshot()
show("sendAll on a download", lambda: st.sendAll(
    lambda s, n, o: b"x" * 10, None))
show("sendAll, handler raises", lambda: screenshot().sendAll(
    lambda s, n, o: 1 / 0, None))

# A non-blocking stream read from its events on the default event loop.
st = screenshot(libvirt.VIR_STREAM_NONBLOCK)
got = {"events": set(), "data": b"", "end": False}


def readable(stream, events, state):
    state["events"].add(events)
    while True:
        data = stream.recv(4096)
        if data == -2:
            return
        if not data:
            state["end"] = True
            stream.eventRemoveCallback()
            stream.finish()
            return
        state["data"] += data


registered = []


def register():
    ret = st.eventAddCallback(libvirt.VIR_STREAM_EVENT_READABLE, readable,
                              got)
    registered.append(True)
    return ret


show("eventAddCallback", register)
# (without a registered callback the loop would wait for ever)
for _ in range(200 if registered else 0):
    if got["end"]:
        break
    libvirt.virEventRunDefaultImpl()
show("events seen", lambda: sorted(got["events"]))
show("read through events", lambda: (got["end"], digest(got["data"])))
show("eventUpdateCallback after removal", lambda: st.eventUpdateCallback(
    libvirt.VIR_STREAM_EVENT_READABLE))
show("eventAddCallback on a blocking stream", lambda:
     screenshot().eventAddCallback(libvirt.VIR_STREAM_EVENT_READABLE,
                                   readable, got))
del st
