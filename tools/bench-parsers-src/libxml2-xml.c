/* The XML parser alone, as l10n reads XLIFF for merge and qa (XMLSAXReader): libxml2's SAX2
 * parser over a memory buffer with LibXML2.parseOptions (NONET, no DTD loading, no entity
 * substitution, big line numbers), callbacks that do nothing (no tree is built).
 * Usage: libxml2-xml FILE... — prints bytes, seconds and MB/s over all files, each parsed
 * REPEAT times (environment, default 5). */
#include <libxml/parser.h>
#include <string.h>
#include "bench.h"

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                          int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                          const xmlChar **attributes) {
    (void)ctx; (void)localname; (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
}
static void end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)localname; (void)prefix; (void)uri;
}
static void characters(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; }

int main(int argc, char **argv) {
    int repeat = repeat_count();
    double seconds = 0;
    size_t bytes = 0;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start_element;
    sax.endElementNs = end_element;
    sax.characters = characters;
    sax.ignorableWhitespace = characters;
    sax.cdataBlock = characters;
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
    for (int i = 1; i < argc; i++) {
        long n;
        char *buf = read_whole(argv[i], &n);
        double start = now();
        for (int r = 0; r < repeat; r++) {
            xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
            memcpy(ctxt->sax, &sax, sizeof sax);
            xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)n, argv[i], NULL, options);
            if (doc) xmlFreeDoc(doc);
            xmlFreeParserCtxt(ctxt);
        }
        seconds += now() - start;
        bytes += (size_t)n * repeat;
        free(buf);
    }
    printf("libxml2 %s XML parser (SAX2, no tree): %.1f MB in %.3f s = %.1f MB/s\n",
           xmlParserVersion, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
    return 0;
}
