using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Reviews;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Calls;

/// <summary>Reads the calibration scorings and the calls they scored, and compares them.</summary>
public sealed class CalibrationReader(ICalibrationStore calibration, IResultStore store, ScenarioVersions scenarios)
{
    public async Task<CalibrationReport> ReadAsync(CancellationToken cancellationToken)
    {
        var reviews = await calibration.GetAllReviewsAsync(cancellationToken).ConfigureAwait(false);
        var calls = new Dictionary<string, StoredCall>(StringComparer.Ordinal);
        var grades = new Dictionary<string, GradeThresholds>(StringComparer.Ordinal);
        foreach (var callId in reviews.GroupBy(r => r.CallId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            if (await store.GetCallAsync(callId, cancellationToken).ConfigureAwait(false) is not { } call)
            {
                continue;
            }

            calls[callId] = call;
            var scenario = await scenarios.GetAsync(call.Call.ScenarioId, call.Call.ScenarioHash, cancellationToken).ConfigureAwait(false);
            grades[callId] = scenario?.Grades ?? GradeThresholds.Default;
        }

        return CalibrationReportBuilder.Build(reviews, calls, c => grades[c.Call.CallId]);
    }
}
