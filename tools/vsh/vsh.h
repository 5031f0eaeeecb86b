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
};

typedef struct {
    const char *name;
    vshOptType type;
    unsigned int flags;
    const char *help;       /* one line, our own words */
} vshCmdOptDef;

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
void vshDomainFree(virDomainPtr dom);
void vshNetworkFree(virNetworkPtr net);
void vshPoolFree(virStoragePoolPtr pool);
void vshVolumeFree(virStorageVolPtr vol);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomain, vshDomainFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetwork, vshNetworkFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePool, vshPoolFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageVol, vshVolumeFree)

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

/* vsh.c: running parsed commands */
bool vshRunCommands(vshControl *ctl, GPtrArray *cmds);
