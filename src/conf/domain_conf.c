/* domain_conf.c: <domain> XML parse and format (top-level elements).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Devices live in domain_conf_devices.c, defaults and whole-definition
 * checks in domain_postparse.c.
 */
#include <config.h>

#include <string.h>
#include <libxml/parser.h>

#include "conf/domain_conf_priv.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

#define virReportXMLError(code, ...) \
    virReportErrorFull(VIR_FROM_XML, code, __FILE__, __func__, __LINE__, \
                       __VA_ARGS__)

VIR_DOMAIN_ENUM_IMPL(virTristateBool, "default", "yes", "no")
VIR_DOMAIN_ENUM_IMPL(virTristateSwitch, "default", "on", "off")

VIR_DOMAIN_ENUM_IMPL(virDomainVirt,
                     "none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
                     "openvz", "test", "vmware", "hyperv", "vbox", "phyp",
                     "parallels", "bhyve", "vz", "ch")

VIR_DOMAIN_ENUM_IMPL(virDomainOS,
                     "hvm", "xen", "linux", "exe", "uml", "xenpvh")

VIR_DOMAIN_ENUM_IMPL(virDomainBoot, "fd", "cdrom", "hd", "network")

VIR_DOMAIN_ENUM_IMPL(virDomainLifecycleAction,
                     "destroy", "restart", "rename-restart", "preserve",
                     "coredump-destroy", "coredump-restart")

VIR_DOMAIN_ENUM_IMPL(virDomainLockFailure,
                     "default", "poweroff", "restart", "pause", "ignore")

VIR_DOMAIN_ENUM_IMPL(virDomainState,
                     "nostate", "running", "blocked", "paused", "shutdown",
                     "shutoff", "crashed", "pmsuspended")

VIR_DOMAIN_ENUM_IMPL(virDomainClockOffset,
                     "utc", "localtime", "variable", "timezone", "absolute")

VIR_DOMAIN_ENUM_IMPL(virDomainSeclabel, "default", "none", "dynamic", "static")

VIR_DOMAIN_ENUM_IMPL(virDomainFeature,
                     "acpi", "apic", "pae", "hap", "viridian", "privnet",
                     "hyperv", "kvm", "pvspinlock", "capabilities", "pmu",
                     "vmport", "gic", "smm", "ioapic", "hpt", "vmcoreinfo",
                     "htm", "nested-hv", "msrs", "ccf-assist", "xen", "cfpc",
                     "sbbc", "ibs", "tcg")

/* State reasons, per state, as libvirt names them. */
static const char *const virDomainNostateReasons[] = { "unknown", NULL };
static const char *const virDomainRunningReasons[] = {
    "unknown", "booted", "migrated", "restored", "from snapshot", "unpaused",
    "migration canceled", "save canceled", "wakeup", "crashed", "post-copy",
    "post-copy failed", NULL };
static const char *const virDomainBlockedReasons[] = { "unknown", NULL };
static const char *const virDomainPausedReasons[] = {
    "unknown", "user", "migration", "save", "dump", "ioerror", "watchdog",
    "from snapshot", "shutdown", "snapshot", "panicked", "starting up",
    "post-copy", "post-copy failed", "api error", NULL };
static const char *const virDomainShutdownReasons[] = { "unknown", "user", NULL };
static const char *const virDomainShutoffReasons[] = {
    "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved",
    "failed", "from snapshot", "daemon", NULL };
static const char *const virDomainCrashedReasons[] = { "unknown", "panicked", NULL };
static const char *const virDomainPMSuspendedReasons[] = { "unknown", NULL };

static const char *const *const virDomainStateReasons[] = {
    virDomainNostateReasons, virDomainRunningReasons, virDomainBlockedReasons,
    virDomainPausedReasons, virDomainShutdownReasons, virDomainShutoffReasons,
    virDomainCrashedReasons, virDomainPMSuspendedReasons,
};


const char *
virDomainStateReasonToString(int state, int reason)
{
    const char *const *table;
    int i;

    if (state < 0 || state >= (int)G_N_ELEMENTS(virDomainStateReasons) ||
        reason < 0)
        return NULL;
    table = virDomainStateReasons[state];
    for (i = 0; table[i]; i++) {
        if (i == reason)
            return table[i];
    }
    return NULL;
}


int
virDomainStateReasonFromString(int state, const char *reason)
{
    if (state < 0 || state >= (int)G_N_ELEMENTS(virDomainStateReasons) ||
        !reason)
        return -1;
    return virDomXMLTableLookup(virDomainStateReasons[state], reason);
}


/* Architectures libvirt knows by name. */
static const char *const virDomainArchNames[] = {
    "none", "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
    "ia64", "lm32", "loongarch64", "m68k", "microblaze", "microblazeel",
    "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc",
    "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32",
    "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64",
    "unicore32", "x86_64", "xtensa", "xtensaeb", NULL };

static const char *const virDomainNumatuneModes[] = {
    "strict", "preferred", "interleave", "restrictive", NULL };
static const char *const virDomainPlacementModes[] = {
    "default", "static", "auto", NULL };
static const char *const virDomainSmbiosModes[] = {
    "none", "emulate", "host", "sysinfo", NULL };
static const char *const virDomainLoaderTypes[] = { "none", "rom", "pflash", NULL };
static const char *const virDomainTimerNames[] = {
    "platform", "pit", "rtc", "hpet", "tsc", "kvmclock", "hypervclock",
    "armvtimer", NULL };
static const char *const virDomainTimerTickpolicies[] = {
    "delay", "catchup", "merge", "discard", NULL };
static const char *const virDomainTimerTracks[] = {
    "boot", "guest", "wall", "realtime", NULL };
static const char *const virDomainTimerModes[] = {
    "auto", "native", "emulate", "paravirt", "smpsafe", NULL };
static const char *const virDomainClockBases[] = { "utc", "localtime", NULL };
static const char *const virCPUModes[] = {
    "custom", "host-model", "host-passthrough", "maximum", NULL };
static const char *const virCPUMatches[] = {
    "minimum", "exact", "strict", NULL };
static const char *const virCPUChecks[] = {
    "default", "none", "partial", "full", NULL };
static const char *const virCPUFallbacks[] = { "allow", "forbid", NULL };
static const char *const virCPUFeaturePolicies[] = {
    "force", "require", "optional", "disable", "forbid", NULL };


/* ====================================================================== */
/* Allocation */

virDomainDef *
virDomainDefNew(void)
{
    virDomainDef *def = g_new0(virDomainDef, 1);

    def->id = -1;
    return def;
}


static void
virCPUDefFree(virCPUDef *cpu)
{
    size_t i;

    if (!cpu)
        return;
    g_free(cpu->model);
    g_free(cpu->vendor_id);
    g_free(cpu->vendor);
    for (i = 0; i < cpu->nfeatures; i++)
        g_free(cpu->features[i].name);
    g_free(cpu->features);
    g_free(cpu);
}


static void
virDomainFeatureSubsFree(virDomainFeatureSub *subs, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        g_free(subs[i].name);
        g_free(subs[i].attrName);
        g_free(subs[i].attrValue);
    }
    g_free(subs);
}


static void
virDomainLoaderDefFree(virDomainLoaderDef *loader)
{
    if (!loader)
        return;
    g_free(loader->type);
    g_free(loader->path);
    g_free(loader->nvram);
    g_free(loader->nvramTemplate);
    g_free(loader);
}


static void
virSecurityLabelDefFree(virSecurityLabelDef *sec)
{
    if (!sec)
        return;
    g_free(sec->model);
    g_free(sec->label);
    g_free(sec->imagelabel);
    g_free(sec->baselabel);
    g_free(sec);
}


#define VIR_DOMAIN_FREE_ARRAY(array, count, freefn) \
    do { \
        size_t i_; \
        for (i_ = 0; i_ < (count); i_++) \
            freefn((array)[i_]); \
        g_free(array); \
    } while (0)

void
virDomainDefFree(virDomainDef *def)
{
    size_t i;

    if (!def)
        return;

    g_free(def->name);
    g_free(def->title);
    g_free(def->description);
    if (def->metadata)
        xmlFreeDoc(def->metadata);
    g_free(def->cpuset);
    if (def->numatune) {
        g_free(def->numatune->nodeset);
        g_free(def->numatune);
    }

    g_free(def->os.arch);
    g_free(def->os.machine);
    g_free(def->os.firmware);
    g_free(def->os.init);
    g_strfreev(def->os.initargs);
    g_free(def->os.kernel);
    g_free(def->os.initrd);
    g_free(def->os.cmdline);
    g_free(def->os.dtb);
    g_free(def->os.root);
    virDomainLoaderDefFree(def->os.loader);

    g_free(def->hyperv_mode);
    virDomainFeatureSubsFree(def->hyperv, def->nhyperv);
    virDomainFeatureSubsFree(def->kvm, def->nkvm);
    g_free(def->gic_version_str);
    g_free(def->ioapic_driver);
    g_free(def->hpt_resizing);
    virCPUDefFree(def->cpu);

    g_free(def->clock.timezone);
    g_free(def->clock.localtimeAdjustment);
    g_free(def->clock.timers);

    g_free(def->emulator);
    VIR_DOMAIN_FREE_ARRAY(def->disks, def->ndisks, virDomainDiskDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->controllers, def->ncontrollers,
                          virDomainControllerDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->nets, def->nnets, virDomainNetDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->serials, def->nserials, virDomainChrDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->parallels, def->nparallels, virDomainChrDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->consoles, def->nconsoles, virDomainChrDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->channels, def->nchannels, virDomainChrDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->inputs, def->ninputs, virDomainInputDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->graphics, def->ngraphics,
                          virDomainGraphicsDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->sounds, def->nsounds, virDomainSoundDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->audios, def->naudios, virDomainAudioDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->videos, def->nvideos, virDomainVideoDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->hostdevs, def->nhostdevs,
                          virDomainHostdevDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->redirdevs, def->nredirdevs, virDomainChrDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->watchdogs, def->nwatchdogs,
                          virDomainWatchdogDefFree);
    virDomainMemballoonDefFree(def->memballoon);
    VIR_DOMAIN_FREE_ARRAY(def->rngs, def->nrngs, virDomainRNGDefFree);
    VIR_DOMAIN_FREE_ARRAY(def->panics, def->npanics, virDomainPanicDefFree);
    for (i = 0; i < def->nseclabels; i++)
        virSecurityLabelDefFree(def->seclabels[i]);
    g_free(def->seclabels);
    for (i = 0; i < VIR_DOMAIN_RAW_LAST; i++)
        g_free(def->raw[i]);
    g_free(def);
}


/* ====================================================================== */
/* Parsing: top-level pieces */

/* Keep the first element of each namespace (libvirt's rule), with
 * whitespace-only text dropped so the formatter can indent it. */
static void
virDomainMetadataStripBlanks(xmlNodePtr node)
{
    xmlNodePtr cur = node->children;

    while (cur) {
        xmlNodePtr next = cur->next;

        if (cur->type == XML_TEXT_NODE && xmlIsBlankNode(cur)) {
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
        } else if (cur->type == XML_ELEMENT_NODE) {
            virDomainMetadataStripBlanks(cur);
        }
        cur = next;
    }
}


/* A namespace the original element inherited from an ancestor (say the
 * <domain> root) is declared on <metadata> in libvirt's output, not on the
 * element: move such declarations from the copy up to our root. */
static void
virDomainMetadataHoistNs(xmlNodePtr root, xmlNodePtr copy, xmlNodePtr orig)
{
    xmlNsPtr *link = &copy->nsDef;

    while (*link) {
        xmlNsPtr ns = *link;
        xmlNsPtr o;
        bool own = false;

        for (o = orig->nsDef; o; o = o->next) {
            if (xmlStrEqual(o->prefix, ns->prefix) &&
                xmlStrEqual(o->href, ns->href))
                own = true;
        }
        if (own) {
            link = &ns->next;
            continue;
        }
        *link = ns->next;
        ns->next = NULL;
        if (!root->nsDef) {
            root->nsDef = ns;
        } else {
            xmlNsPtr last = root->nsDef;
            while (last->next)
                last = last->next;
            last->next = ns;
        }
    }
}


static int
virDomainMetadataParse(virDomainDef *def, xmlNodePtr node)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, (const xmlChar *)"metadata", NULL);
    g_autoptr(GPtrArray) seen = g_ptr_array_new();
    xmlNodePtr cur;

    xmlDocSetRootElement(doc, root);
    for (cur = node->children; cur; cur = cur->next) {
        xmlNodePtr copy;
        size_t i;
        bool dup = false;

        if (cur->type != XML_ELEMENT_NODE || !cur->ns || !cur->ns->href)
            continue;
        for (i = 0; i < seen->len; i++) {
            if (xmlStrEqual(g_ptr_array_index(seen, i), cur->ns->href))
                dup = true;
        }
        if (dup)
            continue;
        g_ptr_array_add(seen, (gpointer)cur->ns->href);
        copy = xmlDocCopyNode(cur, doc, 1);
        if (!copy) {
            xmlFreeDoc(doc);
            virReportError(VIR_ERR_NO_MEMORY, NULL);
            return -1;
        }
        xmlAddChild(root, copy);
        virDomainMetadataHoistNs(root, copy, cur);
        virDomainMetadataStripBlanks(copy);
    }
    def->metadata = doc;
    return 0;
}


static int
virDomainMemoryParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr maxmem = virDomXMLChild(root, "maxMemory");

    if (maxmem) {
        unsigned int slots = 0;
        int rc;

        if (virDomXMLParseMemory(root, "maxMemory", &def->max_memory) < 0)
            return -1;
        if ((rc = virDomXMLPropUInt(maxmem, "slots", 10, false, &slots)) < 0)
            return -1;
        if (rc == 0 || def->max_memory == 0 || slots == 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "both maximum memory size and memory slot count must be specified");
            return -1;
        }
        def->memory_slots = slots;
    }
    if (virDomXMLParseMemory(root, "memory", &def->total_memory) < 0)
        return -1;
    if (virDomXMLParseMemory(root, "currentMemory", &def->cur_balloon) < 0)
        return -1;
    return 0;
}


static int
virDomainVcpuParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr vcpu = virDomXMLChild(root, "vcpu");
    g_autofree char *text = NULL;
    g_autofree char *cpuset = NULL;
    unsigned int current = 0;
    int rc;

    def->maxvcpus = 1;
    def->placement_mode = 0;
    if (!vcpu) {
        def->vcpus = 1;
        return 0;
    }

    text = virDomXMLText(vcpu);
    if (virDomStrToUInt(text, 10, &def->maxvcpus) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "maximum vcpus count must be an integer");
        return -1;
    }
    if (def->maxvcpus == 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "CPU IDs in <numa> exceed the <vcpu> count");
        return -1;
    }
    if (def->maxvcpus > 16384) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "too many vcpus");
        return -1;
    }

    if ((rc = virDomXMLPropUInt(vcpu, "current", 10, false, &current)) < 0)
        return -1;
    def->vcpus = rc ? current : def->maxvcpus;
    if (def->vcpus == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "current vcpus count must be an integer");
        return -1;
    }
    if (def->vcpus > def->maxvcpus) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "maximum vCPU count must not be less than current vCPU count");
        return -1;
    }

    if (virDomXMLPropEnum(vcpu, "placement", virDomainPlacementModes, true,
                          &def->placement_mode) < 0)
        return -1;

    if ((cpuset = virDomXMLProp(vcpu, "cpuset")) &&
        def->placement_mode != 2) {
        if (virDomParseCPUList(cpuset, &def->cpuset) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainNumatuneParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr numa = virDomXMLChild(root, "numatune");
    xmlNodePtr mem;
    g_autofree char *nodeset = NULL;
    virDomainNumatuneDef *nt;

    if (!numa || !(mem = virDomXMLChild(numa, "memory")))
        return 0;

    nt = def->numatune = g_new0(virDomainNumatuneDef, 1);
    if (virDomXMLPropEnum(mem, "mode", virDomainNumatuneModes, false,
                          &nt->mode) < 0)
        return -1;
    if (virDomXMLPropEnum(mem, "placement", virDomainPlacementModes, true,
                          &nt->placement) < 0)
        return -1;
    if ((nodeset = virDomXMLProp(mem, "nodeset"))) {
        if (virDomParseCPUList(nodeset, &nt->nodeset) < 0)
            return -1;
        if (!nt->placement)
            nt->placement = 1;
    }
    if (!nt->placement)
        nt->placement = def->placement_mode == 2 ? 2 : 1;
    if (nt->placement == 1 && !nt->nodeset) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
        return -1;
    }
    return 0;
}


static int
virDomainOSParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr os = virDomXMLChild(root, "os");
    xmlNodePtr type = virDomXMLChild(os, "type");
    xmlNodePtr cur;
    g_autofree char *typestr = NULL;

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "an os <type> must be specified");
        return -1;
    }
    typestr = virDomXMLText(type);
    if ((def->os.type = virDomainOSTypeFromString(typestr)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown OS type '%s'",
                       typestr);
        return -1;
    }
    if ((def->os.arch = virDomXMLProp(type, "arch")) &&
        virDomXMLTableLookup(virDomainArchNames, def->os.arch) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Unknown architecture %s",
                       def->os.arch);
        return -1;
    }
    def->os.machine = virDomXMLProp(type, "machine");
    def->os.firmware = virDomXMLProp(os, "firmware");

    if (def->os.type == VIR_DOMAIN_OSTYPE_EXE) {
        def->os.init = virDomXMLChildText(os, "init");
        if (!def->os.init) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "init binary must be specified");
            return -1;
        }
    }
    {
        g_autoptr(GPtrArray) args = g_ptr_array_new();
        for (cur = os->children; cur; cur = cur->next) {
            if (cur->type == XML_ELEMENT_NODE &&
                xmlStrEqual(cur->name, (const xmlChar *)"initarg"))
                g_ptr_array_add(args, virDomXMLText(cur));
        }
        if (args->len) {
            g_ptr_array_add(args, NULL);
            def->os.initargs = (char **)g_ptr_array_steal(args, NULL);
        }
    }

    def->os.kernel = virDomXMLChildText(os, "kernel");
    def->os.initrd = virDomXMLChildText(os, "initrd");
    def->os.cmdline = virDomXMLChildText(os, "cmdline");
    def->os.dtb = virDomXMLChildText(os, "dtb");
    def->os.root = virDomXMLChildText(os, "root");

    if ((cur = virDomXMLChild(os, "loader"))) {
        virDomainLoaderDef *loader = def->os.loader = g_new0(virDomainLoaderDef, 1);
        int t = 0;

        if (virDomXMLPropTristate(cur, "readonly", false, &loader->readonly) < 0 ||
            virDomXMLPropTristate(cur, "secure", false, &loader->secure) < 0 ||
            virDomXMLPropTristate(cur, "stateless", false, &loader->stateless) < 0 ||
            virDomXMLPropEnum(cur, "type", virDomainLoaderTypes, true, &t) < 0)
            return -1;
        if (t)
            loader->type = g_strdup(virDomainLoaderTypes[t]);
        loader->path = virDomXMLText(cur);
        if (!*loader->path)
            g_clear_pointer(&loader->path, g_free);
    }
    if ((cur = virDomXMLChild(os, "nvram"))) {
        if (!def->os.loader)
            def->os.loader = g_new0(virDomainLoaderDef, 1);
        def->os.loader->nvram = virDomXMLText(cur);
        def->os.loader->nvramTemplate = virDomXMLProp(cur, "template");
    }

    for (cur = os->children; cur; cur = cur->next) {
        int dev = -1;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, (const xmlChar *)"boot"))
            continue;
        if (def->os.nBootDevs >= VIR_DOMAIN_BOOT_LAST)
            break;
        {
            g_autofree char *dev_str = virDomXMLPropRequired(cur, "dev");
            if (!dev_str)
                return -1;
            dev = virDomainBootTypeFromString(dev_str);
            if (dev < 0) {
                virReportXMLError(VIR_ERR_XML_ERROR,
                                  "Invalid value for attribute 'dev' in element 'boot': '%s'.",
                                  dev_str);
                return -1;
            }
        }
        def->os.bootDevs[def->os.nBootDevs++] = dev;
    }

    if ((cur = virDomXMLChild(os, "bootmenu"))) {
        int rc;
        if (virDomXMLPropTristate(cur, "enable", false, &def->os.bootmenu) < 0)
            return -1;
        if ((rc = virDomXMLPropUInt(cur, "timeout", 10, false,
                                    &def->os.bm_timeout)) < 0)
            return -1;
        def->os.bm_timeout_set = rc > 0;
    }
    if ((cur = virDomXMLChild(os, "bios"))) {
        int rc;
        if (virDomXMLPropTristate(cur, "useserial", false,
                                  &def->os.bios_useserial) < 0)
            return -1;
        if ((rc = virDomXMLPropInt(cur, "rebootTimeout",
                                   &def->os.bios_rebootTimeout)) < 0)
            return -1;
        def->os.bios_rebootTimeout_set = rc > 0;
    }
    if ((cur = virDomXMLChild(os, "smbios"))) {
        if (virDomXMLPropEnum(cur, "mode", virDomainSmbiosModes, true,
                              &def->os.smbios_mode) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainFeatureSubsParse(xmlNodePtr node, virDomainFeatureSub **subs,
                          size_t *nsubs)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        virDomainFeatureSub sub = { 0 };
        xmlAttrPtr attr;

        if (cur->type != XML_ELEMENT_NODE)
            continue;
        sub.name = g_strdup((const char *)cur->name);
        if (virDomXMLPropTristate(cur, "state", true, &sub.state) < 0) {
            g_free(sub.name);
            return -1;
        }
        /* the one extra attribute some entries carry (retries, value) */
        for (attr = cur->properties; attr; attr = attr->next) {
            if (xmlStrEqual(attr->name, (const xmlChar *)"state"))
                continue;
            sub.attrName = g_strdup((const char *)attr->name);
            sub.attrValue = virDomXMLProp(cur, sub.attrName);
            break;
        }
        *subs = g_renew(virDomainFeatureSub, *subs, *nsubs + 1);
        (*subs)[(*nsubs)++] = sub;
    }
    return 0;
}


static int
virDomainFeaturesParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr feats = virDomXMLChild(root, "features");
    xmlNodePtr cur;

    if (!feats)
        return 0;

    for (cur = feats->children; cur; cur = cur->next) {
        int f;
        int state = VIR_TRISTATE_YES;

        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if ((f = virDomainFeatureTypeFromString((const char *)cur->name)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unexpected feature '%s'", (const char *)cur->name);
            return -1;
        }

        switch ((virDomainFeature)f) {
        case VIR_DOMAIN_FEATURE_APIC:
            if (virDomXMLPropTristate(cur, "eoi", true, &def->apic_eoi) < 0)
                return -1;
            G_GNUC_FALLTHROUGH;
        case VIR_DOMAIN_FEATURE_ACPI:
        case VIR_DOMAIN_FEATURE_PAE:
        case VIR_DOMAIN_FEATURE_VIRIDIAN:
        case VIR_DOMAIN_FEATURE_PRIVNET:
            def->features[f] = VIR_TRISTATE_YES;
            break;

        case VIR_DOMAIN_FEATURE_HAP:
        case VIR_DOMAIN_FEATURE_PVSPINLOCK:
        case VIR_DOMAIN_FEATURE_PMU:
        case VIR_DOMAIN_FEATURE_VMPORT:
        case VIR_DOMAIN_FEATURE_SMM:
        case VIR_DOMAIN_FEATURE_VMCOREINFO:
        case VIR_DOMAIN_FEATURE_HTM:
        case VIR_DOMAIN_FEATURE_NESTED_HV:
        case VIR_DOMAIN_FEATURE_CCF_ASSIST:
            if (virDomXMLPropTristate(cur, "state", true, &state) < 0)
                return -1;
            def->features[f] = state;
            break;

        case VIR_DOMAIN_FEATURE_HYPERV:
            def->features[f] = VIR_TRISTATE_YES;
            /* A repeated feature element replaces the earlier one. */
            g_free(def->hyperv_mode);
            def->hyperv_mode = virDomXMLProp(cur, "mode");
            if (def->hyperv_mode &&
                STRNEQ(def->hyperv_mode, "custom") &&
                STRNEQ(def->hyperv_mode, "passthrough")) {
                virReportXMLError(VIR_ERR_XML_ERROR,
                                  "Invalid value for attribute 'mode' in element 'hyperv': '%s'.",
                                  def->hyperv_mode);
                return -1;
            }
            if (!def->hyperv_mode)
                def->hyperv_mode = g_strdup("custom");
            if (virDomainFeatureSubsParse(cur, &def->hyperv, &def->nhyperv) < 0)
                return -1;
            break;

        case VIR_DOMAIN_FEATURE_KVM:
            def->features[f] = VIR_TRISTATE_YES;
            if (virDomainFeatureSubsParse(cur, &def->kvm, &def->nkvm) < 0)
                return -1;
            break;

        case VIR_DOMAIN_FEATURE_GIC:
            def->features[f] = VIR_TRISTATE_YES;
            g_free(def->gic_version_str);
            def->gic_version_str = virDomXMLProp(cur, "version");
            break;
        case VIR_DOMAIN_FEATURE_IOAPIC:
            def->features[f] = VIR_TRISTATE_YES;
            g_free(def->ioapic_driver);
            def->ioapic_driver = virDomXMLProp(cur, "driver");
            break;
        case VIR_DOMAIN_FEATURE_HPT:
            def->features[f] = VIR_TRISTATE_YES;
            def->hpt_resizing = virDomXMLProp(cur, "resizing");
            break;

        case VIR_DOMAIN_FEATURE_MSRS:
        case VIR_DOMAIN_FEATURE_CFPC:
        case VIR_DOMAIN_FEATURE_SBBC:
        case VIR_DOMAIN_FEATURE_IBS: {
            /* one attribute each: kept as a single sub entry */
            virDomainFeatureSub *sub = NULL;
            size_t nsub = 0;
            xmlAttrPtr attr = cur->properties;
            def->features[f] = VIR_TRISTATE_YES;
            if (attr) {
                g_autofree char *val = virDomXMLProp(cur, (const char *)attr->name);
                sub = g_new0(virDomainFeatureSub, 1);
                sub->attrName = g_strdup((const char *)attr->name);
                sub->attrValue = g_steal_pointer(&val);
                nsub = 1;
            }
            /* stash in the kvm-style list under a reserved name */
            if (sub) {
                sub->name = g_strdup(virDomainFeatureTypeToString(f));
                def->kvm = g_renew(virDomainFeatureSub, def->kvm, def->nkvm + 1);
                def->kvm[def->nkvm] = *sub;
                def->kvm[def->nkvm].state = -1;   /* marks a feature attr */
                def->nkvm++;
                g_free(sub);
            }
            (void)nsub;
            break;
        }

        case VIR_DOMAIN_FEATURE_CAPABILITIES:
        case VIR_DOMAIN_FEATURE_XEN:
        case VIR_DOMAIN_FEATURE_TCG:
        case VIR_DOMAIN_FEATURE_LAST:
            /* known to libvirt, not kept here */
            break;
        }
    }
    return 0;
}


static int
virCPUDefParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr node = virDomXMLChild(root, "cpu");
    xmlNodePtr cur;
    virCPUDef *cpu;
    g_autofree char *mode = NULL;

    if (!node)
        return 0;

    cpu = def->cpu = g_new0(virCPUDef, 1);
    cpu->match = -1;
    cpu->check = -1;
    cpu->fallback = -1;

    if ((mode = virDomXMLProp(node, "mode"))) {
        cpu->mode = virDomXMLTableLookup(virCPUModes, mode);
        if (cpu->mode < 0) {
            virReportErrorFull(VIR_FROM_CPU, VIR_ERR_CONFIG_UNSUPPORTED,
                               __FILE__, __func__, __LINE__,
                               "Invalid mode attribute '%s'", mode);
            return -1;
        }
        cpu->modeSet = true;
    }
    if (virDomXMLPropEnum(node, "match", virCPUMatches, false, &cpu->match) < 0 ||
        virDomXMLPropEnum(node, "check", virCPUChecks, true, &cpu->check) < 0 ||
        virDomXMLPropTristate(node, "migratable", true, &cpu->migratable) < 0)
        return -1;
    /* a <cpu> with a match or a model is a custom one */
    if (!cpu->modeSet && (cpu->match >= 0 || virDomXMLChild(node, "model"))) {
        cpu->modeSet = true;
        cpu->mode = 0;
    }
    if (cpu->mode == 0 && cpu->modeSet && cpu->match < 0 &&
        virDomXMLChild(node, "model"))
        cpu->match = 1;

    if ((cur = virDomXMLChild(node, "model"))) {
        cpu->model = virDomXMLText(cur);
        if (virDomXMLPropEnum(cur, "fallback", virCPUFallbacks, false,
                              &cpu->fallback) < 0)
            return -1;
        cpu->vendor_id = virDomXMLProp(cur, "vendor_id");
    }
    cpu->vendor = virDomXMLChildText(node, "vendor");
    if ((cur = virDomXMLChild(node, "topology"))) {
        if (virDomXMLPropUInt(cur, "sockets", 10, false, &cpu->sockets) < 0 ||
            virDomXMLPropUInt(cur, "dies", 10, false, &cpu->dies) < 0 ||
            virDomXMLPropUInt(cur, "cores", 10, false, &cpu->cores) < 0 ||
            virDomXMLPropUInt(cur, "threads", 10, false, &cpu->threads) < 0)
            return -1;
        if (!cpu->dies)
            cpu->dies = 1;
    }
    for (cur = node->children; cur; cur = cur->next) {
        virCPUFeatureDef feat = { .policy = -1 };

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, (const xmlChar *)"feature"))
            continue;
        if (!(feat.name = virDomXMLPropRequired(cur, "name")))
            return -1;
        if (virDomXMLPropEnum(cur, "policy", virCPUFeaturePolicies, false,
                              &feat.policy) < 0) {
            g_free(feat.name);
            return -1;
        }
        if (feat.policy < 0 && cpu->mode == 0)
            feat.policy = 1;
        cpu->features = g_renew(virCPUFeatureDef, cpu->features,
                                cpu->nfeatures + 1);
        cpu->features[cpu->nfeatures++] = feat;
    }
    return 0;
}


static int
virDomainClockParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr clock = virDomXMLChild(root, "clock");
    virDomainClockDef *c = &def->clock;
    xmlNodePtr cur;
    g_autofree char *offset = NULL;
    g_autofree char *adj = NULL;

    if (!clock)
        return 0;

    if ((offset = virDomXMLProp(clock, "offset"))) {
        c->offset = virDomainClockOffsetTypeFromString(offset);
        if (c->offset < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown clock offset '%s'", offset);
            return -1;
        }
    }
    adj = virDomXMLProp(clock, "adjustment");

    switch ((virDomainClockOffsetType)c->offset) {
    case VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME:
    case VIR_DOMAIN_CLOCK_OFFSET_UTC:
        if (adj && STREQ(adj, "reset")) {
            c->localtimeAdjustment = g_steal_pointer(&adj);
            break;
        }
        if (adj) {
            /* a numeric adjustment turns this into a variable clock */
            if (virDomStrToLLong(adj, &c->adjustment) < 0) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "unknown clock adjustment '%s'", adj);
                return -1;
            }
            c->basis = c->offset == VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME ? 1 : 0;
            c->offset = VIR_DOMAIN_CLOCK_OFFSET_VARIABLE;
            c->adjustmentSet = true;
        }
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_VARIABLE:
        if (adj && virDomStrToLLong(adj, &c->adjustment) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown clock adjustment '%s'", adj);
            return -1;
        }
        c->adjustmentSet = true;
        if (virDomXMLPropEnum(clock, "basis", virDomainClockBases, false,
                              &c->basis) < 0)
            return -1;
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE:
        if (!(c->timezone = virDomXMLProp(clock, "timezone"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing 'timezone' attribute for clock with offset='timezone'");
            return -1;
        }
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE:
        if (virDomXMLPropULLong(clock, "start", &c->start) < 0)
            return -1;
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_LAST:
        break;
    }

    for (cur = clock->children; cur; cur = cur->next) {
        virDomainTimerDef t = { .tickpolicy = -1, .track = -1, .mode = -1 };
        xmlNodePtr catchup;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, (const xmlChar *)"timer"))
            continue;
        {
            g_autofree char *name = virDomXMLPropRequired(cur, "name");
            if (!name)
                return -1;
            if ((t.name = virDomXMLTableLookup(virDomainTimerNames, name)) < 0) {
                virReportXMLError(VIR_ERR_XML_ERROR,
                                  "Invalid value for attribute 'name' in element 'timer': '%s'.",
                                  name);
                return -1;
            }
        }
        if (virDomXMLPropTristate(cur, "present", false, &t.present) < 0 ||
            virDomXMLPropEnum(cur, "tickpolicy", virDomainTimerTickpolicies,
                              false, &t.tickpolicy) < 0 ||
            virDomXMLPropEnum(cur, "track", virDomainTimerTracks, false,
                              &t.track) < 0 ||
            virDomXMLPropULLong(cur, "frequency", &t.frequency) < 0 ||
            virDomXMLPropEnum(cur, "mode", virDomainTimerModes, false,
                              &t.mode) < 0)
            return -1;
        if ((catchup = virDomXMLChild(cur, "catchup"))) {
            unsigned int v = 0;
            t.catchupSet = true;
            if (virDomXMLPropUInt(catchup, "threshold", 10, false, &v) < 0)
                return -1;
            t.threshold = v; v = 0;
            if (virDomXMLPropUInt(catchup, "slew", 10, false, &v) < 0)
                return -1;
            t.slew = v; v = 0;
            if (virDomXMLPropUInt(catchup, "limit", 10, false, &v) < 0)
                return -1;
            t.limit = v;
        }
        c->timers = g_renew(virDomainTimerDef, c->timers, c->ntimers + 1);
        c->timers[c->ntimers++] = t;
    }
    return 0;
}


static int
virDomainLifecycleParse(xmlNodePtr root, const char *name, int *out,
                        int def)
{
    g_autofree char *val = virDomXMLChildText(root, name);

    *out = def;
    if (!val)
        return 0;
    if ((*out = virDomainLifecycleActionTypeFromString(val)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown %s action: %s",
                       name, val);
        return -1;
    }
    return 0;
}


static int
virDomainPMParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr pm = virDomXMLChild(root, "pm");
    xmlNodePtr cur;

    if (!pm)
        return 0;
    if ((cur = virDomXMLChild(pm, "suspend-to-mem")) &&
        virDomXMLPropTristate(cur, "enabled", false, &def->pm_s3) < 0)
        return -1;
    if ((cur = virDomXMLChild(pm, "suspend-to-disk")) &&
        virDomXMLPropTristate(cur, "enabled", false, &def->pm_s4) < 0)
        return -1;
    return 0;
}


static int
virDomainSeclabelsParse(virDomainDef *def, xmlNodePtr root)
{
    xmlNodePtr cur;

    for (cur = root->children; cur; cur = cur->next) {
        g_autofree char *relabel = NULL;
        virSecurityLabelDef *sec;
        int type = VIR_DOMAIN_SECLABEL_DYNAMIC;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, (const xmlChar *)"seclabel"))
            continue;
        if (virDomXMLPropEnum(cur, "type", virDomainSeclabelTable, true,
                              &type) < 0)
            return -1;
        sec = g_new0(virSecurityLabelDef, 1);
        VIR_DOMAIN_APPEND(def->seclabels, def->nseclabels, sec);
        sec->type = type;
        sec->model = virDomXMLProp(cur, "model");
        sec->relabel = type != VIR_DOMAIN_SECLABEL_NONE;
        if ((relabel = virDomXMLProp(cur, "relabel"))) {
            if (STREQ(relabel, "yes")) {
                sec->relabel = true;
            } else if (STREQ(relabel, "no")) {
                sec->relabel = false;
            } else {
                virReportError(VIR_ERR_XML_ERROR,
                               "invalid security relabel value '%s'", relabel);
                return -1;
            }
        }
        if (type == VIR_DOMAIN_SECLABEL_DYNAMIC && !sec->relabel) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "dynamic label type must use resource relabeling");
            return -1;
        }
        if (type == VIR_DOMAIN_SECLABEL_NONE && sec->relabel) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "resource relabeling is not compatible with 'none' label type");
            return -1;
        }
        if (type == VIR_DOMAIN_SECLABEL_STATIC) {
            sec->label = virDomXMLChildText(cur, "label");
            if (!sec->label) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "security label is missing");
                return -1;
            }
        }
        /* runtime labels are dropped from a definition */
        sec->baselabel = virDomXMLChildText(cur, "baselabel");
    }
    return 0;
}


/* ---- elements kept as written ---- */

static const char *const virDomainRawNames[] = {
    "genid", "blkiotune", "memtune", "memoryBacking", "vcpus", "iothreads",
    "iothreadids", "cputune", "resource", "sysinfo", "bootloader",
    "bootloader_args", "idmap", "perf", "keywrap", NULL };

G_STATIC_ASSERT(G_N_ELEMENTS(virDomainRawNames) == VIR_DOMAIN_RAW_LAST + 1);


static bool
virDomainRawHasText(xmlNodePtr node)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if ((cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) &&
            !xmlIsBlankNode(cur))
            return true;
    }
    return false;
}


static int
virDomainRawFormat(GString *buf, xmlNodePtr node, int level, bool memtune)
{
    xmlAttrPtr attr;
    xmlNodePtr cur;
    bool elems = false;

    virDomXMLIndent(buf, level);
    g_string_append_printf(buf, "<%s", (const char *)node->name);

    /* memtune sizes print in KiB, as libvirt stores them */
    if (memtune && level > 1 && virDomainRawHasText(node)) {
        unsigned long long kib = 0;
        if (virDomXMLParseMemory(node->parent, (const char *)node->name, &kib) < 0)
            return -1;
        g_string_append_printf(buf, " unit='KiB'>%llu</%s>\n", kib,
                               (const char *)node->name);
        return 0;
    }

    for (attr = node->properties; attr; attr = attr->next) {
        g_autofree char *val = virDomXMLProp(node, (const char *)attr->name);
        virDomXMLAttr(buf, (const char *)attr->name, val ? val : "");
    }
    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE)
            elems = true;
    }
    if (elems) {
        g_string_append(buf, ">\n");
        for (cur = node->children; cur; cur = cur->next) {
            if (cur->type == XML_ELEMENT_NODE &&
                virDomainRawFormat(buf, cur, level + 1, memtune) < 0)
                return -1;
        }
        virDomXMLIndent(buf, level);
        g_string_append_printf(buf, "</%s>\n", (const char *)node->name);
    } else if (virDomainRawHasText(node)) {
        g_autofree char *text = virDomXMLText(node);
        g_string_append_c(buf, '>');
        virDomXMLEscape(buf, text);
        g_string_append_printf(buf, "</%s>\n", (const char *)node->name);
    } else {
        g_string_append(buf, "/>\n");
    }
    return 0;
}


/* Children orders libvirt formats some kept elements in, whatever order
 * they were written in.  Perf events go by their name= in the order of
 * virPerfEventType. */
static const char *const virDomainMemtuneOrder[] = {
    "hard_limit", "soft_limit", "min_guarantee", "swap_hard_limit", NULL,
};
static const char *const virDomainBlkiotuneOrder[] = {
    "weight", "device", NULL,
};
static const char *const virDomainBlkioDeviceOrder[] = {
    "path", "weight", "read_iops_sec", "write_iops_sec", "read_bytes_sec",
    "write_bytes_sec", NULL,
};
static const char *const virDomainPerfOrder[] = {
    "cmt", "mbmt", "mbml", "cpu_cycles", "instructions", "cache_references",
    "cache_misses", "branch_instructions", "branch_misses", "bus_cycles",
    "stalled_cycles_frontend", "stalled_cycles_backend", "ref_cpu_cycles",
    "cpu_clock", "task_clock", "page_faults", "context_switches",
    "cpu_migrations", "page_faults_min", "page_faults_maj",
    "alignment_faults", "emulation_faults", NULL,
};


static int
virDomainRawRank(xmlNodePtr node, const char *const *order, const char *attr)
{
    g_autofree char *key = attr ? virDomXMLProp(node, attr)
                                : g_strdup((const char *)node->name);
    int i;

    for (i = 0; order[i]; i++) {
        if (key && STREQ(key, order[i]))
            return i;
    }
    return i;
}


/* Reorder the element children of `node` by `order` (stable). */
static void
virDomainRawSort(xmlNodePtr node, const char *const *order, const char *attr)
{
    g_autoptr(GPtrArray) kids = g_ptr_array_new();
    xmlNodePtr cur;
    guint i, j;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE)
            g_ptr_array_add(kids, cur);
    }
    /* insertion sort keeps equal ranks in document order */
    for (i = 1; i < kids->len; i++) {
        xmlNodePtr k = kids->pdata[i];
        int rank = virDomainRawRank(k, order, attr);

        for (j = i; j > 0 &&
             virDomainRawRank(kids->pdata[j - 1], order, attr) > rank; j--)
            kids->pdata[j] = kids->pdata[j - 1];
        kids->pdata[j] = k;
    }
    for (i = 0; i < kids->len; i++) {
        xmlUnlinkNode(kids->pdata[i]);
        xmlAddChild(node, kids->pdata[i]);
    }
}


static void
virDomainRawNormalize(virDomainRawElem which, xmlNodePtr node)
{
    xmlNodePtr cur;

    switch (which) {
    case VIR_DOMAIN_RAW_MEMTUNE:
        virDomainRawSort(node, virDomainMemtuneOrder, NULL);
        break;
    case VIR_DOMAIN_RAW_BLKIOTUNE:
        virDomainRawSort(node, virDomainBlkiotuneOrder, NULL);
        for (cur = node->children; cur; cur = cur->next) {
            if (cur->type == XML_ELEMENT_NODE &&
                xmlStrEqual(cur->name, BAD_CAST "device"))
                virDomainRawSort(cur, virDomainBlkioDeviceOrder, NULL);
        }
        break;
    case VIR_DOMAIN_RAW_PERF:
        virDomainRawSort(node, virDomainPerfOrder, "name");
        break;
    default:
        break;
    }
}


static int
virDomainRawParse(virDomainDef *def, xmlNodePtr root)
{
    size_t i;

    for (i = 0; i < VIR_DOMAIN_RAW_LAST; i++) {
        xmlNodePtr node = virDomXMLChild(root, virDomainRawNames[i]);
        g_autoptr(GString) buf = NULL;

        if (!node)
            continue;
        virDomainRawNormalize(i, node);
        buf = g_string_new(NULL);
        if (virDomainRawFormat(buf, node, 1, i == VIR_DOMAIN_RAW_MEMTUNE) < 0)
            return -1;
        def->raw[i] = g_string_free(g_steal_pointer(&buf), FALSE);
    }
    return 0;
}


static void
virDomainRawPrint(GString *buf, const virDomainDef *def, virDomainRawElem which)
{
    if (def->raw[which])
        g_string_append(buf, def->raw[which]);
}


/* ====================================================================== */
/* Parsing: the document */

virDomainDef *
virDomainDefParseNode(xmlDocPtr xml G_GNUC_UNUSED, xmlNodePtr root,
                      const virDomainXMLOption *xmlopt, unsigned int flags)
{
    g_autoptr(virDomainDef) def = NULL;
    g_autofree char *type = NULL;
    g_autofree char *uuid = NULL;
    g_autofree char *id = NULL;
    xmlNodePtr cur;

    if (!xmlStrEqual(root->name, (const xmlChar *)"domain")) {
        virReportXMLError(VIR_ERR_XML_ERROR,
                          "expecting root element of 'domain', not '%s'",
                          (const char *)root->name);
        return NULL;
    }

    def = virDomainDefNew();

    if (!(type = virDomXMLProp(root, "type"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing domain type attribute");
        return NULL;
    }
    if ((def->virtType = virDomainVirtTypeFromString(type)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "invalid domain type %s",
                       type);
        return NULL;
    }

    if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) &&
        (id = virDomXMLProp(root, "id"))) {
        if (virDomStrToInt(id, &def->id) < 0 || def->id < -1) {
            virReportXMLError(VIR_ERR_XML_ERROR,
                              "Invalid value for attribute 'id' in element 'domain': '%s'. Expected integer value",
                              id);
            return NULL;
        }
    }

    def->name = virDomXMLChildText(root, "name");
    if (!def->name || !*def->name) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return NULL;
    }
    if (strchr(def->name, '/')) {
        virReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'",
                       def->name);
        return NULL;
    }

    if ((uuid = virDomXMLChildText(root, "uuid"))) {
        if (virUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "malformed uuid element");
            return NULL;
        }
    } else {
        virUUIDGenerate(def->uuid);
    }

    def->title = virDomXMLChildText(root, "title");
    if (def->title && strchr(def->title, '\n')) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Domain title can't contain newlines");
        return NULL;
    }
    def->description = virDomXMLChildText(root, "description");
    if ((cur = virDomXMLChild(root, "metadata")) &&
        virDomainMetadataParse(def, cur) < 0)
        return NULL;

    if (virDomainRawParse(def, root) < 0 ||
        virDomainMemoryParse(def, root) < 0 ||
        virDomainVcpuParse(def, root) < 0 ||
        virDomainNumatuneParse(def, root) < 0 ||
        virDomainOSParse(def, root) < 0 ||
        virDomainFeaturesParse(def, root) < 0 ||
        virCPUDefParse(def, root) < 0 ||
        virDomainClockParse(def, root) < 0)
        return NULL;

    if (virDomainLifecycleParse(root, "on_poweroff", &def->onPoweroff,
                                VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY) < 0 ||
        virDomainLifecycleParse(root, "on_reboot", &def->onReboot,
                                VIR_DOMAIN_LIFECYCLE_ACTION_RESTART) < 0 ||
        virDomainLifecycleParse(root, "on_crash", &def->onCrash,
                                VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY) < 0)
        return NULL;
    {
        g_autofree char *lf = virDomXMLChildText(root, "on_lockfailure");
        if (lf && (def->onLockFailure = virDomainLockFailureTypeFromString(lf)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown lock failure action: %s", lf);
            return NULL;
        }
    }
    if (virDomainPMParse(def, root) < 0)
        return NULL;

    if ((cur = virDomXMLChild(root, "devices")) &&
        virDomainDevicesParse(def, cur, flags) < 0)
        return NULL;

    if (virDomainSeclabelsParse(def, root) < 0)
        return NULL;

    if (!(flags & VIR_DOMAIN_DEF_PARSE_SKIP_POST_PARSE)) {
        if (xmlopt && xmlopt->postParse &&
            xmlopt->postParse(def, flags, xmlopt->opaque) < 0)
            return NULL;
        if (virDomainDefPostParseCommon(def, xmlopt, flags) < 0)
            return NULL;
    }

    return g_steal_pointer(&def);
}


/* libxml2 error -> libvirt-style message with the offending line and a
 * caret under the column. */
typedef struct {
    const char *url;
    bool reported;
} virDomainXMLParseCtxt;


static void
virDomainXMLErrorHandler(void *opaque, xmlErrorPtr err)
{
    xmlParserCtxtPtr pctxt = opaque;
    virDomainXMLParseCtxt *ctx = pctxt->_private;
    g_autoptr(GString) msg = g_string_new(NULL);
    const char *text = err->message ? err->message : "";

    if (ctx->reported || err->level < XML_ERR_ERROR)
        return;
    ctx->reported = true;

    g_string_append_printf(msg, "%s:%d: %s", ctx->url, err->line, text);
    if (pctxt && pctxt->input && pctxt->input->base && pctxt->input->cur) {
        const xmlChar *base = pctxt->input->base;
        const xmlChar *cur = pctxt->input->cur;
        const xmlChar *start = cur;
        const xmlChar *end = cur;
        g_autoptr(GString) line = g_string_new(NULL);
        size_t col;
        size_t i;

        while (start > base && start[-1] != '\n' && start[-1] != '\r')
            start--;
        while (*end && *end != '\n' && *end != '\r')
            end++;
        g_string_append_len(line, (const char *)start, end - start);
        col = cur - start;
        /* libvirt prints an empty context as "(null)" */
        g_string_append_printf(msg, "%s\n", line->len ? line->str : "(null)");
        for (i = 0; i < col; i++)
            g_string_append_c(msg, '-');
        g_string_append_c(msg, '^');
    } else if (msg->len && msg->str[msg->len - 1] == '\n') {
        g_string_truncate(msg, msg->len - 1);
    }
    virReportError(VIR_ERR_XML_DETAIL, "%s", msg->str);
}


static xmlDocPtr
virDomainXMLRead(const char *xml, const char *path)
{
    virDomainXMLParseCtxt ctx = { path ? path : "(domain_definition)", false };
    xmlParserCtxtPtr pctxt = xmlNewParserCtxt();
    xmlDocPtr doc = NULL;

    if (!pctxt) {
        virReportError(VIR_ERR_NO_MEMORY, NULL);
        return NULL;
    }
    /* errors reach us, not stderr */
    pctxt->_private = &ctx;
    pctxt->sax->serror = (xmlStructuredErrorFunc)virDomainXMLErrorHandler;
    pctxt->sax->error = NULL;
    pctxt->sax->warning = NULL;
    pctxt->vctxt.error = NULL;
    pctxt->vctxt.warning = NULL;
    if (path)
        doc = xmlCtxtReadFile(pctxt, path, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING);
    else
        doc = xmlCtxtReadDoc(pctxt, (const xmlChar *)xml, ctx.url, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOWARNING);
    if (!doc || !pctxt->wellFormed) {
        if (doc)
            xmlFreeDoc(doc);
        doc = NULL;
        if (!ctx.reported)
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "failed to parse xml document");
    } else if (!xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        doc = NULL;
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing root element");
    }
    xmlFreeParserCtxt(pctxt);
    return doc;
}


static virDomainDef *
virDomainDefParse(const char *xml, const char *path,
                  const virDomainXMLOption *xmlopt, unsigned int flags)
{
    xmlDocPtr doc = virDomainXMLRead(xml, path);
    virDomainDef *def;

    if (!doc)
        return NULL;
    def = virDomainDefParseNode(doc, xmlDocGetRootElement(doc), xmlopt, flags);
    xmlFreeDoc(doc);
    return def;
}


virDomainDef *
virDomainDefParseString(const char *xml, unsigned int flags)
{
    return virDomainDefParse(xml, NULL, NULL, flags);
}


virDomainDef *
virDomainDefParseStringFull(const char *xml, const virDomainXMLOption *xmlopt,
                            unsigned int flags)
{
    if (!xml) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "xml must not be NULL");
        return NULL;
    }
    return virDomainDefParse(xml, NULL, xmlopt, flags);
}


virDomainDef *
virDomainDefParseFile(const char *path, const virDomainXMLOption *xmlopt,
                      unsigned int flags)
{
    return virDomainDefParse(NULL, path, xmlopt, flags);
}


/* ====================================================================== */
/* Formatting */

static void
virDomainMetadataFormat(GString *buf, const virDomainDef *def)
{
    xmlNodePtr root = xmlDocGetRootElement(def->metadata);
    xmlNodePtr cur;
    xmlNsPtr ns;

    virDomXMLIndent(buf, 1);
    g_string_append(buf, "<metadata");
    for (ns = root->nsDef; ns; ns = ns->next) {
        if (ns->prefix)
            g_string_append_printf(buf, " xmlns:%s=\"%s\"",
                                   (const char *)ns->prefix,
                                   (const char *)ns->href);
    }
    if (!root->children) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    for (cur = root->children; cur; cur = cur->next) {
        xmlBufferPtr xbuf = xmlBufferCreate();
        int saved = xmlIndentTreeOutput;

        xmlIndentTreeOutput = 1;
        xmlNodeDump(xbuf, def->metadata, cur, 2, 1);
        xmlIndentTreeOutput = saved;
        virDomXMLIndent(buf, 2);
        g_string_append(buf, (const char *)xmlBufferContent(xbuf));
        g_string_append_c(buf, '\n');
        xmlBufferFree(xbuf);
    }
    virDomXMLIndent(buf, 1);
    g_string_append(buf, "</metadata>\n");
}


static void
virDomainOSFormat(GString *buf, const virDomainDef *def)
{
    const virDomainOSDef *os = &def->os;
    size_t i;

    virDomXMLIndent(buf, 1);
    g_string_append(buf, "<os");
    virDomXMLAttr(buf, "firmware", os->firmware);
    g_string_append(buf, ">\n");

    virDomXMLIndent(buf, 2);
    g_string_append(buf, "<type");
    virDomXMLAttr(buf, "arch", os->arch);
    virDomXMLAttr(buf, "machine", os->machine);
    g_string_append_printf(buf, ">%s</type>\n",
                           virDomainOSTypeToString(os->type));

    virDomXMLTextElem(buf, 2, "init", os->init);
    for (i = 0; os->initargs && os->initargs[i]; i++)
        virDomXMLTextElem(buf, 2, "initarg", os->initargs[i]);

    if (os->loader) {
        const virDomainLoaderDef *l = os->loader;
        if (l->path || l->readonly || l->secure || l->type || l->stateless) {
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "<loader");
            if (l->readonly)
                virDomXMLAttr(buf, "readonly", virTristateBoolTypeToString(l->readonly));
            if (l->secure)
                virDomXMLAttr(buf, "secure", virTristateBoolTypeToString(l->secure));
            virDomXMLAttr(buf, "type", l->type);
            if (l->stateless)
                virDomXMLAttr(buf, "stateless", virTristateBoolTypeToString(l->stateless));
            if (l->path) {
                g_string_append_c(buf, '>');
                virDomXMLEscape(buf, l->path);
                g_string_append(buf, "</loader>\n");
            } else {
                g_string_append(buf, "/>\n");
            }
        }
        if (l->nvram || l->nvramTemplate) {
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "<nvram");
            virDomXMLAttr(buf, "template", l->nvramTemplate);
            if (l->nvram && *l->nvram) {
                g_string_append_c(buf, '>');
                virDomXMLEscape(buf, l->nvram);
                g_string_append(buf, "</nvram>\n");
            } else {
                g_string_append(buf, "/>\n");
            }
        }
    }

    virDomXMLTextElem(buf, 2, "kernel", os->kernel);
    virDomXMLTextElem(buf, 2, "initrd", os->initrd);
    virDomXMLTextElem(buf, 2, "cmdline", os->cmdline);
    virDomXMLTextElem(buf, 2, "dtb", os->dtb);
    virDomXMLTextElem(buf, 2, "root", os->root);

    for (i = 0; i < os->nBootDevs; i++) {
        virDomXMLIndent(buf, 2);
        g_string_append_printf(buf, "<boot dev='%s'/>\n",
                               virDomainBootTypeToString(os->bootDevs[i]));
    }
    if (os->bootmenu) {
        virDomXMLIndent(buf, 2);
        g_string_append(buf, "<bootmenu");
        if (os->bootmenu)
            virDomXMLAttr(buf, "enable", virTristateBoolTypeToString(os->bootmenu));
        if (os->bm_timeout_set)
            virDomXMLAttrf(buf, "timeout", "%u", os->bm_timeout);
        g_string_append(buf, "/>\n");
    }
    if (os->bios_useserial || os->bios_rebootTimeout_set) {
        virDomXMLIndent(buf, 2);
        g_string_append(buf, "<bios");
        if (os->bios_useserial)
            virDomXMLAttr(buf, "useserial",
                          virTristateBoolTypeToString(os->bios_useserial));
        if (os->bios_rebootTimeout_set)
            virDomXMLAttrf(buf, "rebootTimeout", "%d", os->bios_rebootTimeout);
        g_string_append(buf, "/>\n");
    }
    if (os->smbios_mode) {
        virDomXMLIndent(buf, 2);
        g_string_append_printf(buf, "<smbios mode='%s'/>\n",
                               virDomainSmbiosModes[os->smbios_mode]);
    }

    virDomXMLIndent(buf, 1);
    g_string_append(buf, "</os>\n");
}


static void
virDomainFeatureSubFormat(GString *buf, int level, const virDomainFeatureSub *s)
{
    virDomXMLIndent(buf, level);
    g_string_append_printf(buf, "<%s", s->name);
    if (s->state > 0)
        virDomXMLAttr(buf, "state", virTristateSwitchTypeToString(s->state));
    virDomXMLAttr(buf, s->attrName, s->attrValue);
    g_string_append(buf, "/>\n");
}


static const virDomainFeatureSub *
virDomainFeatureAttrFind(const virDomainDef *def, const char *name)
{
    size_t i;

    for (i = 0; i < def->nkvm; i++) {
        if (def->kvm[i].state == -1 && STREQ(def->kvm[i].name, name))
            return &def->kvm[i];
    }
    return NULL;
}


static void
virDomainFeaturesFormat(GString *buf, const virDomainDef *def)
{
    size_t i;
    size_t f;
    bool any = false;

    for (f = 0; f < VIR_DOMAIN_FEATURE_LAST; f++) {
        if (def->features[f])
            any = true;
    }
    if (!any)
        return;

    virDomXMLIndent(buf, 1);
    g_string_append(buf, "<features>\n");
    for (f = 0; f < VIR_DOMAIN_FEATURE_LAST; f++) {
        const char *name = virDomainFeatureTypeToString(f);
        int state = def->features[f];

        if (!state)
            continue;
        switch ((virDomainFeature)f) {
        case VIR_DOMAIN_FEATURE_APIC:
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "<apic");
            if (def->apic_eoi)
                virDomXMLAttr(buf, "eoi", virTristateSwitchTypeToString(def->apic_eoi));
            g_string_append(buf, "/>\n");
            break;
        case VIR_DOMAIN_FEATURE_ACPI:
        case VIR_DOMAIN_FEATURE_PAE:
        case VIR_DOMAIN_FEATURE_VIRIDIAN:
        case VIR_DOMAIN_FEATURE_PRIVNET:
            virDomXMLIndent(buf, 2);
            g_string_append_printf(buf, "<%s/>\n", name);
            break;
        case VIR_DOMAIN_FEATURE_HAP:
        case VIR_DOMAIN_FEATURE_PVSPINLOCK:
        case VIR_DOMAIN_FEATURE_PMU:
        case VIR_DOMAIN_FEATURE_VMPORT:
        case VIR_DOMAIN_FEATURE_SMM:
        case VIR_DOMAIN_FEATURE_VMCOREINFO:
        case VIR_DOMAIN_FEATURE_HTM:
        case VIR_DOMAIN_FEATURE_NESTED_HV:
        case VIR_DOMAIN_FEATURE_CCF_ASSIST:
            virDomXMLIndent(buf, 2);
            g_string_append_printf(buf, "<%s state='%s'/>\n", name,
                                   virTristateSwitchTypeToString(state));
            break;
        case VIR_DOMAIN_FEATURE_HYPERV:
            virDomXMLIndent(buf, 2);
            g_string_append_printf(buf, "<hyperv mode='%s'>\n", def->hyperv_mode);
            for (i = 0; i < def->nhyperv; i++)
                virDomainFeatureSubFormat(buf, 3, &def->hyperv[i]);
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "</hyperv>\n");
            break;
        case VIR_DOMAIN_FEATURE_KVM: {
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "<kvm>\n");
            for (i = 0; i < def->nkvm; i++) {
                if (def->kvm[i].state != -1)
                    virDomainFeatureSubFormat(buf, 3, &def->kvm[i]);
            }
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "</kvm>\n");
            break;
        }
        case VIR_DOMAIN_FEATURE_GIC:
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "<gic");
            virDomXMLAttr(buf, "version", def->gic_version_str);
            g_string_append(buf, "/>\n");
            break;
        case VIR_DOMAIN_FEATURE_IOAPIC:
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "<ioapic");
            virDomXMLAttr(buf, "driver", def->ioapic_driver);
            g_string_append(buf, "/>\n");
            break;
        case VIR_DOMAIN_FEATURE_HPT:
            virDomXMLIndent(buf, 2);
            g_string_append(buf, "<hpt");
            virDomXMLAttr(buf, "resizing", def->hpt_resizing);
            g_string_append(buf, "/>\n");
            break;
        case VIR_DOMAIN_FEATURE_MSRS:
        case VIR_DOMAIN_FEATURE_CFPC:
        case VIR_DOMAIN_FEATURE_SBBC:
        case VIR_DOMAIN_FEATURE_IBS: {
            const virDomainFeatureSub *s = virDomainFeatureAttrFind(def, name);
            virDomXMLIndent(buf, 2);
            g_string_append_printf(buf, "<%s", name);
            if (s)
                virDomXMLAttr(buf, s->attrName, s->attrValue);
            g_string_append(buf, "/>\n");
            break;
        }
        case VIR_DOMAIN_FEATURE_CAPABILITIES:
        case VIR_DOMAIN_FEATURE_XEN:
        case VIR_DOMAIN_FEATURE_TCG:
        case VIR_DOMAIN_FEATURE_LAST:
            break;
        }
    }
    virDomXMLIndent(buf, 1);
    g_string_append(buf, "</features>\n");
}


static void
virCPUDefFormat(GString *buf, const virCPUDef *cpu)
{
    virDomXMLElem el;
    size_t i;

    virDomXMLElemOpen(&el, buf, 1, "cpu");
    if (cpu->modeSet)
        virDomXMLAttr(buf, "mode", virCPUModes[cpu->mode]);
    if (cpu->match >= 0)
        virDomXMLAttr(buf, "match", virCPUMatches[cpu->match]);
    if (cpu->check > 0)
        virDomXMLAttr(buf, "check", virCPUChecks[cpu->check]);
    if (cpu->migratable)
        virDomXMLAttr(buf, "migratable",
                      virTristateSwitchTypeToString(cpu->migratable));

    if (cpu->model) {
        virDomXMLIndent(el.child, 2);
        g_string_append(el.child, "<model");
        if (cpu->fallback >= 0)
            virDomXMLAttr(el.child, "fallback", virCPUFallbacks[cpu->fallback]);
        virDomXMLAttr(el.child, "vendor_id", cpu->vendor_id);
        g_string_append_c(el.child, '>');
        virDomXMLEscape(el.child, cpu->model);
        g_string_append(el.child, "</model>\n");
    }
    virDomXMLTextElem(el.child, 2, "vendor", cpu->vendor);
    if (cpu->sockets || cpu->cores || cpu->threads) {
        virDomXMLIndent(el.child, 2);
        g_string_append_printf(el.child,
                               "<topology sockets='%u' dies='%u' cores='%u' threads='%u'/>\n",
                               cpu->sockets, cpu->dies, cpu->cores, cpu->threads);
    }
    for (i = 0; i < cpu->nfeatures; i++) {
        virDomXMLIndent(el.child, 2);
        g_string_append(el.child, "<feature");
        if (cpu->features[i].policy >= 0)
            virDomXMLAttr(el.child, "policy",
                          virCPUFeaturePolicies[cpu->features[i].policy]);
        virDomXMLAttr(el.child, "name", cpu->features[i].name);
        g_string_append(el.child, "/>\n");
    }
    virDomXMLElemClose(&el);
}


static void
virDomainClockFormat(GString *buf, const virDomainDef *def)
{
    const virDomainClockDef *c = &def->clock;
    virDomXMLElem el;
    size_t i;

    virDomXMLElemOpen(&el, buf, 1, "clock");
    virDomXMLAttr(buf, "offset", virDomainClockOffsetTypeToString(c->offset));
    switch ((virDomainClockOffsetType)c->offset) {
    case VIR_DOMAIN_CLOCK_OFFSET_UTC:
    case VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME:
        virDomXMLAttr(buf, "adjustment", c->localtimeAdjustment);
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_VARIABLE:
        virDomXMLAttrf(buf, "adjustment", "%lld", c->adjustment);
        virDomXMLAttr(buf, "basis", virDomainClockBases[c->basis]);
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE:
        virDomXMLAttr(buf, "timezone", c->timezone);
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE:
        virDomXMLAttrf(buf, "start", "%llu", c->start);
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_LAST:
        break;
    }

    for (i = 0; i < c->ntimers; i++) {
        const virDomainTimerDef *t = &c->timers[i];
        GString *cb = el.child;

        virDomXMLIndent(cb, 2);
        g_string_append(cb, "<timer");
        virDomXMLAttr(cb, "name", virDomainTimerNames[t->name]);
        if (t->present)
            virDomXMLAttr(cb, "present", virTristateBoolTypeToString(t->present));
        if (t->tickpolicy >= 0)
            virDomXMLAttr(cb, "tickpolicy", virDomainTimerTickpolicies[t->tickpolicy]);
        if (t->track >= 0)
            virDomXMLAttr(cb, "track", virDomainTimerTracks[t->track]);
        if (t->frequency)
            virDomXMLAttrf(cb, "frequency", "%llu", t->frequency);
        if (t->mode >= 0)
            virDomXMLAttr(cb, "mode", virDomainTimerModes[t->mode]);
        if (t->catchupSet && (t->threshold || t->slew || t->limit)) {
            g_string_append(cb, ">\n");
            virDomXMLIndent(cb, 3);
            g_string_append(cb, "<catchup");
            if (t->threshold)
                virDomXMLAttrf(cb, "threshold", "%lu", t->threshold);
            if (t->slew)
                virDomXMLAttrf(cb, "slew", "%lu", t->slew);
            if (t->limit)
                virDomXMLAttrf(cb, "limit", "%lu", t->limit);
            g_string_append(cb, "/>\n");
            virDomXMLIndent(cb, 2);
            g_string_append(cb, "</timer>\n");
        } else {
            g_string_append(cb, "/>\n");
        }
    }
    virDomXMLElemClose(&el);
}


static void
virDomainSeclabelFormat(GString *buf, const virSecurityLabelDef *sec)
{
    virDomXMLElem el;

    virDomXMLElemOpen(&el, buf, 1, "seclabel");
    virDomXMLAttr(buf, "type", virDomainSeclabelTypeToString(sec->type));
    virDomXMLAttr(buf, "model", sec->model);
    if (sec->type != VIR_DOMAIN_SECLABEL_NONE)
        virDomXMLAttr(buf, "relabel", sec->relabel ? "yes" : "no");
    if (sec->type == VIR_DOMAIN_SECLABEL_STATIC)
        virDomXMLTextElem(el.child, 2, "label", sec->label);
    if (sec->type == VIR_DOMAIN_SECLABEL_DYNAMIC)
        virDomXMLTextElem(el.child, 2, "baselabel", sec->baselabel);
    virDomXMLElemClose(&el);
}


char *
virDomainDefFormat(const virDomainDef *def, unsigned int flags)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    size_t i;

    g_string_append_printf(buf, "<domain type='%s'",
                           virDomainVirtTypeToString(def->virtType));
    if (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE) && def->id >= 0)
        g_string_append_printf(buf, " id='%d'", def->id);
    g_string_append(buf, ">\n");

    virDomXMLTextElem(buf, 1, "name", def->name);
    virUUIDFormat(def->uuid, uuidstr);
    virDomXMLTextElem(buf, 1, "uuid", uuidstr);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_GENID);
    virDomXMLTextElem(buf, 1, "title", def->title);
    virDomXMLTextElem(buf, 1, "description", def->description);
    if (def->metadata)
        virDomainMetadataFormat(buf, def);

    if (def->max_memory && def->memory_slots) {
        virDomXMLIndent(buf, 1);
        g_string_append_printf(buf,
                               "<maxMemory slots='%u' unit='KiB'>%llu</maxMemory>\n",
                               def->memory_slots, def->max_memory);
    }
    virDomXMLIndent(buf, 1);
    g_string_append_printf(buf, "<memory unit='KiB'>%llu</memory>\n",
                           def->total_memory);
    if (def->cur_balloon) {
        virDomXMLIndent(buf, 1);
        g_string_append_printf(buf,
                               "<currentMemory unit='KiB'>%llu</currentMemory>\n",
                               def->cur_balloon);
    }
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_BLKIOTUNE);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_MEMTUNE);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_MEMORYBACKING);

    virDomXMLIndent(buf, 1);
    g_string_append(buf, "<vcpu");
    virDomXMLAttr(buf, "placement",
                  virDomainPlacementModes[def->placement_mode ? def->placement_mode : 1]);
    virDomXMLAttr(buf, "cpuset", def->cpuset);
    if (def->vcpus != def->maxvcpus)
        virDomXMLAttrf(buf, "current", "%u", def->vcpus);
    g_string_append_printf(buf, ">%u</vcpu>\n", def->maxvcpus);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_VCPUS);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_IOTHREADS);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_IOTHREADIDS);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_CPUTUNE);

    if (def->numatune) {
        const virDomainNumatuneDef *nt = def->numatune;
        virDomXMLIndent(buf, 1);
        g_string_append(buf, "<numatune>\n");
        virDomXMLIndent(buf, 2);
        g_string_append(buf, "<memory");
        virDomXMLAttr(buf, "mode", virDomainNumatuneModes[nt->mode]);
        if (nt->placement == 1)
            virDomXMLAttr(buf, "nodeset", nt->nodeset);
        else
            virDomXMLAttr(buf, "placement", virDomainPlacementModes[nt->placement]);
        g_string_append(buf, "/>\n");
        virDomXMLIndent(buf, 1);
        g_string_append(buf, "</numatune>\n");
    }

    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_RESOURCE);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_SYSINFO);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_BOOTLOADER);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_BOOTLOADER_ARGS);
    virDomainOSFormat(buf, def);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_IDMAP);
    virDomainFeaturesFormat(buf, def);
    if (def->cpu)
        virCPUDefFormat(buf, def->cpu);
    virDomainClockFormat(buf, def);

    virDomXMLTextElem(buf, 1, "on_poweroff",
                      virDomainLifecycleActionTypeToString(def->onPoweroff));
    virDomXMLTextElem(buf, 1, "on_reboot",
                      virDomainLifecycleActionTypeToString(def->onReboot));
    virDomXMLTextElem(buf, 1, "on_crash",
                      virDomainLifecycleActionTypeToString(def->onCrash));
    if (def->onLockFailure)
        virDomXMLTextElem(buf, 1, "on_lockfailure",
                          virDomainLockFailureTypeToString(def->onLockFailure));

    if (def->pm_s3 || def->pm_s4) {
        virDomXMLIndent(buf, 1);
        g_string_append(buf, "<pm>\n");
        if (def->pm_s3) {
            virDomXMLIndent(buf, 2);
            g_string_append_printf(buf, "<suspend-to-mem enabled='%s'/>\n",
                                   virTristateBoolTypeToString(def->pm_s3));
        }
        if (def->pm_s4) {
            virDomXMLIndent(buf, 2);
            g_string_append_printf(buf, "<suspend-to-disk enabled='%s'/>\n",
                                   virTristateBoolTypeToString(def->pm_s4));
        }
        virDomXMLIndent(buf, 1);
        g_string_append(buf, "</pm>\n");
    }

    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_PERF);
    virDomainDevicesFormat(buf, def, flags);

    for (i = 0; i < def->nseclabels; i++)
        virDomainSeclabelFormat(buf, def->seclabels[i]);
    virDomainRawPrint(buf, def, VIR_DOMAIN_RAW_KEYWRAP);

    g_string_append(buf, "</domain>\n");
    return g_string_free(g_steal_pointer(&buf), FALSE);
}


virDomainDef *
virDomainDefCopy(const virDomainDef *def)
{
    g_autofree char *xml = virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE);
    virDomainDef *ret;

    ret = virDomainDefParseStringFull(xml, NULL,
                                      VIR_DOMAIN_DEF_PARSE_SKIP_POST_PARSE |
                                      VIR_DOMAIN_DEF_PARSE_COPY);
    if (ret)
        ret->id = def->id;
    return ret;
}


void
virDomainDefSetMemoryTotal(virDomainDef *def, unsigned long long kib)
{
    def->total_memory = kib;
    if (def->cur_balloon > kib || def->cur_balloon == 0)
        def->cur_balloon = kib;
}


void
virDomainDefGenerateIfnames(virDomainDef *def, const char *prefix)
{
    size_t i;
    size_t j;
    unsigned int n = 0;

    /* each new name is the first PREFIXn no interface of DEF has yet */
    for (i = 0; i < def->nnets; i++) {
        g_autofree char *name = NULL;

        if (def->nets[i]->ifname)
            continue;
        for (;; n++) {
            g_free(name);
            name = g_strdup_printf("%s%u", prefix, n);
            for (j = 0; j < def->nnets; j++) {
                if (g_strcmp0(def->nets[j]->ifname, name) == 0)
                    break;
            }
            if (j == def->nnets)
                break;
        }
        def->nets[i]->ifname = g_steal_pointer(&name);
    }
}
