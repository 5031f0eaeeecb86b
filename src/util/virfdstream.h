/* virfdstream.h: a virStream over a local file descriptor (a file, a pipe
 * or a socket).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Drivers open one to serve virDomainScreenshot, virStorageVolUpload and
 * the like; the daemon's stream code reads and writes it through the
 * stream's driver table like any other stream.
 *
 * Behaviour (as libvirt's local streams):
 *  - Send/Recv move bytes; a regular file is read and written at the
 *    stream's own position (offset + bytes so far), up to `length` bytes
 *    when a length was given (0: to the end).
 *  - SendHole skips `length` bytes of a file being written, growing the
 *    file when the hole runs past its end.
 *  - streamInData (internal) tells whether the position is in data or in a
 *    hole of a file being read, and how long that section is, so that a
 *    sparse reader can send holes instead of zeros.
 *  - With VIR_STREAM_NONBLOCK, Send/Recv return -2 instead of waiting
 *    (pipes and sockets; files are always ready).
 *  - One event callback at a time, run from the registered event loop.
 *  - Finish and Abort close the descriptor; both may be repeated.  Any
 *    other call afterwards fails with "stream is not open".
 */
#pragma once

#include <sys/types.h>

#include <libvirt/libvirt.h>

/* Bind `st` to `fd`, which the stream then owns (closed at finish/abort,
 * or here on failure).  0, or -1 with an error set. */
int virFDStreamOpen(virStreamPtr st, int fd);

/* Open `path` with `oflags` (O_RDONLY or O_WRONLY, plus O_CREAT/O_TRUNC
 * ...) and bind `st` to it, starting `offset` bytes in and moving at most
 * `length` bytes (0: no limit).  0, or -1 with an error naming the file. */
int virFDStreamOpenFile(virStreamPtr st, const char *path,
                        unsigned long long offset, unsigned long long length,
                        int oflags);

/* The same, creating the file with `mode` if needed (O_CREAT is added). */
int virFDStreamCreateFile(virStreamPtr st, const char *path,
                          unsigned long long offset,
                          unsigned long long length,
                          int oflags, mode_t mode);
