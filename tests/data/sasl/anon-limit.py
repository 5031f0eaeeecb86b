#!/usr/bin/python3
# max_anonymous_clients counts clients yet to log in on a SASL listener:
# hold LIMIT idle connections to RW-SOCKET, then a further one is closed
# by the daemon, one to RO-SOCKET (no authentication) is served, and once
# an idle one goes a new client is served again.
# Usage: anon-limit.py RW-SOCKET RO-SOCKET LIMIT; prints one line per step.
import socket
import struct
import sys
import time

rw, ro, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])


def auth_list(path):
    """AUTH_LIST on a new connection: its reply status, or 'closed'."""
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(10)
    s.connect(path)
    body = struct.pack('>IIiiIi', 0x20008086, 1, 66, 0, 1, 0)
    try:
        s.sendall(struct.pack('>I', len(body) + 4) + body)
        head = s.recv(4, socket.MSG_WAITALL)
        if len(head) < 4:
            return 'closed'
        n = struct.unpack('>I', head)[0]
        d = s.recv(n - 4, socket.MSG_WAITALL)
        return 'ok' if struct.unpack('>i', d[20:24])[0] == 0 else 'error'
    except (ConnectionError, socket.timeout):
        return 'closed'
    finally:
        s.close()


idle = []
for i in range(limit):
    s = socket.socket(socket.AF_UNIX)
    s.connect(rw)
    idle.append(s)
time.sleep(0.5)
print('one more on the sasl socket:', auth_list(rw))
print('the read-only socket:', auth_list(ro))
idle.pop().close()
time.sleep(0.5)
print('after one idle client left:', auth_list(rw))
for s in idle:
    s.close()
