namespace QaShopper.Core.Campaigns;

/// <summary>Rotates the caller voices over all calls in time order, skipping one when the line heard it on its last call.</summary>
internal sealed class VoiceRotation(IReadOnlyList<string> voices, Random random)
{
    private readonly Dictionary<int, string> lastOnLine = [];
    private int next = voices.Count == 0 ? 0 : random.Next(voices.Count);

    public string? Take(int line)
    {
        if (voices.Count == 0)
        {
            return null;
        }

        var voice = voices[next % voices.Count];
        if (voices.Count > 1 && lastOnLine.TryGetValue(line, out var last) && string.Equals(last, voice, StringComparison.Ordinal))
        {
            next++;
            voice = voices[next % voices.Count];
        }

        next = (next + 1) % voices.Count;
        lastOnLine[line] = voice;
        return voice;
    }
}
