/* vsh-cmd-secret.c: secret commands (the "secret" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The test driver has no secret driver: on it, every command ends with
 * the library's "not supported" error, as virsh's do.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vsh.h"

#define VSH_OPT_SECRET \
    { "secret", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the secret's UUID" }

static void
vshSecretFree(virSecretPtr secret)
{
    if (secret)
        virSecretFree(secret);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSecret, vshSecretFree)


/* 32 hex digits, dashes anywhere between pairs (as libvirt accepts). */
static bool
vshParseUUID(const char *str, unsigned char *uuid)
{
    size_t n = 0;

    while (*str && n < VIR_UUID_BUFLEN) {
        if (*str == '-') {
            str++;
            continue;
        }
        if (!g_ascii_isxdigit(str[0]) || !g_ascii_isxdigit(str[1]))
            return false;
        uuid[n++] = (g_ascii_xdigit_value(str[0]) << 4) |
                    g_ascii_xdigit_value(str[1]);
        str += 2;
    }
    return n == VIR_UUID_BUFLEN && *str == '\0';
}


/* By UUID bytes, so that the errors name the same function as libvirt's
 * (its string variant parses and hands over to virSecretLookupByUUID). */
static virSecretPtr
vshLookupSecretByString(vshControl *ctl, const char *str, bool why)
{
    unsigned char raw[VIR_UUID_BUFLEN];
    virSecretPtr secret;

    if (!vshParseUUID(str, raw)) {
        vshError(ctl, "failed to get secret '%s'", str);
        vshResetLibvirtError();
        if (why)
            vshError(ctl, "uuidstr in virSecretLookupByUUIDString must be a valid UUID");
        return NULL;
    }
    if (!(secret = virSecretLookupByUUID(ctl->conn, raw)))
        vshError(ctl, "failed to get secret '%s'", str);
    return secret;
}


/* Secrets are found by UUID only; the library's error stays for the
 * second line of the report. */
static virSecretPtr
vshLookupSecret(vshControl *ctl, const vshCmd *cmd, const char **uuid)
{
    const char *str;

    if (vshCmdOptString(ctl, cmd, "secret", &str) <= 0)
        return NULL;
    if (uuid)
        *uuid = str;
    return vshLookupSecretByString(ctl, str, true);
}


/* ---- secret-define, secret-dumpxml, secret-undefine ---------------- */

static const vshCmdOptDef vshOptsSecretDefine[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the secret's XML description" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdSecretDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virSecret) secret = NULL;
    g_autofree char *xml = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_SECRET_DEFINE_VALIDATE;
    if (!(secret = virSecretDefineXML(ctl->conn, xml, flags))) {
        vshError(ctl, "Failed to set attributes from %s", file);
        return false;
    }
    if (virSecretGetUUIDString(secret, uuid) < 0) {
        vshError(ctl, "%s", "Failed to get UUID of created secret");
        return false;
    }
    vshPrintExtra(ctl, "Secret %s created\n", uuid);
    return true;
}


static const vshCmdOptDef vshOptsSecretDumpxml[] = {
    VSH_OPT_SECRET,
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdSecretDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virSecret) secret = NULL;
    g_autofree char *xml = NULL;

    if (!(secret = vshLookupSecret(ctl, cmd, NULL)))
        return false;
    if (!(xml = virSecretGetXMLDesc(secret, 0)))
        return false;
    return vshPrintXMLDoc(ctl, cmd, xml);
}


static const vshCmdOptDef vshOptsSecretOnly[] = {
    VSH_OPT_SECRET,
    VSH_OPT_END
};

static bool
vshCmdSecretUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virSecret) secret = NULL;
    const char *uuid;

    if (!(secret = vshLookupSecret(ctl, cmd, &uuid)))
        return false;
    if (virSecretUndefine(secret) < 0) {
        vshError(ctl, "Failed to delete secret %s", uuid);
        return false;
    }
    vshPrintExtra(ctl, "Secret %s deleted\n", uuid);
    return true;
}


/* ---- secret-set-value, secret-get-value ---------------------------- */

static const vshCmdOptDef vshOptsSecretSetValue[] = {
    VSH_OPT_SECRET,
    { "file", VSH_OT_STRING, 0, "take the value from this file" },
    { "plain", VSH_OT_BOOL, 0, "the file holds raw bytes, not base64" },
    { "interactive", VSH_OT_BOOL, 0, "type the value at the terminal" },
    { "base64", VSH_OT_STRING, 0, "the value, base64-encoded" },
    VSH_OPT_END
};

static bool
vshCmdSecretSetValue(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virSecret) secret = NULL;
    g_autofree char *text = NULL;
    g_autofree guchar *value = NULL;
    const char *base64 = NULL;
    const char *file = NULL;
    bool plain = vshCmdOptBool(cmd, "plain");
    bool interactive = vshCmdOptBool(cmd, "interactive");
    gsize len = 0;
    int rc;

    if (!vshCmdExclusive(ctl, cmd, "file", "base64") ||
        !vshCmdExclusive(ctl, cmd, "plain", "base64") ||
        !vshCmdExclusive(ctl, cmd, "interactive", "base64") ||
        !vshCmdExclusive(ctl, cmd, "interactive", "plain") ||
        !vshCmdExclusive(ctl, cmd, "interactive", "file"))
        return false;
    if (!(secret = vshLookupSecret(ctl, cmd, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "base64", &base64) < 0 ||
        vshCmdOptString(ctl, cmd, "file", &file) < 0)
        return false;

    if (file) {
        g_autoptr(GError) err = NULL;
        if (!g_file_get_contents(file, &text, &len, &err)) {
            vshError(ctl, "failed to read '%s'", file);
            return false;
        }
    } else if (interactive) {
        char *pw = getpass("Enter new value for secret:");
        if (!pw) {
            vshError(ctl, "%s", "Failed to read secret");
            return false;
        }
        text = g_strdup(pw);
        len = strlen(text);
        plain = true;
    } else if (base64) {
        text = g_strdup(base64);
        len = strlen(text);
    } else {
        vshError(ctl, "%s", "Input secret value is missing");
        return false;
    }

    if (plain) {
        value = (guchar *)g_steal_pointer(&text);
    } else {
        /* drop a trailing newline an editor may have left */
        while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
            text[--len] = '\0';
        value = g_base64_decode(text, &len);
    }

    rc = virSecretSetValue(secret, value, len, 0);
    if (value)
        memset(value, 0, len);
    if (rc < 0) {
        vshError(ctl, "%s", "Failed to set secret value");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Secret value set\n");
    return true;
}


static const vshCmdOptDef vshOptsSecretGetValue[] = {
    VSH_OPT_SECRET,
    { "plain", VSH_OT_BOOL, 0, "print the raw bytes instead of base64" },
    VSH_OPT_END
};

static bool
vshCmdSecretGetValue(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virSecret) secret = NULL;
    unsigned char *value;
    size_t len;

    if (!(secret = vshLookupSecret(ctl, cmd, NULL)))
        return false;
    if (!(value = virSecretGetValue(secret, &len, 0)))
        return false;
    if (vshCmdOptBool(cmd, "plain")) {
        fwrite(value, 1, len, stdout);
        fflush(stdout);
    } else {
        g_autofree char *b64 = g_base64_encode(value, len);
        vshPrint(ctl, "%s\n", b64);
    }
    memset(value, 0, len);
    free(value);
    return true;
}


/* ---- secret-list --------------------------------------------------- */

static const vshCmdOptDef vshOptsSecretList[] = {
    { "ephemeral", VSH_OT_BOOL, 0, "only secrets kept in memory" },
    { "no-ephemeral", VSH_OT_BOOL, 0, "only secrets saved to disk" },
    { "private", VSH_OT_BOOL, 0, "only secrets whose value cannot be read" },
    { "no-private", VSH_OT_BOOL, 0, "only secrets whose value can be read" },
    VSH_OPT_END
};

static int
vshSecretSorter(const void *a, const void *b)
{
    virSecretPtr sa = *(virSecretPtr const *)a;
    virSecretPtr sb = *(virSecretPtr const *)b;
    char ua[VIR_UUID_STRING_BUFLEN], ub[VIR_UUID_STRING_BUFLEN];

    virSecretGetUUIDString(sa, ua);
    virSecretGetUUIDString(sb, ub);
    return strcmp(ua, ub);
}


/* All secrets, falling back to the old count-and-list calls on a driver
 * without virConnectListAllSecrets (which cannot filter). */
static int
vshSecretCollect(vshControl *ctl, unsigned int flags, virSecretPtr **out)
{
    g_autofree char **uuids = NULL;
    virSecretPtr *list;
    int n, got, i, kept = 0;

    if ((n = virConnectListAllSecrets(ctl->conn, out, flags)) >= 0)
        return n;
    if (!vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT)) {
        vshError(ctl, "%s", "Failed to list secrets");
        return -1;
    }
    if (flags) {
        vshResetLibvirtError();
        vshError(ctl, "%s", "Filtering is not supported by this libvirt");
        return -1;
    }
    vshResetLibvirtError();
    if ((n = virConnectNumOfSecrets(ctl->conn)) < 0) {
        vshError(ctl, "%s", "Failed to count secrets");
        return -1;
    }
    uuids = g_new0(char *, n + 1);
    if (n > 0 && (got = virConnectListSecrets(ctl->conn, uuids, n)) < 0) {
        vshError(ctl, "%s", "Failed to list secrets");
        return -1;
    } else if (n == 0) {
        got = 0;
    }
    list = g_new0(virSecretPtr, got + 1);
    for (i = 0; i < got; i++) {
        unsigned char raw[VIR_UUID_BUFLEN];
        virSecretPtr s = NULL;

        if (vshParseUUID(uuids[i], raw))
            s = virSecretLookupByUUID(ctl->conn, raw);
        if (s)
            list[kept++] = s;
        free(uuids[i]);
    }
    vshResetLibvirtError();
    *out = list;
    return kept;
}


static bool
vshCmdSecretList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(vshTable) table = NULL;
    virSecretPtr *secrets = NULL;
    unsigned int flags = 0;
    int n, i;

    if (vshCmdOptBool(cmd, "ephemeral"))
        flags |= VIR_CONNECT_LIST_SECRETS_EPHEMERAL;
    if (vshCmdOptBool(cmd, "no-ephemeral"))
        flags |= VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL;
    if (vshCmdOptBool(cmd, "private"))
        flags |= VIR_CONNECT_LIST_SECRETS_PRIVATE;
    if (vshCmdOptBool(cmd, "no-private"))
        flags |= VIR_CONNECT_LIST_SECRETS_NO_PRIVATE;

    if ((n = vshSecretCollect(ctl, flags, &secrets)) < 0)
        return false;
    qsort(secrets, n, sizeof(*secrets), vshSecretSorter);

    table = vshTableNew("UUID", "Usage", NULL);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];
        int type = virSecretGetUsageType(secrets[i]);
        const char *id = virSecretGetUsageID(secrets[i]);
        static const char *const types[] = {
            "none", "volume", "ceph", "iscsi", "tls", "vtpm",
        };
        g_autofree char *usage = NULL;

        virSecretGetUUIDString(secrets[i], uuid);
        if (type > 0 && (size_t)type < G_N_ELEMENTS(types))
            usage = g_strdup_printf("%s %s", types[type], id ? id : "");
        else
            usage = g_strdup("Unused");
        vshTableAppend(table, uuid, usage, NULL);
    }
    vshTablePrint(ctl, table);

    for (i = 0; i < n; i++)
        virSecretFree(secrets[i]);
    free(secrets);
    return true;
}


/* ---- secret-event -------------------------------------------------- */

static const char *const vshSecretEventNames[] = {
    "lifecycle", "value-changed", NULL,
};

static const char *const vshSecretLifecycleNames[] = {
    "Defined", "Undefined",
};

static void
vshSecretEventLifecycle(virConnectPtr conn G_GNUC_UNUSED, virSecretPtr secret,
                        int event, int detail G_GNUC_UNUSED, void *opaque)
{
    char uuid[VIR_UUID_STRING_BUFLEN];

    virSecretGetUUIDString(secret, uuid);
    vshEventPrint(opaque, "event 'lifecycle' for secret %s: %s\n", uuid,
                  event >= 0 && (size_t)event < G_N_ELEMENTS(vshSecretLifecycleNames) ?
                  vshSecretLifecycleNames[event] : "unknown");
}

static void
vshSecretEventGeneric(virConnectPtr conn G_GNUC_UNUSED, virSecretPtr secret,
                      void *opaque)
{
    char uuid[VIR_UUID_STRING_BUFLEN];

    virSecretGetUUIDString(secret, uuid);
    vshEventPrint(opaque, "event 'value-changed' for secret %s\n", uuid);
}

static const vshCmdOptDef vshOptsSecretEvent[] = {
    { "secret", VSH_OT_STRING, 0, "only events of this secret (UUID)" },
    VSH_OPTS_EVENT,
    VSH_OPT_END
};

static bool
vshCmdSecretEvent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virSecret) secret = NULL;
    vshEventData data = { 0 };
    const char *str = NULL;
    int id;
    bool ret;

    if (!vshEventPrepare(ctl, cmd, vshSecretEventNames, &data))
        return data.listed;
    if (vshCmdOptString(ctl, cmd, "secret", &str) < 0)
        return false;
    if (str)
        secret = vshLookupSecretByString(ctl, str, false);

    id = virConnectSecretEventRegisterAny(ctl->conn, secret, data.eventId,
                                          data.eventId == VIR_SECRET_EVENT_ID_LIFECYCLE ?
                                          VIR_SECRET_EVENT_CALLBACK((void (*)(void))vshSecretEventLifecycle) :
                                          VIR_SECRET_EVENT_CALLBACK(vshSecretEventGeneric),
                                          &data, NULL);
    if (id < 0)
        return false;
    ret = vshEventWait(ctl, &data);
    virConnectSecretEventDeregisterAny(ctl->conn, id);
    return ret;
}


const vshCmdDef vshSecretCmds[] = {
    { "secret-define", vshCmdSecretDefine, vshOptsSecretDefine,
      "add or change a secret from an XML file", NULL, 0 },
    { "secret-dumpxml", vshCmdSecretDumpxml, vshOptsSecretDumpxml,
      "print a secret's XML description", NULL, 0 },
    { "secret-event", vshCmdSecretEvent, vshOptsSecretEvent,
      "wait for secret events and print them", NULL, 0 },
    { "secret-get-value", vshCmdSecretGetValue, vshOptsSecretGetValue,
      "print a secret's value (base64 unless --plain)", NULL, 0 },
    { "secret-list", vshCmdSecretList, vshOptsSecretList,
      "list the secrets", NULL, 0 },
    { "secret-set-value", vshCmdSecretSetValue, vshOptsSecretSetValue,
      "store a value in a secret", NULL, 0 },
    { "secret-undefine", vshCmdSecretUndefine, vshOptsSecretOnly,
      "remove a secret", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
