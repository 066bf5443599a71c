using System.Diagnostics.CodeAnalysis;

namespace TrustCheckIn.Common;

public enum RefusalKind
{
    // Not there for this person (404): nothing about it is revealed.
    NotFound,

    // Bad input: Field names the form field it belongs to ("" for the whole form).
    Invalid,

    // Someone else changed it meanwhile.
    Conflict,

    // A product rule says no right now ("the couple has ended", "a new week began").
    RefusedByRule,
}

// A refusal a person can act on; make one with a factory so the kind is stated at the call site.
public record ServiceError(RefusalKind Kind, string Field, string Message)
{
    public static ServiceError NotFound(string what) => new(RefusalKind.NotFound, "", $"We couldn't find that {what}.");

    public static ServiceError Invalid(string field, string message) => new(RefusalKind.Invalid, field, message);

    public static ServiceError InvalidForm(string message) => new(RefusalKind.Invalid, "", message);

    public static ServiceError Conflict(string message) => new(RefusalKind.Conflict, "", message);

    public static ConflictError<T> Conflict<T>(string message, T current) => new(message, current);

    public static ServiceError RefusedByRule(string message) => new(RefusalKind.RefusedByRule, "", message);
}

// A conflict that carries the version now stored, so the page can show it beside what was typed.
public sealed record ConflictError<T>(string Message, T Current) : ServiceError(RefusalKind.Conflict, "", Message);

public readonly record struct Result<T>
{
    private Result(T? value, ServiceError? error) => (Value, Error) = (value, error);

    public T? Value { get; }

    public ServiceError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(ServiceError error) => new(default, error);
}

public readonly record struct Result(ServiceError? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static Result Ok { get; } = new(null);

    public static implicit operator Result(ServiceError error) => new(error);
}
