/* util-uri-test.c: URI parse/format, compared with libvirt 9.0's results.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The expected rows were produced by running libvirt 9.0's own URI parser
 * on the same inputs.
 */
#include <config.h>

#include <string.h>

#include "util/virerror.h"
#include "util/viruri.h"
#include "tap.h"

typedef struct {
    const char *input;
    const char *scheme, *server, *user;
    unsigned int port;
    const char *path, *query, *fragment;
    size_t nparams;
    const char *params[12];     /* name, value, ..., NULL */
    const char *formatted;
    const char *formattedParams;
} uriCase;

static const uriCase cases[] = {
    { "test:///default",
      "test", NULL, NULL, 0, "/default", NULL, NULL,
      0, { NULL },
      "test:///default", NULL },
    { "qemu+ssh://user@host:22/system?keyfile=/x&no_verify=1",
      "qemu+ssh", "host", "user", 22, "/system", "keyfile=/x&no_verify=1", NULL,
      2, { "keyfile", "/x", "no_verify", "1", NULL },
      "qemu+ssh://user@host:22/system?keyfile=/x&no_verify=1", "keyfile=%2Fx&no_verify=1" },
    { "qemu://[::1]:1234/system",
      "qemu", "::1", NULL, 1234, "/system", NULL, NULL,
      0, { NULL },
      "qemu://[::1]:1234/system", NULL },
    { "qemu://[::1]/system",
      "qemu", "::1", NULL, 0, "/system", NULL, NULL,
      0, { NULL },
      "qemu://[::1]/system", NULL },
    { "qemu+tcp://[fe80::1%25eth0]:16509/system",
      "qemu+tcp", "fe80::1%eth0", NULL, 16509, "/system", NULL, NULL,
      0, { NULL },
      "qemu+tcp://[fe80::1%eth0]:16509/system", NULL },
    { "test:///default?a=%20b&c&=d&e=&&f=1;g=2",
      "test", NULL, NULL, 0, "/default", "a=%20b&c&=d&e=&&f=1;g=2", NULL,
      5, { "a", " b", "c", "", "e", "", "f", "1", "g", "2", NULL },
      "test:///default?a=%20b&c&=d&e=&&f=1;g=2", "a=%20b&c=&e=&f=1&g=2" },
    { "qemu:///system#frag",
      "qemu", NULL, NULL, 0, "/system", NULL, "frag",
      0, { NULL },
      "qemu:///system#frag", NULL },
    { "xen://host/",
      "xen", "host", NULL, 0, "/", NULL, NULL,
      0, { NULL },
      "xen://host/", NULL },
    { "test:/default",
      "test", NULL, NULL, 0, "/default", NULL, NULL,
      0, { NULL },
      "test:///default", NULL },
    { "test:default",
      "test", NULL, NULL, 0, "default", NULL, NULL,
      0, { NULL },
      "test://default", NULL },
    { "/just/path",
      NULL, NULL, NULL, 0, "/just/path", NULL, NULL,
      0, { NULL },
      "///just/path", NULL },
    { "qemu+unix:///system?socket=/tmp/a%20b",
      "qemu+unix", NULL, NULL, 0, "/system", "socket=/tmp/a%20b", NULL,
      1, { "socket", "/tmp/a b", NULL },
      "qemu+unix:///system?socket=/tmp/a%20b", "socket=%2Ftmp%2Fa%20b" },
    { "lxc:///",
      "lxc", NULL, NULL, 0, "/", NULL, NULL,
      0, { NULL },
      "lxc:///", NULL },
    { "esx://u%40ser@host/?no_verify=1",
      "esx", "host", "u@ser", 0, "/", "no_verify=1", NULL,
      1, { "no_verify", "1", NULL },
      "esx://u%40ser@host/?no_verify=1", "no_verify=1" },
    { "",
      NULL, NULL, NULL, 0, NULL, NULL, NULL,
      0, { NULL },
      "//", NULL },
    { "qemu://host:99999/",
      "qemu", "host", NULL, 99999, "/", NULL, NULL,
      0, { NULL },
      "qemu://host:99999/", NULL },
    { "test:///a%20b",
      "test", NULL, NULL, 0, "/a b", NULL, NULL,
      0, { NULL },
      "test:///a%20b", NULL },
    { "QEMU:///SYSTEM",
      "QEMU", NULL, NULL, 0, "/SYSTEM", NULL, NULL,
      0, { NULL },
      "QEMU:///SYSTEM", NULL },
    { "test:///default?a=b%26c",
      "test", NULL, NULL, 0, "/default", "a=b%26c", NULL,
      1, { "a", "b&c", NULL },
      "test:///default?a=b%26c", "a=b%26c" },
    { "qemu://user:pass@host/",
      "qemu", "host", "user:pass", 0, "/", NULL, NULL,
      0, { NULL },
      "qemu://user:pass@host/", NULL },
    { "vbox:///session",
      "vbox", NULL, NULL, 0, "/session", NULL, NULL,
      0, { NULL },
      "vbox:///session", NULL },
    { "test+unix:///default?socket=/run/x.sock&mode=direct",
      "test+unix", NULL, NULL, 0, "/default", "socket=/run/x.sock&mode=direct", NULL,
      2, { "socket", "/run/x.sock", "mode", "direct", NULL },
      "test+unix:///default?socket=/run/x.sock&mode=direct", "socket=%2Frun%2Fx.sock&mode=direct" },
    { "remote://host.example.com",
      "remote", "host.example.com", NULL, 0, NULL, NULL, NULL,
      0, { NULL },
      "remote://host.example.com", NULL },
    { "qemu+ext:///system?command=/bin/ssh%20-x",
      "qemu+ext", NULL, NULL, 0, "/system", "command=/bin/ssh%20-x", NULL,
      1, { "command", "/bin/ssh -x", NULL },
      "qemu+ext:///system?command=/bin/ssh%20-x", "command=%2Fbin%2Fssh%20-x" },
    { "test:///default?q=x;y",
      "test", NULL, NULL, 0, "/default", "q=x;y", NULL,
      2, { "q", "x", "y", "", NULL },
      "test:///default?q=x;y", "q=x&y=" },
    { "test:///tmp/a.xml",
      "test", NULL, NULL, 0, "/tmp/a.xml", NULL, NULL,
      0, { NULL },
      "test:///tmp/a.xml", NULL },
    { "d?x=1&y=2",
      NULL, NULL, NULL, 0, "d", "x=1&y=2", NULL,
      2, { "x", "1", "y", "2", NULL },
      "//d?x=1&y=2", "x=1&y=2" },
    { "qemu://h/?a=1&a=2",
      "qemu", "h", NULL, 0, "/", "a=1&a=2", NULL,
      2, { "a", "1", "a", "2", NULL },
      "qemu://h/?a=1&a=2", "a=1&a=2" },
    { "ch:///session?%3Dq=v",
      "ch", NULL, NULL, 0, "/session", "%3Dq=v", NULL,
      1, { "=q", "v", NULL },
      "ch:///session?%3Dq=v", "=q=v" },
};

static const char *const badUris[] = {
    "test://bad uri",
    "test:///default?x=%zz",
    "::",
    "qemu://host:abc/",
    "qemu://host:/system",
    "qemu://[::1/system",
    "a b",
    "qemu:// host/",
};


static void
testCase(const uriCase *c)
{
    g_autoptr(virURI) uri = virURIParse(c->input);
    g_autofree char *fmt = NULL;
    g_autofree char *fmtParams = NULL;
    bool paramsOk;
    size_t i;

    if (!ok(uri != NULL, "parse '%s'", c->input)) {
        tap_diag("%s", virGetLastErrorMessage());
        return;
    }
    is_str(uri->scheme, c->scheme, "  scheme");
    is_str(uri->server, c->server, "  server");
    is_str(uri->user, c->user, "  user");
    is_int(uri->port, c->port, "  port");
    is_str(uri->path, c->path, "  path");
    is_str(uri->query, c->query, "  query");
    is_str(uri->fragment, c->fragment, "  fragment");

    paramsOk = uri->paramsCount == c->nparams;
    for (i = 0; paramsOk && i < c->nparams; i++) {
        paramsOk = g_str_equal(uri->params[i].name, c->params[2 * i]) &&
                   g_str_equal(uri->params[i].value, c->params[2 * i + 1]);
    }
    ok(paramsOk, "  %zu params, unescaped", c->nparams);

    fmt = virURIFormat(uri);
    is_str(fmt, c->formatted, "  format");
    fmtParams = virURIFormatParams(uri);
    is_str(fmtParams, c->formattedParams, "  format params");
}


static void
testRoundTrip(void)
{
    static const char *const same[] = {
        "test:///default",
        "qemu+ssh://user@host:22/system?keyfile=/x&no_verify=1",
        "qemu://[::1]:1234/system",
        "qemu:///system#frag",
        "esx://u%40ser@host/?no_verify=1",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(same); i++) {
        g_autoptr(virURI) a = virURIParse(same[i]);
        g_autofree char *s = virURIFormat(a);
        g_autoptr(virURI) b = virURIParse(s);
        g_autofree char *t = virURIFormat(b);

        is_str(t, same[i], "round trip '%s'", same[i]);
    }
}


static void
testBad(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(badUris); i++) {
        g_autofree char *want =
            g_strdup_printf("internal error: Unable to parse URI %s", badUris[i]);
        virURI *uri = virURIParse(badUris[i]);

        ok(uri == NULL, "'%s' is rejected", badUris[i]);
        virURIFree(uri);
        is_int(virGetLastErrorCode(), VIR_ERR_INTERNAL_ERROR, "  code");
        is_int(virGetLastErrorDomain(), VIR_FROM_URI, "  domain");
        is_str(virGetLastErrorMessage(), want, "  message");
    }
    ok(virURIParse(NULL) == NULL, "NULL is rejected");
    virResetLastError();
}


static void
testHelpers(void)
{
    g_autoptr(virURI) uri =
        virURIParse("qemu+ssh://h/system?keyfile=/k&no_verify=1&x=a%20b");
    static const char *const transport[] = { "keyfile", "no_verify", NULL };
    g_autofree char *rest = NULL;

    is_str(virURIGetParam(uri, "x"), "a b", "GetParam unescapes");
    ok(virURIGetParam(uri, "nope") == NULL, "GetParam missing");
    virURIParamsSetIgnore(uri, true, transport);
    rest = virURIFormatParams(uri);
    is_str(rest, "x=a%20b", "ignored params are not formatted");
    is_str(VIR_URI_SERVER(uri), "h", "VIR_URI_SERVER");
    virURIFree(NULL);
}


int
main(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++)
        testCase(&cases[i]);
    testRoundTrip();
    testBad();
    testHelpers();
    return tap_done();
}
