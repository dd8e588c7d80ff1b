using System.Text;
using System.Text.Json;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 11's experiment input (docs/ranking.md): every labelled case with the rules screen's tier and hits
/// (cases.jsonl) and the MiniLM cosine matrices of the case texts (text, text joined with its context, mean of text and
/// context; float32, row-major). tools/risk-learned-sweep.py reads them for the nested parameter sweep.
/// </summary>
public sealed class RiskLearnedDump
{
    [Fact]
    public void Dump()
    {
        var folder = Environment.GetEnvironmentVariable("RISK_DUMP_OUT");
        Assert.SkipWhen(string.IsNullOrEmpty(folder), "set RISK_DUMP_OUT to a folder to write the dump");

        var batches = new (string Name, IReadOnlyList<RiskCase> Cases)[]
        {
            ("cases", RiskEvaluation.Cases), ("fresh", RiskEvaluation.Fresh), ("r3", RiskEvaluation.HeldOutR3), ("r3b", RiskEvaluation.FreshR3b),
            ("r4", RiskEvaluation.FreshR4), ("r5", RiskEvaluation.FreshR5), ("r6", RiskEvaluation.FreshR6), ("r7", RiskEvaluation.FreshR7),
            ("r8", RiskEvaluation.FreshR8), ("r9", RiskEvaluation.FreshR9), ("r10", RiskEvaluation.FreshR10),
        };
        var screen = RiskEvaluation.Screen();
        var lines = new StringBuilder();
        var all = new List<RiskCase>();
        foreach (var (name, cases) in batches)
        {
            foreach (var c in cases)
            {
                var a = RiskEvaluation.Assess(screen, c.Text, c.Context);
                var hits = a.Hits.Where(h => h.Applied).Select(h => new { h.RuleId, Tier = h.Tier.ToString(), Scope = h.Evidence.Scope.ToString(), h.Evidence.Similarity, Ref = screen.Catalogue.Rule(h.RuleId)?.Definition.Ref });
                lines.AppendLine(JsonSerializer.Serialize(new { Batch = name, c.Id, c.Group, Tier = c.Tier.ToString(), Accept = c.Accept?.Select(t => t.ToString()), c.Ref, c.Kind, c.Text, c.Context, Actual = a.Tier.ToString(), RuleTier = a.RuleTier.ToString(), Hits = hits }));
                all.Add(c);
            }
        }

        File.WriteAllText(Path.Combine(folder!, "cases.jsonl"), lines.ToString());
        var embedder = RiskEvaluation.Embedder.Value;
        var text = embedder.Embed([.. all.Select(c => c.Text)], TestContext.Current.CancellationToken);
        var joined = embedder.Embed([.. all.Select(c => c.Context is { } x ? c.Text + ". " + x : c.Text)], TestContext.Current.CancellationToken);
        var context = embedder.Embed([.. all.Select(c => c.Context ?? c.Text)], TestContext.Current.CancellationToken);
        var mean = text.Zip(context, (t, x) => Normalize(t.Zip(x, (a, b) => a + b).ToArray())).ToArray();
        foreach (var (name, vectors) in new[] { ("text", text), ("joined", joined), ("mean", mean) })
        {
            using var w = new BinaryWriter(File.Create(Path.Combine(folder!, name + ".sim")));
            foreach (var v in vectors)
            {
                foreach (var u in vectors)
                {
                    var dot = 0f;
                    for (var k = 0; k < v.Length; k++)
                    {
                        dot += v[k] * u[k];
                    }

                    w.Write(dot);
                }
            }
        }
    }

    private static float[] Normalize(float[] v)
    {
        var n = MathF.Sqrt(v.Sum(x => x * x));
        return n == 0 ? v : [.. v.Select(x => x / n)];
    }
}
