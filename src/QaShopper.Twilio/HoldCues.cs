using System.Text;

namespace QaShopper.Twilio;

/// <summary>
/// Phrases an agent says when putting the caller on hold. When a listen hears one, it keeps waiting (through hold music
/// when <see cref="TwilioOptions.HoldMusicUrl"/> is set) up to <see cref="TwilioOptions.MaxHold"/> instead of taking the
/// phrase as the agent's answer. The list is short on purpose: a phrase that also occurs in real answers ("wait") would
/// make the caller sit through the rest of a turn.
/// </summary>
public static class HoldCues
{
    /// <summary>The cues, lower-case: English and Chinese (the shipped scenarios' languages).</summary>
    public static readonly IReadOnlyList<string> Phrases =
    [
        "please hold",
        "hold on",
        "hold the line",
        "bear with me",
        "one moment",
        "just a moment",
        "请稍等",
        "稍等",
        "请稍候",
    ];

    /// <summary>True when <paramref name="speech"/> contains a hold cue.</summary>
    public static bool IsHoldCue(string speech) => Phrases.Any(p => Contains(speech, p));

    /// <summary>Whether <paramref name="phrase"/> occurs in <paramref name="speech"/>, ignoring case, punctuation and spacing.</summary>
    public static bool Contains(string speech, string phrase)
    {
        ArgumentNullException.ThrowIfNull(speech);
        ArgumentNullException.ThrowIfNull(phrase);
        var needle = Normalize(phrase);
        if (needle.Length == 0)
        {
            return false;
        }

        var haystack = Normalize(speech);

        // Chinese and Japanese have no spaces between words: match characters; elsewhere match whole words.
        return needle.Any(c => c >= '\u2E80')
            ? haystack.Contains(needle, StringComparison.Ordinal)
            : (" " + haystack + " ").Contains(" " + needle + " ", StringComparison.Ordinal);
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                builder.Append(c);
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().Trim();
    }
}
