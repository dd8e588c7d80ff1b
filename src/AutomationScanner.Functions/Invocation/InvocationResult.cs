using System.Text.Json;

namespace AutomationScanner.Functions.Invocation;

/// <summary>
/// The reply to a non-HTTP invocation: <c>{"Outputs": {}, "Logs": [...], "ReturnValue": null}</c>. Our functions
/// write through the storage SDK, not output bindings, so Outputs stays empty; Logs reach Application Insights.
/// </summary>
internal sealed record InvocationResult(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    /// <summary>The documented PascalCase names (the host reads them with Newtonsoft, which would also take camelCase).</summary>
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = null };

    public static IResult Ok(params string[] logs) =>
        Results.Json(new InvocationResult(new Dictionary<string, object?>(), logs, null), JsonOptions, statusCode: StatusCodes.Status200OK);

    /// <summary>A non-2xx reply fails the invocation: the queue message is retried and, after maxDequeueCount tries, poisoned.</summary>
    public static IResult Failed(int statusCode, params string[] logs) =>
        Results.Json(new InvocationResult(new Dictionary<string, object?>(), logs, null), JsonOptions, statusCode: statusCode);
}
