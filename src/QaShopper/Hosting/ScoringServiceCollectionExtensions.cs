using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Scoring;
using QaShopper.Core.Templates;

namespace QaShopper.Hosting;

/// <summary>Registers the checklist scorer and binds its <see cref="ScoringOptions"/>.</summary>
internal static class ScoringServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddScoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScoringOptions>()
            .Bind(builder.Configuration.GetSection(ScoringOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IPhraseResolver, TemplatePhraseResolver>();
        builder.Services.AddSingleton(sp => new ChecklistScorer(
            sp.GetRequiredService<IOptions<ScoringOptions>>().Value,
            sp.GetRequiredService<IPhraseResolver>()));
        return builder;
    }
}
