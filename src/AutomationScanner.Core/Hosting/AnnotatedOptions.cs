using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Core.Hosting;

/// <summary>
/// <c>ValidateDataAnnotations</c> that trimming and Native AOT can keep: the same validator, registered for an options
/// type whose public properties (and their attributes) the annotation keeps. The scanner's options are flat (numbers,
/// strings, lists of strings), so the validator's recursion into nested objects, which no annotation can keep, never runs.
/// </summary>
public static class AnnotatedOptions
{
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "TOptions' members are kept by its annotation; the scanner's options nest no validated objects.")]
    public static OptionsBuilder<TOptions> ValidateAnnotations<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new DataAnnotationValidateOptions<TOptions>(builder.Name));
        return builder;
    }

    /// <summary><see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}, bool)"/> of every property of <paramref name="options"/>.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "TOptions' members are kept by its annotation; validateAllProperties reads only its own properties.")]
    public static bool TryValidate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(TOptions options, ICollection<ValidationResult> results)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
    }
}
