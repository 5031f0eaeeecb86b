/* fuzz-vsh.c: vsh's command-line parser (tools/vsh/vsh-parse.c).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input up to its first NUL byte is a command string, as typed at the
 * interactive prompt or given as one argument; the whole input split at
 * NUL bytes is an argv vector, as given on the command line.  Both are
 * parsed against the real command tables, nothing runs.  Every command
 * that parses must be consistent with its table (required options there,
 * values where values belong, no option twice except an argv one), and
 * the handlers' option getters and the help synopsis must work on it.
 *
 * vsh.c holds vsh's main(), so it is not linked: the few functions of it
 * that the other vsh files call are replaced below, silently (the parser
 * reports syntax errors through vshError, and a fuzz target must not
 * print).
 */
#include <config.h>

#include "../../tools/vsh/vsh.h"
#include "fuzz.h"

/* ---- what vsh.c would provide ----------------------------------------- */

const vshGlobalOptDef vshGlobalOpts[] = {
    { 0, NULL, NULL, NULL },
};

const char *
vshProgramName(void)
{
    return "vsh";
}

void
vshPrint(vshControl *ctl G_GNUC_UNUSED, const char *fmt G_GNUC_UNUSED, ...)
{
}

void
vshPrintExtra(vshControl *ctl G_GNUC_UNUSED, const char *fmt G_GNUC_UNUSED,
              ...)
{
}

static unsigned int fuzzErrors;

void
vshError(vshControl *ctl G_GNUC_UNUSED, const char *fmt G_GNUC_UNUSED, ...)
{
    fuzzErrors++;
}

void
vshResetLibvirtError(void)
{
}

bool
vshLibvirtErrorIs(int code G_GNUC_UNUSED)
{
    return false;
}

void
vshReportError(vshControl *ctl G_GNUC_UNUSED)
{
}

bool
vshConnect(vshControl *ctl G_GNUC_UNUSED, const char *uri G_GNUC_UNUSED,
           bool readonly G_GNUC_UNUSED)
{
    return false;
}

bool
vshRunCommands(vshControl *ctl G_GNUC_UNUSED, GPtrArray *cmds G_GNUC_UNUSED)
{
    fuzzFail("the parser tried to run commands");
}

/* ---- checks ------------------------------------------------------------ */

static bool
fuzzOptInTable(const vshCmdDef *def, const vshCmdOptDef *opt)
{
    const vshCmdOptDef *o;

    for (o = def->opts; o && o->name; o++) {
        if (o == opt)
            return true;
    }
    return false;
}


static void
fuzzCheckCommand(vshControl *ctl, const vshCmd *cmd)
{
    const vshCmdDef *def = cmd->def;
    const vshCmdOptDef *o;
    g_autofree char *synopsis = NULL;
    size_t i;
    size_t j;

    if (!def || !def->name || vshCmdDefLookup(def->name) != def)
        fuzzFail("a parsed command has no table entry");

    for (i = 0; i < cmd->opts->len; i++) {
        const vshCmdOpt *opt = g_ptr_array_index(cmd->opts, i);

        if (!opt->def || !fuzzOptInTable(def, opt->def))
            fuzzFail("%s: an option that is not in its table", def->name);
        if ((opt->def->type == VSH_OT_BOOL) != (opt->value == NULL))
            fuzzFail("%s: --%s has %s value", def->name, opt->def->name,
                     opt->value ? "a" : "no");
        if (opt->def->type == VSH_OT_ARGV)
            continue;
        for (j = i + 1; j < cmd->opts->len; j++) {
            const vshCmdOpt *other = g_ptr_array_index(cmd->opts, j);
            if (other->def == opt->def)
                fuzzFail("%s: --%s given twice", def->name, opt->def->name);
        }
    }

    /* what a handler does with them */
    for (o = def->opts; o && o->name; o++) {
        const char *value = NULL;
        size_t iter = 0;
        bool given = vshCmdOptBool(cmd, o->name);

        if ((o->flags & VSH_OFLAG_REQUIRED) && !given)
            fuzzFail("%s: required --%s is missing", def->name, o->name);
        switch (o->type) {
        case VSH_OT_BOOL:
            break;
        case VSH_OT_STRING:
        case VSH_OT_INT:
            if (vshCmdOptString(ctl, cmd, o->name, &value) > 0 && !value)
                fuzzFail("%s: --%s given without a value", def->name, o->name);
            break;
        case VSH_OT_ARGV:
            while (vshCmdOptArgv(cmd, o->name, &iter))
                ;
            break;
        }
    }
    synopsis = vshCmdSynopsis(def);
}


static void
fuzzParsed(vshControl *ctl, bool ok, GPtrArray *cmds)
{
    size_t i;

    if (!ok)
        return;
    for (i = 0; i < cmds->len; i++)
        fuzzCheckCommand(ctl, g_ptr_array_index(cmds, i));
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vshControl ctl = { 0 };
    g_autofree char *str = NULL;
    g_autofree char *copy = NULL;
    g_autofree char **argv = NULL;
    g_autoptr(GPtrArray) cmds = NULL;
    g_autoptr(GPtrArray) argvCmds = NULL;
    size_t argc = 0;
    size_t i;

    if (size > FUZZ_MAX_INPUT)
        return 0;

    /* the command string */
    str = fuzzString(data, size);
    cmds = g_ptr_array_new_with_free_func((GDestroyNotify)vshCmdFree);
    fuzzParsed(&ctl, vshParseString(&ctl, str, cmds), cmds);

    /* the argv vector: NUL-separated words (a final NUL ends the last) */
    copy = g_malloc(size + 1);
    memcpy(copy, data, size);
    copy[size] = '\0';
    argv = g_new0(char *, size + 2);
    for (i = 0; i < size; ) {
        argv[argc++] = copy + i;
        i += strlen(copy + i) + 1;
    }
    argvCmds = g_ptr_array_new_with_free_func((GDestroyNotify)vshCmdFree);
    fuzzParsed(&ctl, vshParseArgv(&ctl, (int)argc, argv, argvCmds), argvCmds);
    return 0;
}
