/* vsh-parse.c: turn a command line into a list of vshCmd.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two sources feed the same parser: a command string (interactive lines,
 * or a single argument after the program options) with shell-like quoting
 * and ';' between commands, and a plain argv vector that is one command.
 * Everything is parsed before anything runs, so a syntax error anywhere
 * means no command is executed, as with virsh.
 */
#include <config.h>

#include <string.h>

#include "vsh.h"

typedef enum {
    VSH_TK_ERROR,
    VSH_TK_ARG,     /* a word */
    VSH_TK_CMDEND,  /* ';' or newline */
    VSH_TK_END,     /* nothing left */
} vshTokenKind;

typedef struct {
    const char *pos;    /* string mode */
    char **argv;        /* argv mode */
    int argc;
    int idx;
} vshTokenizer;


static bool
vshIsBlank(char c)
{
    return c == ' ' || c == '\t';
}


/* Read one word of a command string.  Outside quotes a backslash takes the
 * next byte literally; in double quotes too; single quotes take everything
 * up to the closing quote (a missing one is forgiven, a missing double
 * quote is not). */
static vshTokenKind
vshTokenString(vshControl *ctl, vshTokenizer *tk, char **word)
{
    const char *p = tk->pos;
    g_autoptr(GString) buf = NULL;
    bool dquote = false;

    for (;;) {
        while (vshIsBlank(*p))
            p++;
        if (*p != '#')
            break;
        /* a comment runs to the end of the line */
        while (*p && *p != '\n')
            p++;
    }

    if (*p == '\0') {
        tk->pos = p;
        return VSH_TK_END;
    }
    if (*p == ';' || *p == '\n') {
        tk->pos = p + 1;
        return VSH_TK_CMDEND;
    }

    buf = g_string_new(NULL);
    while (*p) {
        if (!dquote && (vshIsBlank(*p) || *p == ';' || *p == '\n'))
            break;
        if (*p == '\\') {
            p++;
            if (*p == '\0') {
                vshError(ctl, "%s", "dangling \\");
                return VSH_TK_ERROR;
            }
            g_string_append_c(buf, *p++);
            continue;
        }
        if (*p == '\'' && !dquote) {
            p++;
            while (*p && *p != '\'')
                g_string_append_c(buf, *p++);
            if (*p)
                p++;
            continue;
        }
        if (*p == '"') {
            dquote = !dquote;
            p++;
            continue;
        }
        g_string_append_c(buf, *p++);
    }

    if (dquote) {
        vshError(ctl, "%s", "missing \"");
        return VSH_TK_ERROR;
    }

    tk->pos = p;
    *word = g_string_free(g_steal_pointer(&buf), FALSE);
    return VSH_TK_ARG;
}


static vshTokenKind
vshTokenNext(vshControl *ctl, vshTokenizer *tk, char **word)
{
    *word = NULL;
    if (tk->argv) {
        if (tk->idx >= tk->argc)
            return VSH_TK_END;
        *word = g_strdup(tk->argv[tk->idx++]);
        return VSH_TK_ARG;
    }
    return vshTokenString(ctl, tk, word);
}


const vshCmdDef *
vshCmdDefLookup(const char *name)
{
    const vshCmdDef *const *table;
    const vshCmdDef *def;

    for (table = vshCmdTables; *table; table++) {
        for (def = *table; def->name; def++) {
            if (strcmp(def->name, name) == 0)
                return def;
        }
    }
    return NULL;
}


const vshCmdOptDef *
vshCmdOptDefLookup(const vshCmdDef *def, const char *name)
{
    const vshCmdOptDef *opt;

    for (opt = def->opts; opt && opt->name; opt++) {
        if (strcmp(opt->name, name) == 0)
            return opt;
    }
    return NULL;
}


static void
vshCmdOptFree(gpointer data)
{
    vshCmdOpt *opt = data;

    g_free(opt->value);
    g_free(opt);
}


vshCmd *
vshCmdNew(const vshCmdDef *def)
{
    vshCmd *cmd = g_new0(vshCmd, 1);

    cmd->def = def;
    cmd->opts = g_ptr_array_new_with_free_func(vshCmdOptFree);
    return cmd;
}


void
vshCmdFree(vshCmd *cmd)
{
    if (!cmd)
        return;
    g_ptr_array_unref(cmd->opts);
    g_free(cmd);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(vshCmd, vshCmdFree)


static bool
vshCmdHasOpt(const vshCmd *cmd, const vshCmdOptDef *def)
{
    size_t i;

    for (i = 0; i < cmd->opts->len; i++) {
        const vshCmdOpt *opt = g_ptr_array_index(cmd->opts, i);
        if (opt->def == def)
            return true;
    }
    return false;
}


static void
vshCmdAddOpt(vshCmd *cmd, const vshCmdOptDef *def, char *value)
{
    vshCmdOpt *opt = g_new0(vshCmdOpt, 1);

    opt->def = def;
    opt->value = value;
    g_ptr_array_add(cmd->opts, opt);
}


/* The option that takes the next bare word: the first positional one,
 * in table order, that has no value yet (an ARGV option takes them all). */
static const vshCmdOptDef *
vshCmdNextPositional(const vshCmd *cmd)
{
    const vshCmdOptDef *opt;

    for (opt = cmd->def->opts; opt && opt->name; opt++) {
        if (!(opt->flags & VSH_OFLAG_POSITIONAL) || opt->type == VSH_OT_BOOL)
            continue;
        if (opt->type == VSH_OT_ARGV || !vshCmdHasOpt(cmd, opt))
            return opt;
    }
    return NULL;
}


/* Every missing required option gets its own line, as in virsh; numbers
 * are named as --NAME even where they may be given by position. */
static bool
vshCmdCheckRequired(vshControl *ctl, const vshCmd *cmd)
{
    const vshCmdOptDef *opt;
    bool ok = true;

    for (opt = cmd->def->opts; opt && opt->name; opt++) {
        if (!(opt->flags & VSH_OFLAG_REQUIRED) || vshCmdHasOpt(cmd, opt))
            continue;
        if ((opt->flags & VSH_OFLAG_POSITIONAL) && opt->type != VSH_OT_INT)
            vshError(ctl, "command '%s' requires <%s> option",
                     cmd->def->name, opt->name);
        else
            vshError(ctl, "command '%s' requires --%s option",
                     cmd->def->name, opt->name);
        ok = false;
    }
    return ok;
}


static bool
vshLooksLikeOption(const char *word)
{
    return word[0] == '-' && word[1] == '-' && g_ascii_isalnum(word[2]);
}


/* "CMD --help" anywhere is read as "help CMD"; the rest of that command is
 * skipped, but must still be well formed. */
static vshCmd *
vshCmdHelpFor(vshControl *ctl, vshTokenizer *tk, const vshCmdDef *def,
              vshTokenKind *last)
{
    vshCmd *cmd = vshCmdNew(vshCmdDefLookup("help"));
    vshTokenKind kind;
    char *word;

    vshCmdAddOpt(cmd, vshCmdOptDefLookup(cmd->def, "command"),
                 g_strdup(def->name));
    while ((kind = vshTokenNext(ctl, tk, &word)) == VSH_TK_ARG)
        g_free(word);
    if (kind == VSH_TK_ERROR) {
        vshCmdFree(cmd);
        return NULL;
    }
    *last = kind;
    return cmd;
}


/* Parse the words of one command, after its name.  Returns the command, or
 * NULL after printing an error; *last tells what ended it. */
static vshCmd *
vshParseCommandBody(vshControl *ctl, vshTokenizer *tk,
                    const vshCmdDef *def, vshTokenKind *last)
{
    g_autoptr(vshCmd) cmd = vshCmdNew(def);
    bool dataOnly = false;
    vshTokenKind kind;

    for (;;) {
        g_autofree char *word = NULL;
        const vshCmdOptDef *opt;

        kind = vshTokenNext(ctl, tk, &word);
        if (kind == VSH_TK_ERROR)
            return NULL;
        if (kind != VSH_TK_ARG)
            break;

        if (!dataOnly && strcmp(word, "--") == 0) {
            dataOnly = true;
            continue;
        }

        if (!dataOnly && vshLooksLikeOption(word)) {
            char *name = word + 2;
            char *eq = strchr(name, '=');
            char *value = NULL;

            if (eq)
                *eq = '\0';
            opt = vshCmdOptDefLookup(def, name);
            if (!opt) {
                if (def->flags & VSH_CMD_LAX)
                    continue;
                if (strcmp(name, "help") == 0)
                    return vshCmdHelpFor(ctl, tk, def, last);
                vshError(ctl, "command '%s' doesn't support option --%s",
                         def->name, name);
                return NULL;
            }
            if (opt->type != VSH_OT_ARGV && vshCmdHasOpt(cmd, opt)) {
                vshError(ctl, "option --%s already seen", name);
                return NULL;
            }
            if (opt->type == VSH_OT_BOOL) {
                if (eq) {
                    vshError(ctl, "invalid '=' after option --%s", name);
                    return NULL;
                }
                vshCmdAddOpt(cmd, opt, NULL);
                continue;
            }
            if (eq) {
                value = g_strdup(eq + 1);
            } else {
                kind = vshTokenNext(ctl, tk, &value);
                if (kind == VSH_TK_ERROR)
                    return NULL;
                if (kind != VSH_TK_ARG) {
                    vshError(ctl, "expected syntax: --%s <%s>", name,
                             opt->type == VSH_OT_INT ? "number" : "string");
                    return NULL;
                }
            }
            vshCmdAddOpt(cmd, opt, value);
            continue;
        }

        opt = vshCmdNextPositional(cmd);
        if (!opt) {
            if (def->flags & VSH_CMD_LAX)
                continue;
            vshError(ctl, "unexpected data '%s'", word);
            return NULL;
        }
        vshCmdAddOpt(cmd, opt, g_steal_pointer(&word));
    }

    if (!vshCmdCheckRequired(ctl, cmd))
        return NULL;
    *last = kind;
    return g_steal_pointer(&cmd);
}


static bool
vshParse(vshControl *ctl, vshTokenizer *tk, GPtrArray *out)
{
    for (;;) {
        g_autofree char *word = NULL;
        vshTokenKind kind = vshTokenNext(ctl, tk, &word);
        const vshCmdDef *def;
        vshCmd *cmd;

        if (kind == VSH_TK_ERROR)
            return false;
        if (kind == VSH_TK_END)
            return true;
        if (kind == VSH_TK_CMDEND)
            continue;

        if (!(def = vshCmdDefLookup(word))) {
            vshError(ctl, "unknown command: '%s'", word);
            return false;
        }
        if (!(cmd = vshParseCommandBody(ctl, tk, def, &kind)))
            return false;
        g_ptr_array_add(out, cmd);
        if (kind == VSH_TK_END)
            return true;
    }
}


bool
vshParseString(vshControl *ctl, const char *str, GPtrArray *out)
{
    vshTokenizer tk = { .pos = str };

    return vshParse(ctl, &tk, out);
}


bool
vshParseArgv(vshControl *ctl, int argc, char **argv, GPtrArray *out)
{
    vshTokenizer tk = { .argv = argv, .argc = argc };

    return vshParse(ctl, &tk, out);
}
