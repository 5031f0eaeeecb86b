/* fuzz-main.c: a plain main() for the fuzz targets, for builds without
 * libFuzzer (gcc, `make check`).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   fuzz-NAME [-v] PATH...
 *
 * Every PATH that is a file is one input; every PATH that is a directory
 * gives each regular file in it (in name order, dot files skipped).  Each
 * input is read into a buffer of exactly its size, so that the sanitizers
 * see a read past its end, and handed to LLVMFuzzerTestOneInput once.
 * Other arguments starting with '-' are ignored, so libFuzzer's options
 * may be passed.  With -v the name of each input goes to stderr before it
 * runs, which tells which one crashed.  Nothing else is printed; the exit
 * status is 0 once every input ran, 1 if one could not be read.
 *
 * With -max_total_time=SECONDS (libFuzzer's option name) the inputs are
 * then mutated for that long: a blind, coverage-less fuzzer (bit flips,
 * byte changes, inserts, deletions, copies and splices of two inputs),
 * random but repeatable with -seed=N (default 1), so that make check
 * does a little real fuzzing without clang.  Should a mutated input
 * crash, it is written to ./crash-mutated-PID first (from the signal
 * handler, or from ASan's death callback in a sanitizer build), and the
 * number of mutated inputs run is printed at the end with -v.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static GPtrArray *corpus;   /* GBytes of every input read, for mutating */

static bool verbose;

/* the input being run, for the crash handlers */
static const uint8_t *current;
static size_t currentSize;
static bool currentMutated;

void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));


/* Only async-signal-safe calls: this runs from a signal handler. */
static void
saveCurrent(void)
{
    char path[64];
    char digits[24];
    int len = 0;
    pid_t pid = getpid();
    size_t done = 0;
    int fd;

    if (!currentMutated || !current)
        return;
    do {
        digits[len++] = '0' + pid % 10;
        pid /= 10;
    } while (pid > 0);
    strcpy(path, "crash-mutated-");
    {
        size_t at = strlen(path);

        while (len > 0)
            path[at++] = digits[--len];
        path[at] = '\0';
    }
    if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
        return;
    while (done < currentSize) {
        ssize_t n = write(fd, current + done, currentSize - done);

        if (n <= 0)
            break;
        done += n;
    }
    close(fd);
    if (write(STDERR_FILENO, "fuzz-main: the crashing input is in ", 36) > 0 &&
        write(STDERR_FILENO, path, strlen(path)) > 0)
        (void)write(STDERR_FILENO, "\n", 1);
}


static void
crashHandler(int sig)
{
    saveCurrent();
    signal(sig, SIG_DFL);
    raise(sig);
}


static void
runOne(const uint8_t *data, size_t size, bool mutated)
{
    current = data;
    currentSize = size;
    currentMutated = mutated;
    LLVMFuzzerTestOneInput(data, size);
    current = NULL;
}


static int
runFile(const char *path)
{
    FILE *fp = fopen(path, "rb");
    uint8_t *buf = NULL;
    size_t size = 0;
    size_t cap = 0;
    size_t n;

    if (!fp) {
        fprintf(stderr, "fuzz-main: cannot open %s: %s\n", path,
                strerror(errno));
        return -1;
    }
    for (;;) {
        if (size == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = g_realloc(buf, cap);
        }
        n = fread(buf + size, 1, cap - size, fp);
        size += n;
        if (n == 0)
            break;
    }
    if (ferror(fp)) {
        fprintf(stderr, "fuzz-main: cannot read %s\n", path);
        fclose(fp);
        g_free(buf);
        return -1;
    }
    fclose(fp);

    /* exactly `size` bytes, as libFuzzer hands them over */
    {
        g_autofree uint8_t *exact = g_malloc(size ? size : 1);

        memcpy(exact, buf, size);
        g_free(buf);
        if (verbose)
            fprintf(stderr, "input: %s\n", path);
        runOne(exact, size, false);
        if (corpus)
            g_ptr_array_add(corpus, g_bytes_new(exact, size));
    }
    return 0;
}


static int
compareNames(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}


static int
runDir(const char *path)
{
    DIR *dir = opendir(path);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    struct dirent *ent;
    size_t i;
    int ret = 0;

    if (!dir) {
        fprintf(stderr, "fuzz-main: cannot open %s: %s\n", path,
                strerror(errno));
        return -1;
    }
    while ((ent = readdir(dir))) {
        g_autofree char *full = NULL;
        struct stat sb;

        if (ent->d_name[0] == '.')
            continue;
        full = g_build_filename(path, ent->d_name, NULL);
        if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode))
            g_ptr_array_add(names, g_steal_pointer(&full));
    }
    closedir(dir);

    qsort(names->pdata, names->len, sizeof(char *), compareNames);
    for (i = 0; i < names->len; i++) {
        if (runFile(names->pdata[i]) < 0)
            ret = -1;
    }
    return ret;
}


static void
insertBytes(GByteArray *buf, guint pos, const uint8_t *data, guint n)
{
    guint len = buf->len;

    g_byte_array_set_size(buf, len + n);
    memmove(buf->data + pos + n, buf->data + pos, len - pos);
    memcpy(buf->data + pos, data, n);
}


/* One random change of `buf`; another corpus entry for splices. */
static void
mutate(GByteArray *buf, GRand *rnd)
{
    guint len = buf->len;
    guint pos = len ? g_rand_int_range(rnd, 0, len) : 0;
    static const uint8_t interesting[] = {
        0, 1, 0x7f, 0x80, 0xff, '<', '>', '/', '\'', '"', '=', '&', ';',
        '\n', ' ', '-', '0', '9',
    };

    switch (g_rand_int_range(rnd, 0, 9)) {
    case 0: /* flip a bit */
        if (len)
            buf->data[pos] ^= 1u << g_rand_int_range(rnd, 0, 8);
        break;
    case 1: /* a random byte */
        if (len)
            buf->data[pos] = g_rand_int_range(rnd, 0, 256);
        break;
    case 2: /* an interesting byte */
        if (len)
            buf->data[pos] = interesting[g_rand_int_range(rnd, 0,
                                                          sizeof(interesting))];
        break;
    case 3: { /* insert bytes */
        uint8_t b[8];
        guint n = g_rand_int_range(rnd, 1, 9);
        guint i;

        for (i = 0; i < n; i++)
            b[i] = g_rand_boolean(rnd) ? g_rand_int_range(rnd, 0, 256) :
                   interesting[g_rand_int_range(rnd, 0, sizeof(interesting))];
        insertBytes(buf, pos, b, n);
        break;
    }
    case 4: /* delete a run */
        if (len) {
            guint n = g_rand_int_range(rnd, 1, MIN(len - pos, 64) + 1);

            g_byte_array_remove_range(buf, pos, n);
        }
        break;
    case 5: { /* copy a run elsewhere in the input */
        if (len > 1) {
            guint from = g_rand_int_range(rnd, 0, len);
            guint n = g_rand_int_range(rnd, 1, MIN(len - from, 128) + 1);
            g_autofree uint8_t *chunk = g_memdup2(buf->data + from, n);

            insertBytes(buf, pos, chunk, n);
        }
        break;
    }
    case 6: /* cut the end */
        if (len)
            g_byte_array_set_size(buf, pos);
        break;
    case 7: { /* splice: our head, another input's tail */
        GBytes *other = g_ptr_array_index(corpus,
                                          g_rand_int_range(rnd, 0, corpus->len));
        gsize olen;
        const uint8_t *odata = g_bytes_get_data(other, &olen);
        guint opos = olen ? g_rand_int_range(rnd, 0, olen) : 0;

        g_byte_array_set_size(buf, pos);
        g_byte_array_append(buf, odata + opos, olen - opos);
        break;
    }
    default: /* a decimal number where a digit is */
        if (len && g_ascii_isdigit(buf->data[pos])) {
            static const char *const numbers[] = {
                "0", "-1", "4294967295", "4294967296", "18446744073709551616",
                "2147483648", "99999999999999999999",
            };
            const char *num = numbers[g_rand_int_range(rnd, 0,
                                                       G_N_ELEMENTS(numbers))];

            insertBytes(buf, pos, (const uint8_t *)num, strlen(num));
        }
        break;
    }
}


static void
mutateFor(double seconds, guint32 seed)
{
    g_autoptr(GRand) rnd = g_rand_new_with_seed(seed);
    gint64 end = g_get_monotonic_time() + (gint64)(seconds * G_USEC_PER_SEC);
    unsigned long long runs = 0;

    if (!corpus || corpus->len == 0)
        return;
    while (g_get_monotonic_time() < end) {
        GBytes *base = g_ptr_array_index(corpus,
                                         g_rand_int_range(rnd, 0, corpus->len));
        gsize blen;
        const uint8_t *bdata = g_bytes_get_data(base, &blen);
        g_autoptr(GByteArray) buf = g_byte_array_sized_new(blen + 1);
        guint rounds = g_rand_int_range(rnd, 1, 6);
        guint i;

        g_byte_array_append(buf, bdata, blen);
        for (i = 0; i < rounds; i++)
            mutate(buf, rnd);
        if (buf->len > FUZZ_MAX_INPUT)
            continue;
        {
            /* exactly its size, so that ASan sees a read past the end */
            g_autofree uint8_t *exact = g_memdup2(buf->data,
                                                  buf->len ? buf->len : 1);

            runOne(exact, buf->len, true);
        }
        runs++;
    }
    if (verbose)
        fprintf(stderr, "mutated: %llu inputs in %.1f s (seed %u)\n",
                runs, seconds, seed);
}


int
main(int argc, char **argv)
{
    int ret = 0;
    int i;
    double seconds = 0;
    guint32 seed = 1;

    for (i = 1; i < argc; i++) {
        if (g_str_has_prefix(argv[i], "-max_total_time="))
            seconds = g_ascii_strtod(argv[i] + 16, NULL);
        else if (g_str_has_prefix(argv[i], "-seed="))
            seed = strtoul(argv[i] + 6, NULL, 10);
    }
    if (seconds > 0) {
        corpus = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
        signal(SIGABRT, crashHandler);
        signal(SIGSEGV, crashHandler);
        signal(SIGBUS, crashHandler);
        signal(SIGFPE, crashHandler);
        if (__sanitizer_set_death_callback)
            __sanitizer_set_death_callback(saveCurrent);
    }

    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);

    for (i = 1; i < argc; i++) {
        struct stat sb;

        if (strcmp(argv[i], "-v") == 0) {
            verbose = true;
            continue;
        }
        if (argv[i][0] == '-')
            continue;
        if (stat(argv[i], &sb) < 0) {
            fprintf(stderr, "fuzz-main: %s: %s\n", argv[i], strerror(errno));
            ret = 1;
        } else if (S_ISDIR(sb.st_mode)) {
            if (runDir(argv[i]) < 0)
                ret = 1;
        } else if (runFile(argv[i]) < 0) {
            ret = 1;
        }
    }
    if (seconds > 0 && ret == 0)
        mutateFor(seconds, seed);
    g_clear_pointer(&corpus, g_ptr_array_unref);
    return ret;
}
