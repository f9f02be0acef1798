using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QaShopper.Web.Calls;

/// <summary>The calls area's services: the list, the call details, reviewers' changes, calibration and recordings.</summary>
internal static class CallsServices
{
    public static IServiceCollection AddQaShopperCalls(this IServiceCollection services)
    {
        services.TryAddSingleton<ScenarioVersions>();
        services.TryAddSingleton<RecordingFiles>();
        services.TryAddSingleton<CallListing>();
        services.TryAddSingleton<CallDetailsReader>();
        services.TryAddSingleton<CallReviews>();
        services.TryAddSingleton<CalibrationReader>();
        return services;
    }
}
