using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaShopper.Cli;
using QaShopper.Core.Calls;
using QaShopper.Core.Ports;
using QaShopper.Hosting;
using QaShopper.LocalSpeech.Pocketsphinx;
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
        var command = new Command("bench", "Measure real-time factors of synthesis, transcription and the post-call pipeline on one core")
        {
            calls, seed, WebhookBench.Create(console), WebhookBench.CreateLoad(console),
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Path.Combine(Path.GetTempPath(), "qashopper-bench", Guid.NewGuid().ToString("N"));
            try
            {
                using var host = await AppHost.StartAsync(parse, HostFeatures.Calls, cancellationToken, b =>
                {
                    b.Configuration.AddInMemoryCollection(
                    [
                        new("Store:Path", Path.Combine(workspace, "bench.db")),
                            new("Recordings:Directory", Path.Combine(workspace, "recordings")),
                        new("LocalSpeech:Flite:CacheDirectory", Path.Combine(workspace, "tts")),
                        new("LocalSpeech:Pocketsphinx:MaxDecoders", "1"),
                    ]);
                }).ConfigureAwait(false);
                await RunAsync(parse.GetRequiredValue(calls), parse.GetRequiredValue(seed), host.Services, workspace, console, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            finally
            {
                TryDelete(workspace);
            }
        });
        return command;
    }

    private static async Task RunAsync(int calls, int seed, IServiceProvider services, string workspace, CliConsole console, CancellationToken cancellationToken)
    {
        PinToOneCore(console);
        var synthesizer = services.GetRequiredService<ISpeechSynthesizer>();

        // Synthesis: every sentence once into an empty cache, so each one really runs the engine.
        double synthSeconds = 0, audioSeconds = 0;
        foreach (var sentence in Sentences)
        {
            var started = Stopwatch.GetTimestamp();
            var clip = await synthesizer.SynthesizeAsync(new SpeechRequest(sentence, "en-US", "rms"), cancellationToken).ConfigureAwait(false);
            synthSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
            audioSeconds += clip.Duration.TotalSeconds;
        }

        // Calls: placed and processed through the product's own path (CallRunner, CallPipeline), one at a time; the
        // pipeline's stages are timed from its traces, so the figures are those of what users run.
        var setup = await OfflineCallSetup.LoadAsync(services, console, cancellationToken).ConfigureAwait(false);
        var plan = SimulatedCallPlan.Create([.. setup.Scenarios.Select(s => s.Scenario)], setup.Lines, calls * 2, seed, setup.CallCentre.Seeds, "bench");
        var runner = services.GetRequiredService<CallRunner>();
        using var stages = new StageTimes();

        // The yardstick: Debian's plain pocketsphinx on the same recording right after the pipeline, call by call, so a
        // machine whose speed drifts within the run (it does, by a third) slows both alike.
        var plainExecutable = PlainPocketsphinx.DebianExecutable;
        var plainModel = services.GetService<IOptions<PocketsphinxOptions>>()?.Value ?? new PocketsphinxOptions();
        var yardstick = PlainPocketsphinx.IsInstalled(plainExecutable) ? new PlainPocketsphinx(plainExecutable, plainModel, Path.Combine(workspace, "plain")) : null;
        PlainRun? plain = null;
        var perCallRatios = new List<double>();

        // The first call also loads the decoder's model (once per process): reported separately, not averaged in.
        var measured = new List<(double Duration, double Transcribe, double Score, double Store)>();
        double? warmUpSeconds = null;
        foreach (var request in plan)
        {
            if (measured.Count == calls)
            {
                break;
            }

            var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            if (outcome.Score is null || outcome.Call.Duration is not { } duration)
            {
                continue;
            }

            var transcribe = stages.Seconds(request.CallId, CallActivities.Transcribe);
            if (warmUpSeconds is null)
            {
                warmUpSeconds = transcribe;
                continue;
            }

            var (score, store) = (stages.Seconds(request.CallId, CallActivities.Score), stages.Seconds(request.CallId, CallActivities.Store));
            measured.Add((duration, transcribe, score, store));
            if (yardstick is not null && outcome.Call.RecordingPath is { } recording)
            {
                var run = await yardstick.DecodeRecordingAsync(recording, cancellationToken).ConfigureAwait(false);
                plain = plain is null ? run : plain.Plus(run);
                perCallRatios.Add(SpeedRatio.Of((transcribe + score + store) / duration, run.RealTimeFactor));
            }
        }

        // A call without a recording has no plain figure: then the two would not be of the same audio.
        if (perCallRatios.Count != measured.Count)
        {
            plain = null;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Offline speech path, one core[/]");
        table.AddColumn("Step");
        table.AddColumn(new TableColumn("Real-time factor").RightAligned());
        table.AddColumn("Measured on");
        table.AddRow("flite synthesis (rms voice)", Rtf(synthSeconds / audioSeconds), $"{Sentences.Length} sentences, {F(audioSeconds)} s of speech");
        var callSeconds = measured.Sum(m => m.Duration);
        table.AddRow("pocketsphinx transcription, both channels", Rtf(measured.Sum(m => m.Transcribe) / callSeconds), $"{measured.Count} calls, {F(callSeconds)} s of call");
        table.AddRow("scoring", Rtf(measured.Sum(m => m.Score) / callSeconds), "same calls");
        var pipelineRtf = measured.Sum(m => m.Transcribe + m.Score + m.Store) / callSeconds;
        table.AddRow("post-call pipeline (transcribe + score + store)", Rtf(pipelineRtf), "same calls; target ≤ 0.25");

        if (plain is not null)
        {
            table.AddRow("plain pocketsphinx_continuous, both channels", Rtf(plain.RealTimeFactor), $"same recordings, each right after its call, 16 kHz, no hints; start-up {F(plain.StartUpSeconds)} s per run excluded");
        }

        console.Rich.Write(table);
        if (plain is null)
        {
            console.Rich.WriteLine(PlainPocketsphinx.IsInstalled(plainExecutable)
                ? "pipeline / plain pocketsphinx: not measured (no recordings of the measured calls)"
                : $"pipeline / plain pocketsphinx: not measured: {plainExecutable} is not installed (Debian package pocketsphinx)");
        }
        else
        {
            var ratio = SpeedRatio.Of(pipelineRtf, plain.RealTimeFactor);
            console.Rich.WriteLine(
                $"post-call pipeline / plain pocketsphinx, same audio, same run: {Rtf(pipelineRtf)} / {Rtf(plain.RealTimeFactor)} = {Ratio(ratio)} × plain " +
                $"(target ≤ {Ratio(SpeedRatio.Target)} × plain: {(SpeedRatio.Meets(ratio) ? "met" : "not met")}); " +
                $"call by call {Ratio(perCallRatios.Min())} to {Ratio(perCallRatios.Max())}");
        }

        console.Rich.WriteLine($"decoder start-up (first call's transcription, once per process): {F(warmUpSeconds ?? 0)} s");
        console.Rich.WriteLine(Machine());
    }

    /// <summary>The machine a figure came from, for every bench's last line.</summary>
    internal static string Machine() =>
        $"machine: {Environment.ProcessorCount} cores, {Cpu()}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}";

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

    private static string Rtf(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Durations of the call path's traced stages, by call id and stage.</summary>
    private sealed class StageTimes : IDisposable
    {
        private readonly ActivityListener listener;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string CallId, string Stage), double> seconds = new();

        public StageTimes()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == CallActivities.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem(CallActivities.CallIdTag) is string callId)
                    {
                        seconds.AddOrUpdate((callId, activity.OperationName), activity.Duration.TotalSeconds, (_, total) => total + activity.Duration.TotalSeconds);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
        }

        public double Seconds(string callId, string stage) => seconds.GetValueOrDefault((callId, stage));

        public void Dispose() => listener.Dispose();
    }

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
