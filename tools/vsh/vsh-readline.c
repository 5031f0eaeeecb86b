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


static void
vshRLAddName(const char *name, const char *text)
{
    if (name && g_str_has_prefix(name, text))
        g_ptr_array_add(vshRLMatches, g_strdup(name));
}


/* The value of "--NAME VALUE" among the words, or NULL. */
static const char *
vshRLOptValue(char **words, const char *name)
{
    size_t i;

    for (i = 1; words[i] && words[i + 1]; i++) {
        if (g_str_has_prefix(words[i], "--") && strcmp(words[i] + 2, name) == 0)
            return words[i + 1];
    }
    return NULL;
}


/* The volumes of the pool the command line names (--pool or
 * --inputpool), else the paths of every volume of every running pool. */
static void
vshRLAddVolumes(virConnectPtr conn, char **words, const char *text)
{
    const char *poolname = vshRLOptValue(words, "pool");
    virStoragePoolPtr *pools = NULL;
    int npools, i, j;

    if (!poolname)
        poolname = vshRLOptValue(words, "inputpool");
    if ((npools = virConnectListAllStoragePools(conn, &pools,
                                                VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)) < 0)
        return;
    for (i = 0; i < npools; i++) {
        virStorageVolPtr *vols = NULL;
        int nvols;

        if (poolname && strcmp(poolname, virStoragePoolGetName(pools[i])) != 0) {
            virStoragePoolFree(pools[i]);
            continue;
        }
        if ((nvols = virStoragePoolListAllVolumes(pools[i], &vols, 0)) > 0) {
            for (j = 0; j < nvols; j++) {
                if (poolname) {
                    vshRLAddName(virStorageVolGetName(vols[j]), text);
                } else {
                    g_autofree char *path = virStorageVolGetPath(vols[j]);
                    vshRLAddName(path, text);
                }
                virStorageVolFree(vols[j]);
            }
        }
        free(vols);
        virStoragePoolFree(pools[i]);
    }
    free(pools);
}


/* The objects an option names (domains for "domain", ...). */
static void
vshRLAddObjects(const char *optname, char **words, const char *text)
{
    virConnectPtr conn = vshRLCtl ? vshRLCtl->conn : NULL;
    int n, i;

    if (!conn)
        return;
    if (strcmp(optname, "domain") == 0) {
        virDomainPtr *doms = NULL;
        if ((n = virConnectListAllDomains(conn, &doms, 0)) > 0) {
            for (i = 0; i < n; i++) {
                vshRLAddName(virDomainGetName(doms[i]), text);
                virDomainFree(doms[i]);
            }
        }
        free(doms);
    } else if (strcmp(optname, "network") == 0) {
        virNetworkPtr *nets = NULL;
        if ((n = virConnectListAllNetworks(conn, &nets, 0)) > 0) {
            for (i = 0; i < n; i++) {
                vshRLAddName(virNetworkGetName(nets[i]), text);
                virNetworkFree(nets[i]);
            }
        }
        free(nets);
    } else if (strcmp(optname, "pool") == 0 ||
               strcmp(optname, "inputpool") == 0) {
        virStoragePoolPtr *pools = NULL;
        if ((n = virConnectListAllStoragePools(conn, &pools, 0)) > 0) {
            for (i = 0; i < n; i++) {
                vshRLAddName(virStoragePoolGetName(pools[i]), text);
                virStoragePoolFree(pools[i]);
            }
        }
        free(pools);
    } else if (strcmp(optname, "vol") == 0) {
        vshRLAddVolumes(conn, words, text);
    } else if (strcmp(optname, "device") == 0) {
        virNodeDevicePtr *devs = NULL;
        if ((n = virConnectListAllNodeDevices(conn, &devs, 0)) > 0) {
            for (i = 0; i < n; i++) {
                vshRLAddName(virNodeDeviceGetName(devs[i]), text);
                virNodeDeviceFree(devs[i]);
            }
        }
        free(devs);
    } else if (strcmp(optname, "interface") == 0 ||
               strcmp(optname, "bridge") == 0) {
        virInterfacePtr *ifaces = NULL;
        if ((n = virConnectListAllInterfaces(conn, &ifaces, 0)) > 0) {
            for (i = 0; i < n; i++) {
                vshRLAddName(virInterfaceGetName(ifaces[i]), text);
                virInterfaceFree(ifaces[i]);
            }
        }
        free(ifaces);
    }
    vshResetLibvirtError();
}


/* The option whose value the word being completed is: the one named by
 * the word before ("--pool <TAB>"), else the first positional option
 * that the words so far have not filled. */
static const vshCmdOptDef *
vshRLValueOpt(const vshCmdDef *def, char **words)
{
    g_autoptr(GHashTable) given = g_hash_table_new(g_str_hash, g_str_equal);
    const vshCmdOptDef *opt;
    size_t n = g_strv_length(words);
    size_t bare = 0;
    size_t i;

    if (n >= 2 && g_str_has_prefix(words[n - 1], "--") &&
        !strchr(words[n - 1], '=') &&
        (opt = vshCmdOptDefLookup(def, words[n - 1] + 2)) &&
        opt->type != VSH_OT_BOOL)
        return opt;

    for (i = 1; i < n; i++) {
        if (g_str_has_prefix(words[i], "--")) {
            g_autofree char *name = g_strdup(words[i] + 2);
            char *eq = strchr(name, '=');

            if (eq)
                *eq = '\0';
            if (!(opt = vshCmdOptDefLookup(def, name)))
                continue;
            g_hash_table_add(given, (gpointer)opt->name);
            if (opt->type != VSH_OT_BOOL && !eq)
                i++;
        } else {
            bare++;
        }
    }
    for (opt = def->opts; opt && opt->name; opt++) {
        if (!(opt->flags & VSH_OFLAG_POSITIONAL) ||
            g_hash_table_contains(given, opt->name))
            continue;
        if (bare == 0)
            return opt;
        bare--;
    }
    return NULL;
}


static bool
vshRLIsFileOpt(const vshCmdOptDef *opt)
{
    return strcmp(opt->name, "file") == 0 || strcmp(opt->name, "dir") == 0 ||
           strcmp(opt->name, "srcSpec") == 0 || strcmp(opt->name, "xml") == 0;
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
        const vshCmdOptDef *opt;

        if (text[0] == '-') {
            vshRLAddOptions(def, words, text);
        } else if ((opt = vshRLValueOpt(def, words)) && vshRLIsFileOpt(opt)) {
            return NULL;    /* readline's own file name completion */
        } else {
            if (opt)
                vshRLAddObjects(opt->name, words, text);
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
