# SPDX-License-Identifier: LGPL-2.1-or-later
"""Write generated files: a banner naming the source, write-if-changed."""

import os

BANNERS = {
    "c": "/* Generated from api/virt-api.xml by generator/{target}. DO NOT EDIT. */\n",
    "xml": "<!-- Generated from api/virt-api.xml by generator/{target}. DO NOT EDIT. -->\n",
    "html": "<!-- Generated from api/virt-api.xml by generator/{target}. DO NOT EDIT. -->\n",
    "map": "/* Generated from api/virt-api.xml by generator/{target}. DO NOT EDIT. */\n",
    "sh": "# Generated from api/virt-api.xml by generator/{target}. DO NOT EDIT.\n",
}


def banner(kind, target):
    return BANNERS[kind].format(target=target)


def write(path, text):
    """Write `text` to `path` only if it differs; return True if written."""
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return False
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".new"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    return True
