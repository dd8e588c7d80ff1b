using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>A domain with compiled cue and inheritance patterns.</summary>
public sealed class CompiledDomain
{
    internal CompiledDomain(DomainDefinition definition)
    {
        Definition = definition;
        Cues = [.. definition.Cues.Select(c => (CompiledRule.Compile(definition.Id, c.Pattern), c.Weight))];
        Inherit = [.. definition.Inherit.Select(i => (i, i.When is "any" or "decision" or "assessment" or "contact" ? null : CompiledRule.Compile(definition.Id, i.When)))];
    }

    public DomainDefinition Definition { get; }

    public IReadOnlyList<(Regex Pattern, double Weight)> Cues { get; }

    public IReadOnlyList<(DomainInheritance Rule, Regex? Pattern)> Inherit { get; }
}
