#include "cicu.h"
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

int32_t l10n_icu_sentence_breaks(const char *locale, const uint16_t *text, int32_t length,
                                 int32_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
        if (count < capacity) out[count] = b;
        count++;
    }
    ubrk_close(bi);
    return count;
}
