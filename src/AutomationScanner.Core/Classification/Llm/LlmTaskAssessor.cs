using System.Collections.Concurrent;
using AutomationScanner.Core.Model;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// Assesses every candidate with the LLM: cached answers first, the rest in batches of
/// <see cref="LlmAssessorSettings.TasksPerRequest"/> with bounded concurrency and a token budget. Any fault
/// (throttling past the retries, server errors, timeouts, content filter, malformed or rejected answers,
/// budget exhausted) leaves the affected tasks ML-only with the reason; the scan always completes.
/// </summary>
public sealed class LlmTaskAssessor(
    ILlmCompletionClient client,
    IAssessmentCache cache,
    AssessmentPromptBuilder promptBuilder,
    LlmAssessorSettings settings,
    ILogger<LlmTaskAssessor> logger) : ITaskAssessor
{
    public bool IsConfigured => true;

    public async Task<AssessmentRun> AssessAsync(IReadOnlyList<TaskCandidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var results = new ConcurrentDictionary<string, TaskAssessment>(StringComparer.Ordinal);
        var tally = new Tally();

        // Candidates with identical content share one cache key and one answer.
        var byKey = new Dictionary<string, List<PreparedTask>>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var prepared = promptBuilder.Prepare(candidate, client.Deployment);
            if (!byKey.TryGetValue(prepared.CacheKey, out var group))
            {
                byKey[prepared.CacheKey] = group = [];
            }

            group.Add(prepared);
        }

        var misses = new List<PreparedTask>();
        foreach (var (key, group) in byKey)
        {
            var cached = await TryCacheAsync(key, cancellationToken);
            if (cached is null)
            {
                misses.Add(group[0]);
                continue;
            }

            foreach (var task in group)
            {
                results[task.TaskId] = new TaskAssessment { TaskId = task.TaskId, Status = AssessmentStatus.Assessed, Judgement = cached, FromCache = true };
                Interlocked.Increment(ref tally.CacheHits);
            }
        }

        var ledger = new TokenLedger(settings.TokenBudgetPerScan);
        var batches = misses.Chunk(Math.Max(1, settings.TasksPerRequest)).ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MaxConcurrency), CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                foreach (var (key, assessment) in await AssessBatchAsync(batch, ledger, tally, ct))
                {
                    foreach (var task in byKey[key])
                    {
                        results[task.TaskId] = assessment with { TaskId = task.TaskId };
                    }
                }
            });

        var fallbacks = results.Values.Where(r => r.Status == AssessmentStatus.Fallback).ToList();
        var usage = new LlmUsage
        {
            Enabled = true,
            Deployment = client.Deployment,
            PromptVersion = AssessmentPrompt.Version,
            Requests = tally.Requests,
            Retries = tally.Retries,
            InputTokens = tally.InputTokens,
            CachedInputTokens = tally.CachedInputTokens,
            OutputTokens = tally.OutputTokens,
            TokenBudget = settings.TokenBudgetPerScan,
            TasksAssessed = results.Values.Count(r => r.Status == AssessmentStatus.Assessed && !r.FromCache),
            CacheHits = tally.CacheHits,
            Fallbacks = fallbacks.Count,
            FallbacksByReason = fallbacks.GroupBy(f => f.FallbackReason).ToDictionary(g => g.Key, g => g.Count()),
            EstimatedCost = settings.Prices.Estimate(tally.InputTokens, tally.CachedInputTokens, tally.OutputTokens),
            Currency = settings.Prices.Currency,
        };
        logger.LogInformation(
            "LLM assessment: {Tasks} tasks, {Requests} requests, {CacheHits} cache hits, {Fallbacks} fallbacks, {InputTokens} tokens in, {OutputTokens} tokens out",
            candidates.Count,
            usage.Requests,
            usage.CacheHits,
            usage.Fallbacks,
            usage.InputTokens,
            usage.OutputTokens);
        return new AssessmentRun(new Dictionary<string, TaskAssessment>(results, StringComparer.Ordinal), usage);
    }

    /// <summary>Returns the assessment of each task of the batch, keyed by cache key.</summary>
    private async Task<List<(string Key, TaskAssessment Assessment)>> AssessBatchAsync(
        PreparedTask[] batch, TokenLedger ledger, Tally tally, CancellationToken cancellationToken)
    {
        var prompt = AssessmentPromptBuilder.BuildPrompt(batch);
        long estimate = AssessmentPromptBuilder.FixedPromptTokens + batch.Sum(t => t.EstimatedInputTokens) + prompt.MaxOutputTokens;
        if (!ledger.TryReserve(estimate))
        {
            return FallbackAll(batch, FallbackReason.BudgetExhausted, "Token budget per scan exhausted; request not sent.");
        }

        LlmCompletion completion;
        Interlocked.Increment(ref tally.Requests);
        try
        {
            completion = await client.CompleteAsync(prompt, cancellationToken);
        }
        catch (LlmCallException ex)
        {
            // A failed request may still have been billed, but the service reports no usage for it.
            ledger.Settle(estimate, 0);
            Interlocked.Add(ref tally.Retries, Math.Max(0, ex.Attempts - 1));
            logger.LogWarning("LLM request for {Tasks} tasks failed ({Reason}): {Detail}", batch.Length, ex.Reason, ex.Message);
            if (ex.Reason == FallbackReason.ContentFilter && batch.Length > 1)
            {
                return await SplitAsync(batch, ledger, tally, cancellationToken);
            }

            return FallbackAll(batch, ex.Reason, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ledger.Settle(estimate, 0);
            logger.LogWarning("LLM request for {Tasks} tasks failed with {ExceptionType}", batch.Length, ex.GetType().Name);
            return FallbackAll(batch, FallbackReason.Error, "Unexpected " + ex.GetType().Name + " calling the LLM.");
        }

        ledger.Settle(estimate, completion.InputTokens + completion.OutputTokens);
        Interlocked.Add(ref tally.Retries, Math.Max(0, completion.Attempts - 1));
        Interlocked.Add(ref tally.InputTokens, completion.InputTokens);
        Interlocked.Add(ref tally.CachedInputTokens, completion.CachedInputTokens);
        Interlocked.Add(ref tally.OutputTokens, completion.OutputTokens);

        switch (completion.Finish)
        {
            case LlmFinish.ContentFilter when batch.Length > 1:
                return await SplitAsync(batch, ledger, tally, cancellationToken);
            case LlmFinish.ContentFilter:
                return FallbackAll(batch, FallbackReason.ContentFilter, "The response was withheld by the content filter.");
            case LlmFinish.Length:
                return FallbackAll(batch, FallbackReason.MalformedResponse, "The response was cut off at the output token limit.");
        }

        var refs = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var rules = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Length; i++)
        {
            refs[AssessmentPromptBuilder.TaskRef(i)] = batch[i].EvidenceRefs;
            rules[AssessmentPromptBuilder.TaskRef(i)] = batch[i].CandidateRuleIds;
        }

        var outcome = AssessmentResponseValidator.Validate(completion.Content, refs, rules);
        if (outcome.ResponseError is { } error)
        {
            logger.LogWarning("LLM response for {Tasks} tasks rejected: {Error}", batch.Length, error);
            return FallbackAll(batch, FallbackReason.MalformedResponse, "Response rejected: " + error + ".");
        }

        var results = new List<(string, TaskAssessment)>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            var task = batch[i];
            var taskRef = AssessmentPromptBuilder.TaskRef(i);
            if (outcome.Accepted.TryGetValue(taskRef, out var judgement))
            {
                await TryStoreAsync(task.CacheKey, judgement, cancellationToken);
                results.Add((task.CacheKey, new TaskAssessment { TaskId = task.TaskId, Status = AssessmentStatus.Assessed, Judgement = judgement }));
            }
            else if (outcome.Rejected.TryGetValue(taskRef, out var reason))
            {
                results.Add((task.CacheKey, TaskAssessment.Fallback(task.TaskId, FallbackReason.RejectedByValidation, "Answer rejected: " + reason + ".")));
            }
            else
            {
                results.Add((task.CacheKey, TaskAssessment.Fallback(task.TaskId, FallbackReason.MissingFromResponse, "The response had no answer for this task.")));
            }
        }

        return results;
    }

    /// <summary>
    /// One task's text can make the content filter withhold a whole batch: halve the batch and ask again, so only
    /// the offending task falls back (about 2 log2(n) extra requests for one offender in n).
    /// </summary>
    private async Task<List<(string Key, TaskAssessment Assessment)>> SplitAsync(
        PreparedTask[] batch, TokenLedger ledger, Tally tally, CancellationToken cancellationToken)
    {
        var half = batch.Length / 2;
        var results = await AssessBatchAsync(batch[..half], ledger, tally, cancellationToken);
        results.AddRange(await AssessBatchAsync(batch[half..], ledger, tally, cancellationToken));
        return results;
    }

    private static List<(string, TaskAssessment)> FallbackAll(PreparedTask[] batch, FallbackReason reason, string detail) =>
        [.. batch.Select(t => (t.CacheKey, TaskAssessment.Fallback(t.TaskId, reason, detail)))];

    // A broken cache costs money, not correctness: read and write faults are logged and the scan goes on.
    private async Task<LlmJudgement?> TryCacheAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.TryGetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Assessment cache read failed with {ExceptionType}", ex.GetType().Name);
            return null;
        }
    }

    private async Task TryStoreAsync(string key, LlmJudgement judgement, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SetAsync(key, judgement, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Assessment cache write failed with {ExceptionType}", ex.GetType().Name);
        }
    }

    private sealed class Tally
    {
        public int Requests;
        public int Retries;
        public int CacheHits;
        public long InputTokens;
        public long CachedInputTokens;
        public long OutputTokens;
    }
}
