using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Documents;

public sealed class StatementAnnotationTests
{
    private readonly DocumentReader sut = new();

    private TaskStatement Single(string step)
    {
        var result = sut.Read(DocumentTestFiles.Stream("1. " + step + "\n"), "steps.txt", TestContext.Current.CancellationToken);
        return Assert.Single(result.Statements);
    }

    [Theory]
    [InlineData("Check the bank statement daily.", 250.0, "daily")]
    [InlineData("Reconcile the accounts monthly.", 12.0, "monthly")]
    [InlineData("Process about 200 invoices per week.", 10400.0, "about 200 invoices per week")]
    [InlineData("Approve roughly 1,200 requests a month.", 14400.0, "roughly 1,200 requests a month")]
    [InlineData("Review the access list every Monday.", 52.0, "every Monday")]
    [InlineData("Close the books quarterly.", 4.0, "quarterly")]
    [InlineData("Handle 30 calls per hour at peak.", 60000.0, "30 calls per hour")]
    public void Read_FrequencyHint_GivesExecutionsPerYearAndKeepsTheText(string step, double perYear, string text)
    {
        var statement = Single(step);

        Assert.Equal(perYear, statement.ExecutionsPerYearHint);
        Assert.Equal(text, statement.FrequencyText);
    }

    [Theory]
    [InlineData("Enter the invoice for each invoice received.", "for each invoice received")]
    [InlineData("Print one label per parcel.", "per parcel")]
    public void Read_PerItemHint_KeepsTextWithoutNumber(string step, string text)
    {
        var statement = Single(step);

        Assert.Null(statement.ExecutionsPerYearHint);
        Assert.Equal(text, statement.FrequencyText);
    }

    [Fact]
    public void Read_HandlingTimeNotFrequency_GivesNoHint()
    {
        var statement = Single("Spend 1.5 hours per week on the backlog review.");

        Assert.Null(statement.ExecutionsPerYearHint);
    }

    [Theory]
    [InlineData("The AP clerk enters the invoice in SAP.", "AP clerk")]
    [InlineData("Then the first-line support agent assigns the ticket.", "first-line support agent")]
    [InlineData("Finance Manager approves the payment run.", "Finance Manager")]
    [InlineData("HR assistant: file the signed contract.", "HR assistant")]
    [InlineData("The request is approved by the cost centre owner.", "cost centre owner")]
    public void Read_Performer_IsTheRole(string step, string role) =>
        Assert.Equal(role, Single(step).Role);

    [Fact]
    public void Read_SystemOnlyAsPlace_IsNotTheRole()
    {
        var statement = Single("Record the decision in the SAP system.");

        Assert.Null(statement.Role);
        Assert.Equal(["SAP"], statement.Systems);
    }

    [Theory]
    [InlineData("Open Salesforce and update the opportunity.", new[] { "Salesforce" })]
    [InlineData("Copy the totals from the spreadsheet into Workday.", new[] { "Excel", "Workday" })]
    [InlineData("Log the request in ServiceNow and notify the user by e-mail.", new[] { "Email", "ServiceNow" })]
    [InlineData("Take a sap sample from each tree in the orchard.", new string[0])]
    public void Read_SystemsNamed_AreListed(string step, string[] systems) =>
        Assert.Equal(systems.Order(StringComparer.Ordinal), Single(step).Systems.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Check the employee's date of birth and home address.", "personal")]
    [InlineData("Forward the sick note to the occupational health service.", "health")]
    [InlineData("Verify the IBAN before the payment is released.", "financial")]
    [InlineData("Enrol the fingerprint of the new employee.", "biometric")]
    [InlineData("Request a criminal record check for the candidate.", "criminal")]
    public void Read_DataHandled_IsCategorised(string step, string category) =>
        Assert.Contains(category, Single(step).DataCategories);

    [Theory]
    [InlineData("Sign the delivery note and file the paper copy.", InteractionKind.Manual)]
    [InlineData("Call the customer to confirm the appointment.", InteractionKind.Manual)]
    [InlineData("Enter the meter reading in the customer portal.", InteractionKind.UserSystem)]
    [InlineData("Update the ticket status in Jira.", InteractionKind.UserSystem)]
    [InlineData("The system automatically generates the reminder letter.", InteractionKind.Automated)]
    [InlineData("A nightly batch job posts the bank statements.", InteractionKind.Automated)]
    [InlineData("The workflow routes the request to the approver.", InteractionKind.Automated)]
    public void Read_Step_IsLabelledAfterLeopold(string step, InteractionKind expected) =>
        Assert.Equal(expected, Single(step).Interaction);
}
