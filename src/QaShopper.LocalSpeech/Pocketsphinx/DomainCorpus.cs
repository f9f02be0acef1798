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

    /// <summary>The sentences of the domain model: <paramref name="phrases"/> (each twice: they matter most) and the generic corpus.</summary>
    public static List<string[]> Sentences(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var sentences = new List<string[]>();
        foreach (var phrase in phrases)
        {
            if (SpottablePhrases.Prepare(phrase).Words is { } words)
            {
                sentences.Add(words);
                sentences.Add(words);
            }
        }

        foreach (var line in Generic)
        {
            sentences.Add(SpottablePhrases.Prepare(line).Words!);
        }

        return sentences;
    }
}
