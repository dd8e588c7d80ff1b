namespace AutomationScanner.Core.Classification;

/// <summary>One labelled task statement; <paramref name="Occupation"/> (O*NET-SOC code) groups rows for splitting.</summary>
public sealed record LabelledTask(string Occupation, string Text, ExposureClass Label);
