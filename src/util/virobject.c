/* virobject.c: refcounted objects.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include "virobject.h"

void *
virObjectNew(const virClass *klass)
{
    virObject *obj = g_malloc0(klass->size);

    obj->magic = VIR_OBJECT_MAGIC;
    obj->refs = 1;
    obj->klass = klass;
    return obj;
}

void *
virObjectRef(void *anyobj)
{
    virObject *obj = anyobj;

    if (obj)
        g_atomic_int_inc(&obj->refs);
    return obj;
}

bool
virObjectUnref(void *anyobj)
{
    virObject *obj = anyobj;

    if (!obj)
        return false;
    if (!g_atomic_int_dec_and_test(&obj->refs))
        return true;
    if (obj->klass->dispose)
        obj->klass->dispose(obj);
    /* Poison the header so a stale handle fails the type checks. */
    obj->magic = 0;
    obj->klass = NULL;
    g_free(obj);
    return false;
}

bool
virObjectIsClass(const void *anyobj, const virClass *klass)
{
    const virObject *obj = anyobj;

    return obj && obj->magic == VIR_OBJECT_MAGIC && obj->klass == klass;
}

int
virObjectRefCount(const void *anyobj)
{
    const virObject *obj = anyobj;

    return obj ? g_atomic_int_get(&obj->refs) : 0;
}
