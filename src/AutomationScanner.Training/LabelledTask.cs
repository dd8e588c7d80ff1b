using AutomationScanner.Core.Classification;

namespace AutomationScanner.Training;

/// <summary>
/// One labelled task statement; <paramref name="Occupation"/> (O*NET-SOC code) groups rows for splitting.
/// <paramref name="Automation"/> is GPT-4's automation rating T0-T4 as 0-4 (Eloundou et al. 2023), when the file has it.
/// </summary>
public sealed record LabelledTask(string Occupation, string Text, ExposureClass Label, int? Automation = null);
