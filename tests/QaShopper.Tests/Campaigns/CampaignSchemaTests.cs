using System.Text.Json;
using QaShopper.Core.Campaigns;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Campaigns;

/// <summary>The editor schema and the campaign parser must accept the same field names.</summary>
public sealed class CampaignSchemaTests
{
    private static JsonElement schema;

    [OneTimeSetUp]
    public void LoadSchema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("schemas", "campaign.schema.json")));
        schema = document.RootElement.Clone();
    }

    [Test]
    public void Schema_TopLevelProperties_EqualParserFields()
    {
        Assert.That(Names(schema.GetProperty("properties")), Is.EquivalentTo(CampaignFields.TopLevel));
        Assert.That(Strings(schema.GetProperty("required")), Is.EquivalentTo(CampaignFields.TopLevelRequired));
    }

    [TestCase("dates", nameof(CampaignFields.Dates), nameof(CampaignFields.DatesRequired))]
    [TestCase("quotas", nameof(CampaignFields.Quotas), null)]
    [TestCase("pacing", nameof(CampaignFields.Pacing), null)]
    [TestCase("anonymity", nameof(CampaignFields.Anonymity), nameof(CampaignFields.AnonymityRequired))]
    [TestCase("retries", nameof(CampaignFields.Retries), null)]
    public void Schema_SectionProperties_EqualParserFields(string section, string fields, string? required)
    {
        AssertMapping(schema.GetProperty("properties").GetProperty(section), fields, required);
    }

    [TestCase("site", nameof(CampaignFields.Site), nameof(CampaignFields.SiteRequired))]
    [TestCase("openingHours", nameof(CampaignFields.OpeningHours), nameof(CampaignFields.OpeningHoursRequired))]
    [TestCase("period", nameof(CampaignFields.Period), nameof(CampaignFields.PeriodRequired))]
    [TestCase("closure", nameof(CampaignFields.Closure), nameof(CampaignFields.ClosureRequired))]
    [TestCase("line", nameof(CampaignFields.Line), nameof(CampaignFields.LineRequired))]
    [TestCase("scenario", nameof(CampaignFields.Scenario), nameof(CampaignFields.ScenarioRequired))]
    [TestCase("retry", nameof(CampaignFields.RetryRule), nameof(CampaignFields.RetryRuleRequired))]
    public void Schema_DefinitionProperties_EqualParserFields(string definition, string fields, string? required)
    {
        AssertMapping(schema.GetProperty("definitions").GetProperty(definition), fields, required);
    }

    [Test]
    public void Schema_DayPattern_NamesTheParsersDays()
    {
        var pattern = schema.GetProperty("definitions").GetProperty("dayList").GetProperty("pattern").GetString()!;

        Assert.That(CampaignFields.DayNames.Concat(CampaignFields.DayKeywords), Has.All.Matches<string>(d => pattern.Contains(d, StringComparison.Ordinal)));
    }

    [Test]
    public void Schema_EveryProperty_HasDescription()
    {
        var missing = new List<string>();
        Walk(schema, "$", missing);

        Assert.That(missing, Is.Empty);
    }

    private static void AssertMapping(JsonElement mapping, string fields, string? required)
    {
        Assert.That(Names(mapping.GetProperty("properties")), Is.EquivalentTo(Field(fields)), fields);
        Assert.That(mapping.GetProperty("additionalProperties").GetBoolean(), Is.False, fields);
        var schemaRequired = mapping.TryGetProperty("required", out var r) ? Strings(r) : [];
        Assert.That(schemaRequired, Is.EquivalentTo(required is null ? [] : Field(required)), required);
    }

    private static string[] Field(string name) =>
        (string[])typeof(CampaignFields).GetField(name, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!.GetValue(null)!;

    private static void Walk(JsonElement element, string path, List<string> missing)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (!property.Value.TryGetProperty("description", out _))
                {
                    missing.Add($"{path}.{property.Name}");
                }

                Walk(property.Value, $"{path}.{property.Name}", missing);
            }
        }

        foreach (var child in element.EnumerateObject().Where(c => c.Name is "definitions" or "items"))
        {
            if (child.Name == "definitions")
            {
                foreach (var definition in child.Value.EnumerateObject())
                {
                    if (!definition.Value.TryGetProperty("description", out _))
                    {
                        missing.Add($"{path}.definitions.{definition.Name}");
                    }

                    Walk(definition.Value, $"{path}.{definition.Name}", missing);
                }
            }
            else
            {
                Walk(child.Value, $"{path}.{child.Name}", missing);
            }
        }
    }

    private static List<string> Names(JsonElement properties) => [.. properties.EnumerateObject().Select(p => p.Name)];

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
