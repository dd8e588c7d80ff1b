namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// Thread-safe token ledger of one scan. A request reserves its estimated tokens before it is sent, so concurrent
/// requests cannot overrun the budget together; once answered, the reservation is replaced by the real usage.
/// </summary>
internal sealed class TokenLedger(long budget)
{
    private readonly Lock _gate = new();
    private long _committed;
    private long _reserved;

    public bool TryReserve(long tokens)
    {
        lock (_gate)
        {
            if (_committed + _reserved + tokens > budget)
            {
                return false;
            }

            _reserved += tokens;
            return true;
        }
    }

    public void Settle(long reserved, long used)
    {
        lock (_gate)
        {
            _reserved -= reserved;
            _committed += used;
        }
    }
}
