/* The HTML parser alone, as l10n drives it (HTMLSAXDriver): libxml2's push-less HTML parser over
 * a memory buffer with the same options, SAX callbacks that do nothing (no tree is built).
 * Usage: libxml2-html FILE... — prints bytes, seconds and MB/s over all files, each parsed
 * REPEAT times (environment, default 5). */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void start_element(void *ctx, const xmlChar *name, const xmlChar **atts) { (void)ctx; (void)name; (void)atts; }
static void end_element(void *ctx, const xmlChar *name) { (void)ctx; (void)name; }
static void characters(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; }

int main(int argc, char **argv) {
    int repeat = getenv("REPEAT") ? atoi(getenv("REPEAT")) : 5;
    double seconds = 0;
    size_t bytes = 0;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = start_element;
    sax.endElement = end_element;
    sax.characters = characters;
    sax.ignorableWhitespace = characters;
    sax.comment = (commentSAXFunc)end_element;
    int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 1; }
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc(n > 0 ? n : 1);
        if (fread(buf, 1, n, f) != (size_t)n) { perror(argv[i]); return 1; }
        fclose(f);
        double start = now();
        for (int r = 0; r < repeat; r++) {
            htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buf, (int)n);
            memcpy(ctxt->sax, &sax, sizeof sax);
            ctxt->userData = NULL;
            htmlCtxtUseOptions(ctxt, options);
            htmlParseDocument(ctxt);
            if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);
            htmlFreeParserCtxt(ctxt);
        }
        seconds += now() - start;
        bytes += (size_t)n * repeat;
        free(buf);
    }
    printf("libxml2 %s HTML parser (SAX, no tree): %.1f MB in %.3f s = %.1f MB/s\n",
           xmlParserVersion, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
    return 0;
}
