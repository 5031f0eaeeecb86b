/* qemu-lxc-calls.c: calls every function of libvirt-qemu.so and
 * libvirt-lxc.so on test:///default and prints what each returns and the
 * error it sets.  tests/qemu-lxc-calls.sh runs it on our libraries and on
 * Debian's libvirt 9.0 and compares the two outputs.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libvirt/libvirt-qemu.h>
#include <libvirt/libvirt-lxc.h>

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque; (void)err;
}


static void
show(const char *what, long long ret)
{
    virErrorPtr e = virGetLastError();

    if (e)
        printf("%s: %lld code=%d domain=%d '%s' str1=%s str2=%s\n", what, ret,
               e->code, e->domain, e->message ? e->message : "",
               e->str1 ? e->str1 : "-", e->str2 ? e->str2 : "-");
    else
        printf("%s: %lld no error\n", what, ret);
}


static void
monitorEvent(virConnectPtr conn, virDomainPtr dom, const char *event,
             long long seconds, unsigned int micros, const char *details,
             void *opaque)
{
    (void)conn; (void)dom; (void)event; (void)seconds; (void)micros;
    (void)details; (void)opaque;
}


int
main(void)
{
    virConnectPtr rw, ro;
    virDomainPtr dom, rodom;
    char *result = NULL;
    char *s;
    int *fds = NULL;
    int *oldfds = NULL;
    unsigned int noldfds = 0;
    int ownns, badfd;
    virSecurityModel model;
    virSecurityLabel label, oldlabel;

    setvbuf(stdout, NULL, _IOLBF, 0);
    virSetErrorFunc(NULL, quiet);
    if (!(rw = virConnectOpen("test:///default")) ||
        !(ro = virConnectOpenReadOnly("test:///default")))
        return 1;
    dom = virDomainLookupByName(rw, "test");
    rodom = virDomainLookupByName(ro, "test");

    show("monitor command", virDomainQemuMonitorCommand(dom, "{}", &result, 0));
    show("monitor command, HMP", virDomainQemuMonitorCommand(dom, "info", &result,
                                                             VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP));
    show("monitor command, read-only", virDomainQemuMonitorCommand(rodom, "{}", &result, 0));
    show("monitor command, no domain", virDomainQemuMonitorCommand(NULL, "{}", &result, 0));
    show("monitor command, NULL cmd", virDomainQemuMonitorCommand(dom, NULL, &result, 0));
    show("monitor command, NULL result", virDomainQemuMonitorCommand(dom, "{}", NULL, 0));
    show("monitor command with files", virDomainQemuMonitorCommandWithFiles(dom, "{}", 0, NULL, NULL, NULL, &result, 0));
    s = virDomainQemuAgentCommand(dom, "{}", VIR_DOMAIN_QEMU_AGENT_COMMAND_DEFAULT, 0);
    show("agent command", s ? 0 : -1);
    s = virDomainQemuAgentCommand(rodom, "{}", 5, 0);
    show("agent command, read-only", s ? 0 : -1);
    s = virDomainQemuAgentCommand(dom, NULL, 5, 0);
    show("agent command, NULL cmd", s ? 0 : -1);
    show("attach", virDomainQemuAttach(rw, 1, 0) ? 0 : -1);
    show("attach, read-only", virDomainQemuAttach(ro, 1, 0) ? 0 : -1);
    show("attach, pid 0", virDomainQemuAttach(rw, 0, 0) ? 0 : -1);
    show("monitor event register",
         virConnectDomainQemuMonitorEventRegister(rw, NULL, NULL, monitorEvent, NULL, NULL, 0));
    show("monitor event register, read-only",
         virConnectDomainQemuMonitorEventRegister(ro, NULL, NULL, monitorEvent, NULL, NULL, 0));
    show("monitor event register, no callback",
         virConnectDomainQemuMonitorEventRegister(rw, NULL, NULL, NULL, NULL, NULL, 0));
    show("monitor event deregister", virConnectDomainQemuMonitorEventDeregister(rw, 7));
    show("monitor event deregister, no connection", virConnectDomainQemuMonitorEventDeregister(NULL, 7));

    show("open namespace", virDomainLxcOpenNamespace(dom, &fds, 0));
    show("open namespace, read-only", virDomainLxcOpenNamespace(rodom, &fds, 0));
    show("enter namespace, none", virDomainLxcEnterNamespace(dom, 0, NULL, NULL, NULL, 0));
    /* (libvirt 9.0 crashes on a NULL domain here: not compared) */
    show("enter namespace, bad flags", virDomainLxcEnterNamespace(dom, 0, NULL, NULL, NULL, 1));
    ownns = open("/proc/self/ns/net", O_RDONLY);
    show("enter namespace, our own network namespace",
         virDomainLxcEnterNamespace(dom, 1, &ownns, NULL, NULL, 0));
    show("enter namespace, keeping the old ones",
         virDomainLxcEnterNamespace(dom, 1, &ownns, &noldfds, &oldfds, 0));
    printf("  old namespaces returned: %s\n", noldfds > 0 ? "some" : "none");
    while (noldfds > 0)
        close(oldfds[--noldfds]);
    free(oldfds);
    close(ownns);
    badfd = -1;
    show("enter namespace, a bad descriptor",
         virDomainLxcEnterNamespace(dom, 1, &badfd, NULL, NULL, 0));
    show("enter cgroup", virDomainLxcEnterCGroup(dom, 0) < 0 ? -1 : 0);
    memset(&model, 0, sizeof(model));
    memset(&label, 0, sizeof(label));
    strcpy(model.model, "none");
    show("enter security label, none",
         virDomainLxcEnterSecurityLabel(&model, &label, &oldlabel, 0));
    strcpy(model.model, "dummy");
    show("enter security label, unknown model",
         virDomainLxcEnterSecurityLabel(&model, &label, &oldlabel, 0));

    virDomainFree(dom);
    virDomainFree(rodom);
    virConnectClose(ro);
    virConnectClose(rw);
    return 0;
}
