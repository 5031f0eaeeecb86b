/* virconfxml.h: small helpers shared by the XML parsers and formatters in
 * src/conf (network, storage, node device, capabilities).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Parsing wraps libxml2 so that malformed documents raise libvirt-style
 * VIR_ERR_XML_DETAIL errors; formatting goes through virConfBuf, a GString
 * that indents each line it starts, which is how libvirt lays out its XML.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

/* The tristate used by yes/no and on/off attributes (libvirt's values). */
typedef enum {
    VIR_CONF_TRISTATE_ABSENT = 0,
    VIR_CONF_TRISTATE_YES,
    VIR_CONF_TRISTATE_NO,
} virConfTristate;

const char *virConfTristateBoolToString(int value);  /* "yes" / "no" / NULL */
const char *virConfTristateSwitchToString(int value); /* "on" / "off" / NULL */


/* ---- parsing ---- */

/* Parse `xmlStr` (or, if NULL, the file `filename`) and check that the root
 * element is `rootName`.  `url` names inline data in error messages, e.g.
 * "(network_definition)".  Errors are raised in `errDomain`.  On success
 * *ctxt is an XPath context positioned on the root. */
xmlDocPtr virConfXMLParse(const char *filename, const char *xmlStr,
                          const char *url, const char *rootName,
                          xmlXPathContextPtr *ctxt, int errDomain);
void virConfXMLFree(xmlDocPtr doc, xmlXPathContextPtr ctxt);

/* String value of an XPath expression; NULL if absent or empty. */
char *virConfXPathString(const char *xpath, xmlXPathContextPtr ctxt);
xmlNodePtr virConfXPathNode(const char *xpath, xmlXPathContextPtr ctxt);
/* Number of matching nodes; *list (if given) is a new array to g_free. */
int virConfXPathNodeSet(const char *xpath, xmlXPathContextPtr ctxt,
                        xmlNodePtr **list);
bool virConfXPathBoolean(const char *xpath, xmlXPathContextPtr ctxt);

/* The attribute's value (may be ""), or NULL when absent. */
char *virConfXMLProp(xmlNodePtr node, const char *name);
/* The element's text content, or NULL. */
char *virConfXMLContent(xmlNodePtr node);

/* Attribute helpers raising libvirt's generic VIR_FROM_XML messages.
 * They return 1 when set, 0 when absent (and not required), -1 on error. */
int virConfXMLPropTristateBool(xmlNodePtr node, const char *name,
                               bool required, int *result);
int virConfXMLPropTristateSwitch(xmlNodePtr node, const char *name,
                                 bool required, int *result);
int virConfXMLPropUInt(xmlNodePtr node, const char *name, int base,
                       bool required, unsigned int *result);
int virConfXMLPropInt(xmlNodePtr node, const char *name, int base,
                      bool required, int *result);
int virConfXMLPropULongLong(xmlNodePtr node, const char *name, int base,
                            bool required, unsigned long long *result);
/* `fromString` maps a name to its value (<0 if unknown).  With `nonzero`,
 * a value of 0 is rejected too. */
int virConfXMLPropEnum(xmlNodePtr node, const char *name,
                       int (*fromString)(const char *), bool required,
                       bool nonzero, int *result);

/* Look a string up in a NULL-terminated table; its index or -1. */
int virConfEnumFromString(const char * const *table, const char *str);


/* ---- formatting ---- */

typedef struct _virConfBuf virConfBuf;
struct _virConfBuf {
    GString *str;
    int indent;
};

void virConfBufInit(virConfBuf *buf, int indent);
/* A buffer for an element's children: one level deeper than `parent`. */
void virConfBufInitChild(virConfBuf *child, const virConfBuf *parent);
void virConfBufClear(virConfBuf *buf);
bool virConfBufUsed(const virConfBuf *buf);
/* Takes the content (never NULL) and leaves the buffer empty. */
char *virConfBufSteal(virConfBuf *buf);
void virConfBufAdjustIndent(virConfBuf *buf, int delta);
void virConfBufAdd(virConfBuf *buf, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* `fmt` has one %s, filled with `str` escaped for XML. */
void virConfBufEscape(virConfBuf *buf, const char *fmt, const char *str);
void virConfBufAppend(virConfBuf *buf, const virConfBuf *other);
/* Emit <name attrs/> or <name attrs>children</name>; nothing at all when
 * both are empty.  Both buffers are cleared. */
void virConfBufElement(virConfBuf *buf, const char *name,
                       virConfBuf *attrs, virConfBuf *children);
/* The same, but an empty element is still written as <name/>. */
void virConfBufElementAlways(virConfBuf *buf, const char *name,
                             virConfBuf *attrs, virConfBuf *children);
/* Remove whitespace-only text nodes below `node` (so that a copied subtree
 * such as <metadata> can be pretty-printed afresh). */
void virConfXMLStripBlanks(xmlNodePtr node);
/* Append a copy of an XML subtree (e.g. <metadata>), pretty-printed and
 * indented at the buffer's level. */
void virConfBufXMLNode(virConfBuf *buf, xmlNodePtr node);


/* ---- small value types ---- */

#define VIR_CONF_UUID_LEN 16
#define VIR_CONF_UUID_STRLEN 37

int virConfUUIDParse(const char *str, unsigned char *uuid);
void virConfUUIDFormat(const unsigned char *uuid, char *out);
void virConfUUIDGenerate(unsigned char *uuid);

#define VIR_CONF_MAC_LEN 6
#define VIR_CONF_MAC_STRLEN 18
int virConfMacParse(const char *str, unsigned char *mac);
void virConfMacFormat(const unsigned char *mac, char *out);

/* An IPv4 or IPv6 address. */
typedef struct _virConfIPAddr virConfIPAddr;
struct _virConfIPAddr {
    int family;                 /* AF_UNSPEC (unset), AF_INET, AF_INET6 */
    unsigned char bytes[16];    /* network order; 4 used for IPv4 */
};

int virConfIPAddrParse(const char *str, int family, virConfIPAddr *addr);
char *virConfIPAddrFormat(const virConfIPAddr *addr);
bool virConfIPAddrIsSet(const virConfIPAddr *addr);
bool virConfIPAddrIsV4(const virConfIPAddr *addr);
bool virConfIPAddrIsV6(const virConfIPAddr *addr);
/* Prefix length of a netmask, or -1 if not contiguous. */
int virConfIPAddrNetmaskToPrefix(const virConfIPAddr *mask);
/* Compare two addresses of one family: <0, 0, >0. */
int virConfIPAddrCompare(const virConfIPAddr *a, const virConfIPAddr *b);
/* Are a and b in the same network under `prefix`? */
bool virConfIPAddrSameNet(const virConfIPAddr *a, const virConfIPAddr *b,
                          unsigned int prefix);

/* Scale `*value` by the unit `suffix` (NULL or "" means `scale`), checking
 * against `limit`.  Errors as libvirt reports them (VIR_FROM_NONE). */
int virConfScaleInteger(unsigned long long *value, const char *suffix,
                        unsigned long long scale, unsigned long long limit);

/* Strict decimal (or `base`) parsers: the whole string must be a number. */
int virConfStrToULongLong(const char *str, int base, unsigned long long *val);
int virConfStrToUInt(const char *str, int base, unsigned int *val);
int virConfStrToInt(const char *str, int base, int *val);
int virConfStrToLongLong(const char *str, int base, long long *val);

/* Collapse repeated slashes and drop a trailing one (like libvirt). */
char *virConfSanitizePath(const char *path);
