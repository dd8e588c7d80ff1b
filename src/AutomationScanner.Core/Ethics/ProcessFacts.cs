using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ethics;

/// <summary>What a process is made of, for <see cref="DomainInference"/>.</summary>
/// <param name="Process">Its name (the file name; used as one weak source).</param>
/// <param name="Activities">All its activity names.</param>
/// <param name="Attributes">Its attribute (column) names.</param>
/// <param name="AttributeValues">A bounded sample of its attributes' text values (<see cref="AttributeValueSampler"/>).</param>
/// <param name="Documents">Text of the documents that describe it (matched statements, descriptions).</param>
public sealed record ProcessFacts(
    string Process,
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<AttributeValueSample>? AttributeValues = null,
    IReadOnlyList<string>? Documents = null);
