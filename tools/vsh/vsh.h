/* vsh.h: shared types of vsh, virtkit's virsh-compatible shell.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every command is described by data (vshCmdDef with its vshCmdOptDef
 * array).  The parser, the help printer, the tab completer and the man page
 * generator all read the same tables, so a command is written once.
 */
#pragma once

#include <stdbool.h>
#include <stdarg.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

typedef struct _vshControl vshControl;
typedef struct _vshCmd vshCmd;

typedef enum {
    VSH_OT_BOOL,    /* a switch: --name */
    VSH_OT_STRING,  /* --name VALUE or --name=VALUE */
    VSH_OT_INT,     /* like STRING, the value must be a number */
    VSH_OT_ARGV,    /* every remaining positional value */
} vshOptType;

enum {
    VSH_OFLAG_REQUIRED   = 1 << 0, /* the command cannot run without it */
    VSH_OFLAG_POSITIONAL = 1 << 1, /* the value may be given without --name */
    VSH_OFLAG_EMPTY_OK   = 1 << 2, /* an empty value is acceptable */
    /* an ARGV list that follows a required positional option: virsh's
     * help then names it, "[[--NAME] <string>]..." */
    VSH_OFLAG_ARGV_NAMED = 1 << 3,
};

typedef struct {
    const char *name;
    vshOptType type;
    unsigned int flags;
    const char *help;       /* one line, our own words */
} vshCmdOptDef;

/* Ends every vshCmdOptDef array. */
#define VSH_OPT_END { NULL, 0, 0, NULL }

enum {
    VSH_CMD_NOCONNECT = 1 << 0, /* does not need a hypervisor connection */
    VSH_CMD_LAX       = 1 << 1, /* ignores unknown options and extra data */
};

typedef bool (*vshCmdHandler)(vshControl *ctl, const vshCmd *cmd);

typedef struct {
    const char *name;
    vshCmdHandler handler;
    const vshCmdOptDef *opts;   /* terminated by an entry with name NULL */
    const char *summary;        /* one line */
    const char *description;    /* a paragraph, may be NULL */
    unsigned int flags;
} vshCmdDef;

/* A help group lists command names in the order help shows them; the
 * commands themselves may come from any table (vsh-cmd-groups.c). */
typedef struct {
    const char *title;
    const char *keyword;        /* what "help KEYWORD" accepts */
    const char *alias;          /* a second accepted keyword, may be NULL */
    const char *const *names;   /* terminated by NULL */
} vshCmdGroup;

/* The command tables, one array per file (vsh-cmd-*.c), each terminated by
 * an entry with name NULL; vshCmdTables lists them all. */
extern const vshCmdDef vshDomainCmds[];
extern const vshCmdDef vshDomainMonitorCmds[];
extern const vshCmdDef vshHostCmds[];
extern const vshCmdDef vshNetworkCmds[];
extern const vshCmdDef vshPoolCmds[];
extern const vshCmdDef vshVolumeCmds[];
extern const vshCmdDef vshShellCmds[];
extern const vshCmdDef vshOwnerCmds[];
extern const vshCmdDef vshMonitorCmds[];
extern const vshCmdDef vshNodeCmds[];
extern const vshCmdDef vshEventCmds[];
extern const vshCmdDef vshSnapshotCmds[];
extern const vshCmdDef vshCheckpointCmds[];
extern const vshCmdDef vshBackupCmds[];
extern const vshCmdDef vshStreamCmds[];
extern const vshCmdDef vshTuneCmds[];
extern const vshCmdDef vshNodeDevCmds[];
extern const vshCmdDef vshInterfaceCmds[];
extern const vshCmdDef vshSecretCmds[];
extern const vshCmdDef vshNWFilterCmds[];
extern const vshCmdDef vshVolumeManageCmds[];
extern const vshCmdDef vshDomainManageCmds[];
extern const vshCmdDef vshDomainVcpuCmds[];
extern const vshCmdDef vshDomainDeviceCmds[];
extern const vshCmdDef vshDomainSaveCmds[];
extern const vshCmdDef vshDomainBlockCmds[];
extern const vshCmdDef *const vshCmdTables[];
extern const vshCmdGroup vshCmdGroups[];

/* Calls FUNC for each command of GRP that exists, in help order. */
#define VSH_GROUP_FOREACH(grp, def, i) \
    for ((i) = 0; (grp)->names[(i)]; (i)++) \
        if (((def) = vshCmdDefLookup((grp)->names[(i)])))

/* One global (command line) option of the vsh program itself. */
typedef struct {
    char shortopt;              /* 0 when there is none */
    const char *longopt;        /* NULL when there is none */
    const char *arg;            /* NULL: takes no value; "[=TYPE]": optional */
    const char *help;
} vshGlobalOptDef;

extern const vshGlobalOptDef vshGlobalOpts[];

/* One parsed option value; a bool has value NULL. */
typedef struct {
    const vshCmdOptDef *def;
    char *value;
} vshCmdOpt;

struct _vshCmd {
    const vshCmdDef *def;
    GPtrArray *opts;            /* vshCmdOpt *, in the order they were seen */
};

struct _vshControl {
    virConnectPtr conn;
    char *connname;             /* URI asked for; NULL means the default */
    bool readonly;
    bool quiet;
    bool imode;                 /* interactive */
    bool timing;
    bool quit;                  /* set by quit/exit */
    int debug;
    char *escape;
    int keepaliveInterval;      /* -k, default 5 */
    int keepaliveCount;         /* -K, default 6 */
    bool keepaliveForced;       /* -k or -K given: failure is fatal */
    GThread *eventLoop;         /* runs the library's default event loop */
    gint eventLoopQuit;
    GPtrArray *cmds;            /* vshCmd *, the parsed command line */
};

/* vsh.c: output and errors */
void vshPrint(vshControl *ctl, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void vshPrintExtra(vshControl *ctl, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void vshError(vshControl *ctl, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
void vshResetLibvirtError(void);
bool vshLibvirtErrorIs(int code);
void vshReportError(vshControl *ctl);
bool vshConnect(vshControl *ctl, const char *uri, bool readonly);
const char *vshProgramName(void);

/* vsh-parse.c: command lines to vshCmd lists */
const vshCmdDef *vshCmdDefLookup(const char *name);
const vshCmdOptDef *vshCmdOptDefLookup(const vshCmdDef *def, const char *name);
bool vshParseString(vshControl *ctl, const char *str, GPtrArray *out);
bool vshParseArgv(vshControl *ctl, int argc, char **argv, GPtrArray *out);
vshCmd *vshCmdNew(const vshCmdDef *def);
void vshCmdFree(vshCmd *cmd);

/* vsh-opts.c: reading the parsed options from a handler */
bool vshCmdOptBool(const vshCmd *cmd, const char *name);
int vshCmdOptString(vshControl *ctl, const vshCmd *cmd, const char *name,
                    const char **value);
const char *vshCmdOptArgv(const vshCmd *cmd, const char *name, size_t *iter);
bool vshCmdExclusive(vshControl *ctl, const vshCmd *cmd,
                     const char *a, const char *b);

/* vsh-table.c: aligned tables like virsh prints them */
typedef struct _vshTable vshTable;
vshTable *vshTableNew(const char *first, ...) G_GNUC_NULL_TERMINATED;
void vshTableAppend(vshTable *table, const char *first, ...) G_GNUC_NULL_TERMINATED;
void vshTablePrint(vshControl *ctl, vshTable *table);
void vshTableFree(vshTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vshTable, vshTableFree)

/* vsh-util.c: lookups and formatting shared by the command files */
enum {
    VSH_BYID   = 1 << 0,
    VSH_BYUUID = 1 << 1,
    VSH_BYNAME = 1 << 2,
    VSH_BYKEY  = 1 << 3,   /* volumes */
    VSH_BYPATH = 1 << 4,   /* volumes */
    VSH_BYALL  = VSH_BYID | VSH_BYUUID | VSH_BYNAME,
};
virDomainPtr vshLookupDomain(vshControl *ctl, const vshCmd *cmd,
                             unsigned int by, const char **name);
virNetworkPtr vshLookupNetwork(vshControl *ctl, const vshCmd *cmd,
                               unsigned int by, const char **name);
virStoragePoolPtr vshLookupPool(vshControl *ctl, const vshCmd *cmd,
                                const char *optname, unsigned int by,
                                const char **name);
virStorageVolPtr vshLookupVolume(vshControl *ctl, const vshCmd *cmd,
                                 const char *optname, const char *poolopt,
                                 unsigned int by, const char **name);
char *vshReadFile(vshControl *ctl, const char *path);
char *vshPrettyCapacity(unsigned long long bytes);
const char *vshDomainStateName(int state);
const char *vshDomainReasonName(int state, int reason);
int vshDomainGetState(virDomainPtr dom, int *reason);
/* numeric options: 1 given (*value set), 0 not given, -1 error printed */
int vshCmdOptInt(vshControl *ctl, const vshCmd *cmd, const char *name,
                 int *value);
int vshCmdOptUInt(vshControl *ctl, const vshCmd *cmd, const char *name,
                  bool wrap, unsigned int *value);
int vshCmdOptULongLong(vshControl *ctl, const vshCmd *cmd, const char *name,
                       bool wrap, unsigned long long *value);
int vshCmdOptScaledInt(vshControl *ctl, const vshCmd *cmd, const char *name,
                       unsigned long long scale, unsigned long long limit,
                       unsigned long long *value);
int vshCmdOptScaledIntAs(vshControl *ctl, const vshCmd *cmd, const char *name,
                         const char *label, unsigned long long scale,
                         unsigned long long limit, unsigned long long *value);
unsigned char *vshParseCPUList(vshControl *ctl, const char *str, int maxcpu,
                               int *maplen);
int vshCmdOptLongLong(vshControl *ctl, const vshCmd *cmd, const char *name,
                      long long *value);
bool vshCmdAffectFlags(vshControl *ctl, const vshCmd *cmd, unsigned int *flags);
char *vshTypedParamString(const virTypedParameter *p);
int vshTypedParamAddFromString(virTypedParameterPtr *params, int *n, int *max,
                               const char *name, int type, const char *text);
char *vshEditString(vshControl *ctl, const char *text);
void vshDomainFree(virDomainPtr dom);
void vshNetworkFree(virNetworkPtr net);
void vshPoolFree(virStoragePoolPtr pool);
void vshVolumeFree(virStorageVolPtr vol);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomain, vshDomainFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetwork, vshNetworkFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePool, vshPoolFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageVol, vshVolumeFree)

/* vsh-cmd-checkpoint.c: helpers the checkpoint and snapshot commands share.
 * A tree item's parent is NULL for a root; children print in array order. */
typedef struct {
    const char *name;
    const char *parent;
} vshTreeItem;
void vshTreePrint(vshControl *ctl, const vshTreeItem *items, size_t n);
char *vshFormatCreationTime(long long when);
long long vshXMLNumber(const char *xml, const char *xpath);
char *vshXMLString(const char *xml, const char *xpath);
void vshXMLEscapeTo(GString *buf, const char *pre, const char *str,
                    const char *post);

/* Checkpoints and snapshots (the "moments" of a domain): how to read and
 * delete one kind of handle, and what its listing table shows. */
typedef struct {
    const char *noun;                    /* "checkpoint", "snapshot" */
    const char *(*getName)(void *handle);
    char *(*getXML)(void *handle);       /* the description, for the table */
    char *(*parentName)(void *handle);   /* NULL for a root */
    void (*freeHandle)(void *handle);
    const char *timeXPath;               /* the creation time in the XML */
    const char *stateXPath;              /* a State column, or NULL */
    int (*del)(void *handle, unsigned int flags);
    unsigned int delChildren;            /* the flags of --children, */
    unsigned int delChildrenOnly;        /* --children-only */
    unsigned int delMetadata;            /* and --metadata */
} vshMomentKind;
/* The end of checkpoint-delete and snapshot-delete, and of
 * checkpoint-parent and snapshot-parent, once the moment is found. */
bool vshMomentDelete(vshControl *ctl, const vshCmd *cmd,
                     const vshMomentKind *kind, void *handle,
                     const char *name);
bool vshMomentPrintParent(vshControl *ctl, const vshMomentKind *kind,
                          void *handle, const char *name);
/* Print @handles (@count of them, taken with the array) as --tree, --name
 * or a table (with --parent a Parent column), sorted by name unless
 * @topological.  @start, taken too, heads the tree when given. */
bool vshMomentListPrint(vshControl *ctl, const vshMomentKind *kind,
                        void *start, void **handles, int count, bool tree,
                        bool names, bool parents, bool topological);

/* vsh-cmd-network.c: waiting for object events, shared by net-event,
 * pool-event, nodedev-event and secret-event.  The callbacks get the
 * vshEventData as opaque and print through vshEventPrint. */
typedef struct {
    vshControl *ctl;
    int eventId;                /* index in the command's list of names */
    bool loop;
    bool timestamp;
    int timeout;                /* seconds; 0: wait for ever */
    bool listed;                /* --list answered the command */
    gint count;
    gint done;
} vshEventData;
#define VSH_OPTS_EVENT \
    { "event", VSH_OT_STRING, 0, "the kind of event to wait for" }, \
    { "loop", VSH_OT_BOOL, 0, "keep waiting after the first event" }, \
    { "timeout", VSH_OT_INT, 0, "give up after this many seconds" }, \
    { "list", VSH_OT_BOOL, 0, "print the kinds of event and stop" }, \
    { "timestamp", VSH_OT_BOOL, 0, "print the time before each event" }
bool vshEventPrepare(vshControl *ctl, const vshCmd *cmd,
                     const char *const *names, vshEventData *data);
void vshEventPrint(vshEventData *data, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
bool vshEventWait(vshControl *ctl, vshEventData *data);

/* vsh-xpath.c: --xpath/--wrap for the dumpxml commands */
bool vshPrintXPath(vshControl *ctl, const char *xml, const char *xpath,
                   bool wrap);
bool vshPrintXMLDoc(vshControl *ctl, const vshCmd *cmd, const char *xml);

#define VSH_OPTS_XPATH \
    { "xpath", VSH_OT_STRING, VSH_OFLAG_EMPTY_OK, \
      "print only the nodes this XPath expression selects" }, \
    { "wrap", VSH_OT_BOOL, 0, \
      "put the selected nodes under one <nodes> root element" }

/* vsh-help.c: help output and the man page */
bool vshHelpCommand(vshControl *ctl, const vshCmdDef *def);
bool vshHelpGroup(vshControl *ctl, const vshCmdGroup *grp);
bool vshHelpAll(vshControl *ctl);
const vshCmdGroup *vshCmdGroupLookup(const char *keyword);
bool vshCmdGroupIsEmpty(const vshCmdGroup *grp);
bool vshCmdGroupsCheck(void);
void vshUsage(void);
char *vshOptLabel(const vshCmdOptDef *opt);
char *vshOptSynopsis(const vshCmdOptDef *opt);
char *vshCmdSynopsis(const vshCmdDef *def);
void vshPrintManPage(void);

/* vsh-readline.c: the interactive loop */
void vshInteractive(vshControl *ctl);

/* vsh-cmd-stream.c: attach the terminal to dom's console until ^] (for
 * console, and start/create --console).  false with the error printed or
 * left as the library's last error. */
bool vshRunConsole(vshControl *ctl, virDomainPtr dom, const char *devname,
                   unsigned int flags);

/* vsh.c: running parsed commands */
bool vshRunCommands(vshControl *ctl, GPtrArray *cmds);
