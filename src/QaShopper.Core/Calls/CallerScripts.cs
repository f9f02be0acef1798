using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Core.Calls;

/// <summary>What a transcriber needs to know about the caller's side of a call we placed ourselves.</summary>
public static class CallerScripts
{
    /// <summary>
    /// The caller's turns as played in a call with these <c>pick</c> choices: each <c>say</c> line rendered, each
    /// <c>press</c> as tones. Empty when a line has no single rendering (a pick whose choice was not recorded): a guess
    /// between alternatives would label the caller's speech with words that may not have been said.
    /// </summary>
    public static IReadOnlyList<CallerTurn> For(Scenario scenario, IReadOnlyDictionary<string, string> choices)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(choices);
        var turns = new List<CallerTurn>();
        for (var i = 0; i < scenario.Script.Count; i++)
        {
            switch (scenario.Script[i])
            {
                case SayStep say:
                    var rendered = TemplatePhraseResolver.ResolveWithChoices(scenario, say.Text, choices, string.Create(CultureInfo.InvariantCulture, $"script[{i}].say"));
                    if (rendered.Count != 1)
                    {
                        return [];
                    }

                    turns.Add(new CallerTurn(rendered[0]));
                    break;
                case PressStep:
                    turns.Add(new CallerTurn(null));
                    break;
            }
        }

        return turns;
    }

    /// <summary>
    /// True when some checklist item looks for words in the caller's speech (<c>speaker: caller</c> or <c>any</c>).
    /// Otherwise scoring uses the caller's side only for timing (the longest silence).
    /// </summary>
    public static bool WordsNeeded(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Checklist.Any(item =>
            item.Speaker != Speaker.Agent && item.Check is AnyPhraseCheck or AllPhrasesCheck or NoPhraseCheck or RegexCheck);
    }
}
