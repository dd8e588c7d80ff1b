namespace AutomationScanner.Training;

/// <summary>
/// Activity names as they appear in the shipped and public event logs (codes, Dutch, upper case, actor suffixes): the
/// inputs on which <c>scanner evaluate --bench</c> and the bench tool (<c>--only Suitability</c>) measure the model.
/// </summary>
public static class BenchmarkActivityNames
{
    public static readonly IReadOnlyList<string> All =
    [
        "Declaration SUBMITTED by EMPLOYEE", "Declaration FINAL_APPROVED by SUPERVISOR", "Declaration REJECTED by PRE_APPROVER",
        "Request Payment", "Payment Handled", "A_SUBMITTED", "A_PARTLYSUBMITTED", "A_PREACCEPTED", "A_ACCEPTED", "A_FINALIZED",
        "A_DECLINED", "A_CANCELLED", "A_ACTIVATED", "A_REGISTERED", "O_SELECTED", "O_CREATED", "O_SENT", "O_SENT_BACK",
        "O_ACCEPTED", "W_Completeren aanvraag", "W_Nabellen offertes", "W_Valideren aanvraag", "W_Afhandelen leads",
        "W_Beoordelen fraude", "ER Registration", "ER Triage", "ER Sepsis Triage", "IV Antibiotics", "IV Liquid",
        "LacticAcid", "Leucocytes", "Admission NC", "Release A", "Confirmation of receipt", "T02 Check confirmation of receipt",
        "T04 Determine confirmation of receipt", "Assign seriousness", "Take in charge ticket", "Resolve ticket", "Closed",
        "Insert ticket", "Wait", "Create Purchase Order Item", "Record Goods Receipt", "Record Invoice Receipt",
        "Clear Invoice", "Change Quantity", "Vendor creates invoice", "Remove Payment Block", "Change Price",
    ];
}
