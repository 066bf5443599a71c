using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Web.Pages.Couple;

public sealed class ScheduleInput
{
    [Required(ErrorMessage = "Please choose a time zone from the list.")]
    [StringLength(64)]
    [Display(Name = "Our time zone")]
    public string TimeZoneId { get; set; } = CheckInSchedule.DefaultTimeZoneId;

    // The full list, behind "another time zone": when chosen, it wins over the short list.
    [StringLength(64)]
    [Display(Name = "Any time zone, by region and city")]
    public string? OtherTimeZoneId { get; set; }

    // A first choice (a new invitation): the browser's own zone is filled in by the page's script.
    [BindNever]
    public bool FillFromBrowser { get; set; }

    [EnumDataType(typeof(DayOfWeek), ErrorMessage = "Please choose a day of the week.")]
    [Display(Name = "Our check-in day")]
    public DayOfWeek CheckInDay { get; set; } = DayOfWeek.Sunday;

    public CheckInSchedule ToSchedule() => new(string.IsNullOrEmpty(OtherTimeZoneId) ? TimeZoneId : OtherTimeZoneId, CheckInDay);

    public static ScheduleInput From(CheckInSchedule schedule) => new() { TimeZoneId = schedule.TimeZoneId, CheckInDay = schedule.Day };
}
