namespace QaShopper.Core.Scenarios;

/// <summary>Reads scenario YAML into a <see cref="Scenario"/>, reporting every problem with its position.</summary>
public static class ScenarioParser
{
    /// <summary>Parses and validates one scenario's text. <paramref name="fileName"/> is used in diagnostics.</summary>
    public static ScenarioLoadResult Parse(string yaml, string fileName) => throw new NotImplementedException("stub: scenario parser");
}
