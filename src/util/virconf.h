/* virconf.h: reader for libvirt's configuration file syntax (qemu.conf,
 * virtkitd.conf, ...).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A file is a sequence of `name = value` statements, one per line or
 * separated by ';', with '#' comments.  A value is a string ("..." or
 * '...' on one line, """...""" over several), an integer (decimal, with an
 * optional sign) or a list [ v, v, ... ] that may span lines and may end
 * with a comma.  There are no booleans: 0 and 1 are used.  Non-negative
 * numbers are unsigned values, negative ones signed, which is what the
 * typed getters check (a bool must be an unsigned 0 or 1).
 *
 * Errors follow libvirt's wording, with the line of the offending entry
 * added: syntax errors are VIR_ERR_CONF_SYNTAX "FILE:LINE: expecting a
 * value"; type errors from the getters are VIR_ERR_INTERNAL_ERROR
 * "FILE:LINE: expected a bool for 'KEY' parameter".  When a name appears
 * twice the first entry wins, as in libvirt.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <glib.h>

typedef enum {
    VIR_CONF_NONE = 0,
    VIR_CONF_LLONG,      /* a negative integer */
    VIR_CONF_ULLONG,     /* a non-negative integer */
    VIR_CONF_STRING,
    VIR_CONF_LIST,
} virConfType;

typedef struct _virConfValue virConfValue;
struct _virConfValue {
    virConfType type;
    long long l;                /* VIR_CONF_LLONG */
    unsigned long long ul;      /* VIR_CONF_ULLONG */
    char *str;                  /* VIR_CONF_STRING */
    GPtrArray *list;            /* VIR_CONF_LIST: of virConfValue * */
    int line;                   /* where the value starts */
};

typedef struct _virConf virConf;

/* Read and parse `filename`.  NULL with an error set on failure (a missing
 * file is a system error "Failed to open file '...'"). */
virConf *virConfReadFile(const char *filename, unsigned int flags);

/* Parse `content` (`len` bytes, or up to the NUL if len < 0); `filename`
 * only names the source in messages (NULL: "<string>"). */
virConf *virConfReadString(const char *content, ssize_t len,
                           const char *filename, unsigned int flags);

void virConfFree(virConf *conf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virConf, virConfFree)

const char *virConfGetFilename(virConf *conf);

/* The value of the first entry named `setting`, or NULL. */
virConfValue *virConfGetValue(virConf *conf, const char *setting);
virConfType virConfGetValueType(virConf *conf, const char *setting);
/* The line where `setting` is assigned, 0 if it is absent. */
int virConfGetValueLine(virConf *conf, const char *setting);

/* Call `cb` for each entry in file order (duplicates included); stops and
 * returns -1 as soon as `cb` does. */
typedef int (*virConfWalkCallback)(const char *name, virConfValue *value,
                                   int line, void *opaque);
int virConfWalk(virConf *conf, virConfWalkCallback cb, void *opaque);

/* Typed getters: 1 if found and converted (the old *value is replaced,
 * strings freed first), 0 if absent (*value untouched), -1 with an error
 * naming FILE:LINE and the key if the value has the wrong type or range. */
int virConfGetValueString(virConf *conf, const char *setting, char **value);
/* `compatString`: a single string is accepted as a one-element list. */
int virConfGetValueStringList(virConf *conf, const char *setting,
                              bool compatString, char ***values);
int virConfGetValueBool(virConf *conf, const char *setting, bool *value);
int virConfGetValueInt(virConf *conf, const char *setting, int *value);
int virConfGetValueUInt(virConf *conf, const char *setting,
                        unsigned int *value);
int virConfGetValueSizeT(virConf *conf, const char *setting, size_t *value);
int virConfGetValueSSizeT(virConf *conf, const char *setting, ssize_t *value);
int virConfGetValueLLong(virConf *conf, const char *setting,
                         long long *value);
int virConfGetValueULLong(virConf *conf, const char *setting,
                          unsigned long long *value);
