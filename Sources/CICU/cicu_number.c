#include "cicu_number.h"
#include <unicode/unumberformatter.h>
#include <unicode/utypes.h>

int32_t l10n_icu_format_number(const char *locale, const uint16_t *skeleton, int32_t skeletonLength,
                               double value, uint16_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormatter *formatter = unumf_openForSkeletonAndLocale((const UChar *)skeleton, skeletonLength, locale, &status);
    if (U_FAILURE(status)) return -1;
    UFormattedNumber *result = unumf_openResult(&status);
    if (U_FAILURE(status)) { unumf_close(formatter); return -1; }
    unumf_formatDouble(formatter, value, result, &status);
    int32_t length = -1;
    if (U_SUCCESS(status)) {
        length = unumf_resultToString(result, (UChar *)out, capacity, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
        if (U_FAILURE(status)) length = -1;
    }
    unumf_closeResult(result);
    unumf_close(formatter);
    return length;
}
