using System.ComponentModel.DataAnnotations;

namespace TrustCheckIn.Web.Pages.Account;

// The one-field form of the resend and forgot-password pages.
public sealed class EmailInput
{
    [Required(ErrorMessage = "Please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address.")]
    [StringLength(256)]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";
}
