// SPDX-License-Identifier: LGPL-2.1-or-later
// What C has allocated (glibc's mallinfo2, every arena): the leak test
// (race_test.go) compares it before and after a long call loop.

package libvirt

/*
#include <malloc.h>

static unsigned long long
vkgoCHeapInUse(void)
{
    struct mallinfo2 mi = mallinfo2();
    return (unsigned long long)mi.uordblks + mi.hblkhd;
}
*/
import "C"

// cHeapInUse is how many bytes C's malloc has handed out and not freed.
func cHeapInUse() uint64 {
	return uint64(C.vkgoCHeapInUse())
}
