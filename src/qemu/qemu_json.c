/* qemu_json.c: a small JSON reader and writer for QMP.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "qemu/qemu_json.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

/* Deep documents are refused rather than recursed into without end. */
#define QEMU_JSON_MAX_DEPTH 64

void
qemuJSONValueFree(qemuJSONValue *v)
{
    if (!v)
        return;
    g_free(v->string);
    if (v->items)
        g_ptr_array_free(v->items, TRUE);
    if (v->keys)
        g_ptr_array_free(v->keys, TRUE);
    g_free(v);
}


typedef struct {
    const char *p;
    int depth;
} qemuJSONParser;

static void
skipSpace(qemuJSONParser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\r' ||
           *ps->p == '\n')
        ps->p++;
}

static qemuJSONValue *parseValue(qemuJSONParser *ps);

static void
appendUTF8(GString *out, gunichar c)
{
    char buf[8];
    int n = g_unichar_to_utf8(c, buf);

    g_string_append_len(out, buf, n);
}

static int
parseHex4(const char *p, unsigned int *out)
{
    unsigned int v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        int d = g_ascii_xdigit_value(p[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    *out = v;
    return 0;
}

static char *
parseString(qemuJSONParser *ps)
{
    g_autoptr(GString) out = g_string_new(NULL);

    if (*ps->p != '"')
        return NULL;
    ps->p++;
    while (*ps->p && *ps->p != '"') {
        unsigned char c = *ps->p;

        if (c < 0x20)
            return NULL;
        if (c != '\\') {
            g_string_append_c(out, c);
            ps->p++;
            continue;
        }
        ps->p++;
        switch (*ps->p) {
        case '"': g_string_append_c(out, '"'); break;
        case '\\': g_string_append_c(out, '\\'); break;
        case '/': g_string_append_c(out, '/'); break;
        case 'b': g_string_append_c(out, '\b'); break;
        case 'f': g_string_append_c(out, '\f'); break;
        case 'n': g_string_append_c(out, '\n'); break;
        case 'r': g_string_append_c(out, '\r'); break;
        case 't': g_string_append_c(out, '\t'); break;
        case 'u': {
            unsigned int cp, lo;

            if (parseHex4(ps->p + 1, &cp) < 0)
                return NULL;
            ps->p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && ps->p[1] == '\\' &&
                ps->p[2] == 'u' && parseHex4(ps->p + 3, &lo) == 0 &&
                lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                ps->p += 6;
            }
            if (cp == 0 || (cp >= 0xD800 && cp < 0xE000))
                cp = 0xFFFD;    /* no NULs or lone surrogates in C strings */
            appendUTF8(out, cp);
            break;
        }
        default:
            return NULL;
        }
        ps->p++;
    }
    if (*ps->p != '"')
        return NULL;
    ps->p++;
    return g_string_free(g_steal_pointer(&out), FALSE);
}

static qemuJSONValue *
newValue(qemuJSONType type)
{
    qemuJSONValue *v = g_new0(qemuJSONValue, 1);

    v->type = type;
    if (type == QEMU_JSON_ARRAY || type == QEMU_JSON_OBJECT)
        v->items = g_ptr_array_new_with_free_func(
            (GDestroyNotify)qemuJSONValueFree);
    if (type == QEMU_JSON_OBJECT)
        v->keys = g_ptr_array_new_with_free_func(g_free);
    return v;
}

static qemuJSONValue *
parseContainer(qemuJSONParser *ps, bool object)
{
    g_autoptr(qemuJSONValue) v = newValue(object ? QEMU_JSON_OBJECT
                                                 : QEMU_JSON_ARRAY);
    char close = object ? '}' : ']';

    if (++ps->depth > QEMU_JSON_MAX_DEPTH)
        return NULL;
    ps->p++;
    skipSpace(ps);
    if (*ps->p == close) {
        ps->p++;
        ps->depth--;
        return g_steal_pointer(&v);
    }
    for (;;) {
        qemuJSONValue *item;

        skipSpace(ps);
        if (object) {
            char *key = parseString(ps);

            if (!key)
                return NULL;
            g_ptr_array_add(v->keys, key);
            skipSpace(ps);
            if (*ps->p != ':')
                return NULL;
            ps->p++;
        }
        if (!(item = parseValue(ps)))
            return NULL;
        g_ptr_array_add(v->items, item);
        skipSpace(ps);
        if (*ps->p == ',') {
            ps->p++;
            continue;
        }
        if (*ps->p != close)
            return NULL;
        ps->p++;
        break;
    }
    ps->depth--;
    return g_steal_pointer(&v);
}

static qemuJSONValue *
parseValue(qemuJSONParser *ps)
{
    qemuJSONValue *v;

    skipSpace(ps);
    switch (*ps->p) {
    case '{':
        return parseContainer(ps, true);
    case '[':
        return parseContainer(ps, false);
    case '"': {
        char *s = parseString(ps);

        if (!s)
            return NULL;
        v = newValue(QEMU_JSON_STRING);
        v->string = s;
        return v;
    }
    case 't':
    case 'f':
    case 'n':
        if (strncmp(ps->p, "true", 4) == 0) {
            v = newValue(QEMU_JSON_BOOL);
            v->boolean = true;
            ps->p += 4;
        } else if (strncmp(ps->p, "false", 5) == 0) {
            v = newValue(QEMU_JSON_BOOL);
            ps->p += 5;
        } else if (strncmp(ps->p, "null", 4) == 0) {
            v = newValue(QEMU_JSON_NULL);
            ps->p += 4;
        } else {
            return NULL;
        }
        return v;
    default: {
        const char *start = ps->p;
        char *end;
        double d;

        if (*start != '-' && !g_ascii_isdigit(*start))
            return NULL;
        d = g_ascii_strtod(start, &end);
        if (end == start)
            return NULL;
        v = newValue(QEMU_JSON_NUMBER);
        v->number = d;
        v->string = g_strndup(start, end - start);
        ps->p = end;
        return v;
    }
    }
}

qemuJSONValue *
qemuJSONParse(const char *text)
{
    qemuJSONParser ps = { text, 0 };
    g_autoptr(qemuJSONValue) v = NULL;

    if (text && (v = parseValue(&ps))) {
        skipSpace(&ps);
        if (*ps.p == '\0')
            return g_steal_pointer(&v);
    }
    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "cannot parse json %s: syntax error", text ? text : "");
    return NULL;
}


qemuJSONValue *
qemuJSONGet(const qemuJSONValue *obj, const char *key)
{
    size_t i;

    if (!obj || obj->type != QEMU_JSON_OBJECT)
        return NULL;
    for (i = 0; i < obj->keys->len; i++) {
        if (strcmp(obj->keys->pdata[i], key) == 0)
            return obj->items->pdata[i];
    }
    return NULL;
}

const char *
qemuJSONGetString(const qemuJSONValue *obj, const char *key)
{
    qemuJSONValue *v = qemuJSONGet(obj, key);

    return v && v->type == QEMU_JSON_STRING ? v->string : NULL;
}

int
qemuJSONGetBool(const qemuJSONValue *obj, const char *key, bool *out)
{
    qemuJSONValue *v = qemuJSONGet(obj, key);

    if (!v || v->type != QEMU_JSON_BOOL)
        return -1;
    *out = v->boolean;
    return 0;
}

int
qemuJSONGetLongLong(const qemuJSONValue *obj, const char *key,
                    long long *out)
{
    qemuJSONValue *v = qemuJSONGet(obj, key);

    if (!v || v->type != QEMU_JSON_NUMBER)
        return -1;
    *out = g_ascii_strtoll(v->string, NULL, 10);
    return 0;
}


void
qemuJSONAppendString(GString *buf, const char *str)
{
    const unsigned char *p;

    g_string_append_c(buf, '"');
    for (p = (const unsigned char *)str; *p; p++) {
        switch (*p) {
        case '"': g_string_append(buf, "\\\""); break;
        case '\\': g_string_append(buf, "\\\\"); break;
        case '\n': g_string_append(buf, "\\n"); break;
        case '\r': g_string_append(buf, "\\r"); break;
        case '\t': g_string_append(buf, "\\t"); break;
        default:
            if (*p < 0x20)
                g_string_append_printf(buf, "\\u%04x", *p);
            else
                g_string_append_c(buf, *p);
        }
    }
    g_string_append_c(buf, '"');
}

static void
formatValue(GString *buf, const qemuJSONValue *v)
{
    size_t i;

    switch (v->type) {
    case QEMU_JSON_NULL:
        g_string_append(buf, "null");
        break;
    case QEMU_JSON_BOOL:
        g_string_append(buf, v->boolean ? "true" : "false");
        break;
    case QEMU_JSON_NUMBER:
        g_string_append(buf, v->string);
        break;
    case QEMU_JSON_STRING:
        qemuJSONAppendString(buf, v->string);
        break;
    case QEMU_JSON_ARRAY:
    case QEMU_JSON_OBJECT:
        g_string_append_c(buf, v->type == QEMU_JSON_ARRAY ? '[' : '{');
        for (i = 0; i < v->items->len; i++) {
            if (i)
                g_string_append_c(buf, ',');
            if (v->keys) {
                qemuJSONAppendString(buf, v->keys->pdata[i]);
                g_string_append_c(buf, ':');
            }
            formatValue(buf, v->items->pdata[i]);
        }
        g_string_append_c(buf, v->type == QEMU_JSON_ARRAY ? ']' : '}');
        break;
    }
}

char *
qemuJSONFormat(const qemuJSONValue *v)
{
    GString *buf = g_string_new(NULL);

    formatValue(buf, v);
    return g_string_free(buf, FALSE);
}


void
qemuJSONBegin(GString *buf)
{
    g_string_append_c(buf, '{');
}

static void
addKey(GString *buf, const char *key)
{
    if (buf->len && buf->str[buf->len - 1] != '{')
        g_string_append_c(buf, ',');
    qemuJSONAppendString(buf, key);
    g_string_append_c(buf, ':');
}

void
qemuJSONAddStr(GString *buf, const char *key, const char *val)
{
    addKey(buf, key);
    qemuJSONAppendString(buf, val);
}

void
qemuJSONAddInt(GString *buf, const char *key, long long val)
{
    addKey(buf, key);
    g_string_append_printf(buf, "%lld", val);
}

void
qemuJSONAddBool(GString *buf, const char *key, bool val)
{
    addKey(buf, key);
    g_string_append(buf, val ? "true" : "false");
}

void
qemuJSONAddRaw(GString *buf, const char *key, const char *json)
{
    addKey(buf, key);
    g_string_append(buf, json);
}

void
qemuJSONEnd(GString *buf)
{
    g_string_append_c(buf, '}');
}
