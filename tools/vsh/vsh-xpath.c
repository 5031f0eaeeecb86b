/* vsh-xpath.c: --xpath and --wrap of the *-dumpxml commands.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The document is parsed without its indentation and the selected nodes
 * are written back by libxml2, one per line, or copied under a <nodes>
 * root with --wrap.  Only node sets are accepted, as with virsh.
 */
#include <config.h>

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "vsh.h"

static void
vshXPathDumpNode(GString *out, xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr buf = xmlBufferCreate();

    if (!buf)
        return;
    if (xmlNodeDump(buf, doc, node, 0, 1) >= 0)
        g_string_append_len(out, (const char *)xmlBufferContent(buf),
                            xmlBufferLength(buf));
    xmlBufferFree(buf);
}


bool
vshPrintXPath(vshControl *ctl, const char *xml, const char *xpath, bool wrap)
{
    g_autoptr(GString) out = g_string_new(NULL);
    xmlDocPtr doc = NULL;
    xmlDocPtr wrapdoc = NULL;
    xmlXPathContextPtr xctxt = NULL;
    xmlXPathObjectPtr obj = NULL;
    bool ret = false;
    int i;

    if (!(doc = xmlReadMemory(xml, strlen(xml), "document.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOBLANKS))) {
        vshError(ctl, "%s", "internal error: failed to parse the XML document");
        goto cleanup;
    }
    if (!(xctxt = xmlXPathNewContext(doc)))
        goto cleanup;

    /* libxml2 reports a malformed expression itself; like virsh, that
     * prints nothing more and does not fail the command */
    if (!(obj = xmlXPathEval(BAD_CAST xpath, xctxt))) {
        ret = true;
        goto cleanup;
    }
    if (obj->type != XPATH_NODESET) {
        vshError(ctl, "internal error: Incorrect xpath '%s'", xpath);
        goto cleanup;
    }

    if (wrap) {
        xmlNodePtr root;

        if (!(wrapdoc = xmlNewDoc(BAD_CAST "1.0")) ||
            !(root = xmlNewDocNode(wrapdoc, NULL, BAD_CAST "nodes", NULL)))
            goto cleanup;
        xmlDocSetRootElement(wrapdoc, root);
        for (i = 0; obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
            xmlNodePtr copy = xmlDocCopyNode(obj->nodesetval->nodeTab[i],
                                             wrapdoc, 1);
            if (copy && !xmlAddChild(root, copy))
                xmlFreeNode(copy);
        }
        vshXPathDumpNode(out, wrapdoc, root);
        g_string_append_c(out, '\n');
    } else {
        for (i = 0; obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
            vshXPathDumpNode(out, doc, obj->nodesetval->nodeTab[i]);
            g_string_append_c(out, '\n');
        }
    }
    vshPrint(ctl, "%s", out->str);
    ret = true;

 cleanup:
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(xctxt);
    xmlFreeDoc(wrapdoc);
    xmlFreeDoc(doc);
    return ret;
}


/* Print a whole document, or what --xpath selects from it. */
bool
vshPrintXMLDoc(vshControl *ctl, const vshCmd *cmd, const char *xml)
{
    const char *xpath;

    if (vshCmdOptString(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!xpath) {
        vshPrint(ctl, "%s", xml);
        return true;
    }
    if (!*xpath)
        return false;   /* fails without a message, as virsh does */
    return vshPrintXPath(ctl, xml, xpath, vshCmdOptBool(cmd, "wrap"));
}
