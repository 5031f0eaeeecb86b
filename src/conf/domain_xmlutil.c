/* domain_xmlutil.c: XML reading/writing helpers for the domain parser.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "conf/domain_xmlutil.h"
#include "util/virerror.h"

/* Attribute-level problems are reported from the XML "layer", as libvirt
 * does; whole-domain problems come from VIR_FROM_DOMAIN in domain_conf.c. */
#define VIR_FROM_THIS VIR_FROM_XML

#define virReportNone(code, ...) \
    virReportErrorFull(VIR_FROM_NONE, code, __FILE__, __func__, __LINE__, \
                       __VA_ARGS__)


xmlNodePtr
virDomXMLChild(xmlNodePtr node, const char *name)
{
    xmlNodePtr cur;

    for (cur = node ? node->children : NULL; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            strcmp((const char *)cur->name, name) == 0)
            return cur;
    }
    return NULL;
}


size_t
virDomXMLCountChildren(xmlNodePtr node, const char *name)
{
    xmlNodePtr cur;
    size_t n = 0;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            strcmp((const char *)cur->name, name) == 0)
            n++;
    }
    return n;
}


char *
virDomXMLProp(xmlNodePtr node, const char *name)
{
    xmlChar *val = xmlGetNoNsProp(node, (const xmlChar *)name);
    char *ret;

    if (!val)
        return NULL;
    ret = g_strdup((const char *)val);
    xmlFree(val);
    return ret;
}


char *
virDomXMLPropRequired(xmlNodePtr node, const char *name)
{
    char *ret = virDomXMLProp(node, name);

    if (!ret)
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing required attribute '%s' in element '%s'",
                       name, (const char *)node->name);
    return ret;
}


char *
virDomXMLText(xmlNodePtr node)
{
    xmlChar *val = xmlNodeGetContent(node);
    char *ret = g_strdup(val ? (const char *)val : "");

    xmlFree(val);
    return ret;
}


char *
virDomXMLChildText(xmlNodePtr node, const char *name)
{
    xmlNodePtr child = virDomXMLChild(node, name);

    return child ? virDomXMLText(child) : NULL;
}


int
virDomXMLTableLookup(const char *const *table, const char *value)
{
    size_t i;

    for (i = 0; table[i]; i++) {
        if (strcmp(table[i], value) == 0)
            return i;
    }
    return -1;
}


static void
virDomXMLReportBadValue(xmlNodePtr node, const char *name, const char *value,
                        const char *expected)
{
    virReportError(VIR_ERR_XML_ERROR,
                   "Invalid value for attribute '%s' in element '%s': '%s'.%s",
                   name, (const char *)node->name, value, expected);
}


int
virDomXMLPropEnum(xmlNodePtr node, const char *name,
                  const char *const *table, bool skipFirst, int *out)
{
    g_autofree char *val = virDomXMLProp(node, name);
    int idx;

    if (!val)
        return 0;
    idx = virDomXMLTableLookup(table, val);
    if (idx < 0 || (skipFirst && idx == 0)) {
        virDomXMLReportBadValue(node, name, val, "");
        return -1;
    }
    *out = idx;
    return 1;
}


int
virDomXMLPropTristate(xmlNodePtr node, const char *name, bool onoff, int *out)
{
    static const char *const yesno[] = { "default", "yes", "no", NULL };
    static const char *const onoffs[] = { "default", "on", "off", NULL };

    return virDomXMLPropEnum(node, name, onoff ? onoffs : yesno, true, out);
}


int
virDomStrToULLong(const char *s, int base, unsigned long long *out)
{
    char *end = NULL;
    unsigned long long v;

    if (!s || !*s)
        return -1;
    /* strtoull quietly accepts and negates a minus sign: refuse it. */
    if (strchr(s, '-'))
        return -1;
    errno = 0;
    v = strtoull(s, &end, base);
    if (errno || end == s || *end)
        return -1;
    *out = v;
    return 0;
}


int
virDomStrToUInt(const char *s, int base, unsigned int *out)
{
    unsigned long long v;

    if (virDomStrToULLong(s, base, &v) < 0 || v > UINT_MAX)
        return -1;
    *out = v;
    return 0;
}


int
virDomStrToLLong(const char *s, long long *out)
{
    char *end = NULL;
    long long v;

    if (!s || !*s)
        return -1;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno || end == s || *end)
        return -1;
    *out = v;
    return 0;
}


int
virDomStrToInt(const char *s, int *out)
{
    long long v;

    if (virDomStrToLLong(s, &v) < 0 || v < INT_MIN || v > INT_MAX)
        return -1;
    *out = v;
    return 0;
}


int
virDomXMLPropUInt(xmlNodePtr node, const char *name, int base, bool nonzero,
                  unsigned int *out)
{
    g_autofree char *val = virDomXMLProp(node, name);
    unsigned int v;

    if (!val)
        return 0;
    if (virDomStrToUInt(val, base, &v) < 0) {
        virDomXMLReportBadValue(node, name, val,
                                " Expected non-negative integer value");
        return -1;
    }
    if (nonzero && v == 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': Zero is not permitted",
                       name, (const char *)node->name);
        return -1;
    }
    *out = v;
    return 1;
}


int
virDomXMLPropInt(xmlNodePtr node, const char *name, int *out)
{
    g_autofree char *val = virDomXMLProp(node, name);

    if (!val)
        return 0;
    if (virDomStrToInt(val, out) < 0) {
        virDomXMLReportBadValue(node, name, val, " Expected integer value");
        return -1;
    }
    return 1;
}


int
virDomXMLPropULLong(xmlNodePtr node, const char *name, unsigned long long *out)
{
    g_autofree char *val = virDomXMLProp(node, name);

    if (!val)
        return 0;
    if (virDomStrToULLong(val, 10, out) < 0) {
        virDomXMLReportBadValue(node, name, val,
                                " Expected non-negative integer value");
        return -1;
    }
    return 1;
}


/* Bytes per unit; 0 when the unit is unknown. */
static unsigned long long
virDomUnitScale(const char *unit)
{
    static const struct {
        const char *name;
        unsigned long long base;
        int power;
    } units[] = {
        { "b", 1, 0 }, { "byte", 1, 0 }, { "bytes", 1, 0 },
        { "KB", 1000, 1 }, { "MB", 1000, 2 }, { "GB", 1000, 3 },
        { "TB", 1000, 4 }, { "PB", 1000, 5 }, { "EB", 1000, 6 },
        { "k", 1024, 1 }, { "K", 1024, 1 }, { "KiB", 1024, 1 },
        { "m", 1024, 2 }, { "M", 1024, 2 }, { "MiB", 1024, 2 },
        { "g", 1024, 3 }, { "G", 1024, 3 }, { "GiB", 1024, 3 },
        { "t", 1024, 4 }, { "T", 1024, 4 }, { "TiB", 1024, 4 },
        { "p", 1024, 5 }, { "P", 1024, 5 }, { "PiB", 1024, 5 },
        { "e", 1024, 6 }, { "E", 1024, 6 }, { "EiB", 1024, 6 },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(units); i++) {
        if (strcmp(units[i].name, unit) == 0) {
            unsigned long long s = 1;
            int p;
            for (p = 0; p < units[i].power; p++)
                s *= units[i].base;
            return s;
        }
    }
    return 0;
}


int
virDomXMLParseMemory(xmlNodePtr node, const char *name, unsigned long long *kib)
{
    xmlNodePtr el = virDomXMLChild(node, name);
    g_autofree char *unit = NULL;
    g_autofree char *text = NULL;
    unsigned long long val;
    unsigned long long scale;

    if (!el)
        return 0;
    text = virDomXMLText(el);
    unit = virDomXMLProp(el, "unit");
    if (virDomStrToULLong(text, 10, &val) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value '%s' for element or attribute './%s[1]'",
                       text, name);
        return -1;
    }
    scale = virDomUnitScale(unit ? unit : "KiB");
    if (!scale) {
        virReportNone(VIR_ERR_INVALID_ARG, "unknown suffix '%s'", unit);
        return -1;
    }
    if (val > ULLONG_MAX / scale) {
        virReportNone(VIR_ERR_OVERFLOW, "value too large: %s%s", text,
                      unit ? unit : "");
        return -1;
    }
    val *= scale;
    *kib = val / 1024 + (val % 1024 ? 1 : 0);
    return 1;
}


#define VIR_DOM_CPULIST_MAX 8192

int
virDomParseCPUList(const char *str, char **out)
{
    g_autofree bool *bits = g_new0(bool, VIR_DOM_CPULIST_MAX);
    g_autoptr(GString) res = g_string_new(NULL);
    const char *p = str;
    bool any = false;
    size_t i;

    while (*p) {
        bool neg = false;
        unsigned long start, last;
        char *end;

        while (g_ascii_isspace(*p))
            p++;
        if (*p == '^') {
            neg = true;
            p++;
        }
        if (!g_ascii_isdigit(*p))
            goto error;
        start = strtoul(p, &end, 10);
        p = end;
        last = start;
        if (*p == '-' && !neg) {
            p++;
            if (!g_ascii_isdigit(*p))
                goto error;
            last = strtoul(p, &end, 10);
            p = end;
        }
        if (start > last || last >= VIR_DOM_CPULIST_MAX)
            goto error;
        for (i = start; i <= last; i++)
            bits[i] = !neg;
        any = true;
        while (g_ascii_isspace(*p))
            p++;
        if (*p == ',') {
            p++;
            if (!*p)
                goto error;
        } else if (*p) {
            goto error;
        }
    }
    if (!any)
        goto error;

    for (i = 0; i < VIR_DOM_CPULIST_MAX; i++) {
        size_t j;
        if (!bits[i])
            continue;
        for (j = i; j + 1 < VIR_DOM_CPULIST_MAX && bits[j + 1]; j++)
            ;
        if (res->len)
            g_string_append_c(res, ',');
        if (j == i)
            g_string_append_printf(res, "%zu", i);
        else
            g_string_append_printf(res, "%zu-%zu", i, j);
        i = j;
    }
    *out = g_string_free(g_steal_pointer(&res), FALSE);
    return 0;

 error:
    virReportNone(VIR_ERR_INVALID_ARG, "Failed to parse bitmap '%s'", str);
    return -1;
}


void
virDomXMLEscape(GString *buf, const char *str)
{
    const char *p;

    for (p = str; *p; p++) {
        switch (*p) {
        case '<': g_string_append(buf, "&lt;"); break;
        case '>': g_string_append(buf, "&gt;"); break;
        case '&': g_string_append(buf, "&amp;"); break;
        case '\'': g_string_append(buf, "&apos;"); break;
        case '"': g_string_append(buf, "&quot;"); break;
        default: g_string_append_c(buf, *p);
        }
    }
}


void
virDomXMLIndent(GString *buf, int level)
{
    int i;

    for (i = 0; i < level; i++)
        g_string_append(buf, "  ");
}


void
virDomXMLAttr(GString *buf, const char *name, const char *value)
{
    if (!value)
        return;
    g_string_append_printf(buf, " %s='", name);
    virDomXMLEscape(buf, value);
    g_string_append_c(buf, '\'');
}


void
virDomXMLAttrf(GString *buf, const char *name, const char *fmt, ...)
{
    g_autofree char *val = NULL;
    va_list ap;

    va_start(ap, fmt);
    val = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    virDomXMLAttr(buf, name, val);
}


void
virDomXMLTextElem(GString *buf, int level, const char *name, const char *text)
{
    if (!text)
        return;
    virDomXMLIndent(buf, level);
    g_string_append_printf(buf, "<%s>", name);
    virDomXMLEscape(buf, text);
    g_string_append_printf(buf, "</%s>\n", name);
}


void
virDomXMLElemOpen(virDomXMLElem *el, GString *buf, int level, const char *name)
{
    el->buf = buf;
    el->child = g_string_new(NULL);
    el->level = level;
    el->name = name;
    virDomXMLIndent(buf, level);
    g_string_append_printf(buf, "<%s", name);
}


void
virDomXMLElemClose(virDomXMLElem *el)
{
    if (el->child->len == 0) {
        g_string_append(el->buf, "/>\n");
    } else {
        g_string_append(el->buf, ">\n");
        g_string_append_len(el->buf, el->child->str, el->child->len);
        virDomXMLIndent(el->buf, el->level);
        g_string_append_printf(el->buf, "</%s>\n", el->name);
    }
    g_string_free(el->child, TRUE);
    el->child = NULL;
}
