/* vsh-cmd-nodedev.c: host device commands (the "nodedev" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "vsh.h"

#define VSH_OPT_DEVICE(helptext) \
    { "device", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }

static void
vshNodeDevFree(virNodeDevicePtr dev)
{
    if (dev)
        virNodeDeviceFree(dev);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDevice, vshNodeDevFree)


/* 16 hex digits, optionally after "0x", like the WWNs of FC HBAs. */
static bool
vshValidWWN(const char *wwn)
{
    size_t i;

    if (g_ascii_strncasecmp(wwn, "0x", 2) == 0)
        wwn += 2;
    for (i = 0; wwn[i]; i++) {
        if (!g_ascii_isxdigit(wwn[i]))
            return false;
    }
    return i == 16;
}


/* The "device" option: a name, or (when @wwn) "WWNN,WWPN" of a SCSI
 * host. */
static virNodeDevicePtr
vshLookupNodeDev(vshControl *ctl, const vshCmd *cmd, bool wwn,
                 const char **name)
{
    virNodeDevicePtr dev = NULL;
    const char *str;
    const char *comma;

    if (vshCmdOptString(ctl, cmd, "device", &str) <= 0)
        return NULL;
    if (name)
        *name = str;

    if (wwn && (comma = strchr(str, ','))) {
        g_autofree char *wwnn = g_strndup(str, comma - str);
        const char *wwpn = comma + 1;

        if (!vshValidWWN(wwnn)) {
            vshError(ctl, "internal error: Malformed wwn: %s", wwnn);
            return NULL;
        }
        if (!vshValidWWN(wwpn)) {
            vshError(ctl, "internal error: Malformed wwn: %s", wwpn);
            return NULL;
        }
        dev = virNodeDeviceLookupSCSIHostByWWN(ctl->conn, wwnn, wwpn, 0);
    } else {
        dev = virNodeDeviceLookupByName(ctl->conn, str);
    }
    if (!dev)
        vshError(ctl, "Could not find matching device '%s'", str);
    return dev;
}


/* ---- nodedev-list -------------------------------------------------- */

static const char *const vshNodeDevCapNames[] = {
    "system", "pci", "usb_device", "usb", "net", "scsi_host", "scsi_target",
    "scsi", "storage", "fc_host", "vports", "scsi_generic", "drm",
    "mdev_types", "mdev", "ccw", "css", "vdpa", "ap_card", "ap_queue",
    "ap_matrix", "vpd", NULL,
};

static const vshCmdOptDef vshOptsNodeDevList[] = {
    { "tree", VSH_OT_BOOL, 0, "draw the devices as a tree of parents" },
    { "cap", VSH_OT_STRING, 0, "only devices with one of these comma-separated capabilities" },
    { "inactive", VSH_OT_BOOL, 0, "only devices that are defined but not active" },
    { "all", VSH_OT_BOOL, 0, "active and inactive devices together" },
    VSH_OPT_END
};

static int
vshNodeDevSorter(const void *a, const void *b)
{
    return g_ascii_strcasecmp(virNodeDeviceGetName(*(virNodeDevicePtr const *)a),
                              virNodeDeviceGetName(*(virNodeDevicePtr const *)b));
}

static bool
vshCmdNodeDevList(vshControl *ctl, const vshCmd *cmd)
{
    bool tree = vshCmdOptBool(cmd, "tree");
    bool inactive = vshCmdOptBool(cmd, "inactive");
    bool all = vshCmdOptBool(cmd, "all");
    virNodeDevicePtr *devs = NULL;
    const char *caps = NULL;
    unsigned int flags = 0;
    int n, i;

    if (vshCmdOptString(ctl, cmd, "cap", &caps) < 0)
        return false;
    if (inactive && all) {
        vshError(ctl, "%s", "Option --all is incompatible with --inactive");
        return false;
    }
    if (tree && (caps || inactive)) {
        vshError(ctl, "%s", "Option --tree is incompatible with --cap and --inactive");
        return false;
    }
    if (caps) {
        g_auto(GStrv) parts = g_strsplit(caps, ",", -1);
        size_t j, k;

        for (j = 0; parts[j]; j++) {
            if (!*parts[j])
                continue;
            for (k = 0; vshNodeDevCapNames[k]; k++) {
                if (strcmp(vshNodeDevCapNames[k], parts[j]) == 0)
                    break;
            }
            if (!vshNodeDevCapNames[k]) {
                vshError(ctl, "%s", "Invalid capability type");
                return false;
            }
            flags |= 1U << k;
        }
    }
    if (inactive || all)
        flags |= VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE;
    if (!inactive)
        flags |= VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE;

    if ((n = virConnectListAllNodeDevices(ctl->conn, &devs, flags)) < 0) {
        vshError(ctl, "%s", "Failed to list node devices");
        return false;
    }
    qsort(devs, n, sizeof(*devs), vshNodeDevSorter);

    if (tree) {
        g_autofree vshTreeItem *items = g_new0(vshTreeItem, n);
        for (i = 0; i < n; i++) {
            const char *parent = virNodeDeviceGetParent(devs[i]);
            int j;

            items[i].name = virNodeDeviceGetName(devs[i]);
            /* a parent outside the list makes the device a root */
            for (j = 0; parent && j < n; j++) {
                if (strcmp(parent, virNodeDeviceGetName(devs[j])) == 0)
                    break;
            }
            items[i].parent = parent && j < n ? parent : NULL;
        }
        vshResetLibvirtError();
        vshTreePrint(ctl, items, n);
    } else {
        for (i = 0; i < n; i++)
            vshPrint(ctl, "%s\n", virNodeDeviceGetName(devs[i]));
    }

    for (i = 0; i < n; i++)
        virNodeDeviceFree(devs[i]);
    free(devs);
    return true;
}


/* ---- nodedev-info, nodedev-dumpxml --------------------------------- */

static const vshCmdOptDef vshOptsNodeDevWWN[] = {
    VSH_OPT_DEVICE("the device, by name or as 'WWNN,WWPN'"),
    VSH_OPT_END
};

static bool
vshCmdNodeDevInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    const char *parent;
    int autostart;

    if (!(dev = vshLookupNodeDev(ctl, cmd, true, NULL)))
        return false;
    parent = virNodeDeviceGetParent(dev);
    vshPrint(ctl, "%-15s %s\n", "Name:", virNodeDeviceGetName(dev));
    vshPrint(ctl, "%-15s %s\n", "Parent:", parent ? parent : "");
    /* an error (-1) counts as yes, as virsh shows it */
    vshPrint(ctl, "%-15s %s\n", "Active:", virNodeDeviceIsActive(dev) ? "yes" : "no");
    vshPrint(ctl, "%-15s %s\n", "Persistent:",
             virNodeDeviceIsPersistent(dev) ? "yes" : "no");
    if (virNodeDeviceGetAutostart(dev, &autostart) < 0)
        vshPrint(ctl, "%-15s %s\n", "Autostart:", "no autostart");
    else
        vshPrint(ctl, "%-15s %s\n", "Autostart:", autostart ? "yes" : "no");
    vshResetLibvirtError();
    return true;
}


static const vshCmdOptDef vshOptsNodeDevDumpxml[] = {
    VSH_OPT_DEVICE("the device, by name or as 'WWNN,WWPN'"),
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdNodeDevDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    g_autofree char *xml = NULL;

    if (!(dev = vshLookupNodeDev(ctl, cmd, true, NULL)))
        return false;
    if (!(xml = virNodeDeviceGetXMLDesc(dev, 0)))
        return false;
    return vshPrintXMLDoc(ctl, cmd, xml);
}


/* ---- nodedev-create, nodedev-define, nodedev-destroy, ... ---------- */

static const vshCmdOptDef vshOptsNodeDevFile[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the device's XML description" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdNodeDevCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_NODE_DEVICE_CREATE_XML_VALIDATE;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (!(dev = virNodeDeviceCreateXML(ctl->conn, xml, flags))) {
        vshError(ctl, "Failed to create node device from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Node device %s created from %s\n",
                  virNodeDeviceGetName(dev), file);
    return true;
}


static bool
vshCmdNodeDevDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_NODE_DEVICE_DEFINE_XML_VALIDATE;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (!(dev = virNodeDeviceDefineXML(ctl->conn, xml, flags))) {
        vshError(ctl, "Failed to define node device from '%s'", file);
        return false;
    }
    vshPrintExtra(ctl, "Node device '%s' defined from '%s'\n",
                  virNodeDeviceGetName(dev), file);
    return true;
}


static bool
vshCmdNodeDevDestroy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    const char *name;

    if (!(dev = vshLookupNodeDev(ctl, cmd, true, &name)))
        return false;
    if (virNodeDeviceDestroy(dev) < 0) {
        vshError(ctl, "Failed to destroy node device '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Destroyed node device '%s'\n", name);
    return true;
}


static bool
vshCmdNodeDevUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    const char *name;

    if (!(dev = vshLookupNodeDev(ctl, cmd, true, &name)))
        return false;
    if (virNodeDeviceUndefine(dev, 0) < 0) {
        vshError(ctl, "Failed to undefine node device '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Undefined node device '%s'\n", name);
    return true;
}


static const vshCmdOptDef vshOptsNodeDevName[] = {
    VSH_OPT_DEVICE("the device's name"),
    VSH_OPT_END
};

static bool
vshCmdNodeDevStart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    const char *name;

    if (!(dev = vshLookupNodeDev(ctl, cmd, false, &name)))
        return false;
    if (virNodeDeviceCreate(dev, 0) < 0) {
        vshError(ctl, "Failed to start device %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Device %s started\n", name);
    return true;
}


static const vshCmdOptDef vshOptsNodeDevAutostart[] = {
    VSH_OPT_DEVICE("the device, by name or as 'WWNN,WWPN'"),
    { "disable", VSH_OT_BOOL, 0, "turn autostart off instead of on" },
    VSH_OPT_END
};

static bool
vshCmdNodeDevAutostart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    bool disable = vshCmdOptBool(cmd, "disable");
    const char *name;

    if (!(dev = vshLookupNodeDev(ctl, cmd, true, &name)))
        return false;
    if (virNodeDeviceSetAutostart(dev, disable ? 0 : 1) < 0) {
        vshError(ctl, "failed to %smark device %s as autostarted",
                 disable ? "un" : "", name);
        return false;
    }
    vshPrintExtra(ctl, "Device %s %smarked as autostarted\n", name,
                  disable ? "un" : "");
    return true;
}


/* ---- nodedev-detach, nodedev-reattach, nodedev-reset --------------- */

static const vshCmdOptDef vshOptsNodeDevDetach[] = {
    VSH_OPT_DEVICE("the device's name"),
    { "driver", VSH_OT_STRING, 0, "the assignment backend (such as vfio)" },
    VSH_OPT_END
};

static bool
vshCmdNodeDevDetach(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    const char *driver = NULL;
    const char *name;
    int rc;

    if (vshCmdOptString(ctl, cmd, "driver", &driver) < 0)
        return false;
    if (!(dev = vshLookupNodeDev(ctl, cmd, false, &name)))
        return false;
    if (driver)
        rc = virNodeDeviceDetachFlags(dev, driver, 0);
    else
        rc = virNodeDeviceDettach(dev);
    if (rc < 0) {
        vshError(ctl, "Failed to detach device %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Device %s detached\n", name);
    return true;
}


static bool
vshCmdNodeDevReattach(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    const char *name;

    if (!(dev = vshLookupNodeDev(ctl, cmd, false, &name)))
        return false;
    if (virNodeDeviceReAttach(dev) < 0) {
        vshError(ctl, "Failed to re-attach device %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Device %s re-attached\n", name);
    return true;
}


static bool
vshCmdNodeDevReset(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    const char *name;

    if (!(dev = vshLookupNodeDev(ctl, cmd, false, &name)))
        return false;
    if (virNodeDeviceReset(dev) < 0) {
        vshError(ctl, "Failed to reset device %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Device %s reset\n", name);
    return true;
}


/* ---- nodedev-event ------------------------------------------------- */

static const char *const vshNodeDevEventNames[] = { "lifecycle", "update", NULL };

static const char *const vshNodeDevLifecycleNames[] = {
    "Created", "Deleted", "Defined", "Undefined",
};

static void
vshNodeDevEventLifecycle(virConnectPtr conn G_GNUC_UNUSED, virNodeDevicePtr dev,
                         int event, int detail G_GNUC_UNUSED, void *opaque)
{
    vshEventPrint(opaque, "event 'lifecycle' for node device %s: %s\n",
                  virNodeDeviceGetName(dev),
                  event >= 0 && (size_t)event < G_N_ELEMENTS(vshNodeDevLifecycleNames) ?
                  vshNodeDevLifecycleNames[event] : "unknown");
}

static void
vshNodeDevEventUpdate(virConnectPtr conn G_GNUC_UNUSED, virNodeDevicePtr dev,
                      void *opaque)
{
    vshEventPrint(opaque, "event 'update' for node device %s\n",
                  virNodeDeviceGetName(dev));
}

static const vshCmdOptDef vshOptsNodeDevEvent[] = {
    { "device", VSH_OT_STRING, 0, "only events of this device (name)" },
    VSH_OPTS_EVENT,
    VSH_OPT_END
};

static bool
vshCmdNodeDevEvent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNodeDevice) dev = NULL;
    vshEventData data;
    const char *name = NULL;
    int id;
    bool ret;

    if (!vshEventPrepare(ctl, cmd, vshNodeDevEventNames, &data))
        return data.listed;
    if (vshCmdOptString(ctl, cmd, "device", &name) < 0)
        return false;
    /* (unlike net-event and pool-event, an unknown device is fatal) */
    if (name && !(dev = virNodeDeviceLookupByName(ctl->conn, name))) {
        vshError(ctl, "Could not find matching device '%s'", name);
        return false;
    }

    id = virConnectNodeDeviceEventRegisterAny(ctl->conn, dev, data.eventId,
                                              data.eventId == VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE ?
                                              VIR_NODE_DEVICE_EVENT_CALLBACK((void (*)(void))vshNodeDevEventLifecycle) :
                                              VIR_NODE_DEVICE_EVENT_CALLBACK(vshNodeDevEventUpdate),
                                              &data, NULL);
    if (id < 0)
        return false;
    ret = vshEventWait(ctl, &data);
    virConnectNodeDeviceEventDeregisterAny(ctl->conn, id);
    return ret;
}


const vshCmdDef vshNodeDevCmds[] = {
    { "nodedev-autostart", vshCmdNodeDevAutostart, vshOptsNodeDevAutostart,
      "choose whether a defined device starts with the host", NULL, 0 },
    { "nodedev-create", vshCmdNodeDevCreate, vshOptsNodeDevFile,
      "create a device (such as a vHBA) from an XML file", NULL, 0 },
    { "nodedev-define", vshCmdNodeDevDefine, vshOptsNodeDevFile,
      "add a persistent device definition from an XML file", NULL, 0 },
    { "nodedev-destroy", vshCmdNodeDevDestroy, vshOptsNodeDevWWN,
      "remove a device that was created (such as a vHBA)", NULL, 0 },
    { "nodedev-detach", vshCmdNodeDevDetach, vshOptsNodeDevDetach,
      "take a device from its host driver for assignment to guests", NULL, 0 },
    { "nodedev-dumpxml", vshCmdNodeDevDumpxml, vshOptsNodeDevDumpxml,
      "print a device's XML description", NULL, 0 },
    { "nodedev-event", vshCmdNodeDevEvent, vshOptsNodeDevEvent,
      "wait for device events and print them", NULL, 0 },
    { "nodedev-info", vshCmdNodeDevInfo, vshOptsNodeDevWWN,
      "show basic facts about a device", NULL, 0 },
    { "nodedev-list", vshCmdNodeDevList, vshOptsNodeDevList,
      "list the host's devices", NULL, 0 },
    { "nodedev-reattach", vshCmdNodeDevReattach, vshOptsNodeDevName,
      "give a detached device back to its host driver", NULL, 0 },
    { "nodedev-reset", vshCmdNodeDevReset, vshOptsNodeDevName,
      "reset a device", NULL, 0 },
    { "nodedev-start", vshCmdNodeDevStart, vshOptsNodeDevName,
      "start a defined device", NULL, 0 },
    { "nodedev-undefine", vshCmdNodeDevUndefine, vshOptsNodeDevWWN,
      "remove a device's persistent definition", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
