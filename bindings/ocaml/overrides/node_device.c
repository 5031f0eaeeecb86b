/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Node_device's events (see runtime/vkml-objevents.h). */
#include "vkml-objevents.h"

VKML_OBJECT_EVENTS(virNodeDevice, node_device, virConnectNodeDeviceEvent)
