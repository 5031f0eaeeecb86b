# SPDX-License-Identifier: LGPL-2.1-or-later
# virStream methods written by hand: data as bytes, the blocking helpers
# that move a whole stream through Python handlers, and stream events.
# The library's -2 (a non-blocking stream would block) and -3 (a hole comes
# first) are returned as integers, as libvirt-python does.


class virStream(object):
    def __del__(self) -> None:
        if getattr(self, "cb", None):
            libvirtmod.virStreamEventRemoveCallback(self._o)
        if self._o is not None:
            libvirtmod.virStreamFree(self._o)
        self._o = None

    def recv(self, nbytes: int) -> bytes:
        """Up to nbytes of data (b'' at the end), or -2 when a non-blocking
        stream has none yet."""
        ret = libvirtmod.virStreamRecv(self._o, nbytes)
        if ret is None:
            raise libvirtError('virStreamRecv() failed')
        return ret

    def recvFlags(self, nbytes: int, flags: int = 0) -> Union[bytes, int]:
        """Like recv; with VIR_STREAM_RECV_STOP_AT_HOLE, -3 says a hole
        comes before any data (its size from recvHole)."""
        ret = libvirtmod.virStreamRecvFlags(self._o, nbytes, flags)
        if ret is None:
            raise libvirtError('virStreamRecvFlags() failed')
        return ret

    def send(self, data: bytes) -> int:
        """Write data; returns the bytes written, or -2 when a non-blocking
        stream cannot take any now."""
        ret = libvirtmod.virStreamSend(self._o, data)
        if ret == -1:
            raise libvirtError('virStreamSend() failed')
        return ret

    def _abortQuietly(self):
        # the handler's failure is the one to report, not abort's
        try:
            self.abort()
        except Exception:
            pass

    def recvAll(self, handler: Callable[['virStream', bytes, _T], int],
                opaque: _T) -> None:
        """Read the stream to its end, giving each piece to
        handler(stream, data, opaque); a negative result or an exception
        from the handler aborts the stream."""
        while True:
            data = self.recv(virStorageVol.streamBufSize)
            if data == -2:
                raise libvirtError("cannot use recvAll with "
                                   "nonblocking stream")
            if len(data) == 0:
                return
            try:
                ret = handler(self, data, opaque)
                if isinstance(ret, int) and ret < 0:
                    raise RuntimeError("recvAll handler returned %d" % ret)
            except BaseException:
                self._abortQuietly()
                raise

    def sendAll(self, handler: Callable[['virStream', int, _T], bytes],
                opaque: _T) -> None:
        """Write what handler(stream, nbytes, opaque) returns until it
        returns nothing; an exception from the handler aborts the
        stream."""
        while True:
            try:
                data = handler(self, virStorageVol.streamBufSize, opaque)
            except BaseException:
                self._abortQuietly()
                raise
            if not data:
                return
            if self.send(data) == -2:
                raise libvirtError("cannot use sendAll with "
                                   "nonblocking stream")

    def sparseRecvAll(self,
                      handler: Callable[['virStream', bytes, _T],
                                        Union[bytes, int]],
                      holeHandler: Callable[['virStream', int, _T],
                                            Optional[int]],
                      opaque: _T) -> None:
        """Like recvAll, keeping holes: data goes to handler(stream, data,
        opaque), each hole's size to holeHandler(stream, length,
        opaque)."""
        while True:
            data = self.recvFlags(virStorageVol.streamBufSize,
                                  VIR_STREAM_RECV_STOP_AT_HOLE)
            if data == -2:
                raise libvirtError("cannot use sparseRecvAll with "
                                   "nonblocking stream")
            if data == -3:
                length = self.recvHole()
                if length is None:
                    self.abort()
                    raise RuntimeError("recvHole handler failed")
                ret = holeHandler(self, length, opaque)
                if isinstance(ret, int) and ret < 0:
                    self.abort()
                    raise RuntimeError("holeHandler handler returned %d" %
                                       ret)
                continue
            if isinstance(data, int):
                raise ValueError(data)
            if not isinstance(data, bytes):
                raise TypeError(type(data))
            if len(data) == 0:
                return
            ret = handler(self, data, opaque)
            if isinstance(ret, int) and ret < 0:
                self.abort()
                raise RuntimeError("sparseRecvAll handler returned %d" % ret)

    def sparseSendAll(self,
                      handler: Callable[['virStream', int, _T],
                                        Union[bytes, int]],
                      holeHandler: Callable[['virStream', _T],
                                            Tuple[bool, int]],
                      skipHandler: Callable[['virStream', int, _T], int],
                      opaque: _T) -> None:
        """Like sendAll, keeping holes: holeHandler(stream, opaque) says
        [in data?, section length]; a hole is sent with sendHole and
        skipped in the source with skipHandler(stream, length, opaque),
        data is read with handler(stream, nbytes, opaque)."""
        while True:
            in_data, section = holeHandler(self, opaque)
            if not in_data and section > 0:
                if self.sendHole(section) < 0 or \
                        skipHandler(self, section, opaque) < 0:
                    self.abort()
                continue
            data = handler(self, min(virStorageVol.streamBufSize, section),
                           opaque)
            if isinstance(data, int) and data < 0:
                self.abort()
                raise RuntimeError("sparseSendAll handler returned %d" %
                                   data)
            if not data:
                return
            assert isinstance(data, bytes)
            if self.send(data) == -2:
                raise libvirtError("cannot use sparseSendAll with "
                                   "nonblocking stream")

    # ---- events ----

    def _dispatchStreamEventCallback(self, events: int,
                                     cbData: Dict[str, Any]) -> int:
        cbData["cb"](self, events, cbData["opaque"])
        return 0

    def eventAddCallback(self, events: int,
                         cb: Callable[['virStream', int, _T], None],
                         opaque: _T) -> None:
        """Call cb(stream, events, opaque) when the stream can be read or
        written (VIR_STREAM_EVENT_*); needs an event loop."""
        self.cb = cb
        cbData = {"stream": self, "cb": cb, "opaque": opaque}
        ret = libvirtmod.virStreamEventAddCallback(self._o, events, cbData)
        if ret == -1:
            raise libvirtError('virStreamEventAddCallback() failed')
