#ifndef CICU_H
#define CICU_H
// A small C face for the system ICU (libicu-dev). Swift must never see <unicode/*.h>: those
// headers clash with the ICU that Foundation bundles on Linux. Every function here takes and
// returns plain C types or opaque handles only.
#include <stdint.h>

/// Sentence boundaries of `text` (UTF-16, `length` code units) for `locale` (e.g. "en", "pt_BR").
/// Writes the boundary offsets (UTF-16 units, excluding 0, including `length`) to `out` and
/// returns how many there are, or -1 when ICU reports an error. When more than `capacity`
/// boundaries exist, returns the full count and writes only the first `capacity`.
/// One-shot convenience: opens and closes an iterator per call (see l10n_break_iterator_* for
/// the reusable form).
int32_t l10n_icu_sentence_breaks(const char *locale, const uint16_t *text, int32_t length,
                                 int32_t *out, int32_t capacity);

// MARK: - Reusable break iterators
//
// Opening an ICU break iterator loads and instantiates its rules, which costs far more than
// iterating a short paragraph; these handles let Swift open once and reuse (one handle per
// thread at a time: ICU iterators are not thread-safe).

/// An ICU break iterator (UBreakIterator) behind an opaque name.
typedef struct l10n_break_iterator l10n_break_iterator;

/// Kinds accepted by l10n_break_iterator_open.
enum { L10N_BREAK_SENTENCE = 0, L10N_BREAK_WORD = 1 };

/// A new iterator of `kind` for `locale`, or NULL when ICU cannot open one.
l10n_break_iterator *l10n_break_iterator_open(int32_t kind, const char *locale);
/// An independent copy (cheaper than opening), or NULL on failure.
l10n_break_iterator *l10n_break_iterator_clone(const l10n_break_iterator *iterator);
void l10n_break_iterator_close(l10n_break_iterator *iterator);
/// Points the iterator at `text`, which must stay alive and unchanged while it is iterated.
/// Returns 0, or -1 on error.
int32_t l10n_break_iterator_set_text(l10n_break_iterator *iterator, const uint16_t *text, int32_t length);
/// The next boundary after the current one (the first call after set_text returns the first
/// boundary after 0), or -1 when there are no more.
int32_t l10n_break_iterator_next(l10n_break_iterator *iterator);
/// For word iterators: the rule status of the boundary just returned (ICU's UWordBreak value:
/// 0 none, 100.. number, 200.. letter, 300.. kana, 400.. ideo).
int32_t l10n_break_iterator_rule_status(const l10n_break_iterator *iterator);

// MARK: - Regular expressions
//
// ICU regex (the engine behind NSRegularExpression) driven directly, because SRX evaluation
// asks "does this pattern match right here?" many thousands of times per paragraph; through
// NSRegularExpression on Linux every such question copies the whole string first.

/// A compiled ICU regular expression with its own matcher state (URegularExpression).
typedef struct l10n_regex l10n_regex;

/// Why a pattern failed to compile.
typedef struct {
    int32_t code;        ///< UErrorCode
    int32_t line;        ///< 1-based line in the pattern, or 0/-1 when unknown
    int32_t offset;      ///< 0-based UTF-16 offset in that line, or -1 when unknown
    char name[48];       ///< ICU's name for the error, e.g. "U_REGEX_LOOK_BEHIND_LIMIT"
} l10n_regex_error;

/// Flags for l10n_regex_open (ICU's URegexpFlag values).
enum {
    L10N_REGEX_CASE_INSENSITIVE = 2,
    L10N_REGEX_COMMENTS = 4,
    L10N_REGEX_DOTALL = 32,
    L10N_REGEX_MULTILINE = 8,
    L10N_REGEX_UWORD = 256,
};

/// Compiles `pattern` (UTF-16). Returns NULL and fills `error` when it does not compile.
l10n_regex *l10n_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, l10n_regex_error *error);
/// An independent matcher sharing the compiled pattern, or NULL on failure.
l10n_regex *l10n_regex_clone(const l10n_regex *regex);
void l10n_regex_close(l10n_regex *regex);
/// Sets the subject text, which must stay alive and unchanged while the regex uses it. 0 or -1.
int32_t l10n_regex_set_text(l10n_regex *regex, const uint16_t *text, int32_t length);
/// 1 when the pattern matches a prefix of [start, limit) (lookbehind and \b still see the text
/// before `start`: transparent bounds; ^ and $ keep their whole-text meaning), 0 when not,
/// -1 on error.
int32_t l10n_regex_looking_at(l10n_regex *regex, int32_t start, int32_t limit);
/// Searches [start, limit) with transparent bounds. With `anchoring` != 0 the region edges count
/// as the text's start and end for ^, $, \A and \z. Returns 1 and the match in *match_start and
/// *match_end, 0 when there is none, -1 on error.
int32_t l10n_regex_find(l10n_regex *regex, int32_t start, int32_t limit, int32_t anchoring,
                        int32_t *match_start, int32_t *match_end);
/// After l10n_regex_find returned 1: the next match in the same region (empty matches advance).
int32_t l10n_regex_find_next(l10n_regex *regex, int32_t *match_start, int32_t *match_end);
/// 1 when the pattern matches the whole text, 0 when not, -1 on error.
int32_t l10n_regex_matches(l10n_regex *regex);

#endif
