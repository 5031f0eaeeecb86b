// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/** The library itself: its version, the default event loop, and the
 * helpers the generated classes share. */
public final class Library {
    static final Libvirt libvirt = Libvirt.INSTANCE;

    // Errors become exceptions: keep libvirt from also printing them.
    // The field holds the callback so the garbage collector leaves it.
    private static final Libvirt.virErrorFunc QUIET =
        (Pointer userData, virError error) -> { };

    static {
        libvirt.virInitialize();
        libvirt.virSetErrorFunc(null, QUIET);
    }

    private Library() {
    }

    /** libvirt's version as major * 1,000,000 + minor * 1,000 + micro. */
    public static long getVersion() throws LibvirtException {
        NativeLongByReference v = new NativeLongByReference();
        if (libvirt.virGetVersion(v, null, null) == -1)
            throw ErrorHandler.error();
        return v.getValue().longValue();
    }

    // runEventLoop() runs while this is set; stopEventLoop() clears it
    // and fires the timer below, so the loop wakes up and sees it.
    private static final java.util.concurrent.atomic.AtomicBoolean running =
        new java.util.concurrent.atomic.AtomicBoolean();
    private static int wakeTimer = -1;
    private static final Libvirt.virEventTimeoutCallback WAKE =
        (int timer, Pointer opaque) -> libvirt.virEventUpdateTimeout(timer, -1);

    /** Registers libvirt's default event loop; call before connecting. */
    public static synchronized void initEventLoop() throws LibvirtException {
        ErrorHandler.processError(libvirt.virEventRegisterDefaultImpl());
        if (wakeTimer < 0)
            wakeTimer = ErrorHandler.processError(
                libvirt.virEventAddTimeout(-1, WAKE, null, null));
    }

    /** Runs one iteration of the default event loop. */
    public static void processEvent() throws LibvirtException {
        ErrorHandler.processError(libvirt.virEventRunDefaultImpl());
    }

    /** Runs the default event loop until stopEventLoop() is called;
     * InterruptedException when the thread is interrupted. */
    public static void runEventLoop() throws LibvirtException, InterruptedException {
        running.set(true);
        while (running.get()) {
            processEvent();
            if (Thread.interrupted())
                throw new InterruptedException();
        }
    }

    /** Makes runEventLoop() return (from another thread, or a callback). */
    public static void stopEventLoop() throws LibvirtException {
        if (running.getAndSet(false) && wakeTimer >= 0)
            libvirt.virEventUpdateTimeout(wakeTimer, 0);
    }

    // ---- for the generated code ------------------------------------------

    static void free(final Pointer p) {
        if (p != null)
            Native.free(Pointer.nativeValue(p));
    }

    /** A string libvirt allocated: copied, then freed. */
    static String getString(final Pointer p) {
        if (p == null)
            return null;
        String s = p.getString(0);
        free(p);
        return s;
    }

    /** A CPU map as libvirt-java gives it (an int per byte, the low 8
     * bits used) -> the bytes libvirt takes. */
    static byte[] toBytes(final int[] map) {
        byte[] out = new byte[map.length];
        for (int i = 0; i < map.length; i++)
            out[i] = (byte) map[i];
        return out;
    }

    /** Bytes of a CPU map -> an int per byte (0..255). */
    static int[] toInts(final byte[] map) {
        int[] out = new int[map.length];
        for (int i = 0; i < map.length; i++)
            out[i] = map[i] & 0xff;
        return out;
    }

    /** The first n strings of a caller's array, each freed. */
    static String[] toStrings(final Pointer[] names, final int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++)
            out[i] = getString(names[i]);
        return out;
    }

    /** n strings of an array libvirt allocated; the array is freed too. */
    static String[] toStrings(final Pointer array, final int n) {
        if (array == null)
            return new String[0];
        String[] out = toStrings(array.getPointerArray(0, n), n);
        free(array);
        return out;
    }
}
