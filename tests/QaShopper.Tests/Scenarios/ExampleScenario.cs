namespace QaShopper.Tests.Scenarios;

/// <summary>The full example of docs/scenario-format.md, verbatim.</summary>
internal static class ExampleScenario
{
    public const string Yaml = """
        id: branch-saturday-hours
        title: Saturday opening hours of the downtown branch
        locale: en-US
        description: Caller asks when the downtown branch opens on Saturday.
        caller:
          name: "{{pick 'Emma' 'Liam' 'Noah' 'Olivia'}}"
          voice: en-US-AvaNeural        # optional; a cloud voice name. Local engines choose by locale.
        variables:
          branch: Downtown
          saturday_hours: nine to one
        script:
          - listen: { max: 20s }        # let the agent answer and speak; ends on silence or max
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
            within: 10s                 # counted from the moment the call is answered
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
}
