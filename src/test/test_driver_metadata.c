/* test_driver_metadata.c: a domain's <title>, <description> and
 * namespaced <metadata> elements (virDomainGetMetadata/SetMetadata).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The argument rules libvirt applies in its public functions are checked
 * here first, with the same wording and error domain; a change queues one
 * METADATA_CHANGE event, as libvirt's test driver does.
 */
#include <config.h>

#include <string.h>
#include <libxml/tree.h>

#include "test/test_driver.h"
#include "conf/virconfxml.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* "ARG in FUNC must [not] be NULL", unless @value is as it must be. */
static int
testMetadataArgNull(const char *func, const char *arg, const char *value,
                    bool wantNull)
{
    if (!value == wantNull)
        return 0;
    testRaiseInvalidArg(VIR_FROM_DOMAIN, func, arg, "%s in %s must %sbe NULL",
                        arg, func, wantNull ? "" : "not ");
    return -1;
}


/* The checks of libvirt's public functions: the title and description
 * take no key or uri, an element needs a uri (and a key to be set). */
static int
testMetadataCheckArgs(const char *func, int type, const char *metadata,
                      const char *key, const char *uri, bool set)
{
    switch (type) {
    case VIR_DOMAIN_METADATA_TITLE:
        if (set && metadata && strchr(metadata, '\n')) {
            testRaiseInvalidArg(VIR_FROM_DOMAIN, func, "metadata", "%s",
                                "metadata title can't contain newlines");
            return -1;
        }
        G_GNUC_FALLTHROUGH;
    case VIR_DOMAIN_METADATA_DESCRIPTION:
        if (testMetadataArgNull(func, "uri", uri, true) < 0 ||
            (set && testMetadataArgNull(func, "key", key, true) < 0))
            return -1;
        break;
    case VIR_DOMAIN_METADATA_ELEMENT:
        if (testMetadataArgNull(func, "uri", uri, false) < 0 ||
            (set && metadata &&
             testMetadataArgNull(func, "key", key, false) < 0))
            return -1;
        break;
    }
    return 0;
}


/* Only types past the last are refused (libvirt lets a negative one
 * through: nothing is found or changed). */
static int
testMetadataTypeCheck(int type)
{
    if (type >= VIR_DOMAIN_METADATA_LAST) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                          "unknown metadata type '%d'", type);
        return -1;
    }
    return 0;
}


/* The child of <metadata> in namespace `uri`, or NULL. */
static xmlNodePtr
testMetadataFind(virDomainDef *def, const char *uri)
{
    xmlNodePtr cur;

    if (!def->metadata || !xmlDocGetRootElement(def->metadata))
        return NULL;
    for (cur = xmlDocGetRootElement(def->metadata)->children; cur;
         cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE && cur->ns &&
            g_strcmp0((const char *)cur->ns->href, uri) == 0)
            return cur;
    }
    return NULL;
}


/* Drop the namespace `ns` from a detached subtree, as libvirt hands
 * element metadata back without it. */
static void
testMetadataStripNs(xmlNodePtr node, xmlNsPtr ns)
{
    xmlNodePtr child;

    if (node->ns == ns)
        xmlSetNs(node, NULL);
    for (child = node->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            testMetadataStripNs(child, ns);
    }
}


/* The element @node as indented text, without its own namespace. */
static char *
testMetadataFormatElement(virDomainDef *def, xmlNodePtr node)
{
    xmlBufferPtr xbuf = xmlBufferCreate();
    xmlNodePtr copy = xmlCopyNode(node, 1);
    char *ret;

    xmlNsPtr *link;

    /* unlink and free the declaration of the element's own namespace */
    for (link = &copy->nsDef; *link; link = &(*link)->next) {
        xmlNsPtr own = *link;

        if (own != copy->ns)
            continue;
        testMetadataStripNs(copy, own);
        *link = own->next;
        own->next = NULL;
        xmlFreeNs(own);
        break;
    }
    xmlNodeDump(xbuf, def->metadata, copy, 0, 1);
    xmlFreeNode(copy);
    ret = g_strdup((const char *)xmlBufferContent(xbuf));
    xmlBufferFree(xbuf);
    return ret;
}


char *
testDomainGetMetadata(virDomainPtr domain, int type, const char *uri,
                      unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *def;
    bool live = false;
    const char *text = NULL;
    char *ret = NULL;

    if (testMetadataCheckArgs("virDomainGetMetadata", type, NULL, NULL, uri,
                              false) < 0)
        return NULL;
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, NULL);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        !(def = testDomObjGetOneDef(obj, flags, &live)) ||
        testMetadataTypeCheck(type) < 0)
        goto cleanup;

    if (type == VIR_DOMAIN_METADATA_TITLE) {
        text = def->title;
    } else if (type == VIR_DOMAIN_METADATA_DESCRIPTION) {
        text = def->description;
    } else if (type == VIR_DOMAIN_METADATA_ELEMENT) {
        xmlNodePtr node = testMetadataFind(def, uri);

        if (node) {
            ret = testMetadataFormatElement(def, node);
            goto cleanup;
        }
    }
    if (!text) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_NO_DOMAIN_METADATA, "%s",
                          "Requested metadata element is not present");
        goto cleanup;
    }
    ret = g_strdup(text);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* @metadata parsed, with libvirt's errors if it does not parse or @key
 * is not a valid namespace prefix. */
static xmlDocPtr
testMetadataParseElement(const char *metadata, const char *key)
{
    xmlDocPtr doc;

    if (!(doc = virConfXMLParse(NULL, metadata, "(metadata_xml)", NULL,
                                NULL, VIR_FROM_DOMAIN)))
        return NULL;
    if (xmlValidateNCName((const xmlChar *)key, 0) != 0) {
        testReportErrorIn(VIR_FROM_XML, VIR_ERR_INTERNAL_ERROR, "%s",
                          "failed to validate prefix for a new XML namespace");
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}


static int
testMetadataSetElement(virDomainDef *def, const char *metadata,
                       const char *key, const char *uri)
{
    xmlDocPtr doc = NULL;
    xmlNodePtr old;
    xmlNodePtr node = NULL;

    if (metadata && !(doc = testMetadataParseElement(metadata, key)))
        return -1;
    if (!doc && !def->metadata)
        return 0;               /* nothing to remove */
    if (!def->metadata) {
        def->metadata = xmlNewDoc((const xmlChar *)"1.0");
        xmlDocSetRootElement(def->metadata,
                             xmlNewDocNode(def->metadata, NULL,
                                           (const xmlChar *)"metadata", NULL));
    }
    if (doc) {
        node = xmlDocCopyNode(xmlDocGetRootElement(doc), def->metadata, 1);
        xmlFreeDoc(doc);
        xmlSetNs(node, xmlNewNs(node, (const xmlChar *)uri,
                                (const xmlChar *)key));
    }
    if ((old = testMetadataFind(def, uri))) {
        if (node)
            xmlReplaceNode(old, node);
        else
            xmlUnlinkNode(old);
        xmlFreeNode(old);
    } else if (node) {
        xmlAddChild(xmlDocGetRootElement(def->metadata), node);
    }
    return 0;
}


/* Stores one kind of metadata in @def. */
static int
testDomainDefSetMetadata(virDomainDef *def, int type, const char *metadata,
                         const char *key, const char *uri)
{
    if (type == VIR_DOMAIN_METADATA_TITLE) {
        g_free(def->title);
        def->title = metadata && *metadata ? g_strdup(metadata) : NULL;
    } else if (type == VIR_DOMAIN_METADATA_DESCRIPTION) {
        g_free(def->description);
        def->description = metadata && *metadata ? g_strdup(metadata) : NULL;
    } else if (type == VIR_DOMAIN_METADATA_ELEMENT &&
               testMetadataSetElement(def, metadata, key, uri) < 0) {
        return -1;
    }
    return 0;
}


int
testDomainSetMetadata(virDomainPtr domain, int type, const char *metadata,
                      const char *key, const char *uri, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    int ret = -1;

    if (testMetadataCheckArgs("virDomainSetMetadata", type, metadata, key,
                              uri, true) < 0)
        return -1;
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    g_mutex_lock(&drv->lock);
    /* unlike most setters, LIVE and CONFIG together change both */
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjGetDefs(obj, flags, &live, &config) < 0 ||
        testMetadataTypeCheck(type) < 0)
        goto cleanup;

    if ((live &&
         testDomainDefSetMetadata(live, type, metadata, key, uri) < 0) ||
        (config &&
         testDomainDefSetMetadata(config, type, metadata, key, uri) < 0))
        goto cleanup;
    /* one event per call, whichever definitions changed */
    testEventQueueDomainMetadata(drv->events, obj->def->name, obj->def->uuid,
                                 obj->def->id, type,
                                 type == VIR_DOMAIN_METADATA_ELEMENT ? uri
                                                                     : NULL);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}
