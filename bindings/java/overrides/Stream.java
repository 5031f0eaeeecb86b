    // SPDX-License-Identifier: LGPL-2.1-or-later
    // Hand-written members of org.libvirt.Stream: the stream as a
    // java.nio ByteChannel (read, write, isOpen, close).

    /** Set once finish(), abort() or close() ended the transfer. */
    private boolean ended;

    /** Reads what the stream has into buffer: the number of bytes, -1 at
     * the end of the stream, 0 when a non-blocking stream has nothing. */
    @Override
    public int read(final java.nio.ByteBuffer buffer) throws java.io.IOException {
        byte[] b = new byte[buffer.remaining()];
        int n;
        try {
            n = receive(b);
        } catch (LibvirtException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
        if (n == 0)
            return -1;
        if (n == -2)
            return 0;
        buffer.put(b, 0, n);
        return n;
    }

    /** Writes the buffer's remaining bytes: how many went. */
    @Override
    public int write(final java.nio.ByteBuffer buffer) throws java.io.IOException {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        int n;
        try {
            n = send(b);
        } catch (LibvirtException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
        if (n == -2) {
            buffer.position(buffer.position() - b.length);
            return 0;
        }
        buffer.position(buffer.position() - b.length + n);
        return n;
    }

    @Override
    public boolean isOpen() {
        return ptr != null && !ended;
    }

    /** Finishes the transfer and frees the stream. */
    @Override
    public void close() throws java.io.IOException {
        try {
            if (ptr != null && !ended) {
                ended = true;
                finish();
            }
            free();
        } catch (LibvirtException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
    }

    // ---- whole transfers and event callbacks (libvirt-java's names) ----

    /** The event callback the library holds (kept from the collector). */
    private Libvirt.VirStreamEventCallback eventCallback;

    /** Sends what handler gives until it answers 0 (the end) or -1. */
    public int sendAll(final Libvirt.VirStreamSourceFunc handler) throws LibvirtException {
        return ErrorHandler.processError(libvirt.virStreamSendAll(ptr, handler, null));
    }

    /** Hands everything the stream has to handler, to the end. */
    public int receiveAll(final Libvirt.VirStreamSinkFunc handler) throws LibvirtException {
        return ErrorHandler.processError(libvirt.virStreamRecvAll(ptr, handler, null));
    }

    /** receiveAll, with the holes of a sparse stream told to hole. */
    public int sparseReceiveAll(final Libvirt.VirStreamSinkFunc handler,
                                final Libvirt.virStreamSinkHoleFunc hole)
            throws LibvirtException {
        return ErrorHandler.processError(
            libvirt.virStreamSparseRecvAll(ptr, handler, hole, null));
    }

    /** sendAll, with hole saying where data or a hole is and skip
     * stepping over a hole. */
    public int sparseSendAll(final Libvirt.VirStreamSourceFunc handler,
                             final Libvirt.virStreamSourceHoleFunc hole,
                             final Libvirt.virStreamSourceSkipFunc skip)
            throws LibvirtException {
        return ErrorHandler.processError(
            libvirt.virStreamSparseSendAll(ptr, handler, hole, skip, null));
    }

    /** Calls cb (from the event loop) when the stream becomes readable or
     * writable, as events (Stream.EventType bits) asks. */
    public synchronized int addCallback(final int events,
                                        final Libvirt.VirStreamEventCallback cb)
            throws LibvirtException {
        int r = ErrorHandler.processError(
            libvirt.virStreamEventAddCallback(ptr, events, cb, null, null));
        eventCallback = cb;
        return r;
    }
