#!/bin/sh
# Regenerate expected outputs with the real libvirt (see regen.py).
exec /usr/bin/python3 "$(dirname "$0")/regen.py" "$@"
