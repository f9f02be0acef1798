using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Scoring;
using QaShopper.Core.Transcripts;
using static QaShopper.Tests.Scoring.TestScenarios;

namespace QaShopper.Tests.Scoring;

public sealed class ChecklistScorerTests
{
    private static readonly ChecklistScorer Scorer = new(new ScoringOptions(), new IdentityPhraseResolver());

    private static ItemResult Only(Scenario scenario, Transcript transcript) => Scorer.Score(scenario, transcript).Items.Single();

    [Test]
    public void Score_AnyPhraseSaid_PassesWithOriginalWording()
    {
        var result = Only(
            Scenario(Item("greeting", Any("welcome to acme", "thank you for calling acme"))),
            Call(30, Agent(0.4, 3.9, "Thank you for calling Acme Bank, my name is Sarah.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(result.Evidence.Text, Is.EqualTo("Thank you for calling Acme"));
        Assert.That(result.Evidence.Speaker, Is.EqualTo(Speaker.Agent));
        Assert.That(result.Evidence.Start, Is.EqualTo(0.4));
        Assert.That(result.Evidence.End, Is.EqualTo(3.9));
        Assert.That(result.Evidence.Similarity, Is.EqualTo(1.0));
        Assert.That(result.Evidence.Phrase, Is.EqualTo("thank you for calling acme"));
    }

    [Test]
    public void Score_PhraseMisrecognised_PassesWithSimilarity()
    {
        var result = Only(
            Scenario(Item("greeting", Any("thank you for calling acme bank"))),
            Call(30, Agent(0.4, 3.9, "Thank you for colling Acme Bank.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(result.Evidence.Similarity, Is.EqualTo(0.97));
    }

    [Test]
    public void Score_NearMiss_ReasonGivesClosestSimilarity()
    {
        var result = Only(
            Scenario(Item("closing", Any("have a nice day"))),
            Call(30, Agent(20, 25, "Have a nice week.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Reason, Does.StartWith("no closing phrase; closest: 'Have a nice week' at 20.0 s, similarity 0."));
    }

    [Test]
    public void Score_AllPhrasesSaid_PassesWithOneEvidencePerPhrase()
    {
        var result = Only(
            Scenario(Item("verify", All("date of birth", "post code"))),
            Call(60, Agent(10, 12, "What is your post code?"), Agent(20, 23, "And your date of birth?")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(result.Evidence.Matches, Has.Count.EqualTo(2));
        Assert.That(result.Evidence.Start, Is.EqualTo(10));
        Assert.That(result.Evidence.End, Is.EqualTo(23));
    }

    [Test]
    public void Score_AllPhrasesOneMissing_FailsNamingIt()
    {
        var result = Only(
            Scenario(Item("verify", All("date of birth", "post code"))),
            Call(60, Agent(10, 12, "What is your post code?")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Reason, Is.EqualTo("missing 'date of birth'"));
    }

    [Test]
    public void Score_ForbiddenPhraseSaid_FailsWithTimeInReason()
    {
        var result = Only(
            Scenario(Item("polite", None("i don't know", "calm down"))),
            Call(60, Agent(42.1, 44, "Please calm down, sir.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Reason, Is.EqualTo("said 'calm down' at 42.1 s"));
        Assert.That(result.Evidence.Phrase, Is.EqualTo("calm down"));
    }

    [Test]
    public void Score_NoForbiddenPhrase_Passes()
    {
        var result = Only(
            Scenario(Item("polite", None("not my problem"))),
            Call(60, Agent(1, 4, "That is not a problem at all.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
    }

    [Test]
    public void Score_ForbiddenPhraseOutsideWindow_Passes()
    {
        var result = Only(
            Scenario(Item("polite-start", None("hold on"), within: 10)),
            Call(60, Agent(30, 32, "Hold on please.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
    }

    [Test]
    public void Score_RegexWithAgentGroup_IdentifiesAgent()
    {
        var score = Scorer.Score(
            Scenario(Item("agent-name", new RegexCheck("my name is (?<agent>[a-z]+)"))),
            Call(30, Agent(0.4, 3.9, "Thank you for calling, MY NAME IS Sarah.")),
            agentId: "fallback");

        Assert.That(score.Items[0].Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(score.Items[0].Evidence.Text, Is.EqualTo("MY NAME IS Sarah"));
        Assert.That(score.Agent, Is.EqualTo("sarah"));
    }

    [TestCase("fallback", "fallback")]
    [TestCase(null, null)]
    public void Score_RegexWithoutMatch_AgentFallsBackToArgument(string? agentId, string? expected)
    {
        var score = Scorer.Score(
            Scenario(Item("agent-name", new RegexCheck("my name is (?<agent>[a-z]+)"))),
            Call(30, Agent(0.4, 3.9, "Hello, how can I help?")),
            agentId);

        Assert.That(score.Items[0].Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(score.Agent, Is.EqualTo(expected));
    }

    [Test]
    public void Score_RegexMatchesOriginalTextNotNormalised()
    {
        var result = Only(
            Scenario(Item("reference", new RegexCheck(@"\bref(erence)? \d{4}\b"))),
            Call(30, Agent(1, 3, "Your reference 4521 is noted.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
    }

    [Test]
    public void Score_GreetingTooLate_FailsWithinWindow()
    {
        var result = Only(
            Scenario(Item("greeting", Any("welcome to acme"), within: 10)),
            Call(60, Agent(12, 14, "Welcome to Acme.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Reason, Is.EqualTo("no greeting phrase within 10 s ('Welcome to Acme' said at 12.0 s)"));
    }

    [Test]
    public void Score_ClosingSaidTooEarly_FailsItem()
    {
        var result = Only(
            Scenario(Item("closing", Any("have a nice day"), inLast: 20)),
            Call(95, Agent(10, 12, "Have a nice day."), Caller(80, 82, "Bye.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Reason, Does.StartWith("no closing phrase in the last 20 s"));
    }

    [Test]
    public void Score_ClosingSaidTwice_PicksOccurrenceInWindow()
    {
        var result = Only(
            Scenario(Item("closing", Any("have a nice day"), inLast: 20)),
            Call(95, Agent(10, 12, "Have a nice day."), Agent(88, 90, "Have a nice day!")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(result.Evidence.Start, Is.EqualTo(88));
    }

    private static Scenario HoursThenMore() => Scenario(
        Item("correct-hours", Any("nine to one")),
        Item("offers-more-help", Any("anything else"), after: "correct-hours"));

    [Test]
    public void Score_AfterTargetLater_FailsOrder()
    {
        var score = Scorer.Score(HoursThenMore(), Call(60,
            Agent(5, 7, "Anything else I can check?"),
            Agent(10, 12, "We open nine to one.")));

        Assert.That(score.Items[1].Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(score.Items[1].Evidence.Reason, Does.Contain("after correct-hours at 10.0 s"));
    }

    [Test]
    public void Score_AfterTargetEarlier_Passes()
    {
        var score = Scorer.Score(HoursThenMore(), Call(60,
            Agent(5, 7, "We open nine to one."),
            Agent(10, 12, "Anything else?")));

        Assert.That(score.Items.Select(i => i.Outcome), Is.All.EqualTo(ItemOutcome.Passed));
    }

    [Test]
    public void Score_AfterTargetUnmatched_OrderNotChecked()
    {
        var score = Scorer.Score(HoursThenMore(), Call(60, Agent(5, 7, "Anything else?")));

        Assert.That(score.Items[0].Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(score.Items[1].Outcome, Is.EqualTo(ItemOutcome.Passed));
    }

    [TestCase("We open nine to one. Anything else?", ItemOutcome.Passed)]
    [TestCase("Anything else? We open nine to one.", ItemOutcome.Failed)]
    public void Score_AfterInSameSegment_ComparesPosition(string text, ItemOutcome expected)
    {
        var score = Scorer.Score(HoursThenMore(), Call(60, Agent(5, 9, text)));

        Assert.That(score.Items[1].Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void Score_AfterDeclaredBeforeTarget_EvaluatesInDependencyOrder()
    {
        var scenario = Scenario(
            Item("offers-more-help", Any("anything else"), after: "correct-hours"),
            Item("correct-hours", Any("nine to one")));

        var score = Scorer.Score(scenario, Call(60, Agent(5, 7, "Anything else?"), Agent(10, 12, "We open nine to one.")));

        Assert.That(score.Items[0].Id, Is.EqualTo("offers-more-help"));
        Assert.That(score.Items[0].Outcome, Is.EqualTo(ItemOutcome.Failed));
    }

    [TestCase(Speaker.Agent, ItemOutcome.Failed)]
    [TestCase(Speaker.Caller, ItemOutcome.Passed)]
    [TestCase(Speaker.Any, ItemOutcome.Passed)]
    public void Score_SpeakerFilter_OnlyThatSidesSpeechCounts(Speaker speaker, ItemOutcome expected)
    {
        var result = Only(
            Scenario(Item("thanks", Any("thank you"), speaker: speaker)),
            Call(30, Agent(1, 3, "Hello."), Caller(4, 6, "Thank you.")));

        Assert.That(result.Outcome, Is.EqualTo(expected));
    }

    [TestCase(7.2, ItemOutcome.Passed, null)]
    [TestCase(18.0, ItemOutcome.Passed, null)]
    [TestCase(24.0, ItemOutcome.Failed, "answered after 24.0 s, limit 18 s")]
    public void Score_AnsweredWithin_ComparesAnswerTime(double answeredAfter, ItemOutcome expected, string? reason)
    {
        var result = Only(
            Scenario(Item("answer-speed", new AnsweredWithinCheck(TimeSpan.FromSeconds(18)))),
            new Transcript(answeredAfter, 30, [Agent(0.5, 2, "Hello.")]));

        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(result.Evidence.AnsweredAfter, Is.EqualTo(answeredAfter));
        Assert.That(result.Evidence.Reason, Is.EqualTo(reason));
    }

    [Test]
    public void Score_NotAnswered_AnswerItemFailsOthersNotApplicable()
    {
        var score = Scorer.Score(
            Scenario(
                Item("answer-speed", new AnsweredWithinCheck(TimeSpan.FromSeconds(18))),
                Item("greeting", Any("hello")),
                Item("no-long-hold", new MaxSilenceCheck(TimeSpan.FromSeconds(30)))),
            Unanswered());

        Assert.That(score.Items.Select(i => i.Outcome), Is.EqualTo(new[] { ItemOutcome.Failed, ItemOutcome.NotApplicable, ItemOutcome.NotApplicable }));
        Assert.That(score.Items[0].Evidence.Reason, Is.EqualTo("call not answered, limit 18 s"));
        Assert.That(score.Items[1].Evidence.Reason, Is.EqualTo("call not answered"));
        Assert.That(score.Score, Is.EqualTo(0.0));
        Assert.That(score.Grade, Is.EqualTo(Grade.Fail));
    }

    [Test]
    public void Score_AnsweredAtUnknownTime_ScoresWordsButNotTheAnswerTime()
    {
        var transcript = Call(60, Agent(1, 3, "Hello.")) with { AnsweredAfter = null, AnswerTimeUnknown = true };

        var score = Scorer.Score(
            Scenario(Item("answer-speed", new AnsweredWithinCheck(TimeSpan.FromSeconds(18))), Item("greeting", Any("hello"))),
            transcript);

        Assert.That(score.Items.Select(i => i.Outcome), Is.EqualTo(new[] { ItemOutcome.NotApplicable, ItemOutcome.Passed }));
        Assert.That(score.Items[0].Evidence.Reason, Does.Contain("answer time unknown"));
        Assert.That(score.Score, Is.EqualTo(100.0));
    }

    [TestCase(35, 37, 40, ItemOutcome.Failed, 0, 35)]
    [TestCase(1, 3, 30, ItemOutcome.Passed, 3, 30)]
    [TestCase(1, 3, 60, ItemOutcome.Failed, 3, 60)]
    public void Score_MaxSilence_CountsLeadingAndTrailingGaps(double start, double end, double duration, ItemOutcome expected, double gapStart, double gapEnd)
    {
        var result = Only(
            Scenario(Item("no-long-hold", new MaxSilenceCheck(TimeSpan.FromSeconds(30)))),
            Call(duration, Agent(start, end, "Hello.")));

        Assert.That(result.Outcome, Is.EqualTo(expected));
        Assert.That(result.Evidence.Start, Is.EqualTo(gapStart));
        Assert.That(result.Evidence.End, Is.EqualTo(gapEnd));
        Assert.That(result.Evidence.LongestSilence, Is.EqualTo(gapEnd - gapStart));
    }

    [Test]
    public void Score_MaxSilence_OverlappingSpeechIsMerged()
    {
        var result = Only(
            Scenario(Item("no-long-hold", new MaxSilenceCheck(TimeSpan.FromSeconds(30)))),
            Call(100,
                Agent(0, 20, "A long explanation."),
                Caller(5, 10, "Mm-hm."),
                Agent(55, 100, "Sorry for the wait.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.LongestSilence, Is.EqualTo(35));
        Assert.That(result.Evidence.Reason, Is.EqualTo("silence of 35.0 s from 20.0 s to 55.0 s, limit 30 s"));
    }

    [Test]
    public void Score_CriticalItemFails_GradeFail()
    {
        var score = Scorer.Score(
            Scenario(
                Item("hours", Any("nine to one"), weight: 5, critical: true),
                Item("greeting", Any("hello"), weight: 95)),
            Call(30, Agent(1, 2, "Hello.")));

        Assert.That(score.Score, Is.EqualTo(95.0));
        Assert.That(score.Grade, Is.EqualTo(Grade.Fail));
    }

    [Test]
    public void Score_CriticalItemOnlyInLowConfidenceSpeech_UncertainNotFail()
    {
        var score = Scorer.Score(
            Scenario(
                Item("hours", Any("nine to one"), weight: 30, critical: true),
                Item("greeting", Any("hello"), weight: 10)),
            Call(30, Agent(1, 2, "Hello."), Agent(5, 8, "We open nine to one.", confidence: 0.25)));

        Assert.That(score.Items[0].Outcome, Is.EqualTo(ItemOutcome.Uncertain));
        Assert.That(score.Items[0].Evidence.Confidence, Is.EqualTo(0.25));
        Assert.That(score.NeedsReview, Is.True);
        Assert.That(score.Score, Is.EqualTo(100.0));
        Assert.That(score.Grade, Is.EqualTo(Grade.Excellent));
    }

    [Test]
    public void Score_PhraseGarbledInLowConfidenceSpeechInWindow_Uncertain()
    {
        var result = Only(
            Scenario(Item("closing", Any("have a nice day"), inLast: 20)),
            Call(60, Agent(1, 3, "Hello."), Agent(50, 55, "have a nise dei", confidence: 0.3)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Uncertain));
        Assert.That(result.Evidence.Reason, Does.Contain("closest candidate").And.Contain("low-confidence"));
        Assert.That(result.Evidence.Text, Is.EqualTo("have a nise dei"));
    }

    [Test]
    public void Score_LongPhraseWordForWordAtModestConfidence_Passes()
    {
        var result = Only(
            Scenario(Item("card-blocked", Any("your card is now blocked"))),
            Call(60, Agent(40, 42, "your card is now blocked", confidence: 0.4)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
    }

    [Test]
    public void Score_LongPhraseMisheardAtModestConfidence_StaysUncertain()
    {
        var result = Only(
            Scenario(Item("card-blocked", Any("your card is now blocked"))),
            Call(60, Agent(40, 42, "your card is now blocket", confidence: 0.4)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Uncertain));
    }

    [Test]
    public void Score_TwoWordPhraseWordForWordAtModestConfidence_StaysUncertain()
    {
        var result = Only(
            Scenario(Item("verifies", Any("zip code"))),
            Call(60, Agent(40, 42, "zip code", confidence: 0.4)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Uncertain));
    }

    [Test]
    public void Score_OtherNumbersInLowConfidenceSpeech_FailNotUncertain()
    {
        var result = Only(
            Scenario(Item("replacement-time", Any("5 to 7 working days"))),
            Call(60, Agent(40, 43, "ten to fourteen working days", confidence: 0.5)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
        Assert.That(result.Evidence.Reason, Does.Contain("states other numbers (10, 14)"));
        Assert.That(result.Evidence.Text, Is.EqualTo("ten to fourteen working days"));
    }

    [Test]
    public void Score_SameNumbersGarbledInLowConfidenceSpeech_StayUncertain()
    {
        var result = Only(
            Scenario(Item("repair-time", Any("within 48 hours"))),
            Call(60, Agent(40, 43, "within forty eight ours", confidence: 0.5)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Uncertain));
    }

    [Test]
    public void Score_LongPhraseWithItsStartMisheard_PassesOnItsTailAtTheUtteranceStart()
    {
        var result = Only(
            Scenario(Item("greeting", Any("thank you for calling acme bank"), within: 10)),
            Call(60, Agent(1, 3, "then for calling acme bank")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(result.Evidence.Phrase, Is.EqualTo("thank you for calling acme bank"));
        Assert.That(result.Evidence.Text, Is.EqualTo("for calling acme bank"));
        Assert.That(result.Evidence.Reason, Does.Contain("last 4 words at the start of an utterance"));
    }

    [Test]
    public void Score_LongPhrasesTailAfterMoreWordsThanItsHead_Fails()
    {
        var result = Only(
            Scenario(Item("greeting", Any("thank you for calling acme bank"))),
            Call(60, Agent(1, 3, "i said it is not for calling acme bank")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
    }

    [Test]
    public void Score_ConfidentWordsInsideANoisyUtterance_Pass()
    {
        // The recogniser was unsure of the rest of the utterance, not of the phrase: the decision rests on the phrase's words.
        var words = new TranscriptWord[]
        {
            new("mumble", 50.0, 50.5, 0.1), new("have", 50.6, 50.8, 0.9), new("a", 50.8, 50.9, 0.9),
            new("nice", 50.9, 51.2, 0.95), new("day", 51.2, 51.5, 0.9),
        };
        var result = Only(
            Scenario(Item("closing", Any("have a nice day"))),
            Call(60, Agent(50, 51.5, "mumble have a nice day", words: words)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(result.Evidence.Confidence, Is.EqualTo(0.91));
    }

    [Test]
    public void Score_PhraseWordsRecognisedWithLowConfidence_Uncertain()
    {
        var words = new TranscriptWord[]
        {
            new("okay", 50.0, 50.5, 0.95), new("have", 50.6, 50.8, 0.3), new("a", 50.8, 50.9, 0.3),
            new("nice", 50.9, 51.2, 0.2), new("day", 51.2, 51.5, 0.3),
        };
        var result = Only(
            Scenario(Item("closing", Any("have a nice day"))),
            Call(60, Agent(50, 51.5, "okay have a nice day", words: words)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Uncertain));
    }

    [Test]
    public void Score_LowConfidenceSpeechUnlikeThePhrase_StillFails()
    {
        var result = Only(
            Scenario(Item("closing", Any("have a nice day"), inLast: 20)),
            Call(60, Agent(1, 3, "Hello, you're through to customer service."), Agent(50, 55, "mumble mumble", confidence: 0.3)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
    }

    [Test]
    public void Score_LowConfidenceOutsideWindow_StillFails()
    {
        var result = Only(
            Scenario(Item("closing", Any("have a nice day"), inLast: 20)),
            Call(60, Agent(1, 3, "mumble", confidence: 0.3), Agent(50, 55, "Bye.")));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Failed));
    }

    [Test]
    public void Score_ForbiddenPhraseOnlyInLowConfidenceSpeech_Uncertain()
    {
        var result = Only(
            Scenario(Item("polite", None("calm down"))),
            Call(60, Agent(10, 12, "calm down", confidence: 0.5)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Uncertain));
    }

    [Test]
    public void Score_ConfidenceFromWordsMean_WhenSegmentHasNone()
    {
        TranscriptWord[] words = [new("we", 5, 5.2, 0.9), new("open", 5.2, 5.5, 0.9), new("nine", 5.5, 5.8, 0.2), new("to", 5.8, 6, 0.3), new("one", 6, 6.3, 0.2)];
        var result = Only(
            Scenario(Item("hours", Any("nine to one"))),
            Call(30, Agent(5, 6.3, "We open nine to one", words: words)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Uncertain));
    }

    [Test]
    public void Score_WordTimes_GiveEvidenceTimesOfMatchedSpan()
    {
        TranscriptWord[] words =
        [
            new("Hello,", 1.0, 1.3, 0.9), new("we", 1.5, 1.6, 0.9), new("open", 1.6, 1.9, 0.9),
            new("nine", 2.0, 2.3, 0.9), new("to", 2.3, 2.4, 0.9), new("one.", 2.5, 2.9, 0.9), new("Bye", 3.2, 3.5, 0.9),
        ];
        var result = Only(
            Scenario(Item("hours", Any("9 to 1"))),
            Call(30, Agent(1.0, 3.5, "Hello, we open nine to one. Bye", words: words)));

        Assert.That(result.Outcome, Is.EqualTo(ItemOutcome.Passed));
        Assert.That(result.Evidence.Text, Is.EqualTo("nine to one"));
        Assert.That(result.Evidence.Start, Is.EqualTo(2.0));
        Assert.That(result.Evidence.End, Is.EqualTo(2.9));
        Assert.That(result.Evidence.Confidence, Is.EqualTo(0.9));
    }

    [TestCase(1, 2, 33.3)]
    [TestCase(2, 1, 66.7)]
    [TestCase(1, 7, 12.5)]
    [TestCase(3, 5, 37.5)]
    public void Score_PassedShareOfApplicableWeight_RoundedToOneDecimal(double passedWeight, double failedWeight, double expected)
    {
        var score = Scorer.Score(
            Scenario(
                Item("said", Any("hello"), weight: passedWeight),
                Item("not-said", Any("goodbye"), weight: failedWeight),
                Item("unknown", Any("closing words"), weight: 50, speaker: Speaker.Caller)),
            Call(60, Agent(1, 2, "Hello."), Caller(55, 58, "clozing wurds", confidence: 0.1)));

        Assert.That(score.Items[2].Outcome, Is.EqualTo(ItemOutcome.Uncertain));
        Assert.That(score.Score, Is.EqualTo(expected));
    }

    [TestCase(9, 1, Grade.Excellent)]
    [TestCase(8, 2, Grade.Good)]
    [TestCase(6, 4, Grade.Pass)]
    [TestCase(5, 5, Grade.Fail)]
    public void Score_GradeByThresholds(double passedWeight, double failedWeight, Grade expected)
    {
        var score = Scorer.Score(
            Scenario(Item("said", Any("hello"), weight: passedWeight), Item("not-said", Any("goodbye"), weight: failedWeight)),
            Call(30, Agent(1, 2, "Hello.")));

        Assert.That(score.Grade, Is.EqualTo(expected));
    }

    [Test]
    public void Score_CustomThresholds_Used()
    {
        var scenario = ScenarioWith("en-US", new GradeThresholds(99, 95, 50),
            Item("said", Any("hello"), weight: 9), Item("not-said", Any("goodbye"), weight: 1));

        Assert.That(Scorer.Score(scenario, Call(30, Agent(1, 2, "Hello."))).Grade, Is.EqualTo(Grade.Pass));
    }

    [Test]
    public void Score_NothingApplicable_ZeroAndFail()
    {
        var score = Scorer.Score(Scenario(Item("closing", Any("goodbye now"), inLast: 5)), Call(30, Agent(26, 29, "goodbie naw", confidence: 0.1)));

        Assert.That(score.Score, Is.EqualTo(0.0));
        Assert.That(score.Grade, Is.EqualTo(Grade.Fail));
        Assert.That(score.NeedsReview, Is.True);
    }

    [Test]
    public void Score_ChineseScenario_MatchesCharacters()
    {
        var score = Scorer.Score(
            ScenarioIn("zh-CN",
                Item("greeting", Any("感谢您致电工商银行")),
                Item("hours", Any("九点到五点")),
                Item("polite", None("不是我负责的"))),
            Call(60,
                Agent(0.5, 3, "您好，感谢你致电工商银行！"),
                Agent(10, 13, "我们 9点到5点 营业。"),
                Agent(20, 22, "这个是我负责的。")));

        Assert.That(score.Items.Select(i => i.Outcome), Is.All.EqualTo(ItemOutcome.Passed));
        Assert.That(score.Items[1].Evidence.Text, Is.EqualTo("9点到5点"));
    }
}
