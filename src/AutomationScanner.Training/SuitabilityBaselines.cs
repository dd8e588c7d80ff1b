using System.Text.RegularExpressions;

using AutomationScanner.Core.Classification;

namespace AutomationScanner.Training;

/// <summary>
/// Trivial learners the model has to beat, cross-validated the same way (folds grouped by occupation): the majority
/// class (a constant score, so no ranking at all) and multinomial naive Bayes on word unigrams and bigrams.
/// </summary>
public static partial class SuitabilityBaselines
{
    /// <summary>Predicts the training prior for exposure and the mean training rating for automation (the same for every row).</summary>
    public static CrossValidationResult CrossValidateMajority(IReadOnlyList<LabelledTask> tasks, int folds, int seed, CancellationToken cancellationToken = default) =>
        SuitabilityModelTrainer.CrossValidateWith("Majority class (training prior)", tasks, folds, seed, (train, test) =>
        {
            var prior = Prior(train.Select(i => (int)tasks[i].Label), ExposureClassLabels.Count);
            var rated = train.Where(i => tasks[i].Automation is not null).ToArray();
            var mean = rated.Length == 0 ? 0 : rated.Average(i => tasks[i].Automation!.Value) / 4.0;
            return test.Select(i => SuitabilityModelTrainer.Scored(tasks[i], prior, mean)).ToArray();
        }, cancellationToken);

    /// <summary>Multinomial naive Bayes (Laplace smoothing) on lower-cased word unigrams and bigrams, one per target.</summary>
    public static CrossValidationResult CrossValidateNaiveBayes(IReadOnlyList<LabelledTask> tasks, int folds, int seed, CancellationToken cancellationToken = default) =>
        SuitabilityModelTrainer.CrossValidateWith("Naive Bayes, word 1-2-grams", tasks, folds, seed, (train, test) =>
        {
            var exposure = NaiveBayes.Fit(train.Select(i => (tasks[i].Text, (int)tasks[i].Label)), ExposureClassLabels.Count);
            var automation = NaiveBayes.Fit(
                train.Where(i => tasks[i].Automation is not null).Select(i => (tasks[i].Text, tasks[i].Automation!.Value)),
                SuitabilityModelTrainer.AutomationLevels);
            return test.Select(i => SuitabilityModelTrainer.Scored(
                tasks[i], exposure.Predict(tasks[i].Text), SuitabilityModelTrainer.ExpectedRating(automation.Predict(tasks[i].Text)))).ToArray();
        }, cancellationToken);

    private static float[] Prior(IEnumerable<int> labels, int classes)
    {
        var counts = new float[classes];
        var total = 0;
        foreach (var label in labels)
        {
            counts[label]++;
            total++;
        }

        return counts.Select(c => total == 0 ? 1f / classes : c / total).ToArray();
    }

    [GeneratedRegex("[a-z]+")]
    private static partial Regex WordPattern();

    internal static List<string> Grams(string text)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var grams = new List<string>(words.Length * 2);
        grams.AddRange(words);
        for (var i = 1; i < words.Length; i++)
        {
            grams.Add(words[i - 1] + " " + words[i]);
        }

        return grams;
    }

    internal sealed class NaiveBayes
    {
        private readonly double[] logPrior;
        private readonly Dictionary<string, double[]> logLikelihood;

        private NaiveBayes(double[] logPrior, Dictionary<string, double[]> logLikelihood)
        {
            this.logPrior = logPrior;
            this.logLikelihood = logLikelihood;
        }

        public static NaiveBayes Fit(IEnumerable<(string Text, int Label)> rows, int classes)
        {
            var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var totals = new double[classes];
            var documents = new double[classes];
            foreach (var (text, label) in rows)
            {
                documents[label]++;
                foreach (var gram in Grams(text))
                {
                    if (!counts.TryGetValue(gram, out var perClass))
                    {
                        counts[gram] = perClass = new double[classes];
                    }

                    perClass[label]++;
                    totals[label]++;
                }
            }

            var vocabulary = counts.Count;
            var logPrior = documents.Select(d => Math.Log((d + 1) / (documents.Sum() + classes))).ToArray();
            var likelihood = counts.ToDictionary(
                e => e.Key, e => e.Value.Select((c, k) => Math.Log((c + 1) / (totals[k] + vocabulary))).ToArray(), StringComparer.Ordinal);
            return new NaiveBayes(logPrior, likelihood);
        }

        /// <summary>Posterior class probabilities; grams never seen in training are ignored.</summary>
        public float[] Predict(string text)
        {
            var scores = (double[])logPrior.Clone();
            foreach (var gram in Grams(text))
            {
                if (logLikelihood.TryGetValue(gram, out var perClass))
                {
                    for (var k = 0; k < scores.Length; k++)
                    {
                        scores[k] += perClass[k];
                    }
                }
            }

            var max = scores.Max();
            var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
            var sum = exp.Sum();
            return exp.Select(e => (float)(e / sum)).ToArray();
        }
    }
}
