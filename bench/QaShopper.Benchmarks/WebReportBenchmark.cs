using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace QaShopper.Benchmarks;

/// <summary>
/// The per-agent report page over the million-result data file, end to end: <c>qashopper serve</c> started as users start
/// it, a viewer signed in through the form, then <c>/reports/agents/{id}</c> and <c>/api/reports/agents/{id}</c> for a
/// whole year timed over HTTP: the first request (cold process) and the median and p95 of the next ones.
/// Run with <c>dotnet run -c Release --project bench/QaShopper.Benchmarks -- web-report [requests]</c> after building the
/// solution in Release.
/// </summary>
internal static partial class WebReportBenchmark
{
    private const string Password = "bench-password-1";
    private const string Range = "from=2025-01-01&to=2025-12-31";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var results = int.TryParse(Environment.GetEnvironmentVariable("QASHOPPER_BENCH_RESULTS"), CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
        var root = RepositoryRoot();
        var qashopper = Path.Combine(root, "src", "QaShopper", "bin", "Release", "net10.0", "QaShopper.dll");
        var watch = Stopwatch.StartNew();
        var data = AgentReportBenchmark.EnsureFile(results);
        Console.WriteLine($"data file: {data} ({new FileInfo(data).Length / (1024 * 1024)} MiB, {results:N0} results), ready in {watch.Elapsed.TotalSeconds:F0} s");

        // The account may be there from an earlier run; then adding it fails and the same password still signs in.
        await RunToEndAsync(qashopper, root, ["user", "add", "bench", "--role", "viewer", "--password-stdin", "--db", data], Password).ConfigureAwait(false);

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { qashopper, "serve", "--db", data, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var serve = Process.Start(start)!;
        serve.OutputDataReceived += (_, _) => { };
        serve.ErrorDataReceived += (_, _) => { };
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var started = Stopwatch.StartNew();
            while (!await HealthyAsync(client).ConfigureAwait(false))
            {
                if (serve.HasExited || started.Elapsed > TimeSpan.FromMinutes(5))
                {
                    Console.Error.WriteLine("serve did not become healthy");
                    return 1;
                }

                await Task.Delay(200).ConfigureAwait(false);
            }

            Console.WriteLine($"serve healthy after {started.Elapsed.TotalSeconds:F1} s");
            await SignInAsync(client).ConfigureAwait(false);
            foreach (var (name, url) in new[]
            {
                ("page /reports/agents/agent-123 (a year)", $"/reports/agents/agent-123?{Range}"),
                ("API  /api/reports/agents/agent-123 (a year)", $"/api/reports/agents/agent-123?{Range}"),
                ("CSV  /reports/agents/agent-123?format=csv&table=trend", $"/reports/agents/agent-123?{Range}&format=csv&table=trend"),
                ("page /reports/agents (500 agents, a year)", $"/reports/agents?{Range}"),
                ("page /reports/monthly?month=2025-06", "/reports/monthly?month=2025-06"),
                ("page /reports/team (4 weeks, ~77,000 calls)", "/reports/team?from=2025-06-02&to=2025-06-29"),
            })
            {
                var times = new List<double>();
                for (var i = 0; i <= requests; i++)
                {
                    var one = Stopwatch.StartNew();
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative)).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    times.Add(one.Elapsed.TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
                    {
                        Console.Error.WriteLine($"{url}: {(int)response.StatusCode}");
                        return 1;
                    }
                }

                var warm = times.Skip(1).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-58} first {times[0],7:F1} ms   warm median {warm[warm.Count / 2],6:F1} ms   p95 {warm[(int)Math.Ceiling(warm.Count * 0.95) - 1],6:F1} ms   ({requests} warm requests)"));
            }
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync().ConfigureAwait(false);
        }

        Console.WriteLine($"machine: {CpuModel()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        return 0;
    }

    private static async Task<bool> HealthyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative)).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task SignInAsync(HttpClient client)
    {
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative)).ConfigureAwait(false);
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "bench", ["Password"] = Password, ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), content).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
        }
    }

    private static async Task RunToEndAsync(string dll, string root, string[] args, string stdin)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(stdin).ConfigureAwait(false);
        process.StandardInput.Close();
        var output = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        Console.WriteLine($"user add: exit {process.ExitCode} {output.Trim()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QaShopper.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QaShopper.sln not found above " + AppContext.BaseDirectory);
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
