namespace QaShopper.Simulation;

/// <summary>The call-centre file cannot be used; <see cref="Errors"/> lists every problem as <c>file:line:column: message</c>.</summary>
public sealed class CallCentreException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>Every problem found, each with its position when it has one.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
