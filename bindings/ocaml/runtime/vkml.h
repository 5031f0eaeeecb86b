/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The OCaml binding's C runtime: handles as custom blocks, errors as the
 * Libvirt.Virterror exception.  Used by the generated libvirt_c.c and by
 * the hand-written stubs of overrides/. */
#pragma once

#include <stddef.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <caml/mlvalues.h>

#define VKML_UNUSED __attribute__((unused))

typedef int (*vkmlFreeFunc)(void *ptr);

typedef struct {
    const char *name;           /* the C handle type, for messages */
    vkmlFreeFunc free;          /* drops the reference the block holds */
} vkmlKind;

/* generated, in the order of the IDL's objects */
extern const vkmlKind vkmlKinds[];
value vkmlErrorCode(int code);
value vkmlErrorDomain(int domain);

value vkmlWrapKind(void *ptr, int kind);
void *vkmlPtr(value v);
void vkmlFree(value v);
void vkmlDrop(value v);

_Noreturn void vkmlRaise(void);
value vkmlErrorValue(const virError *err);
value vkmlUnknown(int n);

value vkmlStringOption(const char *s);
value vkmlBytes(const char *data, size_t len);
value vkmlStringArray(const char **p, size_t n);
unsigned int vkmlFlagList(value list);

/* typed_param array <-> virTypedParameter: constructor tag i is the
 * parameter type i + 1 (TypedFieldInt32 is VIR_TYPED_PARAM_INT) */
value vkmlParamsToValue(virTypedParameterPtr params, int n);
virTypedParameterPtr vkmlParamsFromValue(value arr, int *n);

/* Calls into the library that read nothing of the OCaml heap release the
 * runtime (other OCaml threads run meanwhile).  A callback from the
 * library takes it back only if its thread had released it. */
void vkmlBlockingEnter(void);
void vkmlBlockingLeave(void);
int vkmlCallbackEnter(void);
void vkmlCallbackLeave(int released);

/* An OCaml closure the library keeps as a callback's opaque: a global
 * root, dropped by vkmlRootFree (a virFreeCallback). */
value *vkmlRootNew(value f);
void vkmlRootFree(void *root);
