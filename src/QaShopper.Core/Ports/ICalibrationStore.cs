using QaShopper.Core.Reviews;

namespace QaShopper.Core.Ports;

/// <summary>Where reviewers' calibration scorings are kept, apart from the automatic scores and overrides.</summary>
public interface ICalibrationStore
{
    /// <summary>Keeps a reviewer's scoring of a call; the same reviewer scoring the same call again replaces it.</summary>
    Task SaveReviewAsync(CalibrationReview review, CancellationToken cancellationToken = default);

    /// <summary>The scorings of one call, oldest first.</summary>
    Task<IReadOnlyList<CalibrationReview>> GetReviewsAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>Every scoring of every call, oldest first.</summary>
    Task<IReadOnlyList<CalibrationReview>> GetAllReviewsAsync(CancellationToken cancellationToken = default);
}
