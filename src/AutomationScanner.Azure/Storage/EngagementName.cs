using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// Engagement names are the first path segment under <c>exports</c> and <c>reports</c>: lower-case letters, digits
/// and hyphens, 2-63 characters, starting with a letter or digit. Nothing else (no dots, slashes or escapes) can name
/// one, so a name can never reach outside its own folder.
/// </summary>
public static partial class EngagementName
{
    public const string Rule = "2-63 characters: lower-case letters, digits and '-', starting with a letter or digit";

    public static bool IsValid([NotNullWhen(true)] string? name) => name is not null && Pattern().IsMatch(name);

    public static string Validate(string? name) =>
        IsValid(name) ? name : throw new ArgumentException($"Invalid engagement name '{name}': {Rule}.", nameof(name));

    /// <summary>The engagement of a blob under <c>exports</c> (its first path segment), or null when it has none or an invalid one.</summary>
    public static string? FromExportBlob(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == blobName.Length - 1)
        {
            return null;
        }

        var engagement = blobName[..slash];
        return IsValid(engagement) ? engagement : null;
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{1,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
