using System.ComponentModel.DataAnnotations;
using TrustCheckIn.Expectations;

namespace TrustCheckIn.Web.Pages.Expectations;

public sealed class ExpectationInput
{
    [Required(ErrorMessage = "Please write the need this row is about.")]
    [StringLength(ExpectationContent.NeedLength, ErrorMessage = "Please keep the need to {1} characters.")]
    [Display(Name = "What we need")]
    public string Need { get; set; } = "";

    [Required(ErrorMessage = "Please write the action that builds trust.")]
    [StringLength(ExpectationContent.ActionLength, ErrorMessage = "Please keep the action to {1} characters.")]
    [Display(Name = "What builds trust")]
    public string Action { get; set; } = "";

    [EnumDataType(typeof(ExpectationFrequency), ErrorMessage = "Please choose how often.")]
    [Display(Name = "How often")]
    public ExpectationFrequency Frequency { get; set; } = ExpectationFrequency.Weekly;

    [StringLength(ExpectationContent.CustomFrequencyLength, ErrorMessage = "Please keep how often to {1} characters.")]
    [Display(Name = "How often, in your own words")]
    public string? CustomFrequency { get; set; }

    // The row's Version when this person opened it: a save over a newer change is refused, never lost.
    public int Version { get; set; }

    public ExpectationContent ToContent() => new(Need, Action, Frequency, CustomFrequency);

    public static ExpectationInput From(ExpectationContent content, int version) => new()
    {
        Need = content.Need,
        Action = content.Action,
        Frequency = content.Frequency,
        CustomFrequency = content.CustomFrequency,
        Version = version,
    };
}
