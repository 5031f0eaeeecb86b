/* fuzz-storagevol.c: the storage <volume> XML parser and formatter.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A volume is read in the context of a pool, whose type decides the
 * default volume type and which <format> names exist.  The first input
 * byte picks the pool ('0' + N picks pools[N], other bytes wrap around)
 * and, above that, whether capacity may be omitted; the rest is the
 * <volume> document.  A volume that parses must format, our output must
 * parse again, and the second round must give the same text.
 */
#include <config.h>

#include "conf/storage_conf.h"
#include "util/virerror.h"
#include "fuzz.h"

/* One pool per kind of volume rules: files with file formats, LVM block
 * volumes, partitions, network volumes with and without formats, plain
 * block devices. */
static const char *const fuzzPoolXML[] = {
    "<pool type='dir'><name>p0</name><target><path>/var/p0</path></target>"
    "</pool>",
    "<pool type='logical'><name>vg1</name><source><name>vg1</name>"
    "<device path='/dev/sdc'/></source><target><path>/dev/vg1</path>"
    "</target></pool>",
    "<pool type='disk'><name>sdb</name><source><device path='/dev/sdb'/>"
    "<format type='gpt'/></source><target><path>/dev</path></target></pool>",
    "<pool type='rbd'><name>r</name><source><name>rbdpool</name>"
    "<host name='10.0.0.1' port='6789'/></source></pool>",
    "<pool type='gluster'><name>g</name><source><name>vol</name>"
    "<dir path='/sub'/><host name='gl.example'/></source></pool>",
    "<pool type='iscsi'><name>i</name><source><host name='10.0.0.2'/>"
    "<device path='iqn.2013-06.com.example:iscsi-pool'/></source>"
    "<target><path>/dev/disk/by-path</path></target></pool>",
};
#define FUZZ_NPOOLS G_N_ELEMENTS(fuzzPoolXML)

static virStoragePoolDef *fuzzPools[FUZZ_NPOOLS];


static const char *
fuzzLastMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    return err && err->message ? err->message : "(no error set)";
}


static const virStoragePoolDef *
fuzzPool(size_t i)
{
    if (!fuzzPools[i] &&
        !(fuzzPools[i] = virStoragePoolDefParseString(fuzzPoolXML[i], 0)))
        fuzzFail("pool %zu does not parse: %s", i, fuzzLastMessage());
    return fuzzPools[i];
}


static char *
fuzzRoundTrip(const virStoragePoolDef *pool, const char *xml,
              const char *what)
{
    g_autoptr(virStorageVolDef) def = NULL;

    /* our output always has a capacity */
    if (!(def = virStorageVolDefParseString(pool, xml, 0))) {
        fprintf(stderr, "--- our output:\n%s---\n", xml);
        fuzzFail("%s: our own output is rejected: %s", what,
                 fuzzLastMessage());
    }
    return virStorageVolDefFormat(pool, def);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const virStoragePoolDef *pool;
    unsigned int pick;
    unsigned int flags = 0;
    g_autofree char *xml = NULL;
    g_autoptr(virStorageVolDef) def = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    g_autofree char *third = NULL;

    if (size < 1 || size > FUZZ_MAX_INPUT)
        return 0;
    pick = (uint8_t)(data[0] - '0');
    pool = fuzzPool(pick % FUZZ_NPOOLS);
    if ((pick / FUZZ_NPOOLS) & 1)
        flags |= VIR_VOL_XML_PARSE_OPT_CAPACITY;

    xml = fuzzString(data + 1, size - 1);
    if (!(def = virStorageVolDefParseString(pool, xml, flags))) {
        virResetLastError();
        return 0;
    }

    if (!(first = virStorageVolDefFormat(pool, def)))
        fuzzFail("a parsed volume does not format: %s", fuzzLastMessage());

    second = fuzzRoundTrip(pool, first, "first re-parse");
    third = fuzzRoundTrip(pool, second, "second re-parse");
    fuzzSameText("format -> parse -> format is stable", second, third);
    return 0;
}
