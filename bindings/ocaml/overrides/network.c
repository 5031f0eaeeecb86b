/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Network's events (see runtime/vkml-objevents.h). */
#include "vkml-objevents.h"

VKML_OBJECT_EVENTS(virNetwork, network, virConnectNetworkEvent)
