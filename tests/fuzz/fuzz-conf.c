/* fuzz-conf.c: the configuration file parser (qemu.conf, virtkitd.conf).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is the file's bytes, handed over with their length and no
 * terminating NUL, as virConfReadString allows.  When it parses, every
 * entry is walked (lists recursively) and read back with each typed getter,
 * which must either convert it or report an error.
 */
#include <config.h>

#include "util/virconf.h"
#include "util/virerror.h"
#include "fuzz.h"


static void
fuzzCheckValue(const virConfValue *val, unsigned int depth)
{
    size_t i;

    if (!val)
        fuzzFail("an entry has no value");
    switch (val->type) {
    case VIR_CONF_LLONG:
        /* written with a '-': "-0" is the only one that is not below 0 */
        if (val->l > 0)
            fuzzFail("a signed value %lld is positive", val->l);
        break;
    case VIR_CONF_ULLONG:
        break;
    case VIR_CONF_STRING:
        if (!val->str)
            fuzzFail("a string value has no string");
        break;
    case VIR_CONF_LIST:
        if (!val->list)
            fuzzFail("a list value has no list");
        for (i = 0; i < val->list->len; i++)
            fuzzCheckValue(g_ptr_array_index(val->list, i), depth + 1);
        break;
    case VIR_CONF_NONE:
    default:
        fuzzFail("a value has type %d", val->type);
    }
}


/* The getters return 1 (found and converted) or -1 (wrong type or range,
 * with an error set); 0 would mean the entry was not found. */
static void
fuzzCheckGot(const char *getter, const char *name, int rc)
{
    if (rc == 0)
        fuzzFail("%s does not find '%s'", getter, name);
    if (rc < 0 && !virErrorIsSet())
        fuzzFail("%s fails for '%s' without an error", getter, name);
    virResetLastError();
}


static int
fuzzEntry(const char *name, virConfValue *value, int line, void *opaque)
{
    virConf *conf = opaque;
    g_autofree char *str = NULL;
    g_auto(GStrv) list = NULL;
    g_auto(GStrv) compat = NULL;
    bool b;
    int i;
    unsigned int u;
    size_t sz;
    ssize_t ssz;
    long long ll;
    unsigned long long ull;

    if (!name || line < 1)
        fuzzFail("an entry has no name or line %d", line);
    fuzzCheckValue(value, 0);
    if (!virConfGetValue(conf, name) || virConfGetValueLine(conf, name) < 1 ||
        virConfGetValueType(conf, name) == VIR_CONF_NONE)
        fuzzFail("'%s' is not found by name", name);

    fuzzCheckGot("String", name, virConfGetValueString(conf, name, &str));
    fuzzCheckGot("StringList", name,
                 virConfGetValueStringList(conf, name, false, &list));
    fuzzCheckGot("StringList(compat)", name,
                 virConfGetValueStringList(conf, name, true, &compat));
    fuzzCheckGot("Bool", name, virConfGetValueBool(conf, name, &b));
    fuzzCheckGot("Int", name, virConfGetValueInt(conf, name, &i));
    fuzzCheckGot("UInt", name, virConfGetValueUInt(conf, name, &u));
    fuzzCheckGot("SizeT", name, virConfGetValueSizeT(conf, name, &sz));
    fuzzCheckGot("SSizeT", name, virConfGetValueSSizeT(conf, name, &ssz));
    fuzzCheckGot("LLong", name, virConfGetValueLLong(conf, name, &ll));
    fuzzCheckGot("ULLong", name, virConfGetValueULLong(conf, name, &ull));
    return 0;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(virConf) conf = NULL;

    if (size > FUZZ_MAX_INPUT)
        return 0;
    conf = virConfReadString((const char *)data, size, "fuzz.conf", 0);
    if (!conf) {
        if (!virErrorIsSet())
            fuzzFail("a rejected file sets no error");
        virResetLastError();
        return 0;
    }
    if (virConfWalk(conf, fuzzEntry, conf) < 0)
        fuzzFail("the walk stopped");
    if (virConfGetValue(conf, "") || virConfGetValueLine(conf, "") != 0)
        fuzzFail("an entry with an empty name exists");
    return 0;
}
