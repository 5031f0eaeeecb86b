/* util-uuid-test.c: UUID parse/format/generate (accepted forms as libvirt
 * 9.0's parser accepts them).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>
#include <glib.h>

#include "util/viruuid.h"
#include "tap.h"

#define CANON "6695eb01-f6a4-8304-79aa-97f2502e193f"

int
main(void)
{
    static const char *const good[] = {
        CANON,
        "6695eb01f6a4830479aa97f2502e193f",
        "  6695eb01-f6a4-8304-79aa-97f2502e193f  ",
        "6695EB01-F6A4-8304-79AA-97F2502E193F",
        "6695eb01 f6a4 8304 79aa 97f2502e193f",
        "66-95eb01f6a4830479aa97f2502e193f",
        "\t6695eb01f6a4830479aa97f2502e193f\n",
        "--6695eb01f6a4830479aa97f2502e193f",
    };
    static const char *const bad[] = {
        "6-6-9-5eb01f6a4830479aa97f2502e193f",   /* dash inside a byte */
        "6695eb01-f6a4-8304-79aa-97f2502e193",    /* too short */
        "6695eb01-f6a4-8304-79aa-97f2502e193f0",  /* too long */
        "6695eb01-f6a4-8304-79aa-97f2502e193f-",  /* trailing dash */
        "6695eb01-f6a4-8304-79aa-97f2502e193g",   /* not hex */
        "6695eb01f6a4830479aa97f2502e193f x",
        "",
    };
    unsigned char raw[VIR_UUID_BUFLEN];
    unsigned char raw2[VIR_UUID_BUFLEN];
    char buf[VIR_UUID_STRING_BUFLEN];
    size_t i;
    int distinct = 0;

    for (i = 0; i < G_N_ELEMENTS(good); i++) {
        memset(raw, 0, sizeof(raw));
        is_int(virUUIDParse(good[i], raw), 0, "accepts '%s'", good[i]);
        is_str(virUUIDFormat(raw, buf), CANON, "  formats canonically");
    }
    for (i = 0; i < G_N_ELEMENTS(bad); i++)
        is_int(virUUIDParse(bad[i], raw), -1, "rejects '%s'", bad[i]);
    is_int(virUUIDParse(NULL, raw), -1, "rejects NULL");

    for (i = 0; i < 32; i++) {
        virUUIDGenerate(raw);
        virUUIDGenerate(raw2);
        if (memcmp(raw, raw2, sizeof(raw)) != 0)
            distinct++;
    }
    is_int(distinct, 32, "generated UUIDs differ");
    virUUIDFormat(raw, buf);
    is_int(buf[14], '4', "version 4 (%s)", buf);
    ok(strchr("89ab", buf[19]) != NULL, "RFC 4122 variant");
    is_int(virUUIDParse(buf, raw2), 0, "generated UUID parses");
    ok(memcmp(raw, raw2, sizeof(raw)) == 0, "and round-trips");
    ok(virUUIDIsValid(raw), "generated UUID is valid");
    memset(raw, 0, sizeof(raw));
    ok(!virUUIDIsValid(raw), "all-zero UUID is not valid");
    memset(raw, 0xff, sizeof(raw));
    ok(!virUUIDIsValid(raw), "all-ff UUID is not valid");
    return tap_done();
}
