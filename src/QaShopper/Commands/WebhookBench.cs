using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaShopper.Cli;
using QaShopper.Hosting;
using QaShopper.Core.Ports;
using QaShopper.LiteDb;
using QaShopper.Twilio;
using QaShopper.Twilio.Emulator;

namespace QaShopper.Commands;

/// <summary>
/// <c>qashopper bench webhooks</c>: the latency of Twilio's status callbacks on loopback under a bounded load sent by a
/// second process. The host under test is the real one (the carrier's webhook endpoints, signature check, LiteDB
/// journal); the load is open-loop (each request sent at its scheduled time whether or not earlier ones have answered),
/// and latency is measured from the scheduled time, so a server that falls behind cannot hide it.
/// </summary>
internal static class WebhookBench
{
    /// <summary>The environment variable that hands the auth token to the load process (never on its command line).</summary>
    private const string TokenVariable = "QASHOPPER_BENCH_TWILIO_TOKEN";

    /// <summary>Status callbacks per call, as Twilio sends for a call: initiated, ringing, answered, completed, and some retried.</summary>
    private const int CallbacksPerCall = 6;

    public static Command Create(CliConsole console)
    {
        var rate = new Option<int>("--rate") { Description = "Requests per second", DefaultValueFactory = _ => 200, HelpName = "N" };
        var seconds = new Option<int>("--seconds") { Description = "How long the measured load lasts (after a 2 s warm-up)", DefaultValueFactory = _ => 20, HelpName = "S" };
        var command = new Command("webhooks", "Measure webhook latency under a bounded load from a second process (target: p99 ≤ 20 ms at 200 requests/s)") { rate, seconds };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var perSecond = parse.GetRequiredValue(rate);
            var duration = parse.GetRequiredValue(seconds);
            if (perSecond is < 1 or > 5000 || duration is < 1 or > 600)
            {
                throw new CliException("--rate must be 1 to 5000 and --seconds 1 to 600", ExitCodes.BadInput);
            }

            var workspace = Path.Combine(Path.GetTempPath(), "qashopper-bench", Guid.NewGuid().ToString("N"));
            try
            {
                return await RunAsync(perSecond, duration, workspace, console, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (Directory.Exists(workspace))
                {
                    Directory.Delete(workspace, recursive: true);
                }
            }
        });
        return command;
    }

    /// <summary>The load process: <c>bench webhook-load</c> (hidden), started by <c>bench webhooks</c>.</summary>
    public static Command CreateLoad(CliConsole console)
    {
        var url = new Option<string>("--url") { Required = true };
        var account = new Option<string>("--account") { Required = true };
        var rate = new Option<int>("--rate") { Required = true };
        var seconds = new Option<int>("--seconds") { Required = true };
        var calls = new Option<int>("--calls") { Required = true };
        var command = new Command("webhook-load", "The load process of bench webhooks") { url, account, rate, seconds, calls };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var token = Environment.GetEnvironmentVariable(TokenVariable)
                ?? throw new CliException($"{TokenVariable} is not set", ExitCodes.BadInput);
            var result = await LoadGenerator.RunAsync(
                new Uri(parse.GetRequiredValue(url)), parse.GetRequiredValue(account), token, parse.GetRequiredValue(rate), parse.GetRequiredValue(seconds), parse.GetRequiredValue(calls), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(result)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> RunAsync(int rate, int seconds, string workspace, CliConsole console, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var account = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var listen = $"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen);
        builder.Configuration.AddInMemoryCollection(
        [
            new("Store:Path", Path.Combine(workspace, "bench.db")),
            new("Recordings:Directory", Path.Combine(workspace, "recordings")),
            new("Twilio:AccountSid", account),
            new("Twilio:AuthToken", token),
            new("Twilio:PublicBaseUrl", listen),
        ]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddLiteDbStore();
        builder.AddTwilioCarrier();
        await using var app = builder.Build();
        app.MapTwilioWebhooks();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        // Enough calls that each gets about as many status callbacks as a real call does.
        var calls = Math.Max(1, (int)Math.Ceiling((rate * (seconds + LoadGenerator.WarmUpSeconds)) / (double)CallbacksPerCall));
        var journal = app.Services.GetRequiredService<ICarrierCallJournal>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < calls; i++)
        {
            var id = LoadGenerator.CallId(i);
            var plan = new TwilioCallPlan { CallId = id, To = "+441134960001", From = "+447700900101", Locale = "en-US", Steps = [] };
            await journal.OpenAsync(id, "twilio", plan.Serialize(), now, cancellationToken).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync($"bench webhooks: {rate} requests/s for {seconds} s (+{LoadGenerator.WarmUpSeconds} s warm-up) from a second process, {calls} calls journaled, host at {listen}").ConfigureAwait(false);
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(WebhookBench).Assembly.Location);
        }

        foreach (var arg in new[] { "bench", "webhook-load", "--url", listen, "--account", account, "--rate", Text(rate), "--seconds", Text(seconds), "--calls", Text(calls) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[TokenVariable] = token;
        using var load = Process.Start(start) ?? throw new CliException("the load process did not start");
        var output = load.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = load.StandardError.ReadToEndAsync(cancellationToken);
        await load.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (load.ExitCode != 0)
        {
            throw new CliException($"the load process failed (exit {load.ExitCode}): {await errors.ConfigureAwait(false)}");
        }

        var result = JsonSerializer.Deserialize<LoadResult>(await output.ConfigureAwait(false))
            ?? throw new CliException("the load process printed no result");
        var stored = 0;
        for (var i = 0; i < calls; i++)
        {
            stored += (await journal.GetAsync(LoadGenerator.CallId(i), cancellationToken).ConfigureAwait(false))?.Events.Count ?? 0;
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await console.Out.WriteLineAsync(
            $"webhook latency (status callbacks, signed, journaled in LiteDB; measured from each request's scheduled time): " +
            $"p50 {Ms(result.P50)} ms, p90 {Ms(result.P90)} ms, p99 {Ms(result.P99)} ms, max {Ms(result.Max)} ms " +
            $"at {result.AchievedRate.ToString("0", CultureInfo.InvariantCulture)} requests/s offered ({result.Measured} measured, {result.Failed} failed); target p99 ≤ 20 ms at 200/s: {(result.P99 <= 20 && result.Failed == 0 && rate >= 200 ? "met" : "not met")}").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"journal: {stored} events stored of {result.Sent} sent (duplicates none: every request has its own sequence number)").ConfigureAwait(false);
        await console.Out.WriteLineAsync(BenchCommand.Machine() + "; host and load process share the machine").ConfigureAwait(false);
        return result.Failed == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>What the load process measured: latencies in milliseconds from each request's scheduled time.</summary>
internal sealed record LoadResult(int Sent, int Measured, int Failed, double P50, double P90, double P99, double Max, double AchievedRate);

/// <summary>Sends signed status callbacks at a fixed rate (open loop) and measures each one's latency.</summary>
internal static class LoadGenerator
{
    public const int WarmUpSeconds = 2;

    public static string CallId(int index) => "bench-" + index.ToString("00000", CultureInfo.InvariantCulture);

    public static async Task<LoadResult> RunAsync(Uri host, string account, string token, int rate, int seconds, int calls, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var total = rate * (seconds + WarmUpSeconds);
        var warmUp = rate * WarmUpSeconds;
        var latencies = new double[total];
        var failed = new bool[total];
        var tasks = new List<Task>(total);
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        for (var k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds(k / (double)rate);
            var wait = due - clock.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }

            var index = k;
            tasks.Add(SendAsync(http, host, account, token, index, calls, cancellationToken).ContinueWith(
                t =>
                {
                    latencies[index] = (clock.GetElapsedTime(started) - due).TotalMilliseconds;
                    failed[index] = !t.IsCompletedSuccessfully || t.Result != HttpStatusCode.NoContent;
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        var elapsed = clock.GetElapsedTime(started).TotalSeconds;
        var measured = latencies.Skip(warmUp).Order().ToArray();
        return new LoadResult(
            total,
            measured.Length,
            failed.Count(f => f),
            Percentile(measured, 0.50),
            Percentile(measured, 0.90),
            Percentile(measured, 0.99),
            measured.Length == 0 ? 0 : measured[^1],
            total / elapsed);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, Uri host, string account, string token, int index, int calls, CancellationToken cancellationToken)
    {
        var callId = CallId(index % calls);
        var url = new Uri(host, $"/twilio/calls/{callId}/status").ToString();
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = account,
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = "CA" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(callId)))[..32],
            ["CallStatus"] = "ringing",
            ["CallbackSource"] = "call-progress-events",
            ["Direction"] = "outbound-api",
            ["From"] = "+447700900101",
            ["To"] = "+441134960001",
            ["SequenceNumber"] = (index / calls).ToString(CultureInfo.InvariantCulture),
            ["Timestamp"] = "Mon, 02 Mar 2026 09:00:03 +0000",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Sign(token, url, form, sha256: false));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
