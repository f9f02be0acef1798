using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Core.Calls;

/// <summary>What became of one placed call.</summary>
/// <param name="Call">The stored call.</param>
/// <param name="Score">The score, when the call was answered and recorded.</param>
/// <param name="Truth">The ground truth, when the carrier knows it (simulated calls).</param>
public sealed record CallOutcome(CallRecord Call, CallScore? Score, CallGroundTruth? Truth);

/// <summary>
/// Places one call through a carrier, follows its events to the end, then hands a recorded call to the pipeline.
/// Every call ends stored in exactly one state, with its ground truth when the carrier reports one.
/// </summary>
/// <remarks>Ground truth is kept only where a <see cref="IGroundTruthStore"/> is registered (hosts of the simulator).</remarks>
public sealed class CallRunner(ICarrier carrier, CallPipeline pipeline, IResultStore store, TimeProvider clock, IGroundTruthStore? groundTruth = null)
{
    public Task<CallOutcome> RunAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FollowAsync(request, clock.GetUtcNow(), carrier.PlaceCallAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Takes up a call an earlier host placed and did not see end (a carrier whose calls outlive the host): follows it
    /// to its end through <see cref="IResumableCarrier.ResumeCallAsync"/>, without dialling again, then processes it
    /// as <see cref="RunAsync"/> would have.
    /// </summary>
    /// <param name="request">The call as it was placed.</param>
    /// <param name="placedAt">When it was placed.</param>
    /// <param name="cancellationToken">Stops following (the carrier hangs the call up).</param>
    /// <exception cref="InvalidOperationException">The carrier cannot take calls up again.</exception>
    public Task<CallOutcome> ResumeAsync(CallRequest request, DateTimeOffset placedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resumable = carrier as IResumableCarrier
            ?? throw new InvalidOperationException($"the {carrier.Name} carrier cannot take up a call placed by an earlier host");
        return FollowAsync(request, placedAt, resumable.ResumeCallAsync(request, cancellationToken), cancellationToken);
    }

    private async Task<CallOutcome> FollowAsync(CallRequest request, DateTimeOffset placedAt, IAsyncEnumerable<CallEvent> events, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario.Scenario;
        double? answeredAfter = null;
        TimeSpan? lastPressBeforeAnswer = null;
        CallCompleted? completed = null;
        RecordingReady? recording = null;
        CallGroundTruth? truth = null;

        using (CallActivities.Start(CallActivities.Place, request.CallId))
        {
            await foreach (var callEvent in events.ConfigureAwait(false))
            {
                switch (callEvent)
                {
                    case StepPlayed played when answeredAfter is null && IsPress(scenario, played.StepIndex):
                        lastPressBeforeAnswer = played.At;
                        break;
                    case CallAnswered answered:
                        // The contract counts the answer time after the last key press when the script navigates a menu.
                        answeredAfter = (answered.At - (lastPressBeforeAnswer ?? TimeSpan.Zero)).TotalSeconds;
                        break;
                    case CallCompleted done:
                        completed = done;
                        break;
                    case RecordingReady ready:
                        recording = ready;
                        break;
                    case GroundTruthDrawn drawn:
                        truth = drawn.Truth;
                        break;
                }
            }
        }

        var status = completed?.Status ?? CallStatus.Failed;
        var call = new CallRecord(
            request.CallId,
            scenario.Id,
            scenario.ContentHash,
            AgentId: null, // who answered is learnt from what they say, as on a real line; the truth keeps the real agent
            carrier.Name,
            placedAt,
            status,
            answeredAfter,
            completed?.Duration,
            recording?.Path,
            Transcript: null,
            request.Scenario.Choices,
            request.PlannedFor);

        CallScore? score = null;
        if (status == CallStatus.Completed && recording is not null)
        {
            score = await pipeline.ProcessAsync(call, scenario, recording.AgentChannel, cancellationToken).ConfigureAwait(false);
            call = call with { AgentId = score.Agent };
        }
        else
        {
            await store.SaveCallAsync(call, null, cancellationToken).ConfigureAwait(false);
        }

        if (truth is not null && groundTruth is not null)
        {
            await groundTruth.SaveAsync(truth, cancellationToken).ConfigureAwait(false);
        }

        return new CallOutcome(call, score, truth);
    }

    private static bool IsPress(Scenario scenario, int stepIndex) =>
        stepIndex >= 0 && stepIndex < scenario.Script.Count && scenario.Script[stepIndex] is PressStep;
}
