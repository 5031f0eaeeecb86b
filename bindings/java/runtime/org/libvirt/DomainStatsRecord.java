// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** One domain's statistics (Connect.getAllDomainStats,
 * Connect.getDomainListStats): the domain, which the caller frees, and
 * its values ("state.state", "cpu.time" ...) in the library's order. */
public class DomainStatsRecord {
    public Domain domain;
    public TypedParameter[] params;

    public DomainStatsRecord(final Domain domain, final TypedParameter[] params) {
        this.domain = domain;
        this.params = params;
    }
}
