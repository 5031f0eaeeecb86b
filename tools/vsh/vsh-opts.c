/* vsh-opts.c: how command handlers read their parsed options.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "vsh.h"

static const vshCmdOpt *
vshCmdFindOpt(const vshCmd *cmd, const char *name)
{
    size_t i;

    for (i = 0; i < cmd->opts->len; i++) {
        const vshCmdOpt *opt = g_ptr_array_index(cmd->opts, i);
        if (strcmp(opt->def->name, name) == 0)
            return opt;
    }
    return NULL;
}


bool
vshCmdOptBool(const vshCmd *cmd, const char *name)
{
    return vshCmdFindOpt(cmd, name) != NULL;
}


/* Returns 1 with *value set when the option was given, 0 with *value NULL
 * when it was not, and -1 (error printed) when it was given empty and the
 * option does not accept that. */
int
vshCmdOptString(vshControl *ctl, const vshCmd *cmd, const char *name,
                const char **value)
{
    const vshCmdOpt *opt = vshCmdFindOpt(cmd, name);

    *value = NULL;
    if (!opt)
        return 0;
    if (!*opt->value && !(opt->def->flags & VSH_OFLAG_EMPTY_OK)) {
        vshError(ctl, "Failed to get option '%s': %s", name,
                 "Option argument is empty");
        return -1;
    }
    *value = opt->value;
    return 1;
}


/* Iterate over the values of an ARGV option: start with *iter = 0. */
const char *
vshCmdOptArgv(const vshCmd *cmd, const char *name, size_t *iter)
{
    while (*iter < cmd->opts->len) {
        const vshCmdOpt *opt = g_ptr_array_index(cmd->opts, (*iter)++);
        if (strcmp(opt->def->name, name) == 0)
            return opt->value;
    }
    return NULL;
}


bool
vshCmdExclusive(vshControl *ctl, const vshCmd *cmd,
                const char *a, const char *b)
{
    if (vshCmdOptBool(cmd, a) && vshCmdOptBool(cmd, b)) {
        vshError(ctl, "Options --%s and --%s are mutually exclusive", a, b);
        return false;
    }
    return true;
}
