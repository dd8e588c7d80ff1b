using System.Text;

namespace AutomationScanner.Core.Ingestion.Common;

/// <summary>Replaces invalid UTF-8 with U+FFFD, as the default decoder does, and counts how often it did.</summary>
internal sealed class CountingReplacementFallback : DecoderFallback
{
    public long Replacements;

    public long FirstReplacementAt = -1;

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>UTF-8 that counts its replacements in <paramref name="fallback"/>.</summary>
    public static Encoding Utf8(CountingReplacementFallback fallback) =>
        Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, fallback);

    private sealed class Buffer(CountingReplacementFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            Interlocked.Increment(ref owner.Replacements);
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            return '\uFFFD';
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
