/* domain_conf_priv.h: what the domain_*.c files share among themselves.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <string.h>

#include "conf/domain_conf.h"
#include "conf/domain_xmlutil.h"

#ifndef STREQ
# define STREQ(a, b) (strcmp(a, b) == 0)
#endif
#ifndef STRNEQ
# define STRNEQ(a, b) (strcmp(a, b) != 0)
#endif

/* An enum's string table (NULL-terminated) and its two lookup functions. */
#define VIR_DOMAIN_ENUM_IMPL(name, ...) \
    static const char *const name##Table[] = { __VA_ARGS__, NULL }; \
    const char *name##TypeToString(int type) \
    { \
        if (type < 0 || type >= (int)G_N_ELEMENTS(name##Table) - 1) \
            return NULL; \
        return name##Table[type]; \
    } \
    int name##TypeFromString(const char *str) \
    { \
        return str ? virDomXMLTableLookup(name##Table, str) : -1; \
    }

/* Grow a pointer array by one and store `item`. */
#define VIR_DOMAIN_APPEND(array, count, item) \
    do { \
        (array) = g_renew(__typeof__(*(array)), (array), (count) + 1); \
        (array)[(count)++] = (item); \
    } while (0)

/* Insert `item` at position `at` of a pointer array. */
#define VIR_DOMAIN_INSERT(array, count, at, item) \
    do { \
        size_t at_ = (at); \
        (array) = g_renew(__typeof__(*(array)), (array), (count) + 1); \
        memmove((array) + at_ + 1, (array) + at_, \
                ((count) - at_) * sizeof(*(array))); \
        (array)[at_] = (item); \
        (count)++; \
    } while (0)

/* ---- devices (domain_conf_devices.c) ---- */

void virDomainDeviceInfoClear(virDomainDeviceInfo *info);
int virDomainDeviceInfoParse(xmlNodePtr node, virDomainDeviceInfo *info,
                             unsigned int flags);
void virDomainDeviceInfoFormat(GString *buf, int level,
                               const virDomainDeviceInfo *info,
                               unsigned int flags);

void virDomainDiskDefFree(virDomainDiskDef *def);
void virDomainControllerDefFree(virDomainControllerDef *def);
void virDomainNetDefFree(virDomainNetDef *def);
void virDomainChrDefFree(virDomainChrDef *def);
void virDomainChrSourceDefFree(virDomainChrSourceDef *def);
void virDomainInputDefFree(virDomainInputDef *def);
void virDomainGraphicsDefFree(virDomainGraphicsDef *def);
void virDomainVideoDefFree(virDomainVideoDef *def);
void virDomainSoundDefFree(virDomainSoundDef *def);
void virDomainAudioDefFree(virDomainAudioDef *def);
void virDomainHostdevDefFree(virDomainHostdevDef *def);
void virDomainMemballoonDefFree(virDomainMemballoonDef *def);
void virDomainRNGDefFree(virDomainRNGDef *def);
void virDomainWatchdogDefFree(virDomainWatchdogDef *def);
void virDomainPanicDefFree(virDomainPanicDef *def);

/* Parse every child of <devices> into def (in libvirt's order). */
int virDomainDevicesParse(virDomainDef *def, xmlNodePtr devices,
                          unsigned int flags);
/* Write the <devices> element. */
void virDomainDevicesFormat(GString *buf, const virDomainDef *def,
                            unsigned int flags);

virDomainControllerDef *virDomainControllerDefNew(int type, int idx);
int virDomainControllerFind(const virDomainDef *def, int type, int idx);
virDomainChrSourceDef *virDomainChrSourceDefCopy(const virDomainChrSourceDef *src);
virDomainChrDef *virDomainChrDefNew(int deviceType);
virDomainVideoDef *virDomainVideoDefNew(int type);

/* Controller models per type (NULL-terminated); NULL if the type has none. */
const char *const *virDomainControllerModels(int type);

/* ---- defaults and checks (domain_postparse.c) ---- */

int virDomainDefPostParseCommon(virDomainDef *def,
                                const virDomainXMLOption *xmlopt,
                                unsigned int flags);

/* A MAC with the 52:54:00 prefix libvirt gives QEMU and test guests. */
void virDomainNetGenerateMAC(unsigned char *mac);
