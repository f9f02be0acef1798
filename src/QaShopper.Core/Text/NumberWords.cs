using System.Collections.Frozen;
using System.Globalization;

namespace QaShopper.Core.Text;

/// <summary>Rewrites English number words as digits: "one hundred and fifty" -> "150", "twenty first" -> "21th".</summary>
internal static class NumberWords
{
    private enum Kind
    {
        None,
        Unit,
        Teen,
        Tens,
        Hundred,
        Thousand,
    }

    private readonly record struct Word(Kind Kind, long Value, bool Ordinal);

    private static readonly FrozenDictionary<string, Word> Words = BuildWords();

    public static List<Token> Rewrite(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            if (Words.ContainsKey(tokens[i].Value))
            {
                i = ParseGroup(tokens, i, result);
            }
            else
            {
                result.Add(tokens[i]);
                i++;
            }
        }

        return result;
    }

    private static bool IsNumberWordOrOh(string value) => value == "oh" || Words.ContainsKey(value);

    private static int ParseGroup(List<Token> tokens, int first, List<Token> output)
    {
        var hasNumber = false;
        long total = 0;
        long current = 0;
        var last = Kind.None;
        int start = 0, end = 0;

        void Emit(bool ordinal)
        {
            var digits = (total + current).ToString(CultureInfo.InvariantCulture);
            output.Add(new Token(ordinal ? digits + "th" : digits, start, end));
            hasNumber = false;
            total = 0;
            current = 0;
            last = Kind.None;
        }

        void Begin(int index)
        {
            if (hasNumber)
            {
                Emit(false);
            }

            hasNumber = true;
            start = tokens[index].Start;
        }

        var j = first;
        for (; j < tokens.Count; j++)
        {
            var value = tokens[j].Value;
            var nextIsNumber = j + 1 < tokens.Count && IsNumberWordOrOh(tokens[j + 1].Value);
            Word word;
            if (value == "and")
            {
                // "one hundred and fifty": "and" joins only after hundred/thousand and before more number words.
                if (hasNumber && last is Kind.Hundred or Kind.Thousand && nextIsNumber && tokens[j + 1].Value != "oh")
                {
                    continue;
                }

                break;
            }

            if (value == "oh")
            {
                // "nine oh five": "oh" is a zero only between number words.
                if (!hasNumber || !nextIsNumber)
                {
                    break;
                }

                word = new Word(Kind.Unit, 0, false);
            }
            else if (!Words.TryGetValue(value, out word))
            {
                break;
            }

            switch (word.Kind)
            {
                case Kind.Unit when word.Value == 0:
                    Begin(j);
                    last = Kind.Unit;
                    break;
                case Kind.Unit:
                    if (hasNumber && last is Kind.Tens or Kind.Hundred or Kind.Thousand)
                    {
                        current += word.Value;
                    }
                    else
                    {
                        Begin(j);
                        current = word.Value;
                    }

                    last = Kind.Unit;
                    break;
                case Kind.Teen:
                case Kind.Tens:
                    // A tens word after a unit starts a new number: "nine thirty" is 9 30, not 39.
                    if (hasNumber && last is Kind.Hundred or Kind.Thousand)
                    {
                        current += word.Value;
                    }
                    else
                    {
                        Begin(j);
                        current = word.Value;
                    }

                    last = word.Kind;
                    break;
                case Kind.Hundred:
                    if (!hasNumber)
                    {
                        Begin(j);
                        current = 100;
                    }
                    else if (last is Kind.Unit or Kind.Teen or Kind.Tens && current is > 0 and < 100)
                    {
                        current *= 100;
                    }
                    else
                    {
                        Begin(j);
                        current = 100;
                    }

                    last = Kind.Hundred;
                    break;
                case Kind.Thousand:
                    if (!hasNumber)
                    {
                        Begin(j);
                    }

                    if (total == 0)
                    {
                        total = (current == 0 ? 1 : current) * word.Value;
                    }
                    else if (current == 0)
                    {
                        total *= word.Value;
                    }
                    else
                    {
                        total += current * word.Value;
                    }

                    current = 0;
                    last = Kind.Thousand;
                    break;
                default:
                    break;
            }

            end = tokens[j].End;
            if (word.Ordinal)
            {
                Emit(true);
            }
        }

        if (hasNumber)
        {
            Emit(false);
        }

        // Never return without progress: a lone "and"/"oh" cannot start a group, so j > first here.
        return j == first ? first + 1 : j;
    }

    private static FrozenDictionary<string, Word> BuildWords()
    {
        var words = new Dictionary<string, Word>(StringComparer.Ordinal);
        string[] units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        string[] unitOrdinals = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
        string[] teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] teenOrdinals = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        string[] tensOrdinals = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
        for (var u = 0; u < units.Length; u++)
        {
            words[units[u]] = new Word(Kind.Unit, u, false);
            if (u > 0)
            {
                words[unitOrdinals[u]] = new Word(Kind.Unit, u, true);
            }
        }

        for (var t = 0; t < teens.Length; t++)
        {
            words[teens[t]] = new Word(Kind.Teen, 10 + t, false);
            words[teenOrdinals[t]] = new Word(Kind.Teen, 10 + t, true);
        }

        for (var t = 0; t < tens.Length; t++)
        {
            words[tens[t]] = new Word(Kind.Tens, 20 + (10 * t), false);
            words[tensOrdinals[t]] = new Word(Kind.Tens, 20 + (10 * t), true);
        }

        words["hundred"] = new Word(Kind.Hundred, 100, false);
        words["hundredth"] = new Word(Kind.Hundred, 100, true);
        words["thousand"] = new Word(Kind.Thousand, 1000, false);
        words["thousandth"] = new Word(Kind.Thousand, 1000, true);
        words["million"] = new Word(Kind.Thousand, 1_000_000, false);
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
