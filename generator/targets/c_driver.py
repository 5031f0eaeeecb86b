# SPDX-License-Identifier: LGPL-2.1-or-later
"""src/gen/driver.h: one callback type per driver-served API and one table
per driver kind.  A callback has exactly the public function's signature."""

import os

from .. import writer
from ..naming import (DRIVER_STRUCTS, c_decl, driver_field, driver_typedef)
from . import render

TARGET = "targets/c_driver.py"


def driver_functions(api, kind):
    """Every function the table serves, the other libraries' last (so the
    members libvirt.so's own callers see keep their order)."""
    funcs = list(api.functions)
    for lib in api.libraries:
        funcs += lib.functions
    return [f for f in funcs if f.driver == kind]


def generate(api, outdir):
    tables = []
    for kind, struct in DRIVER_STRUCTS.items():
        entries = []
        for f in driver_functions(api, kind):
            params = ", ".join(c_decl(a.type, a.name) for a in f.args) \
                or "void"
            entries.append(dict(
                typedef=f"typedef {f.ret.type} (*{driver_typedef(f.name)})"
                        f"({params});",
                member=f"{driver_typedef(f.name)} {driver_field(f.name)};"))
        # Opening and closing belong to the hypervisor table only.
        internal = ["virDrvConnectOpen connectOpen;",
                    "virDrvConnectClose connectClose;"] \
            if kind == "hypervisor" else []
        tables.append(dict(kind=kind, struct=struct, entries=entries,
                           internal=internal))
    text = writer.banner("c", TARGET) + render(
        "c_driver/driver.h.j2", tables=tables,
        extra_headers=[h.name for lib in api.libraries for h in lib.headers])
    writer.write(os.path.join(outdir, "src", "gen", "driver.h"), text)
