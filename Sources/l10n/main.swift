print("l10n")
