    // SPDX-License-Identifier: LGPL-2.1-or-later
    // Hand-written members of org.libvirt.Secret: the value as bytes and
    // as a string (virSecretGetValue answers bytes and their length).

    /** The secret's value. */
    public byte[] getByteValue() throws LibvirtException {
        NativeLongByReference size = new NativeLongByReference();
        Pointer p = libvirt.virSecretGetValue(ptr, size, 0);
        if (p == null)
            throw ErrorHandler.error();
        int n = (int) size.getValue().longValue();
        byte[] value = p.getByteArray(0, n);
        p.clear(n);                 // no copy of a secret left behind
        Library.free(p);
        return value;
    }

    /** The secret's value as UTF-8 text. */
    public String getValue() throws LibvirtException {
        return new String(getByteValue(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Sets the value to the UTF-8 bytes of value. */
    public int setValue(final String value) throws LibvirtException {
        return setValue(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
