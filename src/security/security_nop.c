/* security_nop.c: the "none" driver: every hook succeeds and does nothing.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include "security/security_driver.h"


static const char *
virSecurityNopGetModel(virSecurityManager *mgr G_GNUC_UNUSED)
{
    return "none";
}


static const char *
virSecurityNopGetDOI(virSecurityManager *mgr G_GNUC_UNUSED)
{
    return "0";
}


/* Every other hook is left NULL: the manager treats that as success. */
const virSecurityDriver virSecurityDriverNop = {
    .name = "none",
    .getModel = virSecurityNopGetModel,
    .getDOI = virSecurityNopGetDOI,
};
