using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Planning;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Reporting;

/// <summary>The one JSON shape of reports: camelCase, enums as strings, invariant numbers.</summary>
public static class ReportJson
{
    /// <summary>
    /// The report shape with the source-generated metadata of <see cref="ScanReport"/> and what it holds, and one enum
    /// converter per enum of Core (<c>ReportJsonContextTests</c> checks that every enum a report holds has one).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = StoredJson.Create(ReportJsonContext.Default, EnumConverters());

    private static JsonTypeInfo<ScanReport> ReportInfo { get; } = (JsonTypeInfo<ScanReport>)Options.GetTypeInfo(typeof(ScanReport));

    /// <summary>The realised-benefit section, as <see cref="PreviousReport"/> reads it back.</summary>
    internal static JsonTypeInfo<RealisationSummary> RealisationInfo { get; } = (JsonTypeInfo<RealisationSummary>)Options.GetTypeInfo(typeof(RealisationSummary));

    public static Task WriteAsync(ScanReport report, Stream destination, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(destination, report, ReportInfo, cancellationToken);

    private static JsonConverter[] EnumConverters() =>
    [
        new CamelCaseEnumConverter<ActivityKind>(),
        new CamelCaseEnumConverter<AssessmentStatus>(),
        new CamelCaseEnumConverter<AutomationKind>(),
        new CamelCaseEnumConverter<BlockKind>(),
        new CamelCaseEnumConverter<ChunkKind>(),
        new CamelCaseEnumConverter<DateOrder>(),
        new CamelCaseEnumConverter<EthicalFlagCategory>(),
        new CamelCaseEnumConverter<EthicalSeverity>(),
        new CamelCaseEnumConverter<EvidenceScope>(),
        new CamelCaseEnumConverter<ExportFormat>(),
        new CamelCaseEnumConverter<ExposureClass>(),
        new CamelCaseEnumConverter<FallbackReason>(),
        new CamelCaseEnumConverter<HandlingTimeBasis>(),
        new CamelCaseEnumConverter<HandlingTimeMethod>(),
        new CamelCaseEnumConverter<InteractionKind>(),
        new CamelCaseEnumConverter<Lifecycle>(),
        new CamelCaseEnumConverter<LifecycleUse>(),
        new CamelCaseEnumConverter<OpportunityStatus>(),
        new CamelCaseEnumConverter<PhaseKind>(),
        new CamelCaseEnumConverter<Recommendation>(),
        new CamelCaseEnumConverter<RiskTier>(),
        new CamelCaseEnumConverter<RuleKind>(),
        new CamelCaseEnumConverter<Safeguard>(),
        new CamelCaseEnumConverter<VolumeSource>(),
    ];
}
