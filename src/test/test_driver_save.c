/* test_driver_save.c: saving and restoring domains of the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A save image holds no memory, only the domain: the same layout as
 * libvirt's test driver writes, so images pass between the two.  That is
 * the magic "TestGuestMagic" with its terminating NUL (15 bytes), the XML
 * length as a host-order int, then the XML (the live definition with
 * secrets, no NUL).  Managed save keeps no file at all: the flag lives
 * on the domain (test_driver_domain.c).  Core dumps write the magic only.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test/test_driver.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define TEST_SAVE_MAGIC "TestGuestMagic"
#define TEST_SAVE_MAGIC_LEN sizeof(TEST_SAVE_MAGIC)
#define TEST_SAVE_XML_MAX 8192


/* libvirt's entry points hand drivers absolute paths (relative to the
 * caller's working directory). */
static char *
testSavePath(const char *path)
{
    g_autofree char *cwd = NULL;

    if (g_path_is_absolute(path))
        return g_strdup(path);
    cwd = g_get_current_dir();
    return g_strdup_printf("%s/%s", cwd, path);
}


static bool
testSaveWriteAll(int fd, const void *data, size_t len)
{
    const char *p = data;

    while (len > 0) {
        ssize_t n = write(fd, p, len);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}


/* Read exactly `len` bytes; false on a short read (errno 0 at the end of
 * the file, as libvirt reports it). */
static bool
testSaveReadAll(int fd, void *data, size_t len)
{
    char *p = data;

    errno = 0;
    while (len > 0) {
        ssize_t n = read(fd, p, len);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0) {
            errno = 0;
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}


static int
testSaveImageWrite(const char *path, const virDomainDef *def)
{
    g_autofree char *xml = virDomainDefFormat(def,
                                              VIR_DOMAIN_DEF_FORMAT_SECURE);
    int len;
    int fd;

    if (!xml) {
        virReportSystemError(errno,
                             "saving domain '%s' failed to allocate space for metadata",
                             def->name);
        return -1;
    }
    if ((fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, S_IRUSR | S_IWUSR)) < 0) {
        virReportSystemError(errno, "saving domain '%s' to '%s': open failed",
                             def->name, path);
        return -1;
    }
    len = strlen(xml);
    if (!testSaveWriteAll(fd, TEST_SAVE_MAGIC, TEST_SAVE_MAGIC_LEN) ||
        !testSaveWriteAll(fd, &len, sizeof(len)) ||
        !testSaveWriteAll(fd, xml, len)) {
        virReportSystemError(errno, "saving domain '%s' to '%s': write failed",
                             def->name, path);
        close(fd);
        unlink(path);
        return -1;
    }
    if (close(fd) < 0) {
        virReportSystemError(errno, "saving domain '%s' to '%s': write failed",
                             def->name, path);
        unlink(path);
        return -1;
    }
    return 0;
}


/* The domain a save image holds, with libvirt's errors. */
static virDomainDef *
testSaveImageRead(const char *path)
{
    char magic[TEST_SAVE_MAGIC_LEN];
    g_autofree char *xml = NULL;
    virDomainDef *def = NULL;
    int len;
    int fd;

    if ((fd = open(path, O_RDONLY)) < 0) {
        virReportSystemError(errno, "cannot read domain image '%s'", path);
        return NULL;
    }
    if (!testSaveReadAll(fd, magic, sizeof(magic))) {
        virReportSystemError(errno, "incomplete save header in '%s'", path);
        goto cleanup;
    }
    if (memcmp(magic, TEST_SAVE_MAGIC, sizeof(magic)) != 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "mismatched header magic");
        goto cleanup;
    }
    if (!testSaveReadAll(fd, &len, sizeof(len))) {
        virReportSystemError(errno, "failed to read metadata length in '%s'",
                             path);
        goto cleanup;
    }
    if (len < 1 || len > TEST_SAVE_XML_MAX) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "length of metadata out of range");
        goto cleanup;
    }
    xml = g_new0(char, len + 1);
    if (!testSaveReadAll(fd, xml, len)) {
        virReportSystemError(errno, "incomplete metadata in '%s'", path);
        goto cleanup;
    }
    def = virDomainDefParseStringFull(xml, testDomainXMLOption(),
                                      VIR_DOMAIN_DEF_PARSE_INACTIVE);

 cleanup:
    close(fd);
    return def;
}


/* ---- save and restore ---- */

int
testDomainSaveFlags(virDomainPtr domain, const char *to, const char *dxml,
                    unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    g_autofree char *path = NULL;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);
    if (dxml) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "xml modification unsupported");
        return -1;
    }
    path = testSavePath(to);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0 ||
        testSaveImageWrite(path, obj->def) < 0)
        goto cleanup;
    domain->id = -1;
    testDomObjStopWithEvent(drv, obj, VIR_DOMAIN_SHUTOFF_SAVED,
                            VIR_DOMAIN_EVENT_STOPPED_SAVED);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSave(virDomainPtr domain, const char *to)
{
    return testDomainSaveFlags(domain, to, NULL, 0);
}


int
testDomainRestoreFlags(virConnectPtr conn, const char *from, const char *dxml,
                       unsigned int flags)
{
    testDriver *drv = conn->privateData;
    g_autoptr(virDomainDef) def = NULL;
    g_autofree char *path = NULL;
    int ret = -1;

    virCheckFlags(0, -1);
    if (dxml) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "xml modification unsupported");
        return -1;
    }
    path = testSavePath(from);

    g_mutex_lock(&drv->lock);
    if (!(def = testSaveImageRead(path)))
        goto cleanup;
    testDomainDefFinish(def);
    if (testDomObjStartDef(drv, &def, VIR_DOMAIN_RUNNING_RESTORED,
                           VIR_DOMAIN_EVENT_STARTED_RESTORED))
        ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainRestore(virConnectPtr conn, const char *from)
{
    return testDomainRestoreFlags(conn, from, NULL, 0);
}


char *
testDomainSaveImageGetXMLDesc(virConnectPtr conn G_GNUC_UNUSED,
                              const char *file, unsigned int flags)
{
    g_autoptr(virDomainDef) def = NULL;
    g_autofree char *path = NULL;

    virCheckFlags(VIR_DOMAIN_SAVE_IMAGE_XML_SECURE, NULL);

    path = testSavePath(file);
    if (!(def = testSaveImageRead(path)))
        return NULL;
    /* libvirt shows the secrets whatever the flag. */
    return virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE);
}


int
testDomainSaveImageDefineXML(virConnectPtr conn G_GNUC_UNUSED,
                             const char *file, const char *dxml,
                             unsigned int flags)
{
    g_autoptr(virDomainDef) old = NULL;
    g_autoptr(virDomainDef) def = NULL;
    g_autofree char *path = NULL;

    virCheckFlags(VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED, -1);

    path = testSavePath(file);
    if (!(old = testSaveImageRead(path)))
        return -1;
    if (!(def = virDomainDefParseStringFull(dxml, testDomainXMLOption(),
                                            VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return -1;
    return testSaveImageWrite(path, def);
}


/* ---- core dumps ---- */

int
testDomainCoreDumpWithFormat(virDomainPtr domain, const char *to,
                             unsigned int dumpformat, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    g_autofree char *path = NULL;
    testDomObj *obj;
    int ret = -1;
    int fd;

    virCheckFlags(VIR_DUMP_CRASH, -1);

    path = testSavePath(to);
    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;

    if ((fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, S_IRUSR | S_IWUSR)) < 0) {
        virReportSystemError(errno, "domain '%s' coredump: failed to open %s",
                             domain->name, path);
        goto cleanup;
    }
    if (!testSaveWriteAll(fd, TEST_SAVE_MAGIC, TEST_SAVE_MAGIC_LEN)) {
        virReportSystemError(errno,
                             "domain '%s' coredump: failed to write header to %s",
                             domain->name, path);
        close(fd);
        goto cleanup;
    }
    if (close(fd) < 0) {
        virReportSystemError(errno, "domain '%s' coredump: write failed: %s",
                             domain->name, path);
        goto cleanup;
    }
    /* The header is written before the format is looked at, as in
     * libvirt. */
    if (dumpformat != VIR_DOMAIN_CORE_DUMP_FORMAT_RAW) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "kdump-compressed format is not supported here");
        goto cleanup;
    }
    if (flags & VIR_DUMP_CRASH) {
        domain->id = -1;
        testDomObjStopWithEvent(drv, obj, VIR_DOMAIN_SHUTOFF_CRASHED,
                                VIR_DOMAIN_EVENT_STOPPED_CRASHED);
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainCoreDump(virDomainPtr domain, const char *to, unsigned int flags)
{
    return testDomainCoreDumpWithFormat(domain, to,
                                        VIR_DOMAIN_CORE_DUMP_FORMAT_RAW,
                                        flags);
}
