#ifndef CICU_H
#define CICU_H
// A small C face for the system ICU (libicu-dev). Swift must never see <unicode/*.h>: those
// headers clash with the ICU that Foundation bundles on Linux. Every function here takes and
// returns plain C types only.
#include <stdint.h>

/// Sentence boundaries of `text` (UTF-16, `length` code units) for `locale` (e.g. "en", "pt_BR").
/// Writes the boundary offsets (UTF-16 units, excluding 0, including `length`) to `out` and
/// returns how many there are, or -1 when ICU reports an error. When more than `capacity`
/// boundaries exist, returns the full count and writes only the first `capacity`.
int32_t l10n_icu_sentence_breaks(const char *locale, const uint16_t *text, int32_t length,
                                 int32_t *out, int32_t capacity);

#endif
