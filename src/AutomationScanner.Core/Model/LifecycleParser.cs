namespace AutomationScanner.Core.Model;

public static class LifecycleParser
{
    /// <summary>What a lifecycle field's value means; see <see cref="LifecycleVocabulary.Classify"/>.</summary>
    public static Lifecycle Parse(ReadOnlySpan<char> value) => LifecycleVocabulary.Classify(value);

    /// <summary>The activity name of a status event: "Accepted" in status "In Progress" is "Accepted (In Progress)".</summary>
    public static string StatusActivity(string activity, ReadOnlySpan<char> status) =>
        string.Concat(activity, " (", status.Trim(), ")");
}
