using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Hosting;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Tests.Classification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Core.Tests.Hosting;

/// <summary>
/// Configuration is bound by the binding source generator (the Native AOT scanner has no reflection binder), which
/// binds into the options instance and so skips init-only properties without a word. Every limit set in configuration
/// must reach the options the readers get, and the generator must stay on.
/// </summary>
public sealed class ConfigurationBindingTests
{
    public static TheoryData<string, string> Limits()
    {
        var data = new TheoryData<string, string>();
        foreach (var (section, type) in new[] { (ScannerLimits.SectionName, typeof(InputLimits)), (ScannerLimits.DocumentsSectionName, typeof(DocumentOptions)), (ScannerLimits.OcelSectionName, typeof(OcelOptions)) })
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttributes<ValidationAttribute>().Any()))
            {
                data.Add(section, property.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task AddScannerCore_LimitSetInConfiguration_ReachesTheOptions(string section, string property)
    {
        var (type, value) = NonDefaultValue(section, property);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new($"{section}:{property}", Convert.ToString(value, CultureInfo.InvariantCulture))]);
        builder.Services.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance);
        builder.Services.AddScannerCore(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var options = type == typeof(InputLimits) ? host.Services.GetRequiredService<IOptions<InputLimits>>().Value
            : type == typeof(DocumentOptions) ? host.Services.GetRequiredService<IOptions<DocumentOptions>>().Value
            : (object)host.Services.GetRequiredService<IOptions<OcelOptions>>().Value;

        Assert.Equal(value, type.GetProperty(property)!.GetValue(options));
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void Read_LimitSetInConfiguration_ReachesTheOptions(string section, string property)
    {
        var (type, value) = NonDefaultValue(section, property);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new($"{section}:{property}", Convert.ToString(value, CultureInfo.InvariantCulture))])
            .Build();

        var (logs, documents) = ScannerLimits.Read(configuration);
        var options = type == typeof(InputLimits) ? logs : type == typeof(DocumentOptions) ? documents : (object)ScannerLimits.OcelLimits(configuration);

        Assert.Equal(value, type.GetProperty(property)!.GetValue(options));
    }

    [Fact]
    public async Task StartAsync_LimitNotANumber_FailsNamingTheKey()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Limits:Documents:MaxXmlDepth", "deep")]);
        builder.Services.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance);
        builder.Services.AddScannerCore(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Limits:Documents:MaxXmlDepth", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CoreAssembly_BindsThroughTheSourceGenerator()
    {
        // The generator's interceptors live in this namespace; without them every Bind/Get call is the reflection
        // binder, which the Native AOT scanner cannot run.
        var generated = typeof(ScannerLimits).Assembly.GetTypes()
            .Where(t => t.Namespace == "Microsoft.Extensions.Configuration.Binder.SourceGeneration")
            .ToList();

        Assert.NotEmpty(generated);
    }

    [Fact]
    public void CoreAssembly_IsBuiltWithTheTrimAndAotAnalyzers()
    {
        // IsAotCompatible (the analyzers, warnings as errors) marks the assembly trimmable.
        var trimmable = typeof(ScannerLimits).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "IsTrimmable");

        Assert.Equal("True", trimmable?.Value);
    }

    /// <summary>A valid value other than the default: the lower bound of the property's range, or the upper one where the default is the lower.</summary>
    private static (Type Type, object Value) NonDefaultValue(string section, string property)
    {
        var type = section == ScannerLimits.SectionName ? typeof(InputLimits) : section == ScannerLimits.DocumentsSectionName ? typeof(DocumentOptions) : typeof(OcelOptions);
        var info = type.GetProperty(property)!;
        var defaultValue = info.GetValue(Activator.CreateInstance(type));
        var (minimum, maximum) = info.GetCustomAttribute<ValidationAttribute>() switch
        {
            RangeAttribute range => (range.Minimum, range.Maximum),
            LongRangeAttribute range => ((object)range.Minimum, (object)range.Maximum),
            var other => throw new InvalidOperationException($"{type.Name}.{property}: no range ({other})"),
        };
        var value = Convert.ChangeType(minimum, info.PropertyType, CultureInfo.InvariantCulture);
        if (Equals(value, defaultValue))
        {
            value = Convert.ChangeType(maximum, info.PropertyType, CultureInfo.InvariantCulture);
        }

        Assert.NotEqual(defaultValue, value);
        return (type, value);
    }
}
