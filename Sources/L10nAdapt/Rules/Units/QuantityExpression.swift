import Foundation

/// One measured quantity as written: "52 ft", "17.7–21.6 in", "26 x 25 x 13 in",
/// "20.5 × 18.9–20.9 in", "5'4"–5'9"", "-13°F to +140°F", "40/60 psi".
///
/// All numbers share the unit written last; ranges in UTF-16 offsets of the scanned text.
struct QuantityExpression: Sendable {
    /// A number and, when written right after it, its unit.
    struct Atom: Sendable {
        var range: NSRange
        var number: SourceNumber
        /// Index into ``UnitLexicon/spellings`` of the unit written after this number.
        var spelling: Int?
        /// Feet and inches in one (`5'4"`); the number is in inches.
        var isFeetInches = false
        /// Pounds and ounces in one (`4 lb 2 oz`); the number is in pounds.
        var isPoundsOunces = false

        var unitID: String? { isFeetInches ? "in" : isPoundsOunces ? "lb" : spelling.map { UnitLexicon.spellings[$0].unit } }
        var isMark: Bool { isFeetInches || spelling.map { UnitLexicon.spellings[$0].isMark } ?? false }
    }

    enum Separator: Hashable, Sendable {
        /// "17.7–21.6", "17.7 - 21.6": written back as an en dash.
        case dash
        /// "32°F to 95°F": the word stays, for the translator.
        case to
        /// "40/60 psi", "8 in/10 in", "51.8 lb / 57.3 lb": the slash as written, spaced or not.
        case slash(String)
        /// "26 x 25", "26 × 25", "4 by 8": the sign is kept.
        case dimension(String)

        var isDimension: Bool { if case .dimension = self { true } else { false } }
    }

    var atoms: [Atom]
    /// `separators[i]` joins `atoms[i]` and `atoms[i + 1]`.
    var separators: [Separator]

    var range: NSRange {
        NSRange(location: atoms[0].range.location, length: NSMaxRange(atoms[atoms.count - 1].range) - atoms[0].range.location)
    }

    /// The unit of every number: the one written last.
    var unitID: String { atoms[atoms.count - 1].unitID ?? "" }
    var unit: MeasureUnit? { MeasureUnit.byID[unitID] }
    var isSingle: Bool { atoms.count == 1 }
    var isDimension: Bool { separators.contains(where: \.isDimension) }
    var usesMarks: Bool { atoms[atoms.count - 1].isMark }
}
