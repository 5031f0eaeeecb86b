/* qemu-conf-test.c: qemu.conf's security keys, their defaults, and bad
 * input (syntax, types, unknown users and drivers), each error naming
 * FILE:LINE.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <grp.h>
#include <unistd.h>

#include "qemu/qemu_conf.h"
#include "security/security_manager.h"
#include "util/virerror.h"
#include "tap.h"

#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif


static char *
data(const char *name)
{
    return g_build_filename(TEST_DATA_DIR, "qemuconf", name, NULL);
}


static virQEMUDriverConfig *
load(const char *name, bool privileged)
{
    g_autoptr(virQEMUDriverConfig) cfg = virQEMUDriverConfigNew(privileged);
    g_autofree char *path = data(name);

    virResetLastError();
    if (virQEMUDriverConfigLoadFile(cfg, path, false) < 0) {
        printf("# %s: %s\n", name, virGetLastErrorMessage());
        return NULL;
    }
    return g_steal_pointer(&cfg);
}


static void
test_defaults(void)
{
    g_autoptr(virQEMUDriverConfig) sys = virQEMUDriverConfigNew(true);
    g_autoptr(virQEMUDriverConfig) ses = virQEMUDriverConfigNew(false);
    g_autofree char *missing = data("no-such.conf");
    g_autofree char *want = NULL;
    g_autofree char *path = virQEMUDriverConfigDefaultPath(true);

    tap_diag("defaults");
    ok(sys->user == 0 && sys->group == 0, "system: QEMU runs as root:root");
    ok(sys->dynamicOwnership, "system: dynamic_ownership = 1");
    ok(sys->rememberOwner, "system: remember_owner = 1 (xattrs exist)");
    ok(sys->securityDefaultConfined, "security_default_confined = 1");
    ok(!sys->securityRequireConfined, "security_require_confined = 0");
    ok(sys->securityDriverNames == NULL, "no security_driver");
    ok(ses->user == getuid() && ses->group == getgid(),
       "session: QEMU runs as the daemon's user");
    ok(!ses->dynamicOwnership, "session: dynamic_ownership = 0");
    ok(!ses->rememberOwner, "session: remember_owner = 0");
    ok(g_str_has_suffix(path, "/virtkit/qemu.conf"), "default path %s", path);

    is_int(virQEMUDriverConfigLoadFile(sys, missing, true), 0,
           "a missing qemu.conf is fine when allowed");
    ok(sys->configFile == NULL, "  nothing loaded");
    is_int(virQEMUDriverConfigLoadFile(sys, missing, false), -1,
           "and an error otherwise");
    want = g_strdup_printf("Failed to open file '%s': No such file or directory",
                           missing);
    is_str(virGetLastErrorMessage(), want, "  message");
}


static void
test_good(void)
{
    g_autoptr(virQEMUDriverConfig) cfg = NULL;
    g_autoptr(virSecurityManager) mgr = NULL;
    g_autofree char *path = data("full.conf");
    struct group *daemon_grp;

    tap_diag("good files");
    cfg = load("full.conf", true);
    ok(cfg != NULL, "full.conf loads");
    if (cfg) {
        is_int(cfg->user, 107, "  user = +107");
        is_int(cfg->group, 108, "  group = +108");
        ok(cfg->dynamicOwnership, "  dynamic_ownership = 1");
        ok(cfg->rememberOwner, "  remember_owner = 1");
        ok(cfg->securityDriverNames && g_strv_length(cfg->securityDriverNames) == 1 &&
           g_str_equal(cfg->securityDriverNames[0], "none"),
           "  security_driver = \"none\"");
        ok(!cfg->securityDefaultConfined, "  security_default_confined = 0");
        is_str(cfg->configFile, path, "  file recorded");
        is_int(virQEMUDriverConfigSecurityFlags(cfg),
               VIR_SECURITY_MANAGER_PRIVILEGED |
               VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP |
               VIR_SECURITY_MANAGER_REMEMBER_OWNER, "  manager flags");
        mgr = virQEMUDriverConfigNewSecurityManager(cfg);
        ok(mgr != NULL, "  security manager built");
        if (mgr) {
            uid_t u = 0;
            gid_t g = 0;

            is_str(virSecurityManagerGetDriver(mgr), "stack", "  a stack");
            is_str(virSecurityManagerGetModel(mgr), "none", "  model none");
            ok(virSecurityManagerGetRememberOwner(mgr), "  remembering owners");
            virSecurityManagerGetDACIDs(mgr, &u, &g);
            ok(u == 107 && g == 108, "  DAC as 107:108");
        }
        g_clear_pointer(&mgr, virSecurityManagerFree);
    }
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);

    cfg = load("defaults.conf", true);
    ok(cfg && cfg->rememberOwner && cfg->dynamicOwnership && cfg->user == 0,
       "an empty file keeps the defaults");
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);

    daemon_grp = getgrnam("daemon");
    cfg = load("names.conf", true);
    ok(cfg && cfg->user == 0, "user = \"root\" by name");
    if (daemon_grp)
        ok(cfg && cfg->group == daemon_grp->gr_gid, "group = \"daemon\" by name");
    else
        tap_skip("no group named daemon");
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);

    cfg = load("numeric-no-plus.conf", true);
    ok(cfg && cfg->user == 4242 && cfg->group == 4343,
       "a bare number that is no name is an id");
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);

    cfg = load("remember-off.conf", true);
    ok(cfg && !cfg->rememberOwner, "remember_owner = 0");
    if (cfg) {
        mgr = virQEMUDriverConfigNewSecurityManager(cfg);
        ok(mgr && !virSecurityManagerGetRememberOwner(mgr),
           "  the manager does not remember (no xattrs, locks, fork)");
        g_clear_pointer(&mgr, virSecurityManagerFree);
    }
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);

    cfg = load("dynamic-off.conf", true);
    ok(cfg && !cfg->dynamicOwnership && cfg->rememberOwner,
       "dynamic_ownership = 0");
    if (cfg) {
        ok(!(virQEMUDriverConfigSecurityFlags(cfg) &
             VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP), "  flag off");
        mgr = virQEMUDriverConfigNewSecurityManager(cfg);
        ok(mgr && !virSecurityManagerGetRememberOwner(mgr),
           "  nothing is chowned, so nothing remembered");
        g_clear_pointer(&mgr, virSecurityManagerFree);
    }
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);

    cfg = load("driver-list.conf", true);
    ok(cfg && cfg->securityDriverNames &&
       g_str_equal(cfg->securityDriverNames[0], "none"),
       "security_driver = [ \"none\" ]");
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);

    cfg = load("driver-empty-list.conf", true);
    ok(cfg && cfg->securityDriverNames == NULL,
       "security_driver = [ ] is the default");
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);

    cfg = load("require-confined.conf", true);
    ok(cfg && cfg->securityRequireConfined, "security_require_confined = 1 loads");
    if (cfg) {
        mgr = virQEMUDriverConfigNewSecurityManager(cfg);
        ok(mgr == NULL, "  but \"none\" cannot confine");
        is_str(virGetLastErrorMessage(),
               "unsupported configuration: Security driver \"none\" cannot "
               "create confined guests", "  libvirt's message");
    }
    g_clear_pointer(&cfg, virQEMUDriverConfigFree);
}


typedef struct {
    const char *file;
    const char *msg;    /* after "PREFIX: PATH:" */
    int code;
} BadCase;


static void
test_bad(void)
{
    static const BadCase cases[] = {
        { "syntax-error.conf", "6: expecting a separator", VIR_ERR_CONF_SYNTAX },
        { "bad-user.conf", "3: Failed to parse user 'no-such-user-virtkit'",
          VIR_ERR_INVALID_ARG },
        { "bad-group.conf", "2: Failed to parse group 'no-such-group-virtkit'",
          VIR_ERR_INVALID_ARG },
        { "bad-plus-user.conf", "1: Failed to parse user 'abc'",
          VIR_ERR_INVALID_ARG },
        { "bad-user-type.conf", "1: expected a string for 'user' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "bad-dynamic.conf",
          "1: value for 'dynamic_ownership' parameter must be 0 or 1",
          VIR_ERR_INTERNAL_ERROR },
        { "bad-remember.conf", "2: expected a bool for 'remember_owner' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "bad-driver-type.conf",
          "1: expected a string or string list for 'security_driver' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "bad-driver-list-none.conf",
          "1: Security driver \"none\" cannot be combined with other drivers",
          VIR_ERR_CONF_SYNTAX },
        { "bad-driver-duplicate.conf", "1: Duplicate security driver none",
          VIR_ERR_CONF_SYNTAX },
        { "bad-driver-unknown.conf", "1: Security driver bogus not found",
          VIR_ERR_CONFIG_UNSUPPORTED },
        { "bad-driver-dac.conf", "2: Security driver dac not found",
          VIR_ERR_CONFIG_UNSUPPORTED },
    };
    size_t i;

    tap_diag("bad files");
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(virQEMUDriverConfig) cfg = virQEMUDriverConfigNew(true);
        g_autofree char *path = data(cases[i].file);
        g_autofree char *want = NULL;
        const char *prefix;

        switch (cases[i].code) {
        case VIR_ERR_CONF_SYNTAX: prefix = "configuration file syntax error"; break;
        case VIR_ERR_INVALID_ARG: prefix = "invalid argument"; break;
        case VIR_ERR_CONFIG_UNSUPPORTED: prefix = "unsupported configuration"; break;
        default: prefix = "internal error"; break;
        }
        want = g_strdup_printf("%s: %s:%s", prefix, path, cases[i].msg);
        virResetLastError();
        is_int(virQEMUDriverConfigLoadFile(cfg, path, true), -1,
               "%s is rejected", cases[i].file);
        is_str(virGetLastErrorMessage(), want, "  message names file:line");
        is_int(virGetLastErrorCode(), cases[i].code, "  code");
        is_int(virGetLastErrorDomain(), VIR_FROM_CONF, "  domain");
    }
}


static void
test_parse_ids(void)
{
    uid_t u = 1;
    gid_t g = 1;

    tap_diag("user and group names");
    ok(virQEMUParseUser("+107", &u) == 0 && u == 107, "+107");
    ok(virQEMUParseUser("root", &u) == 0 && u == 0, "root");
    ok(virQEMUParseGroup("+0", &g) == 0 && g == 0, "group +0");
    is_int(virQEMUParseUser("+99999999999", &u), -1, "+99999999999 refused");
    is_str(virGetLastErrorMessage(),
           "invalid argument: Failed to parse user '99999999999'",
           "  libvirt's message (without the '+')");
    is_int(virQEMUParseUser("+-1", &u), -1, "+-1 refused");
    is_int(virQEMUParseGroup("nosuchgroup-virtkit", &g), -1, "unknown group");
    is_str(virGetLastErrorMessage(),
           "invalid argument: Failed to parse group 'nosuchgroup-virtkit'",
           "  message");
}


static void
test_system_file(void)
{
    const char *sys = "/etc/libvirt/qemu.conf";
    g_autoptr(virQEMUDriverConfig) cfg = virQEMUDriverConfigNew(true);

    if (access(sys, R_OK) < 0) {
        tap_skip("no /etc/libvirt/qemu.conf to read");
        return;
    }
    /* Its user/group may name a user this machine lacks; the syntax and
     * the other keys must be fine. */
    if (virQEMUDriverConfigLoadFile(cfg, sys, false) < 0 &&
        virGetLastErrorCode() != VIR_ERR_INVALID_ARG) {
        ok(0, "libvirt's own qemu.conf loads: %s", virGetLastErrorMessage());
        return;
    }
    ok(1, "libvirt's own %s loads", sys);
}


int
main(void)
{
    test_defaults();
    test_good();
    test_bad();
    test_parse_ids();
    test_system_file();
    return tap_done();
}
