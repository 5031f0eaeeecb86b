/* vkphp.h: what the generated extension and the hand-written functions
 * share: PHP's and libvirt's headers, resource types, value helpers. */
#ifndef VKPHP_H
# define VKPHP_H

# ifdef HAVE_CONFIG_H
#  include "config.h"
# endif
# include <php.h>
# include <ext/standard/info.h>
# include <pthread.h>
# include <stdio.h>
# include <arpa/inet.h>
# include <netdb.h>
# include <sys/socket.h>
# include <sys/stat.h>
# include <time.h>
# include <unistd.h>
# include <glib.h>
# include <libxml/parser.h>
# include <libxml/xpath.h>
# include <libvirt/libvirt.h>
# include <libvirt/libvirt-qemu.h>
# include <libvirt/libvirt-lxc.h>
# include <libvirt/virterror.h>

/* The libvirt-php API level this extension speaks (its version is what
 * programs check with libvirt_check_version(..., VIR_VERSION_BINDING)). */
# define VKPHP_VERSION "0.5.6"

/* A PHP resource type: libvirt-php's name for it, and PHP's id. */
typedef struct {
    const char *name;
    int id;
} vkphpResType;

/* A call whose arguments PHP refused: libvirt-php warns besides PHP's
 * own TypeError or ArgumentCountError. */
# define VKPHP_BAD_ARGS() \
    do { \
        php_error_docref(NULL, E_WARNING, "Invalid arguments"); \
        RETURN_THROWS(); \
    } while (0)

extern zend_module_entry libvirt_module_entry;

#endif
