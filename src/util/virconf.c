/* virconf.c: reader for libvirt's configuration file syntax.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A hand-written recursive descent parser over the whole file in memory.
 * Blanks (space, tab, CR) separate tokens on a line; newlines end a
 * statement, except inside a list and a """ string.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/virconf.h"
#include "util/virerror.h"
#include "util/virfile.h"

#define VIR_FROM_THIS VIR_FROM_CONF

/* qemu.conf is about 40 KiB; anything near this is not a config file. */
#define VIR_CONF_MAX_SIZE (1024 * 1024)

typedef struct {
    char *name;
    virConfValue *value;
    int line;
} virConfEntry;

struct _virConf {
    char *filename;
    GPtrArray *entries;         /* of virConfEntry * */
};

typedef struct {
    const char *filename;
    const char *cur;
    const char *end;
    int line;
} virConfParser;


static void
virConfValueFree(gpointer data)
{
    virConfValue *val = data;

    if (!val)
        return;
    g_free(val->str);
    if (val->list)
        g_ptr_array_unref(val->list);
    g_free(val);
}


static void
virConfEntryFree(gpointer data)
{
    virConfEntry *ent = data;

    g_free(ent->name);
    virConfValueFree(ent->value);
    g_free(ent);
}


void
virConfFree(virConf *conf)
{
    if (!conf)
        return;
    g_free(conf->filename);
    if (conf->entries)
        g_ptr_array_unref(conf->entries);
    g_free(conf);
}


/* ---- the parser ---- */

static void
virConfSyntaxError(virConfParser *p, const char *what)
{
    virReportError(VIR_ERR_CONF_SYNTAX, "%s:%d: %s", p->filename, p->line,
                   what);
}


static bool
virConfAtEnd(virConfParser *p)
{
    return p->cur >= p->end;
}


/* Spaces, tabs and CRs on the current line. */
static void
virConfSkipBlanks(virConfParser *p)
{
    while (!virConfAtEnd(p) &&
           (*p->cur == ' ' || *p->cur == '\t' || *p->cur == '\r'))
        p->cur++;
}


/* Blanks and newlines (inside a list). */
static void
virConfSkipSpaces(virConfParser *p)
{
    while (!virConfAtEnd(p)) {
        if (*p->cur == '\n')
            p->line++;
        else if (*p->cur != ' ' && *p->cur != '\t' && *p->cur != '\r')
            break;
        p->cur++;
    }
}


static void
virConfSkipComment(virConfParser *p)
{
    while (!virConfAtEnd(p) && *p->cur != '\n')
        p->cur++;
}


static bool
virConfLookingAt(virConfParser *p, const char *s)
{
    size_t n = strlen(s);

    return (size_t)(p->end - p->cur) >= n && memcmp(p->cur, s, n) == 0;
}


static virConfValue *
virConfParseString(virConfParser *p)
{
    g_autofree virConfValue *val = g_new0(virConfValue, 1);
    const char *start;

    val->type = VIR_CONF_STRING;
    val->line = p->line;

    if (virConfLookingAt(p, "\"\"\"")) {
        /* Multi-line: everything up to the next """ verbatim. */
        p->cur += 3;
        start = p->cur;
        while (!virConfAtEnd(p) && !virConfLookingAt(p, "\"\"\"")) {
            if (*p->cur == '\n')
                p->line++;
            p->cur++;
        }
        if (virConfAtEnd(p)) {
            virConfSyntaxError(p, "unterminated string");
            return NULL;
        }
        val->str = g_strndup(start, p->cur - start);
        p->cur += 3;
    } else {
        char quote = *p->cur++;

        start = p->cur;
        while (!virConfAtEnd(p) && *p->cur != quote && *p->cur != '\n')
            p->cur++;
        if (virConfAtEnd(p) || *p->cur != quote) {
            virConfSyntaxError(p, "unterminated string");
            return NULL;
        }
        val->str = g_strndup(start, p->cur - start);
        p->cur++;
    }
    return g_steal_pointer(&val);
}


static virConfValue *
virConfParseNumber(virConfParser *p)
{
    g_autofree virConfValue *val = g_new0(virConfValue, 1);
    g_autofree char *digits = NULL;
    bool negative = false;
    const char *start;

    val->line = p->line;
    if (*p->cur == '-' || *p->cur == '+') {
        negative = *p->cur == '-';
        p->cur++;
    }
    start = p->cur;
    while (!virConfAtEnd(p) && g_ascii_isdigit(*p->cur))
        p->cur++;
    if (p->cur == start) {
        virConfSyntaxError(p, "unterminated number");
        return NULL;
    }
    digits = g_strndup(start, p->cur - start);

    /* Out-of-range numbers saturate (libvirt does the same); the typed
     * getters then report them as out of range. */
    errno = 0;
    if (negative) {
        unsigned long long mag = g_ascii_strtoull(digits, NULL, 10);

        val->type = VIR_CONF_LLONG;
        if (errno == ERANGE || mag > (unsigned long long)LLONG_MAX)
            val->l = LLONG_MIN;
        else
            val->l = -(long long)mag;
    } else {
        val->type = VIR_CONF_ULLONG;
        val->ul = g_ascii_strtoull(digits, NULL, 10);
    }
    return g_steal_pointer(&val);
}


static virConfValue *virConfParseValue(virConfParser *p);


static virConfValue *
virConfParseList(virConfParser *p)
{
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(virConfValueFree);
    virConfValue *val;
    int line = p->line;

    p->cur++; /* '[' */
    virConfSkipSpaces(p);
    if (!virConfAtEnd(p) && *p->cur != ']') {
        if (!(val = virConfParseValue(p)))
            return NULL;
        g_ptr_array_add(items, val);
        virConfSkipSpaces(p);
        while (!virConfAtEnd(p) && *p->cur == ',') {
            p->cur++;
            virConfSkipSpaces(p);
            if (!virConfAtEnd(p) && *p->cur == ']')
                break;              /* trailing comma */
            if (!(val = virConfParseValue(p)))
                return NULL;
            g_ptr_array_add(items, val);
            virConfSkipSpaces(p);
        }
    }
    if (virConfAtEnd(p) || *p->cur != ']') {
        virConfSyntaxError(p, "expecting a separator in list");
        return NULL;
    }
    p->cur++;

    val = g_new0(virConfValue, 1);
    val->type = VIR_CONF_LIST;
    val->list = g_steal_pointer(&items);
    val->line = line;
    return val;
}


static virConfValue *
virConfParseValue(virConfParser *p)
{
    if (virConfAtEnd(p)) {
        virConfSyntaxError(p, "expecting a value");
        return NULL;
    }
    switch (*p->cur) {
    case '"':
    case '\'':
        return virConfParseString(p);
    case '[':
        return virConfParseList(p);
    case '-':
    case '+':
        return virConfParseNumber(p);
    default:
        if (g_ascii_isdigit(*p->cur))
            return virConfParseNumber(p);
        virConfSyntaxError(p, "expecting a value");
        return NULL;
    }
}


static int
virConfParseStatement(virConfParser *p, virConf *conf)
{
    g_autofree char *name = NULL;
    const char *start = p->cur;
    virConfEntry *ent;
    virConfValue *val;
    int line = p->line;

    if (!g_ascii_isalpha(*p->cur)) {
        virConfSyntaxError(p, "expecting a name");
        return -1;
    }
    while (!virConfAtEnd(p) && (g_ascii_isalnum(*p->cur) || *p->cur == '_'))
        p->cur++;
    name = g_strndup(start, p->cur - start);

    virConfSkipBlanks(p);
    if (virConfAtEnd(p) || *p->cur != '=') {
        virConfSyntaxError(p, "expecting an assignment");
        return -1;
    }
    p->cur++;
    virConfSkipBlanks(p);
    if (!(val = virConfParseValue(p)))
        return -1;

    ent = g_new0(virConfEntry, 1);
    ent->name = g_steal_pointer(&name);
    ent->value = val;
    ent->line = line;
    g_ptr_array_add(conf->entries, ent);

    /* What may follow a statement on its line. */
    virConfSkipBlanks(p);
    if (virConfAtEnd(p) || *p->cur == '\n')
        return 0;
    if (*p->cur == ';') {
        p->cur++;
        return 0;
    }
    if (*p->cur == '#') {
        virConfSkipComment(p);
        return 0;
    }
    virConfSyntaxError(p, "expecting a separator");
    return -1;
}


virConf *
virConfReadString(const char *content, ssize_t len, const char *filename,
                  unsigned int flags)
{
    g_autoptr(virConf) conf = g_new0(virConf, 1);
    virConfParser p;

    if (flags) {
        virReportInvalidFlags(flags);
        return NULL;
    }
    if (len < 0)
        len = content ? strlen(content) : 0;

    conf->filename = g_strdup(filename ? filename : "<string>");
    conf->entries = g_ptr_array_new_with_free_func(virConfEntryFree);

    p.filename = conf->filename;
    p.cur = content ? content : "";
    p.end = p.cur + len;
    p.line = 1;

    while (true) {
        virConfSkipBlanks(&p);
        if (virConfAtEnd(&p))
            break;
        if (*p.cur == '\n') {
            p.line++;
            p.cur++;
        } else if (*p.cur == '#') {
            virConfSkipComment(&p);
        } else if (virConfParseStatement(&p, conf) < 0) {
            return NULL;
        }
    }
    return g_steal_pointer(&conf);
}


virConf *
virConfReadFile(const char *filename, unsigned int flags)
{
    g_autofree char *buf = NULL;
    ssize_t len;

    if (!filename) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "no configuration file name");
        return NULL;
    }
    if ((len = virFileReadAll(filename, VIR_CONF_MAX_SIZE, &buf)) < 0)
        return NULL;
    return virConfReadString(buf, len, filename, flags);
}


/* ---- lookups ---- */

const char *
virConfGetFilename(virConf *conf)
{
    return conf ? conf->filename : NULL;
}


static virConfEntry *
virConfFindEntry(virConf *conf, const char *setting)
{
    size_t i;

    if (!conf || !setting)
        return NULL;
    for (i = 0; i < conf->entries->len; i++) {
        virConfEntry *ent = g_ptr_array_index(conf->entries, i);
        if (g_str_equal(ent->name, setting))
            return ent;
    }
    return NULL;
}


virConfValue *
virConfGetValue(virConf *conf, const char *setting)
{
    virConfEntry *ent = virConfFindEntry(conf, setting);

    return ent ? ent->value : NULL;
}


virConfType
virConfGetValueType(virConf *conf, const char *setting)
{
    virConfValue *val = virConfGetValue(conf, setting);

    return val ? val->type : VIR_CONF_NONE;
}


int
virConfGetValueLine(virConf *conf, const char *setting)
{
    virConfEntry *ent = virConfFindEntry(conf, setting);

    return ent ? ent->line : 0;
}


int
virConfWalk(virConf *conf, virConfWalkCallback cb, void *opaque)
{
    size_t i;

    if (!conf)
        return 0;
    for (i = 0; i < conf->entries->len; i++) {
        virConfEntry *ent = g_ptr_array_index(conf->entries, i);
        if (cb(ent->name, ent->value, ent->line, opaque) < 0)
            return -1;
    }
    return 0;
}


/* "FILE:LINE: <detail>" with VIR_ERR_INTERNAL_ERROR, as libvirt's getters
 * do (they name only the file). */
#define virConfTypeError(conf, ent, code, fmt, ...) \
    virReportError(code, "%s:%d: " fmt, (conf)->filename, (ent)->line, \
                   __VA_ARGS__)


int
virConfGetValueString(virConf *conf, const char *setting, char **value)
{
    virConfEntry *ent = virConfFindEntry(conf, setting);

    if (!ent)
        return 0;
    if (ent->value->type != VIR_CONF_STRING) {
        virConfTypeError(conf, ent, VIR_ERR_INTERNAL_ERROR,
                         "expected a string for '%s' parameter", setting);
        return -1;
    }
    g_free(*value);
    *value = g_strdup(ent->value->str);
    return 1;
}


int
virConfGetValueStringList(virConf *conf, const char *setting,
                          bool compatString, char ***values)
{
    virConfEntry *ent = virConfFindEntry(conf, setting);
    g_auto(GStrv) list = NULL;
    size_t i;

    if (!ent)
        return 0;

    switch (ent->value->type) {
    case VIR_CONF_LIST:
        list = g_new0(char *, ent->value->list->len + 1);
        for (i = 0; i < ent->value->list->len; i++) {
            virConfValue *item = g_ptr_array_index(ent->value->list, i);
            if (item->type != VIR_CONF_STRING) {
                virConfTypeError(conf, ent, VIR_ERR_CONF_SYNTAX,
                                 "expected a string list for '%s' parameter",
                                 setting);
                return -1;
            }
            list[i] = g_strdup(item->str);
        }
        break;

    case VIR_CONF_STRING:
        if (compatString) {
            list = g_new0(char *, 2);
            list[0] = g_strdup(ent->value->str);
            break;
        }
        G_GNUC_FALLTHROUGH;

    default:
        virConfTypeError(conf, ent, VIR_ERR_INTERNAL_ERROR,
                         "%s for '%s' parameter",
                         compatString ? "expected a string or string list" :
                                        "expected a string list", setting);
        return -1;
    }

    g_strfreev(*values);
    *values = g_steal_pointer(&list);
    return 1;
}


int
virConfGetValueBool(virConf *conf, const char *setting, bool *value)
{
    virConfEntry *ent = virConfFindEntry(conf, setting);

    if (!ent)
        return 0;
    if (ent->value->type != VIR_CONF_ULLONG) {
        virConfTypeError(conf, ent, VIR_ERR_INTERNAL_ERROR,
                         "expected a bool for '%s' parameter", setting);
        return -1;
    }
    if (ent->value->ul > 1) {
        virConfTypeError(conf, ent, VIR_ERR_INTERNAL_ERROR,
                         "value for '%s' parameter must be 0 or 1", setting);
        return -1;
    }
    *value = ent->value->ul == 1;
    return 1;
}


/* Signed getters accept both kinds of number; check [min, max]. */
static int
virConfGetSigned(virConf *conf, const char *setting, long long min,
                 long long max, long long *out)
{
    virConfEntry *ent = virConfFindEntry(conf, setting);
    long long v;

    if (!ent)
        return 0;
    if (ent->value->type == VIR_CONF_LLONG) {
        v = ent->value->l;
    } else if (ent->value->type == VIR_CONF_ULLONG) {
        if (ent->value->ul > (unsigned long long)LLONG_MAX)
            goto range;
        v = ent->value->ul;
    } else {
        virConfTypeError(conf, ent, VIR_ERR_INTERNAL_ERROR,
                         "expected a signed integer for '%s' parameter",
                         setting);
        return -1;
    }
    if (v < min || v > max)
        goto range;
    *out = v;
    return 1;

 range:
    virConfTypeError(conf, ent, VIR_ERR_INTERNAL_ERROR,
                     "value for '%s' parameter must be in range %lld:%lld",
                     setting, min, max);
    return -1;
}


static int
virConfGetUnsigned(virConf *conf, const char *setting,
                   unsigned long long max, unsigned long long *out)
{
    virConfEntry *ent = virConfFindEntry(conf, setting);

    if (!ent)
        return 0;
    if (ent->value->type != VIR_CONF_ULLONG) {
        virConfTypeError(conf, ent, VIR_ERR_INTERNAL_ERROR,
                         "expected an unsigned integer for '%s' parameter",
                         setting);
        return -1;
    }
    if (ent->value->ul > max) {
        virConfTypeError(conf, ent, VIR_ERR_INTERNAL_ERROR,
                         "value for '%s' parameter must be in range 0:%llu",
                         setting, max);
        return -1;
    }
    *out = ent->value->ul;
    return 1;
}


int
virConfGetValueInt(virConf *conf, const char *setting, int *value)
{
    long long v;
    int rc = virConfGetSigned(conf, setting, INT_MIN, INT_MAX, &v);

    if (rc == 1)
        *value = v;
    return rc;
}


int
virConfGetValueUInt(virConf *conf, const char *setting, unsigned int *value)
{
    unsigned long long v;
    int rc = virConfGetUnsigned(conf, setting, UINT_MAX, &v);

    if (rc == 1)
        *value = v;
    return rc;
}


int
virConfGetValueSizeT(virConf *conf, const char *setting, size_t *value)
{
    unsigned long long v;
    int rc = virConfGetUnsigned(conf, setting, SIZE_MAX, &v);

    if (rc == 1)
        *value = v;
    return rc;
}


int
virConfGetValueSSizeT(virConf *conf, const char *setting, ssize_t *value)
{
    long long v;
    int rc = virConfGetSigned(conf, setting, -SSIZE_MAX - 1, SSIZE_MAX, &v);

    if (rc == 1)
        *value = v;
    return rc;
}


int
virConfGetValueLLong(virConf *conf, const char *setting, long long *value)
{
    return virConfGetSigned(conf, setting, LLONG_MIN, LLONG_MAX, value);
}


int
virConfGetValueULLong(virConf *conf, const char *setting,
                      unsigned long long *value)
{
    return virConfGetUnsigned(conf, setting, ULLONG_MAX, value);
}
