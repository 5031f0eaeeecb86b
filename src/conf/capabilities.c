/* capabilities.c: build and format the host capabilities document.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "conf/capabilities.h"

static const struct {
    const char *name;
    bool toggles;                   /* written with default=/toggle= */
} guestFeatures[VIR_CAPS_GUEST_FEATURE_LAST] = {
    [VIR_CAPS_GUEST_FEATURE_PAE] = { "pae", false },
    [VIR_CAPS_GUEST_FEATURE_NONPAE] = { "nonpae", false },
    [VIR_CAPS_GUEST_FEATURE_IA64_BE] = { "ia64_be", false },
    [VIR_CAPS_GUEST_FEATURE_ACPI] = { "acpi", true },
    [VIR_CAPS_GUEST_FEATURE_APIC] = { "apic", true },
    [VIR_CAPS_GUEST_FEATURE_CPUSELECTION] = { "cpuselection", false },
    [VIR_CAPS_GUEST_FEATURE_DEVICEBOOT] = { "deviceboot", false },
    [VIR_CAPS_GUEST_FEATURE_DISKSNAPSHOT] = { "disksnapshot", true },
    [VIR_CAPS_GUEST_FEATURE_HAP] = { "hap", true },
};


virCaps *
virCapabilitiesNew(const char *arch, bool offlineMigrate, bool liveMigrate)
{
    virCaps *caps = g_new0(virCaps, 1);

    caps->host.arch = g_strdup(arch);
    caps->host.offlineMigrate = offlineMigrate;
    caps->host.liveMigrate = liveMigrate;
    return caps;
}


static void
freeStrv(char **v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        g_free(v[i]);
    g_free(v);
}


static void
freeMachines(virCapsGuestMachine *m, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        g_free(m[i].name);
        g_free(m[i].canonical);
    }
    g_free(m);
}


void
virCapabilitiesFree(virCaps *caps)
{
    virCapsHost *host;
    size_t i, j;

    if (!caps)
        return;
    host = &caps->host;
    g_free(host->arch);
    if (host->cpu) {
        g_free(host->cpu->model);
        g_free(host->cpu->vendor);
        g_free(host->cpu->counterName);
        g_free(host->cpu->maxphysaddrMode);
        freeStrv(host->cpu->features, host->cpu->nfeatures);
        g_free(host->cpu);
    }
    freeStrv(host->features, host->nfeatures);
    g_free(host->pagesSize);
    freeStrv(host->migrateTrans, host->nmigrateTrans);
    g_free(host->netprefix);
    for (i = 0; i < host->ncells; i++) {
        virCapsHostNUMACell *cell = host->cells[i];
        for (j = 0; j < cell->ncpus; j++)
            g_free(cell->cpus[j].siblings);
        g_free(cell->cpus);
        g_free(cell->distances);
        g_free(cell->pages);
        g_free(cell);
    }
    g_free(host->cells);
    for (i = 0; i < host->nsecModels; i++) {
        virCapsHostSecModel *sm = &host->secModels[i];
        g_free(sm->model);
        g_free(sm->doi);
        freeStrv(sm->labelTypes, sm->nlabels);
        freeStrv(sm->labels, sm->nlabels);
    }
    g_free(host->secModels);

    for (i = 0; i < caps->nguests; i++) {
        virCapsGuest *g = caps->guests[i];
        g_free(g->ostype);
        g_free(g->arch);
        g_free(g->emulator);
        g_free(g->loader);
        freeMachines(g->machines, g->nmachines);
        for (j = 0; j < g->ndomains; j++) {
            g_free(g->domains[j]->type);
            g_free(g->domains[j]->emulator);
            freeMachines(g->domains[j]->machines, g->domains[j]->nmachines);
            g_free(g->domains[j]);
        }
        g_free(g->domains);
        g_free(g);
    }
    g_free(caps->guests);
    g_free(caps);
}


static void
addStr(char ***v, size_t *n, const char *s)
{
    *v = g_renew(char *, *v, *n + 1);
    (*v)[(*n)++] = g_strdup(s);
}


void
virCapabilitiesSetHostUUID(virCaps *caps, const unsigned char *uuid)
{
    memcpy(caps->host.uuid, uuid, VIR_CONF_UUID_LEN);
    caps->host.uuidSet = true;
}


void
virCapabilitiesAddHostFeature(virCaps *caps, const char *name)
{
    addStr(&caps->host.features, &caps->host.nfeatures, name);
}


void
virCapabilitiesAddHostMigrateTransport(virCaps *caps, const char *name)
{
    addStr(&caps->host.migrateTrans, &caps->host.nmigrateTrans, name);
}


void
virCapabilitiesAddHostPageSize(virCaps *caps, unsigned int sizeKiB)
{
    caps->host.pagesSize = g_renew(unsigned int, caps->host.pagesSize,
                                   caps->host.npagesSize + 1);
    caps->host.pagesSize[caps->host.npagesSize++] = sizeKiB;
}


void
virCapabilitiesSetNetPrefix(virCaps *caps, const char *prefix)
{
    g_free(caps->host.netprefix);
    caps->host.netprefix = g_strdup(prefix);
}


virCapsHostCPU *
virCapabilitiesHostCPU(virCaps *caps)
{
    if (!caps->host.cpu) {
        caps->host.cpu = g_new0(virCapsHostCPU, 1);
        caps->host.cpu->maxphysaddrBits = -1;
    }
    return caps->host.cpu;
}


void
virCapabilitiesHostCPUAddFeature(virCapsHostCPU *cpu, const char *name)
{
    addStr(&cpu->features, &cpu->nfeatures, name);
}


void
virCapabilitiesHostNUMAInit(virCaps *caps)
{
    caps->host.numa = true;
}


virCapsHostNUMACell *
virCapabilitiesHostNUMAAddCell(virCaps *caps, int num,
                               unsigned long long memKiB,
                               size_t ncpus,
                               const virCapsHostNUMACellCPU *cpus,
                               size_t ndistances,
                               const virCapsHostNUMACellDistance *distances,
                               size_t npages,
                               const virCapsHostNUMACellPages *pages)
{
    virCapsHostNUMACell *cell = g_new0(virCapsHostNUMACell, 1);
    size_t i;

    cell->num = num;
    cell->mem = memKiB;
    cell->ncpus = ncpus;
    cell->cpus = g_new0(virCapsHostNUMACellCPU, ncpus ? ncpus : 1);
    for (i = 0; i < ncpus; i++) {
        cell->cpus[i] = cpus[i];
        cell->cpus[i].siblings = g_strdup(cpus[i].siblings);
    }
    cell->ndistances = ndistances;
    cell->distances = g_memdup2(distances, ndistances * sizeof(*distances));
    cell->npages = npages;
    cell->pages = g_memdup2(pages, npages * sizeof(*pages));

    caps->host.numa = true;
    caps->host.cells = g_renew(virCapsHostNUMACell *, caps->host.cells,
                               caps->host.ncells + 1);
    caps->host.cells[caps->host.ncells++] = cell;
    return cell;
}


void
virCapabilitiesAddSecModel(virCaps *caps, const char *model, const char *doi)
{
    virCapsHostSecModel *sm;

    caps->host.secModels = g_renew(virCapsHostSecModel, caps->host.secModels,
                                   caps->host.nsecModels + 1);
    sm = &caps->host.secModels[caps->host.nsecModels++];
    memset(sm, 0, sizeof(*sm));
    sm->model = g_strdup(model);
    sm->doi = g_strdup(doi);
}


void
virCapabilitiesAddSecModelBaseLabel(virCaps *caps, const char *type,
                                    const char *label)
{
    virCapsHostSecModel *sm;
    size_t n;

    if (caps->host.nsecModels == 0)
        return;
    sm = &caps->host.secModels[caps->host.nsecModels - 1];
    n = sm->nlabels;
    addStr(&sm->labelTypes, &n, type);
    n = sm->nlabels;
    addStr(&sm->labels, &n, label);
    sm->nlabels = n;
}


virCapsGuest *
virCapabilitiesAddGuest(virCaps *caps, const char *ostype, const char *arch,
                        int wordsize, const char *emulator, const char *loader)
{
    virCapsGuest *g = g_new0(virCapsGuest, 1);

    g->ostype = g_strdup(ostype);
    g->arch = g_strdup(arch);
    g->wordsize = wordsize;
    g->emulator = g_strdup(emulator);
    g->loader = g_strdup(loader);
    caps->guests = g_renew(virCapsGuest *, caps->guests, caps->nguests + 1);
    caps->guests[caps->nguests++] = g;
    return g;
}


static void
addMachine(virCapsGuestMachine **m, size_t *n, const char *name,
           const char *canonical, unsigned int maxCpus, bool deprecated)
{
    *m = g_renew(virCapsGuestMachine, *m, *n + 1);
    (*m)[*n].name = g_strdup(name);
    (*m)[*n].canonical = g_strdup(canonical);
    (*m)[*n].maxCpus = maxCpus;
    (*m)[*n].deprecated = deprecated;
    (*n)++;
}


void
virCapabilitiesAddGuestMachine(virCapsGuest *guest, const char *name,
                               const char *canonical, unsigned int maxCpus,
                               bool deprecated)
{
    addMachine(&guest->machines, &guest->nmachines, name, canonical,
               maxCpus, deprecated);
}


virCapsGuestDomain *
virCapabilitiesAddGuestDomain(virCapsGuest *guest, const char *type,
                              const char *emulator)
{
    virCapsGuestDomain *dom = g_new0(virCapsGuestDomain, 1);

    dom->type = g_strdup(type);
    dom->emulator = g_strdup(emulator);
    guest->domains = g_renew(virCapsGuestDomain *, guest->domains,
                             guest->ndomains + 1);
    guest->domains[guest->ndomains++] = dom;
    return dom;
}


void
virCapabilitiesAddGuestDomainMachine(virCapsGuestDomain *dom,
                                     const char *name, const char *canonical,
                                     unsigned int maxCpus, bool deprecated)
{
    addMachine(&dom->machines, &dom->nmachines, name, canonical,
               maxCpus, deprecated);
}


void
virCapabilitiesAddGuestFeature(virCapsGuest *guest,
                               virCapsGuestFeatureType feature,
                               bool defaultOn, bool toggle)
{
    if (feature < 0 || feature >= VIR_CAPS_GUEST_FEATURE_LAST)
        return;
    guest->features[feature].present = true;
    guest->features[feature].defaultOn =
        defaultOn ? VIR_CONF_TRISTATE_YES : VIR_CONF_TRISTATE_NO;
    guest->features[feature].toggle =
        toggle ? VIR_CONF_TRISTATE_YES : VIR_CONF_TRISTATE_NO;
}


/* ---- formatting ---- */

static void
formatHostCPU(virConfBuf *buf, const virCapsHost *host)
{
    const virCapsHostCPU *cpu = host->cpu;
    size_t i;

    virConfBufAdd(buf, "<cpu>\n");
    virConfBufAdjustIndent(buf, 2);
    if (host->arch)
        virConfBufAdd(buf, "<arch>%s</arch>\n", host->arch);

    if (host->nfeatures) {
        virConfBufAdd(buf, "<features>\n");
        virConfBufAdjustIndent(buf, 2);
        for (i = 0; i < host->nfeatures; i++)
            virConfBufAdd(buf, "<%s/>\n", host->features[i]);
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</features>\n");
    }

    if (cpu) {
        if (cpu->model)
            virConfBufEscape(buf, "<model>%s</model>\n", cpu->model);
        if (cpu->vendor)
            virConfBufEscape(buf, "<vendor>%s</vendor>\n", cpu->vendor);
        if (cpu->hasMicrocode)
            virConfBufAdd(buf, "<microcode version='%u'/>\n", cpu->microcode);
        if (cpu->hasSignature)
            virConfBufAdd(buf, "<signature family='%u' model='%u' "
                          "stepping='%u'/>\n",
                          cpu->family, cpu->modelNum, cpu->stepping);
        if (cpu->counterName) {
            virConfBufEscape(buf, "<counter name='%s'", cpu->counterName);
            g_string_append_printf(buf->str, " frequency='%llu'",
                                   cpu->counterFrequency);
            if (cpu->counterScaling)
                g_string_append_printf(buf->str, " scaling='%s'",
                                       virConfTristateBoolToString(cpu->counterScaling));
            g_string_append(buf->str, "/>\n");
        }
        if (cpu->sockets)
            virConfBufAdd(buf, "<topology sockets='%u' dies='%u' cores='%u' "
                          "threads='%u'/>\n", cpu->sockets,
                          cpu->dies ? cpu->dies : 1, cpu->cores, cpu->threads);
        if (cpu->maxphysaddrMode) {
            virConfBufEscape(buf, "<maxphysaddr mode='%s'",
                             cpu->maxphysaddrMode);
            if (cpu->maxphysaddrBits >= 0)
                g_string_append_printf(buf->str, " bits='%d'",
                                       cpu->maxphysaddrBits);
            g_string_append(buf->str, "/>\n");
        }
        for (i = 0; i < cpu->nfeatures; i++)
            virConfBufEscape(buf, "<feature name='%s'/>\n", cpu->features[i]);
    }

    for (i = 0; i < host->npagesSize; i++)
        virConfBufAdd(buf, "<pages unit='KiB' size='%u'/>\n",
                      host->pagesSize[i]);

    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</cpu>\n");
}


static void
formatNUMA(virConfBuf *buf, const virCapsHost *host)
{
    size_t i, j;

    virConfBufAdd(buf, "<topology>\n");
    virConfBufAdjustIndent(buf, 2);
    virConfBufAdd(buf, "<cells num='%zu'>\n", host->ncells);
    virConfBufAdjustIndent(buf, 2);
    for (i = 0; i < host->ncells; i++) {
        const virCapsHostNUMACell *cell = host->cells[i];

        virConfBufAdd(buf, "<cell id='%d'>\n", cell->num);
        virConfBufAdjustIndent(buf, 2);
        if (cell->mem)
            virConfBufAdd(buf, "<memory unit='KiB'>%llu</memory>\n",
                          cell->mem);
        for (j = 0; j < cell->npages; j++)
            virConfBufAdd(buf, "<pages unit='KiB' size='%u'>%llu</pages>\n",
                          cell->pages[j].size, cell->pages[j].avail);
        if (cell->ndistances) {
            virConfBufAdd(buf, "<distances>\n");
            virConfBufAdjustIndent(buf, 2);
            for (j = 0; j < cell->ndistances; j++)
                virConfBufAdd(buf, "<sibling id='%d' value='%u'/>\n",
                              cell->distances[j].node,
                              cell->distances[j].distance);
            virConfBufAdjustIndent(buf, -2);
            virConfBufAdd(buf, "</distances>\n");
        }
        virConfBufAdd(buf, "<cpus num='%zu'>\n", cell->ncpus);
        virConfBufAdjustIndent(buf, 2);
        for (j = 0; j < cell->ncpus; j++) {
            const virCapsHostNUMACellCPU *c = &cell->cpus[j];
            virConfBufAdd(buf, "<cpu id='%u'", c->id);
            if (c->siblings) {
                g_string_append_printf(buf->str,
                                       " socket_id='%d' die_id='%d' "
                                       "core_id='%d'", c->socket_id,
                                       c->die_id, c->core_id);
                g_string_append_printf(buf->str, " siblings='%s'",
                                       c->siblings);
            }
            g_string_append(buf->str, "/>\n");
        }
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</cpus>\n");
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</cell>\n");
    }
    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</cells>\n");
    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</topology>\n");
}


static void
formatMachines(virConfBuf *buf, const virCapsGuestMachine *m, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        virConfBufAdd(buf, "<machine");
        if (m[i].canonical)
            virConfBufEscape(buf, " canonical='%s'", m[i].canonical);
        if (m[i].maxCpus > 0)
            g_string_append_printf(buf->str, " maxCpus='%u'", m[i].maxCpus);
        if (m[i].deprecated)
            g_string_append(buf->str, " deprecated='yes'");
        virConfBufEscape(buf, ">%s</machine>\n", m[i].name);
    }
}


static void
formatGuest(virConfBuf *buf, const virCapsGuest *g)
{
    size_t i;
    bool anyFeature = false;

    virConfBufAdd(buf, "<guest>\n");
    virConfBufAdjustIndent(buf, 2);
    virConfBufEscape(buf, "<os_type>%s</os_type>\n", g->ostype);
    virConfBufEscape(buf, "<arch name='%s'>\n", g->arch);
    virConfBufAdjustIndent(buf, 2);
    virConfBufAdd(buf, "<wordsize>%d</wordsize>\n", g->wordsize);
    if (g->emulator)
        virConfBufEscape(buf, "<emulator>%s</emulator>\n", g->emulator);
    if (g->loader)
        virConfBufEscape(buf, "<loader>%s</loader>\n", g->loader);
    formatMachines(buf, g->machines, g->nmachines);

    for (i = 0; i < g->ndomains; i++) {
        const virCapsGuestDomain *d = g->domains[i];

        virConfBufEscape(buf, "<domain type='%s'", d->type);
        if (!d->emulator && d->nmachines == 0) {
            g_string_append(buf->str, "/>\n");
            continue;
        }
        g_string_append(buf->str, ">\n");
        virConfBufAdjustIndent(buf, 2);
        if (d->emulator)
            virConfBufEscape(buf, "<emulator>%s</emulator>\n", d->emulator);
        formatMachines(buf, d->machines, d->nmachines);
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</domain>\n");
    }
    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</arch>\n");

    for (i = 0; i < VIR_CAPS_GUEST_FEATURE_LAST; i++)
        anyFeature |= g->features[i].present;
    if (anyFeature) {
        virConfBufAdd(buf, "<features>\n");
        virConfBufAdjustIndent(buf, 2);
        for (i = 0; i < VIR_CAPS_GUEST_FEATURE_LAST; i++) {
            const virCapsGuestFeature *f = &g->features[i];
            if (!f->present)
                continue;
            if (guestFeatures[i].toggles)
                virConfBufAdd(buf, "<%s default='%s' toggle='%s'/>\n",
                              guestFeatures[i].name,
                              virConfTristateSwitchToString(f->defaultOn),
                              virConfTristateBoolToString(f->toggle));
            else
                virConfBufAdd(buf, "<%s/>\n", guestFeatures[i].name);
        }
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</features>\n");
    }

    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</guest>\n\n");
}


char *
virCapabilitiesFormatXML(const virCaps *caps)
{
    const virCapsHost *host = &caps->host;
    virConfBuf buf;
    size_t i, j;

    virConfBufInit(&buf, 0);
    virConfBufAdd(&buf, "<capabilities>\n\n");
    virConfBufAdjustIndent(&buf, 2);
    virConfBufAdd(&buf, "<host>\n");
    virConfBufAdjustIndent(&buf, 2);

    if (host->uuidSet) {
        char uuid[VIR_CONF_UUID_STRLEN];
        virConfUUIDFormat(host->uuid, uuid);
        virConfBufAdd(&buf, "<uuid>%s</uuid>\n", uuid);
    }
    formatHostCPU(&buf, host);

    if (host->powerMgmt) {
        virConfBufAdd(&buf, "<power_management>\n");
        if (host->powerMgmt & VIR_CAPS_PM_SUSPEND_MEM)
            virConfBufAdd(&buf, "  <suspend_mem/>\n");
        if (host->powerMgmt & VIR_CAPS_PM_SUSPEND_DISK)
            virConfBufAdd(&buf, "  <suspend_disk/>\n");
        if (host->powerMgmt & VIR_CAPS_PM_SUSPEND_HYBRID)
            virConfBufAdd(&buf, "  <suspend_hybrid/>\n");
        virConfBufAdd(&buf, "</power_management>\n");
    } else {
        virConfBufAdd(&buf, "<power_management/>\n");
    }

    virConfBufAdd(&buf, "<iommu support='%s'/>\n", host->iommu ? "yes" : "no");

    if (host->offlineMigrate) {
        virConfBufAdd(&buf, "<migration_features>\n");
        virConfBufAdjustIndent(&buf, 2);
        if (host->liveMigrate)
            virConfBufAdd(&buf, "<live/>\n");
        if (host->nmigrateTrans) {
            virConfBufAdd(&buf, "<uri_transports>\n");
            virConfBufAdjustIndent(&buf, 2);
            for (i = 0; i < host->nmigrateTrans; i++)
                virConfBufEscape(&buf, "<uri_transport>%s</uri_transport>\n",
                                 host->migrateTrans[i]);
            virConfBufAdjustIndent(&buf, -2);
            virConfBufAdd(&buf, "</uri_transports>\n");
        }
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</migration_features>\n");
    }

    if (host->netprefix)
        virConfBufEscape(&buf, "<netprefix>%s</netprefix>\n", host->netprefix);

    if (host->numa)
        formatNUMA(&buf, host);

    for (i = 0; i < host->nsecModels; i++) {
        const virCapsHostSecModel *sm = &host->secModels[i];

        virConfBufAdd(&buf, "<secmodel>\n");
        virConfBufAdjustIndent(&buf, 2);
        virConfBufEscape(&buf, "<model>%s</model>\n", sm->model);
        virConfBufEscape(&buf, "<doi>%s</doi>\n", sm->doi ? sm->doi : "");
        for (j = 0; j < sm->nlabels; j++) {
            virConfBufEscape(&buf, "<baselabel type='%s'>", sm->labelTypes[j]);
            virConfBufEscape(&buf, "%s</baselabel>\n", sm->labels[j]);
        }
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</secmodel>\n");
    }

    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</host>\n\n");

    for (i = 0; i < caps->nguests; i++)
        formatGuest(&buf, caps->guests[i]);

    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</capabilities>\n");
    return virConfBufSteal(&buf);
}
