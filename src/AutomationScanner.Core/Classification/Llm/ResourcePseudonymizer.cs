using System.Security.Cryptography;
using System.Text;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// Replaces resource/user ids by a stable keyed hash ("R-3f2a9c"): the same id and key always give the same
/// pseudonym, so scans stay comparable, while without the key the pseudonym cannot be reversed by guessing ids.
/// </summary>
public sealed class ResourcePseudonymizer
{
    private const int HexLength = 6;
    private readonly byte[] _key;

    public ResourcePseudonymizer(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("The pseudonymisation key needs at least 16 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A key that lives as long as the process: pseudonyms are stable within a run, not across runs.</summary>
    public static ResourcePseudonymizer WithEphemeralKey() => new(RandomNumberGenerator.GetBytes(32));

    public string Pseudonymize(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(resource.Trim()));
        return "R-" + Convert.ToHexStringLower(hash)[..HexLength];
    }
}
