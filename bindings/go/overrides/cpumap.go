// SPDX-License-Identifier: LGPL-2.1-or-later
// CPU maps: the library's bit arrays (one bit a CPU, lowest bit first)
// as libvirt-go's []bool.

package libvirt

// cpuMapBytes packs cpus into a CPU map; never empty, so that its first
// byte can be passed.
func cpuMapBytes(cpus []bool) []byte {
	out := make([]byte, max1((len(cpus)+7)/8))
	for i, on := range cpus {
		if on {
			out[i/8] |= 1 << uint(i%8)
		}
	}
	return out
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// cpuMapBools unpacks the first ncpus bits of a CPU map.
func cpuMapBools(m []byte, ncpus int) []bool {
	out := make([]bool, ncpus)
	for i := range out {
		if i/8 < len(m) {
			out[i] = m[i/8]&(1<<uint(i%8)) != 0
		}
	}
	return out
}
