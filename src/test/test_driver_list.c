/* test_driver_list.c: what the test driver's ListAll and lookup callbacks
 * share, whatever the object kind.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include "test/test_driver.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST


int
testListAll(virConnectPtr conn, GPtrArray *objs, testListFilter filter,
            unsigned int flags, testListHandle handle, void *opaque,
            void ***out)
{
    g_autoptr(GPtrArray) list = g_ptr_array_new();
    int ret = -1;
    size_t i;

    for (i = 0; i < objs->len; i++) {
        void *obj = g_ptr_array_index(objs, i);
        void *ptr = NULL;

        if (filter && !filter(obj, flags))
            continue;
        if (out && !(ptr = handle(conn, obj, opaque)))
            goto cleanup;
        g_ptr_array_add(list, ptr);
    }
    ret = list->len;
    if (out) {
        /* NULL-terminated, freed by the caller with free(). */
        *out = g_new0(void *, list->len + 1);
        for (i = 0; i < list->len; i++)
            (*out)[i] = g_ptr_array_index(list, i);
        g_ptr_array_set_size(list, 0);
    }

 cleanup:
    for (i = 0; i < list->len; i++)
        virObjectUnref(g_ptr_array_index(list, i));
    return ret;
}


void *
testLookup(virConnectPtr conn, testLookupFind find, const void *key,
           testListHandle handle)
{
    testDriver *drv = conn->privateData;
    void *ret = NULL;
    void *obj;

    g_mutex_lock(&drv->lock);
    if ((obj = find(drv, key)))
        ret = handle(conn, obj, NULL);
    g_mutex_unlock(&drv->lock);
    return ret;
}
