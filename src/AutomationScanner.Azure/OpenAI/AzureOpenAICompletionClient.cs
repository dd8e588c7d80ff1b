using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using AutomationScanner.Core.Classification.Llm;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AutomationScanner.Azure.OpenAI;

/// <summary>
/// Sends structured-output chat requests to an Azure OpenAI deployment through Azure.AI.OpenAI.
/// Polly owns retries and timeouts; the SDK's own retry policy is switched off (maxRetries 0) so a throttled
/// request is never retried by both layers (up to 4 x 4 attempts). Polly is chosen because it also retries
/// timeouts, caps any delay the service asks for, and counts attempts for the scan's accounting.
/// </summary>
public sealed class AzureOpenAICompletionClient : ILlmCompletionClient
{
    private static readonly HashSet<int> TransientStatuses = [0, 408, 429, 500, 502, 503, 504];

    private readonly ChatClient _chat;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<AzureOpenAICompletionClient> _logger;

    public AzureOpenAICompletionClient(AzureOpenAIOptions options, ILogger<AzureOpenAICompletionClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new ArgumentException("Azure OpenAI endpoint and deployment are required.", nameof(options));
        }

        _logger = logger;
        Deployment = options.Deployment!;
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // Polly's per-attempt timeout fires first; the SDK's is only a backstop.
            NetworkTimeout = options.RequestTimeout + options.RequestTimeout,
        };
        var reasoning = ModelRequestPolicy.IsReasoning(options.ModelKind, Deployment);
        var apiVersion = options.ApiVersion ?? (reasoning ? ModelRequestPolicy.ReasoningApiVersion : null);
        if (apiVersion is not null || reasoning)
        {
            clientOptions.AddPolicy(
                new ModelRequestPolicy(apiVersion, reasoning, options.ReasoningEffort, options.ReasoningTokenAllowance),
                PipelinePosition.PerCall);
        }
        var client = string.IsNullOrEmpty(options.ApiKey)
            ? new AzureOpenAIClient(options.Endpoint!, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(options.Endpoint!, new ApiKeyCredential(options.ApiKey), clientOptions);
        _chat = client.GetChatClient(Deployment);
        _pipeline = BuildPipeline(options);
    }

    public string Deployment { get; }

    public async Task<LlmCompletion> CompleteAsync(LlmPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ChatMessage[] messages = [new SystemChatMessage(prompt.SystemMessage), new UserChatMessage(prompt.UserMessage)];
        var requestOptions = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                prompt.SchemaName,
                BinaryData.FromString(prompt.JsonSchema),
                jsonSchemaIsStrict: true),
            MaxOutputTokenCount = prompt.MaxOutputTokens,
            Temperature = 0,
        };

        var attempts = 0;
        try
        {
            var completion = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    Interlocked.Increment(ref attempts);
                    ClientResult<ChatCompletion> result = await _chat.CompleteChatAsync(messages, requestOptions, ct);
                    return result.Value;
                },
                cancellationToken);

            var finish = completion.FinishReason switch
            {
                ChatFinishReason.Stop => LlmFinish.Completed,
                ChatFinishReason.ContentFilter => LlmFinish.ContentFilter,
                ChatFinishReason.Length => LlmFinish.Length,
                _ => LlmFinish.Other,
            };
            if (!string.IsNullOrEmpty(completion.Refusal))
            {
                finish = LlmFinish.ContentFilter;
            }

            var content = completion.Content.Count > 0 ? completion.Content[0].Text : null;
            var usage = completion.Usage;
            return new LlmCompletion(
                content,
                finish,
                usage?.InputTokenCount ?? 0,
                usage?.InputTokenDetails?.CachedTokenCount ?? 0,
                usage?.OutputTokenCount ?? 0,
                attempts);
        }
        catch (ClientResultException ex)
        {
            throw new LlmCallException(Classify(ex), Describe(ex, attempts), attempts, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new LlmCallException(FallbackReason.Timeout, "No response within the request timeout after " + Attempts(attempts) + ".", attempts, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LlmCallException(FallbackReason.Error, "Network error after " + Attempts(attempts) + ".", attempts, ex);
        }
    }

    private ResiliencePipeline BuildPipeline(AzureOpenAIOptions options)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = new PredicateBuilder()
                    .Handle<ClientResultException>(ex => TransientStatuses.Contains(ex.Status))
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>(),
                DelayGenerator = args =>
                {
                    // The service's own retry-after wins over our backoff, capped so one scan cannot stall for long.
                    var asked = args.Outcome.Exception is ClientResultException ex ? RetryAfter(ex) : null;
                    return ValueTask.FromResult(asked is { } delay ? (TimeSpan?)(delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay) : null);
                },
                OnRetry = args =>
                {
                    _logger.LogInformation(
                        "Azure OpenAI attempt {Attempt} failed ({Fault}); retrying in {DelayMs} ms",
                        args.AttemptNumber + 1,
                        args.Outcome.Exception is ClientResultException ex ? "HTTP " + ex.Status.ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>Azure sends retry-after-ms (or x-ms-retry-after-ms) in milliseconds and Retry-After in seconds or as a date.</summary>
    internal static TimeSpan? RetryAfter(ClientResultException exception)
    {
        var headers = exception.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (headers.TryGetValue(name, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
            {
                return Bounded(value / 1000);
            }
        }

        if (headers.TryGetValue("Retry-After", out var retryAfter) && retryAfter is not null)
        {
            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return Bounded(seconds);
            }

            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    /// <summary>
    /// A wait the service asked for, at most a day: an absurd header (1e300, Infinity) is still "wait long", never
    /// an overflow that would turn throttling into an error. The retry policy caps it further at MaxRetryDelay.
    /// </summary>
    private static TimeSpan Bounded(double seconds) =>
        !double.IsFinite(seconds) || seconds > TimeSpan.FromDays(1).TotalSeconds ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(seconds);

    private static FallbackReason Classify(ClientResultException exception) => exception.Status switch
    {
        429 => FallbackReason.Throttled,
        401 or 403 => FallbackReason.Unauthorized,
        408 => FallbackReason.Timeout,
        400 when IsContentFilter(exception) => FallbackReason.ContentFilter,
        >= 500 => FallbackReason.ServerError,
        _ => FallbackReason.Error,
    };

    /// <summary>Azure rejects a prompt its filter flags with HTTP 400 and error code content_filter.</summary>
    internal static bool IsContentFilter(ClientResultException exception)
    {
        try
        {
            var content = exception.GetRawResponse()?.Content;
            if (content is null)
            {
                return false;
            }

            using var document = JsonDocument.Parse(content.ToMemory());
            return document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && ((error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString() == "content_filter")
                    || (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object
                        && inner.TryGetProperty("code", out var innerCode) && innerCode.ValueKind == JsonValueKind.String
                        && innerCode.GetString() == "ResponsibleAIPolicyViolation"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Only the status and the attempt count: response bodies may echo prompt data and never reach logs or reports.
    private static string Describe(ClientResultException exception, int attempts) => exception.Status == 0
        ? "No response from Azure OpenAI after " + Attempts(attempts) + "."
        : "HTTP " + exception.Status.ToString(CultureInfo.InvariantCulture) + " from Azure OpenAI after " + Attempts(attempts) + ".";

    private static string Attempts(int attempts) =>
        attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts";
}
