#include "cicu.h"
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uregex.h>
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

// MARK: - Break iterators

l10n_break_iterator *l10n_break_iterator_open(int32_t kind, const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == L10N_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
    UBreakIterator *bi = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (bi) ubrk_close(bi);
        return NULL;
    }
    return (l10n_break_iterator *)bi;
}

l10n_break_iterator *l10n_break_iterator_clone(const l10n_break_iterator *iterator) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone((const UBreakIterator *)iterator, &status);
    if (U_FAILURE(status)) {
        if (bi) ubrk_close(bi);
        return NULL;
    }
    return (l10n_break_iterator *)bi;
}

void l10n_break_iterator_close(l10n_break_iterator *iterator) {
    if (iterator) ubrk_close((UBreakIterator *)iterator);
}

int32_t l10n_break_iterator_set_text(l10n_break_iterator *iterator, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_first((UBreakIterator *)iterator);
    return 0;
}

int32_t l10n_break_iterator_next(l10n_break_iterator *iterator) {
    int32_t b = ubrk_next((UBreakIterator *)iterator);
    return b == UBRK_DONE ? -1 : b;
}

int32_t l10n_break_iterator_rule_status(const l10n_break_iterator *iterator) {
    return ubrk_getRuleStatus((UBreakIterator *)iterator);
}

// MARK: - Regular expressions

l10n_regex *l10n_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, l10n_regex_error *error) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    memset(&parse, 0, sizeof parse);
    URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &parse, &status);
    if (U_FAILURE(status)) {
        if (re) uregex_close(re);
        if (error) {
            error->code = (int32_t)status;
            error->line = parse.line;
            error->offset = parse.offset;
            strncpy(error->name, u_errorName(status), sizeof error->name - 1);
            error->name[sizeof error->name - 1] = 0;
        }
        return NULL;
    }
    return (l10n_regex *)re;
}

l10n_regex *l10n_regex_clone(const l10n_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone((const URegularExpression *)regex, &status);
    if (U_FAILURE(status)) {
        if (re) uregex_close(re);
        return NULL;
    }
    return (l10n_regex *)re;
}

void l10n_regex_close(l10n_regex *regex) {
    if (regex) uregex_close((URegularExpression *)regex);
}

int32_t l10n_regex_set_text(l10n_regex *regex, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = (URegularExpression *)regex;
    uregex_setText(re, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    uregex_useTransparentBounds(re, 1, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t l10n_regex_looking_at(l10n_regex *regex, int32_t start, int32_t limit) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = (URegularExpression *)regex;
    uregex_setRegion(re, start, limit, &status);
    uregex_useTransparentBounds(re, 1, &status);
    uregex_useAnchoringBounds(re, 0, &status);
    UBool found = uregex_lookingAt(re, -1, &status);
    if (U_FAILURE(status)) return -1;
    return found ? 1 : 0;
}

int32_t l10n_regex_find(l10n_regex *regex, int32_t start, int32_t limit, int32_t anchoring,
                        int32_t *match_start, int32_t *match_end) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = (URegularExpression *)regex;
    uregex_setRegion(re, start, limit, &status);
    uregex_useTransparentBounds(re, 1, &status);
    uregex_useAnchoringBounds(re, anchoring ? 1 : 0, &status);
    if (U_FAILURE(status)) return -1;
    return l10n_regex_find_next(regex, match_start, match_end);
}

int32_t l10n_regex_find_next(l10n_regex *regex, int32_t *match_start, int32_t *match_end) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = (URegularExpression *)regex;
    UBool found = uregex_findNext(re, &status);
    if (U_FAILURE(status)) return -1;
    if (!found) return 0;
    *match_start = uregex_start(re, 0, &status);
    *match_end = uregex_end(re, 0, &status);
    return U_FAILURE(status) ? -1 : 1;
}

int32_t l10n_regex_matches(l10n_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = (URegularExpression *)regex;
    uregex_reset(re, 0, &status);
    UBool found = uregex_matches(re, -1, &status);
    if (U_FAILURE(status)) return -1;
    return found ? 1 : 0;
}
