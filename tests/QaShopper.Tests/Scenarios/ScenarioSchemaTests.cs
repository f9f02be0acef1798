using System.Text.Json;
using QaShopper.Core.Scenarios;

namespace QaShopper.Tests.Scenarios;

/// <summary>The editor schema and the parser must accept the same field names.</summary>
public sealed class ScenarioSchemaTests
{
    private static JsonElement schema;

    [OneTimeSetUp]
    public void LoadSchema()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "schemas", "scenario.schema.json")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "schemas/scenario.schema.json not found above the test directory");
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "schemas", "scenario.schema.json")));
        schema = document.RootElement.Clone();
    }

    [Test]
    public void Schema_TopLevelProperties_EqualParserFields()
    {
        Assert.That(Names(schema.GetProperty("properties")), Is.EquivalentTo(ScenarioFields.TopLevel));
        Assert.That(Strings(schema.GetProperty("required")), Is.EquivalentTo(ScenarioFields.TopLevelRequired));
        Assert.That(schema.GetProperty("additionalProperties").GetBoolean(), Is.False);
    }

    [Test]
    public void Schema_ChecklistItemProperties_EqualParserFields()
    {
        var item = schema.GetProperty("definitions").GetProperty("item");
        Assert.That(Names(item.GetProperty("properties")), Is.EquivalentTo(ScenarioFields.ChecklistItem));
        Assert.That(Strings(item.GetProperty("required")), Is.EquivalentTo(ScenarioFields.ChecklistItemRequired));
    }

    [Test]
    public void Schema_MatchProperties_EqualParserFields()
    {
        var match = schema.GetProperty("definitions").GetProperty("match");
        Assert.That(Names(match.GetProperty("properties")), Is.EquivalentTo(ScenarioFields.Match));
    }

    [Test]
    public void Schema_ListenAndGrades_EqualParserFields()
    {
        var steps = schema.GetProperty("definitions").GetProperty("step").GetProperty("oneOf").EnumerateArray().ToList();
        var listen = steps.Single(s => s.TryGetProperty("properties", out var p) && p.TryGetProperty("listen", out _))
            .GetProperty("properties").GetProperty("listen");
        var stepKinds = steps.SelectMany(s => s.TryGetProperty("properties", out var p) ? Names(p) : Strings(s.GetProperty("enum")));

        Assert.That(Names(listen.GetProperty("properties")), Is.EquivalentTo(ScenarioFields.Listen));
        Assert.That(Names(schema.GetProperty("properties").GetProperty("grades").GetProperty("properties")), Is.EquivalentTo(ScenarioFields.Grades));
        Assert.That(stepKinds, Is.EquivalentTo(ScenarioFields.StepKinds));
    }

    [Test]
    public void Schema_EveryProperty_HasDescription()
    {
        var missing = new List<string>();
        Walk(schema, "$", missing);

        Assert.That(missing, Is.Empty);
    }

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
                var value = property.Value;
                var described = value.TryGetProperty("description", out _)
                    || (value.TryGetProperty("$ref", out var reference) && Resolve(reference.GetString()!).TryGetProperty("description", out _));
                if (!described)
                {
                    missing.Add($"{path}.{property.Name}");
                }

                Walk(value, $"{path}.{property.Name}", missing);
            }
        }

        foreach (var child in element.EnumerateObject().Where(c => c.Name is "definitions" or "items" or "oneOf"))
        {
            if (child.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in child.Value.EnumerateArray())
                {
                    Walk(entry, $"{path}.{child.Name}[]", missing);
                }
            }
            else if (child.Name == "definitions")
            {
                foreach (var definition in child.Value.EnumerateObject())
                {
                    Walk(definition.Value, $"{path}.{definition.Name}", missing);
                }
            }
            else
            {
                Walk(child.Value, $"{path}.{child.Name}", missing);
            }
        }
    }

    private static JsonElement Resolve(string reference) =>
        schema.GetProperty("definitions").GetProperty(reference["#/definitions/".Length..]);

    private static List<string> Names(JsonElement properties) => [.. properties.EnumerateObject().Select(p => p.Name)];

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
