/* virconfxml.c: XML parse/format helpers for the conf parsers.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <netdb.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xpathInternals.h>

#include "conf/virconfxml.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_XML

/* Raise an error in an explicit domain (helpers serve several callers). */
#define reportIn(dom, code, ...) \
    virReportErrorFull(dom, code, __FILE__, __func__, __LINE__, __VA_ARGS__)


const char *
virConfTristateBoolToString(int value)
{
    switch (value) {
    case VIR_CONF_TRISTATE_YES: return "yes";
    case VIR_CONF_TRISTATE_NO: return "no";
    }
    return NULL;
}


const char *
virConfTristateSwitchToString(int value)
{
    switch (value) {
    case VIR_CONF_TRISTATE_YES: return "on";
    case VIR_CONF_TRISTATE_NO: return "off";
    }
    return NULL;
}


int
virConfEnumFromString(const char * const *table, const char *str)
{
    size_t i;

    if (!str)
        return -1;
    for (i = 0; table[i]; i++) {
        if (strcmp(table[i], str) == 0)
            return i;
    }
    return -1;
}


/* ---- parsing ---- */

typedef struct {
    const char *url;
    int domain;
    bool reported;
} virConfParseState;


/* libxml2 calls this for each parser error; keep only the first, written
 * as "URL:LINE: MESSAGE" followed by the offending line and a caret. */
static void
virConfXMLCatchError(void *opaque, const char *msg, ...)
{
    xmlParserCtxtPtr pctxt = opaque;
    virConfParseState *state;
    g_autofree char *text = NULL;
    g_autofree char *context = NULL;
    g_autoptr(GString) caret = g_string_new(NULL);
    va_list ap;
    int line = 0;

    if (!pctxt || !pctxt->_private)
        return;
    state = pctxt->_private;
    if (state->reported)
        return;
    state->reported = true;

    va_start(ap, msg);
    text = g_strdup_vprintf(msg, ap);
    va_end(ap);

    if (pctxt->input && pctxt->input->cur && pctxt->input->base) {
        const xmlChar *base = pctxt->input->base;
        const xmlChar *cur = pctxt->input->cur;
        const xmlChar *at = cur, *end, *p;

        /* Show the line holding the error position, stepping back over
         * line ends first; an empty line prints as "(null)", as in
         * libvirt. */
        while (cur > base && (*cur == '\n' || *cur == '\r'))
            cur--;
        while (cur > base && *cur != '\n' && *cur != '\r')
            cur--;
        if (*cur == '\n' || *cur == '\r')
            cur++;
        end = cur;
        while (*end && *end != '\n' && *end != '\r' && end - cur < 80)
            end++;
        context = end > cur ? g_strndup((const char *)cur, end - cur)
                            : g_strdup("(null)");
        for (p = cur; p < at; p++)
            g_string_append_c(caret, '-');
        g_string_append_c(caret, '^');
    } else {
        context = g_strdup("(null)");
        g_string_append_c(caret, '^');
    }
    line = xmlSAX2GetLineNumber(pctxt);

    reportIn(state->domain, VIR_ERR_XML_DETAIL, "%s:%d: %s%s\n%s",
             state->url, line, text, context, caret->str);
}


xmlDocPtr
virConfXMLParse(const char *filename, const char *xmlStr, const char *url,
                const char *rootName, xmlXPathContextPtr *ctxt, int errDomain)
{
    virConfParseState state = { url ? url : "[inline data]", errDomain, false };
    xmlParserCtxtPtr pctxt;
    xmlDocPtr doc = NULL;
    xmlNodePtr root;
    int opts = XML_PARSE_NONET | XML_PARSE_NOWARNING;

    if (filename && !xmlStr)
        state.url = filename;

    if (!(pctxt = xmlNewParserCtxt())) {
        reportIn(errDomain, VIR_ERR_NO_MEMORY, NULL);
        return NULL;
    }
    pctxt->_private = &state;
    pctxt->sax->error = virConfXMLCatchError;
    pctxt->vctxt.error = virConfXMLCatchError;

    if (xmlStr)
        doc = xmlCtxtReadDoc(pctxt, BAD_CAST xmlStr, state.url, NULL, opts);
    else
        doc = xmlCtxtReadFile(pctxt, filename, NULL, opts);

    if (!doc) {
        if (!state.reported) {
            if (filename && !xmlStr)
                reportIn(errDomain, VIR_ERR_XML_ERROR,
                         "failed to parse xml document '%s'", filename);
            else
                reportIn(errDomain, VIR_ERR_XML_ERROR,
                         "failed to parse xml document '%s'", state.url);
        }
        xmlFreeParserCtxt(pctxt);
        return NULL;
    }
    xmlFreeParserCtxt(pctxt);

    if (!(root = xmlDocGetRootElement(doc))) {
        reportIn(VIR_FROM_XML, VIR_ERR_INTERNAL_ERROR, "%s",
                 "missing root element");
        xmlFreeDoc(doc);
        return NULL;
    }
    if (rootName && !xmlStrEqual(root->name, BAD_CAST rootName)) {
        reportIn(VIR_FROM_XML, VIR_ERR_XML_ERROR,
                 "expecting root element of '%s', not '%s'",
                 rootName, (const char *)root->name);
        xmlFreeDoc(doc);
        return NULL;
    }

    if (ctxt) {
        if (!(*ctxt = xmlXPathNewContext(doc))) {
            reportIn(errDomain, VIR_ERR_NO_MEMORY, NULL);
            xmlFreeDoc(doc);
            return NULL;
        }
        (*ctxt)->node = root;
    }
    return doc;
}


void
virConfXMLFree(xmlDocPtr doc, xmlXPathContextPtr ctxt)
{
    if (ctxt)
        xmlXPathFreeContext(ctxt);
    if (doc)
        xmlFreeDoc(doc);
}


char *
virConfXPathString(const char *xpath, xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;
    char *ret = NULL;

    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (obj && obj->type == XPATH_NODESET) {
        /* string() semantics: the first node's text */
        if (obj->nodesetval && obj->nodesetval->nodeNr > 0) {
            xmlChar *s = xmlNodeGetContent(obj->nodesetval->nodeTab[0]);
            if (s && *s)
                ret = g_strdup((const char *)s);
            xmlFree(s);
        }
    } else if (obj && obj->type == XPATH_STRING && obj->stringval &&
               obj->stringval[0]) {
        ret = g_strdup((const char *)obj->stringval);
    }
    xmlXPathFreeObject(obj);
    return ret;
}


xmlNodePtr
virConfXPathNode(const char *xpath, xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;
    xmlNodePtr ret = NULL;

    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (obj && obj->type == XPATH_NODESET && obj->nodesetval &&
        obj->nodesetval->nodeNr > 0)
        ret = obj->nodesetval->nodeTab[0];
    xmlXPathFreeObject(obj);
    return ret;
}


int
virConfXPathNodeSet(const char *xpath, xmlXPathContextPtr ctxt,
                    xmlNodePtr **list)
{
    xmlXPathObjectPtr obj;
    int n = 0;

    if (list)
        *list = NULL;
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (obj && obj->type == XPATH_NODESET && obj->nodesetval) {
        n = obj->nodesetval->nodeNr;
        if (list && n > 0) {
            *list = g_new0(xmlNodePtr, n);
            memcpy(*list, obj->nodesetval->nodeTab, n * sizeof(xmlNodePtr));
        }
    }
    xmlXPathFreeObject(obj);
    return n;
}


bool
virConfXPathBoolean(const char *xpath, xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;
    bool ret = false;

    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (obj)
        ret = xmlXPathCastToBoolean(obj);
    xmlXPathFreeObject(obj);
    return ret;
}


char *
virConfXMLProp(xmlNodePtr node, const char *name)
{
    xmlChar *v;
    char *ret;

    if (!node || !(v = xmlGetNoNsProp(node, BAD_CAST name)))
        return NULL;
    ret = g_strdup((const char *)v);
    xmlFree(v);
    return ret;
}


char *
virConfXMLContent(xmlNodePtr node)
{
    xmlChar *v;
    char *ret;

    if (!node || !(v = xmlNodeGetContent(node)))
        return NULL;
    ret = g_strdup((const char *)v);
    xmlFree(v);
    return ret;
}


static int
virConfXMLPropMissing(xmlNodePtr node, const char *name, bool required)
{
    if (!required)
        return 0;
    reportIn(VIR_FROM_XML, VIR_ERR_XML_ERROR,
             "Missing required attribute '%s' in element '%s'",
             name, (const char *)node->name);
    return -1;
}


static int
virConfXMLPropInvalid(xmlNodePtr node, const char *name, const char *value,
                      const char *extra)
{
    reportIn(VIR_FROM_XML, VIR_ERR_XML_ERROR,
             "Invalid value for attribute '%s' in element '%s': '%s'.%s",
             name, (const char *)node->name, value, extra);
    return -1;
}


static int
virConfXMLPropTristate(xmlNodePtr node, const char *name, bool required,
                       const char *yes, const char *no, int *result)
{
    g_autofree char *v = virConfXMLProp(node, name);

    *result = VIR_CONF_TRISTATE_ABSENT;
    if (!v)
        return virConfXMLPropMissing(node, name, required);
    if (strcmp(v, yes) == 0)
        *result = VIR_CONF_TRISTATE_YES;
    else if (strcmp(v, no) == 0)
        *result = VIR_CONF_TRISTATE_NO;
    else
        return virConfXMLPropInvalid(node, name, v, "");
    return 1;
}


int
virConfXMLPropTristateBool(xmlNodePtr node, const char *name, bool required,
                           int *result)
{
    return virConfXMLPropTristate(node, name, required, "yes", "no", result);
}


int
virConfXMLPropTristateSwitch(xmlNodePtr node, const char *name, bool required,
                             int *result)
{
    return virConfXMLPropTristate(node, name, required, "on", "off", result);
}


int
virConfXMLPropUInt(xmlNodePtr node, const char *name, int base,
                   bool required, unsigned int *result)
{
    g_autofree char *v = virConfXMLProp(node, name);

    if (!v)
        return virConfXMLPropMissing(node, name, required);
    if (virConfStrToUInt(v, base, result) < 0)
        return virConfXMLPropInvalid(node, name, v,
                                     " Expected non-negative integer value");
    return 1;
}


int
virConfXMLPropInt(xmlNodePtr node, const char *name, int base,
                  bool required, int *result)
{
    g_autofree char *v = virConfXMLProp(node, name);

    if (!v)
        return virConfXMLPropMissing(node, name, required);
    if (virConfStrToInt(v, base, result) < 0)
        return virConfXMLPropInvalid(node, name, v,
                                     " Expected integer value");
    return 1;
}


int
virConfXMLPropULongLong(xmlNodePtr node, const char *name, int base,
                        bool required, unsigned long long *result)
{
    g_autofree char *v = virConfXMLProp(node, name);

    if (!v)
        return virConfXMLPropMissing(node, name, required);
    if (virConfStrToULongLong(v, base, result) < 0)
        return virConfXMLPropInvalid(node, name, v,
                                     " Expected non-negative integer value");
    return 1;
}


int
virConfXMLPropEnum(xmlNodePtr node, const char *name,
                   int (*fromString)(const char *), bool required,
                   bool nonzero, int *result)
{
    g_autofree char *v = virConfXMLProp(node, name);
    int r;

    if (!v)
        return virConfXMLPropMissing(node, name, required);
    r = fromString(v);
    if (r < 0 || (nonzero && r == 0))
        return virConfXMLPropInvalid(node, name, v, "");
    *result = r;
    return 1;
}


/* ---- formatting ---- */

void
virConfBufInit(virConfBuf *buf, int indent)
{
    buf->str = g_string_new(NULL);
    buf->indent = indent;
}


void
virConfBufInitChild(virConfBuf *child, const virConfBuf *parent)
{
    virConfBufInit(child, parent->indent + 2);
}


void
virConfBufClear(virConfBuf *buf)
{
    if (buf->str)
        g_string_free(buf->str, TRUE);
    buf->str = NULL;
}


bool
virConfBufUsed(const virConfBuf *buf)
{
    return buf->str && buf->str->len > 0;
}


char *
virConfBufSteal(virConfBuf *buf)
{
    char *ret;

    if (!buf->str)
        return g_strdup("");
    ret = g_string_free(buf->str, FALSE);
    buf->str = NULL;
    return ret;
}


void
virConfBufAdjustIndent(virConfBuf *buf, int delta)
{
    buf->indent += delta;
    if (buf->indent < 0)
        buf->indent = 0;
}


/* Indent when the text starts a new line. */
static void
virConfBufApplyIndent(virConfBuf *buf)
{
    if (!buf->str)
        buf->str = g_string_new(NULL);
    if (buf->indent > 0 &&
        (buf->str->len == 0 || buf->str->str[buf->str->len - 1] == '\n')) {
        int i;
        for (i = 0; i < buf->indent; i++)
            g_string_append_c(buf->str, ' ');
    }
}


void
virConfBufAdd(virConfBuf *buf, const char *fmt, ...)
{
    va_list ap;

    virConfBufApplyIndent(buf);
    va_start(ap, fmt);
    g_string_append_vprintf(buf->str, fmt, ap);
    va_end(ap);
}


void
virConfBufEscape(virConfBuf *buf, const char *fmt, const char *str)
{
    g_autoptr(GString) esc = g_string_new(NULL);
    const char *p;

    for (p = str ? str : ""; *p; p++) {
        switch (*p) {
        case '<': g_string_append(esc, "&lt;"); break;
        case '>': g_string_append(esc, "&gt;"); break;
        case '&': g_string_append(esc, "&amp;"); break;
        case '"': g_string_append(esc, "&quot;"); break;
        case '\'': g_string_append(esc, "&apos;"); break;
        default:
            /* control characters other than tab/newline/CR are not XML */
            if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' &&
                *p != '\r')
                break;
            g_string_append_c(esc, *p);
        }
    }
    /* callers pass literal formats with exactly one %s */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    virConfBufAdd(buf, fmt, esc->str);
#pragma GCC diagnostic pop
}


void
virConfBufAppend(virConfBuf *buf, const virConfBuf *other)
{
    if (!virConfBufUsed(other))
        return;
    if (!buf->str)
        buf->str = g_string_new(NULL);
    g_string_append_len(buf->str, other->str->str, other->str->len);
}


static void
virConfBufElementImpl(virConfBuf *buf, const char *name, virConfBuf *attrs,
                      virConfBuf *children, bool always)
{
    bool hasAttrs = attrs && virConfBufUsed(attrs);
    bool hasChildren = children && virConfBufUsed(children);

    if (hasAttrs || hasChildren || always) {
        virConfBufAdd(buf, "<%s", name);
        if (hasAttrs)
            g_string_append_len(buf->str, attrs->str->str, attrs->str->len);
        if (hasChildren) {
            g_string_append(buf->str, ">\n");
            virConfBufAppend(buf, children);
            virConfBufAdd(buf, "</%s>\n", name);
        } else {
            g_string_append(buf->str, "/>\n");
        }
    }
    if (attrs)
        virConfBufClear(attrs);
    if (children)
        virConfBufClear(children);
}


void
virConfBufElement(virConfBuf *buf, const char *name, virConfBuf *attrs,
                  virConfBuf *children)
{
    virConfBufElementImpl(buf, name, attrs, children, false);
}


void
virConfBufElementAlways(virConfBuf *buf, const char *name, virConfBuf *attrs,
                        virConfBuf *children)
{
    virConfBufElementImpl(buf, name, attrs, children, true);
}


void
virConfXMLStripBlanks(xmlNodePtr node)
{
    xmlNodePtr cur = node ? node->children : NULL;

    while (cur) {
        xmlNodePtr next = cur->next;
        if (cur->type == XML_TEXT_NODE && xmlIsBlankNode(cur)) {
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
        } else if (cur->type == XML_ELEMENT_NODE) {
            virConfXMLStripBlanks(cur);
        }
        cur = next;
    }
}


void
virConfBufXMLNode(virConfBuf *buf, xmlNodePtr node)
{
    xmlBufferPtr xbuf;
    xmlDocPtr doc;
    xmlNodePtr copy;

    if (!node || !(doc = xmlNewDoc(BAD_CAST "1.0")))
        return;
    /* A deep copy in its own document carries its namespaces along. */
    if (!(copy = xmlDocCopyNode(node, doc, 1))) {
        xmlFreeDoc(doc);
        return;
    }
    xmlDocSetRootElement(doc, copy);
    xbuf = xmlBufferCreate();
    /* libxml2 indents nested elements from our level (two spaces a
     * level) and leaves text nodes as they are, like libvirt's output. */
    xmlNodeDump(xbuf, doc, copy, buf->indent / 2, 1);
    virConfBufAdd(buf, "%s\n", (const char *)xmlBufferContent(xbuf));
    xmlBufferFree(xbuf);
    xmlFreeDoc(doc);
}


/* ---- UUID, MAC ---- */

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}


int
virConfUUIDParse(const char *str, unsigned char *uuid)
{
    const char *p = str;
    size_t i;

    if (!str)
        return -1;
    while (g_ascii_isspace(*p))
        p++;
    for (i = 0; i < VIR_CONF_UUID_LEN; i++) {
        int hi, lo;

        while (*p == '-')
            p++;
        if ((hi = hexval(p[0])) < 0 || (lo = hexval(p[1])) < 0)
            return -1;
        uuid[i] = hi << 4 | lo;
        p += 2;
    }
    while (*p) {
        if (!g_ascii_isspace(*p))
            return -1;
        p++;
    }
    return 0;
}


void
virConfUUIDFormat(const unsigned char *u, char *out)
{
    g_snprintf(out, VIR_CONF_UUID_STRLEN,
               "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
               "%02x%02x%02x%02x%02x%02x",
               u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7],
               u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}


void
virConfUUIDGenerate(unsigned char *uuid)
{
    size_t i;

    for (i = 0; i < VIR_CONF_UUID_LEN; i++)
        uuid[i] = g_random_int_range(0, 256);
    /* RFC 4122 version 4, variant 1 */
    uuid[6] = (uuid[6] & 0x0f) | 0x40;
    uuid[8] = (uuid[8] & 0x3f) | 0x80;
}


int
virConfMacParse(const char *str, unsigned char *mac)
{
    const char *p = str;
    size_t i;

    if (!str)
        return -1;
    for (i = 0; i < VIR_CONF_MAC_LEN; i++) {
        int d1, d2;

        if ((d1 = hexval(p[0])) < 0)
            return -1;
        if ((d2 = hexval(p[1])) >= 0) {
            mac[i] = d1 << 4 | d2;
            p += 2;
        } else {
            mac[i] = d1;
            p += 1;
        }
        if (i < VIR_CONF_MAC_LEN - 1) {
            if (*p != ':')
                return -1;
            p++;
        }
    }
    return *p == '\0' ? 0 : -1;
}


void
virConfMacFormat(const unsigned char *m, char *out)
{
    g_snprintf(out, VIR_CONF_MAC_STRLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
               m[0], m[1], m[2], m[3], m[4], m[5]);
}


/* ---- IP addresses ---- */

int
virConfIPAddrParse(const char *str, int family, virConfIPAddr *addr)
{
    struct addrinfo hints = { 0 };
    struct addrinfo *res = NULL;

    memset(addr, 0, sizeof(*addr));
    if (!str)
        return -1;
    hints.ai_family = family;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST;
    if (getaddrinfo(str, NULL, &hints, &res) != 0 || !res)
        return -1;
    addr->family = res->ai_family;
    if (res->ai_family == AF_INET)
        memcpy(addr->bytes,
               &((struct sockaddr_in *)res->ai_addr)->sin_addr, 4);
    else if (res->ai_family == AF_INET6)
        memcpy(addr->bytes,
               &((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, 16);
    else
        addr->family = AF_UNSPEC;
    freeaddrinfo(res);
    return addr->family == AF_UNSPEC ? -1 : 0;
}


char *
virConfIPAddrFormat(const virConfIPAddr *addr)
{
    char out[INET6_ADDRSTRLEN];

    if (!addr || (addr->family != AF_INET && addr->family != AF_INET6))
        return NULL;
    if (!inet_ntop(addr->family, addr->bytes, out, sizeof(out)))
        return NULL;
    return g_strdup(out);
}


bool
virConfIPAddrIsSet(const virConfIPAddr *addr)
{
    return addr->family == AF_INET || addr->family == AF_INET6;
}


bool
virConfIPAddrIsV4(const virConfIPAddr *addr)
{
    return addr->family == AF_INET;
}


bool
virConfIPAddrIsV6(const virConfIPAddr *addr)
{
    return addr->family == AF_INET6;
}


static size_t
virConfIPAddrLen(const virConfIPAddr *addr)
{
    return addr->family == AF_INET6 ? 16 : 4;
}


int
virConfIPAddrNetmaskToPrefix(const virConfIPAddr *mask)
{
    size_t len = virConfIPAddrLen(mask);
    size_t i;
    int prefix = 0;
    bool zeros = false;

    for (i = 0; i < len; i++) {
        int bit;
        for (bit = 7; bit >= 0; bit--) {
            if (mask->bytes[i] & (1 << bit)) {
                if (zeros)
                    return -1;
                prefix++;
            } else {
                zeros = true;
            }
        }
    }
    return prefix;
}


int
virConfIPAddrCompare(const virConfIPAddr *a, const virConfIPAddr *b)
{
    return memcmp(a->bytes, b->bytes, virConfIPAddrLen(a));
}


bool
virConfIPAddrSameNet(const virConfIPAddr *a, const virConfIPAddr *b,
                     unsigned int prefix)
{
    size_t len = virConfIPAddrLen(a);
    size_t i;

    if (a->family != b->family || prefix > len * 8)
        return false;
    for (i = 0; i < len; i++) {
        unsigned int bits = prefix > i * 8 ? prefix - i * 8 : 0;
        unsigned char m = bits >= 8 ? 0xff : (unsigned char)(0xff << (8 - bits));
        if ((a->bytes[i] & m) != (b->bytes[i] & m))
            return false;
    }
    return true;
}


/* ---- numbers ---- */

int
virConfStrToULongLong(const char *str, int base, unsigned long long *val)
{
    char *end;
    const char *p = str;

    if (!str)
        return -1;
    while (g_ascii_isspace(*p))
        p++;
    if (*p == '-')
        return -1;
    errno = 0;
    *val = strtoull(str, &end, base);
    if (errno || end == str || *end)
        return -1;
    return 0;
}


int
virConfStrToLongLong(const char *str, int base, long long *val)
{
    char *end;

    if (!str)
        return -1;
    errno = 0;
    *val = strtoll(str, &end, base);
    if (errno || end == str || *end)
        return -1;
    return 0;
}


int
virConfStrToUInt(const char *str, int base, unsigned int *val)
{
    unsigned long long v;

    if (virConfStrToULongLong(str, base, &v) < 0 || v > UINT_MAX)
        return -1;
    *val = v;
    return 0;
}


int
virConfStrToInt(const char *str, int base, int *val)
{
    long long v;

    if (virConfStrToLongLong(str, base, &v) < 0 || v > INT_MAX || v < INT_MIN)
        return -1;
    *val = v;
    return 0;
}


int
virConfScaleInteger(unsigned long long *value, const char *suffix,
                    unsigned long long scale, unsigned long long limit)
{
    if (!suffix || !*suffix) {
        if (!scale) {
            reportIn(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR,
                     "invalid scale %llu", scale);
            return -1;
        }
        suffix = "";
    } else if (g_ascii_strcasecmp(suffix, "b") == 0 ||
               g_ascii_strcasecmp(suffix, "byte") == 0 ||
               g_ascii_strcasecmp(suffix, "bytes") == 0) {
        scale = 1;
    } else {
        int base;
        int power = 0;

        if (!suffix[1] || g_ascii_strcasecmp(suffix + 1, "iB") == 0) {
            base = 1024;
        } else if (g_ascii_strcasecmp(suffix + 1, "B") == 0) {
            base = 1000;
        } else {
            reportIn(VIR_FROM_NONE, VIR_ERR_INVALID_ARG,
                     "unknown suffix '%s'", suffix);
            return -1;
        }
        switch (g_ascii_tolower(*suffix)) {
        case 'e': power++; G_GNUC_FALLTHROUGH;
        case 'p': power++; G_GNUC_FALLTHROUGH;
        case 't': power++; G_GNUC_FALLTHROUGH;
        case 'g': power++; G_GNUC_FALLTHROUGH;
        case 'm': power++; G_GNUC_FALLTHROUGH;
        case 'k': power++;
            break;
        default:
            reportIn(VIR_FROM_NONE, VIR_ERR_INVALID_ARG,
                     "unknown suffix '%s'", suffix);
            return -1;
        }
        scale = 1;
        while (power--)
            scale *= base;
    }

    if (*value && *value > limit / scale) {
        reportIn(VIR_FROM_NONE, VIR_ERR_OVERFLOW, "value too large: %llu%s",
                 *value, suffix);
        return -1;
    }
    *value *= scale;
    return 0;
}


char *
virConfSanitizePath(const char *path)
{
    GString *out = g_string_new(NULL);
    const char *p = path;

    /* POSIX gives a leading "//" its own meaning: keep exactly two. */
    if (p[0] == '/' && p[1] == '/' && p[2] != '/') {
        g_string_append(out, "//");
        p += 2;
    }
    for (; *p; p++) {
        if (*p == '/' && out->len > 0 && out->str[out->len - 1] == '/')
            continue;
        g_string_append_c(out, *p);
    }
    if (out->len > 1 && out->str[out->len - 1] == '/')
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}
