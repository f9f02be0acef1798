using QaShopper.Core.Text;

namespace QaShopper.Core.Scoring;

/// <summary>
/// A checklist phrase prepared once per scenario: its canonical text, the bit masks of the bit-parallel
/// search and the tokens or characters that must occur exactly in any fuzzy match.
/// </summary>
internal sealed class CompiledPhrase
{
    /// <summary>Chinese/Japanese negations: one of these flips the meaning, so a fuzzy match may not drop it.</summary>
    private const string NegationChars = "不没别未无非";

    private readonly ulong[] _asciiMasks = new ulong[128];
    private readonly char[] _otherChars;
    private readonly ulong[] _otherMasks;

    public CompiledPhrase(string original, bool characterMatching)
    {
        Original = original;
        CharacterMatching = characterMatching;
        Text = PhraseNormalizer.Canonical(original, characterMatching);

        var others = new List<char>();
        var otherMasks = new List<ulong>();
        if (Text.Length <= 64)
        {
            for (var i = 0; i < Text.Length; i++)
            {
                var c = Text[i];
                var bit = 1UL << i;
                if (c < 128)
                {
                    _asciiMasks[c] |= bit;
                }
                else
                {
                    var at = others.IndexOf(c);
                    if (at < 0)
                    {
                        others.Add(c);
                        otherMasks.Add(bit);
                    }
                    else
                    {
                        otherMasks[at] |= bit;
                    }
                }
            }
        }

        _otherChars = [.. others];
        _otherMasks = [.. otherMasks];
        GuardTokens = characterMatching ? [] : SelectGuardTokens(Text);
        GuardChars = characterMatching ? SelectGuardChars(Text) : string.Empty;
    }

    /// <summary>The phrase as resolved from the checklist, for evidence.</summary>
    public string Original { get; }

    /// <summary>Canonical form.</summary>
    public string Text { get; }

    public bool CharacterMatching { get; }

    /// <summary>Tokens that carry the meaning in one or two letters or a digit ("my", "9"): must occur exactly.</summary>
    public IReadOnlyList<string> GuardTokens { get; }

    /// <summary>Negation characters and digits that must occur in a fuzzy character match.</summary>
    public string GuardChars { get; }

    private (int Distance, string[] Pieces) _pieces = (-1, []);

    /// <summary>
    /// The phrase cut into <paramref name="maxDistance"/> + 1 pieces. By the pigeonhole principle a region within
    /// that many edits contains at least one piece unchanged, so a text holding none cannot match: a cheap,
    /// vectorised filter before the bit-parallel search.
    /// </summary>
    public string[] PiecesFor(int maxDistance)
    {
        var cached = _pieces;
        if (cached.Distance == maxDistance)
        {
            return cached.Pieces;
        }

        var count = maxDistance + 1;
        var pieces = new string[count];
        for (var i = 0; i < count; i++)
        {
            var from = i * Text.Length / count;
            var to = (i + 1) * Text.Length / count;
            pieces[i] = Text[from..to];
        }

        _pieces = (maxDistance, pieces);
        return pieces;
    }

    /// <summary>Bit masks of ASCII characters, indexed by character, for the hot loop.</summary>
    public ulong[] AsciiMasks => _asciiMasks;

    public ulong MaskOf(char c)
    {
        if (c < 128)
        {
            return _asciiMasks[c];
        }

        for (var i = 0; i < _otherChars.Length; i++)
        {
            if (_otherChars[i] == c)
            {
                return _otherMasks[i];
            }
        }

        return 0;
    }

    private static string[] SelectGuardTokens(string text)
    {
        var guards = new List<string>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = 0;
            var hasDigit = false;
            foreach (var c in token)
            {
                hasDigit |= char.IsDigit(c);
                letters += char.IsLetter(c) ? 1 : 0;
            }

            if (hasDigit || letters <= 2)
            {
                guards.Add(token);
            }
        }

        return [.. guards];
    }

    private static string SelectGuardChars(string text)
    {
        var guards = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsDigit(c) || NegationChars.Contains(c, StringComparison.Ordinal))
            {
                guards.Append(c);
            }
        }

        return guards.ToString();
    }
}
