using QaShopper.Core.Campaigns;

namespace QaShopper.Tests.Campaigns;

/// <summary>Checks a plan against the campaign's rules directly, not through the planner's own reasoning.</summary>
internal static class PlanAssert
{
    /// <summary>
    /// Each call's instant is inside its period's occurrence on its local date (ServiceCalendar), and, checked by hand
    /// with the site's zone: on that local date, inside the period's window and the opening hours, not in a closure,
    /// and early enough to finish before its open window ends.
    /// </summary>
    public static void EveryCallInsideAnOpenPeriod(CampaignPlan plan)
    {
        var campaign = plan.Campaign;
        Assert.Multiple(() =>
        {
            foreach (var call in plan.Calls)
            {
                var site = campaign.Site(call.SiteId);
                var period = site.Period(call.Period);
                var occurrence = ServiceCalendar.Occurrence(site, period, call.LocalDate);
                Assert.That(occurrence, Is.Not.Null, call.CallId);
                Assert.That(occurrence!.Contains(call.At), Is.True, $"{call.CallId} at {call.At:O}");
                Assert.That(occurrence.Open.Single(i => i.Contains(call.At)).End, Is.EqualTo(call.WindowEnd), call.CallId);
                Assert.That(call.At + campaign.Pacing.ExpectedCallLength, Is.LessThanOrEqualTo(call.WindowEnd), call.CallId);
                Assert.That(campaign.Lines.Single(l => l.Number == call.Line).SiteId, Is.EqualTo(call.SiteId), call.CallId);

                var local = TimeZoneInfo.ConvertTime(call.At, site.TimeZone);
                Assert.That(DateOnly.FromDateTime(local.DateTime), Is.EqualTo(call.LocalDate), call.CallId);
                Assert.That(period.Days, Does.Contain(call.LocalDate.DayOfWeek), call.CallId);
                Assert.That(period.Window.Contains(local.TimeOfDay), Is.True, $"{call.CallId} at {local:HH:mm:ss} local");
                Assert.That(site.Holidays, Does.Not.Contain(call.LocalDate), call.CallId);
                Assert.That(site.Closures.Any(c => local.DateTime >= c.LocalStart && local.DateTime < c.LocalEnd), Is.False, call.CallId);
                if (site.OpeningHours.Count > 0)
                {
                    Assert.That(site.OpeningHours.Any(h => h.AppliesOn(call.LocalDate) && h.Window.Contains(local.TimeOfDay)), Is.True, call.CallId);
                }

                Assert.That(call.At.Offset, Is.EqualTo(TimeSpan.Zero), call.CallId);
            }
        });
    }

    /// <summary>Starts on a line at least min_gap_same_line apart, and never more than max_concurrent_per_line calls of expected_call_length in progress.</summary>
    public static void Paced(CampaignPlan plan)
    {
        var pacing = plan.Campaign.Pacing;
        Assert.Multiple(() =>
        {
            foreach (var line in plan.Calls.GroupBy(c => c.Line))
            {
                var starts = line.Select(c => c.At).Order().ToList();
                for (var i = 1; i < starts.Count; i++)
                {
                    Assert.That(starts[i] - starts[i - 1], Is.GreaterThanOrEqualTo(pacing.MinGapSameLine), $"{line.Key} at {starts[i]:O}");
                }

                foreach (var start in starts)
                {
                    // Calls in progress at the moment this one starts, itself included.
                    var inProgress = starts.Count(s => s <= start && s + pacing.ExpectedCallLength > start);
                    Assert.That(inProgress, Is.LessThanOrEqualTo(pacing.MaxConcurrentPerLine), $"{line.Key} at {start:O}");
                }
            }
        });
    }
}
