/* test_snapshot_conf.h: <domainsnapshot> XML for the test driver.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A stand-in for a src/conf snapshot module: it lives here until one
 * exists, and only the test driver uses it.  Parsing, formatting and the
 * disk alignment rules follow what libvirt 9.0 does for snapshots
 * (element order, defaults, error codes and wording).
 */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "conf/domain_conf.h"

/* Where a snapshot keeps memory or a disk (libvirt's names). */
typedef enum {
    TEST_SNAPSHOT_LOCATION_DEFAULT = 0,
    TEST_SNAPSHOT_LOCATION_NO,
    TEST_SNAPSHOT_LOCATION_INTERNAL,
    TEST_SNAPSHOT_LOCATION_EXTERNAL,
    TEST_SNAPSHOT_LOCATION_MANUAL,
    TEST_SNAPSHOT_LOCATION_LAST
} testSnapshotLocation;

/* A snapshot's state is the domain state (virDomainState) it was taken
 * in, or this one for a disk-only snapshot. */
#define TEST_SNAPSHOT_STATE_DISK_SNAPSHOT (VIR_DOMAIN_PMSUSPENDED + 1)

typedef struct {
    char *name;           /* the disk's target once aligned */
    int snapshot;         /* testSnapshotLocation */
    int type;             /* index in "none file block ..." (file by default) */
    char *path;           /* <source file=|dev=>, or NULL */
    int format;           /* index in the image format list, 0 = none */
} testSnapshotDiskDef;

typedef struct _testSnapshotDef testSnapshotDef;
struct _testSnapshotDef {
    char *name;
    char *description;
    char *parent_name;
    long long creationTime;
    int state;            /* virDomainState or ..._DISK_SNAPSHOT; 0 = none */
    int memory;           /* testSnapshotLocation */
    char *memoryFile;
    testSnapshotDiskDef *disks;
    size_t ndisks;
    virDomainDef *dom;          /* the domain when the snapshot was taken */
    virDomainDef *inactiveDom;  /* <inactiveDomain>, only from redefine */
};

typedef enum {
    /* The XML describes an existing snapshot (virDomainSnapshotCreateXML's
     * REDEFINE): name, state and creationTime are required and kept. */
    TEST_SNAPSHOT_PARSE_REDEFINE = 1 << 0,
    /* Saved state (a <node> file): also read <active>. */
    TEST_SNAPSHOT_PARSE_INTERNAL = 1 << 1,
} testSnapshotParseFlags;

typedef enum {
    TEST_SNAPSHOT_FORMAT_SECURE = 1 << 0,
    TEST_SNAPSHOT_FORMAT_INTERNAL = 1 << 1,   /* write <active> */
    TEST_SNAPSHOT_FORMAT_CURRENT = 1 << 2,    /* ... as 1 */
} testSnapshotFormatFlags;

void testSnapshotDefFree(testSnapshotDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(testSnapshotDef, testSnapshotDefFree);

/* Parse a <domainsnapshot> document.  A new snapshot (no REDEFINE) gets
 * the current time as creationTime, and that number as its name when it
 * has none.  `current` receives <active> with PARSE_INTERNAL. */
testSnapshotDef *testSnapshotDefParseString(const char *xml,
                                            const virDomainXMLOption *xmlopt,
                                            unsigned int flags);
testSnapshotDef *testSnapshotDefParseNode(xmlDocPtr doc, xmlNodePtr node,
                                          const virDomainXMLOption *xmlopt,
                                          unsigned int flags, bool *current);

/* The document libvirt writes; `uuidstr` stands in for a missing domain. */
char *testSnapshotDefFormat(const testSnapshotDef *def, const char *uuidstr,
                            unsigned int flags);

/* Give the snapshot one disk entry per domain disk, in the domain's order:
 * requested ones checked and renamed to their target, the others given
 * `defaultLocation` ("no" for empty drives).  With `uniformInternal` and
 * an internal default, every disk must be internal.  External disks
 * without a file get "<image minus extension>.<snapshot name>".  The
 * domain is def->dom, or `existing` when def has none. */
int testSnapshotAlignDisks(testSnapshotDef *def, virDomainDef *existing,
                           int defaultLocation, bool uniformInternal);

/* Memory or any disk stored outside the images. */
bool testSnapshotDefIsExternal(const testSnapshotDef *def);

const char *testSnapshotStateToString(int state);
int testSnapshotStateFromString(const char *str);
