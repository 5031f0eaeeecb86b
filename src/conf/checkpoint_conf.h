/* checkpoint_conf.h: <domaincheckpoint> XML (parse, format, disk rules).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A checkpoint records, per disk of a domain, a dirty bitmap from which
 * an incremental backup can start.  The document layout, defaults and
 * error wording follow libvirt 9.0 (element names from its
 * domaincheckpoint schema); the rules are written here from observation.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "conf/domain_conf.h"

typedef enum {
    VIR_CHECKPOINT_DISK_DEFAULT = 0,  /* not said: decided by AlignDisks */
    VIR_CHECKPOINT_DISK_NO,
    VIR_CHECKPOINT_DISK_BITMAP,
} virCheckpointDiskType;

typedef struct {
    char *name;                 /* target (a path is turned into one) */
    int type;                   /* virCheckpointDiskType */
    char *bitmap;
    unsigned long long size;    /* only kept from a redefinition */
} virCheckpointDiskDef;

typedef struct _virCheckpointDef virCheckpointDef;
struct _virCheckpointDef {
    char *name;
    char *description;
    char *parent_name;
    long long creationTime;
    virCheckpointDiskDef *disks;
    size_t ndisks;
    virDomainDef *dom;          /* the domain when it was taken, or NULL */
};

typedef enum {
    /* The document describes an existing checkpoint: name and
     * creationTime are required and kept. */
    VIR_CHECKPOINT_PARSE_REDEFINE = 1 << 0,
} virCheckpointParseFlags;

typedef enum {
    VIR_CHECKPOINT_FORMAT_SECURE    = 1 << 0,
    VIR_CHECKPOINT_FORMAT_NO_DOMAIN = 1 << 1,
    VIR_CHECKPOINT_FORMAT_SIZE      = 1 << 2,
} virCheckpointFormatFlags;

void virCheckpointDefFree(virCheckpointDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virCheckpointDef, virCheckpointDefFree);

/* A new checkpoint (no REDEFINE) is named after the current time unless
 * it has a name, and always gets the current time as creationTime.
 * Errors are libvirt's (structure errors as VIR_ERR_XML_INVALID_SCHEMA). */
virCheckpointDef *virCheckpointDefParseString(const char *xml,
                                              const virDomainXMLOption *xmlopt,
                                              unsigned int flags);

char *virCheckpointDefFormat(const virCheckpointDef *def, unsigned int flags);

/* One entry per disk of `dom` in the domain's order.  With no disks
 * requested, every writable disk with media gets a bitmap and the others
 * none; otherwise the unnamed ones get none.  A bitmap defaults to the
 * checkpoint's name. */
int virCheckpointAlignDisks(virCheckpointDef *def, const virDomainDef *dom);
