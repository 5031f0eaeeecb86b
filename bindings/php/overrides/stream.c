/* stream.c: hand-written functions of virStream: libvirt-php passes the
 * data by reference and answers libvirt's int. */

/* virStreamSend: libvirt_stream_send($stream, &$data, $len = all of it). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_stream_send, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(1, data)
    ZEND_ARG_INFO(0, len)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_stream_send)
{
    zval *zst, *zdata;
    zend_long len = -1;
    virStreamPtr st;
    zend_string *data;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rz|l", &zst, &zdata, &len)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(st = vkphpFetch(zst, &vkphpRes_virStream)))
        RETURN_THROWS();
    data = zval_get_string(zdata);
    if (len < 0 || (size_t)len > ZSTR_LEN(data))
        len = ZSTR_LEN(data);
    ret = virStreamSend(st, ZSTR_VAL(data), len);
    zend_string_release(data);
    if (ret < 0)
        php_error_docref(NULL, E_WARNING, "Cannot send to stream");
    RETURN_LONG(ret);
}

/* virStreamRecv: libvirt_stream_recv($stream, &$data, $len = 0): up to
 * len bytes into $data; the number read. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_stream_recv, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(1, data)
    ZEND_ARG_INFO(0, len)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_stream_recv)
{
    zval *zst, *zdata;
    zend_long len = 0;
    virStreamPtr st;
    g_autofree char *buf = NULL;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rz|l", &zst, &zdata, &len)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(st = vkphpFetch(zst, &vkphpRes_virStream)))
        RETURN_THROWS();
    if (len < 0)
        len = 0;
    if (len > 64 * 1024 * 1024) {
        zend_argument_value_error(3, "must be at most 64 MiB");
        RETURN_THROWS();
    }
    buf = g_malloc0(len + 1);
    ret = virStreamRecv(st, buf, len);
    if (ret < 0)        /* $data stays as it was */
        php_error_docref(NULL, E_WARNING, "Cannot recv from stream");
    else
        ZEND_TRY_ASSIGN_REF_STRINGL(zdata, buf, ret);
    RETURN_LONG(ret);
}

/* libvirt_stream_close($stream): lets the stream go now (virStreamFree);
 * the resource stays, empty. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_stream_close, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_stream_close)
{
    zval *zst;
    virStreamPtr st;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zst) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(st = vkphpFetch(zst, &vkphpRes_virStream)))
        RETURN_THROWS();
    ret = virStreamFree(st);
    Z_RES_P(zst)->ptr = NULL;
    RETURN_LONG(ret);
}
