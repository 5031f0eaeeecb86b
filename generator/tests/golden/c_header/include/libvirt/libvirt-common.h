/* Generated from api/virt-api.xml by generator/targets/c_header.py. DO NOT EDIT. */
/* libvirt/libvirt-common.h: part of virtkit's public API. */
#if !defined __VIR_LIBVIRT_H_INCLUDES__ && !defined __VIR_ADMIN_H_INCLUDES__
# error "include <libvirt/libvirt.h> rather than this file"
#endif

#ifndef VIRTKIT_LIBVIRT_COMMON_H
# define VIRTKIT_LIBVIRT_COMMON_H

# include <sys/types.h>
# include <stddef.h>

# ifdef __cplusplus
extern "C" {
# endif

# ifndef VIR_DEPRECATED
#  if defined(__GNUC__)
#   define VIR_DEPRECATED __attribute__((__deprecated__))
#  else
#   define VIR_DEPRECATED
#  endif
# endif

# define VIR_EXPORT_VAR extern
# define LIBVIR_VERSION_NUMBER 1002000
# define VIR_TYPED_PARAM_FIELD_LENGTH 80

typedef enum {
    VIR_TYPED_PARAM_INT = 1,
    VIR_TYPED_PARAM_STRING = 7,
} virTypedParameterType;

typedef struct _virTypedParameter virTypedParameter;

typedef virTypedParameter *virTypedParameterPtr;

typedef void (*virFreeCallback)(void *opaque);

struct _virTypedParameter {
    char field[VIR_TYPED_PARAM_FIELD_LENGTH];
    int type;
    union {
        int i;
        char *s;
    } value;
};

void virTypedParamsClear(virTypedParameterPtr params, int nparams);

# ifdef __cplusplus
}
# endif

#endif /* VIRTKIT_LIBVIRT_COMMON_H */
