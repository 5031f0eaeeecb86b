/* vsh.c: the program: its options, the connection, running commands.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * vsh uses only the public libvirt API, so it runs unchanged on virtkit's
 * library or on any libvirt 9.0 compatible one.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vsh.h"

/* The program options, in the order -h lists them.  The getopt tables are
 * built from this list, and so is the OPTIONS section of the man page. */
const vshGlobalOptDef vshGlobalOpts[] = {
    { 'c', "connect", "URI", "the hypervisor URI to connect to" },
    { 'd', "debug", "NUM", "debug level, 0 to 4 (accepted, no effect)" },
    { 'e', "escape", "CHAR", "the character that leaves the console (default ^])" },
    { 'h', "help", NULL, "show this usage summary" },
    { 'k', "keepalive-interval", "NUM", "seconds between keepalive probes, 0 turns them off" },
    { 'K', "keepalive-count", "NUM", "unanswered probes before the connection is dropped" },
    { 'l', "log", "FILE", "log file (accepted, no effect)" },
    { 'q', "quiet", NULL, "print only the results, without extra lines" },
    { 'r', "readonly", NULL, "open a read-only connection" },
    { 't', "timing", NULL, "report how long each command took" },
    { 'v', NULL, NULL, "print the libvirt API version and exit" },
    { 'V', NULL, NULL, "print detailed version information and exit" },
    { 0, "version", "[=TYPE]", "print the version; TYPE is short (default) or long" },
    { 0, "print-manpage", NULL, "write the vsh(1) manual page (roff) and exit" },
    { 0, NULL, NULL, NULL },
};

#define VSH_OPT_VERSION 0x100
#define VSH_OPT_MANPAGE 0x101

/* The last library error; the event loop thread can raise errors too. */
static virErrorPtr vshLastError;
static GMutex vshLastErrorLock;


const char *
vshProgramName(void)
{
    return "vsh";
}


static void vshVPrint(const char *fmt, va_list ap) G_GNUC_PRINTF(1, 0);

static void
vshVPrint(const char *fmt, va_list ap)
{
    vfprintf(stdout, fmt, ap);
    fflush(stdout);
}


void
vshPrint(vshControl *ctl G_GNUC_UNUSED, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vshVPrint(fmt, ap);
    va_end(ap);
}


/* Output that only decorates (blank lines, confirmations) and that
 * --quiet suppresses. */
void
vshPrintExtra(vshControl *ctl, const char *fmt, ...)
{
    va_list ap;

    if (ctl && ctl->quiet)
        return;
    va_start(ap, fmt);
    vshVPrint(fmt, ap);
    va_end(ap);
}


void
vshError(vshControl *ctl G_GNUC_UNUSED, const char *fmt, ...)
{
    va_list ap;

    fflush(stdout);
    fputs("error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
}


/* The library calls this for every error it raises; we keep the last one
 * so that it can be printed when a command fails (and so that nothing is
 * printed behind our back). */
static void
vshErrorHandler(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
    virErrorPtr copy = virSaveLastError();

    g_mutex_lock(&vshLastErrorLock);
    if (vshLastError)
        virFreeError(vshLastError);
    vshLastError = copy;
    g_mutex_unlock(&vshLastErrorLock);
}


void
vshResetLibvirtError(void)
{
    g_mutex_lock(&vshLastErrorLock);
    if (vshLastError) {
        virFreeError(vshLastError);
        vshLastError = NULL;
    }
    g_mutex_unlock(&vshLastErrorLock);
    virResetLastError();
}


bool
vshLibvirtErrorIs(int code)
{
    bool ret;

    g_mutex_lock(&vshLastErrorLock);
    ret = vshLastError && vshLastError->code == code;
    g_mutex_unlock(&vshLastErrorLock);
    return ret;
}


void
vshReportError(vshControl *ctl)
{
    g_autofree char *msg = NULL;

    g_mutex_lock(&vshLastErrorLock);
    if (vshLastError && vshLastError->code != VIR_ERR_OK)
        msg = g_strdup(vshLastError->message ? vshLastError->message
                                             : "unknown error");
    g_mutex_unlock(&vshLastErrorLock);

    if (msg)
        vshError(ctl, "%s", msg);
    vshResetLibvirtError();
}


/* Like virsh, run the library's default event loop in a thread, so that
 * keepalive and events work on remote connections. */
static gpointer
vshEventLoopRun(gpointer opaque)
{
    vshControl *ctl = opaque;

    while (!g_atomic_int_get(&ctl->eventLoopQuit)) {
        if (virEventRunDefaultImpl() < 0)
            break;
    }
    return NULL;
}


static void
vshEventLoopWakeup(int timer, void *opaque G_GNUC_UNUSED)
{
    virEventRemoveTimeout(timer);
}


static void
vshEventLoopStart(vshControl *ctl)
{
    if (virEventRegisterDefaultImpl() < 0) {
        vshResetLibvirtError();
        return;
    }
    ctl->eventLoop = g_thread_new("vsh-event", vshEventLoopRun, ctl);
}


static void
vshEventLoopStop(vshControl *ctl)
{
    if (!ctl->eventLoop)
        return;
    g_atomic_int_set(&ctl->eventLoopQuit, 1);
    /* a timer that fires at once makes the loop return and see the flag */
    if (virEventAddTimeout(0, vshEventLoopWakeup, NULL, NULL) < 0)
        vshResetLibvirtError();
    g_thread_join(ctl->eventLoop);
    ctl->eventLoop = NULL;
}


/* Open a new connection; the old one is replaced only on success. */
bool
vshConnect(vshControl *ctl, const char *uri, bool readonly)
{
    virConnectPtr conn;

    vshResetLibvirtError();
    conn = virConnectOpenAuth(uri, virConnectAuthPtrDefault,
                              readonly ? VIR_CONNECT_RO : 0);
    /* an interval of 0 (-k 0) turns keepalive off: nothing to set up */
    if (conn && ctl->keepaliveInterval > 0 &&
        virConnectSetKeepAlive(conn, ctl->keepaliveInterval,
                               ctl->keepaliveCount) < 0) {
        if (ctl->keepaliveForced) {
            vshError(ctl, "%s", "Cannot setup keepalive on connection as requested, disconnecting");
            virConnectClose(conn);
            conn = NULL;
        } else {
            vshResetLibvirtError();
        }
    }
    if (!conn) {
        vshError(ctl, "%s", "failed to connect to the hypervisor");
        vshReportError(ctl);
        return false;
    }
    if (ctl->conn)
        virConnectClose(ctl->conn);
    ctl->conn = conn;
    ctl->readonly = readonly;
    if (uri != ctl->connname) {
        g_free(ctl->connname);
        ctl->connname = g_strdup(uri);
    }
    return true;
}


/* Run parsed commands in order; the result is the last command's. */
bool
vshRunCommands(vshControl *ctl, GPtrArray *cmds)
{
    bool ret = true;
    size_t i;

    for (i = 0; i < cmds->len && !ctl->quit; i++) {
        const vshCmd *cmd = g_ptr_array_index(cmds, i);
        gint64 start = g_get_monotonic_time();

        vshResetLibvirtError();
        if (!ctl->conn && !(cmd->def->flags & VSH_CMD_NOCONNECT) &&
            !vshConnect(ctl, ctl->connname, ctl->readonly)) {
            /* the default URI is opened when first needed; the reason
             * it failed has been printed */
            ret = false;
        } else {
            ret = cmd->def->handler(ctl, cmd);
        }
        if (!ret)
            vshReportError(ctl);
        vshResetLibvirtError();

        if (ctl->quit)
            break;
        if (ctl->timing)
            vshPrintExtra(ctl, "\n(Time: %.3f ms)\n\n",
                          (g_get_monotonic_time() - start) / 1000.0);
        else
            vshPrintExtra(ctl, "\n");
    }
    return ret;
}


static const vshGlobalOptDef *
vshGlobalOptByShort(int c)
{
    const vshGlobalOptDef *opt;

    for (opt = vshGlobalOpts; opt->help; opt++) {
        if (opt->shortopt == c)
            return opt;
    }
    return NULL;
}


static bool
vshParseNumber(const char *str, long *out)
{
    char *end = NULL;

    errno = 0;
    *out = strtol(str, &end, 10);
    return errno == 0 && end != str && *end == '\0' &&
           *out >= INT_MIN && *out <= INT_MAX;
}


/* "^X" or a single character. */
static bool
vshValidEscape(const char *str)
{
    if (str[0] == '^')
        return str[1] && !str[2];
    return str[0] && !str[1];
}


static void
vshPrintVersion(bool verbose)
{
    unsigned long libver = 0;

    if (virGetVersion(&libver, NULL, NULL) < 0) {
        vshResetLibvirtError();
        libver = LIBVIR_VERSION_NUMBER;
    }
    if (!verbose) {
        printf("%lu.%lu.%lu\n", libver / 1000000, (libver / 1000) % 1000,
               libver % 1000);
        return;
    }
    printf("vsh, the virtkit shell, version %s\n", PACKAGE_VERSION);
    printf("libvirt API implemented by the library in use: %lu.%lu.%lu\n",
           libver / 1000000, (libver / 1000) % 1000, libver % 1000);
    printf("libvirt API compiled against: %d.%d.%d\n",
           LIBVIR_VERSION_NUMBER / 1000000,
           (LIBVIR_VERSION_NUMBER / 1000) % 1000,
           LIBVIR_VERSION_NUMBER % 1000);
    printf("Features: readline\n");
}


/* Returns 1 to go on, 0 to exit with success, -1 to exit with failure. */
static int
vshParseGlobalArgs(vshControl *ctl, int argc, char **argv)
{
    g_autoptr(GString) shortopts = g_string_new("+:");
    g_autoptr(GArray) longopts = g_array_new(TRUE, TRUE, sizeof(struct option));
    const vshGlobalOptDef *def;
    long num;
    int c;

    for (def = vshGlobalOpts; def->help; def++) {
        struct option lo = { 0 };

        if (def->shortopt) {
            g_string_append_c(shortopts, def->shortopt);
            if (def->arg)
                g_string_append_c(shortopts, ':');
        }
        if (!def->longopt)
            continue;
        lo.name = def->longopt;
        if (!def->arg)
            lo.has_arg = no_argument;
        else if (def->arg[0] == '[')
            lo.has_arg = optional_argument;
        else
            lo.has_arg = required_argument;
        if (def->shortopt)
            lo.val = def->shortopt;
        else if (strcmp(def->longopt, "version") == 0)
            lo.val = VSH_OPT_VERSION;
        else
            lo.val = VSH_OPT_MANPAGE;
        g_array_append_val(longopts, lo);
    }

    opterr = 0;
    while ((c = getopt_long(argc, argv, shortopts->str,
                            (struct option *)longopts->data, NULL)) != -1) {
        switch (c) {
        case 'c':
            g_free(ctl->connname);
            ctl->connname = g_strdup(optarg);
            break;
        case 'd':
            if (!vshParseNumber(optarg, &num)) {
                vshError(ctl, "option -%c takes a numeric argument", c);
                return -1;
            }
            if (num < 0 || num > 4)
                vshError(ctl, "ignoring debug level %ld out of range [0-4]", num);
            else
                ctl->debug = num;
            break;
        case 'e':
            if (!vshValidEscape(optarg)) {
                vshError(ctl, "Invalid string '%s' for escape sequence", optarg);
                return -1;
            }
            g_free(ctl->escape);
            ctl->escape = g_strdup(optarg);
            break;
        case 'k':
        case 'K':
            if (!vshParseNumber(optarg, &num)) {
                vshError(ctl, "Invalid value for option -%c", c);
                return -1;
            }
            if (num < 0) {
                vshError(ctl, "option -%c requires a positive integer argument", c);
                return -1;
            }
            if (c == 'k')
                ctl->keepaliveInterval = num;
            else
                ctl->keepaliveCount = num;
            ctl->keepaliveForced = true;
            break;
        case 'l':
            break;
        case 'h':
            vshUsage();
            return 0;
        case 'q':
            ctl->quiet = true;
            break;
        case 'r':
            ctl->readonly = true;
            break;
        case 't':
            ctl->timing = true;
            break;
        case 'v':
            vshPrintVersion(false);
            return 0;
        case 'V':
            vshPrintVersion(true);
            return 0;
        case VSH_OPT_VERSION:
            vshPrintVersion(optarg && strcmp(optarg, "long") == 0);
            return 0;
        case VSH_OPT_MANPAGE:
            /* the man page build is where a command left out of help fails */
            if (!vshCmdGroupsCheck())
                return 1;
            vshPrintManPage();
            return 0;
        case ':':
            if ((def = vshGlobalOptByShort(optopt)) && def->longopt)
                vshError(ctl, "option '-%c'/'--%s' requires an argument",
                         optopt, def->longopt);
            else if (def)
                vshError(ctl, "option '-%c' requires an argument", optopt);
            else
                vshError(ctl, "option '%s' requires an argument",
                         argv[optind - 1]);
            return -1;
        case '?':
        default:
            if (optopt > 0 && optopt < 0x100)
                vshError(ctl, "unsupported option '-%c'. See --help.", optopt);
            else
                vshError(ctl, "unsupported option '%s'. See --help.",
                         argv[optind - 1]);
            return -1;
        }
    }
    return 1;
}


static const char *
vshDefaultURI(void)
{
    const char *uri;

    /* our own variable first, then virsh's; LIBVIRT_DEFAULT_URI is read by
     * the library itself when we pass NULL */
    if ((uri = getenv("VSH_DEFAULT_CONNECT_URI")) && *uri)
        return uri;
    if ((uri = getenv("VIRSH_DEFAULT_CONNECT_URI")) && *uri)
        return uri;
    return NULL;
}


static void
vshCmdFreeData(gpointer data)
{
    vshCmdFree(data);
}


int
main(int argc, char **argv)
{
    vshControl ctl = { .keepaliveInterval = 5, .keepaliveCount = 6 };
    int exitcode = EXIT_FAILURE;
    int rc;

    setlocale(LC_ALL, "");
    ctl.cmds = g_ptr_array_new_with_free_func(vshCmdFreeData);

    /* -h, -v and --print-manpage work even when the library cannot start */
    if ((rc = vshParseGlobalArgs(&ctl, argc, argv)) <= 0) {
        exitcode = rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
        goto cleanup;
    }

    if (virInitialize() < 0) {
        vshError(&ctl, "%s", "failed to initialize libvirt");
        goto cleanup;
    }
    virSetErrorFunc(NULL, vshErrorHandler);

    if (optind == argc) {
        ctl.imode = true;
    } else if (argc - optind == 1) {
        /* one argument is a command string; an empty one is an error */
        if (!*argv[optind] || !vshParseString(&ctl, argv[optind], ctl.cmds))
            goto cleanup;
    } else if (!vshParseArgv(&ctl, argc - optind, argv + optind, ctl.cmds)) {
        goto cleanup;
    }

    if (!ctl.connname)
        ctl.connname = g_strdup(vshDefaultURI());
    vshEventLoopStart(&ctl);
    /* a URI the user named must work; the library's default is only
     * opened when a command needs it (so "help" works without it) */
    if (ctl.connname && !vshConnect(&ctl, ctl.connname, ctl.readonly))
        goto cleanup;

    if (ctl.imode) {
        vshInteractive(&ctl);
        exitcode = EXIT_SUCCESS;
    } else {
        exitcode = vshRunCommands(&ctl, ctl.cmds) ? EXIT_SUCCESS : EXIT_FAILURE;
    }

 cleanup:
    if (ctl.conn)
        virConnectClose(ctl.conn);
    vshEventLoopStop(&ctl);
    vshResetLibvirtError();
    g_ptr_array_unref(ctl.cmds);
    g_free(ctl.connname);
    g_free(ctl.escape);
    fflush(stdout);
    return exitcode;
}
