// cmark-gfm, the reference CommonMark parser with GitHub's extensions (tables, strikethrough,
// autolinks, task lists). Builds next to Foundation without tricks.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
