using System.Collections.Frozen;

namespace AutomationScanner.Core.Model;

/// <summary>
/// The one list of lifecycle words. Each word says which <see cref="Lifecycle"/> step it names and where it counts:
/// as a value of a log's lifecycle field (every reader parses that field with <see cref="Classify"/>), at the end of
/// an activity name (dropped before the name is read as a task), or in a document's prose (dropped before a
/// statement is matched with a task). The three uses differ on purpose: "schedule" and "assign" are real tasks in
/// prose, and "unknown" at the end of an activity name is part of the name.
/// </summary>
public static class LifecycleVocabulary
{
    /// <summary>Every lifecycle word, lower case, with the step it names and where it counts.</summary>
    public static IReadOnlyList<LifecycleWord> Words { get; } =
    [
        new("complete", Lifecycle.Complete, LifecycleUse.Value | LifecycleUse.NameSuffix | LifecycleUse.Prose),
        new("completed", Lifecycle.Complete, LifecycleUse.Value | LifecycleUse.NameSuffix | LifecycleUse.Prose),
        new("start", Lifecycle.Start, LifecycleUse.Value | LifecycleUse.NameSuffix | LifecycleUse.Prose),
        new("started", Lifecycle.Start, LifecycleUse.Value | LifecycleUse.NameSuffix | LifecycleUse.Prose),
        new("schedule", Lifecycle.Schedule, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("assign", Lifecycle.Assign, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("reassign", Lifecycle.Assign, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("suspend", Lifecycle.Suspend, LifecycleUse.Value | LifecycleUse.NameSuffix | LifecycleUse.Prose),
        new("resume", Lifecycle.Resume, LifecycleUse.Value | LifecycleUse.NameSuffix | LifecycleUse.Prose),
        new("ate_abort", Lifecycle.Abort, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("pi_abort", Lifecycle.Abort, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("withdraw", Lifecycle.Abort, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("abort", Lifecycle.Abort, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("autoskip", Lifecycle.Other, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("manualskip", Lifecycle.Other, LifecycleUse.Value | LifecycleUse.NameSuffix),
        new("unknown", Lifecycle.Other, LifecycleUse.Value),

        // Not transition values (a lifecycle field holding them is a status), but lifecycle words in names and prose.
        new("scheduled", Lifecycle.Schedule, LifecycleUse.NameSuffix),
        new("begin", Lifecycle.Start, LifecycleUse.NameSuffix | LifecycleUse.Prose),
        new("end", Lifecycle.Complete, LifecycleUse.NameSuffix | LifecycleUse.Prose),
        new("ended", Lifecycle.Complete, LifecycleUse.Prose),
        new("suspended", Lifecycle.Suspend, LifecycleUse.Prose),
        new("resumed", Lifecycle.Resume, LifecycleUse.Prose),
    ];

    private static readonly LifecycleWord[] Values = [.. Words.Where(w => w.Uses.HasFlag(LifecycleUse.Value))];

    /// <summary>Words dropped from the end of an activity name ("Register claim complete"), any case.</summary>
    public static FrozenSet<string> NameSuffixWords { get; } = Select(LifecycleUse.NameSuffix, StringComparer.OrdinalIgnoreCase);

    /// <summary>Words dropped from lower-cased document prose before it is matched with tasks.</summary>
    public static FrozenSet<string> ProseWords { get; } = Select(LifecycleUse.Prose, StringComparer.Ordinal);

    /// <summary>
    /// What a lifecycle field's value means: empty is <see cref="Lifecycle.None"/>, a transition word its step (any
    /// case, surrounding blanks ignored), anything else a <see cref="Lifecycle.Status"/>.
    /// </summary>
    public static Lifecycle Classify(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty)
        {
            return Lifecycle.None;
        }

        foreach (var word in Values)
        {
            if (value.Equals(word.Word, StringComparison.OrdinalIgnoreCase))
            {
                return word.Step;
            }
        }

        return Lifecycle.Status;
    }

    private static FrozenSet<string> Select(LifecycleUse use, StringComparer comparer) =>
        Words.Where(w => w.Uses.HasFlag(use)).Select(w => w.Word).ToFrozenSet(comparer);
}
