using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrustCheckIn.Common;

namespace TrustCheckIn.Web.Infrastructure;

public static class ModelStateExtensions
{
    // Service errors name the InputModel property; the form binds it under "Input.".
    public static void AddServiceError(this ModelStateDictionary modelState, ServiceError error, string prefix = "Input") =>
        modelState.AddModelError(error.Field.Length == 0 ? "" : $"{prefix}.{error.Field}", error.Message);
}
