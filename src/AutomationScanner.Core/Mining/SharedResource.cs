namespace AutomationScanner.Core.Mining;

/// <summary>A resource id that is a role or a shared account, with the evidence that says so.</summary>
/// <param name="Who">The resource as the report shows it (raw in mining, a pseudonym or the generic name in a report).</param>
/// <param name="Evidence">Why: its name, the roles it acts in, its volume.</param>
/// <param name="GenericName">Whether the name itself is a generic role or group word ("STAFF MEMBER", "Team").</param>
/// <param name="Roles">Distinct log roles it acts in (placeholders such as UNDEFINED left out).</param>
/// <param name="Executions">Its executions across the log.</param>
/// <param name="Activities">Distinct activities it executes.</param>
public sealed record SharedResource(string Who, string Evidence, bool GenericName, int Roles, long Executions, int Activities);
