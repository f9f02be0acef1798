using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Audio;
using QaShopper.Core.Calls;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Transcripts;
using QaShopper.Hosting;
using QaShopper.Rendering;
using QaShopper.Scenarios;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper score --scenario FILE --transcript FILE [--json] [--save]</c>: scores one call against
/// the scenario's checklist and prints the score sheet (or exactly the result JSON).
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var scenario = new Option<string>("--scenario") { Description = "The scenario file the call followed", HelpName = "FILE", Required = true };
        var transcript = new Option<string?>("--transcript") { Description = "The call's transcript (JSON, see docs/scenario-format)", HelpName = "FILE" };
        var recording = new Option<string?>("--recording") { Description = "A two-channel WAV recording of the call (needs local transcription)", HelpName = "FILE" };
        var agentChannel = new Option<int>("--agent-channel") { Description = "Which channel of the recording is the agent", HelpName = "1|2", DefaultValueFactory = _ => 2 };
        agentChannel.AcceptOnlyFromAmong("1", "2");
        var answeredAfter = new Option<double?>("--answered-after") { Description = "Seconds from dialling to answer, for a recording", HelpName = "SECONDS" };
        var agent = new Option<string?>("--agent") { Description = "The agent, when the checklist does not identify one", HelpName = "ID" };
        var json = new Option<bool>("--json") { Description = "Print exactly the result JSON on stdout and nothing else" };
        var save = new Option<bool>("--save") { Description = "Store the call and its result in the database" };
        var writeTranscript = new Option<string?>("--write-transcript") { Description = "Also write the transcript (what the recogniser heard, with times and confidences) as JSON", HelpName = "FILE" };

        var command = new Command("score", "Score one call against a scenario's checklist")
        {
            scenario, transcript, recording, agentChannel, answeredAfter, agent, json, save, writeTranscript,
        };
        command.Validators.Add(result =>
        {
            var hasTranscript = result.GetValue(transcript) is not null;
            var hasRecording = result.GetValue(recording) is not null;
            if (hasTranscript == hasRecording)
            {
                result.AddError("give exactly one of --transcript FILE or --recording FILE");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var recordingFile = parse.GetValue(recording);
            var request = new ScoreRequest(
                parse.GetRequiredValue(scenario),
                parse.GetValue(transcript),
                parse.GetValue(agent)?.ToLowerInvariant(),
                parse.GetValue(json),
                parse.GetValue(save))
            {
                Recording = recordingFile is null ? null : new RecordingInput(recordingFile, parse.GetRequiredValue(agentChannel), parse.GetValue(answeredAfter)),
                WriteTranscript = parse.GetValue(writeTranscript),
            };

            // Only a recording needs the recogniser; scoring a transcript stays free of the speech engines.
            using var host = await AppHost.StartAsync(parse, recordingFile is null ? HostFeatures.Store : HostFeatures.Transcription, cancellationToken).ConfigureAwait(false);
            return await RunAsync(request, host.Services, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal sealed record ScoreRequest(string ScenarioFile, string? TranscriptFile, string? Agent, bool Json, bool Save)
    {
        public RecordingInput? Recording { get; init; }

        public string? WriteTranscript { get; init; }
    }

    /// <summary>A two-channel recording to transcribe before scoring.</summary>
    internal sealed record RecordingInput(string Path, int AgentChannel, double? AnsweredAfter);

    internal static async Task<int> RunAsync(ScoreRequest request, IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        var (scenario, score, callId) = await ScoreAndSaveAsync(request, services, cancellationToken).ConfigureAwait(false);
        if (callId is not null)
        {
            await console.Error.WriteLineAsync($"saved as call {callId}").ConfigureAwait(false);
        }

        if (request.Json)
        {
            await console.Out.WriteLineAsync(CallScoreJson.Serialize(score)).ConfigureAwait(false);
        }
        else
        {
            ScoreSheetRenderer.Render(console.Rich, scenario, score);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Scores the call and, when asked, stores it; returns the stored call id (null when not saved).</summary>
    internal static async Task<(Scenario Scenario, CallScore Score, string? CallId)> ScoreAndSaveAsync(ScoreRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (scenario, scenarioText) = ScenarioFiles.LoadValid(request.ScenarioFile);
        // The content fingerprint only matters when saving, so the recording is hashed (streamed) only then.
        var (transcript, fingerprint) = request.Recording is { } recording
            ? (await TranscribeAsync(recording, scenario, services, cancellationToken).ConfigureAwait(false), () => HashFile(recording.Path))
            : ReadTranscript(request.TranscriptFile!);

        if (request.WriteTranscript is { } transcriptOut)
        {
            await File.WriteAllTextAsync(transcriptOut, TranscriptJson.Serialize(transcript), cancellationToken).ConfigureAwait(false);
        }

        var score = services.GetRequiredService<ChecklistScorer>().Score(scenario, transcript, request.Agent);
        if (!request.Save)
        {
            return (scenario, score, null);
        }

        var store = services.GetRequiredService<IResultStore>();
        await store.SaveScenarioAsync(scenario, scenarioText, cancellationToken).ConfigureAwait(false);
        var call = ImportedCall(scenario, transcript, fingerprint(), score, services.GetRequiredService<TimeProvider>())
            with { RecordingPath = request.Recording is null ? null : Path.GetFullPath(request.Recording.Path) };
        await store.SaveCallAsync(call, score, cancellationToken).ConfigureAwait(false);
        return (scenario, score, call.CallId);
    }

    /// <summary>
    /// An imported transcript or recording becomes a call whose id is derived from the scenario version and the
    /// content's SHA-256, so saving the same input twice updates one call instead of adding a second.
    /// </summary>
    private static CallRecord ImportedCall(Scenario scenario, Transcript transcript, byte[] contentHash, CallScore score, TimeProvider clock)
    {
        var key = SHA256.HashData([.. Encoding.UTF8.GetBytes(scenario.ContentHash + "\n"), .. contentHash]);
        var callId = "import-" + Convert.ToHexStringLower(key)[..16];
        return new CallRecord(
            callId,
            scenario.Id,
            scenario.ContentHash,
            score.Agent,
            Carrier: "import",
            clock.GetUtcNow(),
            transcript.WasAnswered ? CallStatus.Completed : CallStatus.NoAnswer,
            transcript.AnsweredAfter,
            transcript.Duration,
            RecordingPath: null,
            transcript,
            new Dictionary<string, string>(StringComparer.Ordinal));
    }

    private static (Transcript Transcript, Func<byte[]> Fingerprint) ReadTranscript(string file)
    {
        var text = ScenarioFiles.ReadText(file);
        try
        {
            return (TranscriptJson.Parse(text, file), () => SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
        catch (TranscriptFormatException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static async Task<Transcript> TranscribeAsync(RecordingInput recording, Scenario scenario, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!File.Exists(recording.Path))
        {
            throw new CliException($"{recording.Path}: no such recording");
        }

        try
        {
            return await CallPipeline.TranscribeAsync(recording.Path, recording.AgentChannel, recording.AnsweredAfter, scenario, services.GetRequiredService<ITranscriber>(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WavFormatException ex)
        {
            throw new CliException(ex.Message);
        }
        catch (SpeechEngineException ex)
        {
            throw new CliException($"{recording.Path}: {ex.Message}");
        }
    }

    private static byte[] HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }
}
