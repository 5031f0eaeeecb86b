/* qemu_driver.h: the QEMU hypervisor driver's state, shared by
 * qemu_driver.c (the API) and qemu_process.c (QEMU processes).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One qemuDriver per daemon serves every qemu:/// connection.  Fields
 * below `lock` are guarded by it.  Monitor events arrive on the
 * monitors' reader threads and are queued to the driver's worker thread,
 * which takes the lock; so an API call may wait for a monitor reply
 * while holding the lock without blocking the events.
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>

#include "datatypes.h"
#include "conf/domain_conf.h"
#include "qemu/qemu_capabilities.h"
#include "qemu/qemu_conf.h"
#include "qemu/qemu_events.h"
#include "qemu/qemu_monitor.h"
#include "security/security_manager.h"

typedef struct _qemuDomainObj qemuDomainObj;
struct _qemuDomainObj {
    virDomainDef *def;          /* the live definition while running */
    virDomainDef *newDef;       /* the persistent one while running */
    int state;                  /* virDomainState */
    int reason;
    bool persistent;
    bool autostart;

    /* while running */
    pid_t pid;
    qemuMonitor *mon;
    char *domainDir;            /* monitor socket, HOME of the process */
    bool rememberOwner;         /* the setting labels were made with */
    bool fakeReboot;            /* a reboot by ACPI is under way */
    bool stopping;              /* we are killing it: EOF is expected */
    /* STOP / RESUME events our own stop / cont will still bring: the
     * worker sees them after the call that caused them has returned */
    unsigned int expectStop;
    unsigned int expectResume;
};

typedef struct _qemuDriver qemuDriver;
struct _qemuDriver {
    bool privileged;
    char *stateDir;             /* persistent definitions: NAME.xml */
    char *runDir;               /* status files, pid files, domain dirs */
    char *logDir;               /* NAME.log: QEMU's stdout and stderr */
    char *qemuConfPath;
    virQEMUDriverConfig *cfg;
    virSecurityManager *secMgr;
    qemuEventState *events;     /* own lock */
    bool kvm;                   /* /dev/kvm exists */

    GAsyncQueue *work;          /* qemuWorkItem *, for the worker */
    GThread *worker;

    GMutex lock;
    qemuCaps *caps;             /* of the default emulator, once asked */
    GPtrArray *domains;         /* qemuDomainObj * */
    int nextID;
};

/* qemu_driver.c */
void qemuDomainObjFree(qemuDomainObj *obj);
qemuDomainObj *qemuDomainObjFindByUUID(qemuDriver *drv,
                                       const unsigned char *uuid);
qemuDomainObj *qemuDomainObjFindByName(qemuDriver *drv, const char *name);
void qemuDomainObjRemove(qemuDriver *drv, qemuDomainObj *obj);
void qemuDomainObjEvent(qemuDriver *drv, qemuDomainObj *obj, int event,
                        int detail);
int qemuDomainSaveConfig(qemuDriver *drv, virDomainDef *def);

/* qemu_process.c: all called with the driver lock held. */
int qemuProcessStart(qemuDriver *drv, qemuDomainObj *obj, bool paused);
/* Kill QEMU if it still runs, give the files back, forget the runtime
 * state; the domain goes to shut off with `reason` and a STOPPED event
 * with `detail` is queued. */
void qemuProcessStop(qemuDriver *drv, qemuDomainObj *obj, int reason,
                     int detail);
/* stop / cont through the monitor, noting the event each will bring. */
int qemuProcessStopCPUs(qemuDomainObj *obj);
int qemuProcessStartCPUs(qemuDomainObj *obj);
/* Kill the process (SIGTERM, then SIGKILL after a grace period). */
int qemuProcessKill(qemuDomainObj *obj);
int qemuProcessWriteStatus(qemuDriver *drv, qemuDomainObj *obj);
/* At daemon start: reattach to the QEMU processes the status files name
 * and clean up after the ones that died. */
void qemuProcessReconnectAll(qemuDriver *drv);
/* The worker thread that handles monitor events and EOFs. */
gpointer qemuProcessWorker(gpointer opaque);
void qemuProcessWorkerStop(qemuDriver *drv);

/* virtkitd's entry: register the qemu:/// driver.  `stateDir`/`runDir`
 * are virtkitd's state_dir and run_dir (the driver uses their "qemu"
 * subfolders); `qemuConf` the qemu.conf path (NULL: the default). */
int qemuRegister(const char *stateDir, const char *runDir,
                 const char *qemuConf, bool privileged);
