/* vsh-readline.c: the interactive shell: prompt, history, completion.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "vsh.h"

#define VSH_HISTORY_MAX 500

static vshControl *vshRLCtl;
static GPtrArray *vshRLMatches;
static size_t vshRLIndex;


/* Words of the current command before the cursor's word, split on blanks
 * (good enough for completion; quoting is not interpreted). */
static char **
vshRLWordsBefore(int start)
{
    g_autofree char *head = g_strndup(rl_line_buffer, start);
    char *seg = head;
    char *p;

    for (p = head; *p; p++) {
        if (*p == ';' || *p == '\n')
            seg = p + 1;
    }
    g_strdelimit(seg, "\t", ' ');
    {
        g_auto(GStrv) raw = g_strsplit(seg, " ", -1);
        GPtrArray *words = g_ptr_array_new();
        size_t i;

        for (i = 0; raw[i]; i++) {
            if (*raw[i])
                g_ptr_array_add(words, g_strdup(raw[i]));
        }
        g_ptr_array_add(words, NULL);
        return (char **)g_ptr_array_free(words, FALSE);
    }
}


static void
vshRLAddCommands(const char *text)
{
    const vshCmdDef *const *table;
    const vshCmdDef *def;

    for (table = vshCmdTables; *table; table++) {
        for (def = *table; def->name; def++) {
            if (g_str_has_prefix(def->name, text))
                g_ptr_array_add(vshRLMatches, g_strdup(def->name));
        }
    }
}


static void
vshRLAddOptions(const vshCmdDef *def, char **words, const char *text)
{
    const vshCmdOptDef *opt;

    for (opt = def->opts; opt && opt->name; opt++) {
        g_autofree char *full = g_strdup_printf("--%s", opt->name);
        bool seen = false;
        size_t i;

        for (i = 1; words[i]; i++) {
            if (strcmp(words[i], full) == 0 && opt->type != VSH_OT_ARGV)
                seen = true;
        }
        if (!seen && g_str_has_prefix(full, text))
            g_ptr_array_add(vshRLMatches, g_steal_pointer(&full));
    }
}


/* Names of the objects a command works on, for its first argument. */
static void
vshRLAddObjects(const vshCmdDef *def, const char *text)
{
    virConnectPtr conn = vshRLCtl ? vshRLCtl->conn : NULL;
    int n, i;

    if (!conn)
        return;
    if (vshCmdOptDefLookup(def, "domain")) {
        virDomainPtr *doms = NULL;
        if ((n = virConnectListAllDomains(conn, &doms, 0)) > 0) {
            for (i = 0; i < n; i++) {
                if (g_str_has_prefix(virDomainGetName(doms[i]), text))
                    g_ptr_array_add(vshRLMatches,
                                    g_strdup(virDomainGetName(doms[i])));
                virDomainFree(doms[i]);
            }
        }
        free(doms);
    } else if (vshCmdOptDefLookup(def, "network")) {
        virNetworkPtr *nets = NULL;
        if ((n = virConnectListAllNetworks(conn, &nets, 0)) > 0) {
            for (i = 0; i < n; i++) {
                if (g_str_has_prefix(virNetworkGetName(nets[i]), text))
                    g_ptr_array_add(vshRLMatches,
                                    g_strdup(virNetworkGetName(nets[i])));
                virNetworkFree(nets[i]);
            }
        }
        free(nets);
    } else if (vshCmdOptDefLookup(def, "pool")) {
        virStoragePoolPtr *pools = NULL;
        if ((n = virConnectListAllStoragePools(conn, &pools, 0)) > 0) {
            for (i = 0; i < n; i++) {
                if (g_str_has_prefix(virStoragePoolGetName(pools[i]), text))
                    g_ptr_array_add(vshRLMatches,
                                    g_strdup(virStoragePoolGetName(pools[i])));
                virStoragePoolFree(pools[i]);
            }
        }
        free(pools);
    }
    vshResetLibvirtError();
}


static char *
vshRLGenerator(const char *text G_GNUC_UNUSED, int state)
{
    if (state == 0)
        vshRLIndex = 0;
    if (!vshRLMatches || vshRLIndex >= vshRLMatches->len)
        return NULL;
    /* readline frees what we return with free() */
    return strdup(g_ptr_array_index(vshRLMatches, vshRLIndex++));
}


static char **
vshRLCompletion(const char *text, int start, int end G_GNUC_UNUSED)
{
    g_auto(GStrv) words = vshRLWordsBefore(start);
    const vshCmdDef *def;

    if (vshRLMatches)
        g_ptr_array_unref(vshRLMatches);
    vshRLMatches = g_ptr_array_new_with_free_func(g_free);

    if (!words[0]) {
        vshRLAddCommands(text);
    } else if ((def = vshCmdDefLookup(words[0]))) {
        if (text[0] == '-') {
            vshRLAddOptions(def, words, text);
        } else if (vshCmdOptDefLookup(def, "file") || vshCmdOptDefLookup(def, "dir")) {
            return NULL;    /* readline's own file name completion */
        } else {
            vshRLAddObjects(def, text);
            if (vshRLMatches->len == 0)
                vshRLAddOptions(def, words, text);
        }
    }

    rl_attempted_completion_over = 1;
    if (vshRLMatches->len == 0)
        return NULL;
    return rl_completion_matches(text, vshRLGenerator);
}


static char *
vshHistoryPath(void)
{
    return g_build_filename(g_get_user_cache_dir(), "vsh", "history", NULL);
}


void
vshInteractive(vshControl *ctl)
{
    g_autofree char *histfile = NULL;
    bool tty = isatty(STDIN_FILENO);

    vshRLCtl = ctl;
    rl_readline_name = "vsh";
    rl_attempted_completion_function = vshRLCompletion;
    stifle_history(VSH_HISTORY_MAX);
    if (tty) {
        histfile = vshHistoryPath();
        read_history(histfile);
    }

    vshPrintExtra(ctl,
                  "Welcome to %s, the virtkit shell.\n\n"
                  "Type:  'help' to list the commands\n"
                  "       'quit' to leave\n\n", vshProgramName());

    while (!ctl->quit) {
        g_autoptr(GPtrArray) cmds = g_ptr_array_new_with_free_func((GDestroyNotify)vshCmdFree);
        char *line = readline(ctl->readonly ? "vsh > " : "vsh # ");

        if (!line)
            break;
        if (*line)
            add_history(line);
        if (vshParseString(ctl, line, cmds))
            vshRunCommands(ctl, cmds);
        free(line);
    }
    vshPrint(ctl, "\n");

    if (histfile) {
        g_autofree char *dir = g_path_get_dirname(histfile);
        if (g_mkdir_with_parents(dir, 0755) == 0)
            write_history(histfile);
    }
    if (vshRLMatches) {
        g_ptr_array_unref(vshRLMatches);
        vshRLMatches = NULL;
    }
    vshRLCtl = NULL;
}
