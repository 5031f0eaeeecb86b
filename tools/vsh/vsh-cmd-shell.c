/* vsh-cmd-shell.c: commands about vsh itself (the "vsh" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "vsh.h"


static const vshCmdOptDef vshOptsHelp[] = {
    { "command", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "a command or a group keyword to describe" },
    VSH_OPT_END
};

static bool
vshCmdHelp(vshControl *ctl, const vshCmd *cmd)
{
    const vshCmdGroup *grp;
    const vshCmdDef *def;
    const char *name;

    if (vshCmdOptString(ctl, cmd, "command", &name) <= 0)
        return vshHelpAll(ctl);
    if ((def = vshCmdDefLookup(name)))
        return vshHelpCommand(ctl, def);
    if ((grp = vshCmdGroupLookup(name)))
        return vshHelpGroup(ctl, grp);
    vshError(ctl, "command or command group '%s' doesn't exist", name);
    return false;
}


static bool
vshCmdQuit(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    ctl->quit = true;
    return true;
}


static const vshCmdOptDef vshOptsEcho[] = {
    { "shell", VSH_OT_BOOL, 0, "quote each word so that a shell reads it back" },
    { "xml", VSH_OT_BOOL, 0, "escape each word for use in XML" },
    { "split", VSH_OT_BOOL, 0, "cut words at ',' (',,' stands for a comma), one piece a line" },
    { "err", VSH_OT_BOOL, 0, "write to standard error as an error message" },
    { "string", VSH_OT_ARGV, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK,
      "the words to print" },
    VSH_OPT_END
};

/* Characters that make a word need quoting for a POSIX shell. */
#define VSH_SHELL_SPECIAL " \t\r\n!\"#$&'()*;<>?[\\]^`{|}~"

static void
vshEchoAppend(GString *out, const char *word, bool shell, bool xml)
{
    const char *p;

    if (shell) {
        if (*word && !strpbrk(word, VSH_SHELL_SPECIAL)) {
            g_string_append(out, word);
            return;
        }
        g_string_append_c(out, '\'');
        for (p = word; *p; p++) {
            if (*p == '\'')
                g_string_append(out, "'\\''");
            else
                g_string_append_c(out, *p);
        }
        g_string_append_c(out, '\'');
        return;
    }
    if (xml) {
        for (p = word; *p; p++) {
            switch (*p) {
            case '<': g_string_append(out, "&lt;"); break;
            case '>': g_string_append(out, "&gt;"); break;
            case '&': g_string_append(out, "&amp;"); break;
            case '"': g_string_append(out, "&quot;"); break;
            case '\'': g_string_append(out, "&apos;"); break;
            default: g_string_append_c(out, *p); break;
            }
        }
        return;
    }
    g_string_append(out, word);
}


static bool
vshCmdEcho(vshControl *ctl, const vshCmd *cmd)
{
    bool shell = vshCmdOptBool(cmd, "shell");
    bool xml = vshCmdOptBool(cmd, "xml");
    bool split = vshCmdOptBool(cmd, "split");
    g_autoptr(GString) out = g_string_new(NULL);
    const char *word;
    size_t iter = 0;
    bool first = true;

    if (!vshCmdExclusive(ctl, cmd, "shell", "xml"))
        return false;

    while ((word = vshCmdOptArgv(cmd, "string", &iter))) {
        if (!first)
            g_string_append_c(out, ' ');
        first = false;
        if (!split) {
            vshEchoAppend(out, word, shell, xml);
            continue;
        }
        /* pieces end with a newline each; ",," is a literal comma */
        {
            g_autoptr(GString) piece = g_string_new(NULL);
            const char *p = word;

            for (;;) {
                if (*p == ',' && p[1] == ',') {
                    g_string_append_c(piece, ',');
                    p += 2;
                    continue;
                }
                if (*p == ',' || *p == '\0') {
                    vshEchoAppend(out, piece->str, shell, xml);
                    g_string_append_c(out, '\n');
                    g_string_truncate(piece, 0);
                    if (*p == '\0')
                        break;
                    p++;
                    continue;
                }
                g_string_append_c(piece, *p++);
            }
        }
    }

    if (vshCmdOptBool(cmd, "err"))
        vshError(ctl, "%s", out->str);
    else
        vshPrint(ctl, "%s", out->str);
    return true;
}


static const vshCmdOptDef vshOptsConnect[] = {
    { "name", VSH_OT_STRING, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK,
      "the URI to connect to; the current one when left out" },
    { "readonly", VSH_OT_BOOL, 0, "open a read-only connection" },
    VSH_OPT_END
};

static bool
vshCmdConnect(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *uri = NULL;
    const char *name;

    if (vshCmdOptString(ctl, cmd, "name", &name) < 0)
        return false;
    uri = g_strdup(name ? name : ctl->connname);
    return vshConnect(ctl, uri, vshCmdOptBool(cmd, "readonly"));
}


static const vshCmdOptDef vshOptsCd[] = {
    { "dir", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the new working directory; the home directory when left out" },
    VSH_OPT_END
};

static bool
vshCmdCd(vshControl *ctl, const vshCmd *cmd)
{
    const char *dir;

    if (!ctl->imode) {
        vshError(ctl, "%s", "cd: command valid only in interactive mode");
        return false;
    }
    if (vshCmdOptString(ctl, cmd, "dir", &dir) < 0)
        return false;
    if (!dir)
        dir = g_get_home_dir();
    if (chdir(dir) < 0) {
        vshError(ctl, "cd: %s: %s", g_strerror(errno), dir);
        return false;
    }
    return true;
}


static bool
vshCmdPwd(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autofree char *cwd = g_get_current_dir();

    vshPrint(ctl, "%s\n", cwd);
    return true;
}


const vshCmdDef vshShellCmds[] = {
    { "cd", vshCmdCd, vshOptsCd,
      "change the working directory (interactive mode)", NULL,
      VSH_CMD_NOCONNECT },
    { "connect", vshCmdConnect, vshOptsConnect,
      "open a new connection, replacing the current one",
      "Connects to the given URI, or again to the current one.  The old\n"
      "connection is kept if the new one cannot be opened.",
      VSH_CMD_NOCONNECT },
    { "echo", vshCmdEcho, vshOptsEcho,
      "print its arguments (to check quoting)",
      "Prints the words it was given, separated by spaces, optionally\n"
      "quoted for a shell or escaped for XML.", VSH_CMD_NOCONNECT },
    { "exit", vshCmdQuit, NULL,
      "leave vsh", NULL, VSH_CMD_NOCONNECT },
    { "help", vshCmdHelp, vshOptsHelp,
      "describe the commands",
      "Without argument, lists every command by group; with a command name,\n"
      "describes that command; with a group keyword, lists that group.",
      VSH_CMD_NOCONNECT | VSH_CMD_LAX },
    { "pwd", vshCmdPwd, NULL,
      "print the working directory", NULL, VSH_CMD_NOCONNECT },
    { "quit", vshCmdQuit, NULL,
      "leave vsh", NULL, VSH_CMD_NOCONNECT },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
