namespace QaShopper.Tests.Cli;

/// <summary>The scenario of the format contract's example, and transcripts of calls against it.</summary>
internal static class ContractExample
{
    public const string ScenarioYaml = """
        id: branch-saturday-hours
        title: Saturday opening hours of the downtown branch
        locale: en-US
        description: Caller asks when the downtown branch opens on Saturday.
        caller:
          name: "{{pick 'Emma' 'Liam' 'Noah' 'Olivia'}}"
          voice: en-US-AvaNeural
        variables:
          branch: Downtown
          saturday_hours: nine to one
        script:
          - listen: { max: 20s }
          - say: "Hi, my name is {{caller.name}}. When does your {{branch}} branch open on Saturday?"
          - listen: { max: 30s }
          - say: "Great, thank you. That's all I needed."
          - listen: { max: 15s }
          - hangup
        checklist:
          - id: greeting
            text: Greets the caller with the company name
            weight: 10
            match: { any: ["thank you for calling acme", "welcome to acme"] }
            within: 10s
          - id: agent-name
            text: Gives a name or staff number
            weight: 5
            match: { regex: "my name is (?<agent>[a-z]+)" }
          - id: correct-hours
            text: States the correct Saturday hours
            weight: 30
            critical: true
            match: { any: ["{{saturday_hours}}", "nine am to one pm"] }
          - id: no-forbidden-phrases
            text: Uses no forbidden phrases
            weight: 10
            match: { none: ["i don't know", "not my problem", "calm down"] }
          - id: offers-more-help
            text: Asks whether there is anything else
            weight: 10
            match: { any: ["anything else"] }
            after: correct-hours
          - id: closing
            text: Closes politely
            weight: 10
            match: { any: ["thank you for calling", "have a nice day", "have a great day"] }
            in_last: 20s
          - id: answer-speed
            text: Answers within three rings
            weight: 10
            answered_within: 18s
          - id: no-long-hold
            text: Never leaves the caller in silence for more than 30 seconds
            weight: 5
            max_silence: 30s
        grades: { excellent: 90, good: 80, pass: 60 }
        """;

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
