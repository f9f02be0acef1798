using LiteDB;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>
/// <see cref="IResultStore"/> on a <see cref="LiteDbFile"/>. A call and its score are one document, so saving a call
/// again replaces both at once; each write is one synchronous LiteDB transaction that also updates the report
/// aggregates (see <see cref="GetAgentReportsAsync"/>).
/// </summary>
public sealed partial class LiteDbResultStore : IResultStore
{
    private readonly LiteDbFile file;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the store on an open file.</summary>
    public LiteDbResultStore(LiteDbFile file, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.file = file;
        this.timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public Task SaveScenarioAsync(Scenario scenario, string sourceText, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(sourceText);
        var now = timeProvider.GetUtcNow();
        var document = new ScenarioDocument
        {
            Id = ScenarioDocument.Key(scenario.Id, scenario.ContentHash),
            ScenarioId = scenario.Id,
            ContentHash = scenario.ContentHash,
            Title = scenario.Title,
            Locale = scenario.Locale,
            SourceText = sourceText,
            FirstSeenTicks = Instant.Ticks(now),
            FirstSeenOffset = Instant.Offset(now),
        };

        // Insert, never replace: a known version keeps its first text and first-seen time.
        file.InTransaction(db =>
        {
            var scenarios = db.GetCollection<ScenarioDocument>(Collections.Scenarios);
            if (scenarios.Query().Where(x => x.Id == document.Id).ForUpdate().FirstOrDefault() is null)
            {
                scenarios.Insert(document);
            }

            return true;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetScenarioSourceAsync(string scenarioId, string contentHash, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scenarioId);
        ArgumentNullException.ThrowIfNull(contentHash);
        var document = Collection<ScenarioDocument>(Collections.Scenarios).FindById(ScenarioDocument.Key(scenarioId, contentHash));
        return Task.FromResult(document?.SourceText);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScenarioVersion>> GetScenarioVersionsAsync(string scenarioId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scenarioId);

        // Versions are few per scenario; a scan of the collection costs less than an index every write would keep.
        IReadOnlyList<ScenarioVersion> versions = [.. Collection<ScenarioDocument>(Collections.Scenarios)
            .Find(x => x.ScenarioId == scenarioId)
            .Select(d => new ScenarioVersion(d.ScenarioId, d.ContentHash, d.Title, d.Locale, Instant.From(d.FirstSeenTicks, d.FirstSeenOffset)))
            .OrderByDescending(v => v.FirstSeen)
            .ThenBy(v => v.ContentHash, StringComparer.Ordinal)];
        return Task.FromResult(versions);
    }

    /// <inheritdoc />
    public Task SaveAgentAsync(AgentRecord agent, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Id, nameof(agent));
        Collection<AgentDocument>(Collections.Agents).Upsert(new AgentDocument { Id = agent.Id, Name = agent.Name, StaffNumber = agent.StaffNumber, Site = agent.Site });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentRecord>> GetAgentsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var agents = Collection<AgentDocument>(Collections.Agents).FindAll()
            .Select(a => new AgentRecord(a.Id, a.Name, a.StaffNumber, a.Site))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<AgentRecord>>(agents);
    }

    private ILiteCollection<T> Collection<T>(string name) => file.Database.GetCollection<T>(name);
}
