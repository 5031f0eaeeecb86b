/* security_dac.h: the DAC driver's own queries.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The DAC driver itself is reached through security_manager.h
 * (virSecurityManagerNew("dac", ...)); these take a DAC manager.
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>

#include "security/security_manager.h"

/* The model name the DAC driver uses for its xattrs and labels. */
#define VIR_SECURITY_DAC_NAME "dac"

bool virSecurityDACGetRememberOwner(virSecurityManager *mgr);
bool virSecurityDACGetDynamicOwnership(virSecurityManager *mgr);
void virSecurityDACGetIDs(virSecurityManager *mgr, uid_t *user, gid_t *group);
/* "trusted" or "user": where this manager keeps remembered owners. */
const char *virSecurityDACGetXATTRNamespace(virSecurityManager *mgr);
