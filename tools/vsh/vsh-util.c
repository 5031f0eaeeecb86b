/* vsh-util.c: object lookups and formatting shared by the commands.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vsh.h"

/* virsh refuses XML files above this size, and so do we */
#define VSH_MAX_XML_FILE (10 * 1024 * 1024)


void
vshDomainFree(virDomainPtr dom)
{
    if (dom)
        virDomainFree(dom);
}


void
vshNetworkFree(virNetworkPtr net)
{
    if (net)
        virNetworkFree(net);
}


void
vshPoolFree(virStoragePoolPtr pool)
{
    if (pool)
        virStoragePoolFree(pool);
}


void
vshVolumeFree(virStorageVolPtr vol)
{
    if (vol)
        virStorageVolFree(vol);
}


/* A whole decimal int, optional leading blanks and sign, like strtol. */
static bool
vshParseInt(const char *str, int *out)
{
    char *end = NULL;
    long val;

    errno = 0;
    val = strtol(str, &end, 10);
    if (errno != 0 || end == str || *end != '\0' ||
        val < INT_MIN || val > INT_MAX)
        return false;
    *out = val;
    return true;
}


static bool
vshLooksLikeUUID(const char *str)
{
    return strlen(str) == VIR_UUID_STRING_BUFLEN - 1;
}


/* Find the domain named by the "domain" option: as an id when it is a
 * non-negative integer, then as a UUID, then as a name, limited to the
 * ways @by allows.  The library's error is dropped: the message names
 * what the user typed. */
virDomainPtr
vshLookupDomain(vshControl *ctl, const vshCmd *cmd, unsigned int by,
                const char **name)
{
    virDomainPtr dom = NULL;
    const char *str;
    int id;

    if (vshCmdOptString(ctl, cmd, "domain", &str) <= 0)
        return NULL;
    if (name)
        *name = str;

    if ((by & VSH_BYID) && vshParseInt(str, &id) && id >= 0)
        dom = virDomainLookupByID(ctl->conn, id);
    if (!dom && (by & VSH_BYUUID) && vshLooksLikeUUID(str))
        dom = virDomainLookupByUUIDString(ctl->conn, str);
    if (!dom && (by & VSH_BYNAME))
        dom = virDomainLookupByName(ctl->conn, str);

    vshResetLibvirtError();
    if (!dom)
        vshError(ctl, "failed to get domain '%s'", str);
    return dom;
}


/* Networks and pools keep the library's error, which is printed after ours. */
virNetworkPtr
vshLookupNetwork(vshControl *ctl, const vshCmd *cmd, unsigned int by,
                 const char **name)
{
    virNetworkPtr net = NULL;
    const char *str;

    if (vshCmdOptString(ctl, cmd, "network", &str) <= 0)
        return NULL;
    if (name)
        *name = str;

    if ((by & VSH_BYUUID) && vshLooksLikeUUID(str))
        net = virNetworkLookupByUUIDString(ctl->conn, str);
    if (!net && (by & VSH_BYNAME))
        net = virNetworkLookupByName(ctl->conn, str);
    if (!net)
        vshError(ctl, "failed to get network '%s'", str);
    return net;
}


virStoragePoolPtr
vshLookupPool(vshControl *ctl, const vshCmd *cmd, const char *optname,
              unsigned int by, const char **name)
{
    virStoragePoolPtr pool = NULL;
    const char *str;

    if (vshCmdOptString(ctl, cmd, optname, &str) <= 0)
        return NULL;
    if (name)
        *name = str;

    if ((by & VSH_BYUUID) && vshLooksLikeUUID(str))
        pool = virStoragePoolLookupByUUIDString(ctl->conn, str);
    if (!pool && (by & VSH_BYNAME))
        pool = virStoragePoolLookupByName(ctl->conn, str);
    if (!pool)
        vshError(ctl, "failed to get pool '%s'", str);
    return pool;
}


/* A volume: by name inside the pool given with @poolopt, else by key,
 * else by path, as far as @by allows. */
virStorageVolPtr
vshLookupVolume(vshControl *ctl, const vshCmd *cmd, const char *optname,
                const char *poolopt, unsigned int by, const char **name)
{
    g_autoptr(virStoragePool) pool = NULL;
    virStorageVolPtr vol = NULL;
    const char *poolname = NULL;
    const char *str;

    if (vshCmdOptString(ctl, cmd, optname, &str) <= 0)
        return NULL;
    if (name)
        *name = str;
    if (poolopt) {
        int rc = vshCmdOptString(ctl, cmd, poolopt, &poolname);
        if (rc < 0)
            return NULL;
        if (rc > 0 &&
            !(pool = vshLookupPool(ctl, cmd, poolopt, VSH_BYUUID | VSH_BYNAME,
                                   NULL)))
            return NULL;
    }

    if (pool && (by & VSH_BYNAME))
        vol = virStorageVolLookupByName(pool, str);
    if (!vol && (by & VSH_BYKEY))
        vol = virStorageVolLookupByKey(ctl->conn, str);
    if (!vol && (by & VSH_BYPATH))
        vol = virStorageVolLookupByPath(ctl->conn, str);

    if (!vol) {
        if (pool || !poolopt)
            vshError(ctl, "failed to get vol '%s'", str);
        else
            vshError(ctl, "failed to get vol '%s', specifying --%s might help",
                     str, poolopt);
    }
    return vol;
}


/* Read an XML file given on the command line; errors name the file. */
char *
vshReadFile(vshControl *ctl, const char *path)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    char chunk[8192];
    int fd;

    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        vshError(ctl, "Failed to open file '%s': %s", path, g_strerror(errno));
        return NULL;
    }
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof(chunk));

        if (got < 0) {
            if (errno == EINTR)
                continue;
            vshError(ctl, "Failed to read file '%s': %s", path,
                     g_strerror(errno));
            close(fd);
            return NULL;
        }
        if (got == 0)
            break;
        if (buf->len + got > VSH_MAX_XML_FILE) {
            vshError(ctl, "File '%s' is too large", path);
            close(fd);
            return NULL;
        }
        g_string_append_len(buf, chunk, got);
    }
    close(fd);
    return g_string_free(g_steal_pointer(&buf), FALSE);
}


/* "100.00 GiB": the largest binary unit that keeps the number >= 1. */
char *
vshPrettyCapacity(unsigned long long bytes)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    double val = bytes;
    size_t u = 0;

    while (val >= 1024 && u + 1 < G_N_ELEMENTS(units)) {
        val /= 1024;
        u++;
    }
    return g_strdup_printf("%.2f %s", val, units[u]);
}


const char *
vshDomainStateName(int state)
{
    switch ((virDomainState)state) {
    case VIR_DOMAIN_RUNNING: return "running";
    case VIR_DOMAIN_BLOCKED: return "idle";
    case VIR_DOMAIN_PAUSED: return "paused";
    case VIR_DOMAIN_SHUTDOWN: return "in shutdown";
    case VIR_DOMAIN_SHUTOFF: return "shut off";
    case VIR_DOMAIN_CRASHED: return "crashed";
    case VIR_DOMAIN_PMSUSPENDED: return "pmsuspended";
    case VIR_DOMAIN_NOSTATE:
    default:
        break;
    }
    return "no state";
}


/* The words virsh prints for each (state, reason) pair, indexed by reason. */
static const char *const vshReasonsRunning[] = {
    "unknown", "booted", "migrated", "restored", "from snapshot",
    "unpaused", "migration canceled", "save canceled", "event wakeup",
    "crashed", "post-copy", "post-copy failed",
};
static const char *const vshReasonsPaused[] = {
    "unknown", "user", "migrating", "saving", "dumping", "I/O error",
    "watchdog", "from snapshot", "shutting down", "creating snapshot",
    "crashed", "starting up", "post-copy", "post-copy failed",
};
static const char *const vshReasonsShutdown[] = {
    "unknown", "user",
};
static const char *const vshReasonsShutoff[] = {
    "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved",
    "failed", "from snapshot", "daemon",
};
static const char *const vshReasonsCrashed[] = {
    "unknown", "panicked",
};

#define VSH_REASON(list, reason) \
    ((reason) >= 0 && (size_t)(reason) < G_N_ELEMENTS(list) ? \
     (list)[reason] : "unknown")

const char *
vshDomainReasonName(int state, int reason)
{
    switch ((virDomainState)state) {
    case VIR_DOMAIN_RUNNING: return VSH_REASON(vshReasonsRunning, reason);
    case VIR_DOMAIN_PAUSED: return VSH_REASON(vshReasonsPaused, reason);
    case VIR_DOMAIN_SHUTDOWN: return VSH_REASON(vshReasonsShutdown, reason);
    case VIR_DOMAIN_SHUTOFF: return VSH_REASON(vshReasonsShutoff, reason);
    case VIR_DOMAIN_CRASHED: return VSH_REASON(vshReasonsCrashed, reason);
    case VIR_DOMAIN_NOSTATE:
    case VIR_DOMAIN_BLOCKED:
    case VIR_DOMAIN_PMSUSPENDED:
    default:
        break;
    }
    return "unknown";
}


/* The state (and reason), falling back to virDomainGetInfo for drivers
 * that lack virDomainGetState.  Returns the state or -1. */
int
vshDomainGetState(virDomainPtr dom, int *reason)
{
    virDomainInfo info;
    int state;
    int why = 0;

    if (virDomainGetState(dom, &state, &why, 0) == 0) {
        if (reason)
            *reason = why;
        return state;
    }
    if (!vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT))
        return -1;
    vshResetLibvirtError();
    if (virDomainGetInfo(dom, &info) < 0)
        return -1;
    if (reason)
        *reason = 0;
    return info.state;
}


/* ---- numeric options ------------------------------------------------ */

/* The raw text of an option, empty or not: 1 given, 0 not given. */
static int
vshCmdOptRaw(const vshCmd *cmd, const char *name, const char **value)
{
    size_t iter = 0;

    *value = vshCmdOptArgv(cmd, name, &iter);
    return *value ? 1 : 0;
}


/* strtoull over the whole string (or up to *rest when @rest is given),
 * with leading blanks and an optional '+'; a '-' is refused unless
 * @allowNeg, and then the value wraps ("-1" is the largest value). */
static bool
vshParseULL(const char *str, bool allowNeg, unsigned long long *out,
            char **rest)
{
    const char *p = str;
    char *end = NULL;
    unsigned long long val;

    while (g_ascii_isspace(*p))
        p++;
    if (*p == '-' && !allowNeg)
        return false;
    errno = 0;
    val = strtoull(str, &end, 10);
    if (errno != 0 || end == str)
        return false;
    if (rest)
        *rest = end;
    else if (*end != '\0')
        return false;
    *out = val;
    return true;
}


static void
vshNumericError(vshControl *ctl, const char *name, const char *value)
{
    vshError(ctl, "Numeric value '%s' for <%s> option is malformed or out of range",
             value, name);
}


/* Each returns 1 with *value set when the option was given, 0 when it
 * was not (*value untouched), -1 after printing an error. */
int
vshCmdOptInt(vshControl *ctl, const vshCmd *cmd, const char *name, int *value)
{
    const char *str;
    int rc;

    if ((rc = vshCmdOptRaw(cmd, name, &str)) <= 0)
        return rc;
    if (!vshParseInt(str, value)) {
        vshNumericError(ctl, name, str);
        return -1;
    }
    return 1;
}


int
vshCmdOptUInt(vshControl *ctl, const vshCmd *cmd, const char *name,
              bool wrap, unsigned int *value)
{
    unsigned long long val;
    const char *str;
    int rc;

    if ((rc = vshCmdOptRaw(cmd, name, &str)) <= 0)
        return rc;
    if (!vshParseULL(str, wrap, &val, NULL) ||
        (val > UINT_MAX && !(wrap && (long long)val < 0 &&
                             (long long)val >= INT_MIN))) {
        vshNumericError(ctl, name, str);
        return -1;
    }
    *value = (unsigned int)val;
    return 1;
}


int
vshCmdOptULongLong(vshControl *ctl, const vshCmd *cmd, const char *name,
                   bool wrap, unsigned long long *value)
{
    const char *str;
    int rc;

    if ((rc = vshCmdOptRaw(cmd, name, &str)) <= 0)
        return rc;
    if (!vshParseULL(str, wrap, value, NULL)) {
        vshNumericError(ctl, name, str);
        return -1;
    }
    return 1;
}


/* Multiply *value by the unit @suffix names: none means @scale; one
 * letter or "XiB" is a power of 1024, "XB" a power of 1000, "b" bytes.
 * Returns 0, or -1 for an unknown unit, -2 when the result passes @limit. */
static int
vshScaleValue(unsigned long long *value, const char *suffix,
              unsigned long long scale, unsigned long long limit)
{
    static const char units[] = "bkmgtpe";

    if (*suffix) {
        const char *pos = strchr(units, g_ascii_tolower(suffix[0]));
        unsigned long long base;
        size_t power;

        if (suffix[1] == '\0' || g_ascii_strcasecmp(suffix + 1, "iB") == 0)
            base = 1024;
        else if ((suffix[1] == 'b' || suffix[1] == 'B') && suffix[2] == '\0')
            base = 1000;
        else
            return -1;
        if (!pos)
            return -1;
        scale = 1;
        for (power = pos - units; power > 0; power--)
            scale *= base;
    }
    if (*value && *value > limit / scale)
        return -2;
    *value *= scale;
    return 0;
}


/* A size such as "10M", "1GiB" or "512" (in units of @scale). */
int
vshCmdOptScaledInt(vshControl *ctl, const vshCmd *cmd, const char *name,
                   unsigned long long scale, unsigned long long limit,
                   unsigned long long *value)
{
    return vshCmdOptScaledIntAs(ctl, cmd, name, name, scale, limit, value);
}


/* Like vshCmdOptScaledInt, with @label naming the option in the error
 * (the block job commands say "<--bandwidth>"). */
int
vshCmdOptScaledIntAs(vshControl *ctl, const vshCmd *cmd, const char *name,
                     const char *label, unsigned long long scale,
                     unsigned long long limit, unsigned long long *value)
{
    unsigned long long val;
    const char *str;
    char *end = NULL;
    int rc;

    if ((rc = vshCmdOptRaw(cmd, name, &str)) <= 0)
        return rc;
    if (!vshParseULL(str, false, &val, &end)) {
        rc = -3;
    } else {
        rc = vshScaleValue(&val, end, scale, limit);
    }
    if (rc < 0) {
        vshError(ctl, "Scaled numeric value '%s' for <%s> option is malformed or out of range",
                 str, label);
        /* the library's reason comes second, as virsh shows it */
        if (rc == -1)
            vshError(ctl, "invalid argument: unknown suffix '%s'", end);
        else if (rc == -2)
            vshError(ctl, "numerical overflow: value too large: %llu%s",
                     val, end);
        return -1;
    }
    *value = val;
    return 1;
}


/* ---- CPU lists -------------------------------------------------------- */

/* "0-3,^2,6" (or "r" for every CPU) into a bitmap of @maxcpu bits with
 * *maplen bytes.  Items apply in order; blanks around numbers are fine. */
unsigned char *
vshParseCPUList(vshControl *ctl, const char *str, int maxcpu, int *maplen)
{
    g_autofree unsigned char *map = NULL;
    g_autoptr(GArray) bits = g_array_new(FALSE, TRUE, sizeof(gboolean));
    const char *p = str;
    int len = VIR_CPU_MAPLEN(maxcpu);
    int last = -1;
    int i;

    if (str[0] == 'r') {
        map = g_new0(unsigned char, len);
        for (i = 0; i < maxcpu; i++)
            VIR_USE_CPU(map, i);
        *maplen = len;
        return g_steal_pointer(&map);
    }

    for (;;) {
        unsigned long long lo, hi, c;
        bool neg = false;
        char *end = NULL;

        while (g_ascii_isspace(*p))
            p++;
        if (*p == '^') {
            neg = true;
            p++;
        }
        if (!g_ascii_isdigit(*p) || !vshParseULL(p, false, &lo, &end) ||
            lo > 1 << 20)
            goto malformed;
        hi = lo;
        p = end;
        while (g_ascii_isspace(*p))
            p++;
        if (*p == '-') {
            p++;
            while (g_ascii_isspace(*p))
                p++;
            if (neg || !g_ascii_isdigit(*p) ||
                !vshParseULL(p, false, &hi, &end) || hi < lo || hi > 1 << 20)
                goto malformed;
            p = end;
            while (g_ascii_isspace(*p))
                p++;
        }
        if (bits->len <= hi)
            g_array_set_size(bits, hi + 1);
        for (c = lo; c <= hi; c++)
            g_array_index(bits, gboolean, c) = !neg;
        if (*p == '\0')
            break;
        if (*p != ',')
            goto malformed;
        p++;
    }

    for (i = bits->len - 1; i >= 0; i--) {
        if (g_array_index(bits, gboolean, i)) {
            last = i;
            break;
        }
    }
    if (last < 0) {
        vshError(ctl, "Invalid cpulist '%s'", str);
        return NULL;
    }
    if (last >= maxcpu) {
        vshError(ctl, "CPU %d in cpulist '%s' exceed the maxcpu %d",
                 last, str, maxcpu);
        return NULL;
    }
    map = g_new0(unsigned char, len);
    for (i = 0; i <= last; i++) {
        if (g_array_index(bits, gboolean, i))
            VIR_USE_CPU(map, i);
    }
    *maplen = len;
    return g_steal_pointer(&map);

 malformed:
    vshError(ctl, "Invalid cpulist '%s'", str);
    vshError(ctl, "invalid argument: Failed to parse bitmap '%s'", str);
    return NULL;
}



/* A signed whole number (may be negative), like vshCmdOptInt. */
int
vshCmdOptLongLong(vshControl *ctl, const vshCmd *cmd, const char *name,
                  long long *value)
{
    const char *str;
    char *end = NULL;
    long long val;
    int rc;

    if ((rc = vshCmdOptRaw(cmd, name, &str)) <= 0)
        return rc;
    errno = 0;
    val = strtoll(str, &end, 10);
    if (errno != 0 || end == str || *end != '\0') {
        vshNumericError(ctl, name, str);
        return -1;
    }
    *value = val;
    return 1;
}


/* --config/--live/--current into VIR_DOMAIN_AFFECT_* flags; false after
 * the error about options that exclude each other. */
bool
vshCmdAffectFlags(vshControl *ctl, const vshCmd *cmd, unsigned int *flags)
{
    if (!vshCmdExclusive(ctl, cmd, "current", "live") ||
        !vshCmdExclusive(ctl, cmd, "current", "config"))
        return false;
    *flags = 0;
    if (vshCmdOptBool(cmd, "config"))
        *flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (vshCmdOptBool(cmd, "live"))
        *flags |= VIR_DOMAIN_AFFECT_LIVE;
    return true;
}


/* A typed parameter's value as virsh prints it. */
char *
vshTypedParamString(const virTypedParameter *p)
{
    switch (p->type) {
    case VIR_TYPED_PARAM_INT:
        return g_strdup_printf("%d", p->value.i);
    case VIR_TYPED_PARAM_UINT:
        return g_strdup_printf("%u", p->value.ui);
    case VIR_TYPED_PARAM_LLONG:
        return g_strdup_printf("%lld", p->value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return g_strdup_printf("%llu", p->value.ul);
    case VIR_TYPED_PARAM_DOUBLE:
        return g_strdup_printf("%f", p->value.d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return g_strdup(p->value.b ? "yes" : "no");
    case VIR_TYPED_PARAM_STRING:
        return g_strdup(p->value.s ? p->value.s : "");
    default:
        break;
    }
    return g_strdup("unimplemented parameter type");
}


/* Append parameter @name of @type with the value written in @text;
 * -1 when @text is no valid value of that type. */
int
vshTypedParamAddFromString(virTypedParameterPtr *params, int *n, int *max,
                           const char *name, int type, const char *text)
{
    unsigned long long u;
    char *end = NULL;
    long long l;
    double d;

    switch (type) {
    case VIR_TYPED_PARAM_INT:
        errno = 0;
        l = strtoll(text, &end, 10);
        if (errno || end == text || *end || l < INT_MIN || l > INT_MAX)
            return -1;
        return virTypedParamsAddInt(params, n, max, name, l);
    case VIR_TYPED_PARAM_UINT:
        /* like strtoul, "-1" wraps to the largest value */
        if (!vshParseULL(text, true, &u, NULL) ||
            (u > UINT_MAX && !((long long)u < 0 && (long long)u >= INT_MIN)))
            return -1;
        return virTypedParamsAddUInt(params, n, max, name, (unsigned int)u);
    case VIR_TYPED_PARAM_LLONG:
        errno = 0;
        l = strtoll(text, &end, 10);
        if (errno || end == text || *end)
            return -1;
        return virTypedParamsAddLLong(params, n, max, name, l);
    case VIR_TYPED_PARAM_ULLONG:
        if (!vshParseULL(text, true, &u, NULL))
            return -1;
        return virTypedParamsAddULLong(params, n, max, name, u);
    case VIR_TYPED_PARAM_DOUBLE:
        errno = 0;
        d = g_ascii_strtod(text, &end);
        if (errno || end == text || *end)
            return -1;
        return virTypedParamsAddDouble(params, n, max, name, d);
    case VIR_TYPED_PARAM_BOOLEAN:
        if (g_ascii_strcasecmp(text, "yes") == 0 || strcmp(text, "1") == 0)
            return virTypedParamsAddBoolean(params, n, max, name, 1);
        if (g_ascii_strcasecmp(text, "no") == 0 || strcmp(text, "0") == 0)
            return virTypedParamsAddBoolean(params, n, max, name, 0);
        return -1;
    case VIR_TYPED_PARAM_STRING:
        return virTypedParamsAddString(params, n, max, name, text);
    default:
        break;
    }
    return -1;
}


/* ---- editing text in the user's editor --------------------------------- */

/* Characters an editor name may have and still run without a shell. */
#define VSH_EDITOR_PLAIN_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@"

/* One argument as the failure message shows it: quoted for sh when it
 * holds anything but plain characters. */
static void
vshAppendShellArg(GString *buf, const char *arg)
{
    const char *p;

    if (*arg && strspn(arg, VSH_EDITOR_PLAIN_CHARS) == strlen(arg)) {
        g_string_append(buf, arg);
        return;
    }
    g_string_append_c(buf, '\'');
    for (p = arg; *p; p++) {
        if (*p == '\'')
            g_string_append(buf, "'\\''");
        else
            g_string_append_c(buf, *p);
    }
    g_string_append_c(buf, '\'');
}

/* Runs @prog (a full path) with @argv and waits; false with the error
 * printed (naming the command line as @shown) unless it exits with 0. */
static bool
vshRunEditor(vshControl *ctl, const char *prog, char **argv, const char *shown)
{
    pid_t pid;
    int status;

    fflush(stdout);
    fflush(stderr);
    if ((pid = fork()) < 0) {
        vshError(ctl, "cannot fork child process: %s", g_strerror(errno));
        return false;
    }
    if (pid == 0) {
        execv(prog, argv);
        /* the same line libvirt's default error handler would print */
        fprintf(stderr, "libvirt:  error : cannot execute binary %s: %s\n",
                prog, g_strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            vshError(ctl, "cannot wait for child process: %s", g_strerror(errno));
            return false;
        }
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    if (WIFEXITED(status))
        vshError(ctl, "internal error: Child process (%s) unexpected exit status %d",
                 shown, WEXITSTATUS(status));
    else
        vshError(ctl, "internal error: Child process (%s) unexpected fatal signal %d",
                 shown, WTERMSIG(status));
    return false;
}

/* Let the user change @text in $VISUAL or $EDITOR (vi when neither is
 * set).  A plain editor name runs directly, anything else through sh -c;
 * failures name the command line and its exit status.  Returns the new
 * text, or NULL with the error printed. */
char *
vshEditString(vshControl *ctl, const char *text)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *path = NULL;
    g_autofree char *tmpl = NULL;
    g_autofree char *prog = NULL;
    g_autofree char *line = NULL;
    g_autoptr(GString) shown = g_string_new(NULL);
    const char *editor = g_getenv("VISUAL");
    char *result = NULL;
    char *argv[4] = { NULL };
    int fd;

    if (!editor)
        editor = g_getenv("EDITOR");
    if (!editor)
        editor = "vi";

    tmpl = g_strdup_printf("%sXXXXXX.xml", vshProgramName());
    if ((fd = g_file_open_tmp(tmpl, &path, &err)) < 0) {
        vshError(ctl, "%s", err->message);
        return NULL;
    }
    close(fd);
    if (!g_file_set_contents(path, text, -1, &err)) {
        vshError(ctl, "%s", err->message);
        goto cleanup;
    }

    if (*editor && strspn(editor, VSH_EDITOR_PLAIN_CHARS) == strlen(editor)) {
        if (strchr(editor, '/'))
            prog = g_strdup(editor);
        else if (!(prog = g_find_program_in_path(editor))) {
            vshError(ctl, "Cannot find '%s' in path: %s", editor, g_strerror(ENOENT));
            goto cleanup;
        }
        argv[0] = prog;
        argv[1] = path;
        vshAppendShellArg(shown, editor);
        g_string_append_c(shown, ' ');
        vshAppendShellArg(shown, path);
    } else if (!*editor) {
        vshError(ctl, "Cannot find '' in path: %s", g_strerror(ENOENT));
        goto cleanup;
    } else {
        line = g_strdup_printf("%s %s", editor, path);
        prog = g_strdup("/bin/sh");
        argv[0] = (char *)"sh";
        argv[1] = (char *)"-c";
        argv[2] = line;
        g_string_append(shown, "sh -c ");
        vshAppendShellArg(shown, line);
    }
    if (!vshRunEditor(ctl, prog, argv, shown->str))
        goto cleanup;

    if (!g_file_get_contents(path, &result, NULL, &err))
        vshError(ctl, "%s", err->message);

 cleanup:
    unlink(path);
    return result;
}
