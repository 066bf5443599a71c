using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TrustCheckIn.Web.Infrastructure;

// A checkbox posted with a value that is not true/false keeps its validation error, but not the unreadable
// value: re-rendering a checkbox from it throws (a 500) instead of showing the form again with the message.
public sealed class UnreadableCheckboxFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var modelState = context.ModelState;
        foreach (var (key, entry) in modelState.ToList())
        {
            if (entry is { Errors.Count: > 0 } && !bool.TryParse(entry.AttemptedValue, out _) && IsBoolean(context.HandlerInstance.GetType(), key))
            {
                modelState.SetModelValue(key, rawValue: null, attemptedValue: null);
            }
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    private static bool IsBoolean(Type type, string key)
    {
        foreach (var name in key.Split('.'))
        {
            if (type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is not { } property)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);
    }
}
