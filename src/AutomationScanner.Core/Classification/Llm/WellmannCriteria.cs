namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// The five Wellmann et al. (2020) criteria that event logs cannot show. Scores are 0..1 where 1 favours
/// automation (rule-based, structured digital data, machine interfaces, stable process and screens).
/// </summary>
public sealed record WellmannCriteria(
    double Determinism,
    double DataStructure,
    double Interfaces,
    double Stability,
    int NumberOfSystems);
