using LiteDB;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>The one <see cref="BsonMapper"/> of a database file: configured once, warmed up before any thread uses it.</summary>
internal static class StoreMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper
        {
            // The defaults trim strings and turn "" into null: stored source texts and transcripts must come back as given.
            TrimWhitespace = false,
            EmptyStringToNull = false,
            EnumAsInteger = false,
            SerializeNullValues = false,
        };

        // LiteDB 5.0.21 builds a type's mapping on first use without a lock; two threads doing that at once can corrupt
        // it (#2536, #2563). Building every stored type here, before the store is shared, avoids the race.
        WarmUp<CallDocument>(mapper, new CallDocument
        {
            Transcript = new TranscriptDocument { Segments = [new SegmentDocument { Words = [new WordDocument()] }] },
            TemplateChoices = [new Pair()],
            Score = new ScoreDocument { Items = [new ItemDocument { Evidence = new EvidenceDocument { Matches = [new EvidenceDocument()], Heard = new EvidenceDocument(), Closest = new EvidenceDocument() } }] },
            AutomaticScore = new ScoreDocument { Items = [new ItemDocument { Evidence = new EvidenceDocument { Matches = [new EvidenceDocument()] } }] },
        });
        WarmUp(mapper, new CalibrationReviewDocument { Items = [new OutcomePair()] });
        WarmUp(mapper, new AlertDocument());
        WarmUp(mapper, new AgentDocument());
        WarmUp(mapper, new ScenarioDocument());
        WarmUp(mapper, new OverrideDocument());
        WarmUp(mapper, new GroundTruthDocument { Items = [new OutcomePair()], Behaviour = [new Pair()] });
        WarmUp(mapper, new MetaDocument());
        WarmUp(mapper, new AgentDayDocument { Grades = [0], Items = [new ItemCountDocument()] });
        WarmUp(mapper, new CampaignRecordDocument { ScenarioVersions = [new Pair()] });
        WarmUp(mapper, new CampaignCallDocument());
        WarmUp(mapper, new CampaignEventDocument());
        WarmUp(mapper, new CarrierCallDocument { FinishedTicks = 1 });
        WarmUp(mapper, new CarrierCallEventDocument { Sequence = 1, Data = [new Pair()] });
        WarmUp(mapper, new AccountDocument());
        WarmUp(mapper, new ApiTokenDocument { ExpiresTicks = 1 });
        return mapper;
    }

    private static void WarmUp<T>(BsonMapper mapper, T sample)
    {
        var document = mapper.ToDocument(sample);
        _ = mapper.ToObject<T>(document);
    }
}
