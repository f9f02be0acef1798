using System.Globalization;
using QaShopper.Cli;
using QaShopper.Core.Evaluation;
using QaShopper.Core.Scoring;
using Spectre.Console;

namespace QaShopper.Commands;

/// <summary>
/// <c>eval --trade-off</c>: the kept calls scored again as each decision threshold moves (the others as configured), so
/// false fails, false passes and the review rate can be weighed together before a setting is changed.
/// </summary>
internal static class EvalTradeOff
{
    /// <summary>The thresholds that decide between passed, failed and uncertain, and the values each is tried at.</summary>
    private static readonly (string Setting, double[] Values, Func<ScoringOptions, double> Get, Action<ScoringOptions, double> Set)[] Sweeps =
    [
        (nameof(ScoringOptions.ReliableSpeechConfidence), [0, 0.2, 0.3, 0.4, 0.5, 0.6], o => o.ReliableSpeechConfidence, (o, v) => o.ReliableSpeechConfidence = v),
        (nameof(ScoringOptions.MisheardSimilarity), [0.3, 0.4, 0.5, 0.6, 0.7], o => o.MisheardSimilarity, (o, v) => o.MisheardSimilarity = v),
        (nameof(ScoringOptions.MinConfidence), [0.4, 0.5, 0.6, 0.7], o => o.MinConfidence, (o, v) => o.MinConfidence = v),
        (nameof(ScoringOptions.ReliableCallConfidence), [0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65], o => o.ReliableCallConfidence, (o, v) => o.ReliableCallConfidence = v),
        (nameof(ScoringOptions.CriticalNearMissFloor), [0.5, 0.6, 0.7, 1.0], o => o.CriticalNearMissFloor, (o, v) => o.CriticalNearMissFloor = v),
    ];

    /// <summary>One row: a setting at one value and what the kept calls come to with it.</summary>
    public sealed record Row(string Setting, double Value, bool IsConfigured, EvaluationReport Report);

    public static IReadOnlyList<Row> Sweep(EvalRescore kept, ScoringOptions configured)
    {
        var rows = new List<Row>();
        foreach (var (setting, values, get, set) in Sweeps)
        {
            foreach (var value in values)
            {
                var options = configured.Clone();
                set(options, value);
                rows.Add(new Row(setting, value, Math.Abs(get(configured) - value) < 1e-9, kept.Evaluate(options)));
            }
        }

        return rows;
    }

    public static void Write(string set, int seed, IReadOnlyList<Row> rows, CliConsole console)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title($"[bold]{set} set, seed {seed}: the kept calls as each threshold moves (others as configured; * the configured value)[/]");
        foreach (var column in new[] { "Setting", "Value", "False fails /100 items", "False passes /100 items", "Uncertain /100 items", "Calls to review", "False fails /call", "False passes /call", "Agreement, decided items", "Within 5 points, decided items", "Critical false fails" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var (setting, value, configured, r) in rows)
        {
            table.AddRow(
                setting,
                F(value) + (configured ? " *" : ""),
                F(r.FalseFailsPer100Items),
                F(r.FalsePassesPer100Items),
                F(r.Items == 0 ? 0 : 100.0 * r.Uncertain / r.Items),
                P(r.ReviewRate),
                F(r.FalseFailsPerCall),
                F(r.FalsePassesPerCall),
                P(r.ConfidentItemAgreement),
                P(r.ShareWithin5ConfidentPoints),
                r.CriticalFalseFails.ToString(CultureInfo.InvariantCulture));
        }

        console.Rich.Write(table);
    }

    public static object Json(IReadOnlyList<Row> rows) => rows.Select(r => new
    {
        setting = r.Setting,
        value = r.Value,
        configured = r.IsConfigured,
        falseFailsPer100Items = Math.Round(r.Report.FalseFailsPer100Items, 2),
        falsePassesPer100Items = Math.Round(r.Report.FalsePassesPer100Items, 2),
        uncertainPer100Items = Math.Round(r.Report.Items == 0 ? 0 : 100.0 * r.Report.Uncertain / r.Report.Items, 2),
        reviewRate = Math.Round(r.Report.ReviewRate, 4),
        falseFailsPerCall = Math.Round(r.Report.FalseFailsPerCall, 3),
        falsePassesPerCall = Math.Round(r.Report.FalsePassesPerCall, 3),
        confidentItemAgreement = Math.Round(r.Report.ConfidentItemAgreement, 4),
        callsWithin5ConfidentPoints = Math.Round(r.Report.ShareWithin5ConfidentPoints, 4),
        criticalFalseFails = r.Report.CriticalFalseFails,
    });

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
