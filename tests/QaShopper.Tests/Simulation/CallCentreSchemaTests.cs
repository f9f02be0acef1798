using System.Text.Json;
using QaShopper.Simulation;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Simulation;

public sealed class CallCentreSchemaTests
{
    private static JsonElement Schema() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("schemas", "call-centre.schema.json"))).RootElement;

    [Test]
    public void Schema_ProfileKeys_EqualTheLoaders()
    {
        var required = Schema().GetProperty("properties").GetProperty("profiles").GetProperty("additionalProperties").GetProperty("required")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(required, Is.EquivalentTo(Behaviours.ProfileKeys));
    }

    [Test]
    public void Schema_LineBehaviours_EqualTheLoaders()
    {
        var values = Schema().GetProperty("definitions").GetProperty("line").GetProperty("properties").GetProperty("behaviour").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(values, Is.EquivalentTo(Behaviours.LineBehaviours));
    }
}
