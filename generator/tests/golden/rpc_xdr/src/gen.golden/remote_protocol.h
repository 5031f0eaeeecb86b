/* Generated from api/virt-api.xml by generator/targets/rpc_xdr.py. DO NOT EDIT. */
/* gen/remote_protocol.h: the RPC wire types of every program as C structs,
 * their XDR codecs (libtirpc), and the per-program procedure tables.
 *
 * Decoding allocates (strings, arrays, optional values): release a decoded
 * value with xdr_free(codec, ptr), also after a failed decode. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <rpc/types.h>
#include <rpc/xdr.h>

/* Programs */

/* Limits */

/* Types */

/* Procedure numbers */

/* Codecs: one per type, for XDR_ENCODE, XDR_DECODE and XDR_FREE */

/* Procedure tables */
typedef enum {
    VIR_WIRE_STREAM_NONE = 0,
    VIR_WIRE_STREAM_READ,       /* data flows from the daemon to the client */
    VIR_WIRE_STREAM_WRITE,      /* data flows from the client to the daemon */
} virWireStream;

typedef struct _virWireProc virWireProc;
struct _virWireProc {
    int number;                 /* 0: the program has no such procedure */
    const char *name;           /* without the program prefix: "CONNECT_OPEN" */
    const char *function;       /* the C function it serves, or NULL */
    xdrproc_t args_filter;      /* payload of the call (of the message for
                                 * events); xdr_void when empty */
    size_t args_size;
    xdrproc_t ret_filter;       /* payload of a successful reply */
    size_t ret_size;
    bool message;               /* sent as a MESSAGE (events, keepalive) */
    bool high_priority;         /* must not wait behind slow calls */
    virWireStream stream;
    int stream_arg;             /* position of the stream argument, or -1 */
    bool private_api;           /* function is not public API */
};

typedef struct _virWireProgram virWireProgram;
struct _virWireProgram {
    const char *name;
    unsigned int program;
    unsigned int version;
    int nprocs;                 /* highest procedure number + 1 */
    const virWireProc *procs;   /* indexed by procedure number */
};

/* Every program above, then NULL. */
extern const virWireProgram *const virWirePrograms[];

/* The program with this number and version, or NULL. */
const virWireProgram *virWireProgramFind(unsigned int program,
                                         unsigned int version);
/* The procedure with this number, or NULL if the program has none. */
const virWireProc *virWireProgramProc(const virWireProgram *prog, int number);
