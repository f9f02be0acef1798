using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaShopper.Core.Configuration;
using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Reports;

/// <summary>
/// The wording of checklist items (<c>text:</c> in the scenario files), so reports show "Greets with the company name"
/// beside <c>greeting</c>. Read once from the scenario folder; a file that does not parse is skipped (validate reports
/// it), and an item no scenario names is shown by its id alone.
/// </summary>
public sealed class ItemTexts
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> texts;

    /// <summary>Reads the folder of <see cref="ScenarioFolderOptions"/> on first use.</summary>
    public ItemTexts(IOptions<ScenarioFolderOptions> folder, ILogger<ItemTexts> logger)
    {
        ArgumentNullException.ThrowIfNull(folder);
        texts = new Lazy<IReadOnlyDictionary<string, string>>(() => Load(folder.Value.Directory, logger));
    }

    /// <summary>The item's wording, or null when no scenario in the folder has the item.</summary>
    public string? Of(string itemId) => texts.Value.GetValueOrDefault(itemId);

    private static Dictionary<string, string> Load(string directory, ILogger logger)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            ReportLog.NoScenarioFolder(logger, directory);
            return found;
        }

        var files = Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(directory, "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue;
            }

            if (!text.Contains("checklist:", StringComparison.Ordinal) || ScenarioParser.Parse(text, file).Scenario is not { } scenario)
            {
                continue;
            }

            foreach (var item in scenario.Checklist)
            {
                found.TryAdd(item.Id, item.Text);
            }
        }

        return found;
    }
}
