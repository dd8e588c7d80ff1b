using Microsoft.AspNetCore.Mvc;

namespace AutomationScanner.Functions.Api;

/// <summary>Runs a minimal-API <see cref="IResult"/> as the function's <see cref="IActionResult"/>.</summary>
internal sealed class ResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
