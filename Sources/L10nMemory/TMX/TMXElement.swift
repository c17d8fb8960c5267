/// The TMX elements ``TMXEventHandler`` acts on, so that its stack of open elements and its
/// dispatch hold no `String` per event (each start tag's name was decoded, pushed and compared
/// as a string: a third of the reader's instructions per unit).
enum TMXElement: Sendable, Equatable {
    case tmx, header, tu, tuv, seg, prop, note, bpt, ept, it, ph, ut, hi, other

    init(_ name: String) {
        switch name {
        case "tmx": self = .tmx
        case "header": self = .header
        case "tu": self = .tu
        case "tuv": self = .tuv
        case "seg": self = .seg
        case "prop": self = .prop
        case "note": self = .note
        case "bpt": self = .bpt
        case "ept": self = .ept
        case "it": self = .it
        case "ph": self = .ph
        case "ut": self = .ut
        case "hi": self = .hi
        default: self = .other
        }
    }
}
