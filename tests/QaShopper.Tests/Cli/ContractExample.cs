namespace QaShopper.Tests.Cli;

/// <summary>Calls against the format contract's example scenario.</summary>
internal static class ContractExample
{
    /// <summary>The contract's example scenario, verbatim (shared with the parser tests).</summary>
    public const string ScenarioYaml = Scenarios.ExampleScenario.Yaml;

    /// <summary>A good call by Sarah, except the closing comes too early (item closing fails: 80 of 90 points → 88.9, good).</summary>
    public const string GoodCallTranscript = """
        {
          "answeredAfter": 7.2,
          "duration": 95.4,
          "segments": [
            { "speaker": "agent",  "start": 0.4,  "end": 3.9,  "text": "Thank you for calling Acme Bank, my name is Sarah." },
            { "speaker": "caller", "start": 4.5,  "end": 8.0,  "text": "Hi, when does your downtown branch open on Saturday?" },
            { "speaker": "agent",  "start": 9.0,  "end": 14.0, "text": "On Saturday the downtown branch is open from 9 to 1." },
            { "speaker": "caller", "start": 15.0, "end": 17.0, "text": "Great, thank you." },
            { "speaker": "agent",  "start": 18.0, "end": 22.0, "text": "Is there anything else I can help you with? Have a nice day." },
            { "speaker": "caller", "start": 45.0, "end": 47.0, "text": "No, that's all." },
            { "speaker": "caller", "start": 70.0, "end": 72.0, "text": "Bye." },
            { "speaker": "agent",  "start": 90.0, "end": 92.0, "text": "Bye now." }
          ]
        }
        """;
}
