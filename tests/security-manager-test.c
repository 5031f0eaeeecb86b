/* security-manager-test.c: building managers (none, dac, stack), their
 * model and flags, errors, and the stack dispatching to DAC.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include "security/security_manager.h"
#include "security/security_lock.h"
#include "security/security_util.h"
#include "util/virerror.h"
#include "tap.h"
#include "security-testutil.h"


static void
test_none(const char *tmpdir)
{
    g_autoptr(virSecurityManager) mgr = virSecurityManagerNew("none", 0, 0, 0);
    g_autofree char *f = tu_make_file(tmpdir, "none", 1234, 5678);
    g_autofree char *owner = NULL;
    uid_t u;
    gid_t g;

    ok(mgr != NULL, "none driver");
    is_str(virSecurityManagerGetDriver(mgr), "none", "  driver name");
    is_str(virSecurityManagerGetModel(mgr), "none", "  model");
    is_str(virSecurityManagerGetDOI(mgr), "0", "  DOI");
    ok(!virSecurityManagerGetRememberOwner(mgr), "  remembers nothing");
    is_int(virSecurityManagerGetDACIDs(mgr, &u, &g), -1, "  has no DAC ids");
    is_int(virSecurityManagerTransactionStart(mgr), 0, "  transaction start");
    is_int(virSecurityManagerSetFileLabel(mgr, f, 0), 0, "  label");
    is_int(virSecurityManagerTransactionCommit(mgr, -1, true), 0, "  commit");
    owner = tu_owner(f);
    is_str(owner, "1234:5678", "  file untouched");
    is_int(virSecurityManagerRestoreFileLabel(mgr, f, 0), 0, "  restore");
    is_int(virSecurityManagerSetProcessLabel(mgr), 0, "  process label");
    is_int(virSecurityManagerMoveImageMetadata(mgr, -1, f, NULL), 0, "  move");
    is_int(virSecurityManagerSetFileLabel(mgr, NULL, 0), -1, "  NULL path refused");
}


static void
test_errors(const char *tmpdir)
{
    g_autofree char *logpath = tu_log_to_file(tmpdir);
    virSecurityManager *mgr;

    mgr = virSecurityManagerNew("bogus", 0, 0, 0);
    ok(mgr == NULL, "unknown driver");
    is_str(virGetLastErrorMessage(), "internal error: Security driver bogus not found",
           "  libvirt's message");
    is_int(virGetLastErrorDomain(), VIR_FROM_SECURITY, "  domain");

    mgr = virSecurityManagerNew("none", 0, 0,
                                VIR_SECURITY_MANAGER_REQUIRE_CONFINED);
    ok(mgr == NULL, "none cannot satisfy security_require_confined");
    is_str(virGetLastErrorMessage(),
           "unsupported configuration: Security driver \"none\" cannot create "
           "confined guests", "  libvirt's message");

    mgr = virSecurityManagerNew("none", 0, 0,
                                VIR_SECURITY_MANAGER_DEFAULT_CONFINED);
    ok(mgr != NULL, "explicit none with default_confined");
    ok(tu_log_has(logpath, "Configured security driver \"none\" disables "
                  "default policy to create confined guests"), "  warns");
    virSecurityManagerFree(mgr);

    mgr = virSecurityManagerNew(NULL, 0, 0, VIR_SECURITY_MANAGER_DEFAULT_CONFINED);
    ok(mgr != NULL, "default (unnamed) none");
    virSecurityManagerFree(mgr);
    {
        g_autofree char *text = NULL;
        g_file_get_contents(logpath, &text, NULL, NULL);
        ok(!text || !strstr(text, "disables default policy"), "  does not warn");
    }

    mgr = virSecurityManagerNew("dac", 0, 0, 1u << 30);
    ok(mgr == NULL, "unknown manager flags");
    is_int(virGetLastErrorCode(), VIR_ERR_INVALID_ARG, "  invalid argument");

    ok(virSecurityManagerNewStack(NULL) == NULL, "a stack needs a primary");
    {
        g_autoptr(virSecurityManager) none = virSecurityManagerNew("none", 0, 0, 0);
        is_int(virSecurityManagerStackAddNested(none,
                   virSecurityManagerNew("dac", 0, 0, 0)), -1,
               "nesting needs a stack");
    }
    virLogReset();
}


static void
test_stack(const char *tmpdir)
{
    unsigned int flags = VIR_SECURITY_MANAGER_PRIVILEGED |
                         VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP |
                         VIR_SECURITY_MANAGER_REMEMBER_OWNER |
                         VIR_SECURITY_MANAGER_DEFAULT_CONFINED;
    g_autoptr(virSecurityManager) mgr = virSecurityManagerNew("stack", 107, 108,
                                                              flags);
    g_autofree char *f = tu_make_file(tmpdir, "stacked", 1234, 5678);
    g_autofree char *owner = NULL;
    g_autofree char *ref = NULL;
    unsigned int forks;
    uid_t u = 0;
    gid_t g = 0;

    ok(mgr != NULL, "stack of none + dac");
    if (!mgr)
        return;
    is_str(virSecurityManagerGetDriver(mgr), "stack", "  driver");
    is_str(virSecurityManagerGetModel(mgr), "none", "  model is the primary's");
    is_str(virSecurityManagerGetDOI(mgr), "0", "  DOI");
    ok(virSecurityManagerGetDefaultConfined(mgr), "  default confined");
    ok(!virSecurityManagerGetRequireConfined(mgr), "  not required");
    ok(virSecurityManagerGetPrivileged(mgr), "  privileged");
    ok(virSecurityManagerGetRememberOwner(mgr), "  remembers through DAC");
    is_int(virSecurityManagerGetDACIDs(mgr, &u, &g), 0, "  DAC ids");
    ok(u == 107 && g == 108, "  are 107:108");

    if (geteuid() != 0) {
        tap_skip("labelling needs root");
        return;
    }
    forks = virSecurityForkCount();
    is_int(virSecurityManagerTransactionStart(mgr), 0, "transaction on the stack");
    is_int(virSecurityManagerSetFileLabel(mgr, f, 0), 0, "  label");
    is_int(virSecurityManagerTransactionCommit(mgr, -1,
               virSecurityManagerGetRememberOwner(mgr)), 0, "  commit");
    owner = tu_owner(f);
    is_str(owner, "107:108", "  DAC chowned it");
    ref = tu_xattr(f, "trusted", "ref_dac");
    is_str(ref, "1", "  and remembered the owner");
    is_int(virSecurityForkCount() - forks, 1, "  in one child");

    is_int(virSecurityManagerTransactionStart(mgr), 0, "abort on the stack");
    is_int(virSecurityManagerRestoreFileLabel(mgr, f, 0), 0, "  queue restore");
    virSecurityManagerTransactionAbort(mgr);
    g_free(owner);
    owner = tu_owner(f);
    is_str(owner, "107:108", "  nothing restored");

    is_int(virSecurityManagerRestoreFileLabel(mgr, f, 0), 0, "restore");
    g_free(owner);
    owner = tu_owner(f);
    is_str(owner, "1234:5678", "  owner back");
    ok(tu_no_xattrs(f, "trusted"), "  xattrs gone");
}


static void
test_util(void)
{
    uid_t u;
    gid_t g;
    g_autofree char *label = virSecurityDACFormatLabel(107, 108);
    g_autofree char *name = virSecurityXATTRName("trusted", "ref_", "dac");

    is_str(label, "+107:+108", "DAC label format");
    is_str(name, "trusted.libvirt.security.ref_dac", "xattr name");
    ok(virSecurityDACParseLabel("+1234:+5678", &u, &g) == 0 &&
       u == 1234 && g == 5678, "parse +1234:+5678");
    ok(virSecurityDACParseLabel("5:6", &u, &g) == 0 && u == 5 && g == 6,
       "parse 5:6");
    is_int(virSecurityDACParseLabel("+1:", &u, &g), -1, "reject '+1:'");
    is_int(virSecurityDACParseLabel("abc", &u, &g), -1, "reject 'abc'");
    is_int(virSecurityDACParseLabel("+4294967295:+0", &u, &g), -1,
           "reject uid -1");
    ok(virSecurityXATTRNamespaceDefined(), "xattr namespace defined on Linux");
}


int
main(void)
{
    g_autofree char *tmpdir = g_dir_make_tmp("virtkit-secmgr-XXXXXX", NULL);

    test_util();
    test_none(tmpdir);
    test_errors(tmpdir);
    test_stack(tmpdir);
    tu_rmtree(tmpdir);
    return tap_done();
}
