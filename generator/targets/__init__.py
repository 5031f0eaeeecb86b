# SPDX-License-Identifier: LGPL-2.1-or-later
"""One module per output; each has generate(api, outdir)."""

import os

import jinja2

_env = None


def env():
    global _env
    if _env is None:
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        _env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(os.path.join(here, "templates")),
            undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
            trim_blocks=True, lstrip_blocks=True, autoescape=False)
    return _env


def render(template, **ctx):
    return env().get_template(template).render(**ctx)
