using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Scenarios.Parsing;

/// <summary>The caller's steps: <c>say</c>, <c>listen</c>, <c>press</c>, <c>pause</c> and the bare <c>hangup</c>.</summary>
internal static partial class ScriptParser
{
    public static readonly TimeSpan DefaultListenMax = TimeSpan.FromSeconds(30);

    private const string StepKindList = "say, listen, press, pause or hangup";

    public static List<ScriptStep>? Parse(ParseContext context, YamlNode node, IReadOnlyList<string> known)
    {
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            context.Report(node, node is YamlSequenceNode || YamlValues.IsNull(node)
                ? "'script' must have at least one step, e.g. - say: \"Hello\""
                : $"'script' must be a list of steps, e.g. - say: \"Hello\"; got {YamlValues.Describe(node)}");
            return null;
        }

        var steps = new List<ScriptStep>();
        var ok = true;
        foreach (var child in sequence.Children)
        {
            var step = ParseStep(context, child, known);
            if (step is null)
            {
                ok = false;
            }
            else
            {
                steps.Add(step);
            }
        }

        return ok ? steps : null;
    }

    private static ScriptStep? ParseStep(ParseContext context, YamlNode node, IReadOnlyList<string> known)
    {
        var position = ParseContext.ToPosition(node.Start);
        if (node is YamlScalarNode { Value: { } bare } && !YamlValues.IsNull(node))
        {
            if (bare == "hangup")
            {
                return new HangupStep(position);
            }

            context.Report(node, ScenarioFields.StepKinds.Contains(bare)
                ? $"step '{bare}' needs a value, e.g. - {bare}: {Example(bare)}"
                : UnknownStepMessage(bare));
            return null;
        }

        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            context.Report(node, $"a script step must be one of {StepKindList}; got {YamlValues.Describe(node)}");
            return null;
        }

        var entries = mapping.Children.ToList();
        if (entries.Count > 1)
        {
            // Usually a missing "- " or a wrong indentation merged two steps.
            context.Report(entries[1].Key, $"a script step has exactly one kind; found {YamlValues.Describe(entries[0].Key)} and {YamlValues.Describe(entries[1].Key)} in one step (start each step with '- ')");
            return null;
        }

        var (keyNode, value) = entries[0];
        var kind = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        switch (kind)
        {
            case "say":
                var text = YamlValues.Text(context, value, "say");
                if (text is null || value is not YamlScalarNode scalar)
                {
                    return null;
                }

                TemplateChecker.Check(context, scalar, text, known);
                return new SayStep(text, position);
            case "listen":
                return ParseListen(context, value, position, known);
            case "press":
                return ParsePress(context, value, position);
            case "pause":
                return YamlValues.Duration(context, value, "pause", mustBePositive: false) is { } pause
                    ? new PauseStep(pause, position)
                    : null;
            case "hangup":
                context.Report(keyNode, "'hangup' takes no value; write '- hangup'");
                return null;
            default:
                context.Report(keyNode, UnknownStepMessage(kind));
                return null;
        }
    }

    private static ListenStep? ParseListen(ParseContext context, YamlNode value, SourcePosition position, IReadOnlyList<string> known)
    {
        if (YamlValues.IsNull(value))
        {
            return new ListenStep(DefaultListenMax, ListenStep.DefaultSilence, [], position);
        }

        if (value is not YamlMappingNode mapping)
        {
            context.Report(value, $"'listen' must be a mapping such as {{ max: 20s }}; got {YamlValues.Describe(value)}");
            return null;
        }

        var errorsBefore = context.ErrorCount;
        var fields = YamlValues.Fields(context, mapping, ScenarioFields.Listen, "listen");
        var max = fields.TryGetValue("max", out var maxField)
            ? YamlValues.Duration(context, maxField.Value, "max", mustBePositive: true)
            : DefaultListenMax;
        var silence = fields.TryGetValue("silence", out var silenceField)
            ? YamlValues.Duration(context, silenceField.Value, "silence", mustBePositive: true)
            : ListenStep.DefaultSilence;
        IReadOnlyList<string> until = [];
        if (fields.TryGetValue("until", out var untilField))
        {
            var phrases = YamlValues.Phrases(context, untilField.Value, "until");
            foreach (var (phrase, node) in phrases ?? [])
            {
                TemplateChecker.Check(context, node, phrase, known);
            }

            until = phrases?.Select(p => p.Text).ToList() ?? [];
        }

        return context.ErrorCount == errorsBefore && max is { } m && silence is { } s
            ? new ListenStep(m, s, until, position)
            : null;
    }

    private static PressStep? ParsePress(ParseContext context, YamlNode value, SourcePosition position)
    {
        if (value is YamlScalarNode { Value: { Length: > 0 } digits } && !YamlValues.IsNull(value))
        {
            if (DtmfPattern().IsMatch(digits))
            {
                return new PressStep(digits, position);
            }

            context.Report(value, $"invalid DTMF digits '{digits}'; expected 0-9, *, #, A-D and w (a half-second wait), e.g. 1w2#");
            return null;
        }

        context.Report(value, $"'press' must be DTMF digits, e.g. - press: \"1w2#\"; got {YamlValues.Describe(value)}");
        return null;
    }

    private static string UnknownStepMessage(string kind)
    {
        var suggestion = FieldSuggester.Closest(kind, ScenarioFields.StepKinds);
        return suggestion is null
            ? $"unknown step '{kind}'; expected {StepKindList}"
            : $"unknown step '{kind}'; did you mean '{suggestion}'? (steps: {StepKindList})";
    }

    private static string Example(string kind) => kind switch
    {
        "say" => "\"Hello\"",
        "listen" => "{ max: 20s }",
        "press" => "\"1\"",
        _ => "2s",
    };

    [GeneratedRegex("^[0-9*#A-Dw]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DtmfPattern();
}
