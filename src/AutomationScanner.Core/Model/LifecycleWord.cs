namespace AutomationScanner.Core.Model;

/// <summary>One word of <see cref="LifecycleVocabulary"/>: the step it names and where it counts.</summary>
public sealed record LifecycleWord(string Word, Lifecycle Step, LifecycleUse Uses);
