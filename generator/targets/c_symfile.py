# SPDX-License-Identifier: LGPL-2.1-or-later
"""src/gen/libvirt.syms: the GNU ld version script.  One node per release
that added symbols (LIBVIRT_<since>), chained in order, as libvirt has them,
so binaries linked against libvirt find the same symbol versions."""

import os

from .. import writer
from ..check import version_key
from . import render

TARGET = "targets/c_symfile.py"


def version_script(lib):
    """The nodes of one library: libvirt -> LIBVIRT_<since>, libvirt-qemu
    -> LIBVIRT_QEMU_<since>, as libvirt names them."""
    prefix = lib.name.upper().replace("-", "_") + "_"
    nodes = {}
    for item in list(lib.functions) + list(lib.variables):
        node = getattr(item, "symbol_since", None) or item.since
        nodes.setdefault(node, []).append(item.name)
    ordered = sorted(nodes, key=version_key)
    model = []
    prev = None
    for i, v in enumerate(ordered):
        model.append(dict(name=f"{prefix}{v}", symbols=sorted(nodes[v]),
                          parent=prev, first=(i == 0)))
        prev = f"{prefix}{v}"
    return writer.banner("map", TARGET) + render("c_symfile/libvirt.syms.j2",
                                                 nodes=model)


def generate(api, outdir):
    for lib in [api] + api.libraries:
        name = lib.name.replace("-", "_") + ".syms"
        writer.write(os.path.join(outdir, "src", "gen", name),
                     version_script(lib))
