using System.ComponentModel.DataAnnotations;
using AutomationScanner.Core.Classification.Llm;

namespace AutomationScanner.Azure.OpenAI;

/// <summary>
/// Section <c>AzureOpenAI</c>. With neither <see cref="Endpoint"/> nor <see cref="Deployment"/> set the scanner
/// runs without the LLM; setting only one of them is a configuration error reported at start.
/// </summary>
public sealed class AzureOpenAIOptions : IValidatableObject
{
    public const string SectionName = "AzureOpenAI";

    /// <summary>The resource endpoint, e.g. https://my-resource.openai.azure.com/.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The deployment name (not the model name).</summary>
    public string? Deployment { get; set; }

    /// <summary>Optional; without it the client authenticates with DefaultAzureCredential (managed identity, AZURE_CLIENT_ID).</summary>
    public string? ApiKey { get; set; }

    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Input plus output tokens one scan may spend.</summary>
    [Range(1_000, long.MaxValue)]
    public long TokenBudgetPerScan { get; set; } = 2_000_000;

    [Range(1, 50)]
    public int TasksPerRequest { get; set; } = 20;

    /// <summary>Retries after the first attempt, for 429, 408, 5xx, network faults and timeouts.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>First backoff delay when the service names none; doubles with jitter on each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of any delay, including one the service asks for with retry-after.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Request dialect of the deployed model; Auto infers it from the deployment name.</summary>
    public ModelKind ModelKind { get; set; } = ModelKind.Auto;

    /// <summary>
    /// api-version to call; default: the SDK's 2024-10-21 for chat models, 2025-04-01-preview for reasoning models.
    /// </summary>
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    public string? ApiVersion { get; set; }

    /// <summary>reasoning_effort sent to reasoning models; low keeps cost and latency down for a classification.</summary>
    [RegularExpression("^(minimal|low|medium|high)$")]
    public string ReasoningEffort { get; set; } = "low";

    /// <summary>Output tokens allowed per request for a reasoning model's reasoning, on top of the answer.</summary>
    [Range(0, 100_000)]
    public int ReasoningTokenAllowance { get; set; } = 4_000;

    // Defaults: gpt-5-mini list prices per 1M tokens, the model infra deploys (gpt-4.1-mini: 0.40 / 0.10 / 1.60).
    public decimal InputPricePerMillionTokens { get; set; } = LlmPriceTable.Gpt5Mini.InputPerMillion;

    public decimal CachedInputPricePerMillionTokens { get; set; } = LlmPriceTable.Gpt5Mini.CachedInputPerMillion;

    public decimal OutputPricePerMillionTokens { get; set; } = LlmPriceTable.Gpt5Mini.OutputPerMillion;

    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "USD";

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Deployment);

    public LlmAssessorSettings ToSettings() => new()
    {
        TasksPerRequest = TasksPerRequest,
        MaxConcurrency = MaxConcurrency,
        TokenBudgetPerScan = TokenBudgetPerScan,
        Prices = new LlmPriceTable(InputPricePerMillionTokens, CachedInputPricePerMillionTokens, OutputPricePerMillionTokens, Currency),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasEndpoint = Endpoint is not null;
        var hasDeployment = !string.IsNullOrWhiteSpace(Deployment);
        if (hasEndpoint != hasDeployment)
        {
            yield return new ValidationResult(
                $"{SectionName}: set both Endpoint and Deployment to use Azure OpenAI, or neither to run without it.",
                [hasEndpoint ? nameof(Deployment) : nameof(Endpoint)]);
        }

        if (Endpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri)
            {
                yield return new ValidationResult($"{SectionName}:Endpoint must be an absolute URL.", [nameof(Endpoint)]);
            }
            else if (endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback)
            {
                yield return new ValidationResult($"{SectionName}:Endpoint must use https (http is accepted for loopback only).", [nameof(Endpoint)]);
            }
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"{SectionName}:RequestTimeout must be between 0 and 10 minutes.", [nameof(RequestTimeout)]);
        }

        if (RetryBaseDelay < TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay)
        {
            yield return new ValidationResult($"{SectionName}: RetryBaseDelay must be >= 0 and <= MaxRetryDelay.", [nameof(RetryBaseDelay), nameof(MaxRetryDelay)]);
        }

        if (InputPricePerMillionTokens < 0 || CachedInputPricePerMillionTokens < 0 || OutputPricePerMillionTokens < 0)
        {
            yield return new ValidationResult($"{SectionName}: prices must not be negative.", [nameof(InputPricePerMillionTokens)]);
        }
    }
}
