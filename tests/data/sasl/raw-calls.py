#!/usr/bin/python3
# Send remote-program calls on a fresh connection, before any
# authentication, and print one line per reply:
#   PROC ok HEX-PAYLOAD    or    PROC error CODE DOMAIN MESSAGE
# Usage: raw-calls.py UNIX-SOCKET-PATH|HOST:PORT PROC...
# (66 AUTH_LIST, 67-69 SASL INIT/START/STEP, 1 CONNECT_OPEN, ...)
import socket
import struct
import sys

PROGRAM = 0x20008086


def xdr_string(b):
    return struct.pack('>I', len(b)) + b + b'\0' * ((4 - len(b) % 4) % 4)


def payload(proc):
    if proc == 1:       # CONNECT_OPEN {string? name; flags}
        return struct.pack('>I', 1) + xdr_string(b'test:///default') + \
            struct.pack('>I', 0)
    if proc == 68:      # SASL_START {mech; nil; data<>}
        return xdr_string(b'SCRAM-SHA-256') + struct.pack('>iI', 1, 0)
    if proc == 69:      # SASL_STEP {nil; data<>}
        return struct.pack('>iI', 1, 0)
    return b''


def recv_all(s, n):
    d = b''
    while len(d) < n:
        c = s.recv(n - len(d))
        if not c:
            raise EOFError('connection closed')
        d += c
    return d


def main():
    where = sys.argv[1]
    if where.startswith('/'):
        s = socket.socket(socket.AF_UNIX)
        s.connect(where)
    else:
        host, port = where.rsplit(':', 1)
        s = socket.create_connection((host, int(port)))
    for serial, proc in enumerate(sys.argv[2:], 1):
        proc = int(proc)
        body = struct.pack('>IIiiIi', PROGRAM, 1, proc, 0, serial, 0) + \
            payload(proc)
        s.sendall(struct.pack('>I', len(body) + 4) + body)
        n = struct.unpack('>I', recv_all(s, 4))[0]
        d = recv_all(s, n - 4)
        status = struct.unpack('>i', d[20:24])[0]
        p = d[24:]
        if status == 0:
            print(proc, 'ok', p.hex())
            continue
        code, dom, has = struct.unpack('>iii', p[:12])
        msg = ''
        if has:
            ln = struct.unpack('>I', p[12:16])[0]
            msg = p[16:16 + ln].decode()
        print(proc, 'error', code, dom, msg)


main()
