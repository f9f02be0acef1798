using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.Tests.Transcripts;

public sealed class TranscriptJsonTests
{
    private const string Example = """
        {
          "answeredAfter": 7.2,
          "duration": 95.4,
          "segments": [
            { "speaker": "agent",  "start": 0.4, "end": 3.9,  "text": "Thank you for calling Acme Bank, my name is Sarah." },
            { "speaker": "caller", "start": 4.5, "end": 8.0,  "text": "Hi, when does your downtown branch open on Saturday?", "confidence": 0.82,
              "words": [ { "text": "Hi", "start": 4.5, "end": 4.7, "confidence": 0.9 } ] }
          ]
        }
        """;

    [Test]
    public void Parse_ContractExample_ReadsEveryField()
    {
        var transcript = TranscriptJson.Parse(Example, "call.json");

        Assert.That(transcript.AnsweredAfter, Is.EqualTo(7.2));
        Assert.That(transcript.Duration, Is.EqualTo(95.4));
        Assert.That(transcript.Segments, Has.Count.EqualTo(2));
        Assert.That(transcript.Segments[1].Speaker, Is.EqualTo(Speaker.Caller));
        Assert.That(transcript.Segments[1].Confidence, Is.EqualTo(0.82));
        Assert.That(transcript.Segments[1].Words![0], Is.EqualTo(new TranscriptWord("Hi", 4.5, 4.7, 0.9)));
    }

    [TestCase("""{ "answeredAfter": null, "duration": 3, "segments": [] }""")]
    [TestCase("""{ "duration": 3, "segments": [] }""")]
    public void Parse_AnsweredAfterNullOrAbsent_NotAnswered(string json) =>
        Assert.That(TranscriptJson.Parse(json, "t.json").WasAnswered, Is.False);

    [Test]
    public void Parse_DurationMissing_UsesLastSegmentEnd()
    {
        var transcript = TranscriptJson.Parse("""{ "answeredAfter": 1, "segments": [ { "speaker": "agent", "start": 0, "end": 12.5, "text": "hi" } ] }""", "t.json");

        Assert.That(transcript.Duration, Is.EqualTo(12.5));
    }

    [Test]
    public void Parse_MalformedJson_NamesFileLineAndColumn()
    {
        const string json = "{\n  \"duration\": 3,\n  \"segments\": [ oops ]\n}";

        var error = Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(json, "bad.json"));

        Assert.That(error!.Message, Does.StartWith("bad.json:3:").And.Contain("malformed JSON"));
    }

    [TestCase("""{ "segments": [ {}, { "speaker": "bot", "start": 0, "end": 1, "text": "x" } ] }""", "segments[0].speaker: missing")]
    [TestCase("""{ "segments": [ { "speaker": "agent", "start": 0, "end": 1, "text": "x" }, { "speaker": "bot", "start": 0, "end": 1, "text": "x" } ] }""", "segments[1].speaker: expected 'agent' or 'caller', got 'bot'")]
    [TestCase("""{ "segments": [ { "speaker": "agent", "start": 5, "end": 1, "text": "x" } ] }""", "segments[0].end: end 1 is before start 5")]
    [TestCase("""{ "segments": [ { "speaker": "agent", "start": -1, "end": 1, "text": "x" } ] }""", "segments[0].start: expected seconds ≥ 0, got -1")]
    [TestCase("""{ "segments": [ { "speaker": "agent", "start": "0", "end": 1, "text": "x" } ] }""", "segments[0].start: expected a number, got '0'")]
    [TestCase("""{ "segments": [ { "speaker": "agent", "start": 0, "end": 1, "text": "x", "confidence": 2 } ] }""", "segments[0].confidence: expected a number from 0 to 1, got 2")]
    [TestCase("""{ "segments": [ { "speaker": "agent", "start": 0, "end": 1, "text": "x", "words": [ { "text": "x", "start": 0 } ] } ] }""", "segments[0].words[0].end: missing")]
    [TestCase("""{ "segments": [ { "speaker": "agent", "start": 0, "end": 1, "text": "x", "words": [ { "text": "x", "start": 0, "end": 1, "unconfirmed": "yes" } ] } ] }""", "segments[0].words[0].unconfirmed: expected true or false, got 'yes'")]
    [TestCase("""{ "duration": 3 }""", "segments: missing")]
    [TestCase("""[]""", "(root): expected an object")]
    public void Parse_SemanticError_NamesFieldPath(string json, string expected)
    {
        var error = Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(json, "t.json"));

        Assert.That(error!.Message, Does.StartWith("t.json: " + expected));
    }

    [Test]
    public void Serialize_RoundTrips()
    {
        var transcript = TranscriptJson.Parse(Example, "call.json");

        var again = TranscriptJson.Parse(TranscriptJson.Serialize(transcript), "again.json");

        Assert.That(again.AnsweredAfter, Is.EqualTo(transcript.AnsweredAfter));
        Assert.That(again.Duration, Is.EqualTo(transcript.Duration));
        Assert.That(again.Segments[0], Is.EqualTo(transcript.Segments[0]));
        Assert.That(again.Segments[1].Words, Is.EqualTo(transcript.Segments[1].Words));
    }

    [Test]
    public void Serialize_UnconfirmedWord_IsMarkedAndReadBack_OthersCarryNoMark()
    {
        var transcript = new Transcript(1, 4, [new TranscriptSegment(Speaker.Agent, 1, 3, "well i don't know", 0.7,
            [new("well", 1, 1.5, 0.8), new("i", 1.5, 1.7, 0.2, Unconfirmed: true), new("don't", 1.7, 2.2, 0.2, Unconfirmed: true), new("know", 2.2, 3, 0.2, Unconfirmed: true)])]);

        var json = TranscriptJson.Serialize(transcript);
        var words = TranscriptJson.Parse(json, "t.json").Segments[0].Words!;

        Assert.That(words.Select(w => w.Unconfirmed), Is.EqualTo(new[] { false, true, true, true }));
        Assert.That(json.Split("\"unconfirmed\"").Length - 1, Is.EqualTo(3), "written only where true: " + json);
    }

    [Test]
    public void Serialize_ChineseText_Unescaped() =>
        Assert.That(TranscriptJson.Serialize(new Transcript(1, 2, [new TranscriptSegment(Speaker.Agent, 0, 1, "您好")])), Does.Contain("您好"));
}
