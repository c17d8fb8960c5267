// libxml2 for Swift. Debian builds libxml2 with ICU, and <libxml/encoding.h> then pulls ICU's
// headers in, which clash with Foundation's bundled ICU. The ICU-only struct members are never
// touched from Swift, so switch that part off before including anything else.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>
