using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account.Manage;

public sealed class PersonalDataModel(PersonalDataService personalData, TimeProvider time) : PageModel
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var export = await personalData.ExportAsync(User.GetUserId(), HttpContext.RequestAborted);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { exportedAt = time.GetUtcNow().UtcDateTime, data = export }, JsonOptions);
        return File(body, "application/json", "trustcheckin-my-data.json");
    }

    public async Task<IActionResult> OnGetCheckInsCsvAsync()
    {
        var csv = await personalData.CheckInsCsvAsync(User.GetUserId(), HttpContext.RequestAborted);
        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "trustcheckin-my-check-ins.csv");
    }
}
