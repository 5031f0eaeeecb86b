/* Generated from api/virt-api.xml by generator/targets/rpc_xdr.py. DO NOT EDIT. */
/* gen/remote_protocol.c: XDR codecs and procedure tables; see
 * remote_protocol.h. */
#include <config.h>

#include "gen/remote_protocol.h"

/* The codecs call each other through xdrproc_t, as rpcgen's do. */
#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

const virWireProgram *const virWirePrograms[] = {
    NULL,
};

const virWireProgram *
virWireProgramFind(unsigned int program, unsigned int version)
{
    size_t i;

    for (i = 0; virWirePrograms[i]; i++) {
        if (virWirePrograms[i]->program == program &&
            virWirePrograms[i]->version == version)
            return virWirePrograms[i];
    }
    return NULL;
}

const virWireProc *
virWireProgramProc(const virWireProgram *prog, int number)
{
    if (!prog || number <= 0 || number >= prog->nprocs ||
        prog->procs[number].number != number)
        return NULL;
    return &prog->procs[number];
}
