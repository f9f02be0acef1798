using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaShopper.Core.Ports;
using QaShopper.Hosting;
using QaShopper.Scheduling;
using QaShopper.Web.Campaigns;
using QaShopper.Web.Scenarios;

namespace QaShopper.Web;

/// <summary>What the web app's scenario and campaign pages need from the <c>serve</c> host: its scenario folder and scheduler.</summary>
internal static class ServedManagementExtensions
{
    public static IHostApplicationBuilder AddServedManagement(this IHostApplicationBuilder builder)
    {
        // Resolved on first use, so a host without a scenario folder still starts and says what is missing when asked.
        var settings = builder.Configuration;
        builder.Services.AddSingleton<IScenarioFolder>(_ => new ServedScenarioFolder(AppHost.ScenarioFolder(settings)));
        builder.Services.AddSingleton<ICampaignControl>(services => new ServedCampaignControl(
            AppHost.ScenarioFolder(settings),
            services.GetRequiredService<CampaignScheduler>(),
            services.GetRequiredService<IResultStore>(),
            services.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
