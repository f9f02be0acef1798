using QaShopper.Core.Attribution;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.Tests.Scoring;

/// <summary>A misheard name is matched to the roster by how it sounds; a wrong agent is never named with confidence.</summary>
public sealed class AgentIdentifierTests
{
    private static readonly AgentRecord[] Roster =
    [
        new("sarah", "Sarah Lee", "1001", "leeds"),
        new("connor", "Connor", "1002", "leeds"),
        new("victor", "Victor", "1003", "leeds"),
        new("fiona", "Fiona", "1004", "leeds"),
    ];

    [TestCase("sarah", "sarah", AgentMatchKind.Exact)]
    [TestCase("Sarah", "sarah", AgentMatchKind.Exact)]
    [TestCase("sir", "sarah", AgentMatchKind.SoundsAlike)]
    [TestCase("conner", "connor", AgentMatchKind.SoundsAlike)]
    [TestCase("fictor", "victor", AgentMatchKind.SoundsAlike)]
    public void HeardName_IsMatchedToTheRosterAgentItSoundsLike(string heard, string agent, AgentMatchKind kind)
    {
        var (id, match) = AgentIdentifier.Identify(heard, Roster);

        Assert.That(id, Is.EqualTo(agent));
        Assert.That(match!.Kind, Is.EqualTo(kind));
        Assert.That(match.IsConfident, Is.True);
        Assert.That(match.Heard, Is.EqualTo(heard.ToLowerInvariant()));
    }

    [TestCase("the")]
    [TestCase("a")]
    [TestCase("going")]
    public void WordLikeNobodysName_LeavesTheAgentUnidentified(string heard)
    {
        var (id, match) = AgentIdentifier.Identify(heard, Roster);

        Assert.That(id, Is.Null);
        Assert.That(match!.Kind, Is.EqualTo(AgentMatchKind.NotOnRoster));
    }

    [Test]
    public void NameAsLikeTwoAgents_IsNeverAConfidentMatch()
    {
        AgentRecord[] roster = [new("sara", "Sara", null, null), new("zara", "Zara", null, null)];

        var (id, match) = AgentIdentifier.Identify("sarra", roster);

        Assert.That(match!.IsConfident, Is.False, $"named {id} as {match.Kind}");
    }

    [Test]
    public void WeakerLikeness_NamesTheAgentButSendsTheCallToReview()
    {
        var (id, match) = AgentIdentifier.Identify("fina", Roster);
        Assert.That(id, Is.EqualTo("fiona"));
        Assert.That(match!.Kind, Is.EqualTo(AgentMatchKind.SoundsAlike).Or.EqualTo(AgentMatchKind.Unsure));

        var (_, unsure) = AgentIdentifier.Identify("victim", Roster);
        Assert.That(unsure!.Kind, Is.EqualTo(AgentMatchKind.Unsure).Or.EqualTo(AgentMatchKind.NotOnRoster), "victim keeps two of victor's three consonants");

        var score = Attribute(Score("victim"), Roster);
        Assert.That(score.NeedsReview, Is.EqualTo(unsure.Kind == AgentMatchKind.Unsure));
    }

    [Test]
    public void WithoutARoster_TheHeardNameStands()
    {
        var (id, match) = AgentIdentifier.Identify("Sarah", []);

        Assert.That(id, Is.EqualTo("sarah"));
        Assert.That(match, Is.Null);
    }

    [Test]
    public void Attribute_KeepsTheKnownAgentWhenNoNameWasHeard_OnlyIfOnTheRoster()
    {
        Assert.That(Attribute(Score(null), Roster, "fiona").Agent, Is.EqualTo("fiona"));
        Assert.That(Attribute(Score(null), Roster, "nobody").Agent, Is.Null, "not a phantom agent");
        Assert.That(Attribute(Score(null), [], "nobody").Agent, Is.EqualTo("nobody"));
    }

    [Test]
    public void Attribute_ConfidentMatch_NamesTheAgentWithoutReview()
    {
        var score = Attribute(Score("sir"), Roster);

        Assert.That(score.Agent, Is.EqualTo("sarah"));
        Assert.That(score.AgentMatch!.Kind, Is.EqualTo(AgentMatchKind.SoundsAlike));
        Assert.That(score.NeedsReview, Is.False);
    }

    [TestCase("sarah", "sir")]
    [TestCase("connor", "conner")]
    [TestCase("philip", "filip")]
    [TestCase("katherine", "catherine")]
    public void SoundKey_IsTheSameForNamesThatSoundAlike(string a, string b) =>
        Assert.That(NameSounds.Key(a), Is.EqualTo(NameSounds.Key(b)));

    [TestCase("sarah", "simon")]
    [TestCase("owen", "hazel")]
    public void SoundKey_DiffersForNamesThatDoNot(string a, string b) =>
        Assert.That(NameSounds.Key(a), Is.Not.EqualTo(NameSounds.Key(b)));

    private static CallScore Attribute(CallScore score, IReadOnlyList<AgentRecord> roster, string? known = null) =>
        AgentAttribution.Apply(score, NameScenario, Transcript, roster, known);

    private static readonly Transcript Transcript = new(1, 30, [new TranscriptSegment(Speaker.Agent, 0.5, 2, "good morning you've reached acme")]);

    private static readonly Scenario NameScenario = TestScenarios.Scenario(TestScenarios.Item("agent-name", new RegexCheck("this is (?<agent>[a-z]+)")));

    private static CallScore Score(string? heard) => new("s", "h", heard, 100, Grade.Excellent, false, []);

    [Test]
    public void RosterNameInTheOpening_WithoutARecognisedIntroduction_NamesTheAgentForReview_AndLeavesTheNameItemUncertain()
    {
        var scenario = TestScenarios.Scenario(
            TestScenarios.Item("greeting", TestScenarios.Any("you've reached acme")),
            TestScenarios.Item("agent-name", new RegexCheck("(this is|you're speaking with) (?<agent>[a-z]+)")));
        var transcript = new Transcript(1, 30,
        [
            new TranscriptSegment(Speaker.Agent, 0.5, 2, "good morning you've reached acme", 0.9),
            new TranscriptSegment(Speaker.Agent, 2.2, 3.5, "this fiona speaking", 0.5),
            new TranscriptSegment(Speaker.Caller, 4, 6, "hello fiona I need help", 0.9),
        ]);
        var scorer = new QaShopper.Core.Scoring.ChecklistScorer(new QaShopper.Core.Scoring.ScoringOptions(), new IdentityPhraseResolver());
        var scored = scorer.Score(scenario, transcript);
        Assert.That(scored.Items.Single(i => i.Id == "agent-name").Outcome, Is.EqualTo(ItemOutcome.Failed), "the pattern did not match");

        var attributed = AgentAttribution.Apply(scored, scenario, transcript, Roster);

        Assert.That(attributed.Agent, Is.EqualTo("fiona"));
        Assert.That(attributed.AgentMatch!.Kind, Is.EqualTo(AgentMatchKind.Unsure));
        Assert.That(attributed.NeedsReview, Is.True);
        var item = attributed.Items.Single(i => i.Id == "agent-name");
        Assert.That(item.Outcome, Is.EqualTo(ItemOutcome.Uncertain));
        Assert.That(item.Evidence.Reason, Does.Contain("'fiona' was heard at 2.2 s"));
        Assert.That(attributed.Score, Is.EqualTo(100), "the uncertain item is out of the score until reviewed");
    }

    [Test]
    public void TwoRosterNamesInTheOpening_NameNobody()
    {
        var transcript = new Transcript(1, 30, [new TranscriptSegment(Speaker.Agent, 0.5, 2, "fiona or connor will call you back")]);

        var attributed = AgentAttribution.Apply(Score(null), NameScenario, transcript, Roster);

        Assert.That(attributed.Agent, Is.Null);
    }

    [TestCase(AgentMatchKind.Exact, "heard 'sarah': the roster name")]
    [TestCase(AgentMatchKind.SoundsAlike, "heard 'sarah': sounds like sarah and like nobody else on the roster (likeness 0.70)")]
    [TestCase(AgentMatchKind.Unsure, "heard 'sarah': perhaps sarah, not sure (likeness 0.70); check the recording")]
    [TestCase(AgentMatchKind.NotOnRoster, "heard 'sarah': like nobody on the roster, so not identified")]
    public void Wording_SaysWhatWasHeardAndHowSure(AgentMatchKind kind, string expected) =>
        Assert.That(AgentMatchWording.Describe(new AgentMatch("sarah", kind, 0.7), "sarah"), Is.EqualTo(expected));
}
