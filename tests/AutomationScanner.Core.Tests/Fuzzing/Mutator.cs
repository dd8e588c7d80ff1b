using System.Text;

namespace AutomationScanner.Core.Tests.Fuzzing;

/// <summary>
/// A small structure-aware mutation fuzzer (no instrumentation): byte flips, inserts, deletes, duplicated and
/// spliced chunks, truncation, and the tokens that break parsers (quotes, delimiters, line breaks, tags, brackets,
/// huge repeats). Deterministic for a seed, so CI runs the same inputs every time.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly byte[][] Tokens =
    [
        "\""u8.ToArray(), ","u8.ToArray(), ";"u8.ToArray(), "\t"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(),
        "<"u8.ToArray(), ">"u8.ToArray(), "</"u8.ToArray(), "/>"u8.ToArray(), "<trace>"u8.ToArray(), "<event>"u8.ToArray(), "&"u8.ToArray(),
        "&amp;"u8.ToArray(), "&#0;"u8.ToArray(), "<!DOCTYPE x [<!ENTITY a \"b\">]>"u8.ToArray(), "]]>"u8.ToArray(), "<![CDATA["u8.ToArray(),
        "["u8.ToArray(), "]"u8.ToArray(), "("u8.ToArray(), ")"u8.ToArray(), "\\"u8.ToArray(), "stream\n"u8.ToArray(), "endstream"u8.ToArray(),
        "<< /Length 999999999 >>"u8.ToArray(), "obj"u8.ToArray(), "0 0 R"u8.ToArray(), "\0"u8.ToArray(), [0xFF], [0xC3], [0xEF, 0xBB, 0xBF],
        "9999-99-99T99:99:99"u8.ToArray(), "-1"u8.ToArray(), "1e308"u8.ToArray(), "NaN"u8.ToArray(), "\u2028"u8.ToArray(),
    ];

    private readonly Random random = new(seed);

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus)
    {
        var data = new List<byte>(input);
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            switch (random.Next(10))
            {
                case 0 when data.Count > 0:
                    var at = random.Next(data.Count);
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.Insert(random.Next(data.Count + 1), (byte)random.Next(256));
                    break;
                case 2 when data.Count > 1:
                    var start = random.Next(data.Count);
                    data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(64)));
                    break;
                case 3:
                case 4:
                    data.InsertRange(random.Next(data.Count + 1), Tokens[random.Next(Tokens.Length)]);
                    break;
                case 5 when data.Count > 2:
                    // Duplicate a chunk many times: long lines, deep nesting, wide headers.
                    var from = random.Next(data.Count);
                    var chunk = data.GetRange(from, Math.Min(data.Count - from, 1 + random.Next(16))).ToArray();
                    var copies = random.Next(4) == 0 ? 2000 + random.Next(20000) : 1 + random.Next(8);
                    var insertAt = random.Next(data.Count + 1);
                    data.InsertRange(insertAt, Enumerable.Repeat(chunk, copies).SelectMany(c => c));
                    break;
                case 6 when data.Count > 1:
                    var cut = random.Next(data.Count);
                    data.RemoveRange(cut, data.Count - cut);
                    break;
                case 7 when corpus.Count > 0:
                    var other = corpus[random.Next(corpus.Count)];
                    if (other.Length > 0)
                    {
                        var o = random.Next(other.Length);
                        data.InsertRange(random.Next(data.Count + 1), other.AsSpan(o, Math.Min(other.Length - o, 1 + random.Next(256))).ToArray());
                    }

                    break;
                case 8 when data.Count > 0:
                    // Replace a digit or letter run with an extreme value.
                    var p = random.Next(data.Count);
                    data.InsertRange(p, Encoding.ASCII.GetBytes(random.Next(3) switch { 0 => new string('9', 40), 1 => "0000", _ => new string('"', 3) }));
                    break;
                default:
                    data.Add((byte)random.Next(32, 127));
                    break;
            }
        }

        return [.. data];
    }
}
