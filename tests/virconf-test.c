/* virconf-test.c: libvirt config syntax, typed getters and their errors.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The expected messages were taken from libvirt 9.0's libvirtd reading the
 * same inputs (plus the line number, which libvirt omits for type errors).
 */
#include <config.h>

#include <limits.h>
#include <string.h>

#include "util/virconf.h"
#include "util/virerror.h"
#include "tap.h"

#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif


static virConf *
parse(const char *text)
{
    virResetLastError();
    return virConfReadString(text, -1, "t.conf", 0);
}


/* Parsing must fail with exactly `msg`. */
static void
syntax_error(const char *text, const char *msg)
{
    g_autoptr(virConf) conf = parse(text);
    g_autofree char *want = g_strdup_printf("configuration file syntax error: %s",
                                            msg);
    g_autofree char *shown = g_strescape(text, NULL);

    ok(conf == NULL, "rejected: %s", shown);
    is_str(virGetLastErrorMessage(), want, "  message");
    is_int(virGetLastErrorCode(), VIR_ERR_CONF_SYNTAX, "  code");
    is_int(virGetLastErrorDomain(), VIR_FROM_CONF, "  domain");
}


static void
parses(const char *text)
{
    g_autoptr(virConf) conf = parse(text);
    g_autofree char *shown = g_strescape(text, NULL);

    ok(conf != NULL, "accepted: %s", shown);
    if (!conf)
        tap_diag("%s", virGetLastErrorMessage());
}


static void
test_syntax(void)
{
    syntax_error("a = \"unterminated\n", "t.conf:1: unterminated string");
    syntax_error("a = 'unterminated", "t.conf:1: unterminated string");
    syntax_error("a = \"\"\"never\nclosed\n", "t.conf:3: unterminated string");
    syntax_error("a = \n", "t.conf:1: expecting a value");
    syntax_error("a =\n 1\n", "t.conf:1: expecting a value");
    syntax_error("a = true\n", "t.conf:1: expecting a value");
    syntax_error("a = ;\n", "t.conf:1: expecting a value");
    syntax_error("a = ]\n", "t.conf:1: expecting a value");
    syntax_error("1a = 2\n", "t.conf:1: expecting a name");
    syntax_error("_a = 2\n", "t.conf:1: expecting a name");
    syntax_error("= 1\n", "t.conf:1: expecting a name");
    syntax_error("a = 1;;\n", "t.conf:1: expecting a name");
    syntax_error("a b\n", "t.conf:1: expecting an assignment");
    syntax_error("a\n= 1\n", "t.conf:1: expecting an assignment");
    syntax_error("a.b = 1\n", "t.conf:1: expecting an assignment");
    syntax_error("a-b = 1\n", "t.conf:1: expecting an assignment");
    syntax_error("a = \"a\" \"b\"\n", "t.conf:1: expecting a separator");
    syntax_error("a = 1 b = 2\n", "t.conf:1: expecting a separator");
    syntax_error("a = 1.5\n", "t.conf:1: expecting a separator");
    syntax_error("a = 0x10\n", "t.conf:1: expecting a separator");
    syntax_error("a = \"x\\\"y\"\n", "t.conf:1: expecting a separator");
    syntax_error("a = [ \"x\" ]]\n", "t.conf:1: expecting a separator");
    syntax_error("a = - 5\n", "t.conf:1: unterminated number");
    syntax_error("a = [ , ]\n", "t.conf:1: expecting a value");
    syntax_error("a = [ \"x\" # c\n , \"y\" ]\n",
                 "t.conf:1: expecting a separator in list");
    syntax_error("a = [ \"x\",\n# c\n \"y\" ]\n", "t.conf:2: expecting a value");
    syntax_error("ok = 1\nfoo = [ \"a\",\n  \"b\" \nbar = 1\n",
                 "t.conf:4: expecting a separator in list");
    syntax_error("\n\na = \"\"\"x\ny\nz\"\"\" 5\n", "t.conf:5: expecting a separator");
    syntax_error("a = [ \"x\"", "t.conf:1: expecting a separator in list");

    {
        static const char nul[] = "a = \"x\"\0b = 1";
        virConf *c = virConfReadString(nul, sizeof(nul) - 1, "t.conf", 0);
        ok(c == NULL, "a NUL byte in the text is an error");
        is_str(virGetLastErrorMessage(),
               "configuration file syntax error: t.conf:1: expecting a separator",
               "  message");
        virConfFree(c);
    }

    parses("");
    parses("\n\n   \n\t\n");
    parses("# only a comment");
    parses("a = 1");
    parses("a = 1\r\n");
    parses("a=1\n");
    parses("  a = 1 # trailing\n# next\n   # indented\n");
    parses("a = 1; b = 2\n");
    parses("a = 1 ;b = 2\n");
    parses("a = 1 ; # c\n");
    parses("a = [ ]\n");
    parses("a = [\n]\n");
    parses("a = [ \"x\", ]\n");
    parses("a = [\n \"x\",\n\n \"y\"\n ]\n");
    parses("a = [ \"x\"\n, \"y\" ]\n");
    parses("a = [ 1, \"x\", [ 2 ] ]\n");
    parses("a = \"\"\"\"\"\"\n");
    parses("A = 1\na9_ = 2\n");
    parses("a = \"\xc3\xa9\"\n");
}


static void
test_values(void)
{
    g_autoptr(virConf) conf = NULL;
    g_autofree char *str = NULL;
    g_auto(GStrv) list = NULL;
    virConfValue *val;
    bool b = false;
    int i = 0;
    unsigned int u = 0;
    long long ll = 0;
    unsigned long long ull = 0;
    size_t sz = 0;
    ssize_t ssz = 0;

    conf = parse("# sample\n"
                 "s1 = \"double\"\n"
                 "s2 = 'single'\n"
                 "s3 = 'say \"hi\"'\n"
                 "s4 = \"\"\"two\n"
                 "lines\"\"\"\n"
                 "n1 = 42\n"
                 "n2 = -7\n"
                 "n3 = +8\n"
                 "n4 = 007\n"
                 "n5 = 99999999999999999999\n"
                 "n6 = -99999999999999999999\n"
                 "b0 = 0\n"
                 "b1 = 1\n"
                 "l1 = [ \"a\", \"b\",\n"
                 "       \"c\", ]\n"
                 "l2 = []\n"
                 "dup = 1\n"
                 "dup = \"second\"\n"
                 "after = 3\n"
                 "empty = \"\"\n");
    ok(conf != NULL, "sample parses");
    if (!conf) {
        tap_diag("%s", virGetLastErrorMessage());
        return;
    }
    is_str(virConfGetFilename(conf), "t.conf", "filename kept");

    is_int(virConfGetValueString(conf, "s1", &str), 1, "string \"...\"");
    is_str(str, "double", "  value");
    is_int(virConfGetValueString(conf, "s2", &str), 1, "string '...'");
    is_str(str, "single", "  value (old one replaced)");
    is_int(virConfGetValueString(conf, "s3", &str), 1, "quotes inside '...'");
    is_str(str, "say \"hi\"", "  value");
    is_int(virConfGetValueString(conf, "s4", &str), 1, "\"\"\" string");
    is_str(str, "two\nlines", "  keeps the newline");
    is_int(virConfGetValueString(conf, "empty", &str), 1, "empty string");
    is_str(str, "", "  value");
    is_int(virConfGetValueString(conf, "nope", &str), 0, "absent: 0");
    is_str(str, "", "  value untouched");
    is_int(virConfGetValueLine(conf, "n1"), 7, "line of n1 (after a 2-line string)");
    is_int(virConfGetValueLine(conf, "after"), 20, "line after a 2-line list");
    is_int(virConfGetValueLine(conf, "nope"), 0, "line of an absent key");

    val = virConfGetValue(conf, "n1");
    ok(val && val->type == VIR_CONF_ULLONG && val->ul == 42, "42 is unsigned");
    val = virConfGetValue(conf, "n2");
    ok(val && val->type == VIR_CONF_LLONG && val->l == -7, "-7 is signed");
    val = virConfGetValue(conf, "n3");
    ok(val && val->type == VIR_CONF_ULLONG && val->ul == 8, "+8 is unsigned");
    is_int(virConfGetValueType(conf, "l1"), VIR_CONF_LIST, "list type");
    is_int(virConfGetValueType(conf, "nope"), VIR_CONF_NONE, "absent type");

    is_int(virConfGetValueInt(conf, "n2", &i), 1, "int from a negative");
    is_int(i, -7, "  value");
    is_int(virConfGetValueInt(conf, "n4", &i), 1, "int from 007");
    is_int(i, 7, "  decimal");
    is_int(virConfGetValueUInt(conf, "n1", &u), 1, "uint");
    is_int(u, 42, "  value");
    is_int(virConfGetValueLLong(conf, "n2", &ll), 1, "llong");
    is_int(ll, -7, "  value");
    is_int(virConfGetValueULLong(conf, "n5", &ull), 1, "huge number saturates");
    ok(ull == ULLONG_MAX, "  to ULLONG_MAX");
    is_int(virConfGetValueSizeT(conf, "n3", &sz), 1, "size_t");
    is_int(sz, 8, "  value");
    is_int(virConfGetValueSSizeT(conf, "n2", &ssz), 1, "ssize_t");
    is_int(ssz, -7, "  value");
    is_int(virConfGetValueBool(conf, "b0", &b), 1, "bool 0");
    ok(!b, "  false");
    is_int(virConfGetValueBool(conf, "b1", &b), 1, "bool 1");
    ok(b, "  true");

    is_int(virConfGetValueStringList(conf, "l1", false, &list), 1, "string list");
    ok(list && g_strv_length(list) == 3 && g_str_equal(list[2], "c"),
       "  three items, trailing comma ignored");
    is_int(virConfGetValueStringList(conf, "l2", false, &list), 1, "empty list");
    ok(list && list[0] == NULL, "  empty, not NULL");
    is_int(virConfGetValueStringList(conf, "s1", true, &list), 1,
           "a string as a one-item list (compat)");
    ok(list && g_strv_length(list) == 1 && g_str_equal(list[0], "double"),
       "  value");

    is_int(virConfGetValueInt(conf, "dup", &i), 1, "the first of two entries wins");
    is_int(i, 1, "  value");
}


typedef struct {
    const char *text;
    const char *key;
    const char *kind;   /* which getter */
    const char *msg;
    int code;
} TypeCase;


static int
get_as(virConf *conf, const char *kind, const char *key)
{
    g_autofree char *s = NULL;
    g_auto(GStrv) l = NULL;
    bool b;
    int i;
    unsigned int u;
    long long ll;
    unsigned long long ull;
    size_t sz;

    if (g_str_equal(kind, "string"))
        return virConfGetValueString(conf, key, &s);
    if (g_str_equal(kind, "list"))
        return virConfGetValueStringList(conf, key, false, &l);
    if (g_str_equal(kind, "compat"))
        return virConfGetValueStringList(conf, key, true, &l);
    if (g_str_equal(kind, "bool"))
        return virConfGetValueBool(conf, key, &b);
    if (g_str_equal(kind, "int"))
        return virConfGetValueInt(conf, key, &i);
    if (g_str_equal(kind, "uint"))
        return virConfGetValueUInt(conf, key, &u);
    if (g_str_equal(kind, "llong"))
        return virConfGetValueLLong(conf, key, &ll);
    if (g_str_equal(kind, "ullong"))
        return virConfGetValueULLong(conf, key, &ull);
    if (g_str_equal(kind, "sizet"))
        return virConfGetValueSizeT(conf, key, &sz);
    return -2;
}


static void
test_types(void)
{
    static const TypeCase cases[] = {
        { "x = 5\n", "x", "string",
          "t.conf:1: expected a string for 'x' parameter", VIR_ERR_INTERNAL_ERROR },
        { "\nx = [ \"a\" ]\n", "x", "string",
          "t.conf:2: expected a string for 'x' parameter", VIR_ERR_INTERNAL_ERROR },
        { "x = \"yes\"\n", "x", "bool",
          "t.conf:1: expected a bool for 'x' parameter", VIR_ERR_INTERNAL_ERROR },
        { "x = -1\n", "x", "bool",
          "t.conf:1: expected a bool for 'x' parameter", VIR_ERR_INTERNAL_ERROR },
        { "x = [ 1 ]\n", "x", "bool",
          "t.conf:1: expected a bool for 'x' parameter", VIR_ERR_INTERNAL_ERROR },
        { "x = 2\n", "x", "bool",
          "t.conf:1: value for 'x' parameter must be 0 or 1", VIR_ERR_INTERNAL_ERROR },
        { "x = 99999999999999999999\n", "x", "bool",
          "t.conf:1: value for 'x' parameter must be 0 or 1", VIR_ERR_INTERNAL_ERROR },
        { "x = -1\n", "x", "uint",
          "t.conf:1: expected an unsigned integer for 'x' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "x = \"x\"\n", "x", "uint",
          "t.conf:1: expected an unsigned integer for 'x' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "x = 99999999999\n", "x", "uint",
          "t.conf:1: value for 'x' parameter must be in range 0:4294967295",
          VIR_ERR_INTERNAL_ERROR },
        { "x = 3000000000\n", "x", "int",
          "t.conf:1: value for 'x' parameter must be in range -2147483648:2147483647",
          VIR_ERR_INTERNAL_ERROR },
        { "x = -3000000000\n", "x", "int",
          "t.conf:1: value for 'x' parameter must be in range -2147483648:2147483647",
          VIR_ERR_INTERNAL_ERROR },
        { "x = -99999999999999999999\n", "x", "int",
          "t.conf:1: value for 'x' parameter must be in range -2147483648:2147483647",
          VIR_ERR_INTERNAL_ERROR },
        { "x = \"x\"\n", "x", "int",
          "t.conf:1: expected a signed integer for 'x' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "x = 9223372036854775808\n", "x", "llong",
          "t.conf:1: value for 'x' parameter must be in range "
          "-9223372036854775808:9223372036854775807", VIR_ERR_INTERNAL_ERROR },
        { "x = -1\n", "x", "ullong",
          "t.conf:1: expected an unsigned integer for 'x' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "x = -1\n", "x", "sizet",
          "t.conf:1: expected an unsigned integer for 'x' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "x = \"a\"\n", "x", "list",
          "t.conf:1: expected a string list for 'x' parameter", VIR_ERR_INTERNAL_ERROR },
        { "x = 1\n", "x", "compat",
          "t.conf:1: expected a string or string list for 'x' parameter",
          VIR_ERR_INTERNAL_ERROR },
        { "x = [ \"a\",\n 1 ]\n", "x", "list",
          "t.conf:1: expected a string list for 'x' parameter", VIR_ERR_CONF_SYNTAX },
        { "x = [ [ \"a\" ] ]\n", "x", "compat",
          "t.conf:1: expected a string list for 'x' parameter", VIR_ERR_CONF_SYNTAX },
    };
    size_t n;

    for (n = 0; n < G_N_ELEMENTS(cases); n++) {
        g_autoptr(virConf) conf = parse(cases[n].text);
        g_autofree char *want = NULL;
        g_autofree char *shown = g_strescape(cases[n].text, NULL);
        const char *prefix = cases[n].code == VIR_ERR_CONF_SYNTAX ?
            "configuration file syntax error" : "internal error";

        if (!conf) {
            ok(0, "parse %s", shown);
            continue;
        }
        want = g_strdup_printf("%s: %s", prefix, cases[n].msg);
        is_int(get_as(conf, cases[n].kind, cases[n].key), -1,
               "%s as %s: error", shown, cases[n].kind);
        is_str(virGetLastErrorMessage(), want, "  message");
        is_int(virGetLastErrorCode(), cases[n].code, "  code");
    }
}


static void
test_files(void)
{
    g_autoptr(virConf) conf = NULL;
    g_autofree char *path = g_build_filename(TEST_DATA_DIR, "qemuconf",
                                             "syntax-error.conf", NULL);
    g_autofree char *want = NULL;
    g_autofree char *sample = g_build_filename(TEST_DATA_DIR, "qemuconf",
                                               "full.conf", NULL);
    g_autofree char *missing = g_build_filename(TEST_DATA_DIR, "qemuconf",
                                                "no-such.conf", NULL);

    virResetLastError();
    conf = virConfReadFile(path, 0);
    ok(conf == NULL, "file with a syntax error");
    want = g_strdup_printf("configuration file syntax error: %s:6: "
                           "expecting a separator", path);
    is_str(virGetLastErrorMessage(), want, "  message names file:line");
    g_clear_pointer(&want, g_free);

    conf = virConfReadFile(sample, 0);
    ok(conf != NULL, "a qemu.conf with every key commented parses");

    g_clear_pointer(&conf, virConfFree);
    conf = virConfReadFile(missing, 0);
    ok(conf == NULL, "missing file");
    is_int(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR, "  system error");

    ok(virConfReadString("a = 1", -1, NULL, 1) == NULL, "unknown flags refused");
    is_int(virGetLastErrorCode(), VIR_ERR_INVALID_ARG, "  invalid arg");
}


static int
count_cb(const char *name, virConfValue *value, int line, void *opaque)
{
    int *n = opaque;

    (*n)++;
    return g_str_equal(name, "stop") ? -1 : 0;
}


static void
test_walk(void)
{
    g_autoptr(virConf) conf = parse("a = 1\nb = 2\nstop = 3\nc = 4\n");
    int n = 0;

    is_int(virConfWalk(conf, count_cb, &n), -1, "walk stops when asked");
    is_int(n, 3, "  after three entries");
}


int
main(void)
{
    test_syntax();
    test_values();
    test_types();
    test_files();
    test_walk();
    return tap_done();
}
