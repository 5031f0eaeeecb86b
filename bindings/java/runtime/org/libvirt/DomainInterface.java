// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;

/** A guest network interface: its name, MAC address and IP addresses
 * (Domain.interfaceAddresses). */
public class DomainInterface {
    /** One IP address and its prefix length. */
    public static class InterfaceAddress {
        public final InetAddress address;
        public final int prefixLength;

        public InterfaceAddress(final InetAddress address, final int prefixLength) {
            this.address = address;
            this.prefixLength = prefixLength;
        }

        /** From libvirt's text form of the address (IPv4 or IPv6). */
        static InterfaceAddress parse(final String text, final int prefixLength) {
            try {
                return new InterfaceAddress(InetAddress.getByName(text), prefixLength);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Invalid IP address '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return address.getHostAddress() + "/" + prefixLength;
        }
    }

    public String name;
    public String hwAddr;
    public Collection<InterfaceAddress> addrs;

    public DomainInterface() {
    }

    @Override
    public String toString() {
        return name + " " + hwAddr + " " + addrs;
    }
}
