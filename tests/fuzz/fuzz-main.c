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
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <sys/stat.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static bool verbose;


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
        LLVMFuzzerTestOneInput(exact, size);
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


int
main(int argc, char **argv)
{
    int ret = 0;
    int i;

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
    return ret;
}
