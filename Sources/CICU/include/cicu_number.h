#ifndef CICU_NUMBER_H
#define CICU_NUMBER_H
// ICU's number formatter (CLDR data) behind plain C types: number skeletons such as
// "measure-unit/length-meter unit-width-short precision-increment/0.1" format values the way a
// locale writes them ("15,8 m" in pt_BR).
#include <stdint.h>

/// Formats `value` with ICU number skeleton `skeleton` (UTF-16, `skeletonLength` units) for
/// `locale`. Writes UTF-16 to `out` and returns its length (which may exceed `capacity`: call
/// again with a larger buffer), or -1 when the skeleton or locale is rejected.
int32_t l10n_icu_format_number(const char *locale, const uint16_t *skeleton, int32_t skeletonLength,
                               double value, uint16_t *out, int32_t capacity);

#endif
