using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaShopper.Core.Alerts;

namespace QaShopper.Alerts;

/// <summary>Registers the alerts: <see cref="AlertOptions"/> (validated at start), the channels and the dispatcher.</summary>
internal static class AlertExtensions
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.AddHttpClient(WebhookAlertChannel.ClientName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, WebhookAlertChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertChannel, EmailAlertChannel>());
        services.TryAddSingleton<AlertDispatcher>();
        services.TryAddSingleton<ICallScoredNotifier>(sp => sp.GetRequiredService<AlertDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        return builder;
    }
}
