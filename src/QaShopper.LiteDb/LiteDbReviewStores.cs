using LiteDB;
using QaShopper.Core.Alerts;
using QaShopper.Core.Ports;
using QaShopper.Core.Reviews;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary><see cref="ICalibrationStore"/> on a <see cref="LiteDbFile"/>: one document per call and reviewer.</summary>
public sealed class LiteDbCalibrationStore(LiteDbFile file) : ICalibrationStore
{
    /// <inheritdoc />
    public Task SaveReviewAsync(CalibrationReview review, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(review);
        ArgumentException.ThrowIfNullOrWhiteSpace(review.CallId, nameof(review));
        ArgumentException.ThrowIfNullOrWhiteSpace(review.Reviewer, nameof(review));
        ArgumentNullException.ThrowIfNull(review.Items, nameof(review));
        file.InTransaction(db =>
        {
            if (!db.GetCollection<CallDocument>(Collections.Calls).Exists(x => x.Id == review.CallId))
            {
                throw new InvalidOperationException($"Cannot keep a calibration scoring: no call '{review.CallId}' is stored.");
            }

            db.GetCollection<CalibrationReviewDocument>(Collections.CalibrationReviews).Upsert(new CalibrationReviewDocument
            {
                Id = CalibrationReviewDocument.Key(review.CallId, review.Reviewer),
                CallId = review.CallId,
                Reviewer = review.Reviewer,
                AtTicks = Instant.Ticks(review.At),
                AtOffset = Instant.Offset(review.At),
                Items = [.. review.Items.Select(i => new OutcomePair { Key = i.Key, Value = i.Value })],
            });
            return true;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CalibrationReview>> GetReviewsAsync(string callId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        return Task.FromResult<IReadOnlyList<CalibrationReview>>(Read(file.Database.GetCollection<CalibrationReviewDocument>(Collections.CalibrationReviews)
            .Find(Query.StartsWith("_id", CalibrationReviewDocument.Prefix(callId)))));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CalibrationReview>> GetAllReviewsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<CalibrationReview>>(Read(file.Database.GetCollection<CalibrationReviewDocument>(Collections.CalibrationReviews).FindAll()));
    }

    private static List<CalibrationReview> Read(IEnumerable<CalibrationReviewDocument> documents) =>
        documents
            .OrderBy(d => d.AtTicks)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new CalibrationReview(
                d.CallId,
                d.Reviewer,
                Instant.From(d.AtTicks, d.AtOffset),
                d.Items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal)))
            .ToList();
}

/// <summary><see cref="IAlertLog"/> on a <see cref="LiteDbFile"/>: every alert kept, in the order sent (by the time it was sent).</summary>
public sealed class LiteDbAlertLog(LiteDbFile file) : IAlertLog
{
    /// <inheritdoc />
    public Task RecordAsync(AlertRecord alert, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(alert);
        file.Database.GetCollection<AlertDocument>(Collections.Alerts).Insert(new AlertDocument
        {
            Id = AlertDocument.Key(alert.CallId, Instant.Ticks(alert.SentAt)),
            CallId = alert.CallId,
            Reason = alert.Reason,
            Channel = alert.Channel,
            SentTicks = Instant.Ticks(alert.SentAt),
            SentOffset = Instant.Offset(alert.SentAt),
            Delivered = alert.Delivered,
            Error = alert.Error,
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertRecord>> GetAlertsAsync(string callId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(callId);
        var alerts = file.Database.GetCollection<AlertDocument>(Collections.Alerts).Find(Query.StartsWith("_id", AlertDocument.Prefix(callId)))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new AlertRecord(a.CallId, a.Reason, a.Channel, Instant.From(a.SentTicks, a.SentOffset), a.Delivered, a.Error))
            .ToList();
        return Task.FromResult<IReadOnlyList<AlertRecord>>(alerts);
    }
}
