namespace AutomationScanner.Core.Classification;

/// <summary>
/// Exposure of a task to automation by LLM-based software, as labelled by the annotators of Eloundou et al. (2023),
/// "GPTs are GPTs". The numeric order is the model's class order.
/// </summary>
public enum ExposureClass
{
    /// <summary>E0: no exposure.</summary>
    NoExposure = 0,

    /// <summary>E1: direct exposure; the model alone cuts the time for the task by half or more.</summary>
    Direct = 1,

    /// <summary>E2: exposure once tools are built on top of the model.</summary>
    WithTools = 2,
}

public static class ExposureClassLabels
{
    /// <summary>The labels as written in the label files, in class order.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["E0", "E1", "E2"];

    public static int Count => Codes.Count;

    public static string ToCode(this ExposureClass value) => Codes[(int)value];

    public static bool TryParse(string? code, out ExposureClass value)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "E0":
                value = ExposureClass.NoExposure;
                return true;
            case "E1":
                value = ExposureClass.Direct;
                return true;
            case "E2":
                value = ExposureClass.WithTools;
                return true;
            default:
                value = ExposureClass.NoExposure;
                return false;
        }
    }
}
