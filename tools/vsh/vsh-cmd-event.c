/* vsh-cmd-event.c: the domain "event" command (the "events" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Waiting, timeouts, --timestamp and the closing count are shared with
 * the other *-event commands (vshEventWait and vshEventPrint in
 * vsh-cmd-network.c); this file knows the domain events and how virsh
 * words each of them.  Each kind has its own callback, so one
 * vshEventData can count the events of all registrations.
 */
#include <config.h>

#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "vsh.h"

/* VIR_DOMAIN_EVENT_CALLBACK casts each typed callback to the generic one */
#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif


/* Indexed by virDomainEventID. */
static const char *const vshDomainEventNames[] = {
    "lifecycle", "reboot", "rtc-change", "watchdog", "io-error", "graphics",
    "io-error-reason", "control-error", "block-job", "disk-change",
    "tray-change", "pm-wakeup", "pm-suspend", "balloon-change",
    "pm-suspend-disk", "device-removed", "block-job-2", "tunable",
    "agent-lifecycle", "device-added", "migration-iteration",
    "job-completed", "device-removal-failed", "metadata-change",
    "block-threshold", "memory-failure", "memory-device-size-change",
    NULL
};
G_STATIC_ASSERT(G_N_ELEMENTS(vshDomainEventNames) ==
                VIR_DOMAIN_EVENT_ID_LAST + 1);


/* ---- how each event is worded ---- */

/* Print one event; without --loop only the first one counts, as
 * virsh stops listening after it (callbacks run one at a time, on the
 * event loop thread). */
static void vshEvOut(void *opaque, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void
vshEvOut(void *opaque, const char *fmt, ...)
{
    vshEventData *data = opaque;
    g_autofree char *msg = NULL;
    va_list ap;

    if (!data->loop && g_atomic_int_get(&data->done))
        return;
    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    vshEventPrint(data, "%s", msg);
}


static const char *
vshPick(const char *const *names, size_t n, int idx)
{
    return idx >= 0 && (size_t)idx < n ? names[idx] : "unknown";
}
#define VSH_PICK(names, idx) vshPick(names, G_N_ELEMENTS(names), idx)

static const char *const vshLifecycleEvents[] = {
    "Defined", "Undefined", "Started", "Suspended", "Resumed", "Stopped",
    "Shutdown", "PMSuspended", "Crashed",
};

static const char *
vshLifecycleDetail(int event, int detail)
{
    static const char *const defined[] = {
        "Added", "Updated", "Renamed", "Snapshot",
    };
    static const char *const undefined[] = { "Removed", "Renamed" };
    static const char *const started[] = {
        "Booted", "Migrated", "Restored", "Snapshot", "Event wakeup",
    };
    static const char *const suspended[] = {
        "Paused", "Migrated", "I/O Error", "Watchdog", "Restored",
        "Snapshot", "API error", "Post-copy", "Post-copy Error",
    };
    static const char *const resumed[] = {
        "Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error",
    };
    static const char *const stopped[] = {
        "Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed",
        "Snapshot",
    };
    static const char *const shutdown[] = {
        "Finished", "Finished after guest request",
        "Finished after host request",
    };
    static const char *const pmsuspended[] = { "Memory", "Disk" };
    static const char *const crashed[] = { "Panicked", "Crashloaded" };

    switch (event) {
    case VIR_DOMAIN_EVENT_DEFINED: return VSH_PICK(defined, detail);
    case VIR_DOMAIN_EVENT_UNDEFINED: return VSH_PICK(undefined, detail);
    case VIR_DOMAIN_EVENT_STARTED: return VSH_PICK(started, detail);
    case VIR_DOMAIN_EVENT_SUSPENDED: return VSH_PICK(suspended, detail);
    case VIR_DOMAIN_EVENT_RESUMED: return VSH_PICK(resumed, detail);
    case VIR_DOMAIN_EVENT_STOPPED: return VSH_PICK(stopped, detail);
    case VIR_DOMAIN_EVENT_SHUTDOWN: return VSH_PICK(shutdown, detail);
    case VIR_DOMAIN_EVENT_PMSUSPENDED: return VSH_PICK(pmsuspended, detail);
    case VIR_DOMAIN_EVENT_CRASHED: return VSH_PICK(crashed, detail);
    }
    return "unknown";
}


static void
vshEvLifecycle(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
               int event, int detail, void *opaque)
{
    vshEvOut(opaque, "event 'lifecycle' for domain '%s': %s %s\n",
                  virDomainGetName(dom),
                  VSH_PICK(vshLifecycleEvents, event),
                  vshLifecycleDetail(event, detail));
}


/* Events that carry nothing but the domain. */
#define VSH_EV_PLAIN(func, name) \
static void \
func(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, void *opaque) \
{ \
    vshEvOut(opaque, "event '" name "' for domain '%s'\n", \
                  virDomainGetName(dom)); \
}

VSH_EV_PLAIN(vshEvReboot, "reboot")
VSH_EV_PLAIN(vshEvControlError, "control-error")


static void
vshEvRTCChange(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
               long long utcoffset, void *opaque)
{
    vshEvOut(opaque, "event 'rtc-change' for domain '%s': %lld\n",
                  virDomainGetName(dom), utcoffset);
}


static void
vshEvWatchdog(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
              int action, void *opaque)
{
    static const char *const actions[] = {
        "none", "pause", "reset", "poweroff", "shutdown", "debug",
        "inject-nmi",
    };

    vshEvOut(opaque, "event 'watchdog' for domain '%s': %s\n",
                  virDomainGetName(dom), VSH_PICK(actions, action));
}


static const char *const vshIOErrorActions[] = { "none", "pause", "report" };

static void
vshEvIOError(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
             const char *srcPath, const char *devAlias, int action,
             void *opaque)
{
    vshEvOut(opaque, "event 'io-error' for domain '%s': %s (%s) %s\n",
                  virDomainGetName(dom), srcPath, devAlias,
                  VSH_PICK(vshIOErrorActions, action));
}


static void
vshEvIOErrorReason(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                   const char *srcPath, const char *devAlias, int action,
                   const char *reason, void *opaque)
{
    vshEvOut(opaque,
                  "event 'io-error-reason' for domain '%s': %s (%s) %s due to %s\n",
                  virDomainGetName(dom), srcPath, devAlias,
                  VSH_PICK(vshIOErrorActions, action), reason);
}


static void
vshEvGraphics(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
              int phase, virDomainEventGraphicsAddressPtr local,
              virDomainEventGraphicsAddressPtr remote,
              const char *authScheme,
              virDomainEventGraphicsSubjectPtr subject, void *opaque)
{
    static const char *const phases[] = { "connect", "initialize", "disconnect" };
    g_autoptr(GString) msg = g_string_new(NULL);
    int i;

    g_string_append_printf(msg, "event 'graphics' for domain '%s': "
                           "%s local[%s %s %s] remote[%s %s %s] %s",
                           virDomainGetName(dom), VSH_PICK(phases, phase),
                           local->family == VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_IPV6 ?
                           "ipv6" : "ipv4", local->node, local->service,
                           remote->family == VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_IPV6 ?
                           "ipv6" : "ipv4", remote->node, remote->service,
                           authScheme);
    for (i = 0; subject && i < subject->nidentity; i++)
        g_string_append_printf(msg, " %s=%s", subject->identities[i].type,
                               subject->identities[i].name);
    vshEvOut(opaque, "%s\n", msg->str);
}


static const char *const vshBlockJobTypes[] = {
    "unknown", "pull", "copy", "commit", "active commit", "backup",
};
static const char *const vshBlockJobStatus[] = {
    "completed", "failed", "canceled", "ready",
};

#define VSH_EV_BLOCKJOB(func, name) \
static void \
func(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, const char *disk, \
     int type, int status, void *opaque) \
{ \
    vshEvOut(opaque, "event '" name "' for domain '%s': %s for %s %s\n", \
                  virDomainGetName(dom), VSH_PICK(vshBlockJobTypes, type), \
                  disk, VSH_PICK(vshBlockJobStatus, status)); \
}

VSH_EV_BLOCKJOB(vshEvBlockJob, "block-job")
VSH_EV_BLOCKJOB(vshEvBlockJob2, "block-job-2")


static void
vshEvDiskChange(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                const char *oldSrc, const char *newSrc, const char *alias,
                int reason, void *opaque)
{
    static const char *const reasons[] = { "start", "missing", "dropped" };

    vshEvOut(opaque, "event 'disk-change' for domain '%s' disk %s: "
                  "%s -> %s: %s\n", virDomainGetName(dom), alias,
                  oldSrc ? oldSrc : "", newSrc ? newSrc : "",
                  VSH_PICK(reasons, reason));
}


static void
vshEvTrayChange(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                const char *alias, int reason, void *opaque)
{
    static const char *const reasons[] = { "opened", "closed" };

    vshEvOut(opaque, "event 'tray-change' for domain '%s' disk %s: %s\n",
                  virDomainGetName(dom), alias, VSH_PICK(reasons, reason));
}


/* virsh shows no reason for these: none is defined yet. */
#define VSH_EV_PM(func, name) \
static void \
func(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, \
     int reason G_GNUC_UNUSED, void *opaque) \
{ \
    vshEvOut(opaque, "event '" name "' for domain '%s'\n", \
                  virDomainGetName(dom)); \
}

VSH_EV_PM(vshEvPMWakeup, "pm-wakeup")
VSH_EV_PM(vshEvPMSuspend, "pm-suspend")
VSH_EV_PM(vshEvPMSuspendDisk, "pm-suspend-disk")


static void
vshEvBalloonChange(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                   unsigned long long actual, void *opaque)
{
    vshEvOut(opaque, "event 'balloon-change' for domain '%s': %lluKiB\n",
                  virDomainGetName(dom), actual);
}


#define VSH_EV_DEVICE(func, name) \
static void \
func(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, const char *alias, \
     void *opaque) \
{ \
    vshEvOut(opaque, "event '" name "' for domain '%s': %s\n", \
                  virDomainGetName(dom), alias); \
}

VSH_EV_DEVICE(vshEvDeviceRemoved, "device-removed")
VSH_EV_DEVICE(vshEvDeviceAdded, "device-added")
VSH_EV_DEVICE(vshEvDeviceRemovalFailed, "device-removal-failed")


static void
vshEvTunable(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
             virTypedParameterPtr params, int nparams, void *opaque)
{
    g_autoptr(GString) msg = g_string_new(NULL);
    int i;

    g_string_append_printf(msg, "event 'tunable' for domain '%s':\n",
                           virDomainGetName(dom));
    for (i = 0; i < nparams; i++) {
        g_string_append_printf(msg, "\t%s: ", params[i].field);
        switch (params[i].type) {
        case VIR_TYPED_PARAM_INT:
            g_string_append_printf(msg, "%d", params[i].value.i);
            break;
        case VIR_TYPED_PARAM_UINT:
            g_string_append_printf(msg, "%u", params[i].value.ui);
            break;
        case VIR_TYPED_PARAM_LLONG:
            g_string_append_printf(msg, "%lld", params[i].value.l);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            g_string_append_printf(msg, "%llu", params[i].value.ul);
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            g_string_append_printf(msg, "%f", params[i].value.d);
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            g_string_append(msg, params[i].value.b ? "yes" : "no");
            break;
        case VIR_TYPED_PARAM_STRING:
            g_string_append(msg, params[i].value.s);
            break;
        }
        g_string_append_c(msg, '\n');
    }
    vshEvOut(opaque, "%s", msg->str);
}


static void
vshEvAgentLifecycle(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                    int state, int reason, void *opaque)
{
    static const char *const states[] = { "unknown", "connected", "disconnected" };
    static const char *const reasons[] = {
        "unknown", "domain started", "channel event",
    };

    vshEvOut(opaque, "event 'agent-lifecycle' for domain '%s': "
                  "state: '%s' reason: '%s'\n", virDomainGetName(dom),
                  VSH_PICK(states, state), VSH_PICK(reasons, reason));
}


static void
vshEvMigrationIteration(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                        int iteration, void *opaque)
{
    vshEvOut(opaque, "event 'migration-iteration' for domain '%s': "
                  "iteration: '%d'\n", virDomainGetName(dom), iteration);
}


static void
vshEvJobCompleted(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                  virTypedParameterPtr params G_GNUC_UNUSED,
                  int nparams G_GNUC_UNUSED, void *opaque)
{
    vshEvOut(opaque, "event 'job-completed' for domain '%s':\n",
                  virDomainGetName(dom));
}


static void
vshEvMetadataChange(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                    int type, const char *nsuri, void *opaque)
{
    static const char *const types[] = { "description", "title", "element" };

    vshEvOut(opaque, "event 'metadata-change' for domain '%s': "
                  "type %s, uri %s\n", virDomainGetName(dom),
                  VSH_PICK(types, type), nsuri ? nsuri : "n/a");
}


static void
vshEvBlockThreshold(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                    const char *dev, const char *path,
                    unsigned long long threshold, unsigned long long excess,
                    void *opaque)
{
    vshEvOut(opaque, "event 'block-threshold' for domain '%s': "
                  "dev: %s(%s) %llu %llu\n", virDomainGetName(dom), dev,
                  path ? path : "", threshold, excess);
}


static void
vshEvMemoryFailure(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                   int recipient, int action, unsigned int flags,
                   void *opaque)
{
    static const char *const recipients[] = { "hypervisor", "guest" };
    static const char *const actions[] = {
        "ignore", "inject", "fatal", "reset",
    };

    vshEvOut(opaque, "event 'memory-failure' for domain '%s':\n"
                  "recipient: %s\naction: %s\n"
                  "flags:\n\taction required: %d\n\trecursive: %d\n",
                  virDomainGetName(dom), VSH_PICK(recipients, recipient),
                  VSH_PICK(actions, action),
                  !!(flags & VIR_DOMAIN_MEMORY_FAILURE_ACTION_REQUIRED),
                  !!(flags & VIR_DOMAIN_MEMORY_FAILURE_RECURSIVE));
}


static void
vshEvMemoryDeviceSizeChange(virConnectPtr conn G_GNUC_UNUSED,
                            virDomainPtr dom, const char *alias,
                            unsigned long long size, void *opaque)
{
    vshEvOut(opaque, "event 'memory-device-size-change' for domain "
                  "'%s':\nalias: %s\nsize: %llu\n", virDomainGetName(dom),
                  alias, size);
}


/* Indexed by virDomainEventID, like the names. */
static const virConnectDomainEventGenericCallback vshDomainEventCallbacks[] = {
    VIR_DOMAIN_EVENT_CALLBACK(vshEvLifecycle),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvReboot),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvRTCChange),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvWatchdog),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvIOError),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvGraphics),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvIOErrorReason),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvControlError),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvBlockJob),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvDiskChange),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvTrayChange),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvPMWakeup),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvPMSuspend),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvBalloonChange),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvPMSuspendDisk),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvDeviceRemoved),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvBlockJob2),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvTunable),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvAgentLifecycle),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvDeviceAdded),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvMigrationIteration),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvJobCompleted),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvDeviceRemovalFailed),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvMetadataChange),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvBlockThreshold),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvMemoryFailure),
    VIR_DOMAIN_EVENT_CALLBACK(vshEvMemoryDeviceSizeChange),
};
G_STATIC_ASSERT(G_N_ELEMENTS(vshDomainEventCallbacks) ==
                VIR_DOMAIN_EVENT_ID_LAST);


/* ---- event ---- */

static const vshCmdOptDef vshOptsEvent[] = {
    { "domain", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "only events of this domain (name, id or UUID)" },
    { "event", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the kind of event to wait for" },
    { "all", VSH_OT_BOOL, 0, "wait for events of every kind" },
    { "loop", VSH_OT_BOOL, 0, "keep waiting after the first event" },
    { "timeout", VSH_OT_INT, VSH_OFLAG_POSITIONAL,
      "give up after this many seconds" },
    { "list", VSH_OT_BOOL, 0, "print the kinds of event and stop" },
    { "timestamp", VSH_OT_BOOL, 0, "print the time before each event" },
    VSH_OPT_END
};


static bool
vshCmdEvent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    vshEventData data = { 0 };
    g_autofree int *ids = NULL;
    const char *event = NULL;
    bool all = vshCmdOptBool(cmd, "all");
    int timeout = 0;
    int first;
    int last;
    int rc;
    int i;
    bool ret = false;

    if (!vshCmdExclusive(ctl, cmd, "list", "all") ||
        !vshCmdExclusive(ctl, cmd, "list", "event") ||
        !vshCmdExclusive(ctl, cmd, "all", "event"))
        return false;
    if (vshCmdOptBool(cmd, "list")) {
        for (i = 0; vshDomainEventNames[i]; i++)
            vshPrint(ctl, "%s\n", vshDomainEventNames[i]);
        return true;
    }
    if (vshCmdOptString(ctl, cmd, "event", &event) < 0)
        return false;
    if (!event && !all) {
        vshError(ctl, "%s", "one of --list, --all, or --event <type> is required");
        return false;
    }
    if (event) {
        for (first = 0; vshDomainEventNames[first]; first++) {
            if (strcmp(vshDomainEventNames[first], event) == 0)
                break;
        }
        if (!vshDomainEventNames[first]) {
            vshError(ctl, "unknown event type %s", event);
            return false;
        }
        last = first + 1;
    } else {
        first = 0;
        last = VIR_DOMAIN_EVENT_ID_LAST;
    }
    if ((rc = vshCmdOptInt(ctl, cmd, "timeout", &timeout)) < 0)
        return false;
    if (rc > 0 && (timeout <= 0 || timeout > INT_MAX / 1000)) {
        size_t iter = 0;
        const char *str = vshCmdOptArgv(cmd, "timeout", &iter);

        vshError(ctl, "Numeric value '%s' for <timeout> option is malformed "
                 "or out of range", str ? str : "");
        return false;
    }
    if (vshCmdOptBool(cmd, "domain") &&
        !(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    /* one record counts the events of every registration */
    data.ctl = ctl;
    data.eventId = first;
    data.loop = vshCmdOptBool(cmd, "loop");
    data.timestamp = vshCmdOptBool(cmd, "timestamp");
    data.timeout = timeout;
    ids = g_new0(int, last - first);
    for (i = first; i < last; i++)
        ids[i - first] = -1;
    for (i = first; i < last; i++) {
        if ((ids[i - first] =
             virConnectDomainEventRegisterAny(ctl->conn, dom, i,
                                              vshDomainEventCallbacks[i],
                                              &data, NULL)) < 0)
            goto cleanup;
    }

    ret = vshEventWait(ctl, &data);

 cleanup:
    for (i = first; i < last; i++) {
        if (ids[i - first] >= 0)
            virConnectDomainEventDeregisterAny(ctl->conn, ids[i - first]);
    }
    return ret;
}


const vshCmdDef vshEventCmds[] = {
    { "event", vshCmdEvent, vshOptsEvent,
      "wait for domain events and print them",
      "Waits for one event (or, with --loop, until the timeout or Ctrl-C)\n"
      "of one kind or of every kind, and prints each as it comes.", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
