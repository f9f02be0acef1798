using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Cli;
using QaShopper.Core.Calls;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scoring;
using QaShopper.Hosting;
using QaShopper.Simulation;
using Spectre.Console;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper bench</c>: real-time factors of the offline speech path on one core: synthesis, transcription and the
/// whole post-call pipeline (transcribe, score, store) per call. Prints the figures with the machine they came from.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Typical agent and caller lines: what the demo speaks.</summary>
    private static readonly string[] Sentences =
    [
        "Thank you for calling Acme Bank, my name is Sarah, how can I help you today?",
        "I'm sorry to hear that. Can you confirm your date of birth and the first line of your address?",
        "Your card is now blocked and nobody can use it.",
        "A replacement card will arrive in five to seven working days, free of charge.",
        "Is there anything else I can help you with today?",
        "Thank you for calling, have a nice day.",
        "Hi, my name is Emma. When does your downtown branch open on Saturday?",
        "Our downtown branch is open from nine to one on Saturdays.",
        "Please hold for a moment while I check that for you.",
        "Roaming in Europe costs two pounds a day on your plan.",
        "Your order will be delivered on Friday the fifteenth between nine and twelve.",
        "Great, thank you. That's all I needed.",
    ];

    public static Command Create(CliConsole console)
    {
        var calls = new Option<int>("--calls") { Description = "Simulated calls to put through the pipeline", DefaultValueFactory = _ => 6, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated calls", DefaultValueFactory = _ => 11, HelpName = "S" };
        var command = new Command("bench", "Measure real-time factors of synthesis, transcription and the post-call pipeline on one core") { calls, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Path.Combine(Path.GetTempPath(), "qashopper-bench", Guid.NewGuid().ToString("N"));
            try
            {
                using var host = await AppHost.StartAsync(parse, cancellationToken, b =>
                {
                    b.AddOfflineCalls();
                    b.Configuration.AddInMemoryCollection(
                    [
                        new("Store:Path", Path.Combine(workspace, "bench.db")),
                        new("Recordings:Directory", Path.Combine(workspace, "recordings")),
                        new("LocalSpeech:Flite:CacheDirectory", Path.Combine(workspace, "tts")),
                        new("LocalSpeech:Pocketsphinx:MaxDecoders", "1"),
                    ]);
                }).ConfigureAwait(false);
                await RunAsync(parse.GetRequiredValue(calls), parse.GetRequiredValue(seed), host.Services, console, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            finally
            {
                TryDelete(workspace);
            }
        });
        return command;
    }

    private static async Task RunAsync(int calls, int seed, IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        PinToOneCore(console);
        var synthesizer = services.GetRequiredService<ISpeechSynthesizer>();
        var transcriber = services.GetRequiredService<ITranscriber>();
        var scorer = services.GetRequiredService<ChecklistScorer>();
        var store = services.GetRequiredService<IResultStore>();

        // Synthesis: every sentence once into an empty cache, so each one really runs the engine.
        double synthSeconds = 0, audioSeconds = 0;
        foreach (var sentence in Sentences)
        {
            var started = Stopwatch.GetTimestamp();
            var clip = await synthesizer.SynthesizeAsync(new SpeechRequest(sentence, "en-US", "rms"), cancellationToken).ConfigureAwait(false);
            synthSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
            audioSeconds += clip.Duration.TotalSeconds;
        }

        // Calls: placed by the simulator (not timed), then transcribed, scored and stored one at a time.
        var setup = await OfflineCallSetup.LoadAsync(services, console, cancellationToken).ConfigureAwait(false);
        var plan = SimulatedCallPlan.Create([.. setup.Scenarios.Select(s => s.Scenario)], setup.Lines, calls * 2, seed, setup.CallCentre.Seeds, "bench");
        var carrier = services.GetRequiredService<ICarrier>();
        var agentNames = setup.CallCentre.Agents.Select(a => a.Name).OfType<string>().ToList();

        // The first call also loads the decoder's model (once per process): reported separately, not averaged in.
        var measured = new List<(double Duration, double Transcribe, double Score, double Store)>();
        var warmedUp = false;
        double warmUpSeconds = 0;
        foreach (var request in plan)
        {
            if (measured.Count == calls)
            {
                break;
            }

            var (recording, answeredAfter, duration) = await PlaceAsync(carrier, request, cancellationToken).ConfigureAwait(false);
            if (recording is null || duration is null)
            {
                continue;
            }

            var scenario = request.Scenario.Scenario;
            var t0 = Stopwatch.GetTimestamp();
            var transcript = await CallPipeline.TranscribeAsync(recording.Path, recording.AgentChannel, answeredAfter, scenario, transcriber, agentNames, cancellationToken).ConfigureAwait(false);
            var t1 = Stopwatch.GetTimestamp();
            var score = scorer.Score(scenario, transcript);
            var t2 = Stopwatch.GetTimestamp();
            var call = new CallRecord(request.CallId, scenario.Id, scenario.ContentHash, score.Agent, carrier.Name, DateTimeOffset.UnixEpoch, CallStatus.Completed, answeredAfter, duration, recording.Path, transcript, request.Scenario.Choices);
            await store.SaveCallAsync(call, score, cancellationToken).ConfigureAwait(false);
            var t3 = Stopwatch.GetTimestamp();
            if (!warmedUp)
            {
                warmedUp = true;
                warmUpSeconds = Seconds(t0, t1);
                continue;
            }

            measured.Add((duration.Value, Seconds(t0, t1), Seconds(t1, t2), Seconds(t2, t3)));
        }

        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Offline speech path, one core[/]");
        table.AddColumn("Step");
        table.AddColumn(new TableColumn("Real-time factor").RightAligned());
        table.AddColumn("Measured on");
        table.AddRow("flite synthesis (rms voice)", Rtf(synthSeconds / audioSeconds), $"{Sentences.Length} sentences, {F(audioSeconds)} s of speech");
        var callSeconds = measured.Sum(m => m.Duration);
        table.AddRow("pocketsphinx transcription, both channels", Rtf(measured.Sum(m => m.Transcribe) / callSeconds), $"{measured.Count} calls, {F(callSeconds)} s of call");
        table.AddRow("scoring", Rtf(measured.Sum(m => m.Score) / callSeconds), "same calls");
        table.AddRow("post-call pipeline (transcribe + score + store)", Rtf(measured.Sum(m => m.Transcribe + m.Score + m.Store) / callSeconds), "same calls; target ≤ 0.25");
        console.Rich.Write(table);
        console.Rich.WriteLine($"decoder start-up (first call, once per process): {F(warmUpSeconds)} s");
        console.Rich.WriteLine($"machine: {Environment.ProcessorCount} cores, {Cpu()}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
    }

    private static async Task<(RecordingReady? Recording, double? AnsweredAfter, double? Duration)> PlaceAsync(ICarrier carrier, CallRequest request, CancellationToken cancellationToken)
    {
        RecordingReady? recording = null;
        double? answered = null, duration = null;
        await foreach (var e in carrier.PlaceCallAsync(request, cancellationToken).ConfigureAwait(false))
        {
            switch (e)
            {
                case CallAnswered a:
                    answered = a.At.TotalSeconds;
                    break;
                case CallCompleted c:
                    duration = c.Status == CallStatus.Completed ? c.Duration : null;
                    break;
                case RecordingReady r:
                    recording = r;
                    break;
            }
        }

        return (recording, answered, duration);
    }

    private static void PinToOneCore(CliConsole console)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
        else
        {
            console.Error.WriteLine("bench: cannot pin to one core on this OS; figures use every core");
        }
    }

    private static string Cpu()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
        {
            var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;

    private static string Rtf(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Temporary files left behind are harmless; the OS cleans its temp folder.
        }
    }
}
