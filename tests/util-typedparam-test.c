/* util-typedparam-test.c: the public virTypedParams* API and the internal
 * helpers, with libvirt 9.0's results and messages.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <math.h>
#include <string.h>

#include "util/virerror.h"
#include "util/virtypedparam.h"
#include "tap.h"

static int handlerCalls;

static void
countHandler(void *userData, virErrorPtr err)
{
    handlerCalls++;
    (void)userData;
    (void)err;
}


static void
testAddGet(void)
{
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    int i;
    unsigned int ui;
    long long ll;
    unsigned long long ull;
    double d;
    int b;
    const char *s;
    static const int wantMax[] = { 1, 2, 3, 4, 6, 6, 9, 9 };
    int maxOk = 1;

    ok(virTypedParamsAddInt(&p, &n, &max, "int", -5) == 0, "AddInt");
    maxOk &= max == wantMax[0];
    ok(virTypedParamsAddUInt(&p, &n, &max, "uint", 4000000000U) == 0, "AddUInt");
    maxOk &= max == wantMax[1];
    ok(virTypedParamsAddLLong(&p, &n, &max, "llong", -9000000000LL) == 0, "AddLLong");
    maxOk &= max == wantMax[2];
    ok(virTypedParamsAddULLong(&p, &n, &max, "ullong", 18000000000000000000ULL) == 0,
       "AddULLong");
    maxOk &= max == wantMax[3];
    ok(virTypedParamsAddDouble(&p, &n, &max, "double", 2.5) == 0, "AddDouble");
    maxOk &= max == wantMax[4];
    ok(virTypedParamsAddBoolean(&p, &n, &max, "bool", 42) == 0, "AddBoolean");
    maxOk &= max == wantMax[5];
    ok(virTypedParamsAddString(&p, &n, &max, "string", "hello") == 0, "AddString");
    maxOk &= max == wantMax[6];
    ok(virTypedParamsAddString(&p, &n, &max, "empty", NULL) == 0,
       "AddString NULL");
    maxOk &= max == wantMax[7];
    is_int(n, 8, "eight parameters");
    ok(maxOk, "capacity grows like libvirt's (1 2 3 4 6 6 9 9)");
    is_int(p[5].value.b, 1, "booleans are normalised to 1");
    is_str(p[7].value.s, "", "NULL string stored as empty");

    is_int(virTypedParamsGetInt(p, n, "int", &i), 1, "GetInt found");
    is_int(i, -5, "  value");
    is_int(virTypedParamsGetUInt(p, n, "uint", &ui), 1, "GetUInt");
    ok(ui == 4000000000U, "  value");
    is_int(virTypedParamsGetLLong(p, n, "llong", &ll), 1, "GetLLong");
    ok(ll == -9000000000LL, "  value");
    is_int(virTypedParamsGetULLong(p, n, "ullong", &ull), 1, "GetULLong");
    ok(ull == 18000000000000000000ULL, "  value");
    is_int(virTypedParamsGetDouble(p, n, "double", &d), 1, "GetDouble");
    ok(d == 2.5, "  value");
    is_int(virTypedParamsGetBoolean(p, n, "bool", &b), 1, "GetBoolean");
    is_int(b, 1, "  value");
    is_int(virTypedParamsGetString(p, n, "string", &s), 1, "GetString");
    is_str(s, "hello", "  value (borrowed)");
    is_int(virTypedParamsGetInt(p, n, "int", NULL), 1, "NULL value: presence check");

    ok(virTypedParamsGet(p, n, "double") == &p[4], "Get returns the element");
    ok(virTypedParamsGet(p, n, "nope") == NULL, "Get missing");
    ok(virTypedParamsGet(NULL, n, "int") == NULL, "Get NULL array");
    ok(virTypedParamsGet(p, n, NULL) == NULL, "Get NULL name");

    is_int(virTypedParamsGetInt(p, n, "nope", &i), 0, "missing is 0");
    ok(!virErrorIsSet(), "  without an error");

    handlerCalls = 0;
    is_int(virTypedParamsGetInt(p, n, "uint", &i), -1, "wrong type is -1");
    is_int(virGetLastErrorCode(), VIR_ERR_INVALID_ARG, "  code");
    is_str(virGetLastErrorMessage(),
           "invalid argument: Invalid type 'int' requested for parameter "
           "'uint', actual type is 'uint'", "  message");
    is_int(handlerCalls, 1, "  error dispatched");
    is_int(virTypedParamsGetString(p, n, "int", &s), -1, "GetString on int");
    is_str(virGetLastErrorMessage(),
           "invalid argument: Invalid type 'string' requested for parameter "
           "'int', actual type is 'int'", "  message");
    p[0].type = 42;
    is_int(virTypedParamsGetInt(p, n, "int", &i), -1, "corrupt type");
    is_str(virGetLastErrorMessage(),
           "invalid argument: Invalid type 'int' requested for parameter "
           "'int', actual type is '(null)'", "  message");
    p[0].type = VIR_TYPED_PARAM_INT;
    is_int(virTypedParamsGetInt(p, n, "int", &i), 1, "getters reset the error");
    ok(!virErrorIsSet(), "  no error left");

    /* libvirt 9.0 accepts a second parameter of the same name. */
    ok(virTypedParamsAddInt(&p, &n, &max, "int", 7) == 0, "duplicate name accepted");
    is_int(virTypedParamsGetInt(p, n, "int", &i), 1, "first one wins");
    is_int(i, -5, "  value");

    virTypedParamsClear(p, n);
    ok(p[6].value.s == NULL, "Clear frees strings");
    virTypedParamsFree(p, n);
    virTypedParamsClear(NULL, 3);
    virTypedParamsFree(NULL, 3);
}


static void
testNames(void)
{
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    char name[VIR_TYPED_PARAM_FIELD_LENGTH + 1];

    memset(name, 'n', sizeof(name));
    name[VIR_TYPED_PARAM_FIELD_LENGTH] = '\0';
    is_int(virTypedParamsAddInt(&p, &n, &max, name, 1), -1, "80-char name rejected");
    is_int(virGetLastErrorCode(), VIR_ERR_INTERNAL_ERROR, "  code");
    ok(g_str_has_prefix(virGetLastErrorMessage(), "internal error: Field name 'nnnn") &&
       g_str_has_suffix(virGetLastErrorMessage(), "' too long"), "  message");
    is_int(n, 0, "  nothing added");
    is_int(virTypedParamsAddString(&p, &n, &max, name, "v"), -1,
           "long name with a string");
    name[VIR_TYPED_PARAM_FIELD_LENGTH - 1] = '\0';
    is_int(virTypedParamsAddInt(&p, &n, &max, name, 1), 0, "79-char name accepted");
    ok(virTypedParamsGet(p, n, name) != NULL, "  and found");
    virTypedParamsFree(p, n);
}


static void
testFromString(void)
{
    static const struct {
        int type;
        const char *value;
        const char *want;   /* value as text, or NULL for an error */
    } cases[] = {
        { VIR_TYPED_PARAM_INT, "-0", "0" },
        { VIR_TYPED_PARAM_INT, "+5", "5" },
        { VIR_TYPED_PARAM_INT, " -3", "-3" },
        { VIR_TYPED_PARAM_INT, "-2147483648", "-2147483648" },
        { VIR_TYPED_PARAM_INT, "2147483648", NULL },
        { VIR_TYPED_PARAM_INT, "12x", NULL },
        { VIR_TYPED_PARAM_INT, "", NULL },
        { VIR_TYPED_PARAM_INT, "0x10", NULL },
        { VIR_TYPED_PARAM_INT, "1 ", NULL },
        { VIR_TYPED_PARAM_UINT, "4294967295", "4294967295" },
        { VIR_TYPED_PARAM_UINT, "-1", "4294967295" },
        { VIR_TYPED_PARAM_UINT, "-4294967295", "1" },
        { VIR_TYPED_PARAM_UINT, "-4294967296", NULL },
        { VIR_TYPED_PARAM_UINT, "-2147483649", "2147483647" },
        { VIR_TYPED_PARAM_UINT, "4294967296", NULL },
        { VIR_TYPED_PARAM_LLONG, "-4294967296", "-4294967296" },
        { VIR_TYPED_PARAM_LLONG, "18446744073709551615", NULL },
        { VIR_TYPED_PARAM_LLONG, "12 ", NULL },
        { VIR_TYPED_PARAM_ULLONG, "18446744073709551615", "18446744073709551615" },
        { VIR_TYPED_PARAM_ULLONG, "-5", "18446744073709551611" },
        { VIR_TYPED_PARAM_ULLONG, "-18446744073709551615", "1" },
        { VIR_TYPED_PARAM_ULLONG, "-18446744073709551616", NULL },
        { VIR_TYPED_PARAM_DOUBLE, "1e3", "1000" },
        { VIR_TYPED_PARAM_DOUBLE, " 1.5", "1.5" },
        { VIR_TYPED_PARAM_DOUBLE, "0x1p3", "8" },
        { VIR_TYPED_PARAM_DOUBLE, "1.5 ", NULL },
        { VIR_TYPED_PARAM_DOUBLE, "abc", NULL },
        { VIR_TYPED_PARAM_BOOLEAN, "1", "1" },
        { VIR_TYPED_PARAM_BOOLEAN, "tRuE", "1" },
        { VIR_TYPED_PARAM_BOOLEAN, "FALSE", "0" },
        { VIR_TYPED_PARAM_BOOLEAN, "0", "0" },
        { VIR_TYPED_PARAM_BOOLEAN, "yes", NULL },
        { VIR_TYPED_PARAM_BOOLEAN, "01", NULL },
        { VIR_TYPED_PARAM_STRING, "some text", "some text" },
    };
    static const char *const expectWord[] = {
        [VIR_TYPED_PARAM_INT] = "int",
        [VIR_TYPED_PARAM_UINT] = "unsigned int",
        [VIR_TYPED_PARAM_LLONG] = "long long",
        [VIR_TYPED_PARAM_ULLONG] = "unsigned long long",
        [VIR_TYPED_PARAM_DOUBLE] = "double",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        virTypedParameterPtr p = NULL;
        int n = 0, max = 0;
        int rc = virTypedParamsAddFromString(&p, &n, &max, "f", cases[i].type,
                                             cases[i].value);

        if (cases[i].want) {
            g_autofree char *got = rc == 0 ? virTypedParameterToString(&p[0]) : NULL;
            is_str(got, cases[i].want, "type %d '%s'", cases[i].type,
                   cases[i].value);
        } else {
            g_autofree char *msg = NULL;
            if (cases[i].type == VIR_TYPED_PARAM_BOOLEAN)
                msg = g_strdup("invalid argument: Invalid boolean value for field 'f'");
            else
                msg = g_strdup_printf("invalid argument: Invalid value for field "
                                      "'f': expected %s",
                                      expectWord[cases[i].type]);
            ok(rc == -1 && n == 0, "type %d '%s' rejected", cases[i].type,
               cases[i].value);
            is_str(virGetLastErrorMessage(), msg, "  message");
        }
        virTypedParamsFree(p, n);
    }

    {
        virTypedParameterPtr p = NULL;
        int n = 0, max = 0;
        double d;

        ok(virTypedParamsAddFromString(&p, &n, &max, "x", VIR_TYPED_PARAM_DOUBLE,
                                       "nan") == 0, "double nan");
        virTypedParamsGetDouble(p, n, "x", &d);
        ok(isnan(d), "  is NaN");
        is_int(virTypedParamsAddFromString(&p, &n, &max, "h", 99, "1"), -1,
               "unknown type");
        is_str(virGetLastErrorMessage(),
               "internal error: unexpected type 99 for field h", "  message");
        is_int(virTypedParamsAddFromString(&p, &n, &max, "h", VIR_TYPED_PARAM_STRING,
                                           NULL), -1, "NULL value");
        is_str(virGetLastErrorMessage(),
               "invalid argument: NULL value for field 'h'", "  message");
        virTypedParamsFree(p, n);
    }
}


static void
testStringList(void)
{
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    const char *list[] = { "x", "y", "z", NULL };
    const char *empty[] = { NULL };
    const char **values = NULL;

    is_int(virTypedParamsAddStringList(&p, &n, &max, "l", list), 0, "AddStringList");
    is_int(n, 3, "  three entries of one name");
    is_int(virTypedParamsAddStringList(&p, &n, &max, "l", NULL), 0, "NULL list is 0");
    is_int(virTypedParamsAddStringList(&p, &n, &max, "l", empty), -1,
           "empty list is -1 (as libvirt 9.0)");
    is_int(virTypedParamsGetStringList(p, n, "l", &values), 3, "GetStringList");
    ok(values && g_str_equal(values[2], "z") && values[3] == NULL, "  values");
    g_free(values);
    is_int(virTypedParamsGetStringList(p, n, "none", &values), 0, "no match");
    ok(values == NULL, "  NULL list");
    virTypedParamsFree(p, n);
}


static void
testValidate(void)
{
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;
    static const char *const names[] = { "a", "s", "u" };

    virTypedParamsAddInt(&p, &n, &max, "a", 1);
    virTypedParamsAddString(&p, &n, &max, "s", "x");
    virTypedParamsAddString(&p, &n, &max, "s", "y");
    virTypedParamsAddULLong(&p, &n, &max, "u", 1);

    is_int(virTypedParamsValidate(p, n, "a", VIR_TYPED_PARAM_INT,
                                  "s", VIR_TYPED_PARAM_STRING,
                                  "u", VIR_TYPED_PARAM_ULLONG, NULL), -1,
           "duplicate without MULTIPLE");
    is_int(virGetLastErrorCode(), VIR_ERR_INVALID_ARG, "  code");
    is_str(virGetLastErrorMessage(),
           "invalid argument: parameter 's' occurs multiple times", "  message");
    virResetLastError();
    is_int(virTypedParamsValidate(p, n, "a", VIR_TYPED_PARAM_INT,
                                  "s", VIR_TYPED_PARAM_STRING | VIR_TYPED_PARAM_MULTIPLE,
                                  "u", VIR_TYPED_PARAM_ULLONG, NULL), 0,
           "MULTIPLE allows it");
    ok(!virErrorIsSet(), "  no error");
    is_int(virTypedParamsValidate(p, n, "a", VIR_TYPED_PARAM_UINT,
                                  "s", VIR_TYPED_PARAM_STRING | VIR_TYPED_PARAM_MULTIPLE,
                                  "u", VIR_TYPED_PARAM_ULLONG, NULL), -1, "wrong type");
    is_str(virGetLastErrorMessage(),
           "invalid argument: invalid type 'int' for parameter 'a', expected 'uint'",
           "  message");
    is_int(virTypedParamsValidate(p, n, "s", VIR_TYPED_PARAM_STRING | VIR_TYPED_PARAM_MULTIPLE,
                                  "u", VIR_TYPED_PARAM_ULLONG, NULL), -1, "unknown name");
    is_int(virGetLastErrorCode(), VIR_ERR_ARGUMENT_UNSUPPORTED, "  code");
    is_str(virGetLastErrorMessage(),
           "argument unsupported: parameter 'a' not supported", "  message");
    p[3].type = 77;
    is_int(virTypedParamsValidate(p, n, "a", VIR_TYPED_PARAM_INT,
                                  "s", VIR_TYPED_PARAM_STRING | VIR_TYPED_PARAM_MULTIPLE,
                                  "u", VIR_TYPED_PARAM_ULLONG, NULL), -1, "corrupt type");
    is_str(virGetLastErrorMessage(),
           "invalid argument: invalid type 'unknown' for parameter 'u', expected 'ullong'",
           "  message");
    p[3].type = VIR_TYPED_PARAM_ULLONG;
    is_int(virTypedParamsValidate(p, 0, NULL), 0, "nothing to validate");
    is_int(virTypedParamsValidate(p, n, NULL), -1, "nothing allowed");
    is_str(virGetLastErrorMessage(),
           "argument unsupported: parameter 'a' not supported", "  message");

    ok(virTypedParamsCheck(p, n, names, 3), "Check: all known");
    ok(!virTypedParamsCheck(p, n, names, 2), "Check: 'u' unknown");
    virResetLastError();
    virTypedParamsFree(p, n);
}


static void
testInternal(void)
{
    virTypedParameterPtr p = NULL, copy = NULL;
    int n = 0, max = 0;
    unsigned long long u;
    const char *s;

    is_int(virTypedParamsAppend(&p, &n, &max, "a", VIR_TYPED_PARAM_UINT, 7U), 0,
           "Append");
    is_int(virTypedParamsAppend(&p, &n, &max, "b", VIR_TYPED_PARAM_STRING, "v"), 0,
           "Append string (copied)");
    is_int(virTypedParamsAppend(&p, &n, &max, "c", 0, 1), -1, "Append bad type");
    is_str(virGetLastErrorMessage(), "internal error: unexpected type 0 for field c",
           "  message");
    is_int(n, 2, "  not added");

    is_int(virTypedParamsGetUnsigned(p, n, "a", &u), 1, "GetUnsigned uint");
    ok(u == 7, "  value");
    is_int(virTypedParamsGetUnsigned(p, n, "b", &u), -1, "GetUnsigned string");
    is_int(virTypedParamsGetUnsigned(p, n, "z", &u), 0, "GetUnsigned missing");

    is_int(virTypedParamsReplaceString(&p, &n, "b", "w"), 0, "ReplaceString existing");
    virTypedParamsGetString(p, n, "b", &s);
    is_str(s, "w", "  replaced");
    is_int(virTypedParamsReplaceString(&p, &n, "new", "z"), 0, "ReplaceString adds");
    is_int(n, 3, "  count");
    is_int(virTypedParamsReplaceString(&p, &n, "a", "z"), -1, "ReplaceString on uint");
    is_str(virGetLastErrorMessage(), "invalid argument: Parameter 'a' is not a string",
           "  message");

    virTypedParamsCopy(&copy, p, n);
    ok(copy && copy[1].value.s != p[1].value.s &&
       g_str_equal(copy[1].value.s, "w"), "Copy is deep");
    virTypedParamsFree(copy, n);
    virTypedParamsCopy(&copy, NULL, 0);
    ok(copy == NULL, "Copy of nothing");

    is_str(virTypedParameterTypeToString(VIR_TYPED_PARAM_BOOLEAN), "boolean",
           "TypeToString");
    is_int(virTypedParameterTypeFromString("ullong"), VIR_TYPED_PARAM_ULLONG,
           "TypeFromString");
    is_int(virTypedParameterTypeFromString("bogus"), -1, "TypeFromString bad");
    virResetLastError();
    virTypedParamsFree(p, n);
}


int
main(void)
{
    virSetErrorFunc(NULL, countHandler);
    testAddGet();
    testNames();
    testFromString();
    testStringList();
    testValidate();
    testInternal();
    return tap_done();
}
