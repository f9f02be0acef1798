using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>());
        builder.Services.AddSingleton<IPhraseResolver, TemplatePhraseResolver>();
        builder.Services.AddSingleton(sp => new ChecklistScorer(
            sp.GetRequiredService<IOptions<ScoringOptions>>().Value,
            sp.GetRequiredService<IPhraseResolver>()));
        return builder;
    }
}

/// <summary>
/// Checks <see cref="ScoringOptions"/> against the ranges its attributes declare, with messages that name the setting
/// and the value (the data-annotation validator names neither the section nor what was given).
/// </summary>
internal sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = new ScoringOptions();
        var failures = new List<string>();
        foreach (var property in typeof(ScoringOptions).GetProperties())
        {
            if (property.GetCustomAttributes(typeof(RangeAttribute), inherit: false).FirstOrDefault() is not RangeAttribute range
                || property.GetValue(options) is not double value)
            {
                continue;
            }

            var (min, max) = (Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture), Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture));

            // Written so that NaN fails too.
            if (!(value >= min && value <= max))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{ScoringOptions.SectionName}:{property.Name} is {value}; it must be from {min} to {max}, for example {property.GetValue(defaults)}."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
