/* The Markdown parser alone, as l10n drives it: cmark-gfm with source positions and the
 * extensions MarkdownSyntaxTree attaches (table, strikethrough, autolink, tasklist).
 * Usage: cmark FILE... — prints bytes, seconds and MB/s (MB = 2^20 bytes) over all files,
 * each parsed REPEAT times (environment, default 5) after being read into memory. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include "bench.h"

int main(int argc, char **argv) {
    const char *names[] = {"table", "strikethrough", "autolink", "tasklist"};
    int repeat = repeat_count();
    double seconds = 0;
    size_t bytes = 0;
    cmark_gfm_core_extensions_ensure_registered();
    for (int i = 1; i < argc; i++) {
        long n;
        char *buf = read_whole(argv[i], &n);
        double start = now();
        for (int r = 0; r < repeat; r++) {
            cmark_parser *parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
            for (int k = 0; k < 4; k++) cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[k]));
            cmark_parser_feed(parser, buf, n);
            cmark_node_free(cmark_parser_finish(parser));
            cmark_parser_free(parser);
        }
        seconds += now() - start;
        bytes += (size_t)n * repeat;
        free(buf);
    }
    printf("cmark-gfm %s (sourcepos, table, strikethrough, autolink, tasklist): %.1f MB in %.3f s = %.1f MB/s\n",
           cmark_version_string(), bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
    return 0;
}
