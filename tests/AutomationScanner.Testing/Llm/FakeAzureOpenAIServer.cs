using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Testing.Llm;

/// <summary>
/// A loopback server speaking the Azure OpenAI chat completions REST protocol (2024-10-21): route, api-version
/// query, api-key header, chat.completion body with usage, error bodies. Replies come from a script per request.
/// </summary>
public sealed class FakeAzureOpenAIServer : IAsyncDisposable
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
