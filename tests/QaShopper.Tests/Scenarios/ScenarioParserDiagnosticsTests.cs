using QaShopper.Core.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Scenarios;

public sealed class ScenarioParserDiagnosticsTests
{
    private const string Head = "id: t\ntitle: T\nlocale: en-US\n";
    private const string OkScript = "script:\n  - say: hi\n";
    private const string OkChecklist = "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { any: [\"x\"] }\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, string yaml, int line, int column, string message) =>
            new TestCaseData(yaml, line, column, message).SetName($"Parse_{name}_ReportsPosition");

        yield return Case("UnknownTopLevelField", Head + "titel: x\n" + OkScript + OkChecklist, 4, 1, "unknown field 'titel' in the scenario; did you mean 'title'?");
        yield return Case("UnknownFieldWithoutSuggestion", Head + "zzzzzz: x\n" + OkScript + OkChecklist, 4, 1, "unknown field 'zzzzzz' in the scenario; expected one of: id, title");
        yield return Case("MissingId", "title: T\nlocale: en-US\n" + OkScript + OkChecklist, 1, 1, "missing required field 'id'");
        yield return Case("MissingChecklist", Head + OkScript, 1, 1, "missing required field 'checklist'");
        yield return Case("BadId", "id: Bad_Id\ntitle: T\nlocale: en-US\n" + OkScript + OkChecklist, 1, 5, "invalid scenario id 'Bad_Id'; expected lower-case letters, digits and '-'");
        yield return Case("BadLocale", "id: t\ntitle: T\nlocale: english\n" + OkScript + OkChecklist, 3, 9, "invalid locale 'english'; expected a BCP-47 language tag");
        yield return Case("ScriptNotList", Head + "script: hello\n" + OkChecklist, 4, 9, "'script' must be a list of steps");
        yield return Case("ScriptEmpty", Head + "script: []\n" + OkChecklist, 4, 9, "'script' must have at least one step");
        yield return Case("UnknownStep", Head + "script:\n  - sya: hi\n" + OkChecklist, 5, 5, "unknown step 'sya'; did you mean 'say'?");
        yield return Case("UnknownBareStep", Head + "script:\n  - hangpu\n" + OkChecklist, 5, 5, "unknown step 'hangpu'; did you mean 'hangup'?");
        yield return Case("HangupWithValue", Head + "script:\n  - hangup: true\n" + OkChecklist, 5, 5, "'hangup' takes no value; write '- hangup'");
        yield return Case("TwoKindsInOneStep", Head + "script:\n  - say: hi\n    pause: 1s\n" + OkChecklist, 6, 5, "a script step has exactly one kind");
        yield return Case("SayEmpty", Head + "script:\n  - say: \"\"\n" + OkChecklist, 5, 10, "'say' must not be empty");
        yield return Case("SayNotText", Head + "script:\n  - say: [a]\n" + OkChecklist, 5, 10, "'say' must be a text");
        yield return Case("BadDtmf", Head + "script:\n  - press: 12x\n" + OkChecklist, 5, 12, "invalid DTMF digits '12x'; expected 0-9, *, #, A-D and w");
        yield return Case("PauseNotDuration", Head + "script:\n  - pause: soon\n" + OkChecklist, 5, 12, "invalid duration 'soon' for 'pause'; expected a number and a unit (ms, s, m, h)");
        yield return Case("DurationWithoutUnit", Head + "script:\n  - listen: { max: 10 }\n" + OkChecklist, 5, 20, "duration '10' for 'max' needs a unit, e.g. 10s");
        yield return Case("DurationZero", Head + "script:\n  - listen: { silence: 0s }\n" + OkChecklist, 5, 24, "'silence' must be greater than zero; got '0s'");
        yield return Case("DurationUnitsOutOfOrder", Head + "script:\n  - listen: { max: 30s1m }\n" + OkChecklist, 5, 20, "invalid duration '30s1m' for 'max'");
        yield return Case("UnknownListenField", Head + "script:\n  - listen: { maxx: 10s }\n" + OkChecklist, 5, 15, "unknown field 'maxx' in listen; did you mean 'max'?");
        yield return Case("UntilNotList", Head + "script:\n  - listen: { until: press one }\n" + OkChecklist, 5, 22, "'until' must be a list of phrases");
        yield return Case("UnquotedTemplate", Head + "variables: { name: x }\nscript:\n  - say: {{name}}\n" + OkChecklist, 6, 10, "a value starting with '{{' must be quoted");
        yield return Case("UnquotedTemplateWithText", Head + "variables: { name: x }\nscript:\n  - say: {{name}} there\n" + OkChecklist, 6, 10, "a value starting with '{{' must be quoted");
        yield return Case("UnknownTemplateVariable", Head + "variables: { branch: x }\ncaller: { name: Al }\nscript:\n  - say: \"Hi {{brnch}}\"\n" + OkChecklist, 7, 14, "unknown template variable 'brnch'; known: branch, caller.name");
        yield return Case("UnknownCallerField", Head + "caller: { name: Al }\nscript:\n  - say: \"Hi {{caller.nme}}\"\n" + OkChecklist, 6, 14, "unknown template variable 'caller.nme'; known: caller.name");
        yield return Case("CallerFieldUsesCaller", Head + "caller:\n  name: Al\n  greeting: \"I am {{caller.name}}\"\n" + OkScript + OkChecklist, 6, 19, "unknown template variable 'caller.name'; known: (none)");
        yield return Case("PickWithoutQuotes", Head + "script:\n  - say: \"{{pick a b}}\"\n" + OkChecklist, 5, 11, "'pick' takes one or more quoted texts");
        yield return Case("UnknownHelper", Head + "script:\n  - say: \"{{upper x}}\"\n" + OkChecklist, 5, 11, "unknown template helper 'upper'; only 'pick' is supported");
        yield return Case("UnknownVariableInUntil", Head + "script:\n  - listen: { until: [\"{{menu}}\"] }\n" + OkChecklist, 5, 24, "unknown template variable 'menu'");
        yield return Case("MisspeltVariable", Head + "variables: { branch: x }\nscript:\n  - say: \"Hi, is {{ brnch }} open?\"\n" + OkChecklist, 6, 18, "unknown template variable 'brnch'; known: branch");
        yield return Case("HandlebarsTripleStash", Head + "variables: { name: x }\nscript:\n  - say: \"Hi {{{name}}}\"\n" + OkChecklist, 6, 14, "'{{{name}}}' is not supported; write '{{name}}' (scenario text is never escaped)");
        yield return Case("VariableNamedLikeScribanKeyword", Head + "variables: { true: x }\nscript:\n  - say: \"Is it {{true}}?\"\n" + OkChecklist, 6, 17, "Scriban does not read '{{true}}' as a variable, caller.KEY or pick");
        yield return Case("BackslashEscapeInPick", Head + "script:\n  - say: 'Press {{pick \"1\\n\" \"2\"}}'\n" + OkChecklist, 5, 17, "Scriban does not read '{{pick \"1\\n\" \"2\"}}' as a variable, caller.KEY or pick");
        yield return Case("ScribanSyntaxError", Head + "variables: { end: x }\nscript:\n  - say: \"It ends at {{end}}\"\n" + OkChecklist, 6, 22, "template syntax error:");
        yield return Case("UnknownVariableInPhrase", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { any: [\"ok {{hours}}\"] }\n", 10, 24, "unknown template variable 'hours'");
        yield return Case("EmptyChecklist", Head + OkScript + "checklist: []\n", 6, 12, "'checklist' must have at least one item");
        yield return Case("ItemMissingWeight", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    match: { any: [\"x\"] }\n", 7, 5, "checklist item 'a' is missing required field 'weight'");
        yield return Case("WeightNotNumber", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: ten\n    match: { any: [\"x\"] }\n", 9, 13, "'weight' must be a number, e.g. 10; got 'ten'");
        yield return Case("WeightZero", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 0\n    match: { any: [\"x\"] }\n", 9, 13, "'weight' must be a positive number; got 0");
        yield return Case("CriticalNotBool", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    critical: yes please\n    match: { any: [\"x\"] }\n", 10, 15, "'critical' must be true or false");
        yield return Case("BadSpeaker", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    speaker: customer\n    match: { any: [\"x\"] }\n", 10, 14, "'speaker' must be agent, caller or any; got 'customer'");
        yield return Case("UnknownItemField", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    inlast: 10s\n    match: { any: [\"x\"] }\n", 10, 5, "unknown field 'inlast' in checklist item; did you mean 'in_last'?");
        yield return Case("DuplicateItemId", Head + OkScript + OkChecklist + "  - id: a\n    text: B\n    weight: 1\n    match: { any: [\"y\"] }\n", 11, 9, "duplicate checklist item id 'a'; first defined at line 7");
        yield return Case("ItemWithoutCheck", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n", 7, 5, "checklist item 'a' needs a check: 'match', 'answered_within' or 'max_silence'");
        yield return Case("ItemWithTwoChecks", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { any: [\"x\"] }\n    max_silence: 30s\n", 11, 5, "checklist item 'a' has more than one check ('match' and 'max_silence')");
        yield return Case("MatchTwoKinds", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { any: [\"x\"], regex: \"y\" }\n", 10, 26, "'match' takes exactly one of any, all, none or regex; found 'any' and 'regex'");
        yield return Case("MatchEmpty", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: {}\n", 10, 12, "'match' needs exactly one of any, all, none or regex");
        yield return Case("UnknownMatchField", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { anyy: [\"x\"] }\n", 10, 14, "unknown field 'anyy' in match; did you mean 'any'?");
        yield return Case("EmptyPhraseList", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { all: [] }\n", 10, 19, "'all' must list at least one phrase");
        yield return Case("EmptyPhrase", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { none: [\"\"] }\n", 10, 21, "a phrase in 'none' must not be empty");
        yield return Case("InvalidRegex", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { regex: \"(unclosed\" }\n", 10, 21, "invalid regular expression: Invalid pattern '(unclosed' at offset 9. Not enough )'s.");
        yield return Case("WithinWithoutMatch", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    answered_within: 10s\n    within: 5s\n", 11, 5, "'within' only applies to items with 'match'");
        yield return Case("AfterWithoutMatch", Head + OkScript + OkChecklist + "  - id: b\n    text: B\n    weight: 1\n    max_silence: 10s\n    after: a\n", 15, 5, "'after' only applies to items with 'match'");
        yield return Case("AfterUnknownItem", Head + OkScript + OkChecklist + "  - id: b\n    text: B\n    weight: 1\n    match: { any: [\"y\"] }\n    after: zz\n", 15, 12, "'after' names unknown item 'zz'; known items: a, b");
        yield return Case("AfterItself", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { any: [\"x\"] }\n    after: a\n", 11, 12, "'after' cannot name the item itself ('a')");
        yield return Case("AfterItemWithoutMatch", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    answered_within: 10s\n  - id: b\n    text: B\n    weight: 1\n    match: { any: [\"y\"] }\n    after: a\n", 15, 12, "'after' names item 'a', which has no 'match'");
        yield return Case("AfterCycle", Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { any: [\"x\"] }\n    after: b\n  - id: b\n    text: B\n    weight: 1\n    match: { any: [\"y\"] }\n    after: a\n", 11, 12, "'after' forms a cycle: a -> b -> a");
        yield return Case("GradesOutOfOrder", Head + OkScript + OkChecklist + "grades: { good: 95 }\n", 11, 17, "grades must satisfy 0 <= pass < good < excellent <= 100; 'good' is 95 but 'excellent' is 90 (default)");
        yield return Case("GradeAbove100", Head + OkScript + OkChecklist + "grades: { excellent: 101 }\n", 11, 22, "'excellent' must be at most 100; got 101");
        yield return Case("UnknownGradeField", Head + OkScript + OkChecklist + "grades: { passs: 50 }\n", 11, 11, "unknown field 'passs' in grades; did you mean 'pass'?");
        yield return Case("SyntaxError", Head + "script:\n  - say: \"unclosed\n" + OkChecklist, 5, 10, "YAML syntax error");
        yield return Case("DuplicateYamlKey", Head + "title: again\n" + OkScript + OkChecklist, 4, 1, "YAML syntax error");
        yield return Case("RootNotMapping", "- a\n- b\n", 1, 1, "a scenario must be a mapping of fields");
        yield return Case("EmptyFile", "# nothing\n", 1, 1, "the file is empty");
    }

    [TestCaseSource(nameof(Cases))]
    public void Parse_BrokenScenario_ReportsExactPosition(string yaml, int line, int column, string message)
    {
        var result = ScenarioParser.Parse(yaml, "broken.yaml");

        Assert.That(result.Scenario, Is.Null);
        Assert.That(result.IsValid, Is.False);
        DiagnosticAssert.ReportsAt(result.Diagnostics, "broken.yaml", line, column, message);
    }

    [Test]
    public void Parse_RegexWithAgentGroup_IsValid()
    {
        var yaml = Head + OkScript + "checklist:\n  - id: a\n    text: A\n    weight: 1\n    match: { regex: \"my name is (?<agent>\\\\w+)\" }\n";

        var result = ScenarioParser.Parse(yaml, "ok.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Checklist[0].Check, Is.EqualTo(new RegexCheck(@"my name is (?<agent>\w+)")));
    }

    [Test]
    public void Parse_ManyProblems_ReportsAllInFileOrder()
    {
        const string yaml = """
            id: Bad Id
            title: T
            locale: en-US
            colour: blue
            script:
              - say: "Hi {{nobody}}"
              - listen: { max: 10 }
              - press: xyz
            checklist:
              - id: a
                text: A
                weight: -1
                match: { any: ["x"] }
              - id: a
                text: B
                weight: 1

            """;

        var result = ScenarioParser.Parse(yaml, "many.yaml");

        Assert.That(result.Diagnostics.Select(d => d.Position.ToString()), Is.EqualTo(new[]
        {
            "1:5", "4:1", "6:14", "7:20", "8:12", "12:13", "14:5", "14:9",
        }), string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Parse_DurationForms_AreAccepted()
    {
        var yaml = Head + "script:\n  - pause: 1.5s\n  - pause: 1m30s\n  - pause: 250ms\n  - pause: 1h\n  - pause: 2m\n" + OkChecklist;

        var result = ScenarioParser.Parse(yaml, "d.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Scenario!.Script.Cast<PauseStep>().Select(p => p.Duration.TotalMilliseconds), Is.EqualTo(new[] { 1500d, 90_000, 250, 3_600_000, 120_000 }));
    }

    [Test]
    public void Parse_Diagnostic_FormatsAsFileLineColumn()
    {
        var result = ScenarioParser.Parse("id: t\n", "x.yaml");

        Assert.That(result.Diagnostics[0].ToString(), Is.EqualTo("x.yaml:1:1: missing required field 'title'"));
    }
}
