/* domain_xmlutil.h: small XML reading/writing helpers for the domain parser.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reading helpers report errors worded as libvirt words them (users match
 * on these strings).  Writing goes to a GString with an indent level.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

/* ---- reading ---- */

/* First child element called `name` (NULL if none). */
xmlNodePtr virDomXMLChild(xmlNodePtr node, const char *name);
/* Number of children called `name`. */
size_t virDomXMLCountChildren(xmlNodePtr node, const char *name);
/* Attribute value, newly allocated, or NULL when absent. */
char *virDomXMLProp(xmlNodePtr node, const char *name);
/* Like virDomXMLProp, but an error when absent. */
char *virDomXMLPropRequired(xmlNodePtr node, const char *name);
/* Text content of `node`, newly allocated (never NULL for a node). */
char *virDomXMLText(xmlNodePtr node);
/* Text content of the first child `name`, or NULL when there is none. */
char *virDomXMLChildText(xmlNodePtr node, const char *name);

/* Look `value` up in a NULL-terminated table; -1 if absent. */
int virDomXMLTableLookup(const char *const *table, const char *value);

/* Enumerated attribute: *out = index in `table` (NULL-terminated).
 * Returns 0 when absent (*out untouched), 1 when set, -1 on error.
 * With `skipFirst`, table[0] is a placeholder that may not be written. */
int virDomXMLPropEnum(xmlNodePtr node, const char *name,
                      const char *const *table, bool skipFirst, int *out);
/* yes/no (`onoff` false) or on/off (`onoff` true): *out = virTristate. */
int virDomXMLPropTristate(xmlNodePtr node, const char *name, bool onoff,
                          int *out);
/* Unsigned integer (decimal, or 0x hex with `base` 0 / 16).
 * Returns 0 when absent, 1 when set, -1 on error. */
int virDomXMLPropUInt(xmlNodePtr node, const char *name, int base,
                      bool nonzero, unsigned int *out);
int virDomXMLPropInt(xmlNodePtr node, const char *name, int *out);
int virDomXMLPropULLong(xmlNodePtr node, const char *name,
                        unsigned long long *out);

/* Whole-string number parsing (no sign for the unsigned ones). */
int virDomStrToUInt(const char *s, int base, unsigned int *out);
int virDomStrToULLong(const char *s, int base, unsigned long long *out);
int virDomStrToLLong(const char *s, long long *out);
int virDomStrToInt(const char *s, int *out);

/* Memory size in element `name` under `node` with its unit= attribute,
 * scaled to KiB (rounded up).  Returns 0 when absent, 1 when set, -1 on
 * error. */
int virDomXMLParseMemory(xmlNodePtr node, const char *name,
                         unsigned long long *kib);

/* cpuset/nodeset syntax ("0-3,^2,8"): canonical form in *out ("0-1,3,8").
 * Returns 0 on success, -1 with an error set. */
int virDomParseCPUList(const char *str, char **out);

/* ---- writing ---- */

/* Append `str` with & < > ' " escaped. */
void virDomXMLEscape(GString *buf, const char *str);
/* Indented line start. */
void virDomXMLIndent(GString *buf, int level);
/* " name='value'" (escaped); nothing when value is NULL. */
void virDomXMLAttr(GString *buf, const char *name, const char *value);
void virDomXMLAttrf(GString *buf, const char *name, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
/* "<name>text</name>\n" at `level`; nothing when text is NULL. */
void virDomXMLTextElem(GString *buf, int level, const char *name,
                       const char *text);

/* An element being written: attributes go to `buf` directly; children go
 * to `child` and decide whether the element closes with "/>". */
typedef struct {
    GString *buf;
    GString *child;
    int level;
    const char *name;
} virDomXMLElem;

void virDomXMLElemOpen(virDomXMLElem *el, GString *buf, int level,
                       const char *name);
void virDomXMLElemClose(virDomXMLElem *el);
