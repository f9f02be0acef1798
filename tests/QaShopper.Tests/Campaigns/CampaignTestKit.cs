using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Scheduling;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;
using QaShopper.Core.Calls;
using QaShopper.Hosting;
using QaShopper.LiteDb;
using QaShopper.Tests.Scenarios;

namespace QaShopper.Tests.Campaigns;

/// <summary>Campaigns, planned calls, fakes and hosts for the scheduler tests.</summary>
internal static class CampaignTestKit
{
    /// <summary>The test catalog serves the example scenario whatever the version asked for.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoScenarioVersions = new Dictionary<string, string>(StringComparer.Ordinal) { ["example"] = "any" };

    public const string Line = "+441134960001";

    public static readonly Scenario Example = ScenarioParser.Parse(ExampleScenario.Yaml, "example.yaml").Scenario!;

    public static ServicePeriod AllDay { get; } = new("all-day", Enum.GetValues<DayOfWeek>().ToHashSet(), new DailyWindow(TimeSpan.Zero, TimeSpan.FromHours(24)));

    public static Campaign Campaign(
        string id = "acme",
        CampaignRetries? retries = null,
        DateOnly? to = null,
        int maxPerLine = 1,
        IReadOnlyList<ServicePeriod>? periods = null,
        DateOnly? from = null) =>
        new(
            id,
            "Acme " + id,
            from ?? new DateOnly(2026, 1, 1),
            to ?? new DateOnly(2099, 12, 31),
            [new CampaignSite("leeds", TimeZoneInfo.Utc, [], [], [], periods ?? [AllDay])],
            [new TargetLine(Line, "leeds", ["sarah", "tom"], [])],
            [new WeightedScenario("example", 1)],
            new CampaignQuotas(3, 1, null),
            new CampaignPacing(maxPerLine, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            new CampaignAnonymity(["+447700900001"], 7, [], Jitter: false),
            retries ?? CampaignRetries.None,
            "acme.yaml",
            "hash-" + id);

    public static PlannedCall Call(string callId, DateTimeOffset at, DateTimeOffset windowEnd, string campaignId = "acme", string period = "all-day", int seed = 7) =>
        new(callId, campaignId, "leeds", Line, period, DateOnly.FromDateTime(at.UtcDateTime), at, windowEnd, "example", "+447700900001", null, seed);

    public static CampaignPlan Plan(Campaign campaign, params PlannedCall[] calls) =>
        new(campaign, campaign.From, campaign.To, calls, []);

    /// <summary>Polls until <paramref name="condition"/> holds, failing after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, double seconds = 8)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A host as the service runs it, on <paramref name="databasePath"/>, with fakes for the carrier and recogniser.</summary>
    /// <param name="databasePath">The store's file.</param>
    /// <param name="carrier">The fake line.</param>
    /// <param name="maxConcurrentCalls">Scheduler threads.</param>
    /// <param name="misfireThreshold">How late still counts as on time.</param>
    /// <param name="stopGracePeriod">How long a stop waits for calls in progress before interrupting them.</param>
    /// <param name="campaignScope">Run only this campaign (as a command running one campaign does); null runs all (serve).</param>
    /// <param name="storedScenarios">True: scenarios are read back from the result store by version, as in production; false: the example, whatever the version.</param>
    public static IHost BuildHost(
        string databasePath,
        FakeCarrier carrier,
        int maxConcurrentCalls = 2,
        string misfireThreshold = "00:00:05",
        string stopGracePeriod = "00:00:00",
        string? campaignScope = null,
        bool storedScenarios = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Path"] = databasePath,
            ["Scheduler:MaxConcurrentCalls"] = maxConcurrentCalls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduler:MisfireThreshold"] = misfireThreshold,
            ["Scheduler:StopGracePeriod"] = stopGracePeriod,
            ["Recordings:Directory"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "recordings"),
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddLiteDbStore();
        builder.AddScoring();
        builder.Services.AddSingleton<ICarrier>(carrier);
        builder.Services.AddSingleton<ITranscriber, FakeTranscriber>();
        builder.Services.AddSingleton<CallPipeline>();
        builder.Services.AddSingleton<CallRunner>();
        builder.Services.AddSingleton<CampaignBook>();
        if (!storedScenarios)
        {
            builder.Services.AddSingleton<IScenarioCatalog, ExampleCatalog>();
        }

        builder.AddCampaignScheduling(campaignScope);
        return builder.Build();
    }

    public static async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }

    private sealed class ExampleCatalog : IScenarioCatalog
    {
        public Task<Scenario?> FindAsync(string scenarioId, string contentHash, CancellationToken cancellationToken) =>
            Task.FromResult(scenarioId == "example" ? Example : null);
    }
}

/// <summary>What the fake line does when called.</summary>
internal enum FakeOutcome
{
    Completed,
    NoAnswer,
    Busy,
    Failed,
}

/// <summary>
/// A carrier that records every call id it is asked to place (shared across hosts, to prove no attempt is placed twice),
/// answers as told per call id, and can hold a call until released (or until the host cancels it).
/// </summary>
internal sealed class FakeCarrier(ConcurrentQueue<string>? placed = null) : IResumableCarrier
{
    private readonly ConcurrentDictionary<string, FakeOutcome> outcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> holds = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Placed { get; } = placed ?? new ConcurrentQueue<string>();

    /// <summary>The content hash of the scenario version each call was placed with, by call id.</summary>
    public ConcurrentDictionary<string, string> ScenarioVersions { get; } = new(StringComparer.Ordinal);

    public string Name => "fake";

    public FakeCarrier Answer(string callId, FakeOutcome outcome)
    {
        outcomes[callId] = outcome;
        return this;
    }

    /// <summary>Holds <paramref name="callId"/> in progress until <see cref="Release"/>.</summary>
    public FakeCarrier Hold(string callId)
    {
        holds[callId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return this;
    }

    public void Release(string callId) => holds[callId].TrySetResult();

    /// <summary>Calls an earlier host placed that this carrier still has going (as Twilio would after a restart).</summary>
    public ConcurrentDictionary<string, bool> InFlight { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls taken up again instead of placed.</summary>
    public ConcurrentQueue<string> Resumed { get; } = new();

    public Task<bool> IsInFlightAsync(string callId, CancellationToken cancellationToken = default) => Task.FromResult(InFlight.ContainsKey(callId));

    public IAsyncEnumerable<CallEvent> ResumeCallAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        Resumed.Enqueue(request.CallId);
        return FollowAsync(request, cancellationToken);
    }

    public IAsyncEnumerable<CallEvent> PlaceCallAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        Placed.Enqueue(request.CallId);
        ScenarioVersions[request.CallId] = request.Scenario.Scenario.ContentHash;
        return FollowAsync(request, cancellationToken);
    }

    private async IAsyncEnumerable<CallEvent> FollowAsync(CallRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new CallRinging(request.CallId, TimeSpan.Zero);
        if (holds.TryGetValue(request.CallId, out var hold))
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        var outcome = outcomes.GetValueOrDefault(request.CallId, FakeOutcome.Completed);
        if (outcome != FakeOutcome.Completed)
        {
            var status = outcome switch
            {
                FakeOutcome.NoAnswer => CallStatus.NoAnswer,
                FakeOutcome.Busy => CallStatus.Busy,
                _ => CallStatus.Failed,
            };
            yield return new CallCompleted(request.CallId, TimeSpan.FromSeconds(30), status, null);
            yield break;
        }

        yield return new CallAnswered(request.CallId, TimeSpan.FromSeconds(4));
        yield return new CallCompleted(request.CallId, TimeSpan.FromSeconds(64), CallStatus.Completed, 60);

        // The fake recogniser never opens it: a path is all the pipeline needs.
        yield return new RecordingReady(request.CallId, TimeSpan.FromSeconds(64), request.CallId + ".wav", 2);
    }
}

/// <summary>Hears Sarah greet and answer, whatever the recording.</summary>
internal sealed class FakeTranscriber : ITranscriber
{
    public string Engine => "fake";

    public bool Supports(string locale) => true;

    public Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Transcript(request.AnsweredAfter, 60,
        [
            new TranscriptSegment(Speaker.Agent, 0.5, 3, "Thank you for calling Acme, my name is Sarah."),
            new TranscriptSegment(Speaker.Caller, 4, 7, "When are you open on Saturday?"),
            new TranscriptSegment(Speaker.Agent, 8, 11, "From nine to one."),
        ]));
}
