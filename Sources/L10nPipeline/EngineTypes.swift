import L10nAdapt
import L10nCore
import L10nFormats
import L10nGlossary
import L10nMT
import L10nMemory
import L10nQA
import L10nText

// The engine types the pipeline's API speaks in, named here so a client — the `l10n` CLI, an
// embedding program — imports `L10nPipeline` alone. These are the same types, not copies.

// Model (L10nCore)
public typealias LanguageTag = L10nCore.LanguageTag
public typealias Document = L10nCore.Document
public typealias TextUnit = L10nCore.TextUnit
public typealias Segment = L10nCore.Segment
public typealias SegmentState = L10nCore.SegmentState
public typealias Content = L10nCore.Content
public typealias InlineCode = L10nCore.InlineCode
public typealias Provenance = L10nCore.Provenance
public typealias Finding = L10nCore.Finding
public typealias Severity = L10nCore.Severity
public typealias TextInput = L10nCore.TextInput
public typealias DocumentCheck = L10nCore.DocumentCheck
public typealias CheckContext = L10nCore.CheckContext
public typealias TranslationMemory = L10nCore.TranslationMemory
public typealias MemoryQuery = L10nCore.MemoryQuery
public typealias MemoryMatch = L10nCore.MemoryMatch

// Errors and exit codes (L10nCore)
public typealias L10nError = L10nCore.L10nError
public typealias ExitCategory = L10nCore.ExitCategory
public typealias FormatError = L10nCore.FormatError

// Formats (L10nFormats)
public typealias XLIFFVersion = L10nFormats.XLIFFVersion
public typealias XLIFFWriter = L10nFormats.XLIFFWriter
public typealias XLIFFReader = L10nFormats.XLIFFReader
public typealias XLIFFValidator = L10nFormats.XLIFFValidator

// Segmentation rules (L10nText)
public typealias SRXDocument = L10nText.SRXDocument

// Markets and adaptation (L10nAdapt)
public typealias MarketCatalog = L10nAdapt.MarketCatalog
public typealias MarketProfile = L10nAdapt.MarketProfile
public typealias MarketSummary = L10nAdapt.MarketSummary
public typealias ExchangeRates = L10nAdapt.ExchangeRates
public typealias Adaptation = L10nAdapt.Adaptation
public typealias AdaptationKind = L10nAdapt.AdaptationKind
public typealias AdaptationEngine = L10nAdapt.AdaptationEngine

// Quality checks (L10nQA)
public typealias QACheck = L10nQA.QACheck
public typealias QAChecks = L10nQA.QAChecks
public typealias QualityChecker = L10nQA.QualityChecker
public typealias CheckDescription = L10nQA.CheckDescription
public typealias QAReportFormat = L10nQA.QAReportFormat
public typealias QAFileResult = L10nQA.QAFileResult
public typealias QAReviewPage = L10nQA.QAReviewPage

// Machine translation (L10nMT)
public typealias TranslationBackend = L10nMT.TranslationBackend
public typealias BackendRegistry = L10nMT.BackendRegistry
public typealias BackendConfiguration = L10nMT.BackendConfiguration
public typealias BackendDescriptor = L10nMT.BackendDescriptor
public typealias BackendOption = L10nMT.BackendOption
public typealias BatchLimits = L10nMT.BatchLimits
public typealias LanguageSupport = L10nMT.LanguageSupport
public typealias LanguagePair = L10nMT.LanguagePair
public typealias BackendError = L10nMT.BackendError
public typealias SegmentRequest = L10nMT.SegmentRequest
public typealias SegmentResult = L10nMT.SegmentResult
public typealias TranslationContext = L10nMT.TranslationContext
public typealias Formality = L10nMT.Formality
public typealias GlossaryTerm = L10nMT.GlossaryTerm
public typealias NoneBackend = L10nMT.NoneBackend
public typealias PseudoBackend = L10nMT.PseudoBackend
public typealias ApertiumBackend = L10nMT.ApertiumBackend
public typealias AutomaticBackend = L10nMT.AutomaticBackend

// Translation memory (L10nMemory)
public typealias MemoryStore = L10nMemory.MemoryStore
public typealias SQLiteMemoryStore = L10nMemory.SQLiteMemoryStore
public typealias PostgresMemoryStore = L10nMemory.PostgresMemoryStore
public typealias MemoryLocation = L10nMemory.MemoryLocation
public typealias PostgresLocation = L10nMemory.PostgresLocation
public typealias ClaimKey = L10nMemory.ClaimKey
public typealias ClaimWaitResult = L10nMemory.ClaimWaitResult
public typealias TranslationUnit = L10nMemory.TranslationUnit
public typealias MemoryCandidate = L10nMemory.MemoryCandidate
public typealias MemoryOrigin = L10nMemory.MemoryOrigin
public typealias MemoryStats = L10nMemory.MemoryStats
public typealias MemoryError = L10nMemory.MemoryError
public typealias MemoryLookup = L10nMemory.MemoryLookup
public typealias MemoryImporter = L10nMemory.MemoryImporter
public typealias MemoryExporter = L10nMemory.MemoryExporter
public typealias ImportSummary = L10nMemory.ImportSummary
public typealias MatchKind = L10nMemory.MatchKind

// Glossaries (L10nGlossary; the termbase index is the memory's, see MemoryStore)
public typealias Termbase = L10nGlossary.Termbase
public typealias TermEntry = L10nGlossary.TermEntry
public typealias TermStatus = L10nGlossary.TermStatus
public typealias TermMatcher = L10nGlossary.TermMatcher
public typealias TermHit = L10nGlossary.TermHit
public typealias GlossaryFile = L10nGlossary.GlossaryFile
public typealias GlossaryReader = L10nGlossary.GlossaryReader
public typealias GlossaryImporter = L10nMemory.GlossaryImporter
public typealias TermMatcherCache = L10nGlossary.TermMatcherCache
public typealias GlossaryComplianceCheck = L10nGlossary.GlossaryComplianceCheck
