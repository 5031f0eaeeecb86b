/* vsh-cmd-block.c: block jobs: blockcommit, blockcopy, blockjob,
 * blockpull and blockresize.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The job commands start a job and, when asked to, follow it until it
 * ends or becomes ready (vshBlockJobWait), printing progress with
 * --verbose and finishing it (pivot, keep) as virsh does.  Messages
 * follow virsh 9.0; the help texts are our own.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "vsh.h"

/* VIR_DOMAIN_EVENT_CALLBACK casts the typed callback to the generic one */
#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

#define VSH_OPT_DOMAIN \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the domain, by name, id or UUID" }

#define VSH_OPT_PATH(helptext) \
    { "path", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }



/* ---- options shared by the job commands ---------------------------------- */

/* --bandwidth: a plain number (negative wraps) in the job's unit, or a
 * scaled size; without --bytes a scaled size is turned into MiB/s.
 * 1 given, 0 not given, -1 error printed. */
static int
vshBlockBandwidth(vshControl *ctl, const vshCmd *cmd, unsigned long *bw)
{
    unsigned long long val = 0;
    const char *str = NULL;
    char *end = NULL;

    if (vshCmdOptString(ctl, cmd, "bandwidth", &str) < 0)
        return -1;
    if (!str)
        return 0;
    errno = 0;
    val = g_ascii_strtoull(str, &end, 10);
    if (errno != 0 || end == str || *end != '\0') {
        if (vshCmdOptScaledIntAs(ctl, cmd, "bandwidth", "--bandwidth", 1,
                                 ULONG_MAX, &val) < 0)
            return -1;
        if (!vshCmdOptBool(cmd, "bytes"))
            val >>= 20;
    }
    *bw = val;
    return 1;
}

/* --timeout in seconds: 1 .. INT_MAX/1000 (it becomes milliseconds). */
static int
vshBlockTimeout(vshControl *ctl, const vshCmd *cmd, int *timeout)
{
    const char *str = NULL;
    char *end = NULL;
    long long val;

    *timeout = 0;
    if (vshCmdOptString(ctl, cmd, "timeout", &str) < 0)
        return -1;
    if (!str)
        return 0;
    val = g_ascii_strtoll(str, &end, 10);
    if (end == str || *end || val <= 0 || val > INT_MAX / 1000) {
        vshError(ctl, "Numeric value '%s' for <timeout> option is malformed or out of range",
                 str);
        return -1;
    }
    *timeout = (int)val;
    return 1;
}

/* --verbose and --async only make sense with a way of waiting. */
static bool
vshBlockNeedWait(vshControl *ctl, const vshCmd *cmd, bool blocking,
                 const char *finishOpt)
{
    static const char *const opts[] = { "async", "verbose" };
    size_t i;

    if (blocking)
        return true;
    for (i = 0; i < G_N_ELEMENTS(opts); i++) {
        if (vshCmdOptBool(cmd, opts[i])) {
            vshError(ctl, "--%s requires at least one of --timeout, --wait, --pivot, or --%s",
                     opts[i], finishOpt);
            return false;
        }
    }
    return true;
}


/* ---- following a job ---------------------------------------------------- */

typedef enum {
    VSH_BLOCK_DONE,
    VSH_BLOCK_READY,
    VSH_BLOCK_FAILED,
    VSH_BLOCK_CANCELED,
    VSH_BLOCK_ABORTED,      /* timeout or ^C: we aborted it */
    VSH_BLOCK_ERROR,        /* an API call failed; the error is pending */
} vshBlockResult;

typedef struct {
    const char *path;
    gint status;            /* -1 until an event for our disk arrives */
} vshBlockEventData;

static volatile sig_atomic_t vshBlockInterrupted;

static void
vshBlockSigint(int sig G_GNUC_UNUSED)
{
    vshBlockInterrupted = 1;
}

static void
vshBlockEvent(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom G_GNUC_UNUSED,
              const char *disk, int type G_GNUC_UNUSED, int status,
              void *opaque)
{
    vshBlockEventData *data = opaque;

    /* the event names the target (vda) or the path, as the job was asked */
    if (disk && (strcmp(disk, data->path) == 0 ||
                 g_str_has_suffix(data->path, disk)))
        g_atomic_int_set(&data->status, status);
}

static void
vshBlockProgress(vshControl *ctl, const char *label,
                 unsigned long long cur, unsigned long long end)
{
    int pct = end ? (int)(cur * 100.0 / end) : 0;

    if (pct > 100)
        pct = 100;
    fprintf(stderr, "\r%s: [%3d %%]", label, pct);
    fflush(stderr);
    (void)ctl;
}

/* Polls the job on @path twice a second until it completes (or, with
 * @untilReady, reaches the ready phase), fails, or @timeout seconds pass
 * or ^C comes; then it aborts the job (asynchronously with @async). */
static vshBlockResult
vshBlockJobWait(vshControl *ctl, virDomainPtr dom, const char *path,
                const char *label, bool verbose, int timeout, bool async,
                bool untilReady)
{
    vshBlockEventData data = { path, -1 };
    struct sigaction sa, old;
    gint64 deadline = timeout > 0 ?
        g_get_monotonic_time() + (gint64)timeout * G_USEC_PER_SEC : 0;
    vshBlockResult ret = VSH_BLOCK_ERROR;
    int cb;

    cb = virConnectDomainEventRegisterAny(ctl->conn, dom,
                                          VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2,
                                          VIR_DOMAIN_EVENT_CALLBACK(vshBlockEvent),
                                          &data, NULL);
    if (cb < 0)
        vshResetLibvirtError();     /* polling alone still works */

    vshBlockInterrupted = 0;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = vshBlockSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);

    for (;;) {
        virDomainBlockJobInfo info;
        int status = g_atomic_int_get(&data.status);
        int rc;

        if (status == VIR_DOMAIN_BLOCK_JOB_FAILED) {
            ret = VSH_BLOCK_FAILED;
            break;
        }
        if (status == VIR_DOMAIN_BLOCK_JOB_CANCELED) {
            ret = VSH_BLOCK_CANCELED;
            break;
        }
        if (status == VIR_DOMAIN_BLOCK_JOB_COMPLETED) {
            ret = VSH_BLOCK_DONE;
            break;
        }

        memset(&info, 0, sizeof(info));
        if ((rc = virDomainGetBlockJobInfo(dom, path, &info, 0)) < 0)
            break;
        if (rc == 0) {
            /* gone without an event: take it as finished */
            status = g_atomic_int_get(&data.status);
            if (status == VIR_DOMAIN_BLOCK_JOB_FAILED)
                ret = VSH_BLOCK_FAILED;
            else if (status == VIR_DOMAIN_BLOCK_JOB_CANCELED)
                ret = VSH_BLOCK_CANCELED;
            else
                ret = VSH_BLOCK_DONE;
            if (verbose && ret == VSH_BLOCK_DONE)
                vshBlockProgress(ctl, label, 1, 1);
            break;
        }
        if (verbose)
            vshBlockProgress(ctl, label, info.cur, info.end);
        if (untilReady &&
            (status == VIR_DOMAIN_BLOCK_JOB_READY ||
             (info.end > 0 && info.cur == info.end))) {
            ret = VSH_BLOCK_READY;
            break;
        }
        if (vshBlockInterrupted ||
            (deadline && g_get_monotonic_time() >= deadline)) {
            if (virDomainBlockJobAbort(dom, path,
                                       async ? VIR_DOMAIN_BLOCK_JOB_ABORT_ASYNC : 0) < 0) {
                vshError(ctl, "failed to abort job for disk '%s'", path);
                break;
            }
            ret = VSH_BLOCK_ABORTED;
            break;
        }
        g_usleep(G_USEC_PER_SEC / 2);
    }

    sigaction(SIGINT, &old, NULL);
    if (cb >= 0)
        virConnectDomainEventDeregisterAny(ctl->conn, cb);
    return ret;
}

/* The common ending of the waiting commands: "what" names the job in
 * the failure messages (Commit, Copy, Pull). */
static bool
vshBlockReportEnd(vshControl *ctl, vshBlockResult res, const char *what)
{
    switch (res) {
    case VSH_BLOCK_FAILED:
        vshError(ctl, "\n%s failed", what);
        return false;
    case VSH_BLOCK_CANCELED:
    case VSH_BLOCK_ABORTED:
        vshPrintExtra(ctl, "\n%s aborted\n", what);
        return false;
    case VSH_BLOCK_ERROR:
        return false;
    case VSH_BLOCK_DONE:
    case VSH_BLOCK_READY:
        break;
    }
    return true;
}


/* ---- blockcommit --------------------------------------------------------- */

static const vshCmdOptDef vshOptsBlockcommit[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_PATH("the disk: its target or its source path"),
    { "bandwidth", VSH_OT_INT, 0, "speed limit, in MiB/s (or bytes/s with --bytes)" },
    { "base", VSH_OT_STRING, 0, "the image to merge into (the last one by default)" },
    { "shallow", VSH_OT_BOOL, 0, "merge into the image right below the top" },
    { "top", VSH_OT_STRING, 0, "the image to merge from (the active one by default)" },
    { "active", VSH_OT_BOOL, 0, "merge the active image too, in two phases" },
    { "delete", VSH_OT_BOOL, 0, "remove the merged images afterwards" },
    { "wait", VSH_OT_BOOL, 0, "follow the job until it ends (or is ready, with --active)" },
    { "verbose", VSH_OT_BOOL, 0, "show how far the job is while waiting" },
    { "timeout", VSH_OT_INT, 0, "wait at most this many seconds, then abort" },
    { "pivot", VSH_OT_BOOL, 0, "wait, then switch the disk to the base image" },
    { "keep-overlay", VSH_OT_BOOL, 0, "wait, then end the job keeping the top image" },
    { "async", VSH_OT_BOOL, 0, "when aborting, do not wait for the abort to finish" },
    { "keep-relative", VSH_OT_BOOL, 0, "keep relative backing file names" },
    { "bytes", VSH_OT_BOOL, 0, "--bandwidth is in bytes/s" },
    VSH_OPT_END
};

static bool
vshCmdBlockcommit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool pivot = vshCmdOptBool(cmd, "pivot");
    bool keep = vshCmdOptBool(cmd, "keep-overlay");
    bool active = vshCmdOptBool(cmd, "active") || pivot || keep;
    bool verbose = vshCmdOptBool(cmd, "verbose");
    bool async = vshCmdOptBool(cmd, "async");
    const char *path = NULL;
    const char *base = NULL;
    const char *top = NULL;
    unsigned long bw = 0;
    unsigned int flags = 0;
    bool blocking;
    int timeout = 0;
    vshBlockResult res;

    if (!vshCmdExclusive(ctl, cmd, "pivot", "keep-overlay"))
        return false;
    if (vshBlockTimeout(ctl, cmd, &timeout) < 0)
        return false;
    blocking = vshCmdOptBool(cmd, "wait") || pivot || keep || timeout;
    if (!vshBlockNeedWait(ctl, cmd, blocking, "keep-overlay"))
        return false;
    if (vshBlockBandwidth(ctl, cmd, &bw) < 0)
        return false;
    if (vshCmdOptString(ctl, cmd, "path", &path) < 0 ||
        vshCmdOptString(ctl, cmd, "base", &base) < 0 ||
        vshCmdOptString(ctl, cmd, "top", &top) < 0)
        return false;

    if (vshCmdOptBool(cmd, "shallow"))
        flags |= VIR_DOMAIN_BLOCK_COMMIT_SHALLOW;
    if (vshCmdOptBool(cmd, "delete"))
        flags |= VIR_DOMAIN_BLOCK_COMMIT_DELETE;
    if (active)
        flags |= VIR_DOMAIN_BLOCK_COMMIT_ACTIVE;
    if (vshCmdOptBool(cmd, "keep-relative"))
        flags |= VIR_DOMAIN_BLOCK_COMMIT_RELATIVE;
    if (vshCmdOptBool(cmd, "bytes"))
        flags |= VIR_DOMAIN_BLOCK_COMMIT_BANDWIDTH_BYTES;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (virDomainBlockCommit(dom, path, base, top, bw, flags) < 0)
        return false;
    if (!blocking) {
        vshPrintExtra(ctl, "Block Commit started");
        return true;
    }

    res = vshBlockJobWait(ctl, dom, path,
                          active ? "Active Block Commit" : "Block Commit",
                          verbose, timeout, async, active);
    if (!vshBlockReportEnd(ctl, res, "Commit"))
        return false;
    if (res == VSH_BLOCK_READY) {
        if (pivot) {
            if (virDomainBlockJobAbort(dom, path, VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT) < 0) {
                vshError(ctl, "failed to pivot job for disk %s", path);
                return false;
            }
            vshPrintExtra(ctl, "\nSuccessfully pivoted");
        } else if (keep) {
            if (virDomainBlockJobAbort(dom, path, 0) < 0) {
                vshError(ctl, "failed to finish job for disk %s", path);
                return false;
            }
            vshPrintExtra(ctl, "\nCommit complete, overlay image kept");
        } else {
            vshPrintExtra(ctl, "\nNow in synchronized phase");
        }
        return true;
    }
    vshPrintExtra(ctl, "\nCommit complete");
    return true;
}


/* ---- blockcopy ----------------------------------------------------------- */

static const vshCmdOptDef vshOptsBlockcopy[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_PATH("the disk to copy: its target or its source path"),
    { "dest", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the file (or device) the copy goes to" },
    { "bandwidth", VSH_OT_INT, 0, "speed limit, in MiB/s (or bytes/s with --bytes)" },
    { "shallow", VSH_OT_BOOL, 0, "copy only the top image; the copy gets its backing chain" },
    { "reuse-external", VSH_OT_BOOL, 0, "the destination exists already" },
    { "blockdev", VSH_OT_BOOL, 0, "the destination is a block device" },
    { "wait", VSH_OT_BOOL, 0, "follow the job until it mirrors" },
    { "verbose", VSH_OT_BOOL, 0, "show how far the job is while waiting" },
    { "timeout", VSH_OT_INT, 0, "wait at most this many seconds, then abort" },
    { "pivot", VSH_OT_BOOL, 0, "wait, then switch the disk to the copy" },
    { "finish", VSH_OT_BOOL, 0, "wait, then end the job keeping the original" },
    { "async", VSH_OT_BOOL, 0, "when aborting, do not wait for the abort to finish" },
    { "xml", VSH_OT_STRING, 0, "a file with the <disk> XML of the destination" },
    { "format", VSH_OT_STRING, 0, "the image format of the destination" },
    { "granularity", VSH_OT_INT, 0, "dirty-tracking granularity, a power of two" },
    { "buf-size", VSH_OT_INT, 0, "how much data may be in flight at once" },
    { "bytes", VSH_OT_BOOL, 0, "--bandwidth is in bytes/s" },
    { "transient-job", VSH_OT_BOOL, 0, "do not keep the job when the domain stops" },
    { "synchronous-writes", VSH_OT_BOOL, 0, "make guest writes reach the copy before they complete" },
    { "print-xml", VSH_OT_BOOL, 0, "print the destination XML instead of copying" },
    VSH_OPT_END
};

/* The <disk> XML of a --dest copy. */
static char *
vshBlockCopyXML(const char *dest, bool blockdev, const char *format)
{
    GString *buf = g_string_new(NULL);

    g_string_append_printf(buf, "<disk type='%s'>\n", blockdev ? "block" : "file");
    vshXMLEscapeTo(buf, blockdev ? "  <source dev='" : "  <source file='",
                   dest, "'/>\n");
    if (format)
        vshXMLEscapeTo(buf, "  <driver type='", format, "'/>\n");
    g_string_append(buf, "</disk>\n");
    return g_string_free(buf, FALSE);
}

static bool
vshCmdBlockcopy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    virTypedParameterPtr params = NULL;
    bool pivot = vshCmdOptBool(cmd, "pivot");
    bool finish = vshCmdOptBool(cmd, "finish");
    bool blockdev = vshCmdOptBool(cmd, "blockdev");
    bool bytes = vshCmdOptBool(cmd, "bytes");
    bool transient = vshCmdOptBool(cmd, "transient-job");
    bool syncw = vshCmdOptBool(cmd, "synchronous-writes");
    const char *path = NULL;
    const char *dest = NULL;
    const char *xmlfile = NULL;
    const char *format = NULL;
    unsigned long bw = 0;
    unsigned int granularity = 0;
    unsigned long long bufsize = 0;
    int haveBw, haveGran, haveBuf;
    int nparams = 0, maxparams = 0;
    int timeout = 0;
    bool blocking;
    bool ok = false;
    int rc;
    vshBlockResult res;

    if (vshCmdOptString(ctl, cmd, "path", &path) < 0 ||
        vshCmdOptString(ctl, cmd, "dest", &dest) < 0 ||
        vshCmdOptString(ctl, cmd, "xml", &xmlfile) < 0 ||
        vshCmdOptString(ctl, cmd, "format", &format) < 0)
        return false;
    if (!vshCmdExclusive(ctl, cmd, "dest", "xml") ||
        !vshCmdExclusive(ctl, cmd, "format", "xml") ||
        !vshCmdExclusive(ctl, cmd, "blockdev", "xml") ||
        !vshCmdExclusive(ctl, cmd, "pivot", "finish"))
        return false;
    if (!dest && !xmlfile) {
        vshError(ctl, "%s", "need either --dest or --xml");
        return false;
    }
    if (vshBlockTimeout(ctl, cmd, &timeout) < 0)
        return false;
    blocking = vshCmdOptBool(cmd, "wait") || pivot || finish || timeout;
    if (!vshBlockNeedWait(ctl, cmd, blocking, "finish"))
        return false;
    if ((haveBw = vshBlockBandwidth(ctl, cmd, &bw)) < 0 ||
        (haveGran = vshCmdOptUInt(ctl, cmd, "granularity", false, &granularity)) < 0 ||
        (haveBuf = vshCmdOptULongLong(ctl, cmd, "buf-size", false, &bufsize)) < 0)
        return false;

    if (xmlfile) {
        if (!(xml = vshReadFile(ctl, xmlfile)))
            return false;
    } else {
        xml = vshBlockCopyXML(dest, blockdev, format);
    }
    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml);
        return true;
    }

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (xmlfile || haveGran > 0 || haveBuf > 0 || transient || syncw ||
        (format && strcmp(format, "raw") != 0)) {
        unsigned int flags = 0;

        /* the typed-parameter API takes the bandwidth in bytes/s */
        if (haveBw > 0) {
            unsigned long long b = bw;

            if (!bytes) {
                if (b > ULLONG_MAX >> 20) {
                    vshError(ctl, "bandwidth must be less than %llu",
                             ULLONG_MAX >> 20);
                    return false;
                }
                b <<= 20;
            }
            if (virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                        VIR_DOMAIN_BLOCK_COPY_BANDWIDTH, b) < 0)
                goto cleanup;
        }
        if (haveGran > 0 &&
            virTypedParamsAddUInt(&params, &nparams, &maxparams,
                                  VIR_DOMAIN_BLOCK_COPY_GRANULARITY, granularity) < 0)
            goto cleanup;
        if (haveBuf > 0 &&
            virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                    VIR_DOMAIN_BLOCK_COPY_BUF_SIZE, bufsize) < 0)
            goto cleanup;
        if (vshCmdOptBool(cmd, "shallow"))
            flags |= VIR_DOMAIN_BLOCK_COPY_SHALLOW;
        if (vshCmdOptBool(cmd, "reuse-external"))
            flags |= VIR_DOMAIN_BLOCK_COPY_REUSE_EXT;
        if (transient)
            flags |= VIR_DOMAIN_BLOCK_COPY_TRANSIENT_JOB;
        if (syncw)
            flags |= VIR_DOMAIN_BLOCK_COPY_SYNCHRONOUS_WRITES;
        rc = virDomainBlockCopy(dom, path, xml, params, nparams, flags);
    } else {
        unsigned int flags = VIR_DOMAIN_BLOCK_REBASE_COPY;

        if (vshCmdOptBool(cmd, "shallow"))
            flags |= VIR_DOMAIN_BLOCK_REBASE_SHALLOW;
        if (vshCmdOptBool(cmd, "reuse-external"))
            flags |= VIR_DOMAIN_BLOCK_REBASE_REUSE_EXT;
        if (format)
            flags |= VIR_DOMAIN_BLOCK_REBASE_COPY_RAW;
        if (blockdev)
            flags |= VIR_DOMAIN_BLOCK_REBASE_COPY_DEV;
        if (bytes)
            flags |= VIR_DOMAIN_BLOCK_REBASE_BANDWIDTH_BYTES;
        rc = virDomainBlockRebase(dom, path, dest, bw, flags);
    }
    if (rc < 0)
        goto cleanup;
    if (!blocking) {
        vshPrintExtra(ctl, "Block Copy started");
        ok = true;
        goto cleanup;
    }

    res = vshBlockJobWait(ctl, dom, path, "Block Copy",
                          vshCmdOptBool(cmd, "verbose"), timeout,
                          vshCmdOptBool(cmd, "async"), true);
    if (!vshBlockReportEnd(ctl, res, "Copy"))
        goto cleanup;
    if (pivot) {
        if (virDomainBlockJobAbort(dom, path, VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT) < 0) {
            vshError(ctl, "failed to pivot job for disk %s", path);
            goto cleanup;
        }
        vshPrintExtra(ctl, "\nSuccessfully pivoted");
    } else if (finish) {
        if (virDomainBlockJobAbort(dom, path, 0) < 0) {
            vshError(ctl, "failed to finish job for disk %s", path);
            goto cleanup;
        }
        vshPrintExtra(ctl, "\nSuccessfully copied");
    } else {
        vshPrintExtra(ctl, "\nNow in mirroring phase");
    }
    ok = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ok;
}


/* ---- blockjob ------------------------------------------------------------ */

static const vshCmdOptDef vshOptsBlockjob[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_PATH("the disk: its target or its source path"),
    { "abort", VSH_OT_BOOL, 0, "stop the disk's job" },
    { "async", VSH_OT_BOOL, 0, "stop the job without waiting for it (implies --abort)" },
    { "pivot", VSH_OT_BOOL, 0, "end a copy or commit job on the new image (implies --abort)" },
    { "info", VSH_OT_BOOL, 0, "print the disk's job (what happens by default)" },
    { "bytes", VSH_OT_BOOL, 0, "bandwidths are in bytes/s, not MiB/s" },
    { "raw", VSH_OT_BOOL, 0, "print the job's fields as they are (implies --info)" },
    { "bandwidth", VSH_OT_INT, 0, "change the job's speed limit" },
    VSH_OPT_END
};

static const char *const vshBlockJobNames[] = {
    "Unknown job", "Block Pull", "Block Copy", "Block Commit",
    "Active Block Commit", "Backup",
};

static bool
vshBlockJobInfo(vshControl *ctl, virDomainPtr dom, const char *path,
                bool raw, bool bytes)
{
    virDomainBlockJobInfo info;
    unsigned long long speed;
    int rc;

    memset(&info, 0, sizeof(info));
    rc = virDomainGetBlockJobInfo(dom, path, &info,
                                  bytes ? VIR_DOMAIN_BLOCK_JOB_INFO_BANDWIDTH_BYTES : 0);
    if (rc < 0)
        return false;
    if (rc == 0) {
        if (raw)
            vshPrint(ctl, " type=unknown\n");
        else
            vshPrintExtra(ctl, "No current block job for %s", path);
        return true;
    }
    if (raw) {
        vshPrint(ctl, " type=%d\n bandwidth=%lu\n cur=%llu\n end=%llu\n",
                 info.type, info.bandwidth, info.cur, info.end);
        return true;
    }
    vshPrint(ctl, "%s: [%3d %%]",
             info.type >= 0 && (size_t)info.type < G_N_ELEMENTS(vshBlockJobNames) ?
             vshBlockJobNames[info.type] : vshBlockJobNames[0],
             info.end ? (int)(info.cur * 100.0 / info.end) : 0);
    if (info.bandwidth) {
        speed = info.bandwidth;
        if (!bytes)
            speed <<= 20;
        {
            g_autofree char *pretty = vshPrettyCapacity(speed);
            vshPrint(ctl, "    Bandwidth limit: %llu bytes/s (%s/s)", speed, pretty);
        }
    }
    vshPrint(ctl, "\n");
    return true;
}

static bool
vshCmdBlockjob(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool async = vshCmdOptBool(cmd, "async");
    bool pivot = vshCmdOptBool(cmd, "pivot");
    bool abortJob = vshCmdOptBool(cmd, "abort") || async || pivot;
    bool raw = vshCmdOptBool(cmd, "raw");
    bool info = vshCmdOptBool(cmd, "info") || raw;
    bool bytes = vshCmdOptBool(cmd, "bytes");
    bool haveBw = vshCmdOptBool(cmd, "bandwidth");
    const char *path = NULL;
    unsigned long bw = 0;

    if (!vshCmdExclusive(ctl, cmd, "raw", "abort") ||
        !vshCmdExclusive(ctl, cmd, "raw", "async") ||
        !vshCmdExclusive(ctl, cmd, "raw", "pivot") ||
        !vshCmdExclusive(ctl, cmd, "raw", "bandwidth") ||
        !vshCmdExclusive(ctl, cmd, "info", "abort") ||
        !vshCmdExclusive(ctl, cmd, "info", "async") ||
        !vshCmdExclusive(ctl, cmd, "info", "pivot") ||
        !vshCmdExclusive(ctl, cmd, "info", "bandwidth"))
        return false;
    if (vshBlockBandwidth(ctl, cmd, &bw) < 0)
        return false;
    if (vshCmdOptString(ctl, cmd, "path", &path) < 0)
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (haveBw &&
        virDomainBlockJobSetSpeed(dom, path, bw,
                                  bytes ? VIR_DOMAIN_BLOCK_JOB_SPEED_BANDWIDTH_BYTES : 0) < 0)
        return false;
    if (abortJob) {
        unsigned int flags = 0;

        if (async)
            flags |= VIR_DOMAIN_BLOCK_JOB_ABORT_ASYNC;
        if (pivot)
            flags |= VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT;
        return virDomainBlockJobAbort(dom, path, flags) == 0;
    }
    if (haveBw && !info)
        return true;
    return vshBlockJobInfo(ctl, dom, path, raw, bytes);
}


/* ---- blockpull ----------------------------------------------------------- */

static const vshCmdOptDef vshOptsBlockpull[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_PATH("the disk: its target or its source path"),
    { "bandwidth", VSH_OT_INT, 0, "speed limit, in MiB/s (or bytes/s with --bytes)" },
    { "base", VSH_OT_STRING, 0, "pull only the images above this one" },
    { "wait", VSH_OT_BOOL, 0, "follow the job until it ends" },
    { "verbose", VSH_OT_BOOL, 0, "show how far the job is while waiting" },
    { "timeout", VSH_OT_INT, 0, "wait at most this many seconds, then abort" },
    { "async", VSH_OT_BOOL, 0, "when aborting, do not wait for the abort to finish" },
    { "keep-relative", VSH_OT_BOOL, 0, "keep relative backing file names" },
    { "bytes", VSH_OT_BOOL, 0, "--bandwidth is in bytes/s" },
    VSH_OPT_END
};

static bool
vshCmdBlockpull(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool wait = vshCmdOptBool(cmd, "wait");
    bool relative = vshCmdOptBool(cmd, "keep-relative");
    bool bytes = vshCmdOptBool(cmd, "bytes");
    const char *path = NULL;
    const char *base = NULL;
    unsigned long bw = 0;
    int timeout = 0;
    int rc;
    vshBlockResult res;

    if (!wait) {
        if (vshCmdOptBool(cmd, "async")) {
            vshError(ctl, "%s", "Option --wait is required by option --async");
            return false;
        }
        if (vshCmdOptBool(cmd, "verbose")) {
            vshError(ctl, "%s", "Option --wait is required by option --verbose");
            return false;
        }
    }
    if (vshBlockTimeout(ctl, cmd, &timeout) < 0)
        return false;
    if (vshBlockBandwidth(ctl, cmd, &bw) < 0)
        return false;
    if (vshCmdOptString(ctl, cmd, "path", &path) < 0 ||
        vshCmdOptString(ctl, cmd, "base", &base) < 0)
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (base || relative) {
        unsigned int flags = 0;

        if (relative)
            flags |= VIR_DOMAIN_BLOCK_REBASE_RELATIVE;
        if (bytes)
            flags |= VIR_DOMAIN_BLOCK_REBASE_BANDWIDTH_BYTES;
        rc = virDomainBlockRebase(dom, path, base, bw, flags);
    } else {
        rc = virDomainBlockPull(dom, path, bw,
                                bytes ? VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_BYTES : 0);
    }
    if (rc < 0)
        return false;
    if (!wait && !timeout) {
        vshPrintExtra(ctl, "Block Pull started");
        return true;
    }

    res = vshBlockJobWait(ctl, dom, path, "Block Pull",
                          vshCmdOptBool(cmd, "verbose"), timeout,
                          vshCmdOptBool(cmd, "async"), false);
    if (!vshBlockReportEnd(ctl, res, "Pull"))
        return false;
    vshPrintExtra(ctl, "\nPull complete");
    return true;
}


/* ---- blockresize --------------------------------------------------------- */

static const vshCmdOptDef vshOptsBlockresize[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_PATH("the disk: its target or its source path"),
    { "size", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the new size, with a unit suffix or in KiB" },
    VSH_OPT_END
};

static bool
vshCmdBlockresize(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long long size = 0;
    unsigned int flags = 0;
    const char *path = NULL;

    if (vshCmdOptString(ctl, cmd, "path", &path) < 0 ||
        vshCmdOptScaledInt(ctl, cmd, "size", 1024, ULLONG_MAX, &size) < 0)
        return false;
    /* whole KiB use the original unit of the API; the rest goes in bytes */
    if (size % 1024 == 0)
        size /= 1024;
    else
        flags |= VIR_DOMAIN_BLOCK_RESIZE_BYTES;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (virDomainBlockResize(dom, path, size, flags) < 0) {
        vshError(ctl, "Failed to resize block device '%s'", path);
        return false;
    }
    vshPrintExtra(ctl, "Block device '%s' is resized", path);
    return true;
}


#define VSH_ROW(name, handler, opts, summary, description) \
    { name, handler, opts, summary, description, 0 }

const vshCmdDef vshDomainBlockCmds[] = {
    VSH_ROW("blockcommit", vshCmdBlockcommit, vshOptsBlockcommit,
            "merge images of a disk's backing chain",
            "Merges the data of an image of the disk's backing chain into an\n"
            "image below it, optionally following the job to its end."),
    VSH_ROW("blockcopy", vshCmdBlockcopy, vshOptsBlockcopy,
            "copy a disk to a new image while the domain runs",
            "Mirrors the disk to a new file or device; once the copy is in\n"
            "step, the job can switch the disk to it or end keeping both."),
    VSH_ROW("blockjob", vshCmdBlockjob, vshOptsBlockjob,
            "show, change or stop a disk's block job",
            "Prints the progress of the job running on a disk, changes its\n"
            "speed limit, or stops it."),
    VSH_ROW("blockpull", vshCmdBlockpull, vshOptsBlockpull,
            "fill a disk image with the data of its backing images",
            "Copies data from the backing chain into the disk's top image, so\n"
            "that the chain (or the part above --base) is no longer needed."),
    VSH_ROW("blockresize", vshCmdBlockresize, vshOptsBlockresize,
            "change the size of a domain's disk",
            "Grows or shrinks the image under one of the domain's disks."),
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
