/* vkphp-runtime.c: errors, value conversions and module info of the PHP
 * extension; included by the generated php_libvirt.c after its resource
 * types, so that everything stays one compilation unit (static). */

/* libvirt-php reports every libvirt error as a PHP warning and keeps the
 * message for libvirt_get_last_error().  Only errors of PHP's own thread
 * are turned into warnings: PHP may not be entered from others. */
static char *vkphpLastError;
static pthread_t vkphpMainThread;

static void
vkphpErrorFunc(void *opaque G_GNUC_UNUSED, virErrorPtr err)
{
    if (!err || !pthread_equal(pthread_self(), vkphpMainThread))
        return;
    g_free(vkphpLastError);
    vkphpLastError = g_strdup(err->message ? err->message : "");
    php_error_docref(NULL, E_WARNING, "%s", vkphpLastError);
}

/* Each call starts with no error, as in libvirt-php. */
static void
vkphpResetError(void)
{
    g_clear_pointer(&vkphpLastError, g_free);
}

static void
vkphpInit(void)
{
    vkphpMainThread = pthread_self();
    virSetErrorFunc(NULL, vkphpErrorFunc);
}

static void
vkphpInfo(int generated, int handwritten)
{
    unsigned long ver = 0;
    char buf[64];

    php_info_print_table_start();
    php_info_print_table_row(2, "Libvirt support", "enabled");
    php_info_print_table_row(2, "Extension version", VKPHP_VERSION);
    if (virGetVersion(&ver, NULL, NULL) == 0) {
        snprintf(buf, sizeof(buf), "%lu.%lu.%lu", ver / 1000000,
                 (ver / 1000) % 1000, ver % 1000);
        php_info_print_table_row(2, "Libvirt version", buf);
    }
    snprintf(buf, sizeof(buf), "%d generated, %d hand-written", generated,
             handwritten);
    php_info_print_table_row(2, "Functions", buf);
    php_info_print_table_end();
}

/* 64-bit counters go to PHP as decimal strings, as libvirt-php does by
 * default (libvirt.longlong_to_string): PHP's integers are signed. */
static void
vkphpZvalLongLong(zval *z, long long v, int is_unsigned)
{
    char buf[32];

    if (is_unsigned)
        snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v);
    else
        snprintf(buf, sizeof(buf), "%lld", v);
    ZVAL_STRING(z, buf);
}

static void
vkphpAssocLongLong(zval *arr, const char *key, long long v, int is_unsigned)
{
    zval z;

    vkphpZvalLongLong(&z, v, is_unsigned);
    add_assoc_zval(arr, key, &z);
}

/* A PHP array of strings as a C array (the strings stay PHP's). */
static int
vkphpStrings(HashTable *ht, const char ***out, size_t *n)
{
    zval *e;
    size_t i = 0;

    *out = NULL;
    *n = 0;
    if (!ht)
        return 0;
    *out = g_new0(const char *, zend_hash_num_elements(ht) + 1);
    ZEND_HASH_FOREACH_VAL(ht, e) {
        if (Z_TYPE_P(e) != IS_STRING) {
            zend_type_error("array elements must be strings, %s given",
                            zend_zval_type_name(e));
            return -1;
        }
        (*out)[i++] = Z_STRVAL_P(e);
    } ZEND_HASH_FOREACH_END();
    *n = i;
    return 0;
}

/* Typed parameters as an array name => value. */
static void
vkphpParamsToArray(zval *rv, virTypedParameterPtr params, int n)
{
    int i;

    array_init(rv);
    for (i = 0; i < n; i++) {
        virTypedParameterPtr p = &params[i];

        switch (p->type) {
        case VIR_TYPED_PARAM_INT:
            add_assoc_long(rv, p->field, p->value.i);
            break;
        case VIR_TYPED_PARAM_UINT:
            add_assoc_long(rv, p->field, p->value.ui);
            break;
        case VIR_TYPED_PARAM_LLONG:
            vkphpAssocLongLong(rv, p->field, p->value.l, 0);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            vkphpAssocLongLong(rv, p->field, (long long)p->value.ul, 1);
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            add_assoc_double(rv, p->field, p->value.d);
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            add_assoc_bool(rv, p->field, p->value.b);
            break;
        case VIR_TYPED_PARAM_STRING:
            add_assoc_string(rv, p->field, p->value.s ? p->value.s : "");
            break;
        default:
            break;
        }
    }
}

/* The handle in a PHP resource argument, or NULL (a TypeError is set). */
static void *
vkphpFetch(zval *z, vkphpResType *type)
{
    return zend_fetch_resource(Z_RES_P(z), type->name, type->id);
}

/* A new resource owning the handle. */
static void
vkphpReturnRes(zval *rv, void *handle, vkphpResType *type)
{
    ZVAL_RES(rv, zend_register_resource(handle, type->id));
}

/* An XML document, or with an XPath the text of its first match (the
 * document when nothing matches), as libvirt-php's XML getters answer. */
static void
vkphpXMLResult(zval *rv, const char *xml, const char *xpath)
{
    xmlDocPtr doc = NULL;
    xmlXPathContextPtr ctxt = NULL;
    xmlXPathObjectPtr obj = NULL;
    xmlChar *text = NULL;

    if (xpath && *xpath &&
        (doc = xmlReadMemory(xml, strlen(xml), "domain.xml", NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                             XML_PARSE_NOWARNING)) &&
        (ctxt = xmlXPathNewContext(doc)) &&
        (obj = xmlXPathEvalExpression(BAD_CAST xpath, ctxt)) &&
        obj->type == XPATH_NODESET && obj->nodesetval &&
        obj->nodesetval->nodeNr > 0)
        text = xmlXPathCastNodeToString(obj->nodesetval->nodeTab[0]);
    if (text)
        ZVAL_STRING(rv, (const char *)text);
    else
        ZVAL_STRING(rv, xml);
    xmlFree(text);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
}

/* The text of every match of an XPath in an XML document, appended to
 * out (g_free'd strings); the number of matches, or -1 if the document or
 * the expression is bad. */
static int
vkphpXPathAll(const char *xml, const char *xpath, GPtrArray *out)
{
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt = NULL;
    xmlXPathObjectPtr obj = NULL;
    int n = -1;
    int i;

    doc = xmlReadMemory(xml, strlen(xml), "doc.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING);
    if (!doc)
        return -1;
    if ((ctxt = xmlXPathNewContext(doc)) &&
        (obj = xmlXPathEvalExpression(BAD_CAST xpath, ctxt))) {
        n = 0;
        if (obj->type == XPATH_NODESET && obj->nodesetval) {
            for (i = 0; i < obj->nodesetval->nodeNr; i++) {
                xmlChar *t = xmlXPathCastNodeToString(
                    obj->nodesetval->nodeTab[i]);

                g_ptr_array_add(out, g_strdup((const char *)t));
                xmlFree(t);
                n++;
            }
        }
    }
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return n;
}

/* The first match's text, or NULL (g_free it). */
static char *
vkphpXPathOne(const char *xml, const char *xpath)
{
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func(g_free);

    if (vkphpXPathAll(xml, xpath, all) <= 0)
        return NULL;
    return g_strdup(g_ptr_array_index(all, 0));
}

/* A typed parameter list cut down to the names a PHP array gives, each
 * with the array's value converted to the list's type (the list comes
 * from the matching getter, which says each parameter's type); names the
 * list lacks are ignored.  Returns the new length. */
static int
vkphpParamsFromArray(HashTable *ht, virTypedParameterPtr p, int n)
{
    int i, k = 0;

    for (i = 0; i < n; i++) {
        zval *v = zend_hash_str_find(ht, p[i].field, strlen(p[i].field));
        zend_string *str;

        if (!v) {
            if (p[i].type == VIR_TYPED_PARAM_STRING) {
                free(p[i].value.s);
                p[i].value.s = NULL;
            }
            continue;
        }
        switch (p[i].type) {
        case VIR_TYPED_PARAM_INT:
            p[i].value.i = zval_get_long(v);
            break;
        case VIR_TYPED_PARAM_UINT:
            p[i].value.ui = zval_get_long(v);
            break;
        case VIR_TYPED_PARAM_LLONG:
            p[i].value.l = Z_TYPE_P(v) == IS_STRING ?
                g_ascii_strtoll(Z_STRVAL_P(v), NULL, 10) : zval_get_long(v);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            p[i].value.ul = Z_TYPE_P(v) == IS_STRING ?
                g_ascii_strtoull(Z_STRVAL_P(v), NULL, 10) :
                (unsigned long long)zval_get_long(v);
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            p[i].value.d = zval_get_double(v);
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            p[i].value.b = zend_is_true(v);
            break;
        case VIR_TYPED_PARAM_STRING:
            str = zval_get_string(v);
            free(p[i].value.s);
            p[i].value.s = strdup(ZSTR_VAL(str));
            zend_string_release(str);
            break;
        default:
            continue;
        }
        if (k != i)
            p[k] = p[i];
        k++;
    }
    return k;
}

/* The XML of the first element an XPath matches, or NULL (g_free it). */
static char *
vkphpXPathNode(const char *xml, const char *xpath)
{
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt = NULL;
    xmlXPathObjectPtr obj = NULL;
    xmlBufferPtr buf = NULL;
    char *ret = NULL;

    if (!(doc = xmlReadMemory(xml, strlen(xml), "doc.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                              XML_PARSE_NOWARNING)))
        return NULL;
    if ((ctxt = xmlXPathNewContext(doc)) &&
        (obj = xmlXPathEvalExpression(BAD_CAST xpath, ctxt)) &&
        obj->type == XPATH_NODESET && obj->nodesetval &&
        obj->nodesetval->nodeNr > 0 && (buf = xmlBufferCreate()) &&
        xmlNodeDump(buf, doc, obj->nodesetval->nodeTab[0], 0, 0) >= 0)
        ret = g_strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return ret;
}

/* A PHP callable registered with libvirt: the resource it was registered
 * on (given back as the callback's first argument), the callable and the
 * opaque value.  libvirt frees it with vkphpCallbackFree. */
typedef struct {
    zval handle;
    zval cb;
    zval opaque;
} vkphpCallbackData;

static bool
vkphpOnMainThread(void)
{
    /* PHP may be entered from its own thread only */
    return pthread_equal(pthread_self(), vkphpMainThread);
}

static vkphpCallbackData *
vkphpCallbackNew(zval *handle, zval *cb, zval *opaque)
{
    vkphpCallbackData *d = g_new0(vkphpCallbackData, 1);

    if (handle)
        ZVAL_COPY(&d->handle, handle);
    else
        ZVAL_UNDEF(&d->handle);
    ZVAL_COPY(&d->cb, cb);
    if (opaque)
        ZVAL_COPY(&d->opaque, opaque);
    else
        ZVAL_NULL(&d->opaque);
    return d;
}

static void
vkphpCallbackFree(void *opaque)
{
    vkphpCallbackData *d = opaque;

    if (!d)
        return;
    zval_ptr_dtor(&d->handle);
    zval_ptr_dtor(&d->cb);
    zval_ptr_dtor(&d->opaque);
    g_free(d);
}

/* Calls the callable with argv (whose values it releases); its answer as
 * an int (0 when it gives none, -1 when the call fails). */
static int
vkphpCallbackCall(vkphpCallbackData *d, zval *argv, int n)
{
    zval rv;
    int ret = -1;
    int i;

    ZVAL_UNDEF(&rv);
    if (call_user_function(NULL, NULL, &d->cb, &rv, n, argv) == SUCCESS &&
        !EG(exception))
        ret = Z_TYPE(rv) == IS_UNDEF || Z_TYPE(rv) == IS_NULL ? 0 :
            (int)zval_get_long(&rv);
    zval_ptr_dtor(&rv);
    for (i = 0; i < n; i++)
        zval_ptr_dtor(&argv[i]);
    return ret;
}

/* The type of a parameter a setter takes, from perl-params.tsv; a
 * "strings" parameter is a PHP array of strings, each a STRING. */
# define VKPHP_PARAM_STRINGS 100
typedef struct {
    const char *name;
    int type;
} vkphpParamType;

static int
vkphpParamAdd(virTypedParameterPtr *p, int *n, int *max, const char *name,
              int type, zval *v)
{
    zend_string *str;
    int r = -1;

    switch (type) {
    case VIR_TYPED_PARAM_INT:
        return virTypedParamsAddInt(p, n, max, name, (int)zval_get_long(v));
    case VIR_TYPED_PARAM_UINT:
        return virTypedParamsAddUInt(p, n, max, name,
                                     (unsigned int)zval_get_long(v));
    case VIR_TYPED_PARAM_LLONG:
        return virTypedParamsAddLLong(p, n, max, name,
                                      Z_TYPE_P(v) == IS_STRING ?
                                      g_ascii_strtoll(Z_STRVAL_P(v), NULL, 10) :
                                      zval_get_long(v));
    case VIR_TYPED_PARAM_ULLONG:
        return virTypedParamsAddULLong(p, n, max, name,
                                       Z_TYPE_P(v) == IS_STRING ?
                                       g_ascii_strtoull(Z_STRVAL_P(v), NULL, 10) :
                                       (unsigned long long)zval_get_long(v));
    case VIR_TYPED_PARAM_DOUBLE:
        return virTypedParamsAddDouble(p, n, max, name, zval_get_double(v));
    case VIR_TYPED_PARAM_BOOLEAN:
        return virTypedParamsAddBoolean(p, n, max, name, zend_is_true(v));
    case VIR_TYPED_PARAM_STRING:
        str = zval_get_string(v);
        r = virTypedParamsAddString(p, n, max, name, ZSTR_VAL(str));
        zend_string_release(str);
        return r;
    }
    return -1;
}

/* An array name => value as a typed parameter list, each value of the
 * type the table gives; a name the table lacks is libvirt's error. */
static int
vkphpParamsFromTable(HashTable *ht, const vkphpParamType *tab, size_t ntab,
                     virTypedParameterPtr *params, int *nparams)
{
    zend_string *key;
    zval *v, *e;
    int max = 0;
    size_t i;

    *params = NULL;
    *nparams = 0;
    ZEND_HASH_FOREACH_STR_KEY_VAL(ht, key, v) {
        const vkphpParamType *t = NULL;

        for (i = 0; key && i < ntab; i++) {
            if (strcmp(tab[i].name, ZSTR_VAL(key)) == 0)
                t = &tab[i];
        }
        if (!t) {
            /* kept for libvirt_get_last_error() like libvirt's errors */
            g_free(vkphpLastError);
            vkphpLastError = g_strdup_printf("unsupported typed parameter '%s'",
                                             key ? ZSTR_VAL(key) : "(number)");
            php_error_docref(NULL, E_WARNING, "%s", vkphpLastError);
            goto error;
        }
        if (t->type == VKPHP_PARAM_STRINGS && Z_TYPE_P(v) == IS_ARRAY) {
            ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), e) {
                if (vkphpParamAdd(params, nparams, &max, t->name,
                                  VIR_TYPED_PARAM_STRING, e) < 0)
                    goto error;
            } ZEND_HASH_FOREACH_END();
        } else if (vkphpParamAdd(params, nparams, &max, t->name,
                                 t->type == VKPHP_PARAM_STRINGS ?
                                 VIR_TYPED_PARAM_STRING : t->type, v) < 0) {
            goto error;
        }
    } ZEND_HASH_FOREACH_END();
    return 0;

 error:
    virTypedParamsFree(*params, *nparams);
    *params = NULL;
    *nparams = 0;
    return -1;
}

/* An error of the extension itself (not libvirt's): a warning, kept for
 * libvirt_get_last_error() as libvirt-php does. */
static void G_GNUC_PRINTF(1, 2)
vkphpError(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    g_free(vkphpLastError);
    vkphpLastError = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    php_error_docref(NULL, E_WARNING, "%s", vkphpLastError);
}

/* qemu-img makes an image (libvirt_image_create, libvirt_domain_new). */
static bool
vkphpImageCreate(const char *path, const char *size, const char *format)
{
    g_autofree char *qemuimg = g_find_program_in_path("qemu-img");
    const char *argv[] = { qemuimg, "create", "-f", format, path, size, NULL };
    int status = -1;

    if (!qemuimg)
        return false;
    /* qemu-img's own messages go to stderr, as they do for libvirt-php */
    if (!g_spawn_sync(NULL, (char **)argv, NULL,
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_CHILD_INHERITS_STDIN,
                      NULL, NULL, NULL, NULL, &status, NULL))
        return false;
    return g_spawn_check_wait_status(status, NULL);
}
