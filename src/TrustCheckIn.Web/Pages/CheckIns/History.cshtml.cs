using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.CheckIns;

public sealed class HistoryModel(CheckInService checkIns) : PageModel
{
    public HistoryPage? History { get; private set; }

    public TrendPeriod Period { get; private set; }

    public IReadOnlyList<TrendChart> Charts { get; private set; } = [];

    public bool HasEarlier { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? before, string? period)
    {
        IsoWeek? cursor = null;
        if (before is not null)
        {
            if (!IsoWeek.TryParse(before, out var week))
            {
                return NotFound();
            }

            cursor = week;
        }

        var userId = User.GetUserId();
        Period = period == "months" ? TrendPeriod.Months : TrendPeriod.Weeks;
        // The chart sits on the newest page only: older pages read just their own weeks.
        History = await checkIns.GetHistoryAsync(userId, cursor, Period);
        HasEarlier = History?.HasEarlier ?? await checkIns.HasEarlierAsync(userId);
        if (History?.Trend is { } trend)
        {
            Charts = TrendChart.From(trend);
        }

        return Page();
    }
}
