namespace AutomationScanner.Core.Classification.Llm;

public enum EthicalFlagCategory
{
    PersonalData,
    SpecialCategoryData,
    AutomatedDecision,
    EmploymentImpact,
    CustomerImpact,
    Discrimination,
    Safety,
    Other,
}
