using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>A mapping of the campaign file with its known fields by name; unknown and missing fields are reported once, here.</summary>
internal sealed class FieldMap
{
    private readonly Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields;

    private FieldMap(YamlMappingNode node, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields)
    {
        Node = node;
        this.fields = fields;
    }

    public YamlMappingNode Node { get; }

    /// <summary>
    /// Reads <paramref name="node"/> as a mapping of <paramref name="known"/> fields, reporting anything else;
    /// <paramref name="what"/> names the mapping in messages and <paramref name="example"/> shows its right form.
    /// </summary>
    public static FieldMap? Open(ParseContext context, YamlNode node, IReadOnlyCollection<string> known, string what, string example)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Report(node, $"{what} must be a mapping, e.g. {example}; got {YamlValues.Describe(node)}");
            return null;
        }

        return new FieldMap(mapping, YamlValues.Fields(context, mapping, known, what));
    }

    /// <summary>The value of a field, or null when it is absent.</summary>
    public YamlNode? this[string name] => fields.TryGetValue(name, out var field) ? field.Value : null;

    /// <summary>The value of a field that is present and not written as null (<c>field:</c> or <c>field: ~</c>).</summary>
    public YamlNode? Given(string name) => this[name] is { } value && !YamlValues.IsNull(value) ? value : null;

    /// <summary>Reports each of <paramref name="required"/> that is absent, at the mapping, with an example of it.</summary>
    public void Require(ParseContext context, IEnumerable<string> required, string owner, string section)
    {
        foreach (var name in required)
        {
            if (!fields.ContainsKey(name))
            {
                context.Report(Node, $"{owner} is missing required field '{name}', e.g. {CampaignExamples.Of(section, name)}");
            }
        }
    }
}
