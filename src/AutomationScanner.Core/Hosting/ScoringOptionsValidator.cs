using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Core.Hosting;

/// <summary>
/// Checks the <c>Scoring</c> section at start: the range of every value, ranking and risk setting (their data
/// annotations, which binding alone never checks) and the syntax of every kind override. Each failure names the
/// configuration key (<c>Scoring:Value:HourlyCost</c>), so an operator sees which setting to fix.
/// </summary>
public sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options, ScoringOptions.SectionName, failures);
        Check(options.Value, $"{ScoringOptions.SectionName}:{nameof(ScoringOptions.Value)}", failures);
        Check(options.Ranking, $"{ScoringOptions.SectionName}:{nameof(ScoringOptions.Ranking)}", failures);
        Check(options.Risk, $"{ScoringOptions.SectionName}:{nameof(ScoringOptions.Risk)}", failures);
        for (var i = 0; i < options.KindOverrides.Count; i++)
        {
            try
            {
                ActivityKindResolver.ParseOverride(options.KindOverrides[i]);
            }
            catch (FormatException ex)
            {
                failures.Add($"{ScoringOptions.SectionName}:{nameof(ScoringOptions.KindOverrides)}:{i}: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The data annotations of <paramref name="section"/>'s own properties, each failure as <c>path:Member: message</c>.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "T's public properties, the only members validateAllProperties reads, are kept by its annotation.")]
    internal static void Check<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.Interfaces)] T>(T? section, string path, List<string> failures)
        where T : class
    {
        if (section is null)
        {
            failures.Add($"{path}: missing");
            return;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
            foreach (var member in members)
            {
                failures.Add($"{path}{(member.Length > 0 ? ":" + member : string.Empty)}: {result.ErrorMessage}");
            }
        }
    }
}

/// <summary>The data annotations (and <see cref="IValidatableObject"/>) of one options section, each failure naming its key.</summary>
public sealed class SectionValidator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.Interfaces)] T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        ScoringOptionsValidator.Check(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
