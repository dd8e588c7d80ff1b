using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Mining;

/// <summary>One sampled text value of an attribute (column), kept for inferring the process's domain.</summary>
public sealed record AttributeValueSample(string Attribute, string Value);

/// <summary>
/// A bounded, sampled set of the text values of a log's attributes, read for the process domain (a "department"
/// column whose values say "Cardiology" or "Emergency room"), never for personal data. It keeps at most
/// <see cref="MaxValuesPerAttribute"/> distinct values of an attribute and <see cref="MaxValues"/> in all; after the
/// first <see cref="HeadCalls"/> values offered it looks at one in <see cref="Stride"/>, so the values of the whole
/// log are sampled at a fixed, small cost. Values of attributes whose names mark personal data (names, e-mail,
/// addresses, identifiers) and values that look like numbers, dates, codes or e-mail addresses are never kept.
/// </summary>
public sealed partial class AttributeValueSampler
{
    public const int MaxValues = 256;
    public const int MaxValuesPerAttribute = 16;
    public const int MaxValueChars = 64;
    public const long HeadCalls = 20_000;
    public const int Stride = 64;

    private readonly Dictionary<string, List<string>?> _byAttribute = new(StringComparer.Ordinal);
    private long _calls;
    private int _count;

    /// <summary>Distinct values kept, in all.</summary>
    public int Count => _count;

    /// <summary>Offers one value of <paramref name="attribute"/>; cheap when the value is not sampled.</summary>
    public void Offer(ReadOnlySpan<char> attribute, ReadOnlySpan<char> value)
    {
        var call = ++_calls;
        if ((call > HeadCalls && call % Stride != 0) || _count >= MaxValues)
        {
            return;
        }

        value = value.Trim();
        if (value.Length < 3 || value.Length > MaxValueChars || !LooksLikeText(value))
        {
            return;
        }

        var lookup = _byAttribute.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(attribute, out var values))
        {
            var name = attribute.ToString();
            values = PersonalAttribute().IsMatch(name) ? null : [];
            _byAttribute[name] = values;
        }

        if (values is null || values.Count >= MaxValuesPerAttribute)
        {
            return;
        }

        foreach (var kept in values)
        {
            if (value.Equals(kept, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        values.Add(value.ToString());
        _count++;
    }

    /// <summary>Adds the samples of another part of the same log, within the same bounds.</summary>
    public void Merge(IEnumerable<AttributeValueSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            var saved = _calls;
            _calls = 0;
            Offer(sample.Attribute, sample.Value);
            _calls = saved;
        }
    }

    public IReadOnlyList<AttributeValueSample> Samples() =>
        [.. _byAttribute.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value!.Select(v => new AttributeValueSample(p.Key, v)))];

    /// <summary>At least three letters, letters at least half the characters, no '@': words, not ids, dates or numbers.</summary>
    private static bool LooksLikeText(ReadOnlySpan<char> value)
    {
        var letters = 0;
        foreach (var c in value)
        {
            if (c == '@')
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 3 && letters * 2 >= value.Length;
    }

    [GeneratedRegex(@"(name|e-?mail|mail|phone|mobile|address|street|zip|post_?code|birth|iban|account|ssn|passport|national_?id|tax_?id|bsn|resource|user|person|employee|customer|patient|owner|creator|assignee|requester|reporter|responsible|handled|comment|note|description|text)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonalAttribute();
}
