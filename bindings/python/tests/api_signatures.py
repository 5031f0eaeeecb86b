# SPDX-License-Identifier: LGPL-2.1-or-later
# Our libvirt module against Debian's libvirt-python, name by name: every
# class, method and function both have takes the same parameters with the
# same defaults (so keyword calls work unchanged); what only libvirt-python
# has is listed.  TAP.
#   api_signatures.py OUR_LIBVIRT_PY THEIR_LIBVIRT_PY
import importlib.util
import inspect
import sys


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def params(fn):
    """[(name, default or None, kind)]: what a caller can rely on; the
    annotations are left out."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    return [(p.name, None if p.default is p.empty else repr(p.default),
             p.kind) for p in sig.parameters.values()]


def public(names):
    return sorted(n for n in names if not n.startswith("__"))


ours = load(sys.argv[1], "libvirt")
sys.modules["libvirt"] = ours       # libvirt_qemu and friends import it
theirs = load(sys.argv[2], "libvirt_theirs")

missing = []
differ = []
checked = 0
for name in public(vars(theirs)):
    obj = getattr(theirs, name)
    if inspect.isclass(obj) and name.startswith("vir"):
        mine = getattr(ours, name, None)
        if mine is None:
            missing.append(name)
            continue
        for mname in public(vars(obj)):
            meth = vars(obj)[mname]
            if not callable(meth):
                continue
            if not hasattr(mine, mname):
                missing.append(f"{name}.{mname}")
                continue
            checked += 1
            if params(meth) != params(getattr(mine, mname)):
                differ.append(f"{name}.{mname}: libvirt-python "
                              f"{inspect.signature(meth)}, ours "
                              f"{inspect.signature(getattr(mine, mname))}")
    elif inspect.isfunction(obj):
        if not hasattr(ours, name):
            missing.append(name)
            continue
        checked += 1
        if params(obj) != params(getattr(ours, name)):
            differ.append(f"{name}: libvirt-python {inspect.signature(obj)},"
                          f" ours {inspect.signature(getattr(ours, name))}")
    elif isinstance(obj, (int, str)) and name.startswith("VIR_"):
        checked += 1
        if getattr(ours, name, None) != obj:
            differ.append(f"{name}: libvirt-python {obj!r}, ours "
                          f"{getattr(ours, name, None)!r}")

print(f"{'not ok' if differ else 'ok'} 1 - {checked} names libvirt-python "
      "and ours both have take the same parameters and constant values")
for d in differ:
    print(f"# differs: {d}")
print(f"ok 2 - libvirt-python names we do not have yet: {len(missing)}")
for m in missing:
    print(f"# missing: {m}")
print("1..2")
