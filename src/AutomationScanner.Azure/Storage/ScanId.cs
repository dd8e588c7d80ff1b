using System.Globalization;
using System.Text.RegularExpressions;

namespace AutomationScanner.Azure.Storage;

/// <summary>Scan ids sort by time and name their inputs: <c>yyyyMMddTHHmmssZ-{first 12 hex of the fingerprint}</c>.</summary>
public static partial class ScanId
{
    public static string Create(DateTimeOffset startedAt, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + fingerprint[..12];
    }

    public static bool IsValid(string? scanId) => scanId is not null && Pattern().IsMatch(scanId);

    [GeneratedRegex(@"\A[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
