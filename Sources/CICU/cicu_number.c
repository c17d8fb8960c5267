#include "cicu_number.h"
#include <unicode/unumberformatter.h>
#include <unicode/utypes.h>
#include <pthread.h>
#include <string.h>

/*
 * Opening a UNumberFormatter parses the skeleton and loads the locale's data, and ICU compiles
 * it only after a few calls: far more than the formatting itself. Adaptation formats thousands
 * of numbers with a handful of (locale, skeleton) pairs, so the formatters are kept for the life
 * of the process, in a small table behind one lock. Formatting with a shared formatter is
 * thread-safe (ICU's LocalizedNumberFormatter is immutable once built). When the table is full,
 * further pairs are opened and closed per call, as before.
 */
#define L10N_FORMATTER_SLOTS 64
#define L10N_KEY_MAX 256

typedef struct {
    char locale[64];
    uint16_t skeleton[L10N_KEY_MAX];
    int32_t skeletonLength;
    UNumberFormatter *formatter;
} l10n_formatter_slot;

static l10n_formatter_slot l10n_formatters[L10N_FORMATTER_SLOTS];
static int l10n_formatter_count = 0;
static pthread_mutex_t l10n_formatter_lock = PTHREAD_MUTEX_INITIALIZER;

/* The shared formatter for (locale, skeleton), or NULL when it cannot be kept (*owned is then
 * set to a formatter the caller must close). */
static const UNumberFormatter *l10n_formatter(const char *locale, const uint16_t *skeleton, int32_t skeletonLength,
                                              UNumberFormatter **owned, UErrorCode *status) {
    *owned = NULL;
    size_t localeLength = strlen(locale);
    int cacheable = localeLength < sizeof(l10n_formatters[0].locale) && skeletonLength >= 0 && skeletonLength <= L10N_KEY_MAX;
    if (cacheable) {
        pthread_mutex_lock(&l10n_formatter_lock);
        for (int i = 0; i < l10n_formatter_count; i++) {
            l10n_formatter_slot *slot = &l10n_formatters[i];
            if (slot->skeletonLength == skeletonLength && strcmp(slot->locale, locale) == 0
                && memcmp(slot->skeleton, skeleton, (size_t)skeletonLength * sizeof(uint16_t)) == 0) {
                const UNumberFormatter *found = slot->formatter;
                pthread_mutex_unlock(&l10n_formatter_lock);
                return found;
            }
        }
        pthread_mutex_unlock(&l10n_formatter_lock);
    }
    UNumberFormatter *formatter = unumf_openForSkeletonAndLocale((const UChar *)skeleton, skeletonLength, locale, status);
    if (U_FAILURE(*status)) return NULL;
    if (cacheable) {
        pthread_mutex_lock(&l10n_formatter_lock);
        if (l10n_formatter_count < L10N_FORMATTER_SLOTS) {
            l10n_formatter_slot *slot = &l10n_formatters[l10n_formatter_count++];
            memcpy(slot->locale, locale, localeLength + 1);
            memcpy(slot->skeleton, skeleton, (size_t)skeletonLength * sizeof(uint16_t));
            slot->skeletonLength = skeletonLength;
            slot->formatter = formatter;
            pthread_mutex_unlock(&l10n_formatter_lock);
            return formatter;
        }
        pthread_mutex_unlock(&l10n_formatter_lock);
    }
    *owned = formatter;
    return formatter;
}

int32_t l10n_icu_format_number(const char *locale, const uint16_t *skeleton, int32_t skeletonLength,
                               double value, uint16_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormatter *owned = NULL;
    const UNumberFormatter *formatter = l10n_formatter(locale, skeleton, skeletonLength, &owned, &status);
    if (formatter == NULL || U_FAILURE(status)) return -1;
    UFormattedNumber *result = unumf_openResult(&status);
    if (U_FAILURE(status)) { if (owned) unumf_close(owned); return -1; }
    unumf_formatDouble(formatter, value, result, &status);
    int32_t length = -1;
    if (U_SUCCESS(status)) {
        length = unumf_resultToString(result, (UChar *)out, capacity, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
        if (U_FAILURE(status)) length = -1;
    }
    unumf_closeResult(result);
    if (owned) unumf_close(owned);
    return length;
}
