using System.Globalization;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Web.Pages.Scenarios;

/// <summary>One call of a scenario rendered for one draw (the seed), as the caller will speak it and the scorer read it.</summary>
public sealed record ScenarioPreview(int Draw, RenderedScenario? Rendered, string? Error)
{
    /// <summary>Renders <paramref name="scenario"/> with the templates' picks drawn from <paramref name="draw"/>.</summary>
    public static ScenarioPreview Render(Scenario scenario, int draw)
    {
        try
        {
            return new ScenarioPreview(draw, ScenarioRenderer.Render(scenario, new Random(draw)), null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // The parser checks templates, so this is a bug; the page says so instead of failing whole.
            return new ScenarioPreview(draw, null, "the templates could not be rendered: " + ex.Message);
        }
    }

    /// <summary>What an item checks, in a few words.</summary>
    public static string Describe(ChecklistItem item) => item.Check switch
    {
        AnyPhraseCheck any => "any of: " + string.Join(" | ", any.Phrases),
        AllPhrasesCheck all => "all of: " + string.Join(" | ", all.Phrases),
        NoPhraseCheck none => "none of: " + string.Join(" | ", none.Phrases),
        RegexCheck regex => "pattern " + regex.Pattern,
        AnsweredWithinCheck answered => string.Create(CultureInfo.InvariantCulture, $"answered within {answered.Limit.TotalSeconds} s"),
        MaxSilenceCheck silence => string.Create(CultureInfo.InvariantCulture, $"no silence over {silence.Limit.TotalSeconds} s"),
        _ => "",
    };
}
