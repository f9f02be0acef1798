using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Pronunciations for words the dictionary lacks (brand names in checklist phrases), from flite's letter-to-sound
/// rules: <c>flite -ps -t WORD -o /dev/null</c> prints the word's CMU phones between <c>pau</c>s. flite's phone set is
/// pocketsphinx's plus a few reduced vowels, mapped here to their nearest dictionary phones.
/// </summary>
internal static class PronunciationGuesser
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ReducedPhones = new(StringComparer.Ordinal)
    {
        ["ax"] = "AH",
        ["axr"] = "ER",
        ["el"] = "AH L",
        ["em"] = "AH M",
        ["en"] = "AH N",
    };

    /// <summary>Upper-case, space-separated phones for <paramref name="word"/> (lower-case letters and apostrophes).</summary>
    public static string Phones(string word) => Cache.GetOrAdd(word, Run);

    /// <summary>Turns flite's <c>pau ae k m iy pau</c> into <c>AE K M IY</c>.</summary>
    internal static string ToDictionaryPhones(string fliteOutput) => string.Join(' ', fliteOutput
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
        .Where(p => p != "pau")
        .Select(p => ReducedPhones.TryGetValue(p, out var mapped) ? mapped : p.ToUpperInvariant()));

    private static string Run(string word)
    {
        var start = new ProcessStartInfo("flite")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-ps", "-t", word, "-o", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new SpeechEngineException($"could not start flite to guess the pronunciation of '{word}'");
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            var phones = ToDictionaryPhones(output);
            return process.ExitCode == 0 && phones.Length > 0
                ? phones
                : throw new SpeechEngineException($"flite gave no pronunciation for the hint word '{word}' (exit code {process.ExitCode})");
        }
        catch (Win32Exception ex)
        {
            throw new SpeechEngineException(
                $"the hint word '{word}' is not in the pocketsphinx dictionary and flite, which guesses pronunciations, is not installed: install the Debian package flite",
                ex);
        }
    }
}
