using System.Globalization;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// The text of a per-call domain language model: the phrases the speaker is expected to say plus a short generic
/// call-centre corpus, tokenised like the spotter's phrases (lower case, digits spelled out). Forbidden phrases never
/// go in: biasing the decoder towards them would put them in the agent's mouth.
/// </summary>
internal static class DomainCorpus
{
    /// <summary>Generic things call-centre agents and callers say; every word is in the en-us dictionary.</summary>
    public static readonly IReadOnlyList<string> Generic =
    [
        "hello",
        "hello how can i help you",
        "how can i help you today",
        "thank you for calling",
        "good morning",
        "good afternoon",
        "my name is",
        "speaking",
        "please hold",
        "please hold for a moment",
        "let me check that for you",
        "let me have a look",
        "one moment please",
        "thank you for holding",
        "thanks for holding",
        "thank you for waiting",
        "thanks for waiting",
        "sorry to keep you waiting",
        "i'm sorry to hear that",
        "i can help with that",
        "can you confirm your name please",
        "can i take your details please",
        "is there anything else i can help you with",
        "is there anything else",
        "yes",
        "no",
        "okay",
        "right",
        "thank you",
        "thanks",
        "you're welcome",
        "no problem",
        "have a nice day",
        "goodbye",
        "bye",
        "that's all thank you",
        "i would like to",
        "i'd like to",
        "can you tell me",
        "how much does it cost",
        "when will it arrive",
        "how long will it take",
    ];

    /// <summary>
    /// The sentences of the domain model: <paramref name="phrases"/> (each twice: they matter most) and the generic
    /// corpus. With <paramref name="evenNumbers"/>, each number in a phrase is also replaced by other numbers (see
    /// <see cref="WithOtherNumbers"/>), each variant as often as the phrase itself: the numbers of an expected phrase
    /// are the information a checklist checks, and a model that prefers the right number hears it in a wrong one
    /// (eval seed 7: "six pounds a day" decoded as "two pounds a day" at confidence 0.77, a false pass on a 25-point item).
    /// </summary>
    public static List<string[]> Sentences(IEnumerable<string> phrases, bool evenNumbers = false)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var sentences = new List<string[]>();
        foreach (var phrase in phrases)
        {
            if (SpottablePhrases.Prepare(phrase).Words is not { } words)
            {
                continue;
            }

            foreach (var variant in evenNumbers ? WithOtherNumbers(words) : [words])
            {
                sentences.Add(variant);
                sentences.Add(variant);
            }
        }

        foreach (var line in Generic)
        {
            sentences.Add(SpottablePhrases.Prepare(line).Words!);
        }

        return sentences;
    }

    /// <summary>
    /// The phrase, then for each run of number words in it the phrase with that run replaced by every other number
    /// from 1 to 99 said in as many words, cardinal or ordinal like the run, that starts with another word. Only the
    /// first word is evened out: "forty eight hours" gives "seventy two hours" but keeps "forty" followed by "eight",
    /// for with "forty hours" beside it the general model's "forty eighth" won (eval seed 7: "within forty eighth out").
    /// </summary>
    internal static IEnumerable<string[]> WithOtherNumbers(string[] words)
    {
        yield return words;
        var start = 0;
        while ((start = Array.FindIndex(words, start, NumberWords.Contains)) >= 0)
        {
            var end = start;
            while (end < words.Length && NumberWords.Contains(words[end]))
            {
                end++;
            }

            var ordinal = OrdinalWords.Contains(words[end - 1]);
            foreach (var spelled in (ordinal ? Ordinals : Cardinals).Where(n => n.Length == end - start && n[0] != words[start]))
            {
                yield return [.. words[..start], .. spelled, .. words[end..]];
            }

            start = end;
        }
    }

    private static readonly string[][] Cardinals = [.. Enumerable.Range(1, 99).Select(n => Spell(n.ToString(CultureInfo.InvariantCulture), ordinal: false))];

    private static readonly string[][] Ordinals = [.. Enumerable.Range(1, 99).Select(n => Spell(n.ToString(CultureInfo.InvariantCulture), ordinal: true))];

    private static readonly HashSet<string> CardinalWords = [.. Cardinals.SelectMany(n => n), "zero", "hundred", "thousand"];

    private static readonly HashSet<string> OrdinalWords = [.. Ordinals.SelectMany(n => n).Where(w => !CardinalWords.Contains(w))];

    private static readonly HashSet<string> NumberWords = [.. CardinalWords, .. OrdinalWords];

    private static string[] Spell(string digits, bool ordinal) => [.. SpottablePhrases.SpellDigits(ordinal ? digits + "th" : digits)];
}
