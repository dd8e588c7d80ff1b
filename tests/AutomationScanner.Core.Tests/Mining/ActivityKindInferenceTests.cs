using System.Globalization;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Mining;

public sealed class ActivityKindInferenceTests
{
    /// <summary>
    /// Agreement of the inferred kinds with the hand labels over every labelled activity of every shipped real log.
    /// Task vs non-task is what decides whether an activity can be recommended: at least 85 %. The exact kind (eight
    /// classes, where state vs system vs external is often a judgement call even for people) at least 70 %. Logs
    /// stripped to one trace per variant carry no resources or attributes, so only names speak there; the thresholds
    /// leave that room and no more. Measured: see docs/MODEL.md, "Activity kinds".
    /// </summary>
    [Fact]
    public void ShippedRealLogs_InferredKindsAgreeWithHandLabels()
    {
        long labelled = 0, exact = 0, task = 0;
        var disagreements = new List<string>();
        foreach (var (family, files) in ActivityKindFixture.Files)
        {
            foreach (var file in files)
            {
                var mined = TestFiles.MineFile(file);
                foreach (var activity in mined.Activities)
                {
                    if (!ActivityKindFixture.Labels.TryGetValue((family, activity.Activity), out var label))
                    {
                        continue;
                    }

                    labelled++;
                    exact += activity.Kind == label ? 1 : 0;
                    task += activity.Kind.IsTask() == label.IsTask() ? 1 : 0;
                    if (activity.Kind.IsTask() != label.IsTask())
                    {
                        disagreements.Add($"{Path.GetFileName(file)}: {activity.Activity} inferred {activity.Kind}, labelled {label}");
                    }
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"labelled {labelled}, exact {exact / (double)labelled:P1}, task/non-task {task / (double)labelled:P1}"));
        foreach (var line in disagreements)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        Assert.True(labelled >= 250, $"only {labelled} labelled activities found in the shipped logs");
        Assert.True(task >= 0.85 * labelled, $"task/non-task agreement {task}/{labelled}");
        Assert.True(exact >= 0.70 * labelled, $"exact agreement {exact}/{labelled}");
    }

    /// <summary>
    /// The hospital billing log records status codes in capitals (NEW, FIN, RELEASE, CODE OK, BILLED...): the codes too
    /// short for the ALL-CAPS signal were ranked as work. They take the status signal of their naming family. A log whose
    /// capitalised names are work items (start and complete events) gives its short code no such signal.
    /// </summary>
    [Fact]
    public void StatusCodeFamily_ShortCodesOfAStatusLog_AreNotTasks_CapitalisedWorkItemsStayWork()
    {
        var billing = TestFiles.MineFile(TestFiles.EventLog("14_Billing_1t_per_variant.xes.gz"));
        Assert.False(billing.Activity("NEW").Kind.IsTask(), $"NEW is {billing.Activity("NEW").Kind}");
        Assert.False(billing.Activity("FIN").Kind.IsTask(), $"FIN is {billing.Activity("FIN").Kind}");

        var events = string.Concat(Enumerable.Range(0, 40).Select(i =>
        {
            var t = new DateTime(2024, 2, 5, 8, 0, 0, DateTimeKind.Utc).AddDays(i);
            return string.Concat(new[] { "REVIEW CLAIM", "CHECK POLICY", "PAY", "ARCHIVE FILE" }.Select((a, k) =>
                $"c{i},{a},{t.AddMinutes(30 * k):yyyy-MM-ddTHH:mm:ssZ},start,clerk{i % 4}\n"
                + $"c{i},{a},{t.AddMinutes(30 * k + 12 + i % 5):yyyy-MM-ddTHH:mm:ssZ},complete,clerk{i % 4}\n"));
        }));
        var work = TestFiles.MineText("claims.csv", "case,activity,timestamp,lifecycle,resource\n" + events);
        Assert.Equal(ActivityKind.Work, work.Activity("PAY").Kind);
        Assert.DoesNotContain(work.Activity("PAY").KindEvidence, e => e.Description.Contains("ALL-CAPS", StringComparison.Ordinal));
    }

    [Fact]
    public void Bpic2012_StatesAndWorkItemsFromBehaviourAndPrefixGroups()
    {
        var mined = TestFiles.MineFile(TestFiles.EventLog("bpic2012.xes.gz"));

        Assert.All(mined.Activities.Where(a => a.Activity.StartsWith("A_", StringComparison.Ordinal) || a.Activity.StartsWith("O_", StringComparison.Ordinal)),
            a => Assert.False(a.Kind.IsTask(), a.Activity));
        Assert.All(mined.Activities.Where(a => a.Activity.StartsWith("W_", StringComparison.Ordinal)), a => Assert.True(a.Kind.IsTask(), a.Activity));
        var submitted = mined.Activity("A_SUBMITTED");
        Assert.Equal(1, submitted.AutomationRate, 3);
        Assert.Contains(submitted.KindEvidence, s => s.Source == KindSignalSources.Resource && s.Kind == ActivityKind.System);
        Assert.Contains(submitted.KindEvidence, s => s.Source == KindSignalSources.PrefixGroup);
        Assert.Equal(1, mined.Summary.AutomatedResources);
        Assert.Contains("W_Afhandelen leads", mined.Activity("A_DECLINED").DecidedBy);
    }

    [Fact]
    public void Sepsis_LabValuesAreMeasurementsFromTheirOwnAttribute()
    {
        var mined = TestFiles.MineFile(TestFiles.EventLog("sepsis.csv.gz"));

        foreach (var name in new[] { "Leucocytes", "CRP", "LacticAcid" })
        {
            var activity = mined.Activity(name);
            Assert.Equal(ActivityKind.Measurement, activity.Kind);
            Assert.Contains(activity.KindEvidence, s => s.Source == KindSignalSources.Attributes);
        }

        Assert.True(mined.Activity("ER Registration").Kind.IsTask());
    }

    [Fact]
    public void SepsisOneTracePerVariant_NoAttributes_LabValuesAreMeasurementsFromTheirSharedInstants()
    {
        // The stripped log keeps neither the values nor the resources: only when the events were recorded speaks.
        var mined = TestFiles.MineFile(TestFiles.EventLog("13_SEPSIS_1t_per_variant.xes.gz"));

        foreach (var name in new[] { "Leucocytes", "CRP", "LacticAcid" })
        {
            var activity = mined.Activity(name);
            Assert.Equal(ActivityKind.Measurement, activity.Kind);
            Assert.Contains(activity.KindEvidence, s => s.Source == KindSignalSources.Timing && s.Description.Contains("exact timestamp", StringComparison.Ordinal));
        }

        // Triage and admission happen at their own moments: still tasks.
        Assert.All(new[] { "ER Triage", "ER Registration", "Admission NC", "IV Antibiotics" }, n => Assert.True(mined.Activity(n).Kind.IsTask(), n));
    }

    [Fact]
    public void SameInstantBatch_MultiWordNamesAreStatesSingleWordsReadings()
    {
        var lines = new List<string> { "case,activity,timestamp,resource" };
        for (var i = 0; i < 30; i++)
        {
            var day = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(i);
            lines.Add(FormattableString.Invariant($"K{i},Check request,{day:yyyy-MM-ddTHH:mm:ssZ},ann"));
            lines.Add(FormattableString.Invariant($"K{i},Record updated in ledger,{day.AddMinutes(20):yyyy-MM-ddTHH:mm:ssZ},ann"));
            lines.Add(FormattableString.Invariant($"K{i},Haemoglobin,{day.AddMinutes(20):yyyy-MM-ddTHH:mm:ssZ},ann"));
            lines.Add(FormattableString.Invariant($"K{i},Send answer,{day.AddMinutes(50):yyyy-MM-ddTHH:mm:ssZ},ann"));
        }

        var mined = TestFiles.MineText("batch.csv", string.Join('\n', lines));

        Assert.Equal(ActivityKind.Measurement, mined.Activity("Haemoglobin").Kind);
        Assert.Equal(ActivityKind.State, mined.Activity("Record updated in ledger").Kind);
        Assert.True(mined.Activity("Check request").Kind.IsTask());
        Assert.True(mined.Activity("Send answer").Kind.IsTask());
    }

    /// <summary>
    /// A date recorded without a time of day is when something happened in the world (BPIC 2020's "Start trip" and "End
    /// trip"), not a moment someone worked. Here a shipping log: the ship and delivery dates are stamped at midnight, the
    /// office work at times of day. A log of dates only says nothing about any one activity.
    /// </summary>
    [Fact]
    public void DatedEvents_StampedAtMidnightAmongTimedWork_AreNotTasks_ALogOfDatesOnlyKeepsItsWork()
    {
        string Log(bool datesOnly)
        {
            var rows = new List<string> { "case,activity,timestamp,resource" };
            for (var i = 0; i < 40; i++)
            {
                var day = new DateTime(2024, 4, 1, 0, 0, 0).AddDays(i);
                var worked = datesOnly ? day : day.AddHours(9).AddMinutes(7 * (i % 5));
                rows.Add(Invariant($"o{i},Pack order,{worked:yyyy-MM-ddTHH:mm:ss}+02:00,clerk{i % 4}"));
                rows.Add(Invariant($"o{i},Book carrier,{(datesOnly ? day.AddDays(1) : worked.AddDays(1).AddMinutes(25 + i % 7)):yyyy-MM-ddTHH:mm:ss}+02:00,clerk{(i + 1) % 4}"));
                rows.Add(Invariant($"o{i},Shipment departs,{day.AddDays(2):yyyy-MM-ddTHH:mm:ss}+02:00,"));
                rows.Add(Invariant($"o{i},Delivery at customer,{day.AddDays(4):yyyy-MM-ddTHH:mm:ss}+02:00,"));
            }

            return string.Join('\n', rows);
        }

        var timed = TestFiles.MineText("shipping.csv", Log(datesOnly: false));
        var departs = timed.Activity("Shipment departs");
        Assert.False(departs.Kind.IsTask(), $"Shipment departs is {departs.Kind}");
        Assert.Contains(departs.KindEvidence, e => e.Description.Contains("00:00:00", StringComparison.Ordinal));
        Assert.False(timed.Activity("Delivery at customer").Kind.IsTask());
        Assert.True(timed.Activity("Pack order").Kind.IsTask());

        var dated = TestFiles.MineText("shipping-dates.csv", Log(datesOnly: true));
        Assert.True(dated.Activity("Pack order").Kind.IsTask());
        Assert.DoesNotContain(dated.Activities.SelectMany(a => a.KindEvidence), e => e.Description.Contains("00:00:00", StringComparison.Ordinal));
    }

    /// <summary>
    /// A status log names an active status after the case state it belongs to ("Opened (Working)", BPIC 2013's
    /// "Accepted (In Progress)"): someone works while the case is in it, but the name says no task to automate. An
    /// active status of a named act ("Repair device (Working)") stays work.
    /// </summary>
    [Fact]
    public void ActiveStatus_OfACaseState_IsAState_OfANamedActStaysWork()
    {
        var rows = new List<string> { "case,activity,timestamp,lifecycle,resource" };
        for (var i = 0; i < 30; i++)
        {
            var t = new DateTime(2024, 5, 6, 8, 0, 0, DateTimeKind.Utc).AddHours(5 * i);
            rows.Add(Invariant($"r{i},Opened,{t:yyyy-MM-ddTHH:mm:ssZ},Working,tech{i % 3}"));
            rows.Add(Invariant($"r{i},Repair device,{t.AddMinutes(40):yyyy-MM-ddTHH:mm:ssZ},Working,tech{i % 3}"));
            rows.Add(Invariant($"r{i},Closed,{t.AddMinutes(95):yyyy-MM-ddTHH:mm:ssZ},Done,tech{i % 3}"));
        }

        var mined = TestFiles.MineText("repairs.csv", string.Join('\n', rows));

        var opened = mined.Activity("Opened (Working)");
        Assert.Equal(ActivityKind.State, opened.Kind);
        Assert.Equal(ActivityKind.Work, mined.Activity("Repair device (Working)").Kind);
    }

    [Fact]
    public void RoadTraffic_PenaltyAddedAFixedTimeAfterTheNotice_IsATimerNotWork()
    {
        var mined = TestFiles.MineFile(TestFiles.EventLog("roadtraffic100traces.xes"));

        var penalty = mined.Activity("Add penalty");
        Assert.Equal(ActivityKind.System, penalty.Kind);
        Assert.Contains(penalty.KindEvidence, s => s.Source == KindSignalSources.Timing && s.Description.Contains("fixed time", StringComparison.Ordinal));
        // Fines are sent, appeals are forwarded at irregular times: no timer.
        Assert.DoesNotContain(mined.Activity("Send Fine").KindEvidence, s => s.Description.Contains("fixed time", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A_SUBMITTED", ActivityKind.State)]
    [InlineData("Closed", ActivityKind.State)]
    [InlineData("Wait", ActivityKind.Wait)]
    [InlineData("Declaration SUBMITTED by EMPLOYEE", ActivityKind.Requester)]
    [InlineData("Declaration REJECTED by SUPERVISOR", ActivityKind.Decision)]
    [InlineData("Vendor creates invoice", ActivityKind.External)]
    [InlineData("Check the invoice", ActivityKind.Decision)]
    [InlineData("Register claim", ActivityKind.Work)]
    public void NamingSignals_OnTheirOwn_PointToTheKind(string name, ActivityKind expected)
    {
        var decided = ActivityKindInference.Vote([.. ActivityKindInference.NamingSignals(name)]);

        Assert.Equal(expected, decided.Kind);
    }

    [Fact]
    public void Mine_SystemResourceByBehaviourNotName_CountsAsAutomationAchieved()
    {
        // Resource "7" fires within a second of the previous event in every case; people take minutes.
        var rows = new List<string> { "case,activity,timestamp,resource" };
        for (var c = 0; c < 60; c++)
        {
            var start = new DateTime(2024, 3, 4, 9, 0, 0).AddHours(c);
            rows.Add(Invariant($"c{c},Receive order,{start:yyyy-MM-ddTHH:mm:ss},clerk{c % 6}"));
            rows.Add(Invariant($"c{c},Check stock,{start.AddSeconds(1):yyyy-MM-ddTHH:mm:ss},7"));
            rows.Add(Invariant($"c{c},Approve order,{start.AddMinutes(30):yyyy-MM-ddTHH:mm:ss},clerk{(c + 1) % 6}"));
        }

        var mined = TestFiles.MineText("orders.csv", string.Join('\n', rows));

        var check = mined.Activity("Check stock");
        Assert.Equal(ActivityKind.System, check.Kind);
        Assert.Equal(1, check.AutomationRate, 6);
        Assert.Equal(0, mined.Activity("Approve order").AutomationRate, 6);
        Assert.True(mined.Activity("Approve order").Kind.IsTask());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
