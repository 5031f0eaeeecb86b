/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Secret's events (see runtime/vkml-objevents.h). */
#include "vkml-objevents.h"

VKML_OBJECT_EVENTS(virSecret, secret, virConnectSecretEvent)
