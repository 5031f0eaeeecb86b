/* util-error-test.c: error raising, the public error API, dispatch and the
 * default handler's output, checked against libvirt 9.0's exact strings.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datatypes.h"
#include "util/virerror.h"
#include "tap.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The build passes the absolute data directory; by hand, run from the
 * top of the source tree. */
#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif

static char *
dataPath(const char *name)
{
    return g_strdup_printf("%s/util/%s", TEST_DATA_DIR, name);
}


/* Run fn(data) with stderr redirected; return what it printed. */
static char *
captureStderr(void (*fn)(void *), void *data)
{
    FILE *tmp = tmpfile();
    int saved = dup(STDERR_FILENO);
    char *out = NULL;
    size_t len = 0;
    long size;

    fflush(stderr);
    dup2(fileno(tmp), STDERR_FILENO);
    fn(data);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);

    size = ftell(tmp);
    rewind(tmp);
    out = g_malloc0(size + 1);
    len = fread(out, 1, size, tmp);
    out[len] = '\0';
    fclose(tmp);
    return out;
}


static void
runDefaultFunc(void *data)
{
    virDefaultErrorFunc(data);
}


static void
testTemplates(void)
{
    g_autofree char *path = dataPath("error-messages.tsv");
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;
    int nrows = 0, bad = 0;
    size_t i;

    if (!g_file_get_contents(path, &contents, NULL, NULL)) {
        ok(0, "read %s", path);
        return;
    }
    lines = g_strsplit(contents, "\n", -1);
    for (i = 0; lines[i]; i++) {
        g_auto(GStrv) f = NULL;
        g_autofree char *want = NULL;
        virErrorPtr err;
        const char *hole;
        int code;

        if (!*lines[i] || lines[i][0] == '#')
            continue;
        f = g_strsplit(lines[i], "\t", 4);
        if (g_strv_length(f) != 4) {
            bad++;
            continue;
        }
        code = atoi(f[0]);
        nrows++;

        if (g_strcmp0(virErrorMsg(code, NULL), f[2]) != 0 ||
            g_strcmp0(virErrorMsg(code, "x"), f[3]) != 0) {
            tap_diag("%s: template mismatch", f[1]);
            bad++;
            continue;
        }

        /* With a detail: the template filled in; str1/str2 as libvirt. */
        virReportError(code, "detail %d", code);
        err = virGetLastError();
        hole = strstr(f[3], "%s");
        want = g_strdup_printf("%.*sdetail %d%s", (int)(hole - f[3]), f[3],
                               code, hole + 2);
        if (!err || err->code != code || err->domain != VIR_FROM_TEST ||
            err->level != VIR_ERR_ERROR || g_strcmp0(err->message, want) ||
            g_strcmp0(err->str1, f[3]) || !err->str2 ||
            strncmp(err->str2, "detail ", 7) || err->str3 ||
            err->int1 != -1 || err->int2 != -1) {
            tap_diag("%s: raised error differs (message '%s')", f[1],
                     err ? err->message : "none");
            bad++;
            continue;
        }

        /* Without one: the bare message, no str2. */
        virReportErrorFull(VIR_FROM_TEST, code, __FILE__, __func__, __LINE__,
                           NULL);
        err = virGetLastError();
        if (!err || g_strcmp0(err->message, f[2]) ||
            g_strcmp0(err->str1, f[2]) || err->str2) {
            tap_diag("%s: bare error differs", f[1]);
            bad++;
        }
    }
    virResetLastError();
    is_int(nrows, VIR_ERR_MULTIPLE_DOMAINS, "every error code has a row");
    is_int(bad, 0, "every code's message matches libvirt 9.0");
    ok(virErrorMsg(VIR_ERR_OK, NULL) == NULL, "no template for VIR_ERR_OK");
    ok(virErrorMsg(VIR_ERR_MULTIPLE_DOMAINS + 1, "x") == NULL,
       "no template past the table");
}


static void
testDomainNames(void)
{
    g_autofree char *path = dataPath("error-domains.tsv");
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;
    int nrows = 0, bad = 0;
    size_t i;

    if (!g_file_get_contents(path, &contents, NULL, NULL)) {
        ok(0, "read %s", path);
        return;
    }
    lines = g_strsplit(contents, "\n", -1);
    for (i = 0; lines[i]; i++) {
        g_auto(GStrv) f = NULL;

        if (!*lines[i] || lines[i][0] == '#')
            continue;
        f = g_strsplit(lines[i], "\t", 3);
        nrows++;
        if (g_strv_length(f) != 3 ||
            g_strcmp0(virErrorDomainName(atoi(f[0])), f[2]) != 0) {
            tap_diag("domain row '%s' differs", lines[i]);
            bad++;
        }
    }
    is_int(nrows, VIR_FROM_CH + 1, "every error domain has a row");
    is_int(bad, 0, "every domain name matches libvirt 9.0");
    is_str(virErrorDomainName(VIR_FROM_CH + 1), "Unknown", "past the table");
    is_str(virErrorDomainName(-3), "Unknown", "negative domain");
}


static void
testSpotMessages(void)
{
    static const struct {
        int code;
        const char *detail;
        const char *want;
    } cases[] = {
        { VIR_ERR_NO_DOMAIN, "no domain with matching name 'nope'",
          "Domain not found: no domain with matching name 'nope'" },
        { VIR_ERR_INVALID_ARG, "bad", "invalid argument: bad" },
        { VIR_ERR_OPERATION_INVALID, "domain is not running",
          "Requested operation is not valid: domain is not running" },
        { VIR_ERR_NO_SUPPORT, "virDomainFoo",
          "this function is not supported by the connection driver: virDomainFoo" },
        { VIR_ERR_XML_ERROR, "missing name", "XML error: missing name" },
        { VIR_ERR_INTERNAL_ERROR, "oops", "internal error: oops" },
        { VIR_ERR_OPERATION_DENIED, "read only",
          "operation forbidden: read only" },
        { VIR_ERR_NO_CONNECT, "foo:///", "no connection driver available for foo:///" },
        { VIR_ERR_DOM_EXIST, "vm1", "domain vm1 exists already" },
        { VIR_ERR_CONFIG_UNSUPPORTED, "x", "unsupported configuration: x" },
        { VIR_ERR_XML_DETAIL, "line 3: junk", "line 3: junk" },
        { VIR_ERR_RPC, "broken", "broken" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        virReportError(cases[i].code, "%s", cases[i].detail);
        is_str(virGetLastErrorMessage(), cases[i].want, "message for code %d",
               cases[i].code);
    }

    virReportError(VIR_ERR_NO_DOMAIN, "%s", "");
    is_str(virGetLastErrorMessage(), "Domain not found: ",
           "an empty detail still uses the detailed template");
    virReportError(VIR_ERR_NO_DOMAIN, NULL);
    is_str(virGetLastErrorMessage(), "Domain not found", "NULL detail");

    virReportError(500, "detail");
    is_int(virGetLastErrorCode(), 500, "unknown code kept");
    is_str(virGetLastErrorMessage(), "No error message provided",
           "unknown code message");
    ok(virGetLastError()->str1 == NULL, "unknown code has no template");
    is_str(virGetLastError()->str2, "detail", "unknown code keeps detail");

    virReportError(VIR_ERR_OK, "ignored");
    ok(virGetLastError() == NULL, "reporting VIR_ERR_OK clears the error");

    {
        g_autofree char *big = g_strnfill(3000, 'a');
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", big);
        is_int(strlen(virGetLastErrorMessage()), 3000 + strlen("internal error: "),
               "long messages are not truncated");
    }

    virReportInvalidFlags(0x10);
    /* libvirt's wording has no "invalid argument: " prefix here. */
    ok(g_str_has_prefix(virGetLastErrorMessage(),
                        "unsupported flags (0x10) in function ") &&
       virGetLastErrorCode() == VIR_ERR_INVALID_ARG &&
       g_strcmp0(virGetLastError()->str2, "flags") == 0,
       "virReportInvalidFlags wording");
}


static void
testSystemError(void)
{
    virErrorPtr err;

    errno = EBADF;
    virReportSystemError(ENOENT, "cannot open %s", "/x");
    is_int(errno, EBADF, "errno preserved");
    err = virGetLastError();
    is_int(err->code, VIR_ERR_SYSTEM_ERROR, "system error code");
    is_int(err->domain, VIR_FROM_TEST, "system error domain");
    is_str(err->message, "cannot open /x: No such file or directory",
           "system error message");
    is_str(err->str1, "%s", "system error str1");
    is_str(err->str2, "cannot open /x: No such file or directory",
           "system error str2");
    is_int(err->int1, ENOENT, "system error int1 is errno");
    is_int(err->int2, -1, "system error int2");
    ok(virLastErrorIsSystemErrno(ENOENT), "IsSystemErrno(ENOENT)");
    ok(virLastErrorIsSystemErrno(0), "IsSystemErrno(0)");
    ok(!virLastErrorIsSystemErrno(EPERM), "not EPERM");

    virReportSystemError(EACCES, NULL);
    is_str(virGetLastErrorMessage(), "Permission denied",
           "system error without a format");

    virLastErrorPrefixMessage("while %s", "testing");
    is_str(virGetLastErrorMessage(), "while testing: Permission denied",
           "prefix message");
    virResetLastError();
}


static void
testPublicApi(void)
{
    virError copy;
    virErrorPtr saved;

    virResetLastError();
    ok(virGetLastError() == NULL, "no error: virGetLastError NULL");
    is_int(virGetLastErrorCode(), VIR_ERR_OK, "no error: code OK");
    is_int(virGetLastErrorDomain(), VIR_FROM_NONE, "no error: domain NONE");
    is_str(virGetLastErrorMessage(), "no error", "no error: message");
    ok(!virErrorIsSet(), "virErrorIsSet false");

    memset(&copy, 0x5a, sizeof(copy));
    is_int(virCopyLastError(&copy), 0, "copy with no error returns 0");
    ok(copy.message == NULL && copy.code == 0, "copy zeroed");
    is_int(virCopyLastError(NULL), -1, "copy to NULL is -1");

    saved = virSaveLastError();
    ok(saved && saved->code == VIR_ERR_OK, "save with no error gives empty copy");
    virFreeError(saved);
    virFreeError(NULL);
    virResetError(NULL);

    virReportError(VIR_ERR_NO_NETWORK, "no network '%s'", "n1");
    ok(virErrorIsSet(), "virErrorIsSet true");
    is_int(virGetLastErrorCode(), VIR_ERR_NO_NETWORK, "code");
    is_int(virGetLastErrorDomain(), VIR_FROM_TEST, "domain");

    memset(&copy, 0x5a, sizeof(copy));
    is_int(virCopyLastError(&copy), VIR_ERR_NO_NETWORK, "copy returns code");
    ok(copy.message != virGetLastError()->message, "copy is deep");
    is_str(copy.message, "Network not found: no network 'n1'", "copied message");
    virResetError(&copy);
    ok(copy.message == NULL && copy.code == 0, "virResetError clears");

    saved = virSaveLastError();
    virResetLastError();
    ok(virGetLastError() == NULL, "virResetLastError clears");
    is_str(saved->message, "Network not found: no network 'n1'",
           "saved error survives reset");
    virFreeError(saved);

    /* Internal save/restore around cleanup code. */
    virReportError(VIR_ERR_INVALID_ARG, "first");
    saved = virErrorSave();
    ok(saved && !virErrorIsSet(), "virErrorSave takes the error");
    virReportError(VIR_ERR_INTERNAL_ERROR, "cleanup failed");
    virErrorRestore(&saved);
    ok(saved == NULL, "virErrorRestore frees the copy");
    is_str(virGetLastErrorMessage(), "invalid argument: first",
           "original error restored");
    virResetLastError();
    saved = virErrorSave();
    ok(saved == NULL, "save with no error is NULL");
    virErrorRestore(&saved);
    ok(!virErrorIsSet(), "restoring NULL changes nothing");

    {
        virError e = { .code = VIR_ERR_RPC, .domain = VIR_FROM_REMOTE,
                       .level = VIR_ERR_ERROR, .message = (char *)"wire",
                       .str1 = (char *)"s1", .int1 = 7 };
        virSetError(&e);
        is_str(virGetLastErrorMessage(), "wire", "virSetError message");
        is_int(virGetLastError()->int1, 7, "virSetError int1");
        ok(virGetLastError()->message != e.message, "virSetError copies");
        virSetError(NULL);
        ok(!virErrorIsSet(), "virSetError(NULL) clears");
    }
}


typedef struct {
    int id;
    char *msg;
    int codeSeenAtStart;
} threadData;

static gpointer
threadMain(gpointer opaque)
{
    threadData *td = opaque;

    td->codeSeenAtStart = virGetLastErrorCode();
    virReportError(VIR_ERR_INVALID_ARG, "thread %d", td->id);
    g_usleep(20000);
    td->msg = g_strdup(virGetLastErrorMessage());
    return NULL;
}


static void
testThreads(void)
{
    threadData a = { .id = 1 }, b = { .id = 2 };
    GThread *ta, *tb;

    virReportError(VIR_ERR_NO_DOMAIN, "main");
    ta = g_thread_new("a", threadMain, &a);
    tb = g_thread_new("b", threadMain, &b);
    g_thread_join(ta);
    g_thread_join(tb);

    is_int(a.codeSeenAtStart, VIR_ERR_OK, "new thread starts without error");
    is_str(a.msg, "invalid argument: thread 1", "thread 1 sees its own error");
    is_str(b.msg, "invalid argument: thread 2", "thread 2 sees its own error");
    is_str(virGetLastErrorMessage(), "Domain not found: main",
           "main thread keeps its error");
    g_free(a.msg);
    g_free(b.msg);
    virResetLastError();
}


typedef struct {
    int calls;
    void *userData;
    int code;
    char *message;
} handlerRecord;

static void
recordHandler(void *userData, virErrorPtr err)
{
    handlerRecord *rec = userData;

    rec->calls++;
    rec->userData = userData;
    rec->code = err->code;
    g_free(rec->message);
    rec->message = g_strdup(err->message);
}


static void
dispatchNull(void *data)
{
    virDispatchError(data);
}


static void
testDispatch(void)
{
    struct _virConnect *conn = g_new0(struct _virConnect, 1);
    handlerRecord global = { 0 }, local = { 0 };
    virError copy;
    g_autofree char *out = NULL;

    g_mutex_init(&conn->lock);

    ok(virConnGetLastError(NULL) == NULL, "conn error of NULL is NULL");
    ok(virConnGetLastError(conn) == &conn->err, "conn error is the conn's");
    is_int(virConnCopyLastError(NULL, &copy), -1, "copy from NULL conn");
    is_int(virConnCopyLastError(conn, NULL), -1, "copy to NULL");

    /* Default handler: printed to stderr. */
    virReportError(VIR_ERR_NO_DOMAIN, "no domain with matching name '%s'", "nope");
    out = captureStderr(dispatchNull, conn);
    is_str(out, "libvirt: Test Driver error : Domain not found: no domain "
           "with matching name 'nope'\n", "default handler output");
    is_int(conn->err.code, VIR_ERR_NO_DOMAIN, "error copied to connection");
    is_str(virConnGetLastError(conn)->message,
           "Domain not found: no domain with matching name 'nope'",
           "connection error message");
    is_int(virConnCopyLastError(conn, &copy), VIR_ERR_NO_DOMAIN,
           "virConnCopyLastError returns the code");
    ok(copy.message != conn->err.message, "connection copy is deep");
    virResetError(&copy);
    ok(virGetLastError() != NULL, "dispatch keeps the thread error");

    /* Global handler. */
    virSetErrorFunc(&global, recordHandler);
    virReportError(VIR_ERR_INVALID_ARG, "x");
    g_clear_pointer(&out, g_free);
    out = captureStderr(dispatchNull, conn);
    is_str(out, "", "a global handler silences stderr");
    is_int(global.calls, 1, "global handler called");
    ok(global.userData == &global, "global handler gets its user data");
    is_int(global.code, VIR_ERR_INVALID_ARG, "global handler sees the error");

    /* A connection handler wins over the global one. */
    virConnSetErrorFunc(conn, &local, recordHandler);
    virReportError(VIR_ERR_OPERATION_INVALID, "y");
    virDispatchError(conn);
    is_int(local.calls, 1, "connection handler called");
    is_int(global.calls, 1, "global handler not called");
    is_str(local.message, "Requested operation is not valid: y",
           "connection handler message");

    /* NULL conn: only the global one. */
    virReportError(VIR_ERR_OPERATION_INVALID, "z");
    virDispatchError(NULL);
    is_int(global.calls, 2, "global handler for a NULL conn");
    is_int(local.calls, 1, "connection handler not used for NULL conn");

    /* No error set: a generic one appears. */
    virResetLastError();
    virDispatchError(NULL);
    is_int(virGetLastErrorCode(), VIR_ERR_INTERNAL_ERROR, "generic code");
    is_int(virGetLastErrorDomain(), VIR_FROM_NONE, "generic domain");
    is_str(virGetLastErrorMessage(),
           "An error occurred, but the cause is unknown", "generic message");
    is_str(global.message, "An error occurred, but the cause is unknown",
           "handler saw the generic error");

    virConnResetLastError(conn);
    is_int(conn->err.code, VIR_ERR_OK, "virConnResetLastError");
    is_int(virConnCopyLastError(conn, &copy), 0, "copy of a reset conn error");
    virConnResetLastError(NULL);
    virConnSetErrorFunc(NULL, NULL, NULL);

    virSetErrorFunc(NULL, NULL);
    virConnSetErrorFunc(conn, NULL, NULL);
    virErrorClear(&conn->err);
    g_mutex_clear(&conn->lock);
    g_free(conn);
    g_free(global.message);
    g_free(local.message);
    virResetLastError();
}


static void
testDefaultFormat(void)
{
    virError e = { 0 };
    g_autofree char *o1 = NULL, *o2 = NULL, *o3 = NULL, *o4 = NULL;
    g_autofree char *o5 = NULL, *o6 = NULL;

    e.code = VIR_ERR_OPERATION_FAILED;
    e.domain = 999;
    e.level = VIR_ERR_WARNING;
    e.message = (char *)"warnmsg\n";
    o1 = captureStderr(runDefaultFunc, &e);
    is_str(o1, "libvirt: Unknown warning : warnmsg\n",
           "warning, unknown domain, message ending in newline");

    e.level = VIR_ERR_NONE;
    e.message = (char *)"";
    o2 = captureStderr(runDefaultFunc, &e);
    is_str(o2, "libvirt: Unknown  : \n", "level none, empty message");

    e.domain = VIR_FROM_XML;
    e.code = VIR_ERR_XML_DETAIL;
    e.level = VIR_ERR_ERROR;
    e.int1 = 7;
    e.message = (char *)"oops\n";
    o3 = captureStderr(runDefaultFunc, &e);
    is_str(o3, "libvirt: XML Util error : line 7: oops\n", "XML detail with a line");

    e.domain = VIR_FROM_NONE;
    e.code = VIR_ERR_INTERNAL_ERROR;
    e.message = (char *)"x";
    o4 = captureStderr(runDefaultFunc, &e);
    is_str(o4, "libvirt:  error : x\n", "VIR_FROM_NONE prints an empty name");

    e.code = VIR_ERR_OK;
    o5 = captureStderr(runDefaultFunc, &e);
    is_str(o5, "", "VIR_ERR_OK prints nothing");
    o6 = captureStderr(runDefaultFunc, NULL);
    is_str(o6, "", "NULL prints nothing");
}


int
main(void)
{
    testTemplates();
    testDomainNames();
    testSpotMessages();
    testSystemError();
    testPublicApi();
    testThreads();
    testDispatch();
    testDefaultFormat();
    return tap_done();
}
