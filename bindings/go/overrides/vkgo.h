/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* C helpers of the hand-written Go overrides: each calls libvirt and, on
 * failure, copies the thread's last error in the same cgo call. */
#ifndef VKGO_H
# define VKGO_H

# include <libvirt/libvirt.h>
# include <libvirt/virterror.h>

int vkgoGetVersion(unsigned long *version, virErrorPtr err);
virConnectPtr vkgoConnectOpenAuth(const char *uri, int *credtypes,
                                  int ncredtypes, long handle,
                                  unsigned int flags, virErrorPtr err);
/* What a graphics, tunable or job completed event carries: strings,
 * integers, pointers to its structs or typed parameters. */
typedef struct {
    const char *s[3];
    int i[2];
    long long l;
    unsigned long long u[2];
    const void *p[3];           /* structs: graphics addresses, subject,
                                 * typed parameters */
    int n;                      /* ... and how many typed parameters */
} vkgoDomainEventData;

int vkgoDomainEventRegister(virConnectPtr conn, virDomainPtr dom, int id,
                            long handle, virErrorPtr err);
int vkgoDomainEventDeregister(virConnectPtr conn, int id, virErrorPtr err);

int vkgoSchedulerParamsGet(virDomainPtr dom, int withFlags,
                           virTypedParameterPtr params, int *n,
                           unsigned int flags, virErrorPtr err);
int vkgoSchedulerParamsSet(virDomainPtr dom, int withFlags,
                           virTypedParameterPtr params, int n,
                           unsigned int flags, virErrorPtr err);
int vkgoTypedParamAdd(virTypedParameterPtr *params, int *n, int *max,
                      const char *name, int type, long long i,
                      unsigned long long u, double d, const char *s);
const char *vkgoTypedParamField(virTypedParameterPtr params, int i);
int vkgoTypedParamType(virTypedParameterPtr params, int i);
long long vkgoTypedParamInt(virTypedParameterPtr params, int i);
unsigned long long vkgoTypedParamUInt(virTypedParameterPtr params, int i);
double vkgoTypedParamDouble(virTypedParameterPtr params, int i);
const char *vkgoTypedParamString(virTypedParameterPtr params, int i);
char *vkgoDomainSchedulerType(virDomainPtr dom, int *nparams,
                              virErrorPtr err);
int vkgoDomainBlockStats(virDomainPtr dom, const char *path,
                         virDomainBlockStatsPtr stats, virErrorPtr err);

int vkgoObjectEventDeregister(virConnectPtr conn, int kind, int id,
                              virErrorPtr err);
int vkgoRegisterCloseCallback(virConnectPtr conn, long handle,
                              virErrorPtr err);
int vkgoUnregisterCloseCallback(virConnectPtr conn, virErrorPtr err);

int vkgoDomainInterfaceStats(virDomainPtr dom, const char *path,
                             virDomainInterfaceStatsPtr stats,
                             virErrorPtr err);
int vkgoDomainMemoryStats(virDomainPtr dom, virDomainMemoryStatPtr stats,
                          unsigned int nr, unsigned int flags,
                          virErrorPtr err);
unsigned char *vkgoSecretGetValue(virSecretPtr secret, size_t *size,
                                  unsigned int flags, virErrorPtr err);
int vkgoSecretSetValue(virSecretPtr secret, const unsigned char *value,
                       size_t size, unsigned int flags, virErrorPtr err);

int vkgoStreamSend(virStreamPtr st, const char *data, size_t n,
                   virErrorPtr err);
int vkgoStreamRecv(virStreamPtr st, char *data, size_t n, virErrorPtr err);

/* stream_more.go */
int vkgoStreamRecvFlags(virStreamPtr st, char *data, size_t n,
                        unsigned int flags, virErrorPtr err);
int vkgoStreamEventAddCallback(virStreamPtr st, int events, long handle,
                               virErrorPtr err);

/* qemu_events.go */
int vkgoQemuMonitorEventRegister(virConnectPtr conn, virDomainPtr dom,
                                 const char *event, long handle,
                                 unsigned int flags, virErrorPtr err);
int vkgoQemuMonitorEventDeregister(virConnectPtr conn, int id,
                                   virErrorPtr err);

/* eventimpl.go */
int vkgoEventAddHandle(int fd, int events, long handle, virErrorPtr err);
int vkgoEventAddTimeout(int freq, long handle, virErrorPtr err);
void vkgoEventInvokeHandle(virEventHandleCallback cb, int watch, int fd,
                           int events, void *opaque);
void vkgoEventInvokeTimeout(virEventTimeoutCallback cb, int timer,
                            void *opaque);
void vkgoEventInvokeFree(virFreeCallback ff, void *opaque);
void vkgoEventRegisterImpl(void);

#endif
