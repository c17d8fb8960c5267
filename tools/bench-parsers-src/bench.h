/* What both parser benchmarks share: a monotonic clock and a whole file in memory. */
#ifndef L10N_BENCH_H
#define L10N_BENCH_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* The bytes of `path` (malloc'd; the caller frees them) and their count; exits on failure. */
static char *read_whole(const char *path, long *count) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(n > 0 ? n : 1);
    if (!buf || fread(buf, 1, n, f) != (size_t)n) { perror(path); exit(1); }
    fclose(f);
    *count = n;
    return buf;
}

/* REPEAT from the environment (default 5): how often each file is parsed. */
static int repeat_count(void) {
    const char *r = getenv("REPEAT");
    return r && atoi(r) > 0 ? atoi(r) : 5;
}
#endif
