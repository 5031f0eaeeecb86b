/* fuzz-uri.c: the connection URI parser and formatter.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is a URI string.  When it parses, the formatting helpers and
 * the parameter lookups run, and the formatted URI is parsed and formatted
 * again, twice.  Where libvirt's own formatting round-trips (see
 * fuzzStrict) the re-parses must succeed and the second format must be a
 * fixed point; a rejection must always come with an error.
 */
#include <config.h>

#include <stdbool.h>

#include "util/viruri.h"
#include "util/virerror.h"
#include "fuzz.h"


static const char *
fuzzLastMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    return err && err->message ? err->message : "(no error set)";
}


/* Whether libvirt's formatting round-trips this URI.  It writes the server
 * unescaped, and always puts "//" after the scheme, so a path that does
 * not start with '/' becomes a server: "%20b" -> "//%20b" -> "// b" ->
 * rejected, "q:x@y" -> "q://x@y" (user x, server y), in libvirt 9.0 as
 * here.  With a scheme, and a server of plain characters or no server and
 * an absolute path, it must hold. */
static bool
fuzzStrict(const virURI *uri)
{
    const char *p;

    if (!uri->scheme)
        return false;
    if (!uri->server)
        return !uri->path || uri->path[0] == '/';
    for (p = uri->server; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("._~:-", *p))
            return false;
    }
    return true;
}


/* Parse our own output; when `strict`, it must be accepted. */
static virURI *
fuzzReparse(const char *str, bool strict, const char *what)
{
    virURI *uri = virURIParse(str);

    if (!uri) {
        if (!virErrorIsSet())
            fuzzFail("%s: '%s' is rejected without an error", what, str);
        if (strict)
            fuzzFail("%s: our own output '%s' is rejected: %s", what, str,
                     fuzzLastMessage());
        virResetLastError();
    }
    return uri;
}


static void
fuzzParams(virURI *uri)
{
    static const char *const some[] = { "socket", "mode", "no_verify", NULL };
    g_autofree char *params = NULL;
    size_t i;

    for (i = 0; i < uri->paramsCount; i++) {
        if (!uri->params[i].name || !uri->params[i].value)
            fuzzFail("param %zu has no name or value", i);
        if (!virURIGetParam(uri, uri->params[i].name))
            fuzzFail("param '%s' is not found by name", uri->params[i].name);
    }
    params = virURIFormatParams(uri);
    virURIParamsSetIgnore(uri, true, some);
    g_free(params);
    params = virURIFormatParams(uri);
    virURIParamsSetIgnore(uri, false, some);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *str = NULL;
    g_autoptr(virURI) uri = NULL;
    g_autoptr(virURI) again = NULL;
    g_autoptr(virURI) third = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    g_autofree char *last = NULL;
    bool strict;

    if (size > FUZZ_MAX_INPUT)
        return 0;
    str = fuzzString(data, size);
    if (!(uri = virURIParse(str))) {
        if (!virErrorIsSet())
            fuzzFail("a rejected URI sets no error");
        virResetLastError();
        return 0;
    }
    strict = fuzzStrict(uri);
    fuzzParams(uri);

    if (!(first = virURIFormat(uri)))
        fuzzFail("a parsed URI does not format: %s", fuzzLastMessage());
    if (!(again = fuzzReparse(first, strict, "first re-parse")))
        return 0;
    fuzzParams(again);
    if (!(second = virURIFormat(again)))
        fuzzFail("a re-parsed URI does not format: %s", fuzzLastMessage());
    if (!(third = fuzzReparse(second, strict, "second re-parse")))
        return 0;
    last = virURIFormat(third);
    if (strict)
        fuzzSameText("format -> parse -> format is stable", second, last);
    return 0;
}
