using System.Security.Cryptography;
using System.Text;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AutomationScanner.Functions.Scanning;

/// <summary>
/// One scan as a Durable orchestration: list the exports, cut every event log into parts, mine all parts in
/// parallel (one activity each), re-cut by case-id hash any CSV whose cases interleave, then merge, judge, rank and
/// publish in one last activity. The orchestrator only moves small records; it reads no storage itself.
/// </summary>
public sealed class ScanOrchestration(ScanActivities activities)
{
    public const string Orchestrator = "ScanOrchestration";
    public const string BeginScan = "BeginScan";
    public const string PlanExport = "PlanExport";
    public const string MineChunk = "MineChunk";
    public const string FinishScan = "FinishScan";
    public const string DiscardScanWork = "DiscardScanWork";

    /// <summary>Storage faults are retried; a scan that cannot be published (nothing readable) is not.</summary>
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(5), backoffCoefficient: 2)
    {
        HandleFailure = failure => !failure.IsCausedBy<ScanFailedException>(),
    });

    [Function(Orchestrator)]
    public static Task<ScanResult> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, context.GetInput<ScanRequest>()!);
    }

    /// <summary>The orchestration body (also registered as is in DurableTaskTestHost); deterministic on replay.</summary>
    public static async Task<ScanResult> RunAsync(TaskOrchestrationContext context, ScanRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var plan = await context.CallActivityAsync<ScanPlan>(BeginScan, request, Retry);
        if (plan.Done is not null)
        {
            return new ScanResult(request.Engagement, plan.Done, plan.ExistingScanId, 0);
        }

        try
        {
            var logs = plan.Exports.Where(e => e.IsLog).ToList();
            var cuts = await Task.WhenAll(logs.Select(e => context.CallActivityAsync<List<ExportChunk>>(PlanExport, new PlanExportWork(request.Engagement, e), Retry)));
            var mined = await MineAsync(context, request, logs, cuts);

            // A byte-range split is valid only when cases do not interleave: re-cut those logs by case-id hash.
            var recut = Enumerable.Range(0, logs.Count)
                .Where(i => ExportChunker.NeedsCaseHash(mined[i].Where(o => o.Mined is not null).Select(o => o.Mined!)))
                .ToList();
            if (recut.Count > 0)
            {
                var again = await MineAsync(context, request, [.. recut.Select(i => logs[i])], [.. recut.Select(i => ExportChunker.PlanByCaseHash(cuts[i].Count).ToList())]);
                for (var j = 0; j < recut.Count; j++)
                {
                    mined[recut[j]] = again[j];
                }
            }

            return await context.CallActivityAsync<ScanResult>(FinishScan, new FinishWork(request, plan.Fingerprint, [.. mined.SelectMany(m => m)], context.InstanceId), Retry);
        }
        catch (TaskFailedException)
        {
            // The scan fails for good (retries spent): its parts' sidecars go with it, not left to the lifecycle rule.
            await context.CallActivityAsync(DiscardScanWork, new DiscardWork(request.Engagement, context.InstanceId), Retry);
            throw;
        }
    }

    private static async Task<ChunkOutcome[][]> MineAsync(TaskOrchestrationContext context, ScanRequest request, List<ExportPart> logs, IReadOnlyList<List<ExportChunk>> cuts)
    {
        var tasks = logs.Select((export, i) => Task.WhenAll(cuts[i].Select(chunk =>
            context.CallActivityAsync<ChunkOutcome>(MineChunk, new MineChunkWork(request.Engagement, export, chunk, context.InstanceId), Retry)))).ToList();
        return await Task.WhenAll(tasks);
    }

    /// <summary>
    /// Starts the orchestration of a request under an id derived from the request itself, so a redelivered queue
    /// message finds its running or finished scan instead of starting another. A failed or terminated one is restarted.
    /// </summary>
    public static async Task<ScanStart> StartAsync(DurableTaskClient client, ScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var id = InstanceId(request);
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        if (existing is not null && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return new ScanStart(id, false, existing.RuntimeStatus.ToString());
        }

        await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, request, new StartOrchestrationOptions(id), cancellationToken);
        return new ScanStart(id, true, OrchestrationRuntimeStatus.Pending.ToString());
    }

    public static string InstanceId(ScanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.ToJson())))[..16];
        return $"scan-{request.Engagement}-{hash}";
    }

    [Function(BeginScan)]
    public Task<ScanPlan> BeginScanAsync([ActivityTrigger] ScanRequest request, FunctionContext context) =>
        activities.BeginAsync(request, context?.CancellationToken ?? default);

    [Function(PlanExport)]
    public Task<List<ExportChunk>> PlanExportAsync([ActivityTrigger] PlanExportWork work, FunctionContext context) =>
        activities.PlanAsync(work, context?.CancellationToken ?? default);

    [Function(MineChunk)]
    public Task<ChunkOutcome> MineChunkAsync([ActivityTrigger] MineChunkWork work, FunctionContext context) =>
        activities.MineAsync(work, context?.CancellationToken ?? default);

    [Function(DiscardScanWork)]
    public Task DiscardScanWorkAsync([ActivityTrigger] DiscardWork work, FunctionContext context) =>
        activities.DiscardAsync(work, context?.CancellationToken ?? default);

    [Function(FinishScan)]
    public Task<ScanResult> FinishScanAsync([ActivityTrigger] FinishWork work, FunctionContext context) =>
        activities.FinishAsync(work, context?.CancellationToken ?? default);
}
