#!/bin/sh
# an editor that always fails with status 3 (opt-edit-* cases)
exit 3
