using System.Text.RegularExpressions;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;

namespace QaShopper.Scenarios;

/// <summary>
/// With a cloud speech service configured, a scenario's <c>caller.voice</c> must be a voice the service offers for the
/// scenario's locale; otherwise every call of it would fail when it is placed. Local engines choose by locale instead,
/// so they are not asked.
/// </summary>
internal static class ScenarioVoiceCheck
{
    public static IReadOnlyList<ScenarioDiagnostic> Check(IEnumerable<(Scenario Scenario, string Text)> scenarios, ISpeechSynthesizer synthesizer)
    {
        var problems = new List<ScenarioDiagnostic>();
        foreach (var (scenario, text) in scenarios)
        {
            // A templated voice ({{pick ...}}) is chosen per call; its alternatives are not checked here.
            if (scenario.Caller.Voice is not { } voice || voice.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            var offered = synthesizer.VoicesFor(scenario.Locale);
            if (offered.Contains(voice, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var some = offered.Count == 0 ? "none" : string.Join(", ", offered.Take(5)) + (offered.Count > 5 ? ", …" : string.Empty);
            problems.Add(new ScenarioDiagnostic(
                scenario.SourcePath ?? scenario.Id,
                Locate(text, voice),
                $"caller.voice '{voice}' is not offered by the {synthesizer.Engine} speech service for {scenario.Locale}; it offers {some}"));
        }

        return problems;
    }

    /// <summary>The line and column of the <c>voice:</c> key that names <paramref name="voice"/>; the file's start when not found.</summary>
    private static SourcePosition Locate(string text, string voice)
    {
        var match = Regex.Match(text, @"^([ \t]*)voice:[ \t]*[""']?" + Regex.Escape(voice), RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return new SourcePosition(1, 1);
        }

        var line = text.AsSpan(0, match.Index).Count('\n') + 1;
        return new SourcePosition(line, match.Groups[1].Length + 1);
    }
}
