using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AutomationScanner.Testing.Llm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Azure.Tests.OpenAI;

/// <summary>What the fake server received in one chat completions request.</summary>
internal sealed record ReceivedRequest(int Number, string Deployment, string? ApiVersion, string? ApiKey, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string SystemMessage => Json["messages"]![0]!["content"]!.GetValue<string>();

    public string UserMessage => Json["messages"]![1]!["content"]!.GetValue<string>();

    public IReadOnlyList<JsonObject> Tasks => FakeAnswers.TasksIn(UserMessage);
}

/// <summary>A reply the fake sends: status, headers, JSON body, and an optional delay before it.</summary>
internal sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeReply Completion(string? content, string finishReason = "stop", int promptTokens = 1200, int completionTokens = 400, int cachedTokens = 0) =>
        new(200, new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..12],
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "gpt-4.1-mini",
            ["prompt_filter_results"] = new JsonArray(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["finish_reason"] = finishReason,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["content_filter_results"] = new JsonObject(),
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
                ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = cachedTokens },
            },
        }.ToJsonString());

    public static FakeReply Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), headers);

    public static FakeReply Throttled(string header, string value) => Error(
        429,
        "429",
        "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current pricing tier. Please retry after 1 second.",
        new Dictionary<string, string> { [header] = value });

    public static FakeReply ContentFilterRejection() => new(400, """
        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.","type":null,"param":"prompt","code":"content_filter","status":400,
         "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":true,"severity":"high"}}}}}
        """);
}

/// <summary>
/// A loopback server speaking the Azure OpenAI chat completions REST protocol (2024-10-21): route, api-version
/// query, api-key header, chat.completion body with usage, error bodies. Replies come from a script per request.
/// </summary>
internal sealed class FakeAzureOpenAIServer : IAsyncDisposable
{
    public const string ApiKey = "test-key-123";
    public const string DeploymentName = "gpt-test";

    /// <summary>A deployment of a reasoning model, which refuses the parameters and api-versions chat models accept.</summary>
    public const string ReasoningDeploymentName = "gpt-5-mini";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private int _count;

    private FakeAzureOpenAIServer(WebApplication app) => _app = app;

    /// <summary>Decides the reply to each request; by default a valid answer for every task sent.</summary>
    public Func<ReceivedRequest, FakeReply> Reply { get; set; } = request => FakeReply.Completion(FakeAnswers.ValidFor(request.UserMessage));

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received.OrderBy(r => r.Number)];

    public static async Task<FakeAzureOpenAIServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeAzureOpenAIServer(builder.Build());
        server._app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context, string deployment)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new ReceivedRequest(
            Interlocked.Increment(ref _count),
            deployment,
            context.Request.Query["api-version"],
            context.Request.Headers["api-key"],
            body);
        _received.Enqueue(request);

        FakeReply reply;
        if (request.ApiKey != ApiKey)
        {
            reply = FakeReply.Error(401, "401", "Access denied due to invalid subscription key or wrong API endpoint.");
        }
        else if (deployment is not (DeploymentName or ReasoningDeploymentName))
        {
            reply = FakeReply.Error(404, "DeploymentNotFound", "The API deployment for this resource does not exist.");
        }
        else if (deployment == ReasoningDeploymentName && ReasoningModelRejection(request) is { } rejection)
        {
            reply = rejection;
        }
        else
        {
            reply = Reply(request);
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["apim-request-id"] = Guid.NewGuid().ToString();
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    /// <summary>What Azure answers when a reasoning model gets a chat-model request (messages as the service words them).</summary>
    private static FakeReply? ReasoningModelRejection(ReceivedRequest request)
    {
        if (string.CompareOrdinal(request.ApiVersion, "2024-12-01-preview") < 0)
        {
            return FakeReply.Error(400, "BadRequest", $"Model {ReasoningDeploymentName} is enabled only for api versions 2024-12-01-preview and later");
        }

        var body = request.Json;
        if (body["max_tokens"] is not null)
        {
            return FakeReply.Error(400, "unsupported_parameter", "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.");
        }

        if (body["temperature"] is JsonValue temperature && temperature.GetValue<double>() != 1)
        {
            return FakeReply.Error(400, "unsupported_value", "Unsupported value: 'temperature' does not support 0.0 with this model. Only the default (1) value is supported.");
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
