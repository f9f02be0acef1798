using QaShopper.Tests.Support;

namespace QaShopper.Tests.Web;

/// <summary>A copy of the repository's scenario folder for tests that write scenarios, and campaign texts to start.</summary>
internal sealed class ManageFixtures : IDisposable
{
    private readonly TempDirectory temp = new();

    public ManageFixtures()
    {
        Copy(RepoPaths.Combine("scenarios"), ScenarioFolder);
    }

    public string ScenarioFolder => temp.File("scenarios");

    public Dictionary<string, string?> Settings => new() { ["Scenarios:Directory"] = ScenarioFolder };

    /// <summary>The demo week moved to a week in 2030 under another id, so an on-time start plans every call in the future.</summary>
    public static string FutureWeek(string id) => File.ReadAllText(RepoPaths.Combine("scenarios", "campaigns", "demo-week.yaml"))
        .Replace("id: demo-week", $"id: {id}", StringComparison.Ordinal)
        .Replace("2026-11-23", "2030-01-07", StringComparison.Ordinal)
        .Replace("2026-11-29", "2030-01-13", StringComparison.Ordinal)
        .Replace("2026-11-25", "2030-01-09", StringComparison.Ordinal);

    /// <summary>The demo week under another id, to run now.</summary>
    public static string DemoWeek(string id) => File.ReadAllText(RepoPaths.Combine("scenarios", "campaigns", "demo-week.yaml"))
        .Replace("id: demo-week", $"id: {id}", StringComparison.Ordinal);

    public string ScenarioText(string file) => File.ReadAllText(Path.Combine(ScenarioFolder, file));

    public void Dispose() => temp.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
