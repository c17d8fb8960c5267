/* The HTML parser alone, as l10n drives it (HTMLSAXDriver): libxml2's push-less HTML parser over
 * a memory buffer with the same options, SAX callbacks that do nothing (no tree is built).
 * Usage: libxml2-html FILE... — prints bytes, seconds and MB/s over all files, each parsed
 * REPEAT times (environment, default 5). */
#include <libxml/HTMLparser.h>
#include <string.h>
#include "bench.h"

static void start_element(void *ctx, const xmlChar *name, const xmlChar **atts) { (void)ctx; (void)name; (void)atts; }
static void end_element(void *ctx, const xmlChar *name) { (void)ctx; (void)name; }
static void characters(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; }

int main(int argc, char **argv) {
    int repeat = repeat_count();
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
        long n;
        char *buf = read_whole(argv[i], &n);
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
