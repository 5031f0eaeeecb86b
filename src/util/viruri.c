/* viruri.c: parse and format connection URIs on top of libxml2.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>
#include <libxml/uri.h>

#include "util/viruri.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_URI


static void
virURIAddParam(virURI *uri, const char *name, size_t namelen,
               const char *value, size_t valuelen)
{
    virURIParam *p;
    char *n = xmlURIUnescapeString(name, namelen, NULL);
    char *v = valuelen ? xmlURIUnescapeString(value, valuelen, NULL) : NULL;

    uri->params = g_renew(virURIParam, uri->params, uri->paramsCount + 1);
    p = &uri->params[uri->paramsCount++];
    p->name = g_strdup(n ? n : "");
    p->value = g_strdup(v ? v : "");
    p->ignore = false;
    xmlFree(n);
    xmlFree(v);
}


/* Split the raw query into params.  Items are separated by '&', or by ';'
 * when the rest of the query has no '&' (libvirt's rule).  "name" and
 * "name=" give an empty value; "=value" and empty items are skipped. */
static void
virURIParseParams(virURI *uri)
{
    const char *q = uri->query;

    if (!q)
        return;
    while (*q) {
        const char *end = strchr(q, '&');
        const char *eq;

        if (!end)
            end = strchr(q, ';');
        if (!end)
            end = q + strlen(q);
        eq = memchr(q, '=', end - q);

        if (end == q || eq == q) {
            /* empty item or "=value": nothing to record */
        } else if (!eq) {
            virURIAddParam(uri, q, end - q, NULL, 0);
        } else {
            virURIAddParam(uri, q, eq - q, eq + 1, end - (eq + 1));
        }

        q = *end ? end + 1 : end;
    }
}


virURI *
virURIParse(const char *uristr)
{
    xmlURIPtr x = uristr ? xmlParseURI(uristr) : NULL;
    virURI *uri;
    size_t len;

    if (!x) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse URI %s",
                       uristr ? uristr : "(null)");
        return NULL;
    }

    uri = g_new0(virURI, 1);
    uri->scheme = g_strdup(x->scheme);
    uri->server = g_strdup(x->server);
    uri->user = g_strdup(x->user);
    /* libxml2's port is meaningless without a server. */
    if (uri->server && *uri->server && x->port > 0)
        uri->port = x->port;
    uri->path = g_strdup(x->path);
    uri->query = g_strdup(x->query_raw);
    uri->fragment = g_strdup(x->fragment);
    xmlFreeURI(x);

    if (uri->server && uri->server[0] == '[' &&
        (len = strlen(uri->server)) >= 2 && uri->server[len - 1] == ']') {
        memmove(uri->server, uri->server + 1, len - 2);
        uri->server[len - 2] = '\0';
    }

    virURIParseParams(uri);
    return uri;
}


char *
virURIFormat(const virURI *uri)
{
    xmlURI x;
    g_autofree char *bracketed = NULL;
    xmlChar *saved;
    char *ret;

    memset(&x, 0, sizeof(x));
    x.scheme = uri->scheme;
    x.server = uri->server;
    x.user = uri->user;
    x.port = uri->port;
    x.path = uri->path;
    x.query_raw = uri->query;
    x.fragment = uri->fragment;

    if (x.server && strchr(x.server, ':')) {
        bracketed = g_strdup_printf("[%s]", x.server);
        x.server = bracketed;
    }
    /* Without a server, a port of -1 makes libxml2 keep the empty
     * authority: "test:///default" rather than "test:/default". */
    if (!x.server && !x.port)
        x.port = -1;

    saved = xmlSaveUri(&x);
    ret = g_strdup((const char *)saved);
    xmlFree(saved);
    return ret;
}


char *
virURIFormatParams(const virURI *uri)
{
    GString *buf = g_string_new(NULL);
    size_t i;

    for (i = 0; i < uri->paramsCount; i++) {
        if (uri->params[i].ignore)
            continue;
        if (buf->len)
            g_string_append_c(buf, '&');
        g_string_append(buf, uri->params[i].name);
        g_string_append_c(buf, '=');
        g_string_append_uri_escaped(buf, uri->params[i].value, NULL, FALSE);
    }
    if (!buf->len) {
        g_string_free(buf, TRUE);
        return NULL;
    }
    return g_string_free(buf, FALSE);
}


const char *
virURIGetParam(const virURI *uri, const char *name)
{
    size_t i;

    for (i = 0; i < uri->paramsCount; i++) {
        if (g_str_equal(uri->params[i].name, name))
            return uri->params[i].value;
    }
    return NULL;
}


void
virURIParamsSetIgnore(virURI *uri, bool ignore, const char *const *names)
{
    size_t i;

    for (i = 0; i < uri->paramsCount; i++) {
        if (g_strv_contains(names, uri->params[i].name))
            uri->params[i].ignore = ignore;
    }
}


void
virURIFree(virURI *uri)
{
    size_t i;

    if (!uri)
        return;
    g_free(uri->scheme);
    g_free(uri->server);
    g_free(uri->user);
    g_free(uri->path);
    g_free(uri->query);
    g_free(uri->fragment);
    for (i = 0; i < uri->paramsCount; i++) {
        g_free(uri->params[i].name);
        g_free(uri->params[i].value);
    }
    g_free(uri->params);
    g_free(uri);
}
