using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Core.Hosting;

/// <summary>
/// The input limits of every host, from configuration: section <c>Limits</c> binds <see cref="InputLimits"/>
/// (event logs; app setting <c>Limits__MaxEventsPerCase</c>), its child <c>Limits:Documents</c> binds
/// <see cref="DocumentOptions"/> (<c>Limits__Documents__MaxPartCharacters</c>), and <c>Limits:Ocel</c> binds the limits of
/// <see cref="OcelOptions"/> (object-centric logs; <c>Limits__Ocel__MaxObjects</c>). Values are range-checked (data
/// annotations) and unknown keys are refused, so a typo stops the host at start instead of silently keeping a default.
/// </summary>
public static class ScannerLimits
{
    public const string SectionName = "Limits";
    public const string DocumentsSectionName = "Limits:Documents";
    public const string OcelSectionName = "Limits:Ocel";

    /// <summary>Registers both options, validated at start (ValidateOnStart); hosts build their IngestionOptions from them.</summary>
    public static IServiceCollection AddScannerLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InputLimits>().BindConfiguration(SectionName).ValidateAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<InputLimits>>(new UnknownLimitKeys(configuration));
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentsSectionName).ValidateAnnotations().ValidateOnStart();
        services.AddOptions<OcelOptions>().BindConfiguration(OcelSectionName).ValidateAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Binds and validates both sections from <paramref name="configuration"/> without a host. Throws
    /// <see cref="OptionsValidationException"/> naming each bad setting.
    /// </summary>
    public static (InputLimits Logs, DocumentOptions Documents) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var logs = configuration.GetSection(SectionName).Get<InputLimits>() ?? new InputLimits();
        var documents = configuration.GetSection(DocumentsSectionName).Get<DocumentOptions>() ?? new DocumentOptions();
        var failures = new List<string>();
        failures.AddRange(UnknownKeys(configuration).Select(k => $"unknown setting {k}"));
        failures.AddRange(Validate(logs, SectionName));
        failures.AddRange(Validate(documents, DocumentsSectionName));
        failures.AddRange(Validate(OcelLimits(configuration), OcelSectionName));
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(SectionName, typeof(InputLimits), failures);
        }

        return (logs, documents);
    }

    /// <summary>The OCEL limits of <c>Limits:Ocel</c> (defaults where unset), not validated: <see cref="Read"/> validates them.</summary>
    public static OcelOptions OcelLimits(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(OcelSectionName).Get<OcelOptions>() ?? new OcelOptions();
    }

    /// <summary>Keys under <c>Limits</c> (and <c>Limits:Documents</c>) that name no limit, as full configuration paths.</summary>
    public static IReadOnlyList<string> UnknownKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var unknown = new List<string>();
        var logNames = Names(typeof(InputLimits));
        foreach (var child in configuration.GetSection(SectionName).GetChildren())
        {
            if (string.Equals(child.Key, "Documents", StringComparison.OrdinalIgnoreCase))
            {
                var documentNames = Names(typeof(DocumentOptions));
                unknown.AddRange(child.GetChildren().Where(c => !documentNames.Contains(c.Key)).Select(c => c.Path));
            }
            else if (string.Equals(child.Key, "Ocel", StringComparison.OrdinalIgnoreCase))
            {
                // The object types are a choice, not a limit: they come from Ingestion:ObjectTypes.
                var ocelNames = Names(typeof(OcelOptions));
                ocelNames.Remove(nameof(OcelOptions.ObjectTypes));
                unknown.AddRange(child.GetChildren().Where(c => !ocelNames.Contains(c.Key)).Select(c => c.Path));
            }
            else if (!logNames.Contains(child.Key))
            {
                unknown.Add(child.Path);
            }
        }

        return unknown;
    }

    private static HashSet<string> Names([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type) =>
        new(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "T's public properties, the only members validateAllProperties reads, are kept by its annotation.")]
    private static IEnumerable<string> Validate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.Interfaces)] T>(T options, string section)
        where T : class
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}");
    }

    /// <summary>Fails the start when a key under <c>Limits</c> names no limit (<c>Limits__MaxEventPerCase</c>).</summary>
    private sealed class UnknownLimitKeys(IConfiguration configuration) : IValidateOptions<InputLimits>
    {
        public ValidateOptionsResult Validate(string? name, InputLimits options) =>
            UnknownKeys(configuration) is { Count: > 0 } unknown
                ? ValidateOptionsResult.Fail(unknown.Select(k => $"unknown setting {k}: not a limit (see docs/hostile-input.md)"))
                : ValidateOptionsResult.Success;
    }
}
