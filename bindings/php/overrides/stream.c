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

/* virStreamSendAll / virStreamRecvAll: the handler is a PHP callable,
 * called on PHP's thread while the call runs. */
static int
vkphpStreamSink(virStreamPtr st G_GNUC_UNUSED, const char *data,
                size_t nbytes, void *opaque)
{
    vkphpCallbackData *d = opaque;
    zval argv[3];

    ZVAL_COPY(&argv[0], &d->handle);
    ZVAL_STRINGL(&argv[1], data, nbytes);
    ZVAL_COPY(&argv[2], &d->opaque);
    return vkphpCallbackCall(d, argv, 3);
}

static int
vkphpStreamSource(virStreamPtr st G_GNUC_UNUSED, char *data, size_t nbytes,
                  void *opaque)
{
    vkphpCallbackData *d = opaque;
    zval argv[3], rv;
    int ret = -1;

    ZVAL_COPY(&argv[0], &d->handle);
    ZVAL_LONG(&argv[1], (zend_long)nbytes);
    ZVAL_COPY(&argv[2], &d->opaque);
    ZVAL_UNDEF(&rv);
    if (call_user_function(NULL, NULL, &d->cb, &rv, 3, argv) == SUCCESS &&
        !EG(exception)) {
        if (Z_TYPE(rv) == IS_STRING) {
            ret = MIN(Z_STRLEN(rv), nbytes);
            memcpy(data, Z_STRVAL(rv), ret);
        } else if (Z_TYPE(rv) == IS_LONG && Z_LVAL(rv) < 0) {
            ret = -1;
        } else {
            ret = 0;          /* nothing more */
        }
    }
    zval_ptr_dtor(&rv);
    zval_ptr_dtor(&argv[0]);
    zval_ptr_dtor(&argv[1]);
    zval_ptr_dtor(&argv[2]);
    return ret;
}

/* libvirt_stream_send_all($stream, $handler, $opaque = null): $handler(
 * $stream, $nbytes, $opaque) gives the next string ('' at the end). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_stream_send_all, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, handler)
    ZEND_ARG_INFO(0, opaque)
ZEND_END_ARG_INFO()

/* libvirt_stream_recv_all($stream, $handler, $opaque = null): $handler(
 * $stream, $data, $opaque) takes each piece and answers its length. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_stream_recv_all, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, handler)
    ZEND_ARG_INFO(0, opaque)
ZEND_END_ARG_INFO()

static void
vkphpStreamAll(INTERNAL_FUNCTION_PARAMETERS, bool send)
{
    zval *zst, *zcb, *zopaque = NULL;
    virStreamPtr st;
    vkphpCallbackData *d;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rz|z", &zst, &zcb,
                              &zopaque) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(st = vkphpFetch(zst, &vkphpRes_virStream)))
        RETURN_THROWS();
    if (!zend_is_callable(zcb, 0, NULL)) {
        zend_argument_type_error(2, "must be a valid callback");
        RETURN_THROWS();
    }
    d = vkphpCallbackNew(zst, zcb, zopaque);
    ret = send ? virStreamSendAll(st, vkphpStreamSource, d) :
        virStreamRecvAll(st, vkphpStreamSink, d);
    vkphpCallbackFree(d);
    if (ret < 0)
        RETURN_FALSE;
    RETURN_TRUE;
}

PHP_FUNCTION(libvirt_stream_send_all)
{
    vkphpStreamAll(INTERNAL_FUNCTION_PARAM_PASSTHRU, true);
}

PHP_FUNCTION(libvirt_stream_recv_all)
{
    vkphpStreamAll(INTERNAL_FUNCTION_PARAM_PASSTHRU, false);
}
