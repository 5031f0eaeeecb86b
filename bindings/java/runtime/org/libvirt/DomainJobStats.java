// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A domain job's type (Domain.JobType) and its statistics. */
public class DomainJobStats {
    public int type;
    public TypedParameter[] stats;

    public DomainJobStats(final int type, final TypedParameter[] stats) {
        this.type = type;
        this.stats = stats;
    }
}
