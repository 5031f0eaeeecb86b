/* viruri.h: parse and format connection URIs.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Behaves like libvirt's URI helpers (libxml2's RFC 3986 parser underneath):
 * IPv6 brackets are stripped from `server` and put back when formatting, and
 * the query is also split into unescaped name/value params.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef struct _virURIParam virURIParam;
struct _virURIParam {
    char *name;     /* unescaped */
    char *value;    /* unescaped; "" for "name" or "name=" */
    bool ignore;    /* skipped by virURIFormatParams */
};

typedef struct _virURI virURI;
struct _virURI {
    char *scheme;       /* "qemu+ssh"; NULL for a relative reference */
    char *server;       /* host without IPv6 brackets, or NULL */
    char *user;         /* unescaped user info ("user" or "user:pass") */
    unsigned int port;  /* 0 when absent */
    char *path;         /* unescaped */
    char *query;        /* raw (still escaped) query string, or NULL */
    char *fragment;

    size_t paramsCount;
    virURIParam *params;
};

/* NULL with VIR_ERR_INTERNAL_ERROR "Unable to parse URI <uri>" (domain
 * VIR_FROM_URI) if `uri` is not a valid URI reference. */
virURI *virURIParse(const char *uri);

/* The URI as a string (path, user and fragment escaped again, query raw). */
char *virURIFormat(const virURI *uri);

/* The non-ignored params as "name=value&..." with values escaped (name
 * verbatim, as libvirt does); NULL if there are none. */
char *virURIFormatParams(const virURI *uri);

/* Value of the first param called `name`, or NULL. */
const char *virURIGetParam(const virURI *uri, const char *name);

/* Mark every param whose name is in the NULL-terminated `names`. */
void virURIParamsSetIgnore(virURI *uri, bool ignore, const char *const *names);

void virURIFree(virURI *uri);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virURI, virURIFree)

/* The server, or "localhost" when the URI has none. */
#define VIR_URI_SERVER(uri) ((uri) && (uri)->server ? (uri)->server : "localhost")
