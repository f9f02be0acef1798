using System.Text.RegularExpressions;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Core.Scoring;

/// <summary>One checklist item with its phrases canonicalised and its pattern compiled.</summary>
/// <param name="Item">The item as written.</param>
/// <param name="Groups">Per phrase template, the alternatives that count as saying it.</param>
/// <param name="Flat">Every alternative of every template, for <c>any</c> and <c>none</c>.</param>
/// <param name="Pattern">The compiled <c>regex</c>, for regex items.</param>
/// <param name="AfterIndex">Index of the item named by <c>after</c>, or -1.</param>
/// <param name="Tails">For <c>any</c> items, the long phrases' last words, which count at the start of an utterance.</param>
internal sealed record CompiledItem(
    ChecklistItem Item,
    CompiledPhrase[][] Groups,
    CompiledPhrase[] Flat,
    Regex? Pattern,
    int AfterIndex,
    TailPhrase[] Tails);

/// <summary>
/// The last <see cref="Words"/> words of a long phrase. Recognisers lose the start of an utterance most ("thank you
/// for calling acme bank" heard as "then for calling acme bank"), so a long phrase whose tail opens an utterance,
/// after no more words than the phrase's head, counts as said.
/// </summary>
/// <param name="Tail">The tail, compiled.</param>
/// <param name="Phrase">The whole phrase, for evidence.</param>
/// <param name="HeadWords">How many words precede the tail in the phrase: at most this many may precede it in the utterance.</param>
internal sealed record TailPhrase(CompiledPhrase Tail, string Phrase, int HeadWords)
{
    /// <summary>Phrases of at least this many words have a tail.</summary>
    public const int MinimumPhraseWords = 5;

    /// <summary>How many words a tail keeps: four are specific enough not to occur by chance ("for calling acme bank").</summary>
    public const int Words = 4;

    public static TailPhrase? Of(CompiledPhrase phrase)
    {
        if (phrase.CharacterMatching)
        {
            return null;
        }

        var words = phrase.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < MinimumPhraseWords
            ? null
            : new TailPhrase(new CompiledPhrase(string.Join(' ', words[^Words..]), characterMatching: false), phrase.Original, words.Length - Words);
    }
}

/// <summary>A scenario's checklist prepared once: phrases resolved and compiled, items in dependency order.</summary>
internal sealed class CompiledChecklist
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private CompiledChecklist(bool characterMatching, CompiledItem[] items, int[] order)
    {
        CharacterMatching = characterMatching;
        Items = items;
        EvaluationOrder = order;
    }

    public bool CharacterMatching { get; }

    /// <summary>In checklist order.</summary>
    public CompiledItem[] Items { get; }

    /// <summary>Indexes into <see cref="Items"/> such that an item comes after the item its <c>after</c> names.</summary>
    public int[] EvaluationOrder { get; }

    public static CompiledChecklist Compile(Scenario scenario, IPhraseResolver resolver)
    {
        var characterMatching = scenario.UsesCharacterMatching;
        var checklist = scenario.Checklist;
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < checklist.Count; i++)
        {
            indexById.TryAdd(checklist[i].Id, i);
        }

        var items = new CompiledItem[checklist.Count];
        for (var i = 0; i < checklist.Count; i++)
        {
            var item = checklist[i];
            var templates = item.Check switch
            {
                AnyPhraseCheck any => any.Phrases,
                AllPhrasesCheck all => all.Phrases,
                NoPhraseCheck none => none.Phrases,
                _ => [],
            };
            var groups = new CompiledPhrase[templates.Count][];
            for (var g = 0; g < templates.Count; g++)
            {
                var alternatives = resolver.Resolve(scenario, templates[g]);
                groups[g] = alternatives
                    .Select(a => new CompiledPhrase(a, characterMatching))
                    .Where(p => p.Text.Length > 0)
                    .ToArray();
            }

            var pattern = item.Check is RegexCheck regex
                ? new Regex(regex.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout)
                : null;
            var after = item.After is not null && indexById.TryGetValue(item.After, out var target) && target != i ? target : -1;
            CompiledPhrase[] flat = [.. groups.SelectMany(g => g)];
            TailPhrase[] tails = item.Check is AnyPhraseCheck ? [.. flat.Select(TailPhrase.Of).OfType<TailPhrase>()] : [];
            items[i] = new CompiledItem(item, groups, flat, pattern, after, tails);
        }

        return new CompiledChecklist(characterMatching, items, DependencyOrder(items));
    }

    private static int[] DependencyOrder(CompiledItem[] items)
    {
        var order = new List<int>(items.Length);
        var state = new byte[items.Length]; // 0 new, 1 visiting, 2 done

        void Visit(int i)
        {
            if (state[i] != 0)
            {
                // A cycle (state 1) is rejected by the validator; here it simply stops the walk.
                return;
            }

            state[i] = 1;
            if (items[i].AfterIndex >= 0)
            {
                Visit(items[i].AfterIndex);
            }

            state[i] = 2;
            order.Add(i);
        }

        for (var i = 0; i < items.Length; i++)
        {
            Visit(i);
        }

        return [.. order];
    }
}
