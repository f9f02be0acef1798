namespace QaShopper.Tests.Cli;

/// <summary>Campaign files the command tests run against the simulated call centre.</summary>
internal static class TestCampaignFiles
{
    // Dates far ahead, so an on-time start always has a future to plan, whenever the tests run.
    public const string Tiny = """
        id: tiny-check
        name: Tiny check
        dates: { from: 2099-01-05, to: 2099-01-11 }
        sites:
          - id: leeds
            time_zone: Europe/London
            periods:
              - { name: peak, days: mon-fri, from: "09:00", to: "12:00" }
        lines:
          - { number: "+441134960001", site: leeds, agents: [sarah, james], scenarios: [acme-bank-saturday-hours] }
        scenarios:
          - { id: acme-bank-saturday-hours }
        quotas:
          per_agent_per_week: 1
        anonymity:
          caller_numbers: ["+447700900101", "+447700900102"]
          caller_voices: [slt]
        """;
}
