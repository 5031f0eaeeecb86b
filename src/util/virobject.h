/* virobject.h: refcounted objects with a class (name, size, dispose).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef struct _virClass virClass;
typedef struct _virObject virObject;

struct _virClass {
    const char *name;
    size_t size;                        /* of the whole instance */
    void (*dispose)(void *obj);         /* frees members, not the object */
};

/* Every object starts with this header. */
struct _virObject {
    unsigned int magic;
    gint refs;
    const virClass *klass;
};

/* A new object of `klass` with one reference, zero-filled past the header. */
void *virObjectNew(const virClass *klass);
/* Adds a reference; returns obj (NULL-safe). */
void *virObjectRef(void *obj);
/* Drops a reference; disposes and frees at zero.  Returns true while
 * references remain.  NULL-safe. */
bool virObjectUnref(void *obj);
/* True if obj is a live object of exactly `klass`. */
bool virObjectIsClass(const void *obj, const virClass *klass);
/* The current reference count (for tests and virConnectClose). */
int virObjectRefCount(const void *obj);

#define VIR_OBJECT_MAGIC 0x7669726bU  /* "virk" */

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virObject, virObjectUnref)
