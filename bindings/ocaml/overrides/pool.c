/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Pool's events (see runtime/vkml-objevents.h). */
#include "vkml-objevents.h"

VKML_OBJECT_EVENTS(virStoragePool, pool, virConnectStoragePoolEvent)
