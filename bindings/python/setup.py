# SPDX-License-Identifier: LGPL-2.1-or-later
"""Build the Python binding (the libvirt, libvirt_qemu and libvirt_lxc
modules and their C extensions) against an installed virtkit, found with
pkg-config.

Two places to build from (README.md says more):
- the tree `make dist-python` writes (virtkit-python-VERSION/, or its
  .tar.gz): the generated sources are in it, nothing else is needed;
- bindings/python in a virtkit source tree: the generator makes them
  first, from api/virt-api.xml (it needs jinja2).

    PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig \\
        pip install --no-build-isolation .
"""

import os
import re
import subprocess
import sys

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def rel(*parts):
    """A path relative to this directory, as setuptools wants them."""
    return os.path.join(*parts)


def pkg_config(option):
    try:
        out = subprocess.run(["pkg-config", option, "libvirt"], check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"pkg-config {option} libvirt failed ({e}): install "
                 "virtkit first and set PKG_CONFIG_PATH to its "
                 "lib/pkgconfig directory")
    return out.split()


def in_source_tree():
    return os.path.exists(os.path.join(TOP, "generator", "__main__.py")) \
        and os.path.exists(os.path.join(TOP, "api", "virt-api.xml"))


def generated_dir():
    """Where libvirtmod.c and libvirt.py are: gen/ in a dist-python tree;
    in the source tree, made now under build/ (never next to the sources,
    where a build's gen/ may be)."""
    if not in_source_tree():
        if not os.path.exists(os.path.join(HERE, "gen", "libvirtmod.c")):
            sys.exit("gen/libvirtmod.c is missing: build from the tree "
                     "`make dist-python` writes, or from a virtkit source "
                     "tree")
        return "gen"
    out = rel("build", "virtkit-gen")
    env = dict(os.environ, PYTHONPATH=TOP)
    ret = subprocess.run([sys.executable, "-B", "-m", "generator", "--idl",
                          os.path.join(TOP, "api", "virt-api.xml"),
                          "--outdir", os.path.join(HERE, out), "python"],
                         cwd=TOP, env=env)
    if ret.returncode != 0:
        sys.exit("the generator failed (does this python import jinja2?)")
    return rel(out, "bindings", "python", "gen")


def version():
    if os.path.exists(os.path.join(HERE, "VERSION")):
        with open(os.path.join(HERE, "VERSION"), encoding="utf-8") as f:
            return f.read().strip()
    with open(os.path.join(TOP, "configure.ac"), encoding="utf-8") as f:
        m = re.search(r"AC_INIT\(\[virtkit\],\s*\[([^\]]+)\]", f.read())
    return m.group(1) if m else "0"


gen = generated_dir()
cflags = pkg_config("--cflags")
libs = pkg_config("--libs")
LIBRARIES = ("libvirt-qemu", "libvirt-lxc")


def overrides_of(library):
    """The hand-written C of one module: files named after its library
    (overrides/libvirt-qemu.c) for libvirt_qemu and libvirt_lxc, the rest
    for libvirt."""
    out = []
    for f in sorted(os.listdir(os.path.join(HERE, "overrides"))):
        owner = next((lib for lib in LIBRARIES
                      if re.match(re.escape(lib) + r"[-.]", f)), None)
        if f.endswith(".c") and owner == library:
            out.append(rel("overrides", f))
    return out


runtime = sorted(rel("runtime", f)
                 for f in os.listdir(os.path.join(HERE, "runtime"))
                 if f.endswith(".c"))


def extension(library):
    suffix = "" if library is None else library[len("libvirt"):]
    name = "libvirtmod" + suffix.replace("-", "_")
    extra = [] if library is None else [library[len("lib"):]]
    return Extension(
        name,
        sources=[rel(gen, name + ".c")] + runtime + overrides_of(library),
        include_dirs=["runtime"] + [f[2:] for f in cflags
                                    if f.startswith("-I")],
        extra_compile_args=[f for f in cflags if not f.startswith("-I")] +
        ["-std=gnu11", "-fno-strict-aliasing", "-Wno-cast-function-type"],
        library_dirs=[f[2:] for f in libs if f.startswith("-L")],
        runtime_library_dirs=[f[2:] for f in libs if f.startswith("-L")],
        libraries=extra + [f[2:] for f in libs if f.startswith("-l")],
    )


setup(
    version=version(),
    py_modules=["libvirt", "libvirt_qemu", "libvirt_lxc"],
    package_dir={"": gen},
    ext_modules=[extension(None)] + [extension(lib) for lib in LIBRARIES],
)
