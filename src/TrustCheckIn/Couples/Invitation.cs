using System.Security.Cryptography;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Couples;

public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    // No 0/O or 1/I/L: codes are read aloud and typed from a phone.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 10;

    private Invitation()
    {
    }

    internal Invitation(string inviterId, CheckInSchedule schedule, DateTime now)
    {
        InviterId = inviterId;
        Code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
        TimeZoneId = schedule.TimeZoneId;
        CheckInDay = schedule.Day;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public int Id { get; private set; }

    public string InviterId { get; private set; } = "";

    public AppUser? Inviter { get; private set; }

    public string Code { get; private set; } = "";

    public string TimeZoneId { get; private set; } = CheckInSchedule.DefaultTimeZoneId;

    public DayOfWeek CheckInDay { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public string? AcceptedById { get; private set; }

    public const int MaxEmails = 3;

    // How often the inviter had the app mail it: a cap, so the app cannot be used to send mail to strangers at will.
    public int EmailsSent { get; private set; }

    public int? CoupleId { get; private set; }

    public Couple? Couple { get; private set; }

    public InvitationState StateAt(DateTime now) =>
        AcceptedAt is not null ? InvitationState.Used
        : RevokedAt is not null ? InvitationState.Revoked
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Open;

    public static string NormaliseCode(string? code) =>
        new((code ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public bool TryCountEmail(DateTime now)
    {
        if (StateAt(now) != InvitationState.Open || EmailsSent >= MaxEmails)
        {
            return false;
        }

        EmailsSent++;
        return true;
    }

    public void Revoke(DateTime now)
    {
        if (StateAt(now) != InvitationState.Open)
        {
            throw new InvalidOperationException("Only an open invitation can be revoked.");
        }

        RevokedAt = now;
    }

    public Couple Accept(string accepterId, DateTime now)
    {
        if (StateAt(now) != InvitationState.Open || accepterId == InviterId)
        {
            throw new InvalidOperationException("This invitation cannot be accepted.");
        }

        AcceptedAt = now;
        AcceptedById = accepterId;
        Couple = new Couple(InviterId, accepterId, new CheckInSchedule(TimeZoneId, CheckInDay), now);
        return Couple;
    }
}

public enum InvitationState
{
    Open,
    Expired,
    Revoked,
    Used,
}
