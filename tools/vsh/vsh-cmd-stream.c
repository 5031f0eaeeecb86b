/* vsh-cmd-stream.c: the commands that move data through a virStream:
 * screenshot, vol-upload, vol-download and console.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Long transfers show a progress bar on stderr when it is a terminal, and
 * nothing otherwise, so scripts and pipes see only what virsh prints.
 */
#include <config.h>

/* SEEK_DATA, SEEK_HOLE */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "vsh.h"


/* ---- progress ------------------------------------------------------------ */

typedef struct {
    int fd;                         /* the local file */
    unsigned long long total;       /* expected bytes, 0: unknown */
    unsigned long long done;
    bool show;                      /* stderr is a terminal */
    int lastPercent;
    gint64 lastShown;
} vshTransfer;


static void
vshProgressInit(vshTransfer *t, int fd, unsigned long long total)
{
    memset(t, 0, sizeof(*t));
    t->fd = fd;
    t->total = total;
    /* Only worth a bar when it takes a moment. */
    t->show = isatty(STDERR_FILENO) && total >= 4 * 1024 * 1024;
    t->lastPercent = -1;
}


static void
vshProgressAdd(vshTransfer *t, unsigned long long n)
{
    int percent, i, width = 40;
    gint64 now;

    t->done += n;
    if (!t->show || !t->total)
        return;
    percent = t->done >= t->total ? 100 : (int)(t->done * 100 / t->total);
    now = g_get_monotonic_time();
    if (percent == t->lastPercent ||
        (percent < 100 && now - t->lastShown < 100000))
        return;
    t->lastPercent = percent;
    t->lastShown = now;
    fputs("\r[", stderr);
    for (i = 0; i < width; i++)
        fputc(i < percent * width / 100 ? '=' : ' ', stderr);
    fprintf(stderr, "] %3d %%", percent);
    fflush(stderr);
}


static void
vshProgressEnd(vshTransfer *t)
{
    if (t->show && t->lastPercent >= 0) {
        fputc('\n', stderr);
        fflush(stderr);
    }
}


/* ---- screenshot ------------------------------------------------------------ */

static const vshCmdOptDef vshOptsScreenshot[] = {
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the domain, by name, id or UUID" },
    { "file", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the file to write the picture to (default: a name made from the "
      "domain and the time)" },
    { "screen", VSH_OT_INT, 0, "which screen of the domain to capture" },
    VSH_OPT_END
};


static int
vshSinkFD(virStreamPtr st G_GNUC_UNUSED, const char *data, size_t nbytes,
          void *opaque)
{
    vshTransfer *t = opaque;
    size_t off = 0;

    while (off < nbytes) {
        ssize_t n = write(t->fd, data + off, nbytes - off);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        off += n;
    }
    vshProgressAdd(t, nbytes);
    return nbytes;
}


/* The file name extension for an image MIME type. */
static const char *
vshScreenshotExt(const char *mime)
{
    if (g_str_equal(mime, "image/x-portable-pixmap"))
        return ".ppm";
    if (g_str_equal(mime, "image/png"))
        return ".png";
    return "";
}


static bool
vshCmdScreenshot(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *mime = NULL;
    g_autofree char *madeName = NULL;
    const char *name = NULL;
    const char *file = NULL;
    unsigned int screen = 0;
    virStreamPtr st = NULL;
    vshTransfer t;
    bool created = false;
    bool ret = false;
    int fd = -1;

    if (vshCmdOptString(ctl, cmd, "file", &file) < 0)
        return false;
    if (vshCmdOptUInt(ctl, cmd, "screen", false, &screen) < 0)
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;

    if (!(st = virStreamNew(ctl->conn, 0)))
        goto cleanup;
    if (!(mime = virDomainScreenshot(dom, st, screen, 0))) {
        vshError(ctl, "could not take a screenshot of %s",
                 virDomainGetName(dom));
        goto cleanup;
    }
    if (!file) {
        g_autoptr(GDateTime) now = g_date_time_new_now_local();
        g_autofree char *stamp = g_date_time_format(now, "%Y-%m-%d-%H:%M:%S");

        madeName = g_strdup_printf("%s-%s%s", virDomainGetName(dom), stamp,
                                   vshScreenshotExt(mime));
        file = madeName;
    }
    if ((fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0666)) >= 0) {
        created = true;
    } else if (errno != EEXIST ||
               (fd = open(file, O_WRONLY | O_TRUNC, 0666)) < 0) {
        vshError(ctl, "cannot create file %s", file);
        virStreamAbort(st);
        goto cleanup;
    }
    vshProgressInit(&t, fd, 0);
    if (virStreamRecvAll(st, vshSinkFD, &t) < 0) {
        vshError(ctl, "could not receive data from domain %s",
                 virDomainGetName(dom));
        goto cleanup;
    }
    if (close(fd) < 0) {
        fd = -1;
        vshError(ctl, "cannot close file %s", file);
        goto cleanup;
    }
    fd = -1;
    if (virStreamFinish(st) < 0) {
        vshError(ctl, "cannot close stream on domain %s",
                 virDomainGetName(dom));
        goto cleanup;
    }
    /* No newline: the end of the command adds it, as in virsh. */
    vshPrint(ctl, "Screenshot saved to %s, with type of %s", file, mime);
    ret = true;

 cleanup:
    if (fd >= 0)
        close(fd);
    if (!ret && created)
        unlink(file);
    if (st)
        virStreamFree(st);
    return ret;
}


/* ---- vol-upload / vol-download ------------------------------------------- */

static const vshCmdOptDef vshOptsVolUpload[] = {
    { "vol", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the volume, by name (with --pool), key or path" },
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the local file to read" },
    { "pool", VSH_OT_STRING, 0, "the pool holding the volume, by name or UUID" },
    { "offset", VSH_OT_INT, 0, "where in the volume to start writing" },
    { "length", VSH_OT_INT, 0, "how many bytes to write at most" },
    { "sparse", VSH_OT_BOOL, 0, "send the file's holes as holes" },
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsVolDownload[] = {
    { "vol", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the volume, by name (with --pool), key or path" },
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the local file to write" },
    { "pool", VSH_OT_STRING, 0, "the pool holding the volume, by name or UUID" },
    { "offset", VSH_OT_INT, 0, "where in the volume to start reading" },
    { "length", VSH_OT_INT, 0, "how many bytes to read at most" },
    { "sparse", VSH_OT_BOOL, 0, "keep the volume's holes as holes in the file" },
    VSH_OPT_END
};


static int
vshSourceFD(virStreamPtr st G_GNUC_UNUSED, char *data, size_t nbytes,
            void *opaque)
{
    vshTransfer *t = opaque;
    ssize_t n;

    do {
        n = read(t->fd, data, nbytes);
    } while (n < 0 && errno == EINTR);
    if (n > 0)
        vshProgressAdd(t, n);
    return n;
}


/* Where the local file is: in data or in a hole, and for how long. */
static int
vshSourceHole(virStreamPtr st G_GNUC_UNUSED, int *inData, long long *length,
              void *opaque)
{
    vshTransfer *t = opaque;
    off_t pos, data, hole, end;

    if ((pos = lseek(t->fd, 0, SEEK_CUR)) < 0 ||
        (end = lseek(t->fd, 0, SEEK_END)) < 0 ||
        lseek(t->fd, pos, SEEK_SET) < 0)
        return -1;
    if (pos >= end) {
        *inData = 0;
        *length = 0;
        return 0;
    }
    data = lseek(t->fd, pos, SEEK_DATA);
    if (data < 0 && errno != ENXIO)
        return -1;
    if (data < 0 || data > pos) {
        *inData = 0;
        *length = (data < 0 ? end : data) - pos;
    } else {
        if ((hole = lseek(t->fd, pos, SEEK_HOLE)) < 0)
            return -1;
        *inData = 1;
        *length = hole - pos;
    }
    return lseek(t->fd, pos, SEEK_SET) < 0 ? -1 : 0;
}


static int
vshSourceSkip(virStreamPtr st G_GNUC_UNUSED, long long length, void *opaque)
{
    vshTransfer *t = opaque;

    if (lseek(t->fd, length, SEEK_CUR) < 0)
        return -1;
    vshProgressAdd(t, length);
    return 0;
}


/* A hole received: move on in the file, growing it if the hole runs past
 * its end. */
static int
vshSinkHole(virStreamPtr st G_GNUC_UNUSED, long long length, void *opaque)
{
    vshTransfer *t = opaque;
    struct stat sb;
    off_t pos;

    if ((pos = lseek(t->fd, length, SEEK_CUR)) < 0 || fstat(t->fd, &sb) < 0)
        return -1;
    if (sb.st_size < pos && ftruncate(t->fd, pos) < 0)
        return -1;
    vshProgressAdd(t, length);
    return 0;
}


static bool
vshVolTransferOpts(vshControl *ctl, const vshCmd *cmd,
                   unsigned long long *offset, unsigned long long *length)
{
    *offset = *length = 0;
    return vshCmdOptULongLong(ctl, cmd, "offset", false, offset) >= 0 &&
           vshCmdOptULongLong(ctl, cmd, "length", false, length) >= 0;
}


static bool
vshCmdVolUpload(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    unsigned long long offset, length;
    const char *file = NULL;
    const char *name = NULL;
    bool sparse = vshCmdOptBool(cmd, "sparse");
    virStreamPtr st = NULL;
    vshTransfer t;
    struct stat sb;
    bool ret = false;
    int fd = -1;
    int rc;

    if (!vshVolTransferOpts(ctl, cmd, &offset, &length))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) < 0)
        return false;
    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, &name)))
        return false;

    if ((fd = open(file, O_RDONLY)) < 0) {
        vshError(ctl, "cannot read %s", file);
        goto cleanup;
    }
    vshProgressInit(&t, fd, fstat(fd, &sb) == 0 ? (unsigned long long)sb.st_size : 0);
    if (!(st = virStreamNew(ctl->conn, 0)))
        goto cleanup;
    if (virStorageVolUpload(vol, st, offset, length,
                            sparse ? VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM :
                            0) < 0) {
        vshError(ctl, "cannot upload to volume %s", name);
        goto cleanup;
    }
    if (sparse)
        rc = virStreamSparseSendAll(st, vshSourceFD, vshSourceHole,
                                    vshSourceSkip, &t);
    else
        rc = virStreamSendAll(st, vshSourceFD, &t);
    vshProgressEnd(&t);
    if (rc < 0) {
        vshError(ctl, "cannot send data to volume %s", name);
        goto cleanup;
    }
    if (virStreamFinish(st) < 0) {
        vshError(ctl, "cannot close volume %s", name);
        goto cleanup;
    }
    ret = true;

 cleanup:
    if (fd >= 0)
        close(fd);
    if (st)
        virStreamFree(st);
    return ret;
}


static bool
vshCmdVolDownload(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    unsigned long long offset, length, total = 0;
    const char *file = NULL;
    const char *name = NULL;
    bool sparse = vshCmdOptBool(cmd, "sparse");
    virStorageVolInfo info;
    virStreamPtr st = NULL;
    vshTransfer t;
    bool created = false;
    bool ret = false;
    int fd = -1;
    int rc;

    if (!vshVolTransferOpts(ctl, cmd, &offset, &length))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) < 0)
        return false;
    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, &name)))
        return false;

    if ((fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0666)) >= 0) {
        created = true;
    } else if (errno != EEXIST ||
               (fd = open(file, O_WRONLY | O_TRUNC, 0666)) < 0) {
        vshError(ctl, "cannot create %s", file);
        goto cleanup;
    }
    if (isatty(STDERR_FILENO) && virStorageVolGetInfo(vol, &info) == 0 &&
        info.capacity > offset) {
        total = info.capacity - offset;
        if (length && length < total)
            total = length;
    }
    vshResetLibvirtError();
    vshProgressInit(&t, fd, total);
    if (!(st = virStreamNew(ctl->conn, 0)))
        goto cleanup;
    if (virStorageVolDownload(vol, st, offset, length,
                              sparse ? VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM :
                              0) < 0) {
        vshError(ctl, "cannot download from volume %s", name);
        goto cleanup;
    }
    if (sparse)
        rc = virStreamSparseRecvAll(st, vshSinkFD, vshSinkHole, &t);
    else
        rc = virStreamRecvAll(st, vshSinkFD, &t);
    vshProgressEnd(&t);
    if (rc < 0) {
        vshError(ctl, "cannot receive data from volume %s", name);
        goto cleanup;
    }
    if (close(fd) < 0) {
        fd = -1;
        vshError(ctl, "Unable to close %s", file);
        goto cleanup;
    }
    fd = -1;
    if (virStreamFinish(st) < 0) {
        vshError(ctl, "cannot close volume %s", name);
        goto cleanup;
    }
    ret = true;

 cleanup:
    if (fd >= 0)
        close(fd);
    if (!ret && created)
        unlink(file);
    if (st)
        virStreamFree(st);
    return ret;
}


/* ---- console --------------------------------------------------------------- */

static const vshCmdOptDef vshOptsConsole[] = {
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the domain, by name, id or UUID" },
    { "devname", VSH_OT_STRING, 0,
      "which character device to attach to (default: the first console)" },
    { "force", VSH_OT_BOOL, 0,
      "take the console over from a session already attached to it" },
    { "safe", VSH_OT_BOOL, 0,
      "refuse unless the driver can hand the console over safely" },
    VSH_OPT_END
};

typedef struct {
    virStreamPtr st;
    char escape;                /* the byte that leaves the console */
    gint stop;
} vshConsole;


/* The byte typed for an escape given as "^X" (Ctrl + X) or "X". */
static char
vshConsoleEscapeByte(const char *esc)
{
    if (esc[0] == '^' && esc[1])
        return (char)(g_ascii_toupper(esc[1]) ^ 0x40);
    return esc[0];
}


/* Keyboard to the guest, in its own thread while the main one prints. */
static gpointer
vshConsoleInput(gpointer opaque)
{
    vshConsole *con = opaque;
    char buf[1024];

    while (!g_atomic_int_get(&con->stop)) {
        struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
        ssize_t n, i;

        if (poll(&pfd, 1, 200) <= 0)
            continue;
        if ((n = read(STDIN_FILENO, buf, sizeof(buf))) <= 0)
            break;
        for (i = 0; i < n; i++) {
            if (buf[i] == con->escape) {
                n = i;
                g_atomic_int_set(&con->stop, 1);
                break;
            }
        }
        if (n > 0 && virStreamSend(con->st, buf, n) < 0)
            break;
    }
    g_atomic_int_set(&con->stop, 1);
    virStreamAbort(con->st);
    return NULL;
}


bool
vshRunConsole(vshControl *ctl, virDomainPtr dom, const char *devname,
              unsigned int flags)
{
    struct termios saved, raw;
    vshConsole con = { 0 };
    const char *esc;
    GThread *input;
    char buf[4096];
    bool ret = false;
    int n;

    if (vshDomainGetState(dom, NULL) != VIR_DOMAIN_RUNNING &&
        vshDomainGetState(dom, NULL) != VIR_DOMAIN_PAUSED) {
        vshError(ctl, "%s", "The domain is not running");
        return false;
    }
    if (!isatty(STDIN_FILENO)) {
        vshError(ctl, "%s",
                 "Cannot run interactive console without a controlling TTY");
        return false;
    }

    esc = ctl->escape ? ctl->escape : "^]";
    con.escape = vshConsoleEscapeByte(esc);
    vshPrintExtra(ctl, "Connected to domain '%s'\n", virDomainGetName(dom));
    vshPrintExtra(ctl, "Escape character is %s", esc);
    if (esc[0] == '^')
        vshPrintExtra(ctl, " (Ctrl + %c)", esc[1]);
    vshPrintExtra(ctl, "\n");
    fflush(stdout);

    if (!(con.st = virStreamNew(ctl->conn, 0)))
        goto done;
    if (virDomainOpenConsole(dom, devname, con.st, flags) < 0)
        goto done;

    tcgetattr(STDIN_FILENO, &saved);
    raw = saved;
    cfmakeraw(&raw);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);

    input = g_thread_new("console-input", vshConsoleInput, &con);
    while ((n = virStreamRecv(con.st, buf, sizeof(buf))) > 0) {
        if (write(STDOUT_FILENO, buf, n) < 0)
            break;
    }
    g_atomic_int_set(&con.stop, 1);
    g_thread_join(input);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    virStreamFinish(con.st);
    vshResetLibvirtError();
    ret = true;

 done:
    if (con.st)
        virStreamFree(con.st);
    return ret;
}


static bool
vshCmdConsole(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *devname = NULL;
    unsigned int flags = 0;

    if (vshCmdOptString(ctl, cmd, "devname", &devname) < 0)
        return false;
    if (vshCmdOptBool(cmd, "force"))
        flags |= VIR_DOMAIN_CONSOLE_FORCE;
    if (vshCmdOptBool(cmd, "safe"))
        flags |= VIR_DOMAIN_CONSOLE_SAFE;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    return vshRunConsole(ctl, dom, devname, flags);
}


const vshCmdDef vshStreamCmds[] = {
    { "console", vshCmdConsole, vshOptsConsole,
      "attach to a domain's serial console",
      "Connect the terminal to the domain's console; the escape character "
      "(Ctrl + ] unless -e says otherwise) leaves it.", 0 },
    { "screenshot", vshCmdScreenshot, vshOptsScreenshot,
      "save a picture of a domain's screen to a file",
      "Capture what the domain's display shows and write it to a file.", 0 },
    { "vol-download", vshCmdVolDownload, vshOptsVolDownload,
      "copy a volume's contents into a local file",
      "Read the volume (or a range of it) into a file.", 0 },
    { "vol-upload", vshCmdVolUpload, vshOptsVolUpload,
      "copy a local file into a volume",
      "Write the file's contents into the volume (or a range of it).", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
