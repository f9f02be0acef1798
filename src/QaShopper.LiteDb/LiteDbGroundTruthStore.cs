using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary><see cref="IGroundTruthStore"/> on a <see cref="LiteDbFile"/>, beside the calls it describes.</summary>
public sealed class LiteDbGroundTruthStore : IGroundTruthStore
{
    private readonly LiteDbFile file;

    /// <summary>Creates the store on an open file.</summary>
    public LiteDbGroundTruthStore(LiteDbFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        this.file = file;
    }

    /// <inheritdoc />
    public Task SaveAsync(CallGroundTruth truth, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(truth);
        var document = new GroundTruthDocument
        {
            Id = truth.CallId,
            AgentId = truth.AgentId,
            Items = [.. truth.Items.Select(p => new OutcomePair { Key = p.Key, Value = p.Value })],
            Behaviour = Pair.Of(truth.Behaviour),
        };
        file.InTransaction(db =>
        {
            if (!db.GetCollection<CallDocument>(Collections.Calls).Exists(x => x.Id == truth.CallId))
            {
                throw new InvalidOperationException($"Cannot store the ground truth of call '{truth.CallId}': the call is not stored.");
            }

            return db.GetCollection<GroundTruthDocument>(Collections.GroundTruth).Upsert(document);
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CallGroundTruth?> GetAsync(string callId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        var d = file.Database.GetCollection<GroundTruthDocument>(Collections.GroundTruth).FindById(callId);
        return Task.FromResult(d is null
            ? null
            : new CallGroundTruth(d.Id, d.AgentId, d.Items.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), Pair.ToDictionary(d.Behaviour)));
    }
}
