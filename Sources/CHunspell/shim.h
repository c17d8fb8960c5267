// Hunspell's C API (libhunspell-dev), seen only by L10nQA's spelling check.
#include <hunspell/hunspell.h>
