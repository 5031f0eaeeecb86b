/* qemu_json.h: the small JSON the QEMU driver needs: building -device
 * and QMP strings, and reading QMP replies and events.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

typedef enum {
    QEMU_JSON_NULL,
    QEMU_JSON_BOOL,
    QEMU_JSON_NUMBER,
    QEMU_JSON_STRING,
    QEMU_JSON_ARRAY,
    QEMU_JSON_OBJECT,
} qemuJSONType;

typedef struct _qemuJSONValue qemuJSONValue;
struct _qemuJSONValue {
    qemuJSONType type;
    bool boolean;
    double number;
    char *string;               /* STRING; the number's text for NUMBER */
    GPtrArray *items;           /* ARRAY: values; OBJECT: values */
    GPtrArray *keys;            /* OBJECT: keys, same order as items */
};

void qemuJSONValueFree(qemuJSONValue *v);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(qemuJSONValue, qemuJSONValueFree)

/* Parse one document; NULL with VIR_ERR_INTERNAL_ERROR on bad input. */
qemuJSONValue *qemuJSONParse(const char *text);

/* Object member lookups: NULL / -1 when absent or of another type. */
qemuJSONValue *qemuJSONGet(const qemuJSONValue *obj, const char *key);
const char *qemuJSONGetString(const qemuJSONValue *obj, const char *key);
int qemuJSONGetBool(const qemuJSONValue *obj, const char *key, bool *out);
int qemuJSONGetLongLong(const qemuJSONValue *obj, const char *key,
                        long long *out);

/* The value as compact JSON text. */
char *qemuJSONFormat(const qemuJSONValue *v);

/* Building objects as text: qemuJSONBegin, members, qemuJSONEnd. */
void qemuJSONBegin(GString *buf);
void qemuJSONAddStr(GString *buf, const char *key, const char *val);
void qemuJSONAddInt(GString *buf, const char *key, long long val);
void qemuJSONAddBool(GString *buf, const char *key, bool val);
/* `json` is already valid JSON text (an object, a number ...). */
void qemuJSONAddRaw(GString *buf, const char *key, const char *json);
void qemuJSONEnd(GString *buf);
void qemuJSONAppendString(GString *buf, const char *str);
