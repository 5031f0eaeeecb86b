/* vsh-help.c: help texts, all generated from the command tables.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "vsh.h"

static const char *
vshOptTypeWord(const vshCmdOptDef *opt)
{
    return opt->type == VSH_OT_INT ? "number" : "string";
}


/* How an option is shown in the OPTIONS list: "--all", "--mode <string>",
 * "[--domain] <string>" (may be given without its name), "<string>" (an
 * optional list of words). */
char *
vshOptLabel(const vshCmdOptDef *opt)
{
    if (opt->type == VSH_OT_BOOL)
        return g_strdup_printf("--%s", opt->name);
    if (opt->type == VSH_OT_ARGV && !(opt->flags & VSH_OFLAG_REQUIRED) &&
        !(opt->flags & VSH_OFLAG_ARGV_NAMED))
        return g_strdup_printf("<%s>", opt->name);
    if ((opt->flags & VSH_OFLAG_POSITIONAL) &&
        ((opt->flags & VSH_OFLAG_REQUIRED) || opt->type == VSH_OT_ARGV))
        return g_strdup_printf("[--%s] <%s>", opt->name, vshOptTypeWord(opt));
    return g_strdup_printf("--%s <%s>", opt->name, vshOptTypeWord(opt));
}


/* How an option is shown in a synopsis line. */
char *
vshOptSynopsis(const vshCmdOptDef *opt)
{
    bool req = opt->flags & VSH_OFLAG_REQUIRED;
    bool pos = opt->flags & VSH_OFLAG_POSITIONAL;

    switch (opt->type) {
    case VSH_OT_BOOL:
        return g_strdup_printf("[--%s]", opt->name);
    case VSH_OT_ARGV:
        if (opt->flags & VSH_OFLAG_ARGV_NAMED)
            return g_strdup_printf(req ? "{[--%s] <string>}..." :
                                   "[[--%s] <string>]...", opt->name);
        return g_strdup_printf(req ? "<%s>..." : "[<%s>]...", opt->name);
    case VSH_OT_STRING:
    case VSH_OT_INT:
    default:
        if (req && pos)
            return g_strdup_printf("<%s>", opt->name);
        if (req)
            return g_strdup_printf("--%s <%s>", opt->name, vshOptTypeWord(opt));
        return g_strdup_printf("[--%s <%s>]", opt->name, vshOptTypeWord(opt));
    }
}


char *
vshCmdSynopsis(const vshCmdDef *def)
{
    GString *buf = g_string_new(def->name);
    const vshCmdOptDef *opt;

    for (opt = def->opts; opt && opt->name; opt++) {
        g_autofree char *syn = vshOptSynopsis(opt);
        g_string_append_printf(buf, " %s", syn);
    }
    return g_string_free(buf, FALSE);
}


bool
vshHelpCommand(vshControl *ctl, const vshCmdDef *def)
{
    g_autofree char *synopsis = vshCmdSynopsis(def);
    const vshCmdOptDef *opt;

    vshPrint(ctl, "  NAME\n    %s - %s\n\n", def->name, def->summary);
    vshPrint(ctl, "  SYNOPSIS\n    %s\n\n", synopsis);

    if (def->description) {
        g_auto(GStrv) lines = g_strsplit(def->description, "\n", -1);
        size_t i;

        vshPrint(ctl, "  DESCRIPTION\n");
        for (i = 0; lines[i]; i++)
            vshPrint(ctl, "    %s\n", lines[i]);
        vshPrint(ctl, "\n");
    }

    if (def->opts && def->opts->name) {
        vshPrint(ctl, "  OPTIONS\n");
        for (opt = def->opts; opt->name; opt++) {
            g_autofree char *label = vshOptLabel(opt);
            vshPrint(ctl, "    %-15s  %s\n", label, opt->help);
        }
        vshPrint(ctl, "\n");
    }
    return true;
}


/* One group's listing; `gap` adds the blank line that separates groups
 * in the full listing (a single group ends without it, as in virsh). */
static void
vshHelpGroupBody(vshControl *ctl, const vshCmdGroup *grp, bool colon,
                 bool gap)
{
    const vshCmdDef *def;
    size_t i;

    vshPrint(ctl, " %s (help keyword '%s')%s\n", grp->title, grp->keyword,
             colon ? ":" : "");
    VSH_GROUP_FOREACH(grp, def, i)
        vshPrint(ctl, "    %-30s %s\n", def->name, def->summary);
    if (gap)
        vshPrint(ctl, "\n");
}


bool
vshHelpGroup(vshControl *ctl, const vshCmdGroup *grp)
{
    vshHelpGroupBody(ctl, grp, true, false);
    return true;
}


bool
vshHelpAll(vshControl *ctl)
{
    const vshCmdGroup *grp;

    vshPrint(ctl, "Grouped commands:\n\n");
    for (grp = vshCmdGroups; grp->title; grp++) {
        if (vshCmdGroupIsEmpty(grp))
            continue;
        vshHelpGroupBody(ctl, grp, true, true);
    }
    return true;
}


const vshCmdGroup *
vshCmdGroupLookup(const char *keyword)
{
    const vshCmdGroup *grp;

    for (grp = vshCmdGroups; grp->title; grp++) {
        if (strcmp(grp->keyword, keyword) == 0 ||
            (grp->alias && strcmp(grp->alias, keyword) == 0))
            return grp;
    }
    return NULL;
}


/* The text of -h: the program options, then every command by group. */
void
vshUsage(void)
{
    const vshGlobalOptDef *opt;
    const vshCmdGroup *grp;

    printf("\n%s [options]... [<command_string>]\n"
           "%s [options]... <command> [args...]\n\n"
           "  options:\n", vshProgramName(), vshProgramName());
    for (opt = vshGlobalOpts; opt->help; opt++) {
        g_autofree char *label = NULL;

        if (opt->shortopt && opt->longopt)
            label = g_strdup_printf("-%c | --%s%s%s", opt->shortopt,
                                    opt->longopt, opt->arg ? "=" : "",
                                    opt->arg ? opt->arg : "");
        else if (opt->shortopt)
            label = g_strdup_printf("-%c", opt->shortopt);
        else
            label = g_strdup_printf("     --%s%s", opt->longopt,
                                    opt->arg ? opt->arg : "");
        if (strlen(label) > 22)
            printf("    %s\n    %-22s  %s\n", label, "", opt->help);
        else
            printf("    %-22s  %s\n", label, opt->help);
    }
    printf("  commands (non interactive mode):\n\n");
    for (grp = vshCmdGroups; grp->title; grp++) {
        const vshCmdDef *def;
        size_t i;

        if (vshCmdGroupIsEmpty(grp))
            continue;
        printf(" %s (help keyword '%s')\n", grp->title, grp->keyword);
        VSH_GROUP_FOREACH(grp, def, i)
            printf("    %-30s %s\n", def->name, def->summary);
        printf("\n");
    }
    printf("\n  (use 'help <group>' to list the commands of one group)\n\n"
           "  (use 'help <command>' to see the options of one command)\n\n");
}
