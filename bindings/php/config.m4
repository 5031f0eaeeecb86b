dnl config.m4 for the PHP extension `libvirt` (virtkit): phpize reads it in
dnl the build tree.  The compiler and linker flags of virtkit's headers and
dnl libraries come from the environment (VKPHP_CFLAGS, VKPHP_LIBS), which
dnl bindings/php/Makefile.inc.am sets.
PHP_ARG_WITH([libvirt],
  [for libvirt support],
  [AS_HELP_STRING([--with-libvirt], [Include libvirt support (virtkit)])])

if test "$PHP_LIBVIRT" != "no"; then
  PHP_EVAL_INCLINE([$VKPHP_CFLAGS])
  PHP_EVAL_LIBLINE([$VKPHP_LIBS], LIBVIRT_SHARED_LIBADD)
  PHP_SUBST(LIBVIRT_SHARED_LIBADD)
  PHP_NEW_EXTENSION(libvirt, php_libvirt.c, $ext_shared,,
                    [$VKPHP_CFLAGS])
fi
