# SPDX-License-Identifier: LGPL-2.1-or-later
"""virtkit's code generator: api/virt-api.xml -> headers, entry points,
driver tables, symbol file, API description, docs and bindings."""
