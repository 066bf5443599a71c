using System.ComponentModel.DataAnnotations;
using TrustCheckIn.Journal;

namespace TrustCheckIn.Web.Pages.Journal;

public sealed class EntryInput
{
    [Display(Name = "A prompt to answer (optional)")]
    public JournalPrompt? Prompt { get; set; }

    // No length attribute: the service counts a line break as one character, as the person sees it.
    [Required(ErrorMessage = "Please write something first. A sentence is plenty.")]
    [Display(Name = "Your entry")]
    public string Text { get; set; } = "";

    [Display(Name = "Shareable with my therapist")]
    public bool ShareableWithTherapist { get; set; }

    public JournalService.EntryInput ToEntry() => new(Prompt, Text, ShareableWithTherapist);

    public static EntryInput From(JournalService.EntryView entry) =>
        new() { Prompt = entry.Prompt, Text = entry.Text, ShareableWithTherapist = entry.ShareableWithTherapist };
}
