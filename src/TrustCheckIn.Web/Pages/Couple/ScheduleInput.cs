using System.ComponentModel.DataAnnotations;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Web.Pages.Couple;

public sealed class ScheduleInput
{
    [Required(ErrorMessage = "Please choose a time zone from the list.")]
    [StringLength(64)]
    [Display(Name = "Our time zone")]
    public string TimeZoneId { get; set; } = CheckInSchedule.DefaultTimeZoneId;

    [EnumDataType(typeof(DayOfWeek), ErrorMessage = "Please choose a day of the week.")]
    [Display(Name = "Our check-in day")]
    public DayOfWeek CheckInDay { get; set; } = DayOfWeek.Sunday;

    public CheckInSchedule ToSchedule() => new(TimeZoneId, CheckInDay);

    public static ScheduleInput From(CheckInSchedule schedule) => new() { TimeZoneId = schedule.TimeZoneId, CheckInDay = schedule.Day };
}
