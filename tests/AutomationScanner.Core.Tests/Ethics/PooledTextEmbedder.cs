using System.Collections.Concurrent;
using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 42, CI time: the evaluation's model as two ONNX sessions of one thread each, so the two test classes xUnit runs
/// side by side embed at the same time instead of queueing for one session (about 200 of the heaviest classes' test
/// seconds were waits on its lock). A call takes whichever session is free. The vectors do not depend on the session or
/// its thread count (<see cref="PooledTextEmbedderTests"/>).
/// </summary>
internal sealed class PooledTextEmbedder : ITextEmbedder, IDisposable
{
    private readonly MiniLmTextEmbedder[] _sessions;
    private readonly ConcurrentBag<MiniLmTextEmbedder> _free;
    private readonly SemaphoreSlim _available;

    public PooledTextEmbedder(int sessions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sessions);
        _sessions = [.. Enumerable.Range(0, sessions).Select(_ => new MiniLmTextEmbedder(threads: 1))];
        _free = [.. _sessions];
        _available = new SemaphoreSlim(sessions, sessions);
    }

    public string ModelId => _sessions[0].ModelId;

    public int Dimensions => _sessions[0].Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        _available.Wait(cancellationToken);
        if (!_free.TryTake(out var session))
        {
            _available.Release();
            throw new InvalidOperationException("no free session although the semaphore admitted the call");
        }

        try
        {
            return session.Embed(texts, cancellationToken);
        }
        finally
        {
            _free.Add(session);
            _available.Release();
        }
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }

        _available.Dispose();
    }
}
