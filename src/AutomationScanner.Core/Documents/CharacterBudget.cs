namespace AutomationScanner.Core.Documents;

/// <summary>Counts the characters a reader has taken from one document and stops it at the cap.</summary>
internal sealed class CharacterBudget(int maxCharacters)
{
    public long Used { get; private set; }

    public bool Exhausted { get; private set; }

    public int Remaining => (int)Math.Max(0, maxCharacters - Used);

    /// <summary>Takes what fits of <paramref name="text"/> from the budget and returns it.</summary>
    public string Take(string text)
    {
        var allowed = Consume(text.Length);
        return allowed == text.Length ? text : text[..allowed];
    }

    /// <summary>Takes up to <paramref name="count"/> characters and returns how many fit.</summary>
    public int Consume(int count)
    {
        var allowed = Math.Min(count, Remaining);
        if (allowed < count)
        {
            Exhausted = true;
        }

        Used += allowed;
        return allowed;
    }
}
