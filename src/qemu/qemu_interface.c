/* qemu_interface.c: tap devices and bridge ports for guest interfaces.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <linux/sockios.h>

#include "qemu/qemu_interface.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

/* ioctls on interfaces go through any socket */
static int
ifaceIoctl(unsigned long req, struct ifreq *ifr, const char *what)
{
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int r;

    if (s < 0) {
        virReportSystemError(errno, "%s", "Cannot open network interface "
                             "control socket");
        return -1;
    }
    r = ioctl(s, req, ifr);
    if (r < 0)
        virReportSystemError(errno, "%s on interface '%s'", what,
                             ifr->ifr_name);
    close(s);
    return r < 0 ? -1 : 0;
}

static int
setMACAndUp(const char *ifname, const unsigned char *mac)
{
    struct ifreq ifr;

    memset(&ifr, 0, sizeof(ifr));
    g_strlcpy(ifr.ifr_name, ifname, sizeof(ifr.ifr_name));
    ifr.ifr_hwaddr.sa_family = 1;          /* ARPHRD_ETHER */
    memcpy(ifr.ifr_hwaddr.sa_data, mac, VIR_MAC_BUFLEN);
    ifr.ifr_hwaddr.sa_data[0] = (char)0xFE;  /* never the guest's own */
    if (ifaceIoctl(SIOCSIFHWADDR, &ifr, "Cannot set MAC address") < 0)
        return -1;
    memset(&ifr, 0, sizeof(ifr));
    g_strlcpy(ifr.ifr_name, ifname, sizeof(ifr.ifr_name));
    if (ifaceIoctl(SIOCGIFFLAGS, &ifr, "Cannot get flags") < 0)
        return -1;
    ifr.ifr_flags |= IFF_UP;
    return ifaceIoctl(SIOCSIFFLAGS, &ifr, "Cannot bring up");
}

static int
bridgeAddPort(const char *bridge, const char *ifname)
{
    struct ifreq ifr;
    int idx;

    memset(&ifr, 0, sizeof(ifr));
    g_strlcpy(ifr.ifr_name, ifname, sizeof(ifr.ifr_name));
    if (ifaceIoctl(SIOCGIFINDEX, &ifr, "Unable to get index") < 0)
        return -1;
    idx = ifr.ifr_ifindex;
    memset(&ifr, 0, sizeof(ifr));
    g_strlcpy(ifr.ifr_name, bridge, sizeof(ifr.ifr_name));
    ifr.ifr_ifindex = idx;
    if (ifaceIoctl(SIOCBRADDIF, &ifr, "Unable to add a port") < 0) {
        virResetLastError();
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "Unable to add bridge %s port %s: %s", bridge, ifname,
                       g_strerror(errno));
        return -1;
    }
    return 0;
}

int
qemuInterfaceOpenTap(virDomainNetDef *net)
{
    struct ifreq ifr;
    bool existing = net->type == VIR_DOMAIN_NET_TYPE_ETHERNET &&
                    net->managed_tap == VIR_TRISTATE_NO;
    int fd;

    if (net->type == VIR_DOMAIN_NET_TYPE_BRIDGE && !net->bridge) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "interface of type 'bridge' needs a source bridge");
        return -1;
    }
    if (existing && !net->ifname) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "target dev must be supplied when managed='no'");
        return -1;
    }
    if ((fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC)) < 0) {
        virReportSystemError(errno, "%s", "Unable to open /dev/net/tun");
        return -1;
    }
    memset(&ifr, 0, sizeof(ifr));
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    g_strlcpy(ifr.ifr_name, net->ifname && !strchr(net->ifname, '%') ?
              net->ifname : "vnet%d", sizeof(ifr.ifr_name));
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        virReportSystemError(errno, "Unable to create tap device %s",
                             ifr.ifr_name);
        close(fd);
        return -1;
    }
    g_free(net->ifname);
    net->ifname = g_strdup(ifr.ifr_name);
    if (!existing && setMACAndUp(net->ifname, net->mac) < 0)
        goto error;
    if (net->type == VIR_DOMAIN_NET_TYPE_BRIDGE &&
        bridgeAddPort(net->bridge, net->ifname) < 0)
        goto error;
    return fd;

 error:
    close(fd);                  /* the device goes with its last fd */
    return -1;
}
