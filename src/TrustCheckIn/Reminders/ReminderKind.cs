namespace TrustCheckIn.Reminders;

public enum ReminderKind
{
    CheckIn,
    ExpectationsReview,
}
