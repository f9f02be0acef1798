using QaShopper.Core.Alerts;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Calls;

/// <summary>Everything the call page and <c>GET /api/calls/{id}</c> show of one call.</summary>
/// <param name="Stored">The call with its effective score (and the automatic one).</param>
/// <param name="ScenarioTitle">The scenario version's title, when the store has that version.</param>
/// <param name="Items">Each checklist item: wording, automatic and effective outcome, evidence.</param>
/// <param name="History">Every override, oldest first, with the outcome it changed from.</param>
/// <param name="Transcript">The transcript's lines with the evidence marked.</param>
/// <param name="HasRecording">Whether the recording can be played.</param>
/// <param name="RecordingOffset">Seconds from the recording's start to the answer (evidence times count from the answer).</param>
/// <param name="Alerts">The alerts sent about the call.</param>
/// <param name="CalibrationScorings">How many reviewers scored the call for calibration.</param>
public sealed record CallDetails(
    StoredCall Stored,
    string? ScenarioTitle,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<OverrideView> History,
    IReadOnlyList<TranscriptLine> Transcript,
    bool HasRecording,
    double RecordingOffset,
    IReadOnlyList<AlertRecord> Alerts,
    int CalibrationScorings);

/// <summary>One checklist item of a call.</summary>
/// <param name="Id">The item id.</param>
/// <param name="Text">Its wording in the scenario version scored, when known.</param>
/// <param name="Weight">Its points.</param>
/// <param name="Critical">Whether failing it fails the call.</param>
/// <param name="Automatic">The scorer's outcome.</param>
/// <param name="Outcome">The effective outcome (the latest override, else the scorer's).</param>
/// <param name="Evidence">What the scorer's outcome rests on.</param>
/// <param name="EvidenceStart">Seconds from the answer where the evidence starts, when it has a time.</param>
public sealed record ItemView(string Id, string? Text, double Weight, bool Critical, ItemOutcome Automatic, ItemOutcome Outcome, Evidence Evidence, double? EvidenceStart)
{
    public bool Overridden => Automatic != Outcome;
}

/// <summary>One override in the audit trail: who changed which item from what to what, when and why.</summary>
public sealed record OverrideView(string ItemId, ItemOutcome From, ItemOutcome To, string Reviewer, DateTimeOffset At, string? Reason);

/// <summary>One transcript segment, split into parts of which the evidence parts are marked.</summary>
public sealed record TranscriptLine(Speaker Speaker, double Start, double End, IReadOnlyList<TextPart> Parts);

/// <summary>A piece of a transcript line; <paramref name="Evidence"/> names the items it is evidence for.</summary>
public sealed record TextPart(string Text, IReadOnlyList<string> Evidence);

/// <summary>Reads one call's details from the stores.</summary>
public sealed class CallDetailsReader(IResultStore store, ICalibrationStore calibration, IAlertLog alerts, ScenarioVersions scenarios, RecordingFiles recordings)
{
    public async Task<CallDetails?> ReadAsync(string callId, CancellationToken cancellationToken)
    {
        var stored = await store.GetCallAsync(callId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var call = stored.Call;
        var scenario = await scenarios.GetAsync(call.ScenarioId, call.ScenarioHash, cancellationToken).ConfigureAwait(false);
        var texts = scenario?.Checklist.ToDictionary(i => i.Id, i => i.Text, StringComparer.Ordinal) ?? [];
        var effective = stored.Score?.Items.ToDictionary(i => i.Id, i => i.Outcome, StringComparer.Ordinal) ?? [];
        var items = (stored.AutomaticScore?.Items ?? [])
            .Select(i => new ItemView(i.Id, texts.GetValueOrDefault(i.Id), i.Weight, i.Critical, i.Outcome, effective.GetValueOrDefault(i.Id, i.Outcome), i.Evidence, StartOf(i.Evidence)))
            .ToList();

        var overrides = await store.GetOverridesAsync(callId, cancellationToken).ConfigureAwait(false);
        var current = items.ToDictionary(i => i.Id, i => i.Automatic, StringComparer.Ordinal);
        var history = new List<OverrideView>();
        foreach (var o in overrides.OrderBy(o => o.At))
        {
            var from = current.GetValueOrDefault(o.ItemId, o.Outcome);
            history.Add(new OverrideView(o.ItemId, from, o.Outcome, o.Reviewer, o.At, o.Note));
            current[o.ItemId] = o.Outcome;
        }

        var recording = recordings.Find(call);
        var scorings = await calibration.GetReviewsAsync(callId, cancellationToken).ConfigureAwait(false);
        var sent = await alerts.GetAlertsAsync(callId, cancellationToken).ConfigureAwait(false);
        return new CallDetails(
            stored,
            scenario?.Title,
            items,
            history,
            EvidenceMarks.Lines(call.Transcript, items),
            recording is not null,
            recording is null ? 0 : RecordingOffset(call, recording),
            sent,
            scorings.Count);
    }

    /// <summary>Where an item's evidence starts: its own time, else its first timed match (items with several phrases).</summary>
    internal static double? StartOf(Evidence evidence) =>
        evidence.Start ?? evidence.Matches?.Select(m => m.Start).FirstOrDefault(s => s is not null);

    /// <summary>
    /// Evidence times count from the answer, and recordings start at the answer (both carriers record the answered
    /// call); a recording clearly longer than the answered call also holds the ringing, so it starts the answer time
    /// before the answer.
    /// </summary>
    private static double RecordingOffset(CallRecord call, string path)
    {
        if (call is not { AnsweredAfter: > 0 and var answeredAfter, Duration: { } duration })
        {
            return 0;
        }

        try
        {
            var length = QaShopper.Audio.WavFile.Read(path).Duration.TotalSeconds;
            return length > duration + 1 ? answeredAfter : 0;
        }
        catch (QaShopper.Audio.WavFormatException)
        {
            return 0;
        }
    }
}
