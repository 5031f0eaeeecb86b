/* test_driver_screenshot.c: virDomainScreenshot for the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Like libvirt's test driver, every domain (running or not, any screen)
 * shows the same picture, a PNG image streamed from a local file.  The
 * picture is our own: a grey gradient with a frame, drawn and encoded here
 * (stored deflate blocks need no compressor), written to an unlinked
 * temporary file that the stream then reads.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "test/test_driver.h"
#include "util/virerror.h"
#include "util/virfdstream.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define SHOT_WIDTH 320
#define SHOT_HEIGHT 200


static guint32 crcTable[256];

static void
crcInit(void)
{
    guint32 n, k, c;

    for (n = 0; n < 256; n++) {
        c = n;
        for (k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320U ^ (c >> 1) : c >> 1;
        crcTable[n] = c;
    }
}


static guint32
crcUpdate(guint32 crc, const guint8 *buf, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        crc = crcTable[(crc ^ buf[i]) & 0xff] ^ (crc >> 8);
    return crc;
}


static void
putBE32(GByteArray *out, guint32 v)
{
    guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

    g_byte_array_append(out, b, 4);
}


/* One PNG chunk: length, type, data, CRC over type and data. */
static void
pngChunk(GByteArray *out, const char *type, const guint8 *data, size_t len)
{
    guint32 crc = 0xffffffffU;

    putBE32(out, len);
    g_byte_array_append(out, (const guint8 *)type, 4);
    if (len)
        g_byte_array_append(out, data, len);
    crc = crcUpdate(crc, (const guint8 *)type, 4);
    crc = crcUpdate(crc, data, len);
    putBE32(out, crc ^ 0xffffffffU);
}


/* The zlib stream of `raw`, made of stored (uncompressed) blocks. */
static GByteArray *
zlibStored(const guint8 *raw, size_t len)
{
    GByteArray *z = g_byte_array_new();
    static const guint8 header[2] = { 0x78, 0x01 };
    guint32 a = 1, b = 0;
    size_t off = 0, i;

    g_byte_array_append(z, header, 2);
    do {
        size_t n = MIN(len - off, 65535);
        guint8 blk[5];

        blk[0] = off + n == len ? 1 : 0;    /* last block? */
        blk[1] = n & 0xff;
        blk[2] = n >> 8;
        blk[3] = ~n & 0xff;
        blk[4] = (~n >> 8) & 0xff;
        g_byte_array_append(z, blk, 5);
        g_byte_array_append(z, raw + off, n);
        off += n;
    } while (off < len);
    for (i = 0; i < len; i++) {
        a = (a + raw[i]) % 65521;
        b = (b + a) % 65521;
    }
    putBE32(z, (b << 16) | a);
    return z;
}


/* The picture: 8-bit grey, a diagonal gradient inside a dark frame. */
static GByteArray *
testScreenshotPNG(void)
{
    static const guint8 magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
                                     '\n' };
    GByteArray *png = g_byte_array_new();
    g_autoptr(GByteArray) z = NULL;
    g_autofree guint8 *raw = NULL;
    size_t stride = SHOT_WIDTH + 1;
    guint8 ihdr[13];
    size_t x, y;

    crcInit();
    raw = g_malloc(stride * SHOT_HEIGHT);
    for (y = 0; y < SHOT_HEIGHT; y++) {
        guint8 *row = raw + y * stride;

        row[0] = 0;                         /* filter: none */
        for (x = 0; x < SHOT_WIDTH; x++) {
            bool frame = x < 4 || y < 4 || x >= SHOT_WIDTH - 4 ||
                         y >= SHOT_HEIGHT - 4;

            row[1 + x] = frame ? 0x20 :
                         (guint8)(0x40 + (x + y) * 0xa0 /
                                  (SHOT_WIDTH + SHOT_HEIGHT));
        }
    }

    g_byte_array_append(png, magic, 8);
    memset(ihdr, 0, sizeof(ihdr));
    ihdr[0] = SHOT_WIDTH >> 24; ihdr[1] = SHOT_WIDTH >> 16;
    ihdr[2] = SHOT_WIDTH >> 8; ihdr[3] = SHOT_WIDTH & 0xff;
    ihdr[4] = SHOT_HEIGHT >> 24; ihdr[5] = SHOT_HEIGHT >> 16;
    ihdr[6] = SHOT_HEIGHT >> 8; ihdr[7] = SHOT_HEIGHT & 0xff;
    ihdr[8] = 8;                            /* bit depth */
    ihdr[9] = 0;                            /* colour type: grey */
    pngChunk(png, "IHDR", ihdr, sizeof(ihdr));
    z = zlibStored(raw, stride * SHOT_HEIGHT);
    pngChunk(png, "IDAT", z->data, z->len);
    pngChunk(png, "IEND", NULL, 0);
    return png;
}


/* Bind `st` to a read-only, already unlinked file holding the picture. */
static int
testScreenshotOpenStream(virStreamPtr st)
{
    g_autoptr(GByteArray) png = testScreenshotPNG();
    g_autofree char *path = NULL;
    g_autoptr(GError) gerr = NULL;
    int fd, rfd;

    if ((fd = g_file_open_tmp("virtkit-screenshot-XXXXXX", &path,
                              &gerr)) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "cannot create a screenshot file: %s", gerr->message);
        return -1;
    }
    if (write(fd, png->data, png->len) != (ssize_t)png->len) {
        virReportSystemError(errno, "cannot write screenshot file '%s'",
                             path);
        close(fd);
        unlink(path);
        return -1;
    }
    close(fd);
    if ((rfd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        virReportSystemError(errno, "cannot open screenshot file '%s'", path);
        unlink(path);
        return -1;
    }
    unlink(path);
    return virFDStreamOpen(st, rfd);
}


char *
testDomainScreenshot(virDomainPtr domain, virStreamPtr st,
                     unsigned int screen G_GNUC_UNUSED, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    obj = testDomObjFromDomain(drv, domain);
    g_mutex_unlock(&drv->lock);
    if (!obj)
        return NULL;
    if (testScreenshotOpenStream(st) < 0)
        return NULL;
    return g_strdup("image/png");
}
