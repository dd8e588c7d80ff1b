using System.Security.Cryptography;
using System.Text;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Turns resource and user identifiers into stable pseudonyms ("R-1a2b3c4d"): a keyed hash, so the same
/// person keeps the same pseudonym across scans of one engagement while the name never reaches a report.
/// </summary>
public sealed class ResourcePseudonymizer
{
    private readonly byte[] _key;

    /// <param name="key">Per-engagement secret or salt; the same key gives the same pseudonyms.</param>
    public ResourcePseudonymizer(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    public string Pseudonymize(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(identifier.Trim()));
        return "R-" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
