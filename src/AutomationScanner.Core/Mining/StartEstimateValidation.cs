namespace AutomationScanner.Core.Mining;

/// <summary>
/// The start-time estimator checked on one activity with real starts: the start was estimated as if the log had none
/// and compared with the truth.
/// </summary>
/// <param name="Activity">The activity.</param>
/// <param name="Instances">Executions compared (true service time of at least a second).</param>
/// <param name="MedianAbsoluteErrorSeconds">Median |estimate - truth|.</param>
/// <param name="MedianRelativeError">Median |estimate - truth| / truth.</param>
/// <param name="TrueMedianSeconds">Median true service time, for scale.</param>
public sealed record StartEstimateValidation(string Activity, long Instances, double MedianAbsoluteErrorSeconds, double MedianRelativeError, double TrueMedianSeconds);
