/// Words around a figure that make it a name rather than a quantity: adaptation leaves such
/// figures as written ("Bluetooth 5.3" is not "Bluetooth 5,3" in Brazil), so the number check
/// expects them as written too. One list for both, so they never disagree.
public enum FigureWords {
    /// Words after which a number names a version, standard or product rather than counts.
    public static let identifiers: Set<String> = [
        "bluetooth", "bt", "usb", "usb-c", "hdmi", "displayport", "dp", "pcie", "pci", "thunderbolt", "wi-fi", "wifi",
        "wlan", "qi", "ios", "ipados", "macos", "android", "windows", "linux", "firmware", "software", "version", "ver",
        "v", "rev", "revision", "release", "gen", "generation", "class", "cat", "category", "grade", "type", "level",
        "series", "model", "part", "no", "nr", "number", "item", "sku", "standard", "ansi", "nsf", "ul", "ieee", "iec",
        "iso", "en", "astm", "csa", "din", "jis", "gb", "nema", "sae", "fcc", "cfr", "ip", "star", "section", "chapter",
        "step", "figure", "fig", "table", "page", "zip", "route", "suite", "unit", "room", "phone", "tel", "fax",
        "un", "dlc", "nec", "title", "prop", "proposition", "rule", "article", "art", "clause", "annex",
    ]

    /// After a decimal, names of audio channel layouts (5.1 channel, 7.1 surround) that never change.
    public static let channels: Set<String> = ["channel", "channels", "ch", "surround"]
}
