namespace TrustCheckIn.Common;

// A refusal a person can act on: Field names the form field it belongs to ("" for the whole form).
public sealed record ServiceError(string Field, string Message)
{
    public static ServiceError NotFound(string what) => new("", $"We couldn't find that {what}.");
}

public readonly record struct Result<T>(T? Value, ServiceError? Error)
{
    public bool Succeeded => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(ServiceError error) => new(default, error);
}

public readonly record struct Result(ServiceError? Error)
{
    public bool Succeeded => Error is null;

    public static Result Ok { get; } = new(null);

    public static implicit operator Result(ServiceError error) => new(error);
}
