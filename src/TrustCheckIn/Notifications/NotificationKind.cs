namespace TrustCheckIn.Notifications;

// What happened, never what anyone wrote: a notification is a kind, who and which couple, and where to look.
public enum NotificationKind
{
    PartnerCheckedIn,
    AnswersReady,
    StatementShared,
    StatementAcknowledged,
    StatementAnswered,
    ExpectationsChanged,
    ReviewToConfirm,
    FollowThroughNoticed,
    TherapistLinked,
    TherapistUnlinked,
    PartnerSharingChanged,
    PartnerLeft,
    TherapistApproved,
    CoupleLinkedYou,
    ConsentChanged,
    TherapistAwaitingApproval,
    ConsentRequested,
    ConsentRequestAnswered,
    PauseProposed,
    PauseAccepted,
    PauseDeclined,
    PauseEnded,
    AgendaItemAdded,
    PracticeSuggested,
}

public static class NotificationKinds
{
    // The words shown in the list and in mails: fixed per kind, so no entry text can ever reach them.
    public static string Title(NotificationKind kind) => kind switch
    {
        NotificationKind.PartnerCheckedIn => "Your partner checked in. Your answers are still yours to give; theirs wait for yours.",
        NotificationKind.AnswersReady => "You've both checked in: this week's answers are ready to see.",
        NotificationKind.StatementShared => "Your partner shared an \"I feel\" statement with you.",
        NotificationKind.StatementAcknowledged => "Your partner let you know they hear your statement.",
        NotificationKind.StatementAnswered => "Your partner answered your statement.",
        NotificationKind.ExpectationsChanged => "Your partner changed your expectations table.",
        NotificationKind.ReviewToConfirm => "Your partner marked your expectations as reviewed together and asks you to confirm.",
        NotificationKind.FollowThroughNoticed => "Your partner noticed your follow-through.",
        NotificationKind.TherapistLinked => "Your partner linked a therapist to your couple.",
        NotificationKind.TherapistUnlinked => "Your partner unlinked your therapist.",
        NotificationKind.PartnerSharingChanged => "Your partner changed what they share with your therapist.",
        NotificationKind.PartnerLeft => "Your partner has left the couple. What you wrote is still yours to read and download.",
        NotificationKind.TherapistApproved => "Your therapist account was approved.",
        NotificationKind.CoupleLinkedYou => "A couple linked you as their therapist.",
        NotificationKind.ConsentChanged => "A partner changed what they share with you.",
        NotificationKind.TherapistAwaitingApproval => "A therapist account is waiting for approval.",
        NotificationKind.ConsentRequested => "Your therapist asks whether you would share something more. It is yours to decide.",
        NotificationKind.ConsentRequestAnswered => "A partner answered your request to share.",
        NotificationKind.PauseProposed => "Your partner suggests pausing your check-ins for a while. You can accept or decline.",
        NotificationKind.PauseAccepted => "Your partner accepted the pause. Check-in reminders rest until it ends.",
        NotificationKind.PauseDeclined => "Your partner would rather keep checking in, so there is no pause for now.",
        NotificationKind.PauseEnded => "Your partner resumed your check-ins: this week is a normal week again.",
        NotificationKind.AgendaItemAdded => "Your partner added something they'd like to bring to your next session.",
        NotificationKind.PracticeSuggested => "Your therapist suggested something to try together before your next session.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // Short names for the settings page and the digest mail.
    public static string Name(NotificationKind kind) => kind switch
    {
        NotificationKind.PartnerCheckedIn => "Your partner checked in",
        NotificationKind.AnswersReady => "This week's answers are ready",
        NotificationKind.StatementShared => "A statement was shared with you",
        NotificationKind.StatementAcknowledged => "Your statement was acknowledged",
        NotificationKind.StatementAnswered => "Your statement was answered",
        NotificationKind.ExpectationsChanged => "The expectations table changed",
        NotificationKind.ReviewToConfirm => "A review to confirm",
        NotificationKind.FollowThroughNoticed => "Your follow-through was noticed",
        NotificationKind.TherapistLinked => "A therapist was linked",
        NotificationKind.TherapistUnlinked => "The therapist was unlinked",
        NotificationKind.PartnerSharingChanged => "Your partner changed their sharing",
        NotificationKind.PartnerLeft => "Your partner left",
        NotificationKind.TherapistApproved => "Your therapist account was approved",
        NotificationKind.CoupleLinkedYou => "A couple linked you",
        NotificationKind.ConsentChanged => "A partner's consent changed",
        NotificationKind.TherapistAwaitingApproval => "A therapist waits for approval",
        NotificationKind.ConsentRequested => "Your therapist asks you to share",
        NotificationKind.ConsentRequestAnswered => "A partner answered your request",
        NotificationKind.PauseProposed => "Your partner proposes a pause",
        NotificationKind.PauseAccepted => "Your pause was accepted",
        NotificationKind.PauseDeclined => "Your pause was declined",
        NotificationKind.PauseEnded => "Your partner resumed check-ins",
        NotificationKind.AgendaItemAdded => "Something new on your session agenda",
        NotificationKind.PracticeSuggested => "Your therapist suggested a practice",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
