/* virlog.h: small logging facility (levels, filters, outputs).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Configured like libvirt's: LIBVIRT_DEBUG=1..4 (or debug/info/warning/
 * error) sets the default priority, LIBVIRT_LOG_FILTERS="N:match ..." gives
 * a priority to source files whose path contains `match`, and
 * LIBVIRT_LOG_OUTPUTS="N:stderr N:file:PATH" says where messages go.
 * With nothing configured a client library logs nothing; setting only
 * LIBVIRT_DEBUG logs to stderr.  Daemons set the same three from their
 * config files with virLogSetDefaultPriority/SetFilters/SetOutputs.
 */
#pragma once

#include <time.h>

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef enum {
    VIR_LOG_DEBUG = 1,
    VIR_LOG_INFO,
    VIR_LOG_WARN,
    VIR_LOG_ERROR,
} virLogPriority;

#define VIR_LOG_DEFAULT VIR_LOG_WARN

void virLogMessage(virLogPriority priority, const char *filename,
                   size_t linenr, const char *funcname,
                   const char *fmt, ...) G_GNUC_PRINTF(5, 6);

/* True if a message of `priority` from `filename` would be written
 * anywhere (lets callers skip building expensive messages). */
bool virLogWouldLog(virLogPriority priority, const char *filename);

#define VIR_LOG_AT_(prio, ...) \
    do { \
        if (virLogWouldLog(prio, __FILE__)) \
            virLogMessage(prio, __FILE__, __LINE__, __func__, __VA_ARGS__); \
    } while (0)

#define VIR_DEBUG(...) VIR_LOG_AT_(VIR_LOG_DEBUG, __VA_ARGS__)
#define VIR_INFO(...) VIR_LOG_AT_(VIR_LOG_INFO, __VA_ARGS__)
#define VIR_WARN(...) VIR_LOG_AT_(VIR_LOG_WARN, __VA_ARGS__)
#define VIR_ERROR(...) VIR_LOG_AT_(VIR_LOG_ERROR, __VA_ARGS__)

/* "1".."4" or "debug", "info", "warning"/"warn", "error"; -1 if invalid. */
int virLogParsePriority(const char *str);

/* Each returns 0, or -1 with VIR_ERR_INVALID_ARG set for a bad spec (the
 * previous setting is kept).  NULL or "" resets to the default. */
int virLogSetDefaultPriority(int priority);
int virLogSetFilters(const char *spec);
int virLogSetOutputs(const char *spec);

virLogPriority virLogGetDefaultPriority(void);
/* Number of configured outputs (0: logging is off). */
int virLogGetNbOutputs(void);

/* Forget every setting and read the environment again (for tests). */
void virLogReset(void);

/* The timestamp of log lines: "YYYY-MM-DD HH:MM:SS" in UTC, without
 * gmtime_r's lock (see virlog.c). */
void virLogFormatUTC(time_t secs, char *buf, size_t len);
