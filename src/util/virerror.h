/* virerror.h: raising errors inside the library (thread-local last error).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every .c file that raises errors defines VIR_FROM_THIS (a virErrorDomain
 * value such as VIR_FROM_TEST) before using the macros below.  The message
 * stored in the error is the code's standard prefix (as libvirt prints it,
 * e.g. "XML error: %s", "Domain not found: %s") applied to the formatted
 * detail, so callers only pass the detail.
 */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* Set the calling thread's last error.  `fmt` may be NULL (the code's
 * generic message is used alone). */
void virReportErrorFull(int domain, int code, const char *filename,
                        const char *funcname, size_t linenr,
                        const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* Same, from errno: the detail is "<fmt>: <strerror(errnum)>" and the code
 * is VIR_ERR_SYSTEM_ERROR. */
void virReportSystemErrorFull(int domain, int errnum, const char *filename,
                              const char *funcname, size_t linenr,
                              const char *fmt, ...) G_GNUC_PRINTF(6, 7);

#define virReportError(code, ...) \
    virReportErrorFull(VIR_FROM_THIS, code, __FILE__, __func__, __LINE__, \
                       __VA_ARGS__)
#define virReportSystemError(errnum, ...) \
    virReportSystemErrorFull(VIR_FROM_THIS, errnum, __FILE__, __func__, \
                             __LINE__, __VA_ARGS__)

/* Report that a driver or entry point was handed an unsupported flag. */
/* libvirt words this one without the "invalid argument: " prefix, with
 * the function in str1 and "flags" in str2. */
#define virReportInvalidFlags(flags) \
    virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_THIS, \
                      VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, __func__, "flags", \
                      NULL, 0, 0, "unsupported flags (0x%lx) in function %s", \
                      (unsigned long)(flags), __func__)

/* Drivers reject flag bits they do not handle (a distinct error from the
 * generated "unknown flag" check in the entry points). */
#define virCheckFlags(supported, retval) \
    do { \
        unsigned int unknown_ = flags & ~(unsigned int)(supported); \
        if (unknown_) { \
            virReportInvalidFlags(unknown_); \
            return retval; \
        } \
    } while (0)

/* True if the calling thread has a last error set. */
bool virErrorIsSet(void);

/* Save the thread's last error (or NULL if none) and clear it; restore it
 * later, so cleanup code cannot overwrite the error the caller sees. */
virErrorPtr virErrorSave(void);
void virErrorRestore(virErrorPtr *saved);

/* Called by every public entry point on failure (defined in
 * src/libvirt-error.c, since it knows the connection object): if no error is
 * set, set a generic one; copy the error to `conn` (may be NULL) and run the
 * connection's or the global error handler (default: print to stderr). */
void virDispatchError(virConnectPtr conn);

/* ---- Additions (kept compatible with everything above). ---- */

/* The message template libvirt uses for `code`: the one with a single "%s"
 * for the detail when `info` is non-NULL, else the bare one.  NULL for a
 * code outside the table (VIR_ERR_OK included). */
const char *virErrorMsg(int code, const char *info);

/* The name virDefaultErrorFunc prints for an error domain ("Test Driver",
 * "" for VIR_FROM_NONE, "Unknown" outside the table). */
const char *virErrorDomainName(int domain);

/* Set the thread's last error with every field given explicitly; the
 * message is formatted from `fmt` ("No error message provided" if NULL).
 * code VIR_ERR_OK just clears the last error. */
void virRaiseErrorFull(const char *filename, const char *funcname,
                       size_t linenr, int domain, int code,
                       virErrorLevel level, const char *str1,
                       const char *str2, const char *str3,
                       int int1, int int2, const char *fmt, ...)
    G_GNUC_PRINTF(12, 13);

/* The calling thread's error object (allocated on first use, never NULL).
 * Its code is VIR_ERR_OK when no error is set. */
virErrorPtr virErrorLastObject(void);

/* Free the strings of `err` and zero it (NULL-safe). */
void virErrorClear(virErrorPtr err);
/* Deep copy of code, domain, level, message, str1-3, int1-2 (never the
 * deprecated conn/dom/net pointers); `to` is cleared first. */
void virErrorCopy(const virError *from, virErrorPtr to);
/* A new heap copy of `err` (an empty error if NULL); free with virErrorFree. */
virErrorPtr virErrorCopyNew(const virError *err);
void virErrorFree(virErrorPtr err);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virError, virErrorFree)

/* Replace the thread's last error by a copy of `err` (NULL clears it),
 * e.g. an error received from the daemon.  errno is preserved. */
void virSetError(const virError *err);

/* True if the last error is VIR_ERR_SYSTEM_ERROR with errno `errnum`
 * (any errno when 0). */
bool virLastErrorIsSystemErrno(int errnum);

/* Prefix the last error's message with "<formatted>: " (no-op if unset). */
void virLastErrorPrefixMessage(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
